//! How long the sync task waits before it tries the server again.
//!
//! The wait doubles from 250 ms with each failure in a row, up to a cap
//! that depends on what went wrong, and is then drawn between half of it
//! and all of it (jitter: consoles that lost the server together do not
//! come back in step):
//!
//! - the server cannot be reached (connection refused or reset, timeout,
//!   no route): up to [`UNREACHABLE_CAP`]. Such a try costs the server
//!   nothing, and an agent who sees "Offline" expects the console back
//!   within a few seconds of the server;
//! - the server answered but failed or asked us to slow down (5xx, 429):
//!   up to [`STRUGGLING_CAP`], so a struggling server is not pressed;
//!   a `Retry-After` it sends is honoured (up to [`MAX_RETRY_AFTER`]);
//! - anything else (a refused token, an answer we cannot read, our own
//!   cache): up to [`STRUGGLING_CAP`]; trying again rarely helps before
//!   someone changes something.
//!
//! The agent asking to sync now cuts any wait short (see the task).

use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::client::ClientError;
use crate::error::SyncError;

/// The first wait.
pub const FIRST: Duration = Duration::from_millis(250);
/// The longest wait while the server cannot be reached.
pub const UNREACHABLE_CAP: Duration = Duration::from_secs(3);
/// The longest wait while the server fails, or for anything else.
pub const STRUGGLING_CAP: Duration = Duration::from_secs(30);
/// The longest `Retry-After` honoured (an agent can still sync now by hand).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(10 * 60);

/// What kind of failure a wait follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Nothing answered.
    Unreachable,
    /// The server answered with a failure, or asked us to wait.
    Struggling { retry_after: Option<Duration> },
    /// Anything else.
    Other,
}

impl Trouble {
    pub fn of(err: &SyncError) -> Trouble {
        match err {
            SyncError::Client(ClientError::Network { .. }) => Trouble::Unreachable,
            SyncError::Client(e @ ClientError::Server { .. }) => Trouble::Struggling {
                retry_after: e.retry_after(),
            },
            _ => Trouble::Other,
        }
    }

    fn cap(self) -> Duration {
        match self {
            Trouble::Unreachable => UNREACHABLE_CAP,
            Trouble::Struggling { .. } | Trouble::Other => STRUGGLING_CAP,
        }
    }
}

/// The waits after failures in a row.
pub struct Backoff {
    failures: u32,
    rng: StdRng,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::with_rng(StdRng::from_os_rng())
    }
}

impl Backoff {
    /// A backoff drawing its jitter from `rng` (tests seed it).
    pub fn with_rng(rng: StdRng) -> Backoff {
        Backoff { failures: 0, rng }
    }

    /// The wait after one more failure of this kind.
    pub fn next(&mut self, trouble: Trouble) -> Duration {
        let cap = trouble.cap();
        let doubled = FIRST.saturating_mul(1u32 << self.failures.min(16));
        self.failures = self.failures.saturating_add(1);
        let full = doubled.min(cap);
        let wait = full / 2 + full.mul_f64(self.rng.random::<f64>() / 2.0);
        match trouble {
            Trouble::Struggling {
                retry_after: Some(asked),
            } => wait.max(asked.min(MAX_RETRY_AFTER)),
            _ => wait,
        }
    }

    /// A connection that worked: the next failure starts from the first wait.
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waits(seed: u64, trouble: Trouble, n: usize) -> Vec<Duration> {
        let mut b = Backoff::with_rng(StdRng::seed_from_u64(seed));
        (0..n).map(|_| b.next(trouble)).collect()
    }

    #[test]
    fn an_unreachable_server_is_tried_again_within_a_few_seconds_however_long_it_was_away() {
        for seed in 0..200 {
            let w = waits(seed, Trouble::Unreachable, 500);
            assert!(w.iter().all(|d| *d <= UNREACHABLE_CAP), "{seed}: {w:?}");
            // Once at the cap: never less than half of it (no hammering).
            assert!(w[10..].iter().all(|d| *d >= UNREACHABLE_CAP / 2), "{w:?}");
            // The first tries come quickly, and grow.
            assert!(w[0] <= FIRST && w[0] >= FIRST / 2, "{w:?}");
            assert!(w[0] < w[4]);
        }
    }

    #[test]
    fn consoles_that_lost_the_server_together_come_back_spread_out() {
        // The tenth wait of 100 consoles, each with its own jitter.
        let tenth: Vec<Duration> = (0..100)
            .map(|seed| waits(seed, Trouble::Unreachable, 10)[9])
            .collect();
        let early = tenth
            .iter()
            .filter(|d| **d < UNREACHABLE_CAP * 3 / 4)
            .count();
        assert!(
            (20..=80).contains(&early),
            "about half in the first half of the window: {early}"
        );
        let distinct: std::collections::HashSet<_> = tenth.iter().collect();
        assert!(distinct.len() > 90);
    }

    #[test]
    fn a_failing_server_is_given_longer_and_its_retry_after_is_honoured() {
        let s = Trouble::Struggling { retry_after: None };
        let w = waits(7, s, 40);
        assert!(w.iter().all(|d| *d <= STRUGGLING_CAP));
        assert!(w[20..].iter().all(|d| *d >= STRUGGLING_CAP / 2), "{w:?}");

        let mut b = Backoff::with_rng(StdRng::seed_from_u64(1));
        let asked = Duration::from_secs(90);
        assert!(
            b.next(Trouble::Struggling {
                retry_after: Some(asked)
            }) >= asked
        );
        // An hour is more than an agent should sit offline for.
        let w = b.next(Trouble::Struggling {
            retry_after: Some(Duration::from_secs(3600)),
        });
        assert_eq!(w, MAX_RETRY_AFTER);
        // A short Retry-After does not make the wait shorter than ours.
        for _ in 0..10 {
            b.next(Trouble::Other);
        }
        let w = b.next(Trouble::Struggling {
            retry_after: Some(Duration::from_millis(10)),
        });
        assert!(w >= STRUGGLING_CAP / 2, "{w:?}");
    }

    #[test]
    fn a_working_connection_starts_the_waits_over() {
        let mut b = Backoff::with_rng(StdRng::seed_from_u64(3));
        for _ in 0..20 {
            b.next(Trouble::Other);
        }
        // The server is back but unreachable again: the short cap applies
        // at once, not the long wait of before.
        assert!(b.next(Trouble::Unreachable) <= UNREACHABLE_CAP);
        b.reset();
        assert!(b.next(Trouble::Unreachable) <= FIRST);
    }

    #[test]
    fn failures_are_sorted_by_what_a_retry_costs_the_server() {
        let net = SyncError::Client(ClientError::Network {
            message: "connection refused".into(),
        });
        assert_eq!(Trouble::of(&net), Trouble::Unreachable);
        let busy = SyncError::Client(ClientError::Server {
            status: 503,
            code: "http_503".into(),
            message: String::new(),
            retry_after: Some(Duration::from_secs(5)),
        });
        assert_eq!(
            Trouble::of(&busy),
            Trouble::Struggling {
                retry_after: Some(Duration::from_secs(5))
            }
        );
        let token = SyncError::Client(ClientError::Unauthorized {
            message: String::new(),
        });
        assert_eq!(Trouble::of(&token), Trouble::Other);
    }
}
