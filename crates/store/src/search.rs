//! Offline full-text search over ticket subjects and message bodies (FTS5).
//!
//! The tokenizer keeps Indic words whole (see [`super::TOKENIZER`]). What the
//! agent types is never FTS syntax: every word becomes a quoted prefix term,
//! so `"`, `*`, `AND`, `NEAR(`, `-` and the like are just text.

use std::collections::HashMap;
use std::ops::Range;

use rusqlite::{OptionalExtension, params};

use super::error::Result;
use super::store::Store;
use super::time::from_millis;
use sahaya_protocol::domain::{MessageId, TicketId, Timestamp};

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
    ///
    /// The cost is bounded by `limit`, not by the number of matches: the
    /// message index is walked newest first (message ids grow in the order
    /// the server received them) until `limit` different tickets are found,
    /// and the subject index gives its `limit` newest tickets. That union is
    /// ranked by the time of the latest matching message (or the ticket's
    /// last change for a subject match). A ticket whose only match is an old
    /// message or subject can therefore be left out when `limit` newer
    /// tickets match: the agent narrows the query to reach it. The snippets
    /// of the winners are made in one more pass over each index.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, 1000);
        let mut found: HashMap<TicketId, Candidate> = HashMap::new();
        {
            // Newest matching messages first; the first one seen of a ticket
            // is its latest match.
            let mut matches = self.conn.prepare_cached(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?1 ORDER BY rowid DESC",
            )?;
            let mut message = self
                .conn
                .prepare_cached("SELECT ticket_id, created_at FROM messages WHERE id = ?1")?;
            let mut rows = matches.query(params![fts])?;
            while found.len() < limit {
                let Some(row) = rows.next()? else { break };
                let id: MessageId = row.get(0)?;
                let Some((ticket_id, at)) = message
                    .query_row(params![id], |r| Ok((r.get::<_, TicketId>(0)?, r.get(1)?)))
                    .optional()?
                else {
                    continue;
                };
                found.entry(ticket_id).or_insert(Candidate {
                    at,
                    message_id: Some(id),
                });
            }
        }
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.id, t.updated_at FROM tickets t
                 WHERE t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1
                                ORDER BY rowid DESC LIMIT ?2)",
            )?;
            let mut rows = stmt.query(params![fts, limit as i64])?;
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
        let by_recency = |a: &(TicketId, Candidate), b: &(TicketId, Candidate)| {
            b.1.at.cmp(&a.1.at).then(b.0.cmp(&a.0))
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, by_recency);
            ranked.truncate(limit);
        }
        ranked.sort_by(by_recency);
        let ranked: Vec<(TicketId, Option<MessageId>, i64)> = ranked
            .into_iter()
            .map(|(id, c)| (id, c.message_id, c.at))
            .collect();
        self.hits(&fts, &ranked)
    }

    /// Search hits for `ranked` (ticket, matching message, time), in that
    /// order: the matching message's snippet, or the subject with the
    /// matches of `fts` marked (unmarked when it has none).
    pub(crate) fn hits(
        &self,
        fts: &str,
        ranked: &[(TicketId, Option<MessageId>, i64)],
    ) -> Result<Vec<SearchHit>> {
        let message_ids: Vec<i64> = ranked.iter().filter_map(|(_, m, _)| *m).collect();
        let subject_ids: Vec<i64> = ranked
            .iter()
            .filter(|(_, m, _)| m.is_none())
            .map(|(id, _, _)| *id)
            .collect();
        let snippets = self.marked(
            "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?2))
                 THEN snippet(messages_fts, 0, ?5, ?6, '…', 16) END
             FROM messages_fts WHERE messages_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4",
            fts,
            &message_ids,
        )?;
        let highlights = self.marked(
            "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?2))
                 THEN highlight(tickets_fts, 0, ?5, ?6) END
             FROM tickets_fts WHERE tickets_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4",
            fts,
            &subject_ids,
        )?;

        let mut out = Vec::with_capacity(ranked.len());
        for &(ticket_id, message_id, at) in ranked {
            let subject: String = self
                .conn
                .prepare_cached("SELECT subject FROM tickets WHERE id = ?1")?
                .query_row(params![ticket_id], |r| r.get(0))
                .optional()?
                .unwrap_or_default();
            let marked = match message_id {
                Some(mid) => snippets.get(&mid),
                None => highlights.get(&ticket_id),
            };
            let (snippet, highlights) = unmark(marked.map_or(subject.as_str(), String::as_str));
            out.push(SearchHit {
                ticket_id,
                subject,
                snippet,
                highlights,
                message_id,
                at: from_millis("search hit", ticket_id, at)?,
            });
        }
        Ok(out)
    }

    /// Marked snippets of rows `ids` from `sql`, which walks the matches of
    /// `fts` between the smallest and largest id once and makes a snippet
    /// only for the rows asked for.
    fn marked(&self, sql: &str, fts: &str, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let mut out = HashMap::with_capacity(ids.len());
        let (Some(low), Some(high)) = (ids.iter().min(), ids.iter().max()) else {
            return Ok(out);
        };
        if fts.is_empty() {
            return Ok(out);
        }
        let wanted = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string());
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params![
            fts,
            wanted,
            low,
            high,
            MARK_START.to_string(),
            MARK_END.to_string()
        ])?;
        while let Some(row) = rows.next()? {
            if let Some(text) = row.get::<_, Option<String>>(1)? {
                out.insert(row.get(0)?, text);
            }
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
