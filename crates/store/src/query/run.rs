//! The engine (see the module above) and what callers use: rows of a page,
//! the count, search hits with snippets.

use std::collections::HashMap;

use super::super::error::Result;
use super::super::read::TicketRow;
use super::super::search::SearchHit;
use super::super::store::Store;
use super::QueryContext;
use super::bits::Bits;
use super::facets::Facets;
use super::sets::Sets;
use super::words::{self, Found, fts_clauses, fts_term};
use sahaya_protocol::domain::{MessageId, TicketId};
use sahaya_query::{Clause, Query};

/// One matching ticket: where it is in the facets, when it last matched.
#[derive(Debug, Clone, Copy)]
struct Matched {
    pos: usize,
    at: i64,
    message_id: Option<MessageId>,
}

/// A clause looked up in the text: only free words and phrases, none
/// excluded.
fn is_word_clause(c: &Clause) -> bool {
    c.terms.iter().all(|t| !t.negated && t.matcher.is_text())
}

/// The clauses that are not word clauses, as one set.
pub(super) fn allowed(store: &Store, sets: &Sets<'_>, q: &Query) -> Result<Bits> {
    let n = sets.facets.len();
    let mut allowed = Bits::all(n);
    for clause in q.clauses.iter().filter(|c| !is_word_clause(c)) {
        let mut any = Bits::none(n);
        for term in &clause.terms {
            let mut bits = match fts_term(&term.matcher) {
                Some(fts) => {
                    let mut b = sets.word_keys(&term.matcher)?;
                    b.or(&words::everywhere(store, sets.facets, &fts)?);
                    b
                }
                None => sets.field(&term.matcher)?,
            };
            if term.negated {
                bits.not();
            }
            any.or(&bits);
        }
        allowed.and(&any);
    }
    Ok(allowed)
}

/// Newest first (ties: higher ticket id first), the first `want` only.
fn by_recency(mut v: Vec<Matched>, facets: &Facets, want: Option<usize>) -> Vec<Matched> {
    let order = |a: &Matched, b: &Matched| {
        b.at.cmp(&a.at)
            .then(facets.ids[b.pos].cmp(&facets.ids[a.pos]))
    };
    if let Some(want) = want
        && v.len() > want
    {
        if want == 0 {
            return Vec::new();
        }
        v.select_nth_unstable_by(want - 1, order);
        v.truncate(want);
    }
    v.sort_by(order);
    v
}

impl Store {
    /// The matches of `q`, newest first: the first `want` (at least; all
    /// with None).
    fn run(
        &self,
        q: &Query,
        cx: &QueryContext,
        want: Option<usize>,
    ) -> Result<Vec<(TicketId, Matched)>> {
        let facets = self.facets()?;
        let sets = Sets {
            store: self,
            facets: &facets,
            cx,
        };
        let allowed = allowed(self, &sets, q)?;
        let word_clauses: Vec<&Clause> = q.clauses.iter().filter(|c| is_word_clause(c)).collect();
        let matched = if word_clauses.is_empty() {
            let all = allowed
                .iter()
                .map(|pos| Matched {
                    pos,
                    at: facets.rows[pos].updated,
                    message_id: None,
                })
                .collect();
            by_recency(all, &facets, want)
        } else {
            let found = self.find_words(&sets, &word_clauses, allowed, want)?;
            let all = found
                .into_iter()
                .map(|(pos, f)| Matched {
                    pos,
                    at: f.at,
                    message_id: f.message_id,
                })
                .collect();
            by_recency(all, &facets, want)
        };
        Ok(matched
            .into_iter()
            .map(|m| (facets.ids[m.pos], m))
            .collect())
    }

