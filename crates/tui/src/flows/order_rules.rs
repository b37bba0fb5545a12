//! What the server would allow on an order, judged from the cache (queued
//! requests included), so the agent hears it before typing the details
//! rather than from the problems list afterwards.

use sahaya_protocol::domain::{ActionKind, Money, Order};

use crate::app::App;

/// The order `order_id` of the open ticket's customer.
pub fn order_of(app: &App, order_id: &str) -> Option<Order> {
    let customer = app.open.as_ref()?.customer.as_ref()?;
    customer.orders.iter().find(|o| o.id == order_id).cloned()
}

/// Why the server would refuse a return or exchange on `order` (the same
/// domain rules over what the cache knows); refunds are judged by amount.
pub fn not_possible(app: &App, order: &Order, kind: ActionKind) -> Option<&'static str> {
    let earlier = match kind {
        ActionKind::Refund => return None,
        ActionKind::Return | ActionKind::Exchange if !order.is_delivered() => {
            return Some("rejected-not-delivered");
        }
        ActionKind::Return => &app.open.as_ref()?.customer.as_ref()?.returns,
        ActionKind::Exchange => &app.open.as_ref()?.customer.as_ref()?.exchanges,
    };
    order
        .has_open(kind, earlier)
        .then_some("rejected-already-open")
}

/// The order's total and what can still be refunded on it (refunds made or
/// queued here count, as the server will count them).
pub fn refundable(app: &App, order_id: &str) -> Option<(Money, Money)> {
    let order = order_of(app, order_id)?;
    let customer = app.open.as_ref()?.customer.as_ref()?;
    Some((order.total, order.refundable(&customer.refunds)))
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
