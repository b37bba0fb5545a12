//! View counts kept by the writers, so that reading them does not grow with
//! the cache.
//!
//! - `view_counts` holds how many tickets each (status class, assignee) pair
//!   has: a few rows per agent. Mine, Unassigned, Open, Pending, Solved and
//!   All are sums over it. The two ticket writers (`apply::put_server_ticket`
//!   and `apply::refresh_ticket`) move a ticket from the pair it left to the
//!   pair it entered ([`moved`]); no triggers (a trigger makes every upsert
//!   open a statement journal, see `schema`).
//! - SLA due (`open_class = 0 AND next_due <= horizon`) depends on the clock.
//!   `sla_base` holds the count at one horizon `h0`, kept by the same writers;
//!   [`advance_sla`] moves `h0` forward on every page of the change feed, and a
//!   reader adds or takes away only the tickets due between `h0` and its own
//!   horizon (minutes of deadlines, not the whole view).

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Result;
use sahaya_protocol::domain::AgentId;

/// `view_counts.assignee` of an unassigned ticket.
const NOBODY: i64 = i64::MIN;

/// What the counts of a ticket depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CountKey {
    /// 0 new/open, 1 pending/on hold, 2 solved/closed (`tickets.open_class`).
    pub open_class: i64,
    pub assignee: Option<AgentId>,
    /// `tickets.next_due`, epoch milliseconds.
    pub next_due: i64,
}

/// A ticket went from `old` to `new` (None: it was not / is no longer
/// cached): the counts follow it.
pub(crate) fn moved(conn: &Connection, old: Option<CountKey>, new: Option<CountKey>) -> Result<()> {
    if old == new {
        return Ok(());
    }
    let pair = |k: &CountKey| (k.open_class, k.assignee.unwrap_or(NOBODY));
    if old.as_ref().map(pair) != new.as_ref().map(pair) {
        let mut add = conn.prepare_cached(
            "INSERT INTO view_counts (open_class, assignee, n) VALUES (?1, ?2, ?3)
             ON CONFLICT (open_class, assignee) DO UPDATE SET n = n + excluded.n",
        )?;
        if let Some(k) = &old {
            let (class, who) = pair(k);
            add.execute(params![class, who, -1])?;
        }
        if let Some(k) = &new {
            let (class, who) = pair(k);
            add.execute(params![class, who, 1])?;
        }
    }
    let may_be_due = |k: &Option<CountKey>| k.is_some_and(|k| k.open_class == 0);
    if may_be_due(&old) || may_be_due(&new) {
        let (h0, _) = sla_base(conn)?;
        let due = |k: &Option<CountKey>| k.is_some_and(|k| k.open_class == 0 && k.next_due <= h0);
        let delta = i64::from(due(&new)) - i64::from(due(&old));
        if delta != 0 {
            conn.prepare_cached("UPDATE sla_base SET n = n + ?1")?
                .execute(params![delta])?;
        }
    }
    Ok(())
}

/// The SLA horizon the base is kept at, and the SLA-due count there.
pub(crate) fn sla_base(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn
        .prepare_cached("SELECT horizon, n FROM sla_base")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, 0)))
}

/// Open tickets due in `(from, to]`: a range of the `tickets_class_due` index.
pub(crate) fn due_between(conn: &Connection, from: i64, to: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM tickets WHERE open_class = 0 AND next_due > ?1 AND next_due <= ?2",
        )?
        .query_row(params![from, to], |r| r.get(0))?)
}

/// The SLA-due count at `horizon`, from the base.
pub(crate) fn sla_due_at(conn: &Connection, horizon: i64) -> Result<i64> {
    let (h0, n0) = sla_base(conn)?;
    Ok(if horizon >= h0 {
        n0 + due_between(conn, h0, horizon)?
    } else {
        n0 - due_between(conn, horizon, h0)?
    })
}

/// Moves the SLA base forward to `horizon` (never back: a clock that went
/// back is read from the base by subtracting).
pub(crate) fn advance_sla(conn: &Connection, horizon: i64) -> Result<()> {
    let (h0, n0) = sla_base(conn)?;
    if horizon <= h0 {
        return Ok(());
    }
    let n = n0 + due_between(conn, h0, horizon)?;
    conn.prepare_cached("UPDATE sla_base SET horizon = ?1, n = ?2")?
        .execute(params![horizon, n])?;
    Ok(())
}

/// Counts of the clock-free views for agent `me`:
/// (mine, unassigned, open, pending, solved).
pub(crate) fn class_counts(conn: &Connection, me: AgentId) -> Result<[i64; 5]> {
    let mut stmt = conn.prepare_cached("SELECT open_class, assignee, n FROM view_counts")?;
    let mut rows = stmt.query([])?;
    let mut out = [0i64; 5];
    while let Some(row) = rows.next()? {
        let (class, who, n): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let active = class < 2;
        if active && who == me && who != NOBODY {
            out[0] += n;
        }
        if active && who == NOBODY {
            out[1] += n;
        }
        match class {
            0 => out[2] += n,
            1 => out[3] += n,
            _ => out[4] += n,
        }
    }
    Ok(out)
}

/// Forgets every count (the cache was emptied).
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM view_counts; UPDATE sla_base SET horizon = 0, n = 0;")?;
    Ok(())
}

/// The migration that adds the counts, filled from the tickets cached.
pub(crate) const MIGRATION: &str = r#"
CREATE TABLE view_counts (
    open_class INTEGER NOT NULL,
    assignee INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (open_class, assignee)
) WITHOUT ROWID;
INSERT INTO view_counts (open_class, assignee, n)
    SELECT open_class, IFNULL(assignee_id, -9223372036854775807 - 1), COUNT(*) FROM tickets
    GROUP BY 1, 2;
CREATE TABLE sla_base (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    horizon INTEGER NOT NULL,
    n INTEGER NOT NULL
);
INSERT INTO sla_base (id, horizon, n)
    SELECT 1, 0, COUNT(*) FROM tickets WHERE open_class = 0 AND next_due <= 0;
"#;
