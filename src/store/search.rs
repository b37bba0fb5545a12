//! Offline full-text search over ticket subjects and message bodies (FTS5).
//!
//! The tokenizer keeps Indic words whole (see [`super::TOKENIZER`]). What the
//! agent types is never FTS syntax: every word becomes a quoted prefix term,
//! so `"`, `*`, `AND`, `NEAR(`, `-` and the like are just text.

use std::collections::HashMap;
use std::ops::Range;

use rusqlite::{OptionalExtension, params};

use super::error::Result;
use super::{Store, from_millis};
use crate::domain::{MessageId, TicketId, Timestamp};

/// Marks the start and end of a match inside snippets (then removed).
const MARK_START: char = '\u{2}';
const MARK_END: char = '\u{3}';
/// Words of a query that are used; the rest is ignored.
const MAX_TERMS: usize = 16;

/// One ticket that matches a search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub ticket_id: TicketId,
    pub subject: String,
    /// Text around the match: from the latest matching message, else the
    /// subject. Cut ends are marked with `…`. Untrusted text: sanitize it.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    pub highlights: Vec<Range<usize>>,
    /// The latest matching message; None when only the subject matched.
    pub message_id: Option<MessageId>,
    /// When that message was written, or when the ticket last changed.
    pub at: Timestamp,
}

/// Turns what the agent typed into an FTS5 query: each word a quoted prefix
/// term (all must match). None when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_TERMS)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

struct Candidate {
    at: i64,
    message_id: Option<MessageId>,
}

impl Store {
    /// Tickets whose subject or messages match `query`, most recent activity
    /// first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, 1000) as i64;
        let mut found: HashMap<TicketId, Candidate> = HashMap::new();
        {
            // The latest matching message of each ticket.
            let mut stmt = self.conn.prepare_cached(
                "SELECT m.ticket_id, MAX(m.created_at), m.id
                 FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
                 WHERE messages_fts MATCH ?1
                 GROUP BY m.ticket_id ORDER BY 2 DESC, m.ticket_id DESC LIMIT ?2",
            )?;
            let mut rows = stmt.query(params![fts, limit])?;
            while let Some(row) = rows.next()? {
                found.insert(
                    row.get(0)?,
                    Candidate {
                        at: row.get(1)?,
                        message_id: Some(row.get(2)?),
                    },
                );
            }
        }
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.id, t.updated_at FROM tickets_fts JOIN tickets t ON t.id = tickets_fts.rowid
                 WHERE tickets_fts MATCH ?1 ORDER BY t.updated_at DESC, t.id DESC LIMIT ?2",
            )?;
            let mut rows = stmt.query(params![fts, limit])?;
            while let Some(row) = rows.next()? {
                let id: TicketId = row.get(0)?;
                let updated: i64 = row.get(1)?;
                found
                    .entry(id)
                    .and_modify(|c| c.at = c.at.max(updated))
                    .or_insert(Candidate {
                        at: updated,
                        message_id: None,
                    });
            }
        }
        let mut ranked: Vec<(TicketId, Candidate)> = found.into_iter().collect();
        ranked.sort_by(|a, b| b.1.at.cmp(&a.1.at).then(b.0.cmp(&a.0)));
        ranked.truncate(limit as usize);

        let mut out = Vec::with_capacity(ranked.len());
        for (ticket_id, c) in ranked {
            let subject: String = self
                .conn
                .prepare_cached("SELECT subject FROM tickets WHERE id = ?1")?
                .query_row(params![ticket_id], |r| r.get(0))
                .optional()?
                .unwrap_or_default();
            let marked: Option<String> = match c.message_id {
                Some(mid) => self
                    .conn
                    .prepare_cached(
                        "SELECT snippet(messages_fts, 0, ?3, ?4, '…', 16) FROM messages_fts
                         WHERE messages_fts MATCH ?1 AND rowid = ?2",
                    )?
                    .query_row(
                        params![fts, mid, MARK_START.to_string(), MARK_END.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?,
                None => self
                    .conn
                    .prepare_cached(
                        "SELECT highlight(tickets_fts, 0, ?3, ?4) FROM tickets_fts
                         WHERE tickets_fts MATCH ?1 AND rowid = ?2",
                    )?
                    .query_row(
                        params![fts, ticket_id, MARK_START.to_string(), MARK_END.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?,
            };
            let (snippet, highlights) = unmark(marked.as_deref().unwrap_or(&subject));
            out.push(SearchHit {
                ticket_id,
                subject,
                snippet,
                highlights,
                message_id: c.message_id,
                at: from_millis("search hit", ticket_id, c.at)?,
            });
        }
        Ok(out)
    }
}

/// Removes the match markers, returning the text and the marked byte ranges.
fn unmark(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(marked.len());
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for ch in marked.chars() {
        match ch {
            MARK_START => {
                if open.is_none() {
                    open = Some(text.len());
                }
            }
            MARK_END => {
                if let Some(start) = open.take()
                    && start < text.len()
                {
                    ranges.push(start..text.len());
                }
            }
            other => text.push(other),
        }
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_prefix_terms() {
        assert_eq!(fts_query("refund"), Some("\"refund\"*".to_string()));
        assert_eq!(fts_query("a \"b"), Some("\"a\"* \"\"\"b\"*".to_string()));
        assert_eq!(fts_query("  - * ( ) "), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn unmark_finds_ranges() {
        let (t, r) = unmark("ab\u{2}cd\u{3}e");
        assert_eq!(t, "abcde");
        assert_eq!(r, vec![2..4]);
        let (t, r) = unmark("\u{3}x\u{2}y");
        assert_eq!(t, "xy");
        assert!(r.is_empty());
    }
}
