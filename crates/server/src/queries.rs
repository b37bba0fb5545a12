//! Ticket lists per view and their counts, straight from the indexes.

use super::sql::{self, Conn, args};

use super::codec::{from_json, millis};
use sahaya_protocol::domain::{AgentId, Ticket, Timestamp};
use sahaya_protocol::wire::{View, ViewCounts};

/// How far ahead "SLA due" looks.
pub const SLA_DUE_HORIZON_MINUTES: i64 = 60;

/// What a view's condition compares with.
enum Bound {
    None,
    /// The caller's id.
    Me,
    /// The SLA horizon.
    Horizon,
}

/// SQL condition for a view; `?1` is what [`Bound`] says.
fn condition(view: View) -> (&'static str, Bound) {
    match view {
        View::Mine => (
            "assignee_id = ?1 AND status NOT IN ('solved', 'closed')",
            Bound::Me,
        ),
        View::Unassigned => (
            "assignee_id IS NULL AND status NOT IN ('solved', 'closed')",
            Bound::None,
        ),
        View::Open => ("status IN ('new', 'open')", Bound::None),
        View::Pending => ("status IN ('pending', 'on-hold')", Bound::None),
        View::Solved => ("status IN ('solved', 'closed')", Bound::None),
        View::SlaDue => (
            "status IN ('new', 'open') AND next_due <= ?1",
            Bound::Horizon,
        ),
        View::All => ("1 = 1", Bound::None),
    }
}

/// The condition's argument, if it has one.
fn bound(b: &Bound, me: AgentId, now: Timestamp) -> Option<i64> {
    match b {
        Bound::None => None,
        Bound::Me => Some(me),
        Bound::Horizon => Some(horizon(now)),
    }
}

fn order_by(view: View) -> &'static str {
    match view {
        View::Solved | View::All => "updated_at DESC, id DESC",
        _ => "next_due ASC, id ASC",
    }
}

fn horizon(now: Timestamp) -> i64 {
    millis(now + chrono::Duration::minutes(SLA_DUE_HORIZON_MINUTES))
}

pub fn count(conn: &Conn, view: View, me: AgentId, now: Timestamp) -> sql::Result<i64> {
    let (cond, b) = condition(view);
    let sql = format!("SELECT COUNT(*) FROM tickets WHERE {cond}");
    match bound(&b, me, now) {
        Some(v) => conn.value(&sql, args![v]),
        None => conn.value(&sql, &[]),
    }
}

pub fn counts(conn: &Conn, me: AgentId, now: Timestamp) -> sql::Result<ViewCounts> {
    Ok(ViewCounts {
        mine: count(conn, View::Mine, me, now)?,
        unassigned: count(conn, View::Unassigned, me, now)?,
        open: count(conn, View::Open, me, now)?,
        pending: count(conn, View::Pending, me, now)?,
        solved: count(conn, View::Solved, me, now)?,
        sla_due: count(conn, View::SlaDue, me, now)?,
        all: count(conn, View::All, me, now)?,
    })
}

pub fn list(
    conn: &Conn,
    view: View,
    me: AgentId,
    now: Timestamp,
    limit: i64,
    offset: i64,
) -> sql::Result<Vec<Ticket>> {
    let (cond, b) = condition(view);
    let json = |r: &sql::Row<'_>| from_json(&r.get::<String>(0)?);
    match bound(&b, me, now) {
        Some(v) => conn.query_map(
            &format!(
                "SELECT json FROM tickets WHERE {cond} ORDER BY {} LIMIT ?2 OFFSET ?3",
                order_by(view)
            ),
            args![v, limit, offset],
            json,
        ),
        None => conn.query_map(
            &format!(
                "SELECT json FROM tickets WHERE {cond} ORDER BY {} LIMIT ?1 OFFSET ?2",
                order_by(view)
            ),
            args![limit, offset],
            json,
        ),
    }
}
