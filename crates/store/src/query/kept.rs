//! Counts of queries that test only a ticket's own fields (status,
//! priority, channel, group, tag, assignee by id, me or nobody), kept
//! across changes of the cache: a saved view's live count.
//!
//! Such a query's answer for a ticket changes only when that ticket is
//! written, and every write bumps its `rev`. So the matches are kept as a
//! set over the facets, and after a change only the tickets written since
//! are tested again (read through the `rev` prefix of `tickets_facets`):
//! the cost follows the change, not the cache. Anything that moves
//! positions in the facets (a ticket added between others, the cache
//! emptied) counts from scratch once.

use rusqlite::params;

use super::super::error::Result;
use super::super::store::Store;
use super::bits::Bits;
use super::facets::Facets;
use super::sets::Sets;
use super::{QueryContext, allowed_in};
use sahaya_query::{Assignee, Matcher, Query};

/// Kept counts at most (saved views and the list's own query).
const KEPT: usize = 64;

/// One query's matches as of one `rev`.
#[derive(Debug)]
pub(crate) struct Kept {
    epoch: i64,
    layout: u64,
    last_rev: i64,
    bits: Bits,
    count: i64,
}

/// Whether `q` tests only a ticket's own fields (no words, no clock, no
/// names looked up in other tables).
pub(crate) fn own_fields_only(q: &Query) -> bool {
    q.terms().all(|t| {
        matches!(
            t.matcher,
            Matcher::Status(_)
                | Matcher::Priority(_)
                | Matcher::Channel(_)
                | Matcher::Group(_)
                | Matcher::Tag(_)
                | Matcher::Assignee(Assignee::Me | Assignee::Nobody | Assignee::Id(_))
        )
    })
}

impl Store {
    /// The count of `q` (see [`own_fields_only`]), from what was kept.
    pub(crate) fn kept_count(&self, q: &Query, cx: &QueryContext) -> Result<i64> {
        let facets = self.facets()?;
        let key = (q.to_string(), cx.me);
        let mut memo = self.query_counts.borrow_mut();
        if let Some(k) = memo.kept.get_mut(&key)
            && k.epoch == facets.epoch
            && k.layout == facets.layout
            && k.last_rev <= facets.last_rev
        {
            if k.last_rev < facets.last_rev {
                self.test_again(k, &facets, q, cx)?;
            }
            return Ok(k.count);
        }
        let sets = Sets {
            store: self,
            facets: &facets,
            cx,
        };
        let bits = allowed_in(self, &sets, q)?;
        let count = bits.count() as i64;
        if memo.kept.len() >= KEPT {
            memo.kept.clear();
        }
        memo.kept.insert(
            key,
            Kept {
                epoch: facets.epoch,
                layout: facets.layout,
                last_rev: facets.last_rev,
                bits,
                count,
            },
        );
        Ok(count)
    }

    /// Tests again the tickets written since `k` was counted.
    fn test_again(
        &self,
        k: &mut Kept,
        facets: &Facets,
        q: &Query,
        cx: &QueryContext,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM tickets INDEXED BY tickets_facets WHERE rev > ?1 AND rev <= ?2",
        )?;
        let mut positions: Vec<usize> = stmt
            .query_map(params![k.last_rev, facets.last_rev], |r| r.get::<_, i64>(0))?
            .filter_map(|id| id.ok().and_then(|id| facets.position(id)))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        // The written tickets alone, with the same names for groups and tags.
        let some = Facets {
            ids: positions.iter().map(|&p| facets.ids[p]).collect(),
            rows: positions.iter().map(|&p| facets.rows[p].clone()).collect(),
            groups: facets.groups.clone(),
            tags: facets.tags.clone(),
            ..Facets::default()
        };
        let sets = Sets {
            store: self,
            facets: &some,
            cx,
        };
        let now = allowed_in(self, &sets, q)?;
        k.bits.grow(facets.len());
        for (i, &p) in positions.iter().enumerate() {
            match (k.bits.get(p), now.get(i)) {
                (false, true) => {
                    k.bits.set(p);
                    k.count += 1;
                }
                (true, false) => {
                    k.bits.unset(p);
                    k.count -= 1;
                }
                _ => {}
            }
        }
        k.last_rev = facets.last_rev;
        Ok(())
    }
}
