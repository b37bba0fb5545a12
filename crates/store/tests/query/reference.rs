//! The meaning of a query, written plainly over the fixture's entities: the
//! oracle the store's engine is checked against. Tokens are split the way
//! the cache's full-text tokenizer does for this text (letters, digits and
//! combining marks; case folded).

use std::collections::BTreeSet;

use sahaya_protocol::domain::{Channel, Customer, Status, SurveyKind, Ticket};
use sahaya_query::keys;
use sahaya_query::{Assignee, Clause, Matcher, Query, Term};
use sahaya_store::QueryContext;

use super::fixture::World;

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x0900..=0x0DFF) && !c.is_alphanumeric() && {
        // Danda, digits and signs of the Indic blocks that are not marks.
        !matches!(c, '।' | '॥')
    }
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `needle`'s tokens appear in a row in `hay`, the last one as a prefix
/// when `prefix`.
fn phrase_in(hay: &[String], needle: &[String], prefix: bool) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    hay.windows(needle.len()).any(|w| {
        w.iter().zip(needle).enumerate().all(|(i, (h, n))| {
            if prefix && i == needle.len() - 1 {
                h.starts_with(n.as_str())
            } else {
                h == n
            }
        })
    })
}

/// A text term against one text (subject or message body).
fn text_term(m: &Matcher, text: &str) -> bool {
    let hay = tokens(text);
    match m {
        // Each blank-separated part a prefix phrase, all required.
        Matcher::Word(w) => words_in(&hay, w),
        Matcher::Phrase(p) => phrase_in(&hay, &tokens(p), false),
        _ => false,
    }
}

fn words_in(hay: &[String], text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(char::is_whitespace)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    !parts.is_empty() && parts.iter().all(|w| phrase_in(hay, &tokens(w), true))
}

struct Keys {
    phones: Vec<(keys::PhoneKind, String)>,
    emails: Vec<String>,
    handles: Vec<String>,
}

fn customer_keys(c: &Customer) -> Keys {
    let mut k = Keys {
        phones: vec![],
        emails: vec![],
        handles: vec![],
    };
    for h in &c.handles {
        if keys::is_email(&h.value) {
            k.emails.push(keys::email_key(&h.value));
        } else if matches!(h.channel, Channel::Phone | Channel::WhatsApp)
            || keys::is_phone_like(&h.value)
        {
            k.phones.extend(keys::phone_keys(&h.value));
        } else {
            k.handles.extend(keys::handle_keys(&h.value));
        }
    }
    k
}

fn phone_match(stored: &[(keys::PhoneKind, String)], typed: &str) -> bool {
    keys::phone_lookups(typed).iter().any(|(kind, p)| {
        stored
            .iter()
            .any(|(k, key)| k == kind && key.starts_with(p.as_str()))
    })
}

fn any_prefix(keys: &[String], prefixes: &[String]) -> bool {
    prefixes
        .iter()
        .filter(|p| !p.is_empty())
        .any(|p| keys.iter().any(|k| k.starts_with(p.as_str())))
}