    /// Tickets among `allowed` that satisfy every word clause, by key or in
    /// the text.
    fn find_words(
        &self,
        sets: &Sets<'_>,
        word_clauses: &[&Clause],
        allowed: Bits,
        want: Option<usize>,
    ) -> Result<HashMap<usize, Found>> {
        let facets = sets.facets;
        let mut keyed: Vec<Bits> = Vec::with_capacity(word_clauses.len());
        let mut any_key = Bits::none(facets.len());
        for clause in word_clauses {
            let mut k = Bits::none(facets.len());
            for term in &clause.terms {
                k.or(&sets.word_keys(&term.matcher)?);
            }
            k.and(&allowed);
            any_key.or(&k);
            keyed.push(k);
        }
        let mut found: HashMap<usize, Found> = HashMap::new();
        // Key-matched tickets, grouped by the clauses left for the text.
        let mut left_for_text: HashMap<Vec<usize>, Vec<usize>> = HashMap::new();
        for pos in any_key.iter() {
            let left: Vec<usize> = (0..keyed.len()).filter(|&i| !keyed[i].get(pos)).collect();
            if left.is_empty() {
                found.insert(
                    pos,
                    Found {
                        at: facets.rows[pos].updated,
                        message_id: None,
                    },
                );
            } else {
                left_for_text.entry(left).or_default().push(pos);
            }
        }
        for (left, tickets) in left_for_text {
            let fts = fts_clauses(left.iter().map(|&i| word_clauses[i]));
            found.extend(words::within(self, facets, &fts, &tickets)?);
        }
        let mut text_only = allowed;
        text_only.and_not(&any_key);
        let fts = fts_clauses(word_clauses.iter().copied());
        found.extend(words::walk(self, facets, &fts, &text_only, want)?);
        Ok(found)
    }

    /// Ids of the tickets `offset .. offset + limit` matching `q`, newest
    /// first (by the latest matching message when `q` has free words, else
    /// by last change). Bounded by the page: free words are looked up newest
    /// first until the page is full.
    pub fn query_ids(
        &self,
        q: &Query,
        cx: &QueryContext,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<TicketId>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let matched = self.run(q, cx, Some(offset.saturating_add(limit)))?;
        Ok(matched
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(id, _)| id)
            .collect())
    }

    /// List rows of the tickets `offset .. offset + limit` matching `q`.
    pub fn query_rows(
        &self,
        q: &Query,
        cx: &QueryContext,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<TicketRow>> {
        let ids = self.query_ids(q, cx, offset, limit)?;
        self.rows_of(ids)
    }

    /// How many tickets match `q` (a saved view's live count). Queries of a
    /// ticket's own fields are kept across changes (only the tickets written
    /// since are tested again, see `kept`); other queries without free words
    /// cost a pass over the in-memory facets; free words read their whole
    /// index entries. Remembered until the cache changes (queries that use
    /// the clock: for that second).
    pub fn query_count(&self, q: &Query, cx: &QueryContext) -> Result<i64> {
        if super::kept::own_fields_only(q) {
            return self.kept_count(q, cx);
        }
        let generation = self.generation()?;
        let second = if q.uses_clock() {
            cx.now.timestamp_millis().div_euclid(1000)
        } else {
            0
        };
        let key = (q.to_string(), cx.me, second);
        {
            let mut memo = self.query_counts.borrow_mut();
            if memo.generation != generation {
                memo.generation = generation;
                memo.counts.clear();
            }
            if let Some(n) = memo.counts.get(&key) {
                return Ok(*n);
            }
        }
        let n = if q.clauses.iter().any(is_word_clause) {
            self.run(q, cx, None)?.len()
        } else {
            let facets = self.facets()?;
            let sets = Sets {
                store: self,
                facets: &facets,
                cx,
            };
            allowed(self, &sets, q)?.count()
        } as i64;
        let mut memo = self.query_counts.borrow_mut();
        if memo.counts.len() > 256 {
            memo.counts.clear();
        }
        memo.counts.insert(key, n);
        Ok(n)
    }

    /// The first `limit` tickets matching `q` as search hits: the latest
    /// matching message's snippet (or the subject) with the free words
    /// marked.
    pub fn query_hits(&self, q: &Query, cx: &QueryContext, limit: usize) -> Result<Vec<SearchHit>> {
        let limit = limit.clamp(1, 1000);
        let matched = self.run(q, cx, Some(limit))?;
        let fts = q
            .terms()
            .filter(|t| !t.negated)
            .filter_map(|t| fts_term(&t.matcher))
            .map(|t| format!("({t})"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let ranked: Vec<(TicketId, Option<MessageId>, i64)> = matched
            .iter()
            .map(|(id, m)| (*id, m.message_id, m.at))
            .collect();
        self.hits(&fts, &ranked)
    }
}
