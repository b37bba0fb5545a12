//! The durable outbox (invariants 1 and 2) and composer drafts.
//!
//! Every write the agent makes is committed here (fsync'd: `synchronous=FULL`)
//! before [`Store::enqueue`] returns, with a fresh idempotency key that stays
//! with the entry for every retry. The sync task sends entries oldest first
//! and records the outcome; problems (conflicts, refusals) stay until the
//! agent retries or discards them, so nothing typed is dropped silently.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::apply::{Source, put_entity, put_server_ticket, refresh_ticket};
use super::entry::{OutboxEntry, OutboxOp, OutboxState, STATE_ACTIVE_SQL, STATE_PROBLEM_SQL};
use super::error::{Result, StoreError, corrupt, decode, encode};
use super::fts::Pending;
use super::store::Store;
use super::time::{from_millis, millis};
use sahaya_protocol::domain::{MessageKind, Ticket, TicketId, Timestamp};
use sahaya_protocol::wire::Entity;

const ENTRY_COLUMNS: &str = "id, idempotency_key, op, base_version, state, attempts, error_code,
    last_error, conflict, created_at, updated_at";

fn entry_from_row(row: &Row<'_>) -> Result<OutboxEntry> {
    let id: i64 = row.get(0)?;
    let state_text: String = row.get(4)?;
    let state = OutboxState::parse(&state_text)
        .ok_or_else(|| corrupt("outbox entry", id, format!("unknown state {state_text:?}")))?;
    let conflict: Option<String> = row.get(8)?;
    Ok(OutboxEntry {
        id,
        key: row.get(1)?,
        op: decode("outbox entry", id, &row.get::<_, String>(2)?)?,
        base_version: row.get(3)?,
        state,
        attempts: row.get(5)?,
        error_code: row.get(6)?,
        last_error: row.get(7)?,
        conflict: conflict
            .map(|json| decode("outbox conflict", id, &json))
            .transpose()?,
        created_at: from_millis("outbox entry", id, row.get(9)?)?,
        updated_at: from_millis("outbox entry", id, row.get(10)?)?,
    })
}

fn load_entry(conn: &Connection, id: i64) -> Result<OutboxEntry> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM outbox WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![id])?;
    match rows.next()? {
        Some(row) => entry_from_row(row),
        None => Err(StoreError::NoSuchEntry(id)),
    }
}

fn entries(
    conn: &Connection,
    where_clause: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<OutboxEntry>> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM outbox WHERE {where_clause} ORDER BY id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(p)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(entry_from_row(row)?);
    }
    Ok(out)
}

/// The server's version of a cached ticket.
pub(crate) fn server_version(conn: &Connection, id: TicketId) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT version FROM tickets WHERE id = ?1")?
        .query_row(params![id], |r| r.get(0))
        .optional()?)
}

fn set_state(
    conn: &Connection,
    id: i64,
    state: OutboxState,
    error_code: Option<&str>,
    last_error: Option<&str>,
    conflict: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE outbox SET state = ?2, error_code = ?3, last_error = ?4, conflict = ?5, updated_at = ?6
         WHERE id = ?1",
    )?
    .execute(params![id, state.as_str(), error_code, last_error, conflict, millis(now)])?;
    Ok(())
}

/// Writes `op` into the outbox as a pending entry with idempotency key
/// `key`, inside `tx`: its id and base version. A patch shows on the cached
/// ticket at once.
pub(crate) fn insert_entry(
    tx: &rusqlite::Transaction<'_>,
    key: &str,
    op: &OutboxOp,
    now: Timestamp,
) -> Result<(i64, Option<i64>)> {
    let op_json = encode("outbox entry", op)?;
    let base_version = match op {
        OutboxOp::Patch { ticket_id, .. } => {
            Some(server_version(tx, *ticket_id)?.ok_or(StoreError::UnknownTicket(*ticket_id))?)
        }
        OutboxOp::Merge {
            ticket_id, into, ..
        } => {
            server_version(tx, *into)?.ok_or(StoreError::UnknownTicket(*into))?;
            Some(server_version(tx, *ticket_id)?.ok_or(StoreError::UnknownTicket(*ticket_id))?)
        }
        OutboxOp::Message { ticket_id, .. } => server_version(tx, *ticket_id)?,
        OutboxOp::OrderAction { .. }
        | OutboxOp::Outbound(_)
        | OutboxOp::Resend { .. }
        | OutboxOp::MacroSave { .. }
        | OutboxOp::MacroDelete { .. } => None,
    };
    tx.prepare_cached(
        "INSERT INTO outbox (idempotency_key, kind, ticket_id, op, base_version, state, attempts,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?6)",
    )?
    .execute(params![
        key,
        op.kind(),
        op.ticket_id(),
        op_json,
        base_version,
        millis(now)
    ])?;
    let id = tx.last_insert_rowid();
    if let OutboxOp::Patch { ticket_id, .. } = op {
        refresh_ticket(tx, *ticket_id)?;
    }
    Ok((id, base_version))
}

