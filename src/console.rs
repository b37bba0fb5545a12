//! Starting the console: config, credentials, the embedded demo server when
//! no server is configured, the cache, the sync task and the UI.

use std::path::PathBuf;

use anyhow::Context;

use crate::config::{self, BackendKind, Config};
use crate::credentials::{self, Given, Token};
use sahaya_protocol::Clock;
use sahaya_protocol::domain::Role;
use sahaya_tui::theme::{Palette, Theme};

/// Command-line options of the console.
#[derive(Debug, Clone, Default)]
pub struct ConsoleOptions {
    pub server: Option<String>,
    /// What the server is (default: the config file's, else sahaya's own).
    pub backend: Option<BackendKind>,
    pub token: Option<Token>,
    pub data_dir: Option<PathBuf>,
    pub lang: Option<String>,
    pub config: Option<PathBuf>,
    /// Colours (`--theme`); wins over `NO_COLOR` and the config file.
    pub theme: Option<sahaya_tui::theme::Palette>,
}

/// Where the console connects and who it is.
struct Target {
    backend: BackendKind,
    url: String,
    token: Token,
    cache_name: String,
    /// Keeps the embedded server alive while the console runs.
    _embedded: Option<sahaya_server::RunningServer>,
}

async fn target(
    opts: &ConsoleOptions,
    config: &Config,
    config_path: Option<&std::path::Path>,
    data_dir: &std::path::Path,
    clock: &Clock,
) -> anyhow::Result<Target> {
    let server = opts.server.clone().or_else(|| config.server.clone());
    let backend = opts.backend.or(config.backend).unwrap_or_default();
    match server {
        Some(url) => {
            let found = credentials::find(Given {
                flag: opts.token.as_ref(),
                env: credentials::from_env(),
                config: config.token.as_ref(),
                server: &url,
                config_file: config_path,
                keyring: true,
            })?;
            let file = config_path
                .and_then(credentials::token_file)
                .map_or_else(|| "the token file".to_string(), |p| p.display().to_string());
            let (token, source) = found.with_context(|| match backend {
                BackendKind::Rt => format!("no token for Request Tracker: make one in RT (Logged in as you: Settings → Auth Tokens), then store it in the OS keyring (service `sahaya`, user `{url}`) or in {file} (chmod 600), pass --token or set SAHAYA_TOKEN"),
                BackendKind::Sahaya => format!("no token for the server: store it in the OS keyring (service `sahaya`, user `{url}`) or in {file} (chmod 600), pass --token or set SAHAYA_TOKEN"),
            })?;
            tracing::info!("access token from {source}");
            // One cache per helpdesk: the same URL as another kind is another cache.
            let prefix = match backend {
                BackendKind::Sahaya => "cache",
                BackendKind::Rt => "cache-rt",
            };
            let cache_name = format!(
                "{prefix}-{}.db",
                url.chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect::<String>()
            );
            Ok(Target {
                backend,
                url,
                token,
                cache_name,
                _embedded: None,
            })
        }
        None if backend == BackendKind::Rt => anyhow::bail!(
            "--backend rt needs Request Tracker's web address: pass --server URL (e.g. https://rt.example.com/) or put `server = \"…\"` in the config file"
        ),
        None => {
            // The demo server's database holds the tokens it accepts: its
            // owner alone reads it (SQLite gives its -wal and -shm files the
            // same mode).
            let db = data_dir.join(DEMO_SERVER_DB);
            credentials::owner_only(&db)?;
            let server = sahaya_server::start(sahaya_server::ServeOptions {
                addr: "127.0.0.1:0".parse()?,
                db: Some(db),
                demo: true,
                // The demo's customers on chat-like channels get and read
                // replies; email waits for `sahaya bridge email`.
                simulate_delivery: true,
                clock: clock.clone(),
                ..Default::default()
            })
            .await
            .context("cannot start the embedded demo server")?;
            // The demo keeps its agent's token as a user would: in a file
            // only its owner reads, read back through the same checks.
            let demo = server
                .token(Role::Agent)
                .and_then(Token::new)
                .context("the demo server has no agent account")?;
            let file = data_dir.join(DEMO_TOKEN_FILE);
            credentials::write_file(&file, &demo)?;
            let token = credentials::read_file(&file)?
                .with_context(|| format!("{} vanished", file.display()))?;
            Ok(Target {
                backend: BackendKind::Sahaya,
                url: server.url(),
                token,
                cache_name: "cache-demo.db".to_string(),
                _embedded: Some(server),
            })
        }
    }
}

