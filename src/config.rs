//! The config file (`config.toml` in the platform config dir) and where the
//! console keeps its data.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use sahaya_i18n::{Calendar, Digits};

/// Which kind of helpdesk `server` is (`--backend`, `backend = "…"`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum BackendKind {
    /// sahaya's own reference server (`sahaya serve`).
    #[default]
    Sahaya,
    /// Request Tracker 5, over its REST 2 API; the token is an RT auth token.
    Rt,
}

impl BackendKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackendKind::Sahaya => "sahaya",
            BackendKind::Rt => "rt",
        }
    }
}

/// What the config file may say. Every field is optional.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Support server URL; without it the console runs the embedded demo server.
    pub server: Option<String>,
    /// What `server` is: "sahaya" (default) or "rt" (Request Tracker 5).
    pub backend: Option<BackendKind>,
    /// Bearer token (the file must then be readable by its owner only).
    /// Better kept in the OS keyring or the token file: see `credentials`.
    pub token: Option<crate::credentials::Token>,
    /// UI language: en, kn, te, ne.
    pub lang: Option<String>,
    /// Digits: "native" (೦-೯, ౦-౯, ०-९) or "ascii". Default: the
    /// language's own (native for Nepali, ascii for the others).
    pub digits: Option<Digits>,
    /// Calendar for dates: "gregorian" (default) or "bikram-sambat".
    pub calendar: Option<Calendar>,
    /// Supervisor alerts (`[alerts]`): limits and how the terminal is told.
    pub alerts: Option<sahaya_tui::alerts::AlertRules>,
    /// Colours: "default", "high-contrast" or "no-color" (`NO_COLOR` in the
    /// environment and `--theme` win over it).
    pub theme: Option<sahaya_tui::theme::Palette>,
    /// Channel bridges (`[bridge]`, `[bridge.email]`).
    pub bridge: Option<BridgeConfig>,
    /// Files of messages (`[files]`): where they are saved, how opened.
    pub files: Option<FilesConfig>,
    /// When a shipment counts as late (`[late]`).
    pub late: Option<LateConfig>,
}

/// `[late]`: the late-shipment screen's rule. A shipment is late when the
/// carrier's ETA has passed or it was not scanned for `no_scan_hours`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateConfig {
    /// Hours without a tracking scan after which a parcel is late
    /// (default 24; 1 to 720).
    pub no_scan_hours: Option<NoScanHours>,
}

/// Hours without a scan: 1 to 720 (30 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub struct NoScanHours(pub i64);

impl TryFrom<i64> for NoScanHours {
    type Error = String;

    fn try_from(hours: i64) -> Result<Self, String> {
        if (1..=720).contains(&hours) {
            Ok(NoScanHours(hours))
        } else {
            Err(format!(
                "no_scan_hours = {hours}: give the hours without a tracking scan after which a parcel is late, 1 to 720 (e.g. 24)"
            ))
        }
    }
}

impl LateConfig {
    /// The rule the late-shipment screen applies.
    pub fn rule(&self) -> sahaya_store::LateRule {
        let mut rule = sahaya_store::LateRule::default();
        if let Some(NoScanHours(h)) = self.no_scan_hours {
            rule.no_scan_hours = h;
        }
        rule
    }
}

/// `[files]`: what happens to a file the agent fetches with `f`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilesConfig {
    /// Where fetched files are saved (default: the system's downloads
    /// folder, else `downloads` in the data dir).
    pub downloads: Option<PathBuf>,
    /// Open a saved file with the system viewer (default: true).
    pub open: Option<bool>,
    /// The program that opens a file, with its first arguments (default:
    /// `xdg-open`, `open` on macOS).
    pub opener: Option<Vec<String>>,
    /// Most megabytes of fetched files kept to open again without the
    /// network (default: 200).
    pub cache_mb: Option<u64>,
}

impl FilesConfig {
    /// Where files go and how they are opened, for a console whose data
    /// lives in `data_dir`.
    pub fn settings(&self, data_dir: &Path) -> sahaya_sync::FileSettings {
        let downloads = self
            .downloads
            .clone()
            .or_else(|| {
                directories::UserDirs::new().and_then(|u| u.download_dir().map(Path::to_path_buf))
            })
            .unwrap_or_else(|| data_dir.join("downloads"));
        let opener = match self.open {
            Some(false) => None,
            _ => self
                .opener
                .clone()
                .filter(|o| !o.is_empty())
                .or_else(sahaya_sync::FileSettings::system_opener),
        };
        sahaya_sync::FileSettings {
            cache_dir: data_dir.join("files"),
            cache_cap: self
                .cache_mb
                .map_or(sahaya_sync::files::DEFAULT_CACHE_CAP, |mb| {
                    mb.saturating_mul(1024 * 1024)
                }),
            downloads,
            opener,
        }
    }
}

/// `[bridge]`: how bridges reach the server, and each bridge's settings.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BridgeConfig {
    /// The sahaya server (default: the top-level `server`).
    pub server: Option<String>,
    /// The integration account's token (the file must then be readable by
    /// its owner only). Also `--token` or SAHAYA_BRIDGE_TOKEN.
    pub token: Option<crate::credentials::Token>,
    /// `[bridge.email]`: the mailbox and mail server of the email bridge.
    pub email: Option<sahaya_bridge_email::relay::RelayConfig>,
}

impl Config {
    /// Whether the file holds something secret (a token or a password).
    fn holds_secrets(&self) -> bool {
        let bridge = self.bridge.as_ref();
        let mail_password = bridge.and_then(|b| b.email.as_ref()).is_some_and(|e| {
            e.imap.login.password.is_some()
                || e.smtp.login.as_ref().is_some_and(|l| l.password.is_some())
        });
        self.token.is_some() || bridge.is_some_and(|b| b.token.is_some()) || mail_password
    }
}

