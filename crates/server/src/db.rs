//! The reference server's SQLite database: schema, migrations, and the change
//! log that feeds `GET /v1/changes` and the SSE stream.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::counters::{Counters, TicketDelta};
use sahaya_protocol::wire::{ChangeNotice, EntityKind};

const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per entity: the sequence number of its latest change.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    UNIQUE (kind, entity_id)
);
CREATE TABLE agents (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    agent_id INTEGER NOT NULL REFERENCES agents(id)
);
CREATE TABLE customers (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE customer_handles (
    channel TEXT NOT NULL,
    value TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (channel, value)
);
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,
    priority TEXT NOT NULL,
    channel TEXT NOT NULL,
    grp TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    assignee_id INTEGER,
    next_due INTEGER NOT NULL,
    first_responded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    waiting_since INTEGER,
    json TEXT NOT NULL
);
CREATE INDEX tickets_status_due ON tickets (status, next_due);
CREATE INDEX tickets_assignee ON tickets (assignee_id, status, next_due);
CREATE INDEX tickets_updated ON tickets (updated_at);
CREATE INDEX tickets_customer ON tickets (customer_id);
CREATE INDEX tickets_created ON tickets (created_at);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);
CREATE TABLE orders (id TEXT PRIMARY KEY, customer_id INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE order_actions (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX order_actions_order ON order_actions (order_id);
CREATE INDEX order_actions_customer ON order_actions (customer_id);
CREATE TABLE macros (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    score INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX surveys_customer ON surveys (customer_id);
CREATE INDEX surveys_created ON surveys (created_at);
-- Answers to idempotent POSTs, per caller and key.
CREATE TABLE idempotency (
    agent_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, key)
);
"#,
    r#"
-- The channel bridges' queue: one row per sending of a message (a resend is a
-- new row with the next attempt). `seq` is the bridges' cursor.
CREATE TABLE outbound (
    seq INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    survey TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (message_id, attempt)
);
CREATE INDEX outbound_channel ON outbound (channel, seq);
-- A channel's ids of messages (a customer's Message-ID, the id our own mail
-- went out with): what threads an answer to its ticket.
CREATE TABLE message_refs (
    ref TEXT PRIMARY KEY,
    message_id INTEGER NOT NULL,
    ticket_id INTEGER NOT NULL
);
-- Files: metadata per upload, bytes once per checksum.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL,
    message_id INTEGER,
    json TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX attachments_message ON attachments (message_id);
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL);
-- One answer per ticket and kind; a later one replaces it.
ALTER TABLE surveys ADD COLUMN ticket_id INTEGER;
CREATE UNIQUE INDEX surveys_ticket_kind ON surveys (ticket_id, kind);
"#,
];

/// The server's database connection, the change sequence counter and the
/// running ticket counts.
pub struct Db {
    pub conn: Connection,
    seq: i64,
    /// Running ticket counts for the queue statistics (see `counters`).
    counters: Counters,
}

impl Db {
    /// Opens (creating if needed) the database at `path`, or a private
    /// in-memory one when `path` is None, and brings its schema up to date.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Db> {
        let conn = match path {
            Some(p) => Connection::open(p)?,
            None => Connection::open_in_memory()?,
        };
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&conn)?;
        let seq: i64 = conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM changes", [], |r| {
            r.get(0)
        })?;
        let counters = Counters::scan(&conn)?;
        Ok(Db {
            conn,
            seq,
            counters,
        })
    }

    pub fn latest_seq(&self) -> i64 {
        self.seq
    }

    pub fn counters(&self) -> &Counters {
        &self.counters
    }

    /// Runs `f` in a transaction; the change notices it recorded are returned
    /// with its result once the transaction has committed.
    pub fn write<T, E>(
        &mut self,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T, E>,
    ) -> Result<(T, Vec<ChangeNotice>), E>
    where
        E: From<rusqlite::Error>,
    {
        let mut writer = Writer {
            tx: self.conn.transaction()?,
            log: Log {
                seq: self.seq,
                ..Log::default()
            },
        };
        let value = f(&mut writer)?;
        let Writer { tx, log } = writer;
        tx.commit()?;
        self.seq = log.seq;
        for delta in &log.tickets {
            self.counters.apply(delta);
        }
        Ok((value, log.notices))
    }

    pub fn meta(&self, key: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
    }
}

/// A write transaction that records every entity it touches in the change log.
pub struct Writer<'a> {
    pub tx: Transaction<'a>,
    log: Log,
}

/// What a write did besides its SQL, taken into account once it commits.
#[derive(Default)]
struct Log {
    /// The latest sequence number handed out.
    seq: i64,
    notices: Vec<ChangeNotice>,
    /// Ticket rows written, for the statistics counters.
    tickets: Vec<TicketDelta>,
}

impl Writer<'_> {
    /// Marks an entity as changed: it gets the next sequence number.
    pub fn touch(&mut self, kind: EntityKind, id: &str) -> rusqlite::Result<i64> {
        let seq = self.log.seq + 1;
        self.tx
            .prepare_cached(
                "INSERT INTO changes (seq, kind, entity_id) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, entity_id) DO UPDATE SET seq = excluded.seq",
            )?
            .execute(params![seq, kind.as_str(), id])?;
        self.log.seq = seq;
        self.log.notices.push(ChangeNotice {
            seq,
            kind,
            id: id.to_string(),
        });
        Ok(seq)
    }

    /// Records a ticket row write for the statistics counters.
    pub fn ticket_written(&mut self, delta: TicketDelta) {
        self.log.tickets.push(delta);
    }

    pub fn set_meta(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        self.tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

fn migrate(conn: &Connection) -> anyhow::Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(0);
    if version > MIGRATIONS.len() {
        anyhow::bail!(
            "the server database has schema version {version}, newer than this sahaya ({}); use a newer sahaya or another --db",
            MIGRATIONS.len()
        );
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
