//! The time, injected. Every layer that asks "what time is it" asks a
//! [`Clock`], so tests pin the time instead of depending on the hour they run
//! at (the demo data is laid out relative to "now").

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::domain::Timestamp;

/// A cheap, cloneable handle on the time.
#[derive(Clone, Default)]
pub struct Clock(Arc<Source>);

#[derive(Default)]
enum Source {
    /// The machine's clock.
    #[default]
    System,
    /// Starts at a chosen instant and runs at real speed from there.
    From { start: Timestamp, at: Instant },
    /// Stands still until told to move (tests).
    Manual(Mutex<Timestamp>),
}

impl Clock {
    /// The machine's clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that reads `start` now and runs at real speed from there:
    /// timeouts and ages behave as usual, the date is the one chosen.
    pub fn starting_at(start: Timestamp) -> Self {
        Self(Arc::new(Source::From {
            start,
            at: Instant::now(),
        }))
    }

    /// A clock that stays at `at` until [`set`](Self::set) or
    /// [`advance`](Self::advance) moves it.
    pub fn manual(at: Timestamp) -> Self {
        Self(Arc::new(Source::Manual(Mutex::new(at))))
    }

    /// The time now.
    pub fn now(&self) -> Timestamp {
        match &*self.0 {
            Source::System => chrono::Utc::now(),
            Source::From { start, at } => {
                let elapsed = chrono::Duration::from_std(at.elapsed()).unwrap_or_default();
                *start + elapsed
            }
            Source::Manual(t) => *t.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves a manual clock to `at`; other clocks are not moved.
    pub fn set(&self, at: Timestamp) {
        if let Source::Manual(t) = &*self.0 {
            *t.lock().unwrap_or_else(|e| e.into_inner()) = at;
        }
    }

    /// Moves a manual clock forward by `by`; other clocks are not moved.
    pub fn advance(&self, by: chrono::Duration) {
        if let Source::Manual(t) = &*self.0 {
            let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
            *t += by;
        }
    }

    /// Whether this is the machine's clock.
    pub fn is_system(&self) -> bool {
        matches!(&*self.0, Source::System)
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            Source::System => f.write_str("Clock::system"),
            Source::From { start, .. } => write!(f, "Clock::starting_at({start})"),
            Source::Manual(_) => write!(f, "Clock::manual({})", self.now()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> Timestamp {
        chrono::Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let c = Clock::manual(t0());
        assert_eq!(c.now(), t0());
        c.advance(chrono::Duration::minutes(5));
        assert_eq!(c.now(), t0() + chrono::Duration::minutes(5));
        let shared = c.clone();
        shared.set(t0());
        assert_eq!(c.now(), t0());
    }

    #[test]
    fn a_clock_from_an_instant_runs_from_it() {
        let c = Clock::starting_at(t0());
        let now = c.now();
        assert!(now >= t0() && now < t0() + chrono::Duration::seconds(5));
        assert!(!c.is_system());
        assert!(Clock::system().is_system());
    }
}
