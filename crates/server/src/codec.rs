//! How values are stored in the server's SQLite columns: entities as JSON
//! text, timestamps as milliseconds since the epoch.

use serde::Serialize;
use serde::de::DeserializeOwned;

use sahaya_protocol::domain::Timestamp;

/// Serializes a value for a `json` column.
pub fn to_json<T: Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Reads a `json` column back.
pub fn from_json<T: DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A timestamp column's value.
pub fn millis(ts: Timestamp) -> i64 {
    ts.timestamp_millis()
}
