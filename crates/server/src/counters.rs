//! Running ticket counts for the queue statistics, kept in memory and
//! updated from every ticket write: `repo::put_ticket` reports the row before
//! and after as a [`TicketDelta`], the database applies the deltas once the
//! transaction commits. The statistics then only ask SQLite for what depends
//! on the clock (see `stats`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::codec::millis;
use super::sql::{self, Conn, Row, args};
use sahaya_protocol::domain::{AgentId, Ticket, TicketId};

/// The columns of a ticket row the counters follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketFacts {
    pub status: String,
    pub priority: String,
    pub channel: String,
    pub group: String,
    pub assignee: Option<AgentId>,
    /// As stored: the last customer message while the ticket is active.
    pub waiting_since: Option<i64>,
}

impl TicketFacts {
    pub fn of(t: &Ticket) -> TicketFacts {
        TicketFacts {
            status: t.status.as_str().to_string(),
            priority: t.priority.as_str().to_string(),
            channel: t.channel.as_str().to_string(),
            group: t.group.clone(),
            assignee: t.assignee_id,
            waiting_since: if t.status.is_active() {
                t.last_customer_message_at.map(millis)
            } else {
                None
            },
        }
    }

    /// The row as stored now (a primary-key lookup), before a write replaces it.
    pub fn read(conn: &Conn, id: TicketId) -> sql::Result<Option<TicketFacts>> {
        conn.query_opt(
            "SELECT status, priority, channel, grp, assignee_id, waiting_since
             FROM tickets WHERE id = ?1",
            args![id],
            facts_from_row,
        )
    }

    fn active(&self) -> bool {
        is_active(&self.status)
    }

    fn waiting(&self) -> bool {
        matches!(self.status.as_str(), "new" | "open") && self.waiting_since.is_some()
    }
}

fn facts_from_row(r: &Row<'_>) -> sql::Result<TicketFacts> {
    Ok(TicketFacts {
        status: r.get(0)?,
        priority: r.get(1)?,
        channel: r.get(2)?,
        group: r.get(3)?,
        assignee: r.get(4)?,
        waiting_since: r.get(5)?,
    })
}

fn is_active(status: &str) -> bool {
    !matches!(status, "solved" | "closed")
}

/// One ticket write: the row before (None when new) and after.
#[derive(Debug, Clone)]
pub struct TicketDelta {
    pub id: TicketId,
    pub old: Option<TicketFacts>,
    pub new: TicketFacts,
}

/// Counts over the whole ticket table, kept up to date write by write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counters {
    pub(crate) total: i64,
    /// Every ticket, by status.
    pub(crate) by_status: HashMap<String, i64>,
    /// Active tickets only, from here on.
    pub(crate) by_priority: HashMap<String, i64>,
    pub(crate) by_channel: HashMap<String, i64>,
    pub(crate) by_group: HashMap<String, i64>,
    pub(crate) unassigned: i64,
    pub(crate) load: HashMap<AgentId, i64>,
    /// New or open tickets whose customer waits, oldest first.
    pub(crate) waiting: BTreeSet<(i64, TicketId)>,
}

fn bump<K: std::hash::Hash + Eq + Clone>(map: &mut HashMap<K, i64>, key: &K, by: i64) {
    if let Some(n) = map.get_mut(key) {
        *n += by;
        if *n == 0 {
            map.remove(key);
        }
    } else if by != 0 {
        map.insert(key.clone(), by);
    }
}

impl Counters {
    /// Counts the table once (opening the database); from then on
    /// [`Counters::apply`] keeps the counts current.
    pub fn scan(conn: &Conn) -> sql::Result<Counters> {
        let mut counters = Counters::default();
        conn.query_map(
            "SELECT status, priority, channel, grp, assignee_id, waiting_since, id FROM tickets",
            &[],
            |row| {
                let facts = facts_from_row(row)?;
                let id: TicketId = row.get(6)?;
                counters.add(id, &facts, 1);
                Ok(())
            },
        )?;
        Ok(counters)
    }

    fn add(&mut self, id: TicketId, f: &TicketFacts, by: i64) {
        self.total += by;
        bump(&mut self.by_status, &f.status, by);
        if f.active() {
            bump(&mut self.by_priority, &f.priority, by);
            bump(&mut self.by_channel, &f.channel, by);
            bump(&mut self.by_group, &f.group, by);
            match f.assignee {
                Some(a) => bump(&mut self.load, &a, by),
                None => self.unassigned += by,
            }
        }
        if f.waiting() {
            let entry = (f.waiting_since.unwrap_or_default(), id);
            if by > 0 {
                self.waiting.insert(entry);
            } else {
                self.waiting.remove(&entry);
            }
        }
    }

    /// Takes one committed ticket write into account.
    pub fn apply(&mut self, d: &TicketDelta) {
        if d.old.as_ref() == Some(&d.new) {
            return;
        }
        if let Some(old) = &d.old {
            self.add(d.id, old, -1);
        }
        self.add(d.id, &d.new, 1);
    }

    pub(crate) fn sorted<K: ToString>(map: &HashMap<K, i64>) -> BTreeMap<String, i64> {
        map.iter()
            .filter(|(_, n)| **n != 0)
            .map(|(k, n)| (k.to_string(), *n))
            .collect()
    }

    pub(crate) fn status(&self, s: &str) -> i64 {
        self.by_status.get(s).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: &str, assignee: Option<AgentId>, waiting: Option<i64>) -> TicketFacts {
        TicketFacts {
            status: status.into(),
            priority: "high".into(),
            channel: "chat".into(),
            group: "payments".into(),
            assignee,
            waiting_since: waiting,
        }
    }

    #[test]
    fn deltas_move_counts_between_keys_and_drop_zeros() {
        let mut c = Counters::default();
        c.apply(&TicketDelta {
            id: 1,
            old: None,
            new: facts("new", None, Some(5)),
        });
        assert_eq!(c.unassigned, 1);
        assert_eq!(c.waiting.first(), Some(&(5, 1)));
        c.apply(&TicketDelta {
            id: 1,
            old: Some(facts("new", None, Some(5))),
            new: facts("open", Some(7), Some(5)),
        });
        assert_eq!((c.unassigned, c.load.get(&7).copied()), (0, Some(1)));
        c.apply(&TicketDelta {
            id: 1,
            old: Some(facts("open", Some(7), Some(5))),
            new: facts("solved", Some(7), None),
        });
        assert!(c.load.is_empty() && c.by_priority.is_empty() && c.waiting.is_empty());
        assert_eq!(Counters::sorted(&c.by_status).get("solved"), Some(&1));
        assert_eq!(Counters::sorted(&c.by_status).len(), 1);
        assert_eq!(c.total, 1);
    }
}
