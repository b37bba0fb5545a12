//! `sahaya bridge email`: the email bridge between a mailbox and a sahaya
//! server (see `sahaya_bridge_email::relay`), configured in `[bridge]` and
//! `[bridge.email]` of the config file.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;

use crate::config::{self, Config};
use sahaya_bridge_email::relay::Relay;
use sahaya_sync::client::Client;

/// Command-line options of `sahaya bridge email`.
#[derive(Debug, Clone, Default)]
pub struct BridgeOptions {
    pub server: Option<String>,
    pub token: Option<crate::credentials::Token>,
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// Seconds between rounds, instead of the config's `poll_secs`.
    pub poll_secs: Option<u64>,
}

const EXAMPLE: &str = "[bridge]\n\
    server = \"http://127.0.0.1:7878\"\n\
    token = \"…\"   # the integration account's token, or SAHAYA_BRIDGE_TOKEN\n\n\
    [bridge.email.imap]\n\
    host = \"imap.example.com\"\n\
    login = { username = \"support@example.com\", password_env = \"SUPPORT_MAIL_PASSWORD\" }\n\n\
    [bridge.email.smtp]\n\
    host = \"smtp.example.com\"\n\
    login = { username = \"support@example.com\", password_env = \"SUPPORT_MAIL_PASSWORD\" }\n\n\
    [bridge.email.team]\n\
    address = \"support@example.com\"\n\
    name = \"Example Shop Support\"\n\
    signature = \"Example Shop · support@example.com\"";

/// Runs the email bridge until Ctrl-C or SIGTERM.
pub fn run_email(opts: BridgeOptions) -> anyhow::Result<()> {
    init_logging();
    let config_path = opts.config.clone().or_else(config::default_config_path);
    let config = match &config_path {
        Some(path) => config::load(path)?,
        None => Config::default(),
    };
    let shown = config_path
        .as_ref()
        .map_or("the config file".to_string(), |p| p.display().to_string());
    let section = config.bridge.clone().unwrap_or_default();
    let relay_config = section.email.clone().with_context(|| {
        format!("{shown} has no [bridge.email] section; add one like this:\n\n{EXAMPLE}")
    })?;
    let server = opts
        .server
        .clone()
        .or(section.server.clone())
        .or(config.server.clone())
        .context("which sahaya server? pass --server URL or put `server = \"…\"` under [bridge]")?;
    let token = opts
        .token
        .clone()
        .or_else(|| {
            std::env::var("SAHAYA_BRIDGE_TOKEN")
                .ok()
                .and_then(|t| crate::credentials::Token::new(&t))
        })
        .or(section.token.clone())
        .context(
            "no token for the bridge: pass the integration account's token with --token, \
             set SAHAYA_BRIDGE_TOKEN, or put `token = \"…\"` under [bridge] \
             (`sahaya serve --demo` prints the demo's)",
        )?;
    let state_dir = relay_config.state_dir.clone().unwrap_or_else(|| {
        opts.data_dir
            .clone()
            .unwrap_or_else(config::default_data_dir)
            .join("bridge-email")
    });
    let poll = Duration::from_secs(opts.poll_secs.unwrap_or(relay_config.poll_secs).max(1));
    let runtime = tokio::runtime::Runtime::new()?;
    let api =
        Client::new(&server, token.expose()).map_err(|e| anyhow::anyhow!(e.user_message()))?;
    let mut relay = Relay::open(
        relay_config,
        state_dir.clone(),
        api,
        runtime.handle().clone(),
    )?
    .with_poll(poll);
    let stop = Arc::new(AtomicBool::new(false));
    runtime.spawn(stop_on_signal(stop.clone()));
    eprintln!(
        "sahaya bridge email: {server} ⇄ mail, state in {}; Ctrl-C stops",
        state_dir.display()
    );
    relay.run(&stop)?;
    eprintln!("sahaya bridge email: stopped");
    Ok(())
}

/// Sets `stop` on Ctrl-C or SIGTERM; the relay finishes its step and stops.
async fn stop_on_signal(stop: Arc<AtomicBool>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            stop.store(true, Ordering::Relaxed);
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    stop.store(true, Ordering::Relaxed);
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAHAYA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
