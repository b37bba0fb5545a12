//! What the classifier reads: the ticket's words and, when the ticket is
//! about an order, a few facts of that order.

use sahaya_protocol::domain::{Order, PaymentMethod, PaymentStatus, ShipmentStatus, Timestamp};

/// The text of a ticket as the customer wrote it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketText<'a> {
    /// Subject line; empty for chat channels.
    pub subject: &'a str,
    /// The customer's message bodies, latest first. Agent replies and notes
    /// do not belong here.
    pub messages: Vec<&'a str>,
    /// BCP 47 language of the customer (`kn`, `te-IN`, ...), empty if unknown.
    /// Romanized words of that language count in full, of other languages a
    /// little less.
    pub language: &'a str,
    /// Facts of the order the ticket is about, if it is about one.
    pub order: Option<OrderFacts>,
}

/// What the classifier needs to know about the ticket's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFacts {
    /// Shown in the reason ("order SH-1001 is late").
    pub order_id: Option<String>,
    /// Paid (or to be paid) by cash on delivery.
    pub cod: bool,
    pub payment: Option<PaymentStatus>,
    pub shipment: Option<ShipmentStatus>,
    /// The carrier's promised date has passed and it is not delivered.
    pub eta_passed: bool,
}

impl OrderFacts {
    /// The facts of `order` at `now`.
    pub fn from_order(order: &Order, now: Timestamp) -> OrderFacts {
        let shipment = order.shipment.as_ref();
        let delivered = order.is_delivered();
        let eta_passed =
            !delivered && shipment.is_some_and(|s| s.late || s.eta.is_some_and(|eta| eta < now));
        OrderFacts {
            order_id: Some(order.id.clone()),
            cod: order.payment_method == PaymentMethod::Cod,
            payment: Some(order.payment_status),
            shipment: shipment.map(|s| s.status),
            eta_passed,
        }
    }
}

impl<'a> TicketText<'a> {
    /// The texts to read, each with how much it counts: the subject and the
    /// latest message in full, earlier messages half.
    pub(crate) fn sources(&self) -> impl Iterator<Item = (crate::Source, &'a str, f32)> + '_ {
        let subject = std::iter::once((crate::Source::Subject, self.subject, 1.0));
        let messages = self.messages.iter().enumerate().map(|(i, m)| {
            let weight = if i == 0 { 1.0 } else { 0.5 };
            (crate::Source::Message(i), *m, weight)
        });
        subject.chain(messages)
    }

    /// The primary language subtag of [`TicketText::language`], lowercased.
    pub(crate) fn primary_language(&self) -> String {
        self.language
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, Utc};
    use sahaya_protocol::domain::{Currency, Money, Shipment};

    fn order(status: ShipmentStatus, eta_in_days: i64, method: PaymentMethod) -> Order {
        let now = Utc::now();
        Order {
            id: "SH-1001".into(),
            customer_id: 1,
            placed_at: now,
            items: Vec::new(),
            total: Money {
                minor: 100,
                currency: Currency::Inr,
            },
            payment_method: method,
            payment_status: PaymentStatus::Pending,
            delivery_address: String::new(),
            shipment: Some(Shipment {
                carrier: "Delhivery".into(),
                tracking_number: "T1".into(),
                status,
                eta: Some(now + Duration::days(eta_in_days)),
                late: false,
                events: Vec::new(),
            }),
            updated_at: now,
        }
    }

    #[test]
    fn eta_past_and_undelivered_is_late() {
        let now = Utc::now();
        let late = OrderFacts::from_order(
            &order(ShipmentStatus::InTransit, -2, PaymentMethod::Cod),
            now,
        );
        assert!(late.eta_passed);
        assert!(late.cod);
        assert_eq!(late.order_id.as_deref(), Some("SH-1001"));
        let delivered = OrderFacts::from_order(
            &order(ShipmentStatus::Delivered, -2, PaymentMethod::Upi),
            now,
        );
        assert!(!delivered.eta_passed);
        assert!(!delivered.cod);
        let early =
            OrderFacts::from_order(&order(ShipmentStatus::Shipped, 3, PaymentMethod::Upi), now);
        assert!(!early.eta_passed);
    }

    #[test]
    fn primary_language_ignores_region() {
        let t = TicketText {
            language: "kn-IN",
            ..TicketText::default()
        };
        assert_eq!(t.primary_language(), "kn");
        assert_eq!(TicketText::default().primary_language(), "");
    }
}
