//! Free words and phrases in the text: the subjects' and messages' full-text
//! indexes, read three ways.
//!
//! - [`walk`]: newest matches first, stopping once enough tickets among
//!   the allowed ones are found. The first page of a query costs the index
//!   entries read up to there, not all of them (like `Store::search`).
//! - [`within`]: the matches among a few given tickets (read only over their
//!   message ids).
//! - [`everywhere`]: every ticket with a match (counts, and words that are
//!   excluded or ORed with fields).
//!
//! A message's ticket and time come from the covering index
//! `messages_owner`, never from the message row (which holds the body).

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::super::error::Result;
use super::super::store::Store;
use super::bits::Bits;
use super::facets::Facets;
use super::sets::{fts_phrase, name_query};
use sahaya_protocol::domain::MessageId;
use sahaya_query::{Clause, Matcher};

/// A ticket found in the text: when (the matching message's time, else the
/// ticket's last change) and through which message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub at: i64,
    pub message_id: Option<MessageId>,
}

const MESSAGES_NEWEST_FIRST: &str = "SELECT f.rowid, m.ticket_id, m.created_at
     FROM messages_fts f JOIN messages m INDEXED BY messages_owner ON m.id = f.rowid
     WHERE messages_fts MATCH ?1 ORDER BY f.rowid DESC";
const MESSAGES_BETWEEN: &str = "SELECT f.rowid, m.ticket_id, m.created_at
     FROM messages_fts f JOIN messages m INDEXED BY messages_owner ON m.id = f.rowid
     WHERE messages_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3";
const MESSAGES_ANY_ORDER: &str = "SELECT f.rowid, m.ticket_id, m.created_at
     FROM messages_fts f JOIN messages m INDEXED BY messages_owner ON m.id = f.rowid
     WHERE messages_fts MATCH ?1";
const SUBJECTS_NEWEST_FIRST: &str =
    "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1 ORDER BY rowid DESC";

/// FTS5 text of one text term.
pub(crate) fn fts_term(m: &Matcher) -> Option<String> {
    match m {
        Matcher::Word(w) => Some(name_query(w)).filter(|q| !q.is_empty()),
        Matcher::Phrase(p) => Some(fts_phrase(p)),
        _ => None,
    }
}

