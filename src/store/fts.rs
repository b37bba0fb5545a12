//! Keeping the full-text indexes in step with `tickets.subject` and
//! `messages.body`.
//!
//! Row triggers only queue what changed (`fts_queue`); [`commit`] writes the
//! queue into the FTS5 tables at the end of each transaction, all new rows of
//! a table in one statement. FTS5 flushes its pending terms to a new segment
//! at every statement savepoint, so writing it from row triggers made one
//! segment per row (see the schema's third migration).

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};

use super::error::Result;

/// The indexed tables: queue tag, base table, FTS table, indexed column.
const TABLES: [(&str, &str, &str, &str); 2] = [
    ("t", "tickets", "tickets_fts", "subject"),
    ("m", "messages", "messages_fts", "body"),
];

/// Indexes what is queued, then commits.
pub(crate) fn commit(tx: Transaction<'_>) -> Result<()> {
    index_queued(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Writes the queued rows into the full-text indexes and empties the queue.
///
/// For each row the first queued entry says what the index held before the
/// queue began (nothing, or `old_text`): that is removed, then the row's
/// current text (if the row still exists) is added.
pub(crate) fn index_queued(conn: &Connection) -> Result<()> {
    let mut first: HashMap<(String, i64), Option<String>> = HashMap::new();
    {
        let mut stmt = conn
            .prepare_cached("SELECT tbl, id, was_indexed, old_text FROM fts_queue ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: (String, i64) = (row.get(0)?, row.get(1)?);
            let indexed: bool = row.get(2)?;
            let old: Option<String> = row.get(3)?;
            first.entry(key).or_insert(if indexed {
                Some(old.unwrap_or_default())
            } else {
                None
            });
        }
    }
    if first.is_empty() {
        return Ok(());
    }
    for (tag, table, fts, column) in TABLES {
        let mut ids = Vec::new();
        for ((t, id), old) in &first {
            if t != tag {
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
    conn.execute("DELETE FROM fts_queue", [])?;
    Ok(())
}

/// Empties both indexes and the queue (the cache is being cleared).
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM fts_queue;
         INSERT INTO tickets_fts (tickets_fts) VALUES ('delete-all');
         INSERT INTO messages_fts (messages_fts) VALUES ('delete-all');",
    )?;
    Ok(())
}
