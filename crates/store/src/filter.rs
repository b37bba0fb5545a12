//! Ticket lists narrowed to one figure of the supervisor screen (a status,
//! priority, channel, group, agent or SLA bucket), with the same meaning as
//! the server's `QueueStats` and read through indexes like the views.

use rusqlite::types::Value;

use super::error::Result;
use super::read::TicketRow;
use super::store::Store;
use super::time::millis;
use sahaya_protocol::domain::{AgentId, Channel, Priority, Status, TicketId, Timestamp};

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
    fn sql(&self, now: Timestamp) -> (&'static str, Vec<Value>, &'static str) {
        const BY_DUE: &str = "next_due ASC, id ASC";
        let text = |s: &str| Value::Text(s.to_string());
        match self {
            TicketFilter::Status(s) => {
                let order = if s.is_active() {
                    BY_DUE
                } else {
                    "updated_at DESC, id DESC"
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
    /// How many cached tickets match `filter` at `now`.
    pub fn filtered_count(&self, filter: &TicketFilter, now: Timestamp) -> Result<i64> {
        let (condition, params, _) = filter.sql(now);
        let sql = format!("SELECT COUNT(*) FROM tickets WHERE {condition}");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?)
    }

    /// Rows `offset .. offset + limit` of the tickets matching `filter`.
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
        let (condition, mut params, order) = filter.sql(now);
        let n = params.len();
        let sql = format!(
            "SELECT id FROM tickets WHERE {condition} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        params.push(Value::Integer(limit));
        params.push(Value::Integer(offset.max(0)));
        let ids: Vec<TicketId> = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        self.rows_of(ids)
    }
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
            for sql in [
                format!("SELECT COUNT(*) FROM tickets WHERE {condition}"),
                format!("SELECT id FROM tickets WHERE {condition} ORDER BY {order} LIMIT 10"),
            ] {
                let plan: Vec<String> = store
                    .conn
                    .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .unwrap()
                    .query_map(rusqlite::params_from_iter(params.clone()), |r| r.get(3))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                let plan = plan.join(" | ");
                assert!(
                    plan.contains(&format!("COVERING INDEX {index}"))
                        && !plan.contains("TEMP B-TREE"),
                    "{f:?}: {sql}: {plan}"
                );
            }
        }
    }
}
