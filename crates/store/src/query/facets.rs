//! The facets of every cached ticket, in memory: what the field terms of a
//! query test (status, priority, channel, group, assignee, customer, times,
//! order id, tags), about 90 bytes a ticket.
//!
//! Evaluating field terms over 100k tickets in memory takes well under a
//! millisecond, where SQL over the `tickets` rows (each with its JSON) reads
//! a page per ticket. The facets are read once from the covering index
//! `tickets_facets` and afterwards only the tickets whose `rev` moved since
//! (every write of a ticket bumps it), whenever the cache's generation moves.

use std::cell::Ref;
use std::collections::HashMap;

use rusqlite::params;

use super::super::error::Result;
use super::super::store::{META_FACETS_EPOCH, Store, get_meta};
use sahaya_protocol::domain::{AgentId, Channel, CustomerId, Priority, Status, TicketId};
use sahaya_query::keys::order_key;

/// One ticket as the query engine sees it. Times are epoch milliseconds.
#[derive(Debug, Clone)]
pub(crate) struct Facet {
    pub status: Status,
    pub priority: Priority,
    pub channel: Channel,
    /// Index into [`Facets::groups`].
    pub group: u32,
    pub assignee: Option<AgentId>,
    pub customer: CustomerId,
    pub created: i64,
    pub updated: i64,
    pub next_due: i64,
    /// The order id normalized by `keys::order_key`.
    pub order_key: Option<Box<str>>,
    /// Indexes into [`Facets::tags`].
    pub tags: Box<[u32]>,
}

impl Facet {
    /// New or open: the tickets SLA deadlines apply to.
    pub fn is_open_class(&self) -> bool {
        matches!(self.status, Status::New | Status::Open)
    }
}

/// Strings kept once, by number, compared in lower case: `Logistics` and
/// `logistics` get the same number.
#[derive(Debug, Default, Clone)]
pub(crate) struct Interned {
    /// By number, in lower case.
    pub names: Vec<String>,
    lower: HashMap<String, u32>,
    /// As stored, to skip lower-casing names seen before.
    raw: HashMap<String, u32>,
}

impl Interned {
    fn number(&mut self, raw: &str) -> u32 {
        if let Some(n) = self.raw.get(raw) {
            return *n;
        }
        let lower = raw.to_lowercase();
        let n = match self.lower.get(&lower) {
            Some(n) => *n,
            None => {
                let n = self.names.len() as u32;
                self.names.push(lower.clone());
                self.lower.insert(lower, n);
                n
            }
        };
        self.raw.insert(raw.to_string(), n);
        n
    }

    /// The number of `name` (lower case).
    pub fn get(&self, name: &str) -> Option<u32> {
        self.lower.get(name).copied()
    }
}

/// The facets of all cached tickets, ordered by ticket id.
#[derive(Debug, Default)]
pub(crate) struct Facets {
    pub(super) loaded: bool,
    pub(super) generation: u64,
    pub epoch: i64,
    /// The highest `rev` read.
    pub last_rev: i64,
    /// Moves whenever tickets change position (one removed, or added
    /// between others): positions kept elsewhere are stale then.
    pub layout: u64,
    pub ids: Vec<TicketId>,
    pub rows: Vec<Facet>,
    /// Groups in lower case.
    pub groups: Interned,
    pub tags: Interned,
}

impl Facets {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Where ticket `id` is.
    pub fn position(&self, id: TicketId) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// Reads the tickets written since the last read (all at first).
    fn load_since(&mut self, store: &Store) -> Result<()> {
        let mut stmt = store.conn.prepare_cached(
            "SELECT id, status, priority, channel, grp, assignee_id, customer_id, created_at,
                 updated_at, next_due, order_id, tags, rev
             FROM tickets INDEXED BY tickets_facets WHERE rev > ?1 ORDER BY rev",
        )?;
        let mut rows = stmt.query(params![self.last_rev])?;
        let mut added: Vec<(TicketId, Facet)> = Vec::new();
        while let Some(row) = rows.next()? {
            let id: TicketId = row.get(0)?;
            self.last_rev = self.last_rev.max(row.get(12)?);
            let text = |i: usize| -> rusqlite::Result<&str> {
                Ok(row.get_ref(i)?.as_str_or_null()?.unwrap_or(""))
            };
            let (Ok(status), Ok(priority), Ok(channel)) = (
                text(1)?.parse::<Status>(),
                text(2)?.parse::<Priority>(),
                text(3)?.parse::<Channel>(),
            ) else {
                // A damaged row: it matches no query until it is written again.
                if let Some(at) = self.position(id) {
                    self.ids.remove(at);
                    self.rows.remove(at);
                    self.layout += 1;
                }
                continue;
            };
            let order = text(10)?;
            let facet = Facet {
                status,
                priority,
                channel,
                group: self.groups.number(text(4)?),
                assignee: row.get(5)?,
                customer: row.get(6)?,
                created: row.get(7)?,
                updated: row.get(8)?,
                next_due: row.get(9)?,
                order_key: (!order.is_empty())
                    .then(|| order_key(order))
                    .filter(|k| !k.is_empty())
                    .map(String::into_boxed_str),
                tags: text(11)?
                    .split('\u{1f}')
                    .filter(|t| !t.is_empty())
                    .map(|t| self.tags.number(t))
                    .collect(),
            };
            match self.position(id) {
                Some(at) => self.rows[at] = facet,
                None => added.push((id, facet)),
            }
        }
        if added.is_empty() {
            return Ok(());
        }
        added.sort_by_key(|(id, _)| *id);
        let appends = match (self.ids.last(), added.first()) {
            (Some(last), Some((first, _))) => first > last,
            _ => true,
        };
        if appends {
            for (id, facet) in added {
                self.ids.push(id);
                self.rows.push(facet);
            }
            return Ok(());
        }
        self.layout += 1;
        let mut all: Vec<(TicketId, Facet)> = self.ids.drain(..).zip(self.rows.drain(..)).collect();
        all.extend(added);
        all.sort_by_key(|(id, _)| *id);
        (self.ids, self.rows) = all.into_iter().unzip();
        Ok(())
    }
}

impl Store {
    /// The facets as of now, read or refreshed if the cache changed.
    pub(crate) fn facets(&self) -> Result<Ref<'_, Facets>> {
        let generation = self.generation()?;
        let fresh = {
            let f = self.facets.borrow();
            f.loaded && f.generation == generation
        };
        if !fresh {
            let epoch = get_meta(&self.conn, META_FACETS_EPOCH)?
                .and_then(|e| e.parse::<i64>().ok())
                .unwrap_or(0);
            let mut facets = self.facets.borrow_mut();
            if !facets.loaded || facets.epoch != epoch {
                // Tickets not written since the migration that added
                // `rev` have rev 0.
                *facets = Facets {
                    epoch,
                    last_rev: -1,
                    layout: facets.layout + 1,
                    ..Facets::default()
                };
            }
            if let Err(e) = facets.load_since(self) {
                *facets = Facets {
                    layout: facets.layout + 1,
                    ..Facets::default()
                };
                return Err(e);
            }
            facets.generation = generation;
            facets.loaded = true;
        }
        Ok(self.facets.borrow())
    }
}
