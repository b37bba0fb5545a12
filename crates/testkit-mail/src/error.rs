//! The one error type of the harness.

use std::path::PathBuf;

/// Any error of a third-party client (lettre, imap), kept as its source.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What can go wrong while running the mail servers or talking to them.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or process operation failed.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// What the harness needs is not installed.
    #[error("{what} is missing ({path}); run .ci/install-mail")]
    NotInstalled { what: &'static str, path: PathBuf },
    /// A server did not come up, or died while starting.
    #[error("{server} did not start: {reason}\n--- last lines of {log} ---\n{tail}")]
    Startup {
        server: &'static str,
        reason: String,
        log: PathBuf,
        tail: String,
    },
    /// The server was stopped (see `MailServers::stop`) or is already running.
    #[error("{server} is {state}")]
    State {
        server: &'static str,
        state: &'static str,
    },
    /// An account that the servers were not started with.
    #[error("no such account: {0}")]
    UnknownAccount(String),
    /// An address or password that can't be used for a test account.
    #[error("bad account {address:?}: {reason}")]
    BadAccount {
        address: String,
        reason: &'static str,
    },
    /// A raw message for SMTP that has a LF not preceded by CR.
    #[error("the message has a bare LF at byte {0}: SMTP needs CRLF line endings")]
    BareLineFeed(usize),
    /// The SMTP client failed (connection, or the server refused).
    #[error("SMTP {context}: {source}")]
    Smtp {
        context: String,
        #[source]
        source: BoxError,
    },
    /// The IMAP client failed (connection, login, or a command).
    #[error("IMAP {context}: {source}")]
    Imap {
        context: String,
        #[source]
        source: BoxError,
    },
    /// A mailbox did not get the messages a test waited for.
    #[error("{address} has {found} message(s) after {waited_ms} ms; wanted {wanted}")]
    MailboxTimeout {
        address: String,
        found: usize,
        wanted: usize,
        waited_ms: u128,
    },
}

impl Error {
    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let context = context.into();
        move |source| Error::Io { context, source }
    }

    pub(crate) fn smtp<E: Into<BoxError>>(context: impl Into<String>) -> impl FnOnce(E) -> Error {
        let context = context.into();
        move |source| Error::Smtp {
            context,
            source: source.into(),
        }
    }

    pub(crate) fn imap<E: Into<BoxError>>(context: impl Into<String>) -> impl FnOnce(E) -> Error {
        let context = context.into();
        move |source| Error::Imap {
            context,
            source: source.into(),
        }
    }

    /// Whether a start-up failed because another process took the port.
    pub(crate) fn is_address_in_use(&self) -> bool {
        match self {
            Error::Startup { reason, tail, .. } => {
                reason.contains("another server's")
                    || tail.to_ascii_lowercase().contains("already in use")
            }
            _ => false,
        }
    }
}

/// The harness's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
