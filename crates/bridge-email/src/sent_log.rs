//! The sent-log: what the bridge handed to the SMTP server, in SQLite (WAL,
//! `synchronous = FULL`: a commit is on disk before it returns).
//!
//! One row per sahaya message: `transmitting` is committed just before the
//! message's bytes go out (after the server said 354 to DATA), `accepted`
//! just after the server's 250. A row still `transmitting` when the bridge
//! starts again means it stopped inside that window: whether the server took
//! the message is unknown.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Error, Result};

/// Where a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogState {
    /// Its bytes were being sent; the server's answer was not recorded.
    Transmitting,
    /// The server accepted it (250 after DATA).
    Accepted,
}

/// A row of the sent-log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub attempt: u32,
    /// The Message-ID it went out with (no brackets).
    pub header_id: String,
    pub state: LogState,
    /// The server's answer to DATA, when accepted.
    pub response: Option<String>,
}

pub(crate) struct SentLog {
    connection: Connection,
}

impl SentLog {
    pub(crate) fn open(path: &Path) -> Result<SentLog> {
        let context = format!("opening the sent-log {}", path.display());
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(Error::state(context.clone()))?;
        }
        let connection = Connection::open(path).map_err(Error::state(context.clone()))?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 PRAGMA busy_timeout = 5000;
                 CREATE TABLE IF NOT EXISTS sent (
                     message_id INTEGER PRIMARY KEY,
                     attempt INTEGER NOT NULL,
                     header_id TEXT NOT NULL,
                     digest TEXT NOT NULL,
                     state TEXT NOT NULL CHECK (state IN ('transmitting', 'accepted')),
                     response TEXT
                 );",
            )
            .map_err(Error::state(context))?;
        Ok(SentLog { connection })
    }

    pub(crate) fn get(&self, message_id: i64) -> Result<Option<LogEntry>> {
        self.connection
            .query_row(
                "SELECT attempt, header_id, state, response FROM sent WHERE message_id = ?1",
                params![message_id],
                |row| {
                    let state: String = row.get(2)?;
                    Ok(LogEntry {
                        attempt: row.get(0)?,
                        header_id: row.get(1)?,
                        state: if state == "accepted" {
                            LogState::Accepted
                        } else {
                            LogState::Transmitting
                        },
                        response: row.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(Error::state(format!(
                "reading the sent-log for message {message_id}"
            )))
    }

    /// Commits `transmitting` (replacing an older attempt's row).
    pub(crate) fn begin(
        &self,
        message_id: i64,
        attempt: u32,
        header_id: &str,
        digest: &str,
    ) -> Result<()> {
        self.connection
            .execute(
                "INSERT INTO sent (message_id, attempt, header_id, digest, state, response)
                 VALUES (?1, ?2, ?3, ?4, 'transmitting', NULL)
                 ON CONFLICT (message_id) DO UPDATE SET
                     attempt = excluded.attempt, header_id = excluded.header_id,
                     digest = excluded.digest, state = 'transmitting', response = NULL",
                params![message_id, attempt, header_id, digest],
            )
            .map(drop)
            .map_err(Error::state(format!(
                "recording message {message_id} as transmitting"
            )))
    }

    pub(crate) fn accepted(&self, message_id: i64, response: &str) -> Result<()> {
        self.connection
            .execute(
                "UPDATE sent SET state = 'accepted', response = ?2 WHERE message_id = ?1",
                params![message_id, response],
            )
            .map(drop)
            .map_err(Error::state(format!(
                "recording message {message_id} as accepted"
            )))
    }

    /// Removes the row: the server answered that it did not take the message.
    pub(crate) fn forget(&self, message_id: i64) -> Result<()> {
        self.connection
            .execute(
                "DELETE FROM sent WHERE message_id = ?1",
                params![message_id],
            )
            .map(drop)
            .map_err(Error::state(format!(
                "clearing message {message_id} from the sent-log"
            )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_from_transmitting_to_accepted_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sent.db");
        let log = SentLog::open(&path).unwrap();
        assert_eq!(log.get(5).unwrap(), None);
        log.begin(5, 1, "sahaya-msg-5@shop.test", "d").unwrap();
        drop(log);
        let log = SentLog::open(&path).unwrap();
        assert_eq!(
            log.get(5).unwrap().map(|e| e.state),
            Some(LogState::Transmitting)
        );
        log.accepted(5, "250 OK").unwrap();
        let entry = log.get(5).unwrap().unwrap();
        assert_eq!(
            (entry.state, entry.response.as_deref()),
            (LogState::Accepted, Some("250 OK"))
        );
        log.begin(5, 2, "sahaya-msg-5@shop.test", "d").unwrap();
        assert_eq!(
            log.get(5).unwrap().map(|e| (e.attempt, e.state)),
            Some((2, LogState::Transmitting))
        );
        log.forget(5).unwrap();
        assert_eq!(log.get(5).unwrap(), None);
    }
}
