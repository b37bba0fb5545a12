//! The bridge's one error type. Messages name hosts, folders and message
//! ids, never credentials.

/// Any error of a third-party client (imap, lettre, rustls), kept as its source.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What can go wrong on the mail side of the bridge.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration can't be used (the message says which setting).
    #[error("email bridge configuration: {0}")]
    Config(String),
    /// The server could not be reached or the connection broke (including
    /// TLS failures and timeouts). Nothing was lost: try again later.
    #[error("{context}: {source}")]
    Network {
        context: String,
        #[source]
        source: BoxError,
    },
    /// The IMAP server answered, but refused or did not make sense (login
    /// refused, no such folder, a response that could not be parsed).
    #[error("IMAP {context}: {source}")]
    Imap {
        context: String,
        #[source]
        source: BoxError,
    },
    /// The SMTP server refused the message (after MAIL, RCPT or DATA).
    /// `permanent` is true for a 5xx answer: sending it again will not help.
    #[error("the SMTP server refused message {message_id}: {reason}")]
    Rejected {
        message_id: i64,
        permanent: bool,
        reason: String,
    },
    /// The reply can't be turned into an email (a bad address, a bad
    /// attachment type).
    #[error("message {message_id} can't be sent: {reason}")]
    Compose { message_id: i64, reason: String },
    /// The cursor file or the sent-log could not be read or written.
    #[error("{context}: {source}")]
    State {
        context: String,
        #[source]
        source: BoxError,
    },
}

impl Error {
    /// Whether the error is a network failure (unreachable, refused, cut,
    /// timed out, TLS): the operation may be retried as is.
    pub fn is_network(&self) -> bool {
        matches!(self, Error::Network { .. })
    }

    pub(crate) fn network<E: Into<BoxError>>(
        context: impl Into<String>,
    ) -> impl FnOnce(E) -> Error {
        let context = context.into();
        move |source| Error::Network {
            context,
            source: source.into(),
        }
    }

    pub(crate) fn state<E: Into<BoxError>>(context: impl Into<String>) -> impl FnOnce(E) -> Error {
        let context = context.into();
        move |source| Error::State {
            context,
            source: source.into(),
        }
    }

    /// An imap crate error, sorted into network and protocol failures.
    pub(crate) fn imap(context: impl Into<String>) -> impl FnOnce(imap::Error) -> Error {
        let context = context.into();
        move |source| match source {
            imap::Error::Io(_) | imap::Error::ConnectionLost | imap::Error::Bye(_) => {
                Error::Network {
                    context: format!("IMAP {context}"),
                    source: source.into(),
                }
            }
            other => Error::Imap {
                context,
                source: other.into(),
            },
        }
    }
}

/// The bridge's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