impl Store {
    /// Puts `op` in the outbox and commits before returning, so once the UI
    /// shows it as queued it survives a crash or power loss. A patch shows on
    /// the cached ticket at once.
    pub fn enqueue(&mut self, op: OutboxOp) -> Result<OutboxEntry> {
        self.enqueue_then(op, |_, _| Ok(()))
    }

    /// [`Store::enqueue`], running `also` with the new entry's id in the same
    /// transaction (files go in beside their message).
    pub(crate) fn enqueue_then(
        &mut self,
        op: OutboxOp,
        also: impl FnOnce(&rusqlite::Transaction<'_>, i64) -> rusqlite::Result<()>,
    ) -> Result<OutboxEntry> {
        let now = self.now();
        let key = uuid::Uuid::new_v4().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (id, base_version) = insert_entry(&tx, &key, &op, now)?;
        also(&tx, id)?;
        tx.commit()?;
        self.wrote();
        Ok(OutboxEntry {
            id,
            key,
            op,
            base_version,
            state: OutboxState::Pending,
            attempts: 0,
            error_code: None,
            last_error: None,
            conflict: None,
            created_at: now,
            updated_at: now,
        })
    }

    pub fn outbox_entry(&self, id: i64) -> Result<Option<OutboxEntry>> {
        match load_entry(&self.conn, id) {
            Ok(entry) => Ok(Some(entry)),
            Err(StoreError::NoSuchEntry(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Entries to send, oldest first: pending ones and in-flight ones left by
    /// a run that stopped mid-request (send those again with the same key).
    pub fn outbox_pending(&self) -> Result<Vec<OutboxEntry>> {
        entries(&self.conn, &format!("state IN {STATE_ACTIVE_SQL}"), [])
    }

    /// Conflicts and refusals waiting for the agent, oldest first.
    pub fn outbox_problems(&self) -> Result<Vec<OutboxEntry>> {
        entries(&self.conn, &format!("state IN {STATE_PROBLEM_SQL}"), [])
    }

    /// Entries not yet confirmed (pending or being sent) and entries that need
    /// the agent (conflicts and refusals).
    pub fn outbox_counts(&self) -> Result<(i64, i64)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT state, COUNT(*) FROM outbox
             WHERE state IN ('pending', 'in_flight', 'conflict', 'rejected') GROUP BY state",
        )?;
        let mut rows = stmt.query([])?;
        let (mut waiting, mut problems) = (0, 0);
        while let Some(row) = rows.next()? {
            let state: String = row.get(0)?;
            let n: i64 = row.get(1)?;
            match OutboxState::parse(&state) {
                Some(s) if s.is_waiting() => waiting += n,
                Some(s) if s.is_problem() => problems += n,
                _ => {}
            }
        }
        Ok((waiting, problems))
    }

    /// The server's version of a cached ticket (the pending patches shown on
    /// the cached ticket do not change it).
    pub fn server_version(&self, ticket_id: TicketId) -> Result<Option<i64>> {
        server_version(&self.conn, ticket_id)
    }

    /// Sending starts: counts the attempt. Only pending or in-flight entries.
    pub fn mark_in_flight(&mut self, id: i64) -> Result<()> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, updated_at = ?2
                 WHERE id = ?1 AND state IN ('pending', 'in_flight')",
            )?
            .execute(params![id, millis(self.now())])?;
        if changed == 0 {
            let entry = load_entry(&self.conn, id)?;
            return Err(StoreError::InvalidState {
                id,
                state: entry.state,
                action: "sent",
            });
        }
        self.wrote();
        Ok(())
    }

    /// The server confirmed the entry; `result` is its answer (the created
    /// message, the updated ticket, the order action, the new ticket). The
    /// answer goes into the cache in the same transaction, so a queued message
    /// turns into the server's message without ever showing twice.
    pub fn mark_done(&mut self, id: i64, result: &Entity) -> Result<()> {
        self.mark_done_all(id, std::slice::from_ref(result))
    }

    /// [`Store::mark_done`] with every entity of the answer (e.g. both the
    /// message and the ticket of a `MessageCreated`).
    pub fn mark_done_all(&mut self, id: i64, results: &[Entity]) -> Result<()> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entry = load_entry(&tx, id)?;
        if entry.state == OutboxState::Done {
            return Ok(());
        }
        let mut touched: Vec<TicketId> = entry.ticket_id().into_iter().collect();
        let mut fts = Pending::default();
        for entity in results {
            put_entity(&tx, entity, Source::Answer, &mut fts)?;
            if let Entity::Ticket(t) = entity {
                touched.push(t.id);
                // Our own write took the ticket from version - 1 to version:
                // later patches of ours based on version - 1 build on it.
                if entry.ticket_id() == Some(t.id) {
                    tx.prepare_cached(
                        "UPDATE outbox SET base_version = ?2
                         WHERE ticket_id = ?1 AND kind = 'patch' AND state = 'pending'
                             AND base_version = ?3 AND id <> ?4",
                    )?
                    .execute(params![t.id, t.version, t.version - 1, id])?;
                }
            }
        }
        set_state(&tx, id, OutboxState::Done, None, None, None, now)?;
        tx.prepare_cached("DELETE FROM outbox_files WHERE entry_id = ?1")?
            .execute(params![id])?;
        tx.prepare_cached("UPDATE outbox SET result = ?2 WHERE id = ?1")?
            .execute(params![id, encode("outbox result", &results)?])?;
        touched.sort_unstable();
        touched.dedup();
        for ticket_id in touched {
            refresh_ticket(&tx, ticket_id)?;
        }
        super::fts::commit(tx, fts)?;
        self.wrote();
        Ok(())
    }

