//! Ticket lists per view and their counts, straight from the indexes.

use rusqlite::Connection;

use super::codec::{from_json, millis};
use sahaya_protocol::domain::{AgentId, Ticket, Timestamp};
use sahaya_protocol::wire::{View, ViewCounts};

/// How far ahead "SLA due" looks.
pub const SLA_DUE_HORIZON_MINUTES: i64 = 60;

/// SQL condition for a view; `:me` is the caller's id, `:horizon` the SLA horizon.
fn condition(view: View) -> &'static str {
    match view {
        View::Mine => "assignee_id = :me AND status NOT IN ('solved', 'closed')",
        View::Unassigned => "assignee_id IS NULL AND status NOT IN ('solved', 'closed')",
        View::Open => "status IN ('new', 'open')",
        View::Pending => "status IN ('pending', 'on-hold')",
        View::Solved => "status IN ('solved', 'closed')",
        View::SlaDue => "status IN ('new', 'open') AND next_due <= :horizon",
        View::All => "1 = 1",
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

/// Binds the named parameters that `stmt` uses (views use different ones).
fn bind(stmt: &mut rusqlite::CachedStatement<'_>, values: &[(&str, i64)]) -> rusqlite::Result<()> {
    for (name, value) in values {
        if let Some(index) = stmt.parameter_index(name)? {
            stmt.raw_bind_parameter(index, value)?;
        }
    }
    Ok(())
}

pub fn count(conn: &Connection, view: View, me: AgentId, now: Timestamp) -> rusqlite::Result<i64> {
    let sql = format!("SELECT COUNT(*) FROM tickets WHERE {}", condition(view));
    let mut stmt = conn.prepare_cached(&sql)?;
    bind(&mut stmt, &[(":me", me), (":horizon", horizon(now))])?;
    let mut rows = stmt.raw_query();
    match rows.next()? {
        Some(row) => row.get(0),
        None => Ok(0),
    }
}

pub fn counts(conn: &Connection, me: AgentId, now: Timestamp) -> rusqlite::Result<ViewCounts> {
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
    conn: &Connection,
    view: View,
    me: AgentId,
    now: Timestamp,
    limit: i64,
    offset: i64,
) -> rusqlite::Result<Vec<Ticket>> {
    let sql = format!(
        "SELECT json FROM tickets WHERE {} ORDER BY {} LIMIT :limit OFFSET :offset",
        condition(view),
        order_by(view)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    bind(
        &mut stmt,
        &[
            (":me", me),
            (":horizon", horizon(now)),
            (":limit", limit),
            (":offset", offset),
        ],
    )?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(from_json(&row.get::<_, String>(0)?)?);
    }
    Ok(out)
}
