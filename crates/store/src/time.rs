//! Timestamps as the cache stores them: milliseconds since the epoch.

use super::error::{self, Result};
use sahaya_protocol::domain::Timestamp;

pub(crate) fn millis(ts: Timestamp) -> i64 {
    ts.timestamp_millis()
}

pub(crate) fn from_millis(what: &'static str, id: impl ToString, ms: i64) -> Result<Timestamp> {
    chrono::DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| error::corrupt(what, id, format!("bad timestamp {ms}")))
}

/// `ts` at millisecond precision (what the cache stores).
pub(crate) fn to_millis(ts: Timestamp) -> Timestamp {
    chrono::DateTime::from_timestamp_millis(ts.timestamp_millis()).unwrap_or(ts)
}
