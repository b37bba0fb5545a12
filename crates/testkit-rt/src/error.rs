//! What can go wrong when running a test RT.

use std::fmt;
use std::io;
use std::time::Duration;

/// Everything here fails with one of these; none of them panics.
#[derive(Debug)]
pub enum Error {
    /// RT's packages are missing (run `.ci/install-rt`).
    NotInstalled(String),
    /// A file or process operation failed.
    Io { what: String, source: io::Error },
    /// A helper program (rt-setup-database, perl) failed.
    Command {
        what: String,
        status: String,
        output: String,
    },
    /// RT's server exited before it answered.
    Exited { status: String, log_tail: String },
    /// RT's server did not answer in time.
    NotReady {
        url: String,
        waited: Duration,
        log_tail: String,
    },
    /// RT answered, but not what was expected (setup facts, HTTP).
    Unexpected(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn io(what: impl Into<String>) -> impl FnOnce(io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotInstalled(what) => {
                write!(
                    f,
                    "Request Tracker 5 is not installed ({what}); run .ci/install-rt"
                )
            }
            Error::Io { what, source } => write!(f, "{what}: {source}"),
            Error::Command {
                what,
                status,
                output,
            } => {
                write!(f, "{what} failed ({status}); its output ends:\n{output}")
            }
            Error::Exited { status, log_tail } => {
                write!(
                    f,
                    "RT's server exited ({status}) before it was ready; its log ends:\n{log_tail}"
                )
            }
            Error::NotReady {
                url,
                waited,
                log_tail,
            } => write!(
                f,
                "RT did not answer {url} within {:.1} s; its log ends:\n{log_tail}",
                waited.as_secs_f64()
            ),
            Error::Unexpected(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
