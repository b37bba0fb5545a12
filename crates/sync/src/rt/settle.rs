//! RT has no idempotency keys: a write whose answer was lost (a timeout, a
//! cut connection) may still be worked on by RT when the console looks for
//! it before sending it again, and then both land. Not finding an earlier
//! try at once is therefore not taken as proof it never landed: the write is
//! sent again only once RT has had [`SETTLE`] since the console first missed
//! it (seen: an RT busy on two cores finishing a reply 20 s after the
//! console's 15 s timeout, after the retry had looked for it).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use sahaya_protocol::domain::Timestamp;

/// How long RT is given to finish an earlier try before the write goes again.
pub const SETTLE: Duration = Duration::from_secs(30);

/// Writes whose earlier try was looked for and not found: outbox key → when.
#[derive(Debug, Default)]
pub struct Settling(Mutex<HashMap<String, Timestamp>>);

impl Settling {
    /// How long the write with `key` must still wait before it is sent
    /// again; None when it may go now.
    pub fn wait(&self, key: &str, now: Timestamp) -> Option<Duration> {
        let mut missed = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let since = *missed.entry(key.to_string()).or_insert(now);
        let waited = (now - since).to_std().unwrap_or_default();
        SETTLE.checked_sub(waited).filter(|d| !d.is_zero())
    }

    /// The write with `key` landed (or was found): nothing to wait for.
    pub fn done(&self, key: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_missed_write_waits_once_then_goes() {
        let s = Settling::default();
        let t0 = chrono::Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
        assert_eq!(s.wait("k", t0), Some(SETTLE));
        let later = t0 + chrono::Duration::seconds(10);
        assert_eq!(s.wait("k", later), Some(SETTLE - Duration::from_secs(10)));
        // Another write has its own wait.
        assert_eq!(s.wait("other", later), Some(SETTLE));
        let after = t0 + chrono::Duration::seconds(31);
        assert_eq!(s.wait("k", after), None);
        s.done("k");
        assert_eq!(s.wait("k", after), Some(SETTLE), "a new miss waits again");
    }
}