/// FTS5 text of clauses made of text terms: each clause's terms ORed, the
/// clauses ANDed.
pub(crate) fn fts_clauses<'a>(clauses: impl IntoIterator<Item = &'a Clause>) -> String {
    clauses
        .into_iter()
        .map(|c| {
            let terms: Vec<String> = c
                .terms
                .iter()
                .filter_map(|t| fts_term(&t.matcher))
                .map(|q| format!("({q})"))
                .collect();
            format!("({})", terms.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Notes a match of position `at`, keeping the latest time.
fn note(found: &mut HashMap<usize, Found>, pos: usize, at: i64, message_id: Option<MessageId>) {
    found
        .entry(pos)
        .and_modify(|f| {
            if at > f.at {
                *f = Found { at, message_id };
            }
        })
        .or_insert(Found { at, message_id });
}

/// Tickets among `allowed` with a message or subject matching `fts`, newest
/// matches first, stopping after `want` tickets from each index (None:
/// all). Returns each ticket's latest match.
pub(crate) fn walk(
    store: &Store,
    facets: &Facets,
    fts: &str,
    allowed: &Bits,
    want: Option<usize>,
) -> Result<HashMap<usize, Found>> {
    let mut found: HashMap<usize, Found> = HashMap::new();
    if allowed.is_empty() {
        return Ok(found);
    }
    if want.is_none() && allowed.count() * 4 <= facets.len() {
        messages_of_few(store, facets, fts, allowed, &mut found)?;
    } else {
        let mut stmt = store.conn.prepare_cached(if want.is_some() {
            MESSAGES_NEWEST_FIRST
        } else {
            MESSAGES_ANY_ORDER
        })?;
        let mut rows = stmt.query(params![fts])?;
        note_messages(&mut rows, facets, allowed, &mut found, want)?;
    }
    note_subjects(store, facets, fts, allowed, &mut found, want)?;
    Ok(found)
}

/// Notes the messages of `rows` (id, ticket, time) whose ticket is allowed,
/// until `want` tickets are noted.
fn note_messages(
    rows: &mut rusqlite::Rows<'_>,
    facets: &Facets,
    allowed: &Bits,
    found: &mut HashMap<usize, Found>,
    want: Option<usize>,
) -> Result<()> {
    while want.is_none_or(|w| found.len() < w) {
        let Some(row) = rows.next()? else { break };
        let (message, ticket, at): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        if let Some(pos) = facets.position(ticket)
            && allowed.get(pos)
        {
            note(found, pos, at, Some(message));
        }
    }
    Ok(())
}

/// Notes the allowed tickets whose subject matches `fts`, newest first,
/// `want` of them at most. A subject counts from the ticket's creation.
fn note_subjects(
    store: &Store,
    facets: &Facets,
    fts: &str,
    allowed: &Bits,
    found: &mut HashMap<usize, Found>,
    want: Option<usize>,
) -> Result<()> {
    let mut stmt = store.conn.prepare_cached(SUBJECTS_NEWEST_FIRST)?;
    let mut rows = stmt.query(params![fts])?;
    let mut noted = 0;
    while want.is_none_or(|w| noted < w) {
        let Some(row) = rows.next()? else { break };
        if let Some(pos) = facets.position(row.get(0)?)
            && allowed.get(pos)
        {
            noted += 1;
            note(found, pos, facets.rows[pos].created, None);
        }
    }
    Ok(())
}

/// All matches among the messages of the `allowed` tickets, when those
/// are few. The index's matches are read first (their ids only); when they
/// are fewer than the allowed tickets' messages, each one's ticket is looked
/// up, else the allowed tickets' message ids are read from `messages_ticket`
/// and the matches checked against them. The times noted are the tickets'
/// last change (only counts read a complete walk).
fn messages_of_few(
    store: &Store,
    facets: &Facets,
    fts: &str,
    allowed: &Bits,
    found: &mut HashMap<usize, Found>,
) -> Result<()> {
    let matches: Vec<i64> = store
        .conn
        .prepare_cached("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?1")?
        .query_map(params![fts], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let allowed_tickets = allowed.count();
    if matches.len() < allowed_tickets * MESSAGES_PER_TICKET / 2 {
        let mut owner = store.conn.prepare_cached(
            "SELECT ticket_id FROM messages INDEXED BY messages_owner WHERE id = ?1",
        )?;
        for message in matches {
            let ticket: Option<i64> = owner.query_row(params![message], |r| r.get(0)).optional()?;
            if let Some(pos) = ticket.and_then(|t| facets.position(t))
                && allowed.get(pos)
            {
                note(found, pos, facets.rows[pos].updated, Some(message));
            }
        }
        return Ok(());
    }
    let tickets: Vec<i64> = allowed.iter().map(|pos| facets.ids[pos]).collect();
    let tickets = serde_json::to_string(&tickets).unwrap_or_else(|_| "[]".into());
    let mut owner: HashMap<i64, usize> =
        HashMap::with_capacity(allowed_tickets * MESSAGES_PER_TICKET);
    let mut stmt = store.conn.prepare_cached(
        "SELECT id, ticket_id FROM messages INDEXED BY messages_ticket
         WHERE ticket_id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut rows = stmt.query(params![tickets])?;
    while let Some(row) = rows.next()? {
        if let Some(pos) = facets.position(row.get(1)?) {
            owner.insert(row.get(0)?, pos);
        }
    }
    for message in matches {
        if let Some(&pos) = owner.get(&message) {
            note(found, pos, facets.rows[pos].updated, Some(message));
        }
    }
    Ok(())
}

/// About how many messages a ticket has (for choosing how to read).
const MESSAGES_PER_TICKET: usize = 10;

/// The tickets among `tickets` (positions) whose subject or a message
/// matches `fts`: reads the index only over their messages' id range.
pub(crate) fn within(
    store: &Store,
    facets: &Facets,
    fts: &str,
    tickets: &[usize],
) -> Result<HashMap<usize, Found>> {
    let mut found: HashMap<usize, Found> = HashMap::new();
    if tickets.is_empty() {
        return Ok(found);
    }
    let mut allowed = Bits::none(facets.len());
    let (mut low, mut high) = (i64::MAX, i64::MIN);
    {
        let mut range = store
            .conn
            .prepare_cached("SELECT MIN(id), MAX(id) FROM messages WHERE ticket_id = ?1")?;
        for &pos in tickets {
            allowed.set(pos);
            let (min, max): (Option<i64>, Option<i64>) =
                range.query_row(params![facets.ids[pos]], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if let (Some(min), Some(max)) = (min, max) {
                low = low.min(min);
                high = high.max(max);
            }
        }
    }
    if low <= high {
        let mut stmt = store.conn.prepare_cached(MESSAGES_BETWEEN)?;
        let mut rows = stmt.query(params![fts, low, high])?;
        note_messages(&mut rows, facets, &allowed, &mut found, None)?;
    }
    note_subjects(store, facets, fts, &allowed, &mut found, None)?;
    Ok(found)
}

/// Every ticket whose subject or a message matches `fts`.
pub(crate) fn everywhere(store: &Store, facets: &Facets, fts: &str) -> Result<Bits> {
    let all = Bits::all(facets.len());
    let found = walk(store, facets, fts, &all, None)?;
    let mut out = Bits::none(facets.len());
    for pos in found.keys() {
        out.set(*pos);
    }
    Ok(out)
}
