use serde::{Deserialize, Serialize};

use super::{
    ActionKind, ActionStatus, AgentId, CustomerId, DeliveryAddress, DeliverySlot, ItemQuantity,
    Money, PaymentMethod, PaymentStatus, RefundDestination, RefundMethod, ShipmentStatus,
    Timestamp,
};

pub type OrderId = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderItem {
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    pub unit_price: Money,
    /// Size or variant, e.g. "M", "42", "128 GB / blue".
    pub variant: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackingEvent {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: Timestamp,
    pub location: String,
    pub status: ShipmentStatus,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shipment {
    pub carrier: String,
    pub tracking_number: String,
    pub status: ShipmentStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub eta: Option<Timestamp>,
    /// Past its promised date and not delivered.
    pub late: bool,
    pub events: Vec<TrackingEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    pub id: OrderId,
    pub customer_id: CustomerId,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub placed_at: Timestamp,
    pub items: Vec<OrderItem>,
    pub total: Money,
    pub payment_method: PaymentMethod,
    pub payment_status: PaymentStatus,
    pub delivery_address: String,
    pub shipment: Option<Shipment>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl Order {
    /// The parcel reached the customer: returns and exchanges need this.
    pub fn is_delivered(&self) -> bool {
        self.shipment
            .as_ref()
            .is_some_and(|s| s.status == ShipmentStatus::Delivered)
    }

    /// What can still be refunded: the total less the refunds among
    /// `actions` on this order that were not refused. The server enforces
    /// it; the console asks for no more.
    pub fn refundable<'a>(&self, actions: impl IntoIterator<Item = &'a OrderAction>) -> Money {
        let refunded: i64 = actions
            .into_iter()
            .filter(|a| a.order_id == self.id && a.kind == ActionKind::Refund)
            .filter(|a| a.status != ActionStatus::Rejected)
            .filter_map(|a| a.amount)
            .filter(|m| m.currency == self.total.currency)
            .map(|m| m.minor)
            .sum();
        Money {
            minor: (self.total.minor - refunded).max(0),
            currency: self.total.currency,
        }
    }

    /// Whether `actions` hold one of `kind` on this order still in progress
    /// (a second return or exchange waits for it).
    pub fn has_open<'a>(
        &self,
        kind: ActionKind,
        actions: impl IntoIterator<Item = &'a OrderAction>,
    ) -> bool {
        actions
            .into_iter()
            .any(|a| a.order_id == self.id && a.kind == kind && a.is_open())
    }
}

impl OrderAction {
    /// Neither completed nor refused.
    pub fn is_open(&self) -> bool {
        !matches!(
            self.status,
            ActionStatus::Completed | ActionStatus::Rejected
        )
    }
}

/// A refund, return, exchange, cancellation, address change or delivery
/// reattempt on an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderAction {
    pub id: i64,
    pub order_id: OrderId,
    pub customer_id: CustomerId,
    pub kind: ActionKind,
    pub status: ActionStatus,
    /// Refunds: the amount. Returns and exchanges: None.
    pub amount: Option<Money>,
    pub refund_method: Option<RefundMethod>,
    /// SKUs concerned; empty means the whole order.
    pub skus: Vec<String>,
    pub reason: String,
    /// Exchanges: the variant wanted instead.
    pub replacement_variant: Option<String>,
    /// Returns and exchanges: when the courier comes for the parcel.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub pickup_at: Option<Timestamp>,
    /// Returns and exchanges: the items and how many of each (empty in
    /// actions older than item choice: see `skus`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemQuantity>,
    /// Address changes: the new address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DeliveryAddress>,
    /// Delivery reattempts: when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<DeliverySlot>,
    /// Cash-on-delivery refunds: where the money goes (an account number
    /// masked but for its last 4 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_to: Option<RefundDestination>,
    pub created_by: Option<AgentId>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl OrderAction {
    /// An action of `kind` on `order_id` taken at `at`, with nothing of what
    /// only some kinds carry (amount, method, items, address, slot, refund
    /// destination) set yet.
    pub fn new(
        order_id: impl Into<OrderId>,
        customer_id: CustomerId,
        kind: ActionKind,
        status: ActionStatus,
        reason: impl Into<String>,
        at: Timestamp,
    ) -> OrderAction {
        OrderAction {
            id: 0,
            order_id: order_id.into(),
            customer_id,
            kind,
            status,
            amount: None,
            refund_method: None,
            skus: Vec::new(),
            reason: reason.into(),
            replacement_variant: None,
            pickup_at: None,
            items: Vec::new(),
            address: None,
            slot: None,
            refund_to: None,
            created_by: None,
            created_at: at,
            updated_at: at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;

    fn money(minor: i64) -> Money {
        Money {
            minor,
            currency: Currency::Inr,
        }
    }

    fn action(order: &str, kind: ActionKind, status: ActionStatus, amount: i64) -> OrderAction {
        let at = chrono::Utc::now();
        OrderAction {
            id: 1,
            amount: (kind == ActionKind::Refund).then(|| money(amount)),
            ..OrderAction::new(order, 1, kind, status, "r", at)
        }
    }

    fn order(status: Option<ShipmentStatus>) -> Order {
        let at = chrono::Utc::now();
        Order {
            id: "OD-1".into(),
            customer_id: 1,
            placed_at: at,
            items: Vec::new(),
            total: money(69_900),
            payment_method: PaymentMethod::Upi,
            payment_status: PaymentStatus::Paid,
            delivery_address: String::new(),
            shipment: status.map(|status| Shipment {
                carrier: "Ekart".into(),
                tracking_number: "T".into(),
                status,
                eta: None,
                late: false,
                events: Vec::new(),
            }),
            updated_at: at,
        }
    }

    #[test]
    fn refundable_counts_this_orders_refunds_that_were_not_refused() {
        let o = order(None);
        let actions = [
            action("OD-1", ActionKind::Refund, ActionStatus::Approved, 10_000),
            action("OD-1", ActionKind::Refund, ActionStatus::Rejected, 50_000),
            action("OD-2", ActionKind::Refund, ActionStatus::Approved, 20_000),
            action("OD-1", ActionKind::Return, ActionStatus::Requested, 0),
        ];
        assert_eq!(o.refundable(&actions), money(59_900));
        let more = [action(
            "OD-1",
            ActionKind::Refund,
            ActionStatus::Completed,
            99_000,
        )];
        assert_eq!(o.refundable(&more), money(0), "never below zero");
    }

    #[test]
    fn returns_need_delivery_and_no_open_one() {
        assert!(!order(None).is_delivered());
        assert!(!order(Some(ShipmentStatus::InTransit)).is_delivered());
        let o = order(Some(ShipmentStatus::Delivered));
        assert!(o.is_delivered());
        let done = [action(
            "OD-1",
            ActionKind::Return,
            ActionStatus::Completed,
            0,
        )];
        assert!(!o.has_open(ActionKind::Return, &done));
        let open = [action(
            "OD-1",
            ActionKind::Return,
            ActionStatus::PickupScheduled,
            0,
        )];
        assert!(o.has_open(ActionKind::Return, &open));
        assert!(!o.has_open(ActionKind::Exchange, &open));
    }
}
