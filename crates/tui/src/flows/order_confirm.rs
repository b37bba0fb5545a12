//! The end of an order action: the reason (where the server keeps one), a
//! confirmation naming what will happen, and on yes the outbox.

use sahaya_protocol::domain::{DeliverySlot, ItemQuantity, RefundDestination};
use sahaya_protocol::wire::NewOrderAction;
use sahaya_store::OutboxOp;

use super::order_request::{Details, OnOrder, OrderAsk, Request};
use super::order_rules::order_of;
use super::{Ask, Confirmed, confirm, enqueue_and_say, prompt};
use crate::app::App;

pub(super) fn ask_reason(app: &mut App, on: OnOrder, details: Details) {
    let title = app.t("prompt-reason");
    prompt(app, title, "", Ask::Order(OrderAsk::Reason(on, details)));
}

pub(super) fn ask_confirmation(app: &mut App, request: Request) {
    let kind = request.details.kind();
    let action = app.t(&format!("order-action-{}", kind.as_str()));
    let what = describe(app, &request);
    let order = match what {
        Some(what) => format!("{} ({what})", request.on.order_id),
        None => request.on.order_id.clone(),
    };
    let question = app.i18n.tr_args(
        "confirm-order-action",
        &[("action", action.into()), ("order", order.into())],
    );
    confirm(app, question, Confirmed::Order(request));
}

/// Yes: the request goes to the outbox (its idempotency key is the
/// entry's).
pub fn confirmed(app: &mut App, request: Request) {
    let kind = request.details.kind();
    let mut action = NewOrderAction::new(kind, request.reason);
    match request.details {
        Details::Refund { amount, method, to } => {
            action.amount = Some(amount);
            action.refund_method = Some(method);
            action.refund_to = to;
        }
        Details::Return { items } => action.items = items,
        Details::Exchange { items, variant } => {
            action.items = items;
            action.replacement_variant = Some(variant);
        }
        Details::Cancel => {}
        Details::AddressChange(address) => action.address = Some(address),
        Details::Reattempt(slot) => action.slot = Some(slot),
    }
    let op = OutboxOp::OrderAction {
        order_id: request.on.order_id,
        request: action,
    };
    enqueue_and_say(app, op);
}

/// What the confirmation names beside the order: the amount and where it
/// goes, the items, the new address, the slot.
fn describe(app: &App, request: &Request) -> Option<String> {
    let order = order_of(app, &request.on.order_id);
    let items = |items: &[ItemQuantity]| {
        items
            .iter()
            .map(|i| {
                let name = order
                    .as_ref()
                    .and_then(|o| o.items.iter().find(|it| it.sku == i.sku))
                    .map(|it| sahaya_text::sanitize_line(&it.name).into_owned())
                    .unwrap_or_else(|| i.sku.clone());
                format!("{} × {name}", app.num(i.quantity))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(match &request.details {
        Details::Refund { amount, method, to } => {
            let to = match to {
                Some(RefundDestination::Bank {
                    ifsc,
                    account_number,
                }) => format!("{ifsc} {account_number}"),
                Some(RefundDestination::Upi { upi_id }) => upi_id.clone(),
                None => app.t(&format!("refund-method-{}", method.as_str())),
            };
            app.i18n.tr_args(
                "order-detail-refund-to",
                &[
                    ("amount", app.i18n.money(*amount).into()),
                    ("to", to.into()),
                ],
            )
        }
        Details::Return { items: list } => items(list),
        Details::Exchange {
            items: list,
            variant,
        } => format!("{} → {variant}", items(list)),
        Details::Cancel => return None,
        Details::AddressChange(address) => address.one_line(),
        Details::Reattempt(slot) => slot_label(app, slot),
    })
}

pub(super) fn slot_label(app: &App, slot: &DeliverySlot) -> String {
    let window = app.t(&format!("slot-window-{}", slot.window.as_str()));
    app.i18n.tr_args(
        "slot-label",
        &[
            ("date", app.i18n.date(slot.date).into()),
            ("window", window.into()),
        ],
    )
}
