//! Settings of the mail side: IMAP (reading), SMTP (sending) and the team
//! (who the mail is from). All of them deserialize from the `[bridge.email]`
//! part of sahaya's config file; passwords come from the file or, better,
//! from an environment variable named there (`password_env`).

use std::net::IpAddr;
use std::time::Duration;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// How a connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// TLS from the first byte (IMAP 993, SMTP 465). The default.
    #[default]
    Tls,
    /// Plaintext, upgraded with STARTTLS before logging in (IMAP 143, SMTP 587).
    #[serde(rename = "starttls")]
    StartTls,
    /// No encryption at all: refused unless the host is a loopback address.
    Plain,
}

/// A user name and where its password is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub username: String,
    /// The password itself (prefer `password_env`).
    #[serde(default)]
    pub password: Option<Secret>,
    /// The environment variable that holds the password, read at each login.
    #[serde(default)]
    pub password_env: Option<String>,
}

impl Login {
    /// A login with its password.
    pub fn new(username: impl Into<String>, password: Secret) -> Login {
        Login {
            username: username.into(),
            password: Some(password),
            password_env: None,
        }
    }

    /// A login whose password is in the environment variable `variable`.
    pub fn from_env(username: impl Into<String>, variable: impl Into<String>) -> Login {
        Login {
            username: username.into(),
            password: None,
            password_env: Some(variable.into()),
        }
    }

    pub(crate) fn password(&self) -> Result<Secret> {
        match (&self.password, &self.password_env) {
            (Some(_), Some(_)) => Err(Error::Config(format!(
                "the login {} has both password and password_env; keep one",
                self.username
            ))),
            (Some(password), None) => Ok(password.clone()),
            (None, Some(variable)) => Secret::from_env(variable),
            (None, None) => Err(Error::Config(format!(
                "the login {} has no password: set password_env (or password)",
                self.username
            ))),
        }
    }
}

const DEFAULT_TIMEOUT_SECS: u64 = 30;

fn default_timeout() -> u64 {
    DEFAULT_TIMEOUT_SECS
}

fn default_folder() -> String {
    "INBOX".to_owned()
}

/// The mailbox the bridge reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapConfig {
    pub host: String,
    /// Default: 993 with TLS, else 143.
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    pub login: Login,
    /// The folder new mail arrives in. Default: INBOX.
    #[serde(default = "default_folder")]
    pub folder: String,
    /// For connecting and for each answer. Default: 30 s.
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
}

impl ImapConfig {
    /// Reads `folder` INBOX with a 30 s timeout.
    pub fn new(host: impl Into<String>, port: u16, security: Security, login: Login) -> ImapConfig {
        ImapConfig {
            host: host.into(),
            port: Some(port),
            security,
            login,
            folder: default_folder(),
            timeout_secs: DEFAULT_TIMEOUT_SECS,
        }
    }

    pub(crate) fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security {
            Security::Tls => 993,
            Security::StartTls | Security::Plain => 143,
        })
    }

    pub(crate) fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs.max(1))
    }

    pub(crate) fn validate(&self) -> Result<()> {
        check_endpoint("imap", &self.host, self.security)?;
        if self.folder.is_empty() {
            return Err(Error::Config("imap.folder is empty".to_owned()));
        }
        Ok(())
    }
}

/// The server replies are sent through.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    /// Default: 465 with TLS, 587 with STARTTLS, 25 plain.
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    /// AUTH PLAIN/LOGIN when set.
    #[serde(default)]
    pub login: Option<Login>,
    /// For connecting and for each answer. Default: 30 s.
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
}

impl SmtpConfig {
    /// Without AUTH, with a 30 s timeout.
    pub fn new(host: impl Into<String>, port: u16, security: Security) -> SmtpConfig {
        SmtpConfig {
            host: host.into(),
            port: Some(port),
            security,
            login: None,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
        }
    }

    pub(crate) fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security {
            Security::Tls => 465,
            Security::StartTls => 587,
            Security::Plain => 25,
        })
    }

    pub(crate) fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs.max(1))
    }

    pub(crate) fn validate(&self) -> Result<()> {
        check_endpoint("smtp", &self.host, self.security)
    }
}

fn default_quote_intro() -> String {
    "On {date}, {author} wrote:".to_owned()
}

