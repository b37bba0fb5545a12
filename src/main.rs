use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// sahaya (ಸಹಾಯ / సహాయం / सहायता): a keyboard-only support console.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Support server URL (default: an embedded demo server).
    #[arg(long, global = false)]
    server: Option<String>,
    /// What the server is: sahaya (its reference server, the default) or rt
    /// (Request Tracker 5; --server is RT's web address, --token an RT auth token).
    #[arg(long, value_enum, value_name = "KIND")]
    backend: Option<sahaya::config::BackendKind>,
    /// Bearer token for the server (also SAHAYA_TOKEN or the config file).
    #[arg(long, hide_env_values = true)]
    token: Option<sahaya::credentials::Token>,
    /// Where the cache, drafts and logs live.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// UI language: en, kn, te, ne, hi (default from the config file or LANG).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Config file to read instead of the one in the platform config dir.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Colours: default, high-contrast or no-color. Without it, NO_COLOR in
    /// the environment turns colour off, else the config file's `theme` decides.
    #[arg(long, value_name = "THEME")]
    theme: Option<sahaya::ui::theme::Palette>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the reference support server.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:7878")]
        addr: SocketAddr,
        /// SQLite database file (kept between runs), or a PostgreSQL URL
        /// (postgres://user@host:port/database) that several servers can
        /// share; without it, data lives in memory.
        #[arg(long, value_name = "FILE|URL")]
        db: Option<PathBuf>,
        /// Seed the demo data and print the demo accounts' tokens.
        #[arg(long)]
        demo: bool,
        /// Add N generated tickets (about ten messages each) for scale tests.
        #[arg(long, value_name = "N", default_value_t = 0)]
        synthetic_tickets: usize,
        /// Make new customer messages arrive every few seconds.
        #[arg(long)]
        simulate_traffic: bool,
    },
    /// Run a channel bridge between the sahaya server and a channel.
    Bridge {
        #[command(subcommand)]
        channel: BridgeChannel,
    },
    /// Check language, terminal, fonts and server; calibrate text widths.
    Doctor {
        /// Support server URL to check (default: the config file's).
        #[arg(long)]
        server: Option<String>,
        /// What the server is: sahaya or rt (default: the config file's, else sahaya).
        #[arg(long, value_enum, value_name = "KIND")]
        backend: Option<sahaya::config::BackendKind>,
        /// Bearer token for the server (also SAHAYA_TOKEN or the config file).
        #[arg(long, hide_env_values = true)]
        token: Option<sahaya::credentials::Token>,
        /// Where the width calibration is cached.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Measure again and replace this terminal's cached calibration.
        #[arg(long)]
        recalibrate: bool,
    },
}

#[derive(Subcommand, Debug)]
enum BridgeChannel {
    /// Email: customer mail (IMAP) becomes tickets and messages; replies,
    /// notices and surveys go out over SMTP. Configured in [bridge.email].
    Email {
        /// The sahaya server (default: [bridge] server, else server).
        #[arg(long)]
        server: Option<String>,
        /// The integration account's token (also SAHAYA_BRIDGE_TOKEN).
        #[arg(long, hide_env_values = true)]
        token: Option<sahaya::credentials::Token>,
        /// Seconds between rounds (default: poll_secs in [bridge.email], 10).
        #[arg(long, value_name = "SECONDS")]
        poll: Option<u64>,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Serve {
            addr,
            db,
            demo,
            synthetic_tickets,
            simulate_traffic,
        }) => {
            init_stderr_logging();
            let (db, postgres) = sahaya::server::db_argument(db);
            let opts = sahaya::server::ServeOptions {
                addr,
                db,
                postgres,
                demo,
                synthetic_tickets,
                simulate_traffic,
                ..Default::default()
            };
            tokio::runtime::Runtime::new()
                .map_err(anyhow::Error::from)
                .and_then(|rt| rt.block_on(sahaya::server::run_cli(opts)))
        }
        Some(Command::Bridge {
            channel:
                BridgeChannel::Email {
                    server,
                    token,
                    poll,
                },
        }) => sahaya::bridge::run_email(sahaya::bridge::BridgeOptions {
            server: server.or(cli.server),
            token: token.or(cli.token),
            config: cli.config,
            data_dir: cli.data_dir,
            poll_secs: poll,
        }),
        Some(Command::Doctor {
            server,
            backend,
            token,
            data_dir,
            recalibrate,
        }) => sahaya::doctor::run(sahaya::doctor::DoctorOptions {
            server: server.or(cli.server),
            backend: backend.or(cli.backend),
            token: token.or(cli.token),
            data_dir: data_dir.or(cli.data_dir),
            lang: cli.lang,
            config: cli.config,
            recalibrate,
        }),
        None => {
            let opts = sahaya::console::ConsoleOptions {
                server: cli.server,
                backend: cli.backend,
                token: cli.token,
                data_dir: cli.data_dir,
                lang: cli.lang,
                config: cli.config,
                theme: cli.theme,
            };
            tokio::runtime::Runtime::new()
                .map_err(anyhow::Error::from)
                .and_then(|rt| rt.block_on(sahaya::console::run(opts)))
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sahaya: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The server logs to stderr (it has no screen to protect); level from `SAHAYA_LOG`.
fn init_stderr_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAHAYA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
