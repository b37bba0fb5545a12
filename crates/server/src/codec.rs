//! How values are stored in the server's database columns: entities as JSON
//! text, timestamps as milliseconds since the epoch.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::sql;
use sahaya_protocol::domain::Timestamp;

/// Serializes a value for a `json` column.
pub fn to_json<T: Serialize>(value: &T) -> sql::Result<String> {
    Ok(serde_json::to_string(value)?)
}

/// Reads a `json` column back.
pub fn from_json<T: DeserializeOwned>(text: &str) -> sql::Result<T> {
    Ok(serde_json::from_str(text)?)
}

/// A timestamp column's value.
pub fn millis(ts: Timestamp) -> i64 {
    ts.timestamp_millis()
}
