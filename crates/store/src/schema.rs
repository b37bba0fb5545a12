//! The cache schema and its migrations, versioned through `PRAGMA user_version`.
//!
//! Migrations only ever get appended: migration `i` (0-based) brings a cache
//! from version `i` to `i + 1`.

use std::path::Path;

use rusqlite::Connection;

use super::error::{Result, StoreError};

/// Tokenizer for ticket subjects and message bodies.
///
/// The default `unicode61` tokenizer treats combining marks (Unicode category
/// M: vowel signs, virama, anusvara) as separators, so `ಪಾರ್ಸೆಲ್` would be
/// indexed as the bare consonants `ಪ ರ ಸ ಲ` — shared by unrelated words.
/// Adding `M*` to the token categories keeps Kannada, Telugu and Devanagari
/// words whole; Latin diacritics are still folded (`remove_diacritics 2`).
/// ZWNJ/ZWJ (category Cf) stay separators, so `ಪಾರ್ಸೆಲ್‌ನ` also yields
/// `ಪಾರ್ಸೆಲ್`; queries are prefix queries so agglutinated suffixes match too.
pub const TOKENIZER: &str = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'";

pub(super) fn migrations() -> Vec<String> {
    vec![
        format!(
            r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Tickets as the UI shows them: the server's copy with this agent's pending
-- patches applied on top. `server_json` holds the server's copy whenever it
-- differs (pending patches), else it is NULL and `json` is the server's copy.
-- `version` is always the server's version.
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    -- 0 = new/open, 1 = pending/on-hold, 2 = solved/closed
    open_class INTEGER NOT NULL,
    -- 1 unless solved/closed
    active INTEGER NOT NULL,
    assignee_id INTEGER,
    customer_id INTEGER NOT NULL,
    next_due INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    json TEXT NOT NULL,
    server_json TEXT
);
-- open, pending, sla_due: by next deadline (rowid = id breaks ties)
CREATE INDEX tickets_class_due ON tickets (open_class, next_due);
-- mine, unassigned
CREATE INDEX tickets_assignee ON tickets (assignee_id, active, next_due);
-- solved
CREATE INDEX tickets_class_updated ON tickets (open_class, updated_at);
-- all
CREATE INDEX tickets_updated ON tickets (updated_at);
CREATE INDEX tickets_customer ON tickets (customer_id, created_at);

CREATE VIRTUAL TABLE tickets_fts USING fts5(
    subject, content='tickets', content_rowid='id', tokenize="{tok}"
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, subject) VALUES (new.id, new.subject);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject ON tickets
WHEN old.subject IS NOT new.subject BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
    INSERT INTO tickets_fts (rowid, subject) VALUES (new.id, new.subject);
END;

-- `json` is the message without its body; the body lives in its own column
-- (read by the full-text index too, so it is stored once).
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);

CREATE VIRTUAL TABLE messages_fts USING fts5(
    body, content='messages', content_rowid='id', tokenize="{tok}"
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages
WHEN old.body IS NOT new.body BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    placed_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, placed_at);
CREATE TABLE order_actions (
    id INTEGER PRIMARY KEY,
    order_id TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX order_actions_customer ON order_actions (customer_id, id);
CREATE INDEX order_actions_order ON order_actions (order_id, id);
CREATE TABLE agents (id INTEGER PRIMARY KEY, name TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE macros (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX surveys_customer ON surveys (customer_id, created_at);

-- Everything the agent did that the server has not confirmed yet (and, for a
-- while, what it has). AUTOINCREMENT: ids are never reused, so the negative
-- local id of a queued message stays unique.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    ticket_id INTEGER,
    op TEXT NOT NULL,
    base_version INTEGER,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    last_error TEXT,
    conflict TEXT,
    result TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX outbox_state ON outbox (state, id);
CREATE INDEX outbox_ticket ON outbox (ticket_id, kind, state);

CREATE TABLE drafts (
    ticket_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
"#,
            tok = TOKENIZER
        ),
        // The supervisor's drill-downs: tickets of one status, and active
        // tickets of one priority, channel or group, in the views' orders.
        // The JSON is checked first so that a damaged row stays readable
        // and writable (json_extract fails on malformed JSON). The filter
        // queries use the very same expressions (store::filter).
        r#"
CREATE INDEX tickets_status_due ON tickets (status, next_due);
CREATE INDEX tickets_status_updated ON tickets (status, updated_at);
CREATE INDEX tickets_priority ON tickets ((CASE WHEN json_valid(json) THEN json_extract(json, '$.priority') END), active, next_due);
CREATE INDEX tickets_channel ON tickets ((CASE WHEN json_valid(json) THEN json_extract(json, '$.channel') END), active, next_due);
CREATE INDEX tickets_group ON tickets ((CASE WHEN json_valid(json) THEN json_extract(json, '$.group') END), active, next_due);
"#
        .to_string(),
        // Full-text indexing is deferred to the end of each write transaction
        // (`store::fts::index_queued`). Writing the FTS5 tables from row
        // triggers made every statement that opens a statement journal (an
        // upsert with triggers) flush FTS5's pending terms as a new segment:
        // a page of 1,000 changes wrote ~1,000 tiny segments and merged them,
        // and the initial sync of 100k tickets took over a minute. The
        // triggers now only queue the row; `was_indexed` with `old_text` says
        // what the index held for it before.
        r#"
DROP TRIGGER tickets_fts_insert;
DROP TRIGGER tickets_fts_delete;
DROP TRIGGER tickets_fts_update;
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
CREATE TABLE fts_queue (
    seq INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    id INTEGER NOT NULL,
    was_indexed INTEGER NOT NULL,
    old_text TEXT
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO fts_queue (tbl, id, was_indexed) VALUES ('t', new.id, 0);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO fts_queue (tbl, id, was_indexed, old_text) VALUES ('t', old.id, 1, old.subject);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject ON tickets
WHEN old.subject IS NOT new.subject BEGIN
    INSERT INTO fts_queue (tbl, id, was_indexed, old_text) VALUES ('t', old.id, 1, old.subject);
END;
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO fts_queue (tbl, id, was_indexed) VALUES ('m', new.id, 0);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO fts_queue (tbl, id, was_indexed, old_text) VALUES ('m', old.id, 1, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages
WHEN old.body IS NOT new.body BEGIN
    INSERT INTO fts_queue (tbl, id, was_indexed, old_text) VALUES ('m', old.id, 1, old.body);
END;
"#
        .to_string(),
        // The drill-down keys as plain columns: expression indexes over the
        // JSON parsed it three times per ticket written (half the cost of
        // storing a ticket during the initial sync).
        r#"
DROP INDEX tickets_priority;
DROP INDEX tickets_channel;
DROP INDEX tickets_group;
ALTER TABLE tickets ADD COLUMN priority TEXT;
ALTER TABLE tickets ADD COLUMN channel TEXT;
ALTER TABLE tickets ADD COLUMN grp TEXT;
UPDATE tickets SET
    priority = CASE WHEN json_valid(json) THEN json_extract(json, '$.priority') END,
    channel = CASE WHEN json_valid(json) THEN json_extract(json, '$.channel') END,
    grp = CASE WHEN json_valid(json) THEN json_extract(json, '$.group') END;
CREATE INDEX tickets_priority ON tickets (priority, active, next_due);
CREATE INDEX tickets_channel ON tickets (channel, active, next_due);
CREATE INDEX tickets_group ON tickets (grp, active, next_due);
"#
        .to_string(),
        // No triggers at all on the indexed tables: even a trigger that only
        // queues the row makes every upsert open a statement journal, which
        // doubled the cost of storing a message. The writers tell
        // `store::fts` what they changed instead.
        r#"
DROP TRIGGER tickets_fts_insert;
DROP TRIGGER tickets_fts_delete;
DROP TRIGGER tickets_fts_update;
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE fts_queue;
"#
        .to_string(),
        // The search language (store::query): tags and the order id as
        // columns (only rows that have some are rewritten), and `rev`
        // (0 until the ticket is next written), bumped on every write of a ticket, so a reader
        // keeps its in-memory facets of all tickets and refreshes only the
        // ones written since (one covering index holds everything it needs);
        // message owners without reading message rows; customers' names in
        // a full-text index, their language; phone numbers, e-mail addresses,
        // social handles, order ids and tracking numbers normalized in
        // `lookup_keys` (filled from the JSON by `lookup::backfill`); survey
        // scores by ticket.
        format!(
            r#"
ALTER TABLE tickets ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN order_id TEXT;
ALTER TABLE tickets ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET
    tags = COALESCE((SELECT group_concat(value, char(31)) FROM json_each(tickets.json, '$.tags')), ''),
    order_id = json_extract(json, '$.order_id')
WHERE json_valid(json)
    AND (json_array_length(json, '$.tags') > 0 OR json_type(json, '$.order_id') = 'text');
CREATE INDEX tickets_facets ON tickets (rev, status, priority, channel, grp, assignee_id,
    customer_id, created_at, updated_at, next_due, order_id, tags);
CREATE INDEX messages_owner ON messages (id, ticket_id, created_at);

ALTER TABLE customers ADD COLUMN lang TEXT NOT NULL DEFAULT '';
CREATE INDEX customers_lang ON customers (lang);
CREATE VIRTUAL TABLE customers_fts USING fts5(
    name, content='customers', content_rowid='id', tokenize="{tok}"
);
INSERT INTO customers_fts (rowid, name) SELECT id, name FROM customers;

-- kind: 1 phone, 2 e-mail, 3 social handle, 4 order id, 5 tracking number.
-- A customer's handles have no order_id; an order's keys have it.
CREATE TABLE lookup_keys (
    key TEXT NOT NULL,
    kind INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    order_id TEXT
);
CREATE INDEX lookup_keys_key ON lookup_keys (key, kind, customer_id);
CREATE INDEX lookup_keys_customer ON lookup_keys (customer_id) WHERE order_id IS NULL;
CREATE INDEX lookup_keys_order ON lookup_keys (order_id) WHERE order_id IS NOT NULL;

ALTER TABLE surveys ADD COLUMN ticket_id INTEGER;
ALTER TABLE surveys ADD COLUMN kind TEXT;
ALTER TABLE surveys ADD COLUMN score INTEGER;
UPDATE surveys SET
    ticket_id = json_extract(json, '$.ticket_id'),
    kind = json_extract(json, '$.kind'),
    score = json_extract(json, '$.score')
WHERE json_valid(json);
CREATE INDEX surveys_kind ON surveys (kind, ticket_id, score);
"#,
            tok = TOKENIZER
        ),
        // Replies a channel could not deliver (the problems list shows them),
        // kept by the message writer; and the files of queued replies, kept
        // until the server confirmed the reply.
        r#"
CREATE TABLE undelivered (
    message_id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL,
    author_id INTEGER
);
INSERT INTO undelivered (message_id, ticket_id, author_id)
    SELECT id, ticket_id, json_extract(json, '$.author.id') FROM messages
    WHERE json_valid(json) AND json_extract(json, '$.delivery') = 'failed'
        AND json_extract(json, '$.kind') = 'reply';
CREATE TABLE outbox_files (
    entry_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (entry_id, idx)
);
"#
        .to_string(),
        // View counts kept by the ticket writers (store::counts): reading
        // them no longer counts index entries.
        super::counts::MIGRATION.to_string(),
    ]
}

/// Work of migration `version` that SQL alone cannot do, run in the same
/// transaction right after its SQL.
fn after(version: i64, tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    match version {
        6 => super::lookup::backfill(tx),
        _ => Ok(()),
    }
}

/// The schema version this build writes.
pub fn known_version() -> i64 {
    migrations().len() as i64
}

/// Brings the schema of `conn` up to date, each step in its own transaction.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
    let all = migrations();
    let known = all.len() as i64;
    if found > known {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known,
        });
    }
    for (i, sql) in all
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        let version = i as i64 + 1;
        let step = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Another process may have migrated while we waited for the lock.
            let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now >= version {
                return tx.commit();
            }
            tx.execute_batch(sql)?;
            after(version, &tx)?;
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()
        };
        step(conn).map_err(|source| StoreError::Migration {
            path: path.to_path_buf(),
            version,
            source,
        })?;
    }
    Ok(())
}
