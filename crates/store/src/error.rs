//! What can go wrong in the local cache, worded for the person who has to fix it.

use std::path::PathBuf;

use super::entry::OutboxState;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened or is not an SQLite database.
    #[error("cannot open the cache at {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    /// The schema was written by a newer sahaya.
    #[error(
        "the cache at {path} is from a newer sahaya (schema version {found}, this sahaya knows up to {known}); \
         upgrade sahaya or move the cache file away"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    /// Bringing an older cache up to date failed.
    #[error("cannot upgrade the cache at {path} to schema version {version}: {source}")]
    Migration {
        path: PathBuf,
        version: i64,
        #[source]
        source: rusqlite::Error,
    },

    #[error("cache database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// A stored row does not decode: the cache file was damaged or edited.
    #[error(
        "the cache holds a malformed {what} (id {id}): {detail}; run a full resync to rebuild it"
    )]
    Corrupt {
        what: &'static str,
        id: String,
        detail: String,
    },

    /// A value could not be serialized for storage.
    #[error("cannot encode {what} for the cache: {source}")]
    Encode {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },

    #[error("outbox entry {0} does not exist (it was sent or discarded meanwhile)")]
    NoSuchEntry(i64),

    #[error("outbox entry {id} is {state} and cannot be {action}")]
    InvalidState {
        id: i64,
        state: OutboxState,
        action: &'static str,
    },

    /// The operation cannot be queued as asked (the message says why).
    #[error("cannot queue this: {0}")]
    InvalidOp(String),

    /// A ticket change needs the ticket's version, so the ticket must be cached.
    #[error("ticket {0} is not in the local cache yet; wait for the sync to bring it")]
    UnknownTicket(i64),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub(crate) fn corrupt(what: &'static str, id: impl ToString, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        id: id.to_string(),
        detail: detail.to_string(),
    }
}

/// Decodes a JSON column; a malformed value becomes [`StoreError::Corrupt`].
pub(crate) fn decode<T: serde::de::DeserializeOwned>(
    what: &'static str,
    id: impl ToString,
    text: &str,
) -> Result<T> {
    serde_json::from_str(text).map_err(|e| corrupt(what, id, e))
}

/// Encodes a value for a JSON column.
pub(crate) fn encode<T: serde::Serialize>(what: &'static str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|source| StoreError::Encode { what, source })
}
