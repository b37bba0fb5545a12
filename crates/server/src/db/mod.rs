//! The server's database: where it lives, the schema (`schema`), and the
//! change log that feeds `GET /v1/changes` and the SSE stream.
//!
//! Every write is one transaction that numbers the entities it touches with
//! the next sequence numbers. On SQLite one server owns the file and keeps
//! the counter in memory. On PostgreSQL several servers share the database:
//! a write first locks the `change_seq` row, so writers take turns, commit
//! in sequence order and leave no gaps; the write's notices go out with
//! `pg_notify` and reach every server (`fanout`) in commit order.

mod schema;

use std::cell::{Ref, RefCell};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use super::counters::{Counters, TicketDelta};
use super::sql::{self, Conn, Dialect, args};
use sahaya_protocol::wire::{ChangeNotice, EntityKind};

/// The channel the change notices of PostgreSQL writes go out on.
pub const CHANGES_CHANNEL: &str = "sahaya_changes";
/// Largest `pg_notify` payload sent (PostgreSQL's limit is 8000 bytes).
const NOTIFY_BYTES: usize = 7000;

/// Where the server keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A private in-memory SQLite database, gone when the server stops.
    Memory,
    /// A SQLite file, kept between runs.
    File(PathBuf),
    /// A PostgreSQL database (`postgres://user@host:port/name`), which
    /// several servers can share.
    Postgres(String),
}

/// Running ticket counts and the change they are current as of.
struct Tally {
    counters: Counters,
    as_of: i64,
}

/// The server's database connection, the change sequence counter and the
/// running ticket counts.
pub struct Db {
    pub conn: Conn,
    /// The newest sequence number this server knows of: its own writes and,
    /// on PostgreSQL, every server's announced ones (see `fanout`).
    latest: Arc<AtomicI64>,
    tally: RefCell<Tally>,
}

impl Db {
    /// Opens (creating if needed) the database and brings its schema up to date.
    pub fn open(target: &Database) -> anyhow::Result<Db> {
        let conn = match target {
            Database::Memory => Conn::sqlite(None)?,
            Database::File(p) => Conn::sqlite(Some(p))?,
            Database::Postgres(url) => Conn::postgres(url)?,
        };
        schema::migrate(&conn)?;
        let seq = stored_seq(&conn)?;
        let counters = Counters::scan(&conn)?;
        Ok(Db {
            conn,
            latest: Arc::new(AtomicI64::new(seq)),
            tally: RefCell::new(Tally {
                counters,
                as_of: seq,
            }),
        })
    }

    pub fn latest_seq(&self) -> i64 {
        self.latest.load(Ordering::SeqCst)
    }

    /// The newest sequence number committed by any server (on SQLite, the
    /// same as [`Db::latest_seq`]).
    pub fn committed_seq(&self) -> sql::Result<i64> {
        match self.conn.dialect() {
            Dialect::Sqlite => Ok(self.latest_seq()),
            Dialect::Postgres => stored_seq(&self.conn),
        }
    }

    /// The newest sequence number, shared with whoever announces changes.
    pub fn latest_handle(&self) -> Arc<AtomicI64> {
        self.latest.clone()
    }

