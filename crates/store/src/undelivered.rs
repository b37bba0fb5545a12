//! Replies a channel could not deliver: the message writer keeps a small
//! table of them up to date, so the problems list finds them at once however
//! many messages the cache holds.

use rusqlite::{Connection, params};

use super::error::Result;
use super::store::Store;
use sahaya_protocol::domain::{AgentId, Author, Delivery, Message, MessageKind};

/// Notes whether `m` is an undelivered reply (after it was written).
pub(crate) fn track(conn: &Connection, m: &Message) -> Result<()> {
    if m.kind == MessageKind::Reply && m.delivery == Delivery::Failed {
        let author = match m.author {
            Author::Agent { id, .. } => Some(id),
            Author::Customer { .. } | Author::System => None,
        };
        conn.prepare_cached(
            "INSERT OR REPLACE INTO undelivered (message_id, ticket_id, author_id)
             VALUES (?1, ?2, ?3)",
        )?
        .execute(params![m.id, m.ticket_id, author])?;
    } else {
        conn.prepare_cached("DELETE FROM undelivered WHERE message_id = ?1")?
            .execute(params![m.id])?;
    }
    Ok(())
}

/// Most undelivered replies listed at once.
const LIMIT: i64 = 200;

/// Undelivered replies of `author` not being sent again.
const MINE: &str = "FROM undelivered u
     WHERE u.author_id = ?1 AND NOT EXISTS (
         SELECT 1 FROM outbox o WHERE o.kind = 'resend' AND o.ticket_id = u.ticket_id
             AND o.state IN ('pending', 'in_flight')
             AND json_extract(o.op, '$.data.message_id') = u.message_id)";

impl Store {
    /// How many replies of `author` are undelivered (see [`Store::undelivered`]).
    pub fn undelivered_count(&self, author: AgentId) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) {MINE}"))?
            .query_row(params![author], |r| r.get(0))?)
    }

    /// Replies written by `author` that a channel could not deliver and that
    /// are not being sent again already, newest first.
    pub fn undelivered(&self, author: AgentId) -> Result<Vec<Message>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT u.message_id, u.ticket_id {MINE} ORDER BY u.message_id DESC LIMIT ?2"
        ))?;
        let ids: Vec<(i64, i64)> = stmt
            .query_map(params![author, LIMIT], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (message_id, ticket_id) in ids {
            if let Some(m) = self
                .messages(ticket_id)?
                .into_iter()
                .find(|m| m.id == message_id)
            {
                out.push(m);
            }
        }
        Ok(out)
    }
}
