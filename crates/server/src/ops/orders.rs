//! Refunds, returns and exchanges.

use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::repo;
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Agent, OrderAction, PaymentMethod, PaymentStatus, RefundMethod,
    Timestamp,
};
use sahaya_protocol::wire::{ActionCreated, NewOrderAction};

/// `POST /v1/orders/{id}/actions`: refund, return or exchange.
pub fn order_action(
    w: &mut Writer<'_>,
    caller: &Agent,
    order_id: &str,
    req: NewOrderAction,
    now: Timestamp,
) -> ApiResult<ActionCreated> {
    let mut order = repo::order(&w.tx, order_id)?
        .ok_or_else(|| ApiError::not_found(&format!("order {order_id}")))?;
    if req.reason.trim().is_empty() {
        return Err(ApiError::unprocessable(
            "missing_reason",
            "say why: the reason is kept with the order",
        ));
    }
    for sku in &req.skus {
        if !order.items.iter().any(|i| &i.sku == sku) {
            return Err(ApiError::unprocessable(
                "unknown_item",
                format!("order {order_id} has no item {sku}"),
            ));
        }
    }
    let earlier = repo::actions_of_order(&w.tx, order_id)?;
    let open_of = |kind: ActionKind| order.has_open(kind, &earlier);
    let delivered = order.is_delivered();
    let mut amount = None;
    let mut refund_method = None;
    let mut replacement = None;
    let status;
    match req.kind {
        ActionKind::Refund => {
            let money = req.amount.ok_or_else(|| {
                ApiError::unprocessable("missing_amount", "a refund needs an amount")
            })?;
            if money.currency != order.total.currency {
                return Err(ApiError::unprocessable(
                    "wrong_currency",
                    format!(
                        "order {order_id} was paid in {}, not {}",
                        order.total.currency, money.currency
                    ),
                ));
            }
            let left = order.refundable(&earlier).minor;
            if money.minor <= 0 || money.minor > left {
                return Err(ApiError::unprocessable(
                    "bad_amount",
                    format!(
                        "the refund must be more than 0 and at most {} (minor units) still refundable",
                        left
                    ),
                ));
            }
            let method = req.refund_method.unwrap_or(match order.payment_method {
                PaymentMethod::Cod => RefundMethod::BankTransfer,
                _ => RefundMethod::Source,
            });
            if order.payment_method == PaymentMethod::Cod && method == RefundMethod::Source {
                return Err(ApiError::unprocessable(
                    "cod_refund_method",
                    "a cash-on-delivery order cannot be refunded to source; choose UPI, bank transfer or store credit",
                ));
            }
            order.payment_status = if money.minor == left {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
            amount = Some(money);
            refund_method = Some(method);
            status = ActionStatus::Approved;
        }
        ActionKind::Return | ActionKind::Exchange => {
            if !delivered {
                return Err(ApiError::unprocessable(
                    "not_delivered",
                    format!(
                        "order {order_id} has not been delivered yet; a {} needs a delivered order",
                        req.kind
                    ),
                ));
            }
            if open_of(req.kind) {
                return Err(ApiError::unprocessable(
                    "already_open",
                    format!(
                        "order {order_id} already has an open {}; update that one",
                        req.kind
                    ),
                ));
            }
            if req.kind == ActionKind::Exchange {
                let variant = req
                    .replacement_variant
                    .as_deref()
                    .map(str::trim)
                    .unwrap_or("");
                if variant.is_empty() {
                    return Err(ApiError::unprocessable(
                        "missing_variant",
                        "an exchange needs the size or variant the customer wants instead",
                    ));
                }
                replacement = Some(variant.to_string());
            }
            status = ActionStatus::PickupScheduled;
        }
    }
    let pickup_at = (req.kind != ActionKind::Refund).then(|| now + chrono::Duration::days(2));
    let action = OrderAction {
        id: repo::next_id(&w.tx, "order_actions")?,
        order_id: order.id.clone(),
        customer_id: order.customer_id,
        kind: req.kind,
        status,
        amount,
        refund_method,
        skus: req.skus,
        reason: req.reason.trim().to_string(),
        replacement_variant: replacement,
        pickup_at,
        created_by: Some(caller.id),
        created_at: now,
        updated_at: now,
    };
    repo::put_action(w, &action)?;
    order.updated_at = now;
    repo::put_order(w, &order)?;
    Ok(ActionCreated { action, order })
}
