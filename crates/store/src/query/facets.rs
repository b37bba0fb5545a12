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

/// Strings kept once, by number.
#[derive(Debug, Default)]
pub(crate) struct Interned {
    pub names: Vec<String>,
    numbers: HashMap<String, u32>,
}

impl Interned {
    fn number(&mut self, name: &str) -> u32 {
        if let Some(n) = self.numbers.get(name) {
            return *n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.numbers.insert(name.to_string(), n);
        n
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.numbers.get(name).copied()
    }
}

/// The facets of all cached tickets, ordered by ticket id.
#[derive(Debug, Default)]
pub(crate) struct Facets {
    loaded: bool,
    generation: u64,
    epoch: i64,
    last_rev: i64,
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
            let status: String = row.get(1)?;
            let priority: Option<String> = row.get(2)?;
            let channel: Option<String> = row.get(3)?;
            let group: Option<String> = row.get(4)?;
            let order: Option<String> = row.get(10)?;
            let tags: String = row.get(11)?;
            let (Ok(status), Some(Ok(priority)), Some(Ok(channel))) = (
                status.parse::<Status>(),
                priority.map(|p| p.parse::<Priority>()),
                channel.map(|c| c.parse::<Channel>()),
            ) else {
                // A damaged row: it matches no query until it is written again.
                if let Some(at) = self.position(id) {
                    self.ids.remove(at);
                    self.rows.remove(at);
                }
                continue;
            };
            let facet = Facet {
                status,
                priority,
                channel,
                group: self
                    .groups
                    .number(&group.unwrap_or_default().to_lowercase()),
                assignee: row.get(5)?,
                customer: row.get(6)?,
                created: row.get(7)?,
                updated: row.get(8)?,
                next_due: row.get(9)?,
                order_key: order
                    .map(|o| order_key(&o))
                    .filter(|k| !k.is_empty())
                    .map(String::into_boxed_str),
                tags: tags
                    .split('\u{1f}')
                    .filter(|t| !t.is_empty())
                    .map(|t| self.tags.number(&t.to_lowercase()))
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
                *facets = Facets {
                    epoch,
                    ..Facets::default()
                };
            }
            if let Err(e) = facets.load_since(self) {
                *facets = Facets::default();
                return Err(e);
            }
            facets.generation = generation;
            facets.loaded = true;
        }
        Ok(self.facets.borrow())
    }
}
