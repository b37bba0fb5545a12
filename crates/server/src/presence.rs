//! Short-lived presence: which agents view or type on which ticket. Kept in
//! memory only; an entry lapses when not renewed within [`TTL`] by the
//! server's clock. Sweeping lapsed entries on a timer is `background`'s job.
//! Servers sharing a PostgreSQL database pass every report on to the others
//! (`fanout`): a report made here goes to the [`Presence::relay`], one made
//! elsewhere comes in through [`Presence::apply`].

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, OnceLock, mpsc};

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use sahaya_protocol::Clock;
use sahaya_protocol::domain::{AgentId, TicketId, Timestamp};
use sahaya_protocol::wire::{PresenceNotice, Viewer};

/// How long a presence report holds without renewal.
pub const TTL: TimeDelta = TimeDelta::seconds(30);

/// One presence report, as passed between servers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Report {
    /// The agent's console reported in.
    Touch { agent: AgentId },
    /// What the agent views or types on.
    Set {
        agent: AgentId,
        name: String,
        ticket_id: Option<TicketId>,
        typing: bool,
    },
}

struct Entry {
    ticket_id: TicketId,
    name: String,
    typing: bool,
    seen: Timestamp,
}

pub struct Presence {
    entries: Mutex<HashMap<AgentId, Entry>>,
    /// When each agent's console last reported (any presence report, with
    /// or without a ticket): an agent is connected while this is within
    /// [`TTL`]. The console reports every 10 seconds.
    last_seen: Mutex<HashMap<AgentId, Timestamp>>,
    notices: broadcast::Sender<PresenceNotice>,
    clock: Clock,
    /// Where reports made here go for the other servers, when there are any.
    relay: OnceLock<Mutex<mpsc::Sender<Report>>>,
}

