//! The notices of a late-shipment outreach: one per customer, about all of
//! the customer's marked orders, written from a macro in the customer's
//! language (the macro of the same tags in that language, else English,
//! else the chosen one) with its placeholders filled from the cache. A
//! customer with an active ticket about one of the orders gets it as a
//! reply there; the others get a new ticket on the channel they last wrote
//! on, with a subject in their language.

use std::collections::{BTreeMap, HashMap};

use sahaya_i18n::I18n;
use sahaya_protocol::domain::{CustomerId, Macro, MessageKind};
use sahaya_protocol::wire::NewOutboundTicket;
use sahaya_store::{LateOrder, OutboxOp, OutreachNotice};

use crate::app::App;
use crate::macros::substitute;

/// The notices, and how many customers no channel reaches.
#[derive(Debug, Default)]
pub struct Written {
    pub notices: Vec<OutreachNotice>,
    pub unreachable: usize,
}

/// The language part of a BCP 47 tag, lower-case ("kn-IN" → "kn").
fn language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whether `a` and `b` are the same macro in two languages: the same tags
/// (and at least one), or the same name.
pub fn same_macro(a: &Macro, b: &Macro) -> bool {
    let mut ta = a.add_tags.clone();
    let mut tb = b.add_tags.clone();
    ta.sort();
    tb.sort();
    (!ta.is_empty() && ta == tb) || a.name == b.name
}

/// The languages `m` is written in (itself and its siblings).
pub fn languages_of(macros: &[Macro], m: &Macro) -> Vec<String> {
    let mut out: Vec<String> = macros
        .iter()
        .filter(|o| o.id == m.id || same_macro(o, m))
        .map(|o| language(&o.language))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The version of `chosen` for a customer who reads `lang`.
fn variant<'a>(macros: &'a [Macro], chosen: &'a Macro, lang: &str) -> &'a Macro {
    if language(&chosen.language) == lang {
        return chosen;
    }
    let siblings = || macros.iter().filter(|m| same_macro(m, chosen));
    siblings()
        .find(|m| language(&m.language) == lang)
        .or_else(|| {
            (language(&chosen.language) != "en")
                .then(|| siblings().find(|m| language(&m.language) == "en"))
                .flatten()
        })
        .unwrap_or(chosen)
}

/// The distinct values of `f` over `orders`, joined with ", ".
fn joined(orders: &[&LateOrder], f: impl Fn(&LateOrder) -> Option<String>) -> String {
    let mut values: Vec<String> = Vec::new();
    for o in orders {
        if let Some(v) = f(o).filter(|v| !v.is_empty())
            && !values.contains(&v)
        {
            values.push(v);
        }
    }
    sahaya_text::sanitize_line(&values.join(", ")).into_owned()
}

/// The value of a placeholder for one customer's notice.
fn fill(
    app: &App,
    name: &str,
    orders: &[&LateOrder],
    subject: &str,
    ticket: Option<i64>,
) -> String {
    let first = orders[0];
    let clean = |s: &str| sahaya_text::sanitize_line(s).into_owned();
    match name {
        "customer.name" => clean(&first.customer.name),
        "customer.first_name" => clean(
            first
                .customer
                .name
                .split_whitespace()
                .next()
                .unwrap_or_default(),
        ),
        "order.id" => joined(orders, |o| Some(o.order.id.clone())),
        "order.total" => joined(orders, |o| Some(crate::fmt::money(o.order.total))),
        "tracking.number" => joined(orders, |o| {
            o.order.shipment.as_ref().map(|s| s.tracking_number.clone())
        }),
        "tracking.carrier" | "shipment.carrier" => joined(orders, |o| Some(o.carrier.clone())),
        "agent.name" => app.me.as_ref().map(|a| clean(&a.name)).unwrap_or_default(),
        "ticket.id" => ticket.map(|t| t.to_string()).unwrap_or_default(),
        "ticket.subject" => subject.to_string(),
        // Macros asking anything else are not offered for outreach.
        _ => String::new(),
    }
}

/// One notice per customer of `orders`, from `chosen`.
pub fn write(app: &App, orders: &[&LateOrder], chosen: &Macro, macros: &[Macro]) -> Written {
    let mut by_customer: BTreeMap<CustomerId, Vec<&LateOrder>> = BTreeMap::new();
    for o in orders {
        by_customer.entry(o.customer.id).or_default().push(o);
    }
    let mut bundles: HashMap<String, I18n> = HashMap::new();
    let mut out = Written::default();
    for (customer_id, orders) in by_customer {
        let first = orders[0];
        let lang = language(&first.customer.preferred_language);
        let i18n = bundles.entry(lang.clone()).or_insert_with(|| {
            I18n::new(sahaya_i18n::supported_locale(&lang).unwrap_or(sahaya_i18n::FALLBACK))
        });
        let order_ids = joined(&orders, |o| Some(o.order.id.clone()));
        let subject = i18n.tr_args("late-notice-subject", &[("orders", order_ids.into())]);
        let ticket = orders.iter().find_map(|o| o.open_ticket);
        let m = variant(macros, chosen, &lang);
        let mut body = m.body.clone();
        for name in m.placeholders() {
            let value = fill(app, &name, &orders, &subject, ticket);
            body = substitute(&body, &name, &value);
        }
        let op = match (ticket, first.channel) {
            (Some(ticket_id), _) => OutboxOp::Message {
                ticket_id,
                kind: MessageKind::Reply,
                body,
            },
            (None, Some(channel)) => OutboxOp::Outbound(NewOutboundTicket {
                customer_id,
                channel,
                subject,
                body,
                order_id: Some(first.order.id.clone()),
                priority: None,
            }),
            (None, None) => {
                out.unreachable += 1;
                continue;
            }
        };
        out.notices.push(OutreachNotice {
            customer_id,
            order_ids: orders.iter().map(|o| o.order.id.clone()).collect(),
            op,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: i64, lang: &str, name: &str, tags: &[&str]) -> Macro {
        Macro {
            id,
            name: name.into(),
            language: lang.into(),
            body: format!("{lang} {{{{order.id}}}}"),
            set_status: None,
            add_tags: tags.iter().map(|t| t.to_string()).collect(),
            deleted: false,
        }
    }

    #[test]
    fn the_customers_language_then_english_then_the_chosen_one() {
        let macros = [
            m(1, "en", "Late", &["late-delivery"]),
            m(2, "kn", "ತಡ", &["late-delivery"]),
            m(3, "ne", "ढिलो", &["late-delivery"]),
            m(4, "en", "Greeting", &[]),
        ];
        assert_eq!(variant(&macros, &macros[0], "kn").id, 2);
        assert_eq!(variant(&macros, &macros[1], "ne").id, 3);
        assert_eq!(variant(&macros, &macros[1], "hi").id, 1, "English next");
        assert_eq!(variant(&macros, &macros[3], "kn").id, 4, "no sibling");
        assert_eq!(languages_of(&macros, &macros[0]), ["en", "kn", "ne"]);
        assert_eq!(language("kn-IN"), "kn");
    }
}