    /// The ticket changed on the server since the entry's base version.
    /// `current` (the server's copy) goes into the cache; the entry keeps it
    /// so the agent sees both sides, and its patch stops being shown.
    pub fn mark_conflict(&mut self, id: i64, current: &Ticket, message: &str) -> Result<()> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entry = load_entry(&tx, id)?;
        let mut fts = Pending::default();
        put_server_ticket(&tx, current, &mut fts)?;
        let conflict = encode("ticket", current)?;
        set_state(
            &tx,
            id,
            OutboxState::Conflict,
            Some("version_conflict"),
            Some(message),
            Some(&conflict),
            now,
        )?;
        refresh_ticket(&tx, current.id)?;
        if let Some(ticket_id) = entry.ticket_id().filter(|t| *t != current.id) {
            refresh_ticket(&tx, ticket_id)?;
        }
        super::fts::commit(tx, fts)?;
        self.wrote();
        Ok(())
    }

    /// The server refused the entry. It stays, with the reason, until the
    /// agent retries or discards it; a refused patch stops being shown.
    pub fn mark_rejected(&mut self, id: i64, code: &str, message: &str) -> Result<()> {
        self.settle_problem(id, OutboxState::Rejected, Some(code), Some(message))
    }

    /// Sending failed in a way that says nothing about the server (network
    /// down, timeout, 5xx): the entry waits again, with the same key.
    pub fn mark_failed(&mut self, id: i64, message: &str) -> Result<()> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE outbox SET state = 'pending', last_error = ?2, updated_at = ?3
                 WHERE id = ?1 AND state IN ('pending', 'in_flight')",
            )?
            .execute(params![id, message, millis(self.now())])?;
        if changed == 0 {
            let entry = load_entry(&self.conn, id)?;
            return Err(StoreError::InvalidState {
                id,
                state: entry.state,
                action: "marked as failed",
            });
        }
        self.wrote();
        Ok(())
    }

    fn settle_problem(
        &mut self,
        id: i64,
        state: OutboxState,
        code: Option<&str>,
        message: Option<&str>,
    ) -> Result<()> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entry = load_entry(&tx, id)?;
        set_state(&tx, id, state, code, message, None, now)?;
        if let Some(ticket_id) = entry.ticket_id() {
            refresh_ticket(&tx, ticket_id)?;
        }
        tx.commit()?;
        self.wrote();
        Ok(())
    }

    /// Drops an entry the agent gave up on. An entry being sent cannot be
    /// discarded (the server may already have it).
    pub fn discard(&mut self, id: i64) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entry = load_entry(&tx, id)?;
        if entry.state == OutboxState::InFlight {
            return Err(StoreError::InvalidState {
                id,
                state: entry.state,
                action: "discarded",
            });
        }
        tx.prepare_cached("DELETE FROM outbox WHERE id = ?1")?
            .execute(params![id])?;
        tx.prepare_cached("DELETE FROM outbox_files WHERE entry_id = ?1")?
            .execute(params![id])?;
        if let Some(ticket_id) = entry.ticket_id() {
            refresh_ticket(&tx, ticket_id)?;
        }
        tx.commit()?;
        self.wrote();
        Ok(())
    }

    /// Sends a conflicting or refused entry again ("re-apply mine"): back to
    /// pending, based on the ticket version now cached (for a conflict, the
    /// server's current one), same idempotency key.
    pub fn retry(&mut self, id: i64) -> Result<()> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entry = load_entry(&tx, id)?;
        if !(entry.state.is_problem() || entry.state == OutboxState::Pending) {
            return Err(StoreError::InvalidState {
                id,
                state: entry.state,
                action: "retried",
            });
        }
        let base_version = match entry.ticket_id() {
            Some(ticket_id) => server_version(&tx, ticket_id)?.or(entry.base_version),
            None => entry.base_version,
        };
        set_state(&tx, id, OutboxState::Pending, None, None, None, now)?;
        tx.prepare_cached("UPDATE outbox SET base_version = ?2 WHERE id = ?1")?
            .execute(params![id, base_version])?;
        // A merge is based on the target's version too.
        if let OutboxOp::Merge {
            ticket_id,
            into,
            into_version,
        } = entry.op
        {
            let op = OutboxOp::Merge {
                ticket_id,
                into,
                into_version: server_version(&tx, into)?.unwrap_or(into_version),
            };
            tx.prepare_cached("UPDATE outbox SET op = ?2 WHERE id = ?1")?
                .execute(params![id, encode("outbox entry", &op)?])?;
        }
        if let Some(ticket_id) = entry.ticket_id() {
            refresh_ticket(&tx, ticket_id)?;
        }
        tx.commit()?;
        self.wrote();
        Ok(())
    }

    /// Forgets confirmed entries last touched before `before`. Returns how many.
    pub fn prune_done(&mut self, before: Timestamp) -> Result<usize> {
        let n = self
            .conn
            .prepare_cached("DELETE FROM outbox WHERE state = 'done' AND updated_at < ?1")?
            .execute(params![millis(before)])?;
        self.wrote();
        Ok(n)
    }

    /// Unconfirmed and problem entries of one ticket, oldest first.
    pub(crate) fn open_entries_of_ticket(
        &self,
        ticket_id: TicketId,
        kind: &str,
    ) -> Result<Vec<OutboxEntry>> {
        entries(
            &self.conn,
            "ticket_id = ?1 AND kind = ?2 AND state <> 'done'",
            params![ticket_id, kind],
        )
    }

    /// Unconfirmed and problem entries of one kind, oldest first.
    pub(crate) fn open_entries_of_kind(&self, kind: &str) -> Result<Vec<OutboxEntry>> {
        entries(&self.conn, "kind = ?1 AND state <> 'done'", params![kind])
    }

    // ----- drafts -----

    /// Keeps the composer's text across restarts. Blank text deletes the draft.
    pub fn save_draft(&mut self, ticket_id: TicketId, kind: MessageKind, text: &str) -> Result<()> {
        if text.trim().is_empty() {
            return self.delete_draft(ticket_id);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO drafts (ticket_id, kind, body, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (ticket_id) DO UPDATE SET kind = excluded.kind, body = excluded.body,
                     updated_at = excluded.updated_at",
            )?
            .execute(params![ticket_id, kind.as_str(), text, millis(self.now())])?;
        self.wrote();
        Ok(())
    }

    pub fn draft(&self, ticket_id: TicketId) -> Result<Option<(MessageKind, String)>> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT kind, body FROM drafts WHERE ticket_id = ?1")?
            .query_row(params![ticket_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((kind, body)) = row else {
            return Ok(None);
        };
        let kind: MessageKind = kind.parse().map_err(|e| corrupt("draft", ticket_id, e))?;
        Ok(Some((kind, body)))
    }

    pub fn delete_draft(&mut self, ticket_id: TicketId) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM drafts WHERE ticket_id = ?1")?
            .execute(params![ticket_id])?;
        self.wrote();
        Ok(())
    }
}
