//! RT has no idempotency keys: a write whose try failed slowly (a timeout, a
//! connection lost while RT was at it) may still be worked on by RT when the
//! console looks for it before sending it again, and then both land (seen:
//! an RT busy on two cores finishing a reply after the console's 15 s
//! timeout, after the retry had looked for it). Such a try is remembered;
//! not finding it is taken as proof only once RT has had [`SETTLE`] since it
//! failed. A try that failed at once (refused, reset on connect) never
//! reached RT's work and is sent again without waiting.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use sahaya_protocol::domain::Timestamp;

/// How long RT is given to finish an earlier try before the write goes again.
pub const SETTLE: Duration = Duration::from_secs(30);
/// A failed try that took this long may have reached RT's work.
pub const SLOW: Duration = Duration::from_secs(2);

/// Writes whose last try failed slowly: outbox key → when it failed.
#[derive(Debug, Default)]
pub struct Settling(Mutex<HashMap<String, Timestamp>>);

impl Settling {
    /// The try of the write with `key` failed at `now` after `took`.
    pub fn failed(&self, key: &str, took: Duration, now: Timestamp) {
        if took >= SLOW {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key.to_string(), now);
        }
    }

    /// How long the write with `key`, whose earlier try was not found, must
    /// still wait before it is sent again; None when it may go now.
    pub fn wait(&self, key: &str, now: Timestamp) -> Option<Duration> {
        let failed = *self.0.lock().unwrap_or_else(|e| e.into_inner()).get(key)?;
        let waited = (now - failed).to_std().unwrap_or_default();
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
    fn a_slow_failure_waits_then_goes_and_a_quick_one_goes_at_once() {
        let s = Settling::default();
        let t0 = chrono::Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
        s.failed("slow", Duration::from_secs(15), t0);
        s.failed("quick", Duration::from_millis(3), t0);
        assert_eq!(s.wait("slow", t0), Some(SETTLE));
        assert_eq!(s.wait("quick", t0), None, "never reached RT's work");
        let later = t0 + chrono::Duration::seconds(10);
        assert_eq!(
            s.wait("slow", later),
            Some(SETTLE - Duration::from_secs(10))
        );
        let after = t0 + chrono::Duration::seconds(31);
        assert_eq!(s.wait("slow", after), None);
        s.done("slow");
        assert_eq!(s.wait("slow", t0), None);
    }
}
