//! Running a [`Query`] of the search language on the cache, offline.
//!
//! A query is a list of clauses that must all hold, each a list of terms of
//! which one must hold. The engine splits the clauses:
//!
//! - clauses of field terms, and clauses that exclude a word or mix words
//!   with fields, become sets of tickets over the in-memory [`facets`]
//!   (customer, handle and order lookups go through their indexes first);
//! - clauses made only of free words and phrases are looked up in the text:
//!   a ticket matches when its customer's name, handles or orders match
//!   ("key" matches, see [`sets::Sets::word_keys`]) or when one message (or
//!   the subject) matches all the clauses it does not key-match. Words of
//!   several clauses must therefore meet in one message, as in
//!   `Store::search`.
//!
//! Results come newest first: by the latest matching message when the query
//! has words, else by the ticket's last change. Listing walks the text index
//! newest first and stops once the page is full; counting reads it all
//! (remembered until the cache changes).

mod bits;
mod facets;
mod kept;
mod run;
mod sets;
mod words;

use std::collections::HashMap;

pub(crate) use facets::Facets;
use run::allowed as allowed_in;
use sahaya_protocol::domain::{AgentId, Timestamp};

/// Who runs a query and when: `assignee:me`, `late:`, `created:` and
/// `updated:` depend on them. The caller passes its clock's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryContext {
    /// The signed-in agent.
    pub me: AgentId,
    pub now: Timestamp,
}

/// Counts of queries remembered for one generation of the cache.
#[derive(Debug, Default)]
pub(crate) struct CountMemo {
    generation: u64,
    counts: HashMap<(String, AgentId, i64), i64>,
    /// Counts of queries of a ticket's own fields, kept across generations
    /// (see `kept`).
    kept: HashMap<(String, AgentId), kept::Kept>,
}

#[cfg(test)]
mod tests;
