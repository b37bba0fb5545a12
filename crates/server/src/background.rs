//! The server's background tasks: publishing the queue statistics as they
//! change and sweeping lapsed presence. Timing here is real time (tokio
//! timers); what the tasks compute reads the server's clock.

use std::time::{Duration, Instant};

use super::state::AppState;

/// At most this many statistics refreshes per second, however busy the
/// server is.
const MIN_GAP: Duration = Duration::from_millis(250);
/// Without changes, the clock-driven figures (SLA) are refreshed this often.
const TICK: Duration = Duration::from_secs(30);
/// How often lapsed presence is swept.
const SWEEP: Duration = Duration::from_secs(5);

/// Keeps the published statistics fresh: the first change after a quiet
/// spell is published at once, a burst at most every [`MIN_GAP`], and the
/// clock-driven SLA figures every [`TICK`] without changes. Notices that the
/// published figures already include (the tail of a write whose first
/// notice woke this loop) cause no refresh.
pub async fn publish_stats(state: AppState) {
    use tokio::sync::broadcast::error::{RecvError, TryRecvError};
    let mut changes = state.subscribe();
    let published = state.stats();
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<Instant> = None;
    // The newest sequence number announced and not yet drained.
    let drain = |changes: &mut tokio::sync::broadcast::Receiver<_>, newest: &mut i64| loop {
        match changes.try_recv() {
            Ok(sahaya_protocol::wire::ChangeNotice { seq, .. }) => *newest = (*newest).max(seq),
            Err(TryRecvError::Lagged(_)) => *newest = i64::MAX,
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Closed) => return false,
        }
    };
    loop {
        tokio::select! {
            received = changes.recv() => {
                let mut newest = match received {
                    Ok(notice) => notice.seq,
                    Err(RecvError::Lagged(_)) => i64::MAX,
                    Err(RecvError::Closed) => return,
                };
                if !drain(&mut changes, &mut newest) {
                    return;
                }
                if newest <= published.borrow().seq {
                    continue;
                }
                let wait = last.map_or(Duration::ZERO, |l| {
                    (l + MIN_GAP).saturating_duration_since(Instant::now())
                });
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                    // Everything announced meanwhile is in this refresh.
                    if !drain(&mut changes, &mut newest) {
                        return;
                    }
                }
            }
            _ = tick.tick() => {}
        }
        last = Some(Instant::now());
        state.refresh_stats().await;
        tick.reset();
    }
}

/// Sweeps lapsed presence every few seconds; when an agent's console stopped
/// reporting, the supervisors' figures change.
pub async fn sweep_presence(state: AppState) {
    let mut tick = tokio::time::interval(SWEEP);
    loop {
        tick.tick().await;
        if state.presence().sweep() {
            state.refresh_stats().await;
        }
    }
}