impl World {
    fn customer_of(&self, t: &Ticket) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == t.customer_id)
    }

    fn order_keys_of(&self, customer: i64) -> Vec<String> {
        self.orders
            .iter()
            .filter(|o| o.customer_id == customer)
            .flat_map(|o| {
                let mut k = vec![keys::order_key(&o.id)];
                if let Some(s) = &o.shipment {
                    k.push(keys::order_key(&s.tracking_number));
                }
                k
            })
            .collect()
    }

    fn order_matches(&self, t: &Ticket, key: &str) -> bool {
        t.order_id
            .as_deref()
            .is_some_and(|o| keys::order_key(o).starts_with(key))
            || self
                .order_keys_of(t.customer_id)
                .iter()
                .any(|k| k.starts_with(key))
    }

    /// A free word or phrase found through the customer or orders.
    fn key_match(&self, t: &Ticket, m: &Matcher) -> bool {
        let Some(c) = self.customer_of(t) else {
            return false;
        };
        let name = tokens(&c.name);
        let text = match m {
            Matcher::Word(w) => {
                if words_in(&name, w) {
                    return true;
                }
                w.as_str()
            }
            Matcher::Phrase(p) => {
                if phrase_in(&name, &tokens(p), false) {
                    return true;
                }
                p.as_str()
            }
            _ => return false,
        };
        let k = customer_keys(c);
        if text.chars().any(|ch| keys::digit_value(ch).is_some()) {
            if keys::is_phone_like(text) && phone_match(&k.phones, text) {
                return true;
            }
            let key = keys::order_key(text);
            if !key.is_empty() && self.order_matches(t, &key) {
                return true;
            }
        }
        text.contains('@')
            && (any_prefix(&k.emails, &[keys::email_key(text)])
                || any_prefix(&k.handles, &[keys::handle_key(text)]))
    }

    fn texts<'a>(&'a self, t: &'a Ticket) -> Vec<&'a str> {
        let mut v = vec![t.subject.as_str()];
        v.extend(
            self.messages
                .iter()
                .filter(|m| m.ticket_id == t.id)
                .map(|m| m.body.as_str()),
        );
        v
    }

    fn field(&self, t: &Ticket, m: &Matcher, cx: &QueryContext) -> bool {
        let now = cx.now.timestamp_millis();
        let c = self.customer_of(t);
        let ck = c.map(customer_keys);
        match m {
            Matcher::Word(_) | Matcher::Phrase(_) => {
                self.key_match(t, m) || self.texts(t).iter().any(|x| text_term(m, x))
            }
            Matcher::Status(s) => t.status == *s,
            Matcher::Priority(p) => t.priority == *p,
            Matcher::Channel(ch) => t.channel == *ch,
            Matcher::Group(g) => t.group.to_lowercase() == g.to_lowercase(),
            Matcher::Assignee(Assignee::Me) => t.assignee_id == Some(cx.me),
            Matcher::Assignee(Assignee::Nobody) => t.assignee_id.is_none(),
            Matcher::Assignee(Assignee::Id(id)) => t.assignee_id == Some(*id),
            Matcher::Assignee(Assignee::Name(n)) => {
                let n = n.to_lowercase();
                self.agents.iter().any(|a| {
                    t.assignee_id == Some(a.id)
                        && (a.login.to_lowercase() == n
                            || a.name.to_lowercase().starts_with(&n)
                            || a.name
                                .to_lowercase()
                                .split_whitespace()
                                .any(|w| w.starts_with(&n)))
                })
            }
            Matcher::Tag(tag) => t.tags.iter().any(|x| x.to_lowercase() == *tag),
            Matcher::Order(o) => self.order_matches(t, &keys::order_key(o)),
            Matcher::Phone(p) => ck.is_some_and(|k| phone_match(&k.phones, p)),
            Matcher::Email(e) => ck.is_some_and(|k| any_prefix(&k.emails, &[keys::email_key(e)])),
            Matcher::Handle(h) => {
                ck.is_some_and(|k| any_prefix(&k.handles, &[keys::handle_key(h)]))
            }
            Matcher::Customer(name) => c.is_some_and(|c| words_in(&tokens(&c.name), name)),
            Matcher::Lang(code) => c.is_some_and(|c| {
                c.preferred_language
                    .split('-')
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
                    == *code
            }),
            Matcher::Late(yes) => {
                let late = matches!(t.status, Status::New | Status::Open)
                    && t.sla.next_due().timestamp_millis() < now;
                late == *yes
            }
            Matcher::Created(age) => age
                .cmp
                .holds(now - t.created_at.timestamp_millis(), age.millis()),
            Matcher::Updated(age) => age
                .cmp
                .holds(now - t.updated_at.timestamp_millis(), age.millis()),
            Matcher::Csat(cmp) => self.surveys.iter().any(|s| {
                s.ticket_id == Some(t.id)
                    && s.kind == SurveyKind::Csat
                    && cmp.cmp.holds(s.score, cmp.value)
            }),
        }
    }

    fn term(&self, t: &Ticket, term: &Term, cx: &QueryContext) -> bool {
        self.field(t, &term.matcher, cx) != term.negated
    }

    /// The tickets `q` matches.
    pub fn reference(&self, q: &Query, cx: &QueryContext) -> BTreeSet<i64> {
        let is_word_clause = |c: &Clause| c.terms.iter().all(|t| !t.negated && t.matcher.is_text());
        self.tickets
            .iter()
            .filter(|t| {
                let others = q
                    .clauses
                    .iter()
                    .filter(|c| !is_word_clause(c))
                    .all(|c| c.terms.iter().any(|term| self.term(t, term, cx)));
                if !others {
                    return false;
                }
                let left: Vec<&Clause> = q
                    .clauses
                    .iter()
                    .filter(|c| is_word_clause(c))
                    .filter(|c| !c.terms.iter().any(|term| self.key_match(t, &term.matcher)))
                    .collect();
                left.is_empty()
                    || self.texts(t).iter().any(|text| {
                        left.iter()
                            .all(|c| c.terms.iter().any(|term| text_term(&term.matcher, text)))
                    })
            })
            .map(|t| t.id)
            .collect()
    }
}
