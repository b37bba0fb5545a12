//! Keeping the full-text indexes in step with `tickets.subject` and
//! `messages.body`.
//!
//! The cache writers note in a [`Pending`] which rows they
//! added or whose text they changed; [`commit`] writes those into the FTS5
//! tables at the end of the transaction, all new texts of a table in one
//! statement. No triggers: FTS5 flushes its pending terms to a new segment at
//! every statement savepoint, and a trigger makes every upsert open one (and
//! copy the pages it touches into a statement journal). Row triggers that
//! wrote FTS5 made one segment per row; the initial sync of 100k tickets
//! took 68 s with them, and still twice the time per message with triggers
//! that only queued the row.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};

use super::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Indexed {
    TicketSubject,
    MessageBody,
    CustomerName,
}

impl Indexed {
    /// Base table, FTS table, indexed column.
    fn tables(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Indexed::TicketSubject => ("tickets", "tickets_fts", "subject"),
            Indexed::MessageBody => ("messages", "messages_fts", "body"),
            Indexed::CustomerName => ("customers", "customers_fts", "name"),
        }
    }
}

/// Rows whose text the index does not have yet, with what the index held
/// for each before this transaction (None: nothing).
#[derive(Debug, Default)]
pub(crate) struct Pending {
    before: HashMap<(Indexed, i64), Option<String>>,
}

impl Pending {
    /// A new row.
    pub fn added(&mut self, what: Indexed, id: i64) {
        self.before.entry((what, id)).or_insert(None);
    }

    /// A row whose text was `old` (indexed, unless it came earlier in this
    /// same transaction) and now differs.
    pub fn changed(&mut self, what: Indexed, id: i64, old: String) {
        self.before.entry((what, id)).or_insert(Some(old));
    }
}

/// Indexes what is pending, then commits.
pub(crate) fn commit(tx: Transaction<'_>, pending: Pending) -> Result<()> {
    index(&tx, pending)?;
    tx.commit()?;
    Ok(())
}

/// Removes what the index held for the pending rows and adds their current
/// text (rows deleted meanwhile are skipped).
fn index(conn: &Connection, pending: Pending) -> Result<()> {
    if pending.before.is_empty() {
        return Ok(());
    }
    for what in [
        Indexed::TicketSubject,
        Indexed::MessageBody,
        Indexed::CustomerName,
    ] {
        let (table, fts, column) = what.tables();
        let mut ids = Vec::new();
        for ((w, id), old) in &pending.before {
            if *w != what {
                continue;
            }
            ids.push(*id);
            if let Some(old) = old {
                conn.prepare_cached(&format!(
                    "INSERT INTO {fts} ({fts}, rowid, {column}) VALUES ('delete', ?1, ?2)"
                ))?
                .execute(params![id, old])?;
            }
        }
        if ids.is_empty() {
            continue;
        }
        let ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        conn.prepare_cached(&format!(
            "INSERT INTO {fts} (rowid, {column})
             SELECT id, {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?1))"
        ))?
        .execute(params![ids])?;
    }
    Ok(())
}

/// Empties both indexes (the cache is being cleared).
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO tickets_fts (tickets_fts) VALUES ('delete-all');
         INSERT INTO messages_fts (messages_fts) VALUES ('delete-all');
         INSERT INTO customers_fts (customers_fts) VALUES ('delete-all');",
    )?;
    Ok(())
}