/// The embedded demo's token file, in the data dir.
pub const DEMO_TOKEN_FILE: &str = "demo-token";

/// The embedded demo server's database, in the data dir.
pub const DEMO_SERVER_DB: &str = "demo-server.db";

/// Logs go to a file in the data dir, never to the screen.
fn init_file_logging(data_dir: &std::path::Path) {
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join("sahaya.log"))
    else {
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAHAYA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
}

pub async fn run(opts: ConsoleOptions) -> anyhow::Result<()> {
    let config_path = opts.config.clone().or_else(config::default_config_path);
    let config = match &config_path {
        Some(p) => config::load(p)?,
        None => Config::default(),
    };
    let data_dir = opts
        .data_dir
        .clone()
        .unwrap_or_else(config::default_data_dir);
    std::fs::create_dir_all(&data_dir)
        .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    init_file_logging(&data_dir);

    let (locale, notice) = sahaya_i18n::choose_locale(opts.lang.as_deref(), config.lang.as_deref());
    let i18n = sahaya_i18n::I18n::with_options(&locale, config.i18n_options());
    let notice = notice.map(|n| n.text(&i18n));
    let keymap = sahaya_keymap::Keymap::load(sahaya_keymap::user_keymap_path().as_deref())?;

    // One clock for the embedded demo server, the sync task, the cache and
    // the UI.
    let clock = Clock::system();
    let target = target(&opts, &config, config_path.as_deref(), &data_dir, &clock).await?;
    let cache = data_dir.join(&target.cache_name);
    let store = sahaya_store::Store::open_with_clock(&cache, clock.clone())
        .with_context(|| format!("cannot open the cache {}", cache.display()))?;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let files = config.files.clone().unwrap_or_default().settings(&data_dir);
    let (sync, capabilities) = match target.backend {
        BackendKind::Sahaya => {
            let client = sahaya_sync::client::Client::new(&target.url, target.token.expose())?;
            let backend = sahaya_sync::SahayaBackend::new(client);
            let capabilities = sahaya_sync::Backend::capabilities(&backend);
            (
                sahaya_sync::spawn_configured(backend, cache, tx, clock.clone(), files),
                capabilities,
            )
        }
        BackendKind::Rt => {
            let backend =
                sahaya_sync::RtBackend::new(&target.url, target.token.expose(), clock.clone())?;
            let capabilities = sahaya_sync::Backend::capabilities(&backend);
            (
                sahaya_sync::spawn_configured(backend, cache, tx, clock.clone(), files),
                capabilities,
            )
        }
    };
    // The widths `sahaya doctor` measured in this terminal, if it did.
    let profile = sahaya_text::calibration::load_cached_profile(&data_dir).unwrap_or_default();
    let mut app = sahaya_tui::App::with_clock(store, i18n, keymap, profile, clock);
    app.supervisor.rules = config.alerts.clone().unwrap_or_default();
    app.late.rule = config.late.clone().unwrap_or_default().rule();
    let no_color = std::env::var_os("NO_COLOR");
    app.theme = Theme::new(Palette::choose(
        opts.theme,
        no_color.as_deref(),
        config.theme,
    ));
    app.capabilities = capabilities;
    // Saved views live beside the config file.
    if let Some(dir) = config_path.as_deref().and_then(std::path::Path::parent) {
        app.use_saved_views(&dir.join(sahaya_tui::saved_views::FILE_NAME));
    }
    if let Some(notice) = notice {
        app.flash(notice);
    }
    tracing::info!(
        "console started against {} ({})",
        target.url,
        target.backend.as_str()
    );
    let (ask, requests) = tokio::sync::mpsc::unbounded_channel();
    let link = tokio::spawn(sync.serve(requests));
    let ended = sahaya_tui::run(app, rx, ask).await;
    // The UI's last request (presence cleared) reaches the sync task.
    let _ = link.await;
    ended
}
