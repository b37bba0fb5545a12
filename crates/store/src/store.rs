//! The [`Store`]: a connection to the cache file, opened with the pragmas the
//! cache needs and a schema brought up to date; its generation, and the small
//! key/value things kept in `meta` (the change-feed cursor, who is signed in).

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

use super::error::{self, Result, StoreError};
use super::page::Anchors;
use super::query::{CountMemo, Facets};
use super::time::{millis, to_millis};
use super::{counts, fts, schema};
use sahaya_protocol::Clock;
use sahaya_protocol::domain::{Agent, AgentId, Timestamp};
use sahaya_protocol::wire::ViewCounts;

/// How long confirmed outbox entries are kept.
const DONE_KEPT_DAYS: i64 = 7;

pub(crate) const META_CURSOR: &str = "cursor";
const META_ME: &str = "me";
/// Moves when the cache is cleared: readers' ticket facets start over.
pub(crate) const META_FACETS_EPOCH: &str = "facets_epoch";

/// A connection to the cache file.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Where "now" comes from for what the cache stamps itself (outbox
    /// entries, drafts) and for pruning: the caller's clock.
    clock: Clock,
    /// Writes made through this connection (`PRAGMA data_version` only counts
    /// other connections' commits).
    local_writes: u64,
    /// View counts that do not depend on the clock, for one generation and agent.
    pub(crate) counts_memo: RefCell<Option<CountsMemo>>,
    /// Every ticket's facets, for queries (see `query`).
    pub(crate) facets: RefCell<Facets>,
    /// Query counts for one generation.
    pub(crate) query_counts: RefCell<CountMemo>,
    /// Where each ticket list was last read (keyset paging, see `page`).
    pub(crate) anchors: RefCell<Anchors>,
    /// Drill-down counts for one generation (the pager reads a list's
    /// length from here).
    pub(crate) filter_counts: RefCell<(u64, std::collections::HashMap<String, i64>)>,
}

pub(crate) struct CountsMemo {
    pub(crate) generation: u64,
    pub(crate) me: AgentId,
    pub(crate) counts: ViewCounts,
    /// The SLA-due count for one horizon (callers that round `now` to the
    /// second or minute hit this).
    pub(crate) sla_due: Option<(i64, i64)>,
}

impl Store {
    /// Opens (creating if needed) the cache at `path` and brings its schema up
    /// to date. Its time is the machine's clock.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_clock(path, Clock::system())
    }

    /// [`open`](Self::open), with the time taken from `clock` (the one the
    /// console and the sync task share; tests pin it).
    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<Store> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        Store::setup(conn, path, clock)
    }

    /// A private in-memory cache, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::setup(conn, path, Clock::system())
    }

    fn setup(mut conn: Connection, path: &Path, clock: Clock) -> Result<Store> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(open_err)?;
        // The first statement that reads the file: a file that is not a
        // database fails here, with its path in the message.
        // Switching a new file to WAL does not wait on busy_timeout: when the
        // UI and the sync task create the cache at the same moment, one of
        // them may see "database is locked" here; try again for a while.
        let mut tries = 0;
        loop {
            match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
                Ok(_) => break,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 200 =>
                {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(e) => return Err(open_err(e)),
            }
        }
        // FULL: with NORMAL a committed outbox row can vanish on power loss.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        // Statement journals in memory, not in temporary files.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn, path)?;
        // Confirmed entries are kept a while (they answer "did my reply go
        // out?"), then forgotten.
        let before = clock.now() - chrono::Duration::days(DONE_KEPT_DAYS);
        conn.execute(
            "DELETE FROM outbox WHERE state = 'done' AND updated_at < ?1",
            params![millis(before)],
        )?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            clock,
            local_writes: 0,
            counts_memo: RefCell::new(None),
            facets: RefCell::new(Facets::default()),
            query_counts: RefCell::new(CountMemo::default()),
            anchors: RefCell::new(Anchors::default()),
            filter_counts: RefCell::new((0, std::collections::HashMap::new())),
        })
    }

    /// Takes the time from `clock` from now on (the console gives the cache
    /// it opened the clock of the app).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The time now by the store's clock, at the precision the cache keeps
    /// (milliseconds).
    pub fn now(&self) -> Timestamp {
        to_millis(self.clock.now())
    }

    /// Where the cache lives (`:memory:` for an in-memory one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes whenever the cache changes, through this or another connection.
    /// A caller may keep what it read until the generation moves.
    pub fn generation(&self) -> Result<u64> {
        let data_version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((data_version as u64).wrapping_add(self.local_writes))
    }

    pub(crate) fn wrote(&mut self) {
        self.local_writes = self.local_writes.wrapping_add(1);
        self.counts_memo.replace(None);
    }

    // ----- small key/value things -----

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        set_meta(&self.conn, key, value)?;
        self.wrote();
        Ok(())
    }

    pub fn get_meta(&self, key: &str) -> Result<Option<String>> {
        get_meta(&self.conn, key)
    }

    /// The change-feed cursor: pass it as `since` (0 before the first sync).
    pub fn cursor(&self) -> Result<i64> {
        match get_meta(&self.conn, META_CURSOR)? {
            None => Ok(0),
            Some(text) => text
                .parse()
                .map_err(|e| error::corrupt("cursor", META_CURSOR, e)),
        }
    }

    /// Remembers who is signed in (used for "mine" and for queued messages).
    pub fn set_me(&mut self, agent: &Agent) -> Result<()> {
        let json = error::encode("agent", agent)?;
        self.set_meta(META_ME, &json)
    }

    pub fn me(&self) -> Result<Option<Agent>> {
        match get_meta(&self.conn, META_ME)? {
            None => Ok(None),
            Some(json) => error::decode("signed-in agent", META_ME, &json).map(Some),
        }
    }

    /// A page cache large enough that writing a batch of the change feed
    /// does not spill (for the sync task's connection; readers keep
    /// SQLite's default of 2 MiB, so the UI and the search thread stay small).
    pub fn use_large_page_cache(&self) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -32_768)?;
        Ok(())
    }

    /// Forgets all server data and the cursor (e.g. the server was reset), so
    /// the next sync starts from scratch. The outbox, drafts and other meta
    /// values stay.
    pub fn reset_cache(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "DELETE FROM tickets; DELETE FROM messages; DELETE FROM customers; DELETE FROM orders;
             DELETE FROM order_actions; DELETE FROM agents; DELETE FROM macros; DELETE FROM surveys;
             DELETE FROM lookup_keys;",
        )?;
        // Readers' ticket facets start over (see query::facets).
        let epoch = get_meta(&tx, META_FACETS_EPOCH)?
            .and_then(|e| e.parse::<i64>().ok())
            .unwrap_or(0);
        set_meta(&tx, META_FACETS_EPOCH, &(epoch + 1).to_string())?;
        fts::clear(&tx)?;
        counts::clear(&tx)?;
        tx.execute("DELETE FROM meta WHERE key = ?1", params![META_CURSOR])?;
        tx.commit()?;
        self.wrote();
        Ok(())
    }
}

pub(crate) fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

pub(crate) fn get_meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row(params![key], |r| r.get(0))
        .optional()?)
}

/// The cache schema version this build writes (`PRAGMA user_version`).
pub fn schema_version() -> i64 {
    schema::known_version()
}
