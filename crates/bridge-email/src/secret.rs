//! A password or token that never reaches a log: its `Debug` is redacted and
//! it has no `Display`.

use std::fmt;

use serde::Deserialize;

use crate::error::{Error, Result};

/// A credential. Read it with [`expose`](Secret::expose), only where it is
/// handed to a server.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value of the environment variable `name` (which must be set and
    /// non-empty). The error names the variable, never its value.
    pub fn from_env(name: &str) -> Result<Secret> {
        match std::env::var(name) {
            Ok(value) if !value.is_empty() => Ok(Secret(value)),
            Ok(_) => Err(Error::Config(format!(
                "the environment variable {name} is empty"
            ))),
            Err(std::env::VarError::NotPresent) => Err(Error::Config(format!(
                "the environment variable {name} is not set"
            ))),
            Err(std::env::VarError::NotUnicode(_)) => Err(Error::Config(format!(
                "the environment variable {name} is not UTF-8"
            ))),
        }
    }

    /// The credential itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        assert!(!format!("{:#?}", Some(secret.clone())).contains("hunter2"));
        assert_eq!(secret.expose(), "hunter2");
    }

    #[test]
    fn a_missing_variable_is_named_in_the_error() {
        let error = Secret::from_env("SAHAYA_BRIDGE_EMAIL_TEST_UNSET_VARIABLE").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("SAHAYA_BRIDGE_EMAIL_TEST_UNSET_VARIABLE")
        );
    }
}
