//! The schema, one list of migrations per dialect, applied in order and
//! recorded in the database: SQLite's `user_version`, PostgreSQL's
//! `schema_version` table (under an advisory lock, so servers starting
//! together on one database migrate it once). Both lists describe the same
//! tables; PostgreSQL's spells the types its way (BIGINT, BYTEA, an identity
//! column for the bridges' cursor) and adds `change_seq`, the change log's
//! counter row that serializes writers across servers.

use crate::sql::{Conn, Dialect};

const SQLITE: &[&str] = &[
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

const POSTGRES: &[&str] = &[
    r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The change log's counter: every write locks this row first, so writers on
-- every server take turns and commit in sequence order (a SEQUENCE would
-- hand out numbers that commit out of order and leave gaps).
CREATE TABLE change_seq (id INT PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL);
INSERT INTO change_seq (id, seq) VALUES (1, 0);
CREATE TABLE changes (
    seq BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    UNIQUE (kind, entity_id)
);
CREATE TABLE agents (
    id BIGINT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    agent_id BIGINT NOT NULL REFERENCES agents(id)
);
CREATE TABLE customers (id BIGINT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE customer_handles (
    channel TEXT NOT NULL,
    value TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    PRIMARY KEY (channel, value)
);
CREATE TABLE tickets (
    id BIGINT PRIMARY KEY,
    status TEXT NOT NULL,
    priority TEXT NOT NULL,
    channel TEXT NOT NULL,
    grp TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    assignee_id BIGINT,
    next_due BIGINT NOT NULL,
    first_responded_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    waiting_since BIGINT,
    json TEXT NOT NULL
);
CREATE INDEX tickets_status_due ON tickets (status, next_due);
CREATE INDEX tickets_assignee ON tickets (assignee_id, status, next_due);
CREATE INDEX tickets_updated ON tickets (updated_at);
CREATE INDEX tickets_customer ON tickets (customer_id);
CREATE INDEX tickets_created ON tickets (created_at);
CREATE TABLE messages (
    id BIGINT PRIMARY KEY,
    ticket_id BIGINT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);
CREATE TABLE orders (id TEXT PRIMARY KEY, customer_id BIGINT NOT NULL, json TEXT NOT NULL);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE order_actions (
    id BIGINT PRIMARY KEY,
    order_id TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX order_actions_order ON order_actions (order_id);
CREATE INDEX order_actions_customer ON order_actions (customer_id);
CREATE TABLE macros (id BIGINT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE surveys (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX surveys_customer ON surveys (customer_id);
CREATE INDEX surveys_created ON surveys (created_at);
CREATE TABLE idempotency (
    agent_id BIGINT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status BIGINT NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (agent_id, key)
);
"#,
    r#"
CREATE TABLE outbound (
    seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    message_id BIGINT NOT NULL,
    attempt BIGINT NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    survey TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (message_id, attempt)
);
CREATE INDEX outbound_channel ON outbound (channel, seq);
CREATE TABLE message_refs (
    ref TEXT PRIMARY KEY,
    message_id BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL
);
CREATE TABLE attachments (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT NOT NULL,
    message_id BIGINT,
    json TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_message ON attachments (message_id);
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, bytes BYTEA NOT NULL);
ALTER TABLE surveys ADD COLUMN ticket_id BIGINT;
CREATE UNIQUE INDEX surveys_ticket_kind ON surveys (ticket_id, kind);
"#,
];

fn newer(version: usize, known: usize) -> anyhow::Error {
    anyhow::anyhow!(
        "the server database has schema version {version}, newer than this sahaya ({known}); use a newer sahaya or another --db"
    )
}

/// Brings the schema up to date.
pub fn migrate(conn: &Conn) -> anyhow::Result<()> {
    match conn.dialect() {
        Dialect::Sqlite => migrate_sqlite(conn),
        Dialect::Postgres => migrate_postgres(conn),
    }
}

fn migrate_sqlite(conn: &Conn) -> anyhow::Result<()> {
    let version: i64 = conn.value("PRAGMA user_version", &[])?;
    let version = usize::try_from(version).unwrap_or(0);
    if version > SQLITE.len() {
        return Err(newer(version, SQLITE.len()));
    }
    for (i, sql) in SQLITE.iter().enumerate().skip(version) {
        conn.batch(&format!(
            "BEGIN; {sql}; PRAGMA user_version = {}; COMMIT;",
            i + 1
        ))
        .inspect_err(|_| {
            let _ = conn.batch("ROLLBACK");
        })?;
    }
    Ok(())
}

/// Any number; the same on every server, so migrations run one at a time.
const MIGRATION_LOCK: i64 = 0x5A4A_7A17;

fn migrate_postgres(conn: &Conn) -> anyhow::Result<()> {
    conn.batch(&format!(
        "BEGIN;
         SELECT pg_advisory_xact_lock({MIGRATION_LOCK});
         CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL);"
    ))?;
    let result = (|| -> anyhow::Result<()> {
        let version: i64 =
            conn.value("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?;
        let version = usize::try_from(version).unwrap_or(0);
        if version > POSTGRES.len() {
            return Err(newer(version, POSTGRES.len()));
        }
        for (i, sql) in POSTGRES.iter().enumerate().skip(version) {
            conn.batch(sql)?;
            conn.batch(&format!(
                "INSERT INTO schema_version (version) VALUES ({})",
                i + 1
            ))?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(conn.batch("COMMIT")?),
        Err(e) => {
            let _ = conn.batch("ROLLBACK");
            Err(e)
        }
    }
}
