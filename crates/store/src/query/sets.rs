//! The tickets each field term matches, as [`Bits`] over the facets; and
//! the tickets a free word finds through the customer's name, handles and
//! orders (its "key" matches).

use std::collections::HashSet;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::super::error::Result;
use super::super::lookup::{KeyKind, prefix_end};
use super::super::store::Store;
use super::QueryContext;
use super::bits::Bits;
use super::facets::Facets;
use sahaya_protocol::domain::{AgentId, CustomerId};
use sahaya_query::{Age, Assignee, Matcher, keys};

/// Evaluates terms against one snapshot of the facets.
pub(crate) struct Sets<'a> {
    pub store: &'a Store,
    pub facets: &'a Facets,
    pub cx: &'a QueryContext,
}

impl Sets<'_> {
    fn len(&self) -> usize {
        self.facets.len()
    }

    fn facets_where(&self, f: impl Fn(&super::facets::Facet) -> bool) -> Bits {
        let rows = &self.facets.rows;
        Bits::from_fn(rows.len(), |i| f(&rows[i]))
    }

    /// The tickets of these customers.
    fn of_customers(&self, customers: &HashSet<CustomerId>) -> Bits {
        if customers.is_empty() {
            return Bits::none(self.len());
        }
        self.facets_where(|t| customers.contains(&t.customer))
    }

    /// The tickets a field term matches (not negated). Words and phrases
    /// are not field terms: see `words`.
    pub fn field(&self, m: &Matcher) -> Result<Bits> {
        let now = self.cx.now.timestamp_millis();
        Ok(match m {
            Matcher::Word(_) | Matcher::Phrase(_) => Bits::none(self.len()),
            Matcher::Status(s) => self.facets_where(|t| t.status == *s),
            Matcher::Priority(p) => self.facets_where(|t| t.priority == *p),
            Matcher::Channel(c) => self.facets_where(|t| t.channel == *c),
            Matcher::Group(g) => match self.facets.groups.get(&g.to_lowercase()) {
                Some(n) => self.facets_where(|t| t.group == n),
                None => Bits::none(self.len()),
            },
            Matcher::Assignee(a) => {
                let agents = self.agents(a)?;
                self.facets_where(|t| agents.contains(&t.assignee))
            }
            Matcher::Tag(tag) => match self.facets.tags.get(tag) {
                Some(n) => self.facets_where(|t| t.tags.contains(&n)),
                None => Bits::none(self.len()),
            },
            Matcher::Order(o) => {
                let key = keys::order_key(o);
                let customers = self.key_customers(
                    &[KeyKind::Order, KeyKind::Tracking],
                    std::slice::from_ref(&key),
                )?;
                self.facets_where(|t| {
                    customers.contains(&t.customer)
                        || t.order_key.as_deref().is_some_and(|k| k.starts_with(&key))
                })
            }
            Matcher::Phone(p) => {
                let customers = self.phone_customers(p)?;
                self.of_customers(&customers)
            }
            Matcher::Email(e) => {
                let customers = self.key_customers(&[KeyKind::Email], &[keys::email_key(e)])?;
                self.of_customers(&customers)
            }
            Matcher::Handle(h) => {
                let customers = self.key_customers(&[KeyKind::Handle], &[keys::handle_key(h)])?;
                self.of_customers(&customers)
            }
            Matcher::Customer(name) => {
                let customers = self.named(&name_query(name))?;
                self.of_customers(&customers)
            }
            Matcher::Lang(code) => {
                let customers = self.customer_ids(
                    "SELECT id FROM customers WHERE lang = ?1",
                    vec![Value::Text(code.clone())],
                )?;
                self.of_customers(&customers)
            }
            Matcher::Late(yes) => {
                self.facets_where(|t| (t.is_open_class() && t.next_due < now) == *yes)
            }
            Matcher::Created(age) => self.facets_where(|t| within(age, now, t.created)),
            Matcher::Updated(age) => self.facets_where(|t| within(age, now, t.updated)),
            Matcher::Csat(c) => {
                let mut stmt = self.store.conn.prepare_cached(
                    "SELECT ticket_id, score FROM surveys
                     WHERE kind = 'csat' AND ticket_id IS NOT NULL AND score IS NOT NULL",
                )?;
                let mut rows = stmt.query([])?;
                let mut out = Bits::none(self.len());
                while let Some(row) = rows.next()? {
                    let (ticket, score): (i64, i64) = (row.get(0)?, row.get(1)?);
                    if c.cmp.holds(score, c.value)
                        && let Some(at) = self.facets.position(ticket)
                    {
                        out.set(at);
                    }
                }
                out
            }
        })
    }

    /// The tickets a free word or phrase finds without its text: the
    /// customer's name, or (for something with a digit or `@` in it) a
    /// phone number, e-mail address, handle, order id or tracking number.
    pub fn word_keys(&self, m: &Matcher) -> Result<Bits> {
        let (text, fts) = match m {
            Matcher::Word(w) => (w.as_str(), name_query(w)),
            Matcher::Phrase(p) => (p.as_str(), fts_phrase(p)),
            _ => return Ok(Bits::none(self.len())),
        };
        let mut customers = self.named(&fts)?;
        let mut out = Bits::none(self.len());
        if text.chars().any(|c| keys::digit_value(c).is_some()) {
            if keys::is_phone_like(text) {
                customers.extend(self.phone_customers(text)?);
            }
            let key = keys::order_key(text);
            if !key.is_empty() {
                customers.extend(self.key_customers(
                    &[KeyKind::Order, KeyKind::Tracking],
                    std::slice::from_ref(&key),
                )?);
                out.or(&self
                    .facets_where(|t| t.order_key.as_deref().is_some_and(|k| k.starts_with(&key))));
            }
        }
        if text.contains('@') {
            customers.extend(self.key_customers(&[KeyKind::Email], &[keys::email_key(text)])?);
            customers.extend(self.key_customers(&[KeyKind::Handle], &[keys::handle_key(text)])?);
        }
        out.or(&self.of_customers(&customers));
        Ok(out)
    }

    /// Customers with a key of one of `kinds` starting with one of `prefixes`.
    fn key_customers(&self, kinds: &[KeyKind], prefixes: &[String]) -> Result<HashSet<CustomerId>> {
        let mut out = HashSet::new();
        for prefix in prefixes.iter().filter(|p| !p.is_empty()) {
            for kind in kinds {
                out.extend(self.customer_ids(
                    "SELECT DISTINCT customer_id FROM lookup_keys
                     WHERE key >= ?1 AND key < ?2 AND kind = ?3",
                    vec![
                        Value::Text(prefix.clone()),
                        Value::Text(prefix_end(prefix)),
                        Value::Integer(*kind as i64),
                    ],
                )?);
            }
        }
        Ok(out)
    }

    /// Customers with a phone number starting as `typed` (see
    /// `keys::phone_lookups`).
    fn phone_customers(&self, typed: &str) -> Result<HashSet<CustomerId>> {
        let mut out = HashSet::new();
        for (kind, prefix) in keys::phone_lookups(typed) {
            out.extend(self.key_customers(&[KeyKind::of_phone(kind)], &[prefix])?);
        }
        Ok(out)
    }

    /// Customers whose name matches the full-text query `fts`.
    fn named(&self, fts: &str) -> Result<HashSet<CustomerId>> {
        if fts.is_empty() {
            return Ok(HashSet::new());
        }
        self.customer_ids(
            "SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?1",
            vec![Value::Text(fts.to_string())],
        )
    }

    fn customer_ids(&self, sql: &str, params: Vec<Value>) -> Result<HashSet<CustomerId>> {
        let mut stmt = self.store.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The assignee ids `a` stands for (`None`: unassigned).
    fn agents(&self, a: &Assignee) -> Result<HashSet<Option<AgentId>>> {
        Ok(match a {
            Assignee::Me => HashSet::from([Some(self.cx.me)]),
            Assignee::Nobody => HashSet::from([None]),
            Assignee::Id(id) => HashSet::from([Some(*id)]),
            Assignee::Name(name) => {
                let name = name.to_lowercase();
                self.store
                    .agents()?
                    .into_iter()
                    .filter(|agent| {
                        agent.login.to_lowercase() == name
                            || agent
                                .name
                                .to_lowercase()
                                .split_whitespace()
                                .any(|w| w.starts_with(&name))
                            || agent.name.to_lowercase().starts_with(&name)
                    })
                    .map(|agent| Some(agent.id))
                    .collect()
            }
        })
    }
}

/// Whether a time `at` is as old as `age` says, at `now` (all in ms):
/// `<2d` is "less than two days ago".
fn within(age: &Age, now: i64, at: i64) -> bool {
    let elapsed = now - at;
    age.cmp.holds(elapsed, age.millis())
}

/// FTS5 text: each word a quoted prefix term, all required.
pub(crate) fn name_query(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// FTS5 text for a phrase: its words in this order.
pub(crate) fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}
