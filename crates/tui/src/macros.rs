//! Filling macro placeholders from the cache.

use super::app::App;
use sahaya_protocol::domain::Ticket;
use sahaya_protocol::wire::CustomerDetail;

/// The cached detail of `ticket`'s customer (None, logged, when the cache
/// cannot be read: what needs it is then asked or left out).
pub fn customer_of(app: &App, ticket: &Ticket) -> Option<CustomerDetail> {
    app.store
        .customer_detail(ticket.customer_id)
        .unwrap_or_else(|e| {
            tracing::warn!("cannot read customer {}: {e}", ticket.customer_id);
            None
        })
}

/// The value of a placeholder for `ticket`, when the cache knows it.
pub fn fill(app: &App, name: &str, ticket: &Ticket) -> Option<String> {
    // Unknown here, the placeholder is asked of the agent instead.
    let customer = customer_of(app, ticket);
    let order = customer.as_ref().and_then(|c| {
        c.orders
            .iter()
            .find(|o| Some(&o.id) == ticket.order_id.as_ref())
            .or_else(|| {
                if ticket.order_id.is_none() {
                    c.orders.first()
                } else {
                    None
                }
            })
            .cloned()
    });
    let value = match name {
        "customer.name" => customer.as_ref()?.customer.name.clone(),
        "customer.first_name" => customer
            .as_ref()?
            .customer
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
        "order.id" => order?.id,
        "order.total" => super::fmt::money(order?.total),
        "tracking.number" => order?.shipment?.tracking_number,
        "tracking.carrier" | "shipment.carrier" => order?.shipment?.carrier,
        "agent.name" => app.me.as_ref()?.name.clone(),
        "ticket.id" => ticket.id.to_string(),
        "ticket.subject" => ticket.subject.clone(),
        _ => return None,
    };
    let value = sahaya_text::sanitize_line(&value).into_owned();
    (!value.is_empty()).then_some(value)
}

/// Replaces `{{ name }}` (any inner spacing) with `value`.
pub fn substitute(body: &str, name: &str, value: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) if after[..end].trim() == name => {
                out.push_str(&rest[..start]);
                out.push_str(value);
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::substitute;

    #[test]
    fn substitutes_every_spelling() {
        assert_eq!(
            substitute(
                "Hi {{customer.name}}, {{ customer.name }}!",
                "customer.name",
                "ರಮೇಶ್"
            ),
            "Hi ರಮೇಶ್, ರಮೇಶ್!"
        );
        assert_eq!(
            substitute("{{order.id}} {{x}}", "order.id", "OD-1"),
            "OD-1 {{x}}"
        );
        assert_eq!(substitute("{{ unterminated", "a", "b"), "{{ unterminated");
    }
}
