//! The PostgreSQL side of [`super::Conn`]: the synchronous `postgres` client
//! (tokio-postgres with a runtime of its own, so the server's blocking-pool
//! database code stays as it is), prepared statements cached per SQL text,
//! and `?N` placeholders written as PostgreSQL's `$N`.

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::ToSql;
use postgres::{Client, NoTls, Statement};

use super::{Arg, Result};

pub struct PgConn {
    /// Always Some until dropped (see the `Drop` impl).
    client: RefCell<Option<Client>>,
    statements: RefCell<HashMap<String, Statement>>,
}

/// The client blocks on its own runtime when closing, which panics on an
/// async thread (where the last handle on a server's state may go): it is
/// closed on a thread of its own.
impl Drop for PgConn {
    fn drop(&mut self) {
        self.statements.get_mut().clear();
        if let Some(client) = self.client.get_mut().take() {
            let _ = std::thread::Builder::new()
                .name("sahaya-pg-close".into())
                .spawn(move || drop(client));
        }
    }
}

/// `?1` → `$1`: the server's SQL is written with SQLite's numbered
/// placeholders; no statement has a `?` inside a string literal.
pub fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

impl PgConn {
    pub fn connect(url: &str) -> Result<PgConn> {
        Ok(PgConn {
            client: RefCell::new(Some(Client::connect(url, NoTls)?)),
            statements: RefCell::new(HashMap::new()),
        })
    }

    fn client<T>(
        &self,
        f: impl FnOnce(&mut Client) -> std::result::Result<T, postgres::Error>,
    ) -> Result<T> {
        match self.client.borrow_mut().as_mut() {
            Some(c) => Ok(f(c)?),
            None => Err(super::Error::Value(0, "the connection is closed".into())),
        }
    }

    fn statement(&self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let stmt = self.client(|c| c.prepare(&placeholders(sql)))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    fn params<'a>(args: &'a [Arg<'_>]) -> Vec<&'a (dyn ToSql + Sync)> {
        args.iter().map(|a| a as &(dyn ToSql + Sync)).collect()
    }

    pub fn execute(&self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        let stmt = self.statement(sql)?;
        self.client(|c| c.execute(&stmt, &Self::params(args)))
    }

    pub fn query(&self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<postgres::Row>> {
        let stmt = self.statement(sql)?;
        self.client(|c| c.query(&stmt, &Self::params(args)))
    }

    pub fn batch(&self, sql: &str) -> Result<()> {
        self.client(|c| c.batch_execute(sql))
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn numbered_placeholders_become_dollars() {
        assert_eq!(
            placeholders("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?10)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $10)"
        );
        assert_eq!(placeholders("SELECT '?' || x"), "SELECT '?' || x");
    }
}
