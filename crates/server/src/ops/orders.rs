//! Order actions: refunds, returns, exchanges, cancellations, address
//! changes and delivery reattempts, under the rules of
//! `sahaya_protocol::domain::order_rules` (documented in docs/api.md).

use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::repo;
use sahaya_protocol::domain::order_rules::{self, Refusal};
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Agent, Money, Order, OrderAction, PaymentMethod, PaymentStatus,
    RefundMethod, ShipmentStatus, Timestamp, TrackingEvent,
};
use sahaya_protocol::wire::{ActionCreated, NewOrderAction};

fn refused(r: Refusal) -> ApiError {
    ApiError::unprocessable(r.code(), r.message())
}

/// `POST /v1/orders/{id}/actions`.
pub fn order_action(
    w: &mut Writer<'_>,
    caller: &Agent,
    order_id: &str,
    req: NewOrderAction,
    now: Timestamp,
) -> ApiResult<ActionCreated> {
    let mut order = repo::order(&w.tx, order_id)?
        .ok_or_else(|| ApiError::not_found(&format!("order {order_id}")))?;
    // An address change or a reattempt says what it is; the others say why.
    let needs_reason = !matches!(req.kind, ActionKind::AddressChange | ActionKind::Reattempt);
    if needs_reason && req.reason.trim().is_empty() {
        return Err(ApiError::unprocessable(
            "missing_reason",
            "say why: the reason is kept with the order",
        ));
    }
    let earlier = repo::actions_of_order(&w.tx, order_id)?;
    order_rules::may(&order, req.kind, &earlier).map_err(refused)?;
    let mut action = OrderAction {
        created_by: Some(caller.id),
        ..OrderAction::new(
            order.id.clone(),
            order.customer_id,
            req.kind,
            ActionStatus::Completed,
            req.reason.trim(),
            now,
        )
    };
    let mut also = None;
    match req.kind {
        ActionKind::Refund => refund(&mut order, &earlier, &req, &mut action)?,
        ActionKind::Return | ActionKind::Exchange => {
            let mut requested = req.items.clone();
            if requested.is_empty() {
                // Clients from before item choice name SKUs: all of each.
                for sku in &req.skus {
                    let item = order
                        .items
                        .iter()
                        .find(|i| &i.sku == sku)
                        .ok_or_else(|| refused(Refusal::UnknownItem(sku.clone())))?;
                    requested.push(sahaya_protocol::domain::ItemQuantity {
                        sku: sku.clone(),
                        quantity: item.quantity,
                    });
                }
            }
            action.items =
                order_rules::check_items(&order, &earlier, &requested).map_err(refused)?;
            action.skus = action.items.iter().map(|i| i.sku.clone()).collect();
            if req.kind == ActionKind::Exchange {
                let variant = req.replacement_variant.as_deref().map(str::trim);
                match variant {
                    Some(v) if !v.is_empty() => action.replacement_variant = Some(v.to_string()),
                    _ => {
                        return Err(ApiError::unprocessable(
                            "missing_variant",
                            "an exchange needs the size or variant the customer wants instead",
                        ));
                    }
                }
            }
            action.status = ActionStatus::PickupScheduled;
            action.pickup_at = Some(now + chrono::Duration::days(2));
        }
        ActionKind::Cancel => {
            also = refund_on_cancel(&mut order, &earlier, &action);
        }
        ActionKind::AddressChange => {
            let address = req
                .address
                .as_ref()
                .ok_or_else(|| refused(Refusal::MissingAddress))?;
            let address =
                order_rules::check_address(order.total.currency, address).map_err(refused)?;
            order.delivery_address = address.one_line();
            action.address = Some(address);
        }
        ActionKind::Reattempt => {
            let slot = order_rules::check_slot(req.slot.as_ref(), now).map_err(refused)?;
            if let Some(s) = order.shipment.as_mut() {
                let start: u32 = slot.window.as_str()[..2].parse().unwrap_or(9);
                // The window's start in India's time (UTC+5:30).
                let local = slot.date.and_hms_opt(start, 0, 0).unwrap_or_default();
                s.eta = Some(local.and_utc() - chrono::Duration::minutes(330));
                s.late = false;
                s.status = ShipmentStatus::OutForDelivery;
                s.events.push(TrackingEvent {
                    at: now,
                    location: String::new(),
                    status: ShipmentStatus::OutForDelivery,
                    description: format!(
                        "Delivery reattempt booked for {} {}",
                        slot.date,
                        slot.window.as_str()
                    ),
                });
            }
            action.slot = Some(slot);
            action.status = ActionStatus::Approved;
        }
    }
    action.id = repo::next_id(&w.tx, "order_actions")?;
    repo::put_action(w, &action)?;
    if let Some(mut refund) = also {
        refund.id = repo::next_id(&w.tx, "order_actions")?;
        repo::put_action(w, &refund)?;
    }
    order.updated_at = now;
    repo::put_order(w, &order)?;
    Ok(ActionCreated { action, order })
}

/// A refund: its amount within what is left, its method and destination
/// by the order's payment method.
fn refund(
    order: &mut Order,
    earlier: &[OrderAction],
    req: &NewOrderAction,
    action: &mut OrderAction,
) -> ApiResult<()> {
    let money = req
        .amount
        .ok_or_else(|| ApiError::unprocessable("missing_amount", "a refund needs an amount"))?;
    if money.currency != order.total.currency {
        return Err(ApiError::unprocessable(
            "wrong_currency",
            format!(
                "order {} was paid in {}, not {}",
                order.id, order.total.currency, money.currency
            ),
        ));
    }
    let left = order.refundable(earlier).minor;
    if money.minor <= 0 || money.minor > left {
        return Err(ApiError::unprocessable(
            "bad_amount",
            format!(
                "the refund must be more than 0 and at most {left} (minor units) still refundable"
            ),
        ));
    }
    let method = match (req.refund_method, order.payment_method) {
        (Some(m), _) => m,
        (None, PaymentMethod::Cod) => return Err(refused(Refusal::MissingRefundDestination)),
        (None, _) => RefundMethod::Source,
    };
    let to =
        order_rules::check_refund_to(order, method, req.refund_to.as_ref()).map_err(refused)?;
    order.payment_status = if money.minor == left {
        PaymentStatus::Refunded
    } else {
        PaymentStatus::PartiallyRefunded
    };
    action.amount = Some(money);
    action.refund_method = Some(method);
    action.refund_to = to.map(|t| t.masked());
    action.status = ActionStatus::Approved;
    Ok(())
}

/// A cancelled prepaid order gets back what is left to refund, to its
/// source: the refund that goes with the cancellation.
fn refund_on_cancel(
    order: &mut Order,
    earlier: &[OrderAction],
    cancel: &OrderAction,
) -> Option<OrderAction> {
    let paid = matches!(
        order.payment_status,
        PaymentStatus::Paid | PaymentStatus::PartiallyRefunded
    );
    let left: Money = order.refundable(earlier);
    if order.payment_method == PaymentMethod::Cod || !paid || left.minor == 0 {
        return None;
    }
    order.payment_status = PaymentStatus::Refunded;
    Some(OrderAction {
        kind: ActionKind::Refund,
        status: ActionStatus::Approved,
        amount: Some(left),
        refund_method: Some(RefundMethod::Source),
        ..cancel.clone()
    })
}