    /// The running ticket counts. On PostgreSQL, when another server wrote
    /// since they were counted, they are counted again first.
    pub fn counters(&self) -> sql::Result<Ref<'_, Counters>> {
        if self.conn.dialect() == Dialect::Postgres {
            let stored: i64 = self.conn.value("SELECT seq FROM change_seq", &[])?;
            if stored != self.tally.borrow().as_of {
                self.recount()?;
            }
        }
        Ok(Ref::map(self.tally.borrow(), |t| &t.counters))
    }

    /// Counts the tickets and reads the counter from one snapshot.
    fn recount(&self) -> sql::Result<()> {
        self.conn
            .batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
        let counted = stored_seq(&self.conn).and_then(|seq| Ok((seq, Counters::scan(&self.conn)?)));
        self.conn.batch("COMMIT")?;
        let (as_of, counters) = counted?;
        *self.tally.borrow_mut() = Tally { counters, as_of };
        Ok(())
    }

    /// Runs `f` in a transaction; the change notices it recorded are returned
    /// with its result once the transaction has committed.
    pub fn write<T, E>(
        &mut self,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T, E>,
    ) -> Result<(T, Vec<ChangeNotice>), E>
    where
        E: From<sql::Error>,
    {
        let pg = self.conn.dialect() == Dialect::Postgres;
        self.conn.batch("BEGIN")?;
        let open = Open(&self.conn);
        let start = if pg {
            self.conn
                .value("SELECT seq FROM change_seq WHERE id = 1 FOR UPDATE", &[])?
        } else {
            self.latest_seq()
        };
        let mut writer = Writer {
            tx: Tx(&self.conn),
            log: Log {
                seq: start,
                ..Log::default()
            },
        };
        let value = f(&mut writer)?;
        let Writer { log, .. } = writer;
        if pg && log.seq != start {
            self.conn.execute(
                "UPDATE change_seq SET seq = ?1 WHERE id = 1",
                args![log.seq],
            )?;
            notify(&self.conn, &log.notices)?;
        }
        self.conn.batch("COMMIT")?;
        std::mem::forget(open);
        self.latest.fetch_max(log.seq, Ordering::SeqCst);
        let tally = self.tally.get_mut();
        if tally.as_of == start {
            for delta in &log.tickets {
                tally.counters.apply(delta);
            }
            tally.as_of = log.seq;
        }
        Ok((value, log.notices))
    }

    pub fn meta(&self, key: &str) -> sql::Result<Option<String>> {
        self.conn
            .query_opt("SELECT value FROM meta WHERE key = ?1", args![key], |r| {
                r.get(0)
            })
    }
}

/// The newest sequence number stored.
fn stored_seq(conn: &Conn) -> sql::Result<i64> {
    match conn.dialect() {
        Dialect::Sqlite => conn.value("SELECT COALESCE(MAX(seq), 0) FROM changes", &[]),
        Dialect::Postgres => conn.value("SELECT seq FROM change_seq", &[]),
    }
}

/// Sends a write's notices to every server listening, in chunks that fit
/// a notification; PostgreSQL delivers them at commit, in commit order.
fn notify(conn: &Conn, notices: &[ChangeNotice]) -> sql::Result<()> {
    let mut chunk: Vec<&ChangeNotice> = Vec::new();
    let mut size = 2;
    for notice in notices {
        let len = serde_json::to_string(notice)?.len() + 1;
        if size + len > NOTIFY_BYTES && !chunk.is_empty() {
            send_chunk(conn, &chunk)?;
            chunk.clear();
            size = 2;
        }
        chunk.push(notice);
        size += len;
    }
    if !chunk.is_empty() {
        send_chunk(conn, &chunk)?;
    }
    Ok(())
}

fn send_chunk(conn: &Conn, chunk: &[&ChangeNotice]) -> sql::Result<()> {
    let payload = serde_json::to_string(chunk)?;
    conn.query_one(
        "SELECT pg_notify(?1, ?2)::TEXT",
        args![CHANGES_CHANNEL, payload],
        |_| Ok(()),
    )
}

/// An open transaction, rolled back unless it was committed (an error or
/// a panic in the middle of a write).
struct Open<'a>(&'a Conn);

impl Drop for Open<'_> {
    fn drop(&mut self) {
        let _ = self.0.batch("ROLLBACK");
    }
}

/// The connection while a write transaction is open.
pub struct Tx<'a>(&'a Conn);

impl std::ops::Deref for Tx<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.0
    }
}

/// A write transaction that records every entity it touches in the change log.
pub struct Writer<'a> {
    pub tx: Tx<'a>,
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
    pub fn touch(&mut self, kind: EntityKind, id: &str) -> sql::Result<i64> {
        let seq = self.log.seq + 1;
        self.tx.execute(
            "INSERT INTO changes (seq, kind, entity_id) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, entity_id) DO UPDATE SET seq = excluded.seq",
            args![seq, kind.as_str(), id],
        )?;
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

    pub fn set_meta(&self, key: &str, value: &str) -> sql::Result<()> {
        self.tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            args![key, value],
        )?;
        Ok(())
    }
}
