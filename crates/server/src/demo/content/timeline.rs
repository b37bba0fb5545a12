//! When a ticket's messages were written and how much of its template it
//! has reached.

use chrono::{Duration, Timelike};
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

use super::templates::Turn;
use super::world::{Gen, minutes};
use sahaya_protocol::domain::{Status, Timestamp};

impl Gen {
    /// How much of a template a ticket in `status` has seen so far.
    pub(super) fn cut(&mut self, turns: &[Turn], status: Status, no_reply: bool) -> usize {
        let is_reply = |t: &Turn| matches!(t, Turn::A(_));
        let first_reply = turns.iter().position(is_reply).unwrap_or(turns.len() - 1);
        if no_reply {
            let lead = turns
                .iter()
                .take_while(|t| matches!(t, Turn::C(_)))
                .count()
                .max(1);
            return self.rng.random_range(1..=lead);
        }
        let pick = |rng: &mut StdRng, f: &dyn Fn(usize, &Turn) -> bool| -> Option<usize> {
            let found: Vec<usize> = turns
                .iter()
                .enumerate()
                .filter(|(i, t)| f(*i, t))
                .map(|(i, _)| i + 1)
                .collect();
            found.choose(rng).copied()
        };
        let len = turns.len();
        match status {
            Status::Open => pick(&mut self.rng, &|i, t| {
                i > first_reply && matches!(t, Turn::C(_))
            }),
            Status::Pending => pick(&mut self.rng, &|i, t| is_reply(t) && i + 1 < len),
            Status::OnHold => pick(&mut self.rng, &|i, t| {
                i > first_reply && matches!(t, Turn::N(_) | Turn::S(_))
            }),
            _ => Some(len),
        }
        .unwrap_or(first_reply + 1)
    }

    /// Times of the messages: a customer writes, the first reply comes
    /// within (mostly) the SLA, later turns follow; squeezed to end before now.
    pub(super) fn times(
        &mut self,
        start: Timestamp,
        turns: &[Turn],
        first_hours: i64,
    ) -> Vec<Timestamp> {
        let mut gaps: Vec<i64> = Vec::new();
        let mut replied = false;
        for pair in turns.windows(2) {
            let r = &mut self.rng;
            let m = first_hours * 60;
            let mins = match (&pair[0], &pair[1]) {
                (Turn::C(_), Turn::C(_)) => r.random_range(2..40),
                (_, Turn::C(_)) => r.random_range(25..960),
                (_, Turn::A(_)) if !replied => {
                    if r.random_bool(0.15) {
                        r.random_range(m..m * 3 / 2 + 2)
                    } else {
                        r.random_range(m / 10 + 1..m * 9 / 10 + 2)
                    }
                }
                (_, Turn::A(_)) => r.random_range(10..300),
                (_, Turn::N(_)) => r.random_range(5..90),
                (_, Turn::S(_)) => r.random_range(20..240),
            };
            replied |= matches!(pair[1], Turn::A(_));
            gaps.push(mins * 60 + r.random_range(0..60));
        }
        let span = (self.now - start).num_seconds() - 120 - 30 * gaps.len() as i64;
        let total: i64 = gaps.iter().sum();
        if total > span {
            for g in &mut gaps {
                *g = (*g as i128 * span.max(0) as i128 / total as i128) as i64 + 30;
            }
        }
        let mut at = start;
        let mut out = vec![start];
        for g in gaps {
            at += Duration::seconds(g.max(30));
            out.push(at);
        }
        out
    }

    /// Moves messages written between 1 and 7 in the morning (local time,
    /// `offset` minutes ahead of UTC) to after 7, with everything after them,
    /// as long as the last one stays in the past.
    pub(super) fn daytime(&mut self, times: &mut [Timestamp], offset: i64, from: usize) {
        for i in from..times.len() {
            let local = times[i] + minutes(offset);
            if !(1..7).contains(&local.hour()) {
                continue;
            }
            let target = local.date_naive().and_hms_opt(7, 0, 0).map(|t| t.and_utc());
            let Some(target) = target else { continue };
            let delta = target - local + minutes(self.rng.random_range(0..180));
            let last = times[times.len() - 1];
            if last + delta <= self.now - minutes(2) {
                for t in &mut times[i..] {
                    *t += delta;
                }
            }
        }
    }
}