/// Who replies come from, and what they carry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamConfig {
    /// The support address: From of every reply, the envelope sender.
    pub address: String,
    /// Shown after the agent's name in From: `"Asha (Shop Support)"`.
    #[serde(default)]
    pub name: Option<String>,
    /// Put under every reply after the "-- " line; empty for none.
    #[serde(default)]
    pub signature: String,
    /// The right side of the Message-IDs the bridge makes. Default: the
    /// support address's domain.
    #[serde(default)]
    pub message_id_domain: Option<String>,
    /// The line before each quoted earlier message; `{author}` and `{date}`
    /// are replaced.
    #[serde(default = "default_quote_intro")]
    pub quote_intro: String,
}

impl TeamConfig {
    /// A team with this support address, no name and no signature.
    pub fn new(address: impl Into<String>) -> TeamConfig {
        TeamConfig {
            address: address.into(),
            name: None,
            signature: String::new(),
            message_id_domain: None,
            quote_intro: default_quote_intro(),
        }
    }

    /// The domain in the bridge's Message-IDs.
    pub fn message_id_domain(&self) -> Result<String> {
        let domain = match &self.message_id_domain {
            Some(domain) => domain.as_str(),
            None => self
                .address
                .rsplit_once('@')
                .map_or("", |(_, domain)| domain),
        };
        let ok = !domain.is_empty()
            && domain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        if ok {
            Ok(domain.to_ascii_lowercase())
        } else {
            Err(Error::Config(format!(
                "team.message_id_domain {domain:?} is not a plain domain name"
            )))
        }
    }
}

/// Plaintext only on loopback: a password must not cross a network in clear.
fn check_endpoint(section: &str, host: &str, security: Security) -> Result<()> {
    if host.is_empty() {
        return Err(Error::Config(format!("{section}.host is empty")));
    }
    if security == Security::Plain && !is_loopback(host) {
        return Err(Error::Config(format!(
            "{section}.security = \"plain\" is only allowed for a loopback host, not {host}; \
             use \"tls\" or \"starttls\""
        )));
    }
    Ok(())
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plaintext_only_on_loopback() {
        let login = Login::new("support@shop.test", Secret::new("pw"));
        for host in ["127.0.0.1", "localhost", "::1", "[::1]"] {
            ImapConfig::new(host, 143, Security::Plain, login.clone())
                .validate()
                .unwrap();
        }
        let error = ImapConfig::new("imap.shop.test", 143, Security::Plain, login.clone())
            .validate()
            .unwrap_err();
        assert!(error.to_string().contains("loopback"), "{error}");
        ImapConfig::new("imap.shop.test", 993, Security::Tls, login)
            .validate()
            .unwrap();
        assert!(
            SmtpConfig::new("10.0.0.1", 25, Security::Plain)
                .validate()
                .is_err()
        );
    }

    #[test]
    fn config_reads_from_toml_like_json_and_never_shows_the_password() {
        let imap: ImapConfig = serde_json::from_value(serde_json::json!({
            "host": "imap.shop.test",
            "login": { "username": "support@shop.test", "password": "s3cret-value" }
        }))
        .unwrap();
        assert_eq!(imap.port(), 993);
        assert_eq!(imap.folder, "INBOX");
        assert_eq!(imap.login.password().unwrap().expose(), "s3cret-value");
        let shown = format!("{imap:?} {imap:#?}");
        assert!(!shown.contains("s3cret-value"), "{shown}");
        let smtp: SmtpConfig = serde_json::from_value(serde_json::json!({
            "host": "smtp.shop.test", "security": "starttls",
            "login": { "username": "support@shop.test", "password_env": "SAHAYA_TEST_NO_SUCH_VAR" }
        }))
        .unwrap();
        assert_eq!(smtp.port(), 587);
        let error = smtp.login.unwrap().password().unwrap_err();
        assert!(error.to_string().contains("SAHAYA_TEST_NO_SUCH_VAR"));
    }

    #[test]
    fn a_login_needs_exactly_one_password_source() {
        let mut login = Login::from_env("u", "X");
        login.password = Some(Secret::new("p"));
        assert!(login.password().is_err());
        login.password_env = None;
        login.password = None;
        assert!(login.password().is_err());
    }

    #[test]
    fn message_id_domain_defaults_to_the_support_address() {
        assert_eq!(
            TeamConfig::new("support@Shop.Test")
                .message_id_domain()
                .unwrap(),
            "shop.test"
        );
        let mut team = TeamConfig::new("support@shop.test");
        team.message_id_domain = Some("bad domain>".to_owned());
        assert!(team.message_id_domain().is_err());
    }
}
