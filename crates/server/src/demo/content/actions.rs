//! Refunds, returns and exchanges: the order action a ticket's conversation
//! leads to, and what it does to the order's payment.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::orders::line_total;
use super::topics::Topic;
use super::world::{Cust, Gen};
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, AgentId, ItemQuantity, OrderAction, PaymentStatus, RefundMethod,
    Status, Timestamp,
};

impl Gen {
    /// The refund, return or exchange a ticket about `topic` leads to.
    /// `agent` is the agent who replied, if anyone has.
    pub(super) fn action_for(
        &mut self,
        o: usize,
        cust: &Cust,
        topic: Topic,
        (opened, last): (Timestamp, Timestamp),
        status: Status,
        agent: Option<AgentId>,
    ) {
        let resolved = !status.is_active();
        let replied = agent.is_some();
        let order = &self.orders[o];
        let item = order.items[self.info[o].focus].clone();
        let line = line_total(&item);
        let total = order.total;
        let only_item = order.items.len() == 1;
        let r = &mut self.rng;
        let reasons = [
            "Quality not as expected",
            "Colour different from photo",
            "No longer needed",
            "Fabric feels cheap",
        ];
        let reason = reasons.choose(r).copied().unwrap_or(reasons[0]);
        let lang = cust.person.lang;
        let (kind, action_status, amount, method, why, variant, pickup, by) = match topic {
            Topic::CodRefund => (
                ActionKind::Refund,
                if resolved {
                    ActionStatus::Completed
                } else if replied {
                    ActionStatus::Approved
                } else {
                    ActionStatus::Requested
                },
                Some(line),
                Some(if cust.nepal || lang == "te" {
                    RefundMethod::BankTransfer
                } else {
                    RefundMethod::Upi
                }),
                format!("Return picked up – {}", reason.to_lowercase()),
                None,
                None,
                agent,
            ),
            Topic::ReturnPickup => (
                ActionKind::Return,
                if resolved {
                    ActionStatus::PickedUp
                } else if status == Status::Pending {
                    ActionStatus::PickupScheduled
                } else {
                    ActionStatus::PickupMissed
                },
                None,
                None,
                reason.to_string(),
                None,
                Some(if resolved {
                    last + Duration::hours(20)
                } else {
                    opened - Duration::hours(18)
                }),
                None,
            ),
            Topic::Exchange => (
                ActionKind::Exchange,
                if resolved {
                    ActionStatus::Completed
                } else if replied {
                    ActionStatus::PickupScheduled
                } else {
                    ActionStatus::Requested
                },
                None,
                None,
                "Size too small".to_string(),
                self.info[o].variant_new.clone(),
                Some(opened + Duration::days(2)),
                None,
            ),
            Topic::WrongSize if replied && r.random_bool(0.4) => (
                ActionKind::Exchange,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Approved
                },
                None,
                None,
                "Wrong size delivered – seller mislabel".to_string(),
                item.variant.clone(),
                Some(last + Duration::days(1)),
                agent,
            ),
            Topic::Damaged if replied && r.random_bool(0.3) => (
                ActionKind::Exchange,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Approved
                },
                None,
                None,
                "Damaged in transit – replacement, no pickup".to_string(),
                Some(
                    item.variant
                        .clone()
                        .unwrap_or_else(|| "Same item".to_string()),
                ),
                None,
                agent,
            ),
            Topic::PaymentFailed if replied && r.random_bool(0.3) => (
                ActionKind::Refund,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Requested
                },
                Some(total),
                Some(RefundMethod::Source),
                "Amount debited, order not confirmed – reversal".to_string(),
                None,
                None,
                agent,
            ),
            Topic::Cancel if replied && r.random_bool(0.6) => (
                ActionKind::Refund,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Approved
                },
                Some(total),
                Some(RefundMethod::Source),
                "Cancelled before dispatch".to_string(),
                None,
                None,
                agent,
            ),
            _ => return,
        };
        let created = match kind {
            ActionKind::Return => opened - Duration::days(2),
            _ => opened + (last - opened) / 2,
        };
        let updated = if resolved {
            last
        } else {
            created.max(last.min(self.now))
        };
        if kind == ActionKind::Refund
            && action_status == ActionStatus::Completed
            && topic == Topic::CodRefund
        {
            self.orders[o].payment_status = if only_item {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
        }
        self.orders[o].updated_at = self.orders[o].updated_at.max(updated);
        let id = self.actions.len() as i64 + 1;
        self.actions.push(OrderAction {
            id,
            order_id: self.orders[o].id.clone(),
            customer_id: cust.customer.id,
            kind,
            status: action_status,
            amount,
            refund_method: method,
            skus: if kind == ActionKind::Refund && amount == Some(total) {
                Vec::new()
            } else {
                vec![item.sku.clone()]
            },
            reason: why,
            replacement_variant: variant,
            pickup_at: pickup,
            items: if kind == ActionKind::Refund {
                Vec::new()
            } else {
                vec![ItemQuantity {
                    sku: item.sku.clone(),
                    quantity: item.quantity,
                }]
            },
            address: None,
            slot: None,
            refund_to: None,
            created_by: by,
            created_at: created,
            updated_at: updated,
        });
    }
}
