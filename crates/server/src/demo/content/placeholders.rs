//! Values for a template's placeholders: the customer's first name, the
//! order, item and amounts, the courier, a new address, the agent.

use super::orders::line_total;
use super::people::STAFF;
use super::topics::Topic;
use super::world::{Cust, Gen};
use sahaya_protocol::domain::Money;

/// Values for a template's placeholders.
#[derive(Default)]
pub(super) struct Fill {
    pairs: Vec<(&'static str, String)>,
}

impl Fill {
    fn set(&mut self, key: &'static str, value: impl Into<String>) {
        self.pairs.push((key, value.into()));
    }
    pub(super) fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (key, value) in &self.pairs {
            out = out.replace(key, value);
        }
        out
    }
}

impl Gen {
    /// The placeholders of a ticket of `cust` about `topic` and `order`,
    /// answered by `assignee`.
    pub(super) fn fill(
        &mut self,
        cust: &Cust,
        topic: Topic,
        order: Option<usize>,
        assignee: Option<usize>,
    ) -> Fill {
        let lang = cust.person.lang;
        let mut fill = Fill::default();
        let first_name = cust
            .person
            .name
            .split_whitespace()
            .next()
            .unwrap_or(cust.person.name);
        fill.set("{name}", first_name);
        if let Some(o) = order {
            let ord = &self.orders[o];
            let info = &self.info[o];
            let item = &ord.items[info.focus.min(ord.items.len() - 1)];
            let amount = match topic {
                Topic::CodRefund => line_total(item),
                _ => ord.total,
            };
            fill.set("{order}", ord.id.clone());
            fill.set("{item}", item.name.clone());
            fill.set(
                "{variant_new}",
                info.variant_new.clone().unwrap_or_default(),
            );
            fill.set("{variant}", item.variant.clone().unwrap_or_default());
            fill.set("{amount}", format_money(amount, lang));
            let (carrier, tracking) = match &ord.shipment {
                Some(s) => (s.carrier.clone(), s.tracking_number.clone()),
                None => (String::from("the courier"), String::from("—")),
            };
            fill.set("{carrier}", carrier);
            fill.set("{tracking}", tracking);
        }
        let newaddr = self.address(cust.city, cust.locality);
        fill.set("{newaddr}", newaddr);
        if let Some(a) = assignee {
            fill.set("{agent}", STAFF[a].sign(lang));
            fill.set("{login}", STAFF[a].login);
        }
        fill
    }
}

/// `n` with Indian digit grouping: 1,24,999.
fn grouped(n: i64) -> String {
    let digits = n.abs().to_string();
    let (head, tail) = digits.split_at(digits.len().saturating_sub(3));
    let mut parts: Vec<String> = Vec::new();
    let mut rest = head;
    while rest.len() > 2 {
        let (a, b) = rest.split_at(rest.len() - 2);
        parts.insert(0, b.to_string());
        rest = a;
    }
    if !rest.is_empty() {
        parts.insert(0, rest.to_string());
    }
    parts.push(tail.to_string());
    format!("{}{}", if n < 0 { "-" } else { "" }, parts.join(","))
}

fn format_money(m: Money, lang: &str) -> String {
    let rupees = grouped(m.minor / 100);
    match (m.currency, lang) {
        (sahaya_protocol::domain::Currency::Inr, _) => format!("₹{rupees}"),
        (sahaya_protocol::domain::Currency::Npr, "ne") => format!("रु. {rupees}"),
        (sahaya_protocol::domain::Currency::Npr, _) => format!("Rs. {rupees}"),
    }
}