impl Presence {
    pub fn new(clock: Clock) -> Presence {
        Presence {
            entries: Mutex::new(HashMap::new()),
            last_seen: Mutex::new(HashMap::new()),
            notices: broadcast::channel(1024).0,
            clock,
            relay: OnceLock::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<AgentId, Entry>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn seen_lock(&self) -> MutexGuard<'_, HashMap<AgentId, Timestamp>> {
        self.last_seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether a report made at `seen` still holds at `now`.
    fn fresh(seen: Timestamp, now: Timestamp) -> bool {
        now - seen < TTL
    }

    fn viewers_locked(
        entries: &HashMap<AgentId, Entry>,
        ticket_id: TicketId,
        now: Timestamp,
    ) -> Vec<Viewer> {
        let mut out: Vec<Viewer> = entries
            .iter()
            .filter(|(_, e)| e.ticket_id == ticket_id && Self::fresh(e.seen, now))
            .map(|(id, e)| Viewer {
                agent_id: *id,
                name: e.name.clone(),
                typing: e.typing,
            })
            .collect();
        out.sort_by_key(|v| v.agent_id);
        out
    }

    /// Passes every report made here on to `relay` from now on.
    pub fn relay(&self, relay: mpsc::Sender<Report>) {
        let _ = self.relay.set(Mutex::new(relay));
    }

    fn pass_on(&self, report: Report) {
        if let Some(relay) = self.relay.get() {
            let _ = relay.lock().unwrap_or_else(|p| p.into_inner()).send(report);
        }
    }

    /// A report made on another server. True when the agent came online.
    pub fn apply(&self, report: Report) -> bool {
        match report {
            Report::Touch { agent } => self.touch_here(agent),
            Report::Set {
                agent,
                name,
                ticket_id,
                typing,
            } => {
                self.set_here(agent, &name, ticket_id, typing);
                false
            }
        }
    }

    /// `agent`'s console reported in. True when the agent was not connected
    /// before (the supervisor's figures change).
    pub fn touch(&self, agent: AgentId) -> bool {
        self.pass_on(Report::Touch { agent });
        self.touch_here(agent)
    }

    fn touch_here(&self, agent: AgentId) -> bool {
        let now = self.clock.now();
        let mut seen = self.seen_lock();
        let was = seen.get(&agent).is_some_and(|t| Self::fresh(*t, now));
        seen.insert(agent, now);
        !was
    }

    /// Whether `agent`'s console reported within [`TTL`].
    pub fn is_connected(&self, agent: AgentId) -> bool {
        let now = self.clock.now();
        self.seen_lock()
            .get(&agent)
            .is_some_and(|t| Self::fresh(*t, now))
    }

    /// Everyone on `ticket_id` except `except`.
    pub fn viewers(&self, ticket_id: TicketId, except: AgentId) -> Vec<Viewer> {
        let entries = self.lock();
        let mut v = Self::viewers_locked(&entries, ticket_id, self.clock.now());
        v.retain(|x| x.agent_id != except);
        v
    }

    /// Records what `agent` is doing; announces the tickets whose viewers changed.
    pub fn set(&self, agent: AgentId, name: &str, ticket_id: Option<TicketId>, typing: bool) {
        self.pass_on(Report::Set {
            agent,
            name: name.to_string(),
            ticket_id,
            typing,
        });
        self.set_here(agent, name, ticket_id, typing);
    }

    fn set_here(&self, agent: AgentId, name: &str, ticket_id: Option<TicketId>, typing: bool) {
        let now = self.clock.now();
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
                        seen: now,
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
            self.announce(&entries, t, now);
        }
    }

    fn announce(&self, entries: &HashMap<AgentId, Entry>, ticket_id: TicketId, now: Timestamp) {
        let _ = self.notices.send(PresenceNotice {
            ticket_id,
            viewers: Self::viewers_locked(entries, ticket_id, now),
        });
    }

    /// Drops lapsed entries and announces their tickets. True when an
    /// agent's console stopped reporting (it is no longer connected).
    pub fn sweep(&self) -> bool {
        let now = self.clock.now();
        let gone = {
            let mut seen = self.seen_lock();
            let before = seen.len();
            seen.retain(|_, t| Self::fresh(*t, now));
            seen.len() != before
        };
        let mut entries = self.lock();
        let lapsed: Vec<(AgentId, TicketId)> = entries
            .iter()
            .filter(|(_, e)| !Self::fresh(e.seen, now))
            .map(|(a, e)| (*a, e.ticket_id))
            .collect();
        for (agent, _) in &lapsed {
            entries.remove(agent);
        }
        for (_, t) in lapsed {
            self.announce(&entries, t, now);
        }
        gone
    }

    pub fn subscribe(&self) -> broadcast::Receiver<PresenceNotice> {
        self.notices.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn clock() -> Clock {
        Clock::manual(chrono::Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap())
    }

    #[test]
    fn viewers_exclude_the_asker_and_announce_changes() {
        let p = Presence::new(clock());
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
        let p = Presence::new(clock());
        assert!(!p.is_connected(3));
        assert!(p.touch(3), "first report: the agent came online");
        assert!(!p.touch(3), "a heartbeat is no news");
        assert!(p.is_connected(3));
        assert!(!p.is_connected(4));
        assert!(!p.sweep(), "nothing lapsed");
        assert!(p.is_connected(3));
    }

    #[test]
    fn reports_lapse_after_the_ttl_by_the_servers_clock() {
        let clock = clock();
        let p = Presence::new(clock.clone());
        let mut rx = p.subscribe();
        p.touch(3);
        p.set(3, "Sita", Some(9), false);
        assert_eq!(rx.try_recv().unwrap().viewers.len(), 1);
        clock.advance(TTL - TimeDelta::seconds(1));
        assert!(!p.sweep(), "still within the TTL");
        assert!(p.is_connected(3));
        assert_eq!(p.viewers(9, 1).len(), 1);
        clock.advance(TimeDelta::seconds(1));
        assert!(p.viewers(9, 1).is_empty(), "a lapsed entry is no viewer");
        assert!(p.sweep(), "the console stopped reporting");
        assert!(!p.is_connected(3));
        assert!(rx.try_recv().unwrap().viewers.is_empty());
    }
}
