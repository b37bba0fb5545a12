//! The database seam: one connection type over the two databases the server
//! runs on, the embedded SQLite file (the default) and PostgreSQL (`--db
//! postgres://…`, several servers on one database).
//!
//! The rest of the server writes its SQL once, with numbered placeholders
//! (`?1`, `?2`; turned into `$1` for PostgreSQL) and the types both
//! databases share: 64-bit integers, text, bytes. Only the schema and the
//! change log's locking differ per dialect (`db`). A [`Conn`] is used by one
//! thread at a time (it sits behind the server's mutex), so its methods take
//! `&self` like rusqlite's do.

mod arg;
mod pg;

use std::path::Path;

pub use arg::{Arg, Column, ToArg};
pub use pg::PgConn;

/// Which database a [`Conn`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A failure reading or writing the database.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("json column: {0}")]
    Json(#[from] serde_json::Error),
    #[error("column {0}: {1}")]
    Value(usize, String),
    #[error("expected a row, the query returned none")]
    NoRow,
}

pub type Result<T> = std::result::Result<T, Error>;

/// Arguments of a statement: `args![a, b]` borrows each value.
#[macro_export]
macro_rules! args {
    ($($e:expr),* $(,)?) => {
        &[$($crate::sql::ToArg::to_arg(&$e)),*] as &[$crate::sql::Arg<'_>]
    };
}
pub use args;

/// One connection, to SQLite or PostgreSQL.
pub enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgConn>),
}

/// One row of a result, from either database.
pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// Column `i` (from 0) as `T`.
    pub fn get<T: Column>(&self, i: usize) -> Result<T> {
        match self {
            Row::Sqlite(r) => T::from_sqlite(r, i),
            Row::Postgres(r) => T::from_pg(r, i),
        }
    }
}

impl Conn {
    /// Opens a SQLite file (created if missing), or a private in-memory
    /// database when `path` is None.
    pub fn sqlite(path: Option<&Path>) -> Result<Conn> {
        let conn = match path {
            Some(p) => rusqlite::Connection::open(p)?,
            None => rusqlite::Connection::open_in_memory()?,
        };
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Conn::Sqlite(conn))
    }

    /// Connects to PostgreSQL at `url` (`postgres://user@host:port/db`).
    pub fn postgres(url: &str) -> Result<Conn> {
        Ok(Conn::Postgres(Box::new(PgConn::connect(url)?)))
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        match self {
            Conn::Sqlite(c) => {
                Ok(c.prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(args.iter()))? as u64)
            }
            Conn::Postgres(c) => c.execute(sql, args),
        }
    }

    /// Every row of a query, each made into a `T` by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    out.push(f(&Row::Sqlite(row))?);
                }
                Ok(out)
            }
            Conn::Postgres(c) => {
                let rows = c.query(sql, args)?;
                rows.iter().map(|r| f(&Row::Postgres(r))).collect()
            }
        }
    }

    /// The first row of a query made into a `T`, None when there is none.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
                match rows.next()? {
                    Some(row) => Ok(Some(f(&Row::Sqlite(row))?)),
                    None => Ok(None),
                }
            }
            Conn::Postgres(c) => {
                let rows = c.query(sql, args)?;
                rows.first().map(|r| f(&Row::Postgres(r))).transpose()
            }
        }
    }

    /// The first row of a query that always returns one (a count, `EXISTS`).
    pub fn query_one<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, args, f)?.ok_or(Error::NoRow)
    }

    /// The first column of the first row, as `T`.
    pub fn value<T: Column>(&self, sql: &str, args: &[Arg<'_>]) -> Result<T> {
        self.query_one(sql, args, |r| r.get(0))
    }

    /// Runs several statements without arguments (schema changes).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Postgres(c) => c.batch(sql),
        }
    }
}
