//! Short-lived presence: which agents view or type on which ticket. Kept in
//! memory only; an entry lapses when not renewed within [`TTL`].

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::broadcast;

use sahaya_protocol::domain::{AgentId, TicketId};
use sahaya_protocol::wire::{PresenceNotice, Viewer};

/// How long a presence report holds without renewal.
pub const TTL: Duration = Duration::from_secs(30);

struct Entry {
    ticket_id: TicketId,
    name: String,
    typing: bool,
    seen: Instant,
}

pub struct Presence {
    entries: Mutex<HashMap<AgentId, Entry>>,
    /// When each agent's console last reported (any presence report, with
    /// or without a ticket): an agent is connected while this is within
    /// [`TTL`]. The console reports every 10 seconds.
    last_seen: Mutex<HashMap<AgentId, Instant>>,
    notices: broadcast::Sender<PresenceNotice>,
}

impl Default for Presence {
    fn default() -> Self {
        Presence {
            entries: Mutex::new(HashMap::new()),
            last_seen: Mutex::new(HashMap::new()),
            notices: broadcast::channel(1024).0,
        }
    }
}

impl Presence {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<AgentId, Entry>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn viewers_locked(entries: &HashMap<AgentId, Entry>, ticket_id: TicketId) -> Vec<Viewer> {
        let mut out: Vec<Viewer> = entries
            .iter()
            .filter(|(_, e)| e.ticket_id == ticket_id && e.seen.elapsed() < TTL)
            .map(|(id, e)| Viewer {
                agent_id: *id,
                name: e.name.clone(),
                typing: e.typing,
            })
            .collect();
        out.sort_by_key(|v| v.agent_id);
        out
    }

    fn seen_lock(&self) -> std::sync::MutexGuard<'_, HashMap<AgentId, Instant>> {
        self.last_seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `agent`'s console reported in. True when the agent was not connected
    /// before (the supervisor's figures change).
    pub fn touch(&self, agent: AgentId) -> bool {
        let mut seen = self.seen_lock();
        let was = seen.get(&agent).is_some_and(|t| t.elapsed() < TTL);
        seen.insert(agent, Instant::now());
        !was
    }

    /// Whether `agent`'s console reported within [`TTL`].
    pub fn is_connected(&self, agent: AgentId) -> bool {
        self.seen_lock()
            .get(&agent)
            .is_some_and(|t| t.elapsed() < TTL)
    }

    /// Everyone on `ticket_id` except `except`.
    pub fn viewers(&self, ticket_id: TicketId, except: AgentId) -> Vec<Viewer> {
        let entries = self.lock();
        let mut v = Self::viewers_locked(&entries, ticket_id);
        v.retain(|x| x.agent_id != except);
        v
    }

    /// Records what `agent` is doing; announces the tickets whose viewers changed.
    pub fn set(&self, agent: AgentId, name: &str, ticket_id: Option<TicketId>, typing: bool) {
        let mut entries = self.lock();
        let before = entries.get(&agent).map(|e| (e.ticket_id, e.typing));
        match ticket_id {
            Some(t) => {
                entries.insert(
                    agent,
                    Entry {
                        ticket_id: t,
                        name: name.to_string(),
                        typing,
                        seen: Instant::now(),
                    },
                );
            }
            None => {
                entries.remove(&agent);
            }
        }
        let after = ticket_id.map(|t| (t, typing));
        if before == after {
            return;
        }
        let mut touched: Vec<TicketId> = Vec::new();
        touched.extend(before.map(|b| b.0));
        touched.extend(after.map(|a| a.0));
        touched.dedup();
        for t in touched {
            let _ = self.notices.send(PresenceNotice {
                ticket_id: t,
                viewers: Self::viewers_locked(&entries, t),
            });
        }
    }

    /// Drops lapsed entries and announces their tickets. True when an
    /// agent's console stopped reporting (it is no longer connected).
    pub fn sweep(&self) -> bool {
        let gone = {
            let mut seen = self.seen_lock();
            let before = seen.len();
            seen.retain(|_, t| t.elapsed() < TTL);
            seen.len() != before
        };
        let mut entries = self.lock();
        let lapsed: Vec<(AgentId, TicketId)> = entries
            .iter()
            .filter(|(_, e)| e.seen.elapsed() >= TTL)
            .map(|(a, e)| (*a, e.ticket_id))
            .collect();
        for (agent, _) in &lapsed {
            entries.remove(agent);
        }
        for (_, t) in lapsed {
            let _ = self.notices.send(PresenceNotice {
                ticket_id: t,
                viewers: Self::viewers_locked(&entries, t),
            });
        }
        gone
    }

    pub fn subscribe(&self) -> broadcast::Receiver<PresenceNotice> {
        self.notices.subscribe()
    }
}

/// Sweeps lapsed presence every few seconds.
pub async fn run(state: super::state::AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        if state.presence().sweep() {
            super::stats::refresh(&state).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewers_exclude_the_asker_and_announce_changes() {
        let p = Presence::default();
        let mut rx = p.subscribe();
        p.set(1, "Asha", Some(7), false);
        p.set(2, "Ravi", Some(7), true);
        assert_eq!(
            p.viewers(7, 1),
            vec![Viewer {
                agent_id: 2,
                name: "Ravi".into(),
                typing: true
            }]
        );
        assert_eq!(rx.try_recv().unwrap().viewers.len(), 1);
        assert_eq!(rx.try_recv().unwrap().viewers.len(), 2);
        p.set(2, "Ravi", Some(7), true);
        assert!(rx.try_recv().is_err(), "no news, no notice");
        p.set(2, "Ravi", None, false);
        assert_eq!(rx.try_recv().unwrap().viewers.len(), 1);
    }

    #[test]
    fn a_reporting_console_is_connected_and_only_the_first_report_is_news() {
        let p = Presence::default();
        assert!(!p.is_connected(3));
        assert!(p.touch(3), "first report: the agent came online");
        assert!(!p.touch(3), "a heartbeat is no news");
        assert!(p.is_connected(3));
        assert!(!p.is_connected(4));
        assert!(!p.sweep(), "nothing lapsed");
        assert!(p.is_connected(3));
    }
}
