use serde::{Deserialize, Serialize};

use super::{
    ActionKind, ActionStatus, AgentId, CustomerId, Money, PaymentMethod, PaymentStatus,
    RefundMethod, ShipmentStatus, Timestamp,
};

pub type OrderId = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderItem {
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    pub unit_price: Money,
    /// Size or variant, e.g. "M", "42", "128 GB / blue".
    pub variant: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackingEvent {
    pub at: Timestamp,
    pub location: String,
    pub status: ShipmentStatus,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shipment {
    pub carrier: String,
    pub tracking_number: String,
    pub status: ShipmentStatus,
    pub eta: Option<Timestamp>,
    /// Past its promised date and not delivered.
    pub late: bool,
    pub events: Vec<TrackingEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub customer_id: CustomerId,
    pub placed_at: Timestamp,
    pub items: Vec<OrderItem>,
    pub total: Money,
    pub payment_method: PaymentMethod,
    pub payment_status: PaymentStatus,
    pub delivery_address: String,
    pub shipment: Option<Shipment>,
    pub updated_at: Timestamp,
}

/// A refund, return or exchange on an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub pickup_at: Option<Timestamp>,
    pub created_by: Option<AgentId>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}
