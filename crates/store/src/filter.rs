//! Ticket lists narrowed to one figure of the supervisor screen (a status,
//! priority, channel, group, agent or SLA bucket), with the same meaning as
//! the server's `QueueStats` and read through indexes like the views.

use std::collections::HashMap;

use rusqlite::types::Value;

use super::error::Result;
use super::page::{List, Order};
use super::read::TicketRow;
use super::store::Store;
use super::time::millis;
use sahaya_protocol::domain::{AgentId, Channel, Priority, Status, Timestamp};

/// One count of the supervisor screen, as a list of tickets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketFilter {
    /// Every ticket with this status.
    Status(Status),
    /// Active (not solved or closed) tickets of this priority.
    Priority(Priority),
    /// Active tickets on this channel.
    Channel(Channel),
    /// Active tickets of this group.
    Group(String),
    /// Active tickets assigned to this agent.
    Assignee(AgentId),
    /// New or open tickets whose next deadline has passed.
    SlaBreached,
    /// New or open tickets due within this many minutes (not yet breached).
    SlaDueWithin(i64),
}

impl TicketFilter {
    /// The SQL condition, its parameters, and the order of the rows.
    fn sql(&self, now: Timestamp) -> (&'static str, Vec<Value>, Order) {
        const BY_DUE: Order = Order::DueAsc;
        let text = |s: &str| Value::Text(s.to_string());
        match self {
            TicketFilter::Status(s) => {
                let order = if s.is_active() {
                    BY_DUE
                } else {
                    Order::UpdatedDesc
                };
                ("status = ?1", vec![text(s.as_str())], order)
            }
            TicketFilter::Priority(p) => (
                "priority = ?1 AND active = 1",
                vec![text(p.as_str())],
                BY_DUE,
            ),
            TicketFilter::Channel(c) => (
                "channel = ?1 AND active = 1",
                vec![text(c.as_str())],
                BY_DUE,
            ),
            TicketFilter::Group(g) => ("grp = ?1 AND active = 1", vec![text(g)], BY_DUE),
            TicketFilter::Assignee(a) => (
                "assignee_id = ?1 AND active = 1",
                vec![Value::Integer(*a)],
                BY_DUE,
            ),
            TicketFilter::SlaBreached => (
                "open_class = 0 AND next_due < ?1",
                vec![Value::Integer(millis(now))],
                BY_DUE,
            ),
            TicketFilter::SlaDueWithin(minutes) => (
                "open_class = 0 AND next_due >= ?1 AND next_due <= ?2",
                vec![
                    Value::Integer(millis(now)),
                    Value::Integer(millis(now + chrono::Duration::minutes(*minutes))),
                ],
                BY_DUE,
            ),
        }
    }
}

impl Store {
    /// How many cached tickets match `filter` at `now` (remembered until
    /// the cache changes).
    pub fn filtered_count(&self, filter: &TicketFilter, now: Timestamp) -> Result<i64> {
        let (condition, params, _) = filter.sql(now);
        let generation = self.generation()?;
        let name = list_name(filter, &params);
        {
            let memo = self.filter_counts.borrow();
            if memo.0 == generation
                && let Some(n) = memo.1.get(&name)
            {
                return Ok(*n);
            }
        }
        let sql = format!("SELECT COUNT(*) FROM tickets WHERE {condition}");
        let n = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?;
        let mut memo = self.filter_counts.borrow_mut();
        if memo.0 != generation || memo.1.len() > 64 {
            *memo = (generation, HashMap::new());
        }
        memo.1.insert(name, n);
        Ok(n)
    }

    /// Rows `offset .. offset + limit` of the tickets matching `filter`,
    /// read by keyset from the nearest known position (`store::page`).
    pub fn filtered_rows(
        &self,
        filter: &TicketFilter,
        now: Timestamp,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<TicketRow>> {
        if limit <= 0 {
            return Ok(Vec::new());
        }
        let (condition, params, order) = filter.sql(now);
        let name = list_name(filter, &params);
        let len = {
            let memo = self.filter_counts.borrow();
            if memo.0 == self.generation()? {
                memo.1.get(&name).copied()
            } else {
                None
            }
        };
        let list = List {
            name,
            condition: condition.to_string(),
            params: params
                .into_iter()
                .enumerate()
                .map(|(i, v)| (format!("?{}", i + 1), v))
                .collect(),
            order,
            len,
        };
        let ids = self.page(&list, offset, limit)?;
        self.rows_of(ids)
    }
}

/// What a drill-down's anchor and count are remembered under.
fn list_name(filter: &TicketFilter, params: &[Value]) -> String {
    format!("{filter:?}/{params:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every filter reads an index, never the whole table.
    #[test]
    fn filters_use_indexes() {
        let store = Store::open_in_memory().unwrap();
        let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
        let filters = [
            (TicketFilter::Status(Status::Open), "tickets_status_"),
            (TicketFilter::Status(Status::Closed), "tickets_status_"),
            (TicketFilter::Priority(Priority::Urgent), "tickets_priority"),
            (TicketFilter::Channel(Channel::WhatsApp), "tickets_channel"),
            (TicketFilter::Group("payments".into()), "tickets_group"),
            (TicketFilter::Assignee(3), "tickets_assignee"),
            (TicketFilter::SlaBreached, "tickets_class_due"),
            (TicketFilter::SlaDueWithin(15), "tickets_class_due"),
        ];
        for (f, index) in filters {
            let (condition, params, order) = f.sql(now);
            let count = format!("SELECT COUNT(*) FROM tickets WHERE {condition}");
            let plan: Vec<String> = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {count}"))
                .unwrap()
                .query_map(rusqlite::params_from_iter(params.clone()), |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let mut plans = vec![(count, plan.join(" | "))];
            let list = List {
                name: String::new(),
                condition: condition.to_string(),
                params: params
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (format!("?{}", i + 1), v))
                    .collect(),
                order,
                len: None,
            };
            plans.extend(crate::page::walk_plans(&store.conn, &list));
            for (sql, plan) in plans {
                assert!(
                    plan.contains(&format!("COVERING INDEX {index}"))
                        && !plan.contains("TEMP B-TREE"),
                    "{f:?}: {sql}: {plan}"
                );
            }
        }
    }
}
