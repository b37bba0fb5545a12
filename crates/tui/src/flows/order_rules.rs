//! What the server would allow on an order, judged from the cache (queued
//! requests included) with the server's own rules
//! (`sahaya_protocol::domain::order_rules`), so the agent hears it before
//! typing the details rather than from the problems list afterwards.

use sahaya_protocol::domain::order_rules::{self, Refusal};
use sahaya_protocol::domain::{ActionKind, ItemQuantity, Money, Order, OrderAction};

use crate::app::App;

/// The order `order_id` of the open ticket's customer.
pub fn order_of(app: &App, order_id: &str) -> Option<Order> {
    let customer = app.open.as_ref()?.customer.as_ref()?;
    customer.orders.iter().find(|o| o.id == order_id).cloned()
}

/// Every action of the open ticket's customer the cache knows, queued ones
/// included.
pub fn actions(app: &App) -> Vec<OrderAction> {
    let Some(c) = app.open.as_ref().and_then(|o| o.customer.as_ref()) else {
        return Vec::new();
    };
    [&c.refunds, &c.returns, &c.exchanges, &c.changes]
        .into_iter()
        .flatten()
        .cloned()
        .collect()
}

/// Why the server would refuse `kind` on `order`, in the agent's language.
pub fn not_possible(app: &App, order: &Order, kind: ActionKind) -> Option<String> {
    order_rules::may(order, kind, &actions(app))
        .err()
        .map(|r| refusal(app, &r))
}

/// A refusal in the agent's language: the message of its code
/// (`rejected-<code>`, the same the problems list shows).
pub fn refusal(app: &App, r: &Refusal) -> String {
    let id = format!("rejected-{}", r.code().replace('_', "-"));
    if app.i18n.has(&id) {
        app.t(&id)
    } else {
        r.message()
    }
}

/// The order's total and what can still be refunded on it (refunds made or
/// queued here count, as the server will count them).
pub fn refundable(app: &App, order_id: &str) -> Option<(Money, Money)> {
    let order = order_of(app, order_id)?;
    Some((order.total, order.refundable(&actions(app))))
}

/// The order's items with how many pieces are left to return or exchange.
pub fn returnable(app: &App, order: &Order) -> Vec<ItemQuantity> {
    order_rules::returnable(order, &actions(app))
}

/// Parses "499", "499.50", "1,00,000" (any of the console's digits) into
/// minor units.
pub fn parse_amount(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    let digits = crate::fmt::ascii_digits(&digits);
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w.to_string(), f.to_string()),
        None => (digits.clone(), String::new()),
    };
    if whole.is_empty()
        || frac.len() > 2
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac)
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts_parse_in_any_grouping_and_script() {
        assert_eq!(parse_amount("499"), Some(49900));
        assert_eq!(parse_amount("499.5"), Some(49950));
        assert_eq!(parse_amount("1,00,000.05"), Some(10000005));
        assert_eq!(parse_amount("೪೯೯"), Some(49900));
        assert_eq!(parse_amount("4.999"), None);
        assert_eq!(parse_amount("-5"), None);
        assert_eq!(parse_amount(""), None);
    }
}