impl Config {
    /// The display options for [`sahaya_i18n::I18n::with_options`].
    pub fn i18n_options(&self) -> sahaya_i18n::Options {
        sahaya_i18n::Options {
            digits: self.digits,
            calendar: self.calendar.unwrap_or_default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path} holds a token or password but can be read by other users; run `chmod 600 {path}` (or move the token to SAHAYA_TOKEN, a mail password to the variable named by password_env)"
    )]
    TooOpen { path: PathBuf },
}

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "sahaya")
}

pub fn default_config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

pub fn default_data_dir() -> PathBuf {
    dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".sahaya"))
}

/// Line and column (1-based) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads the config file at `path`; a missing file is an empty config.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let config: Config = toml::from_str(&text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().to_string(),
        }
    })?;
    if config.holds_secrets() && readable_by_others(path) {
        return Err(ConfigError::TooOpen {
            path: path.to_path_buf(),
        });
    }
    Ok(config)
}

#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o077 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "lang = \"kn\"\nserver = 42\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("config.toml:2:"), "{err}");
        std::fs::write(&path, "colour = \"red\"\n").unwrap();
        assert!(load(&path).unwrap_err().to_string().contains(":1:"));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_token_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "token = \"sh_secret\"\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains("chmod 600") && !err.contains("sh_secret"),
            "{err}"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let token = load(&path).unwrap().token.unwrap();
        assert_eq!(token.expose(), "sh_secret");
        assert!(!format!("{:?}", load(&path).unwrap()).contains("sh_secret"));
    }

    #[test]
    fn late_rule() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[late]\nno_scan_hours = 36\n").unwrap();
        let rule = load(&path).unwrap().late.unwrap().rule();
        assert_eq!(rule.no_scan_hours, 36);
        assert_eq!(LateConfig::default().rule().no_scan_hours, 24);
        std::fs::write(&path, "[late]\nno_scan_hours = 0\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains(":2:") && err.contains("1 to 720"), "{err}");
    }

    #[test]
    fn backend_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "backend = \"rt\"\nserver = \"https://rt.example.com/\"\n",
        )
        .unwrap();
        assert_eq!(load(&path).unwrap().backend, Some(BackendKind::Rt));
        std::fs::write(&path, "server = \"https://x.example/\"\n").unwrap();
        assert_eq!(load(&path).unwrap().backend, None);
        std::fs::write(&path, "backend = \"zendesk\"\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains(":1:") && err.contains("rt"), "{err}");
    }

    #[test]
    fn digits_and_calendar() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "lang = \"ne\"\ndigits = \"ascii\"\ncalendar = \"bikram-sambat\"\n",
        )
        .unwrap();
        let config = load(&path).unwrap();
        assert_eq!(config.digits, Some(Digits::Ascii));
        assert_eq!(config.calendar, Some(Calendar::BikramSambat));
        let options = config.i18n_options();
        assert_eq!(options.digits, Some(Digits::Ascii));
        assert_eq!(options.calendar, Calendar::BikramSambat);
        let i18n = sahaya_i18n::I18n::with_options("ne", options);
        assert_eq!(i18n.number(1200), "1,200");
        assert_eq!(i18n.calendar(), Calendar::BikramSambat);

        std::fs::write(&path, "digits = \"native\"\ncalendar = \"gregorian\"\n").unwrap();
        let config = load(&path).unwrap();
        assert_eq!(config.digits, Some(Digits::Native));
        assert_eq!(config.calendar, Some(Calendar::Gregorian));
        let i18n = sahaya_i18n::I18n::with_options("kn", config.i18n_options());
        assert_eq!(i18n.number(1200), "೧,೨೦೦");

        // Unset: the language decides the digits, Gregorian dates.
        let options = Config::default().i18n_options();
        assert_eq!(options, sahaya_i18n::Options::default());

        // Wrong values name the line.
        std::fs::write(&path, "lang = \"ne\"\ndigits = \"roman\"\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains("config.toml:2:") && err.contains("native"),
            "{err}"
        );
        std::fs::write(&path, "calendar = \"julian\"\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains(":1:") && err.contains("bikram-sambat"),
            "{err}"
        );
    }

    #[test]
    fn alerts() {
        use sahaya_tui::alerts::Alert;
        use sahaya_tui::notify::NotifyStyle;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[alerts]\nunassigned = 5\nsla_breached = -1\nnotify = \"osc9\"\n",
        )
        .unwrap();
        let rules = load(&path).unwrap().alerts.unwrap();
        assert_eq!(rules.limit(Alert::Unassigned), Some(5));
        assert_eq!(rules.limit(Alert::SlaBreached), None);
        assert_eq!(rules.notify, Some(NotifyStyle::Osc9));
        std::fs::write(&path, "[alerts]\nnotify = \"smoke\"\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains(":2:") && err.contains("osc777"), "{err}");
    }

    #[test]
    fn theme() {
        use sahaya_tui::theme::Palette;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "theme = \"high-contrast\"\n").unwrap();
        assert_eq!(load(&path).unwrap().theme, Some(Palette::HighContrast));
        std::fs::write(&path, "theme = \"dark\"\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains(":1:") && err.contains("high-contrast"),
            "{err}"
        );
    }

    #[test]
    fn missing_file_is_empty() {
        assert!(
            load(Path::new("/nonexistent/sahaya/config.toml"))
                .unwrap()
                .server
                .is_none()
        );
    }
}
