//! Order actions on an order of the ticket's customer: the order, the
//! action (each with what is still possible on it, or why not), then only
//! what that action needs (see `order_steps`), a reason where the server
//! keeps one, and a confirmation. Each step's type holds exactly what the
//! steps before it settled.
//!
//! Every step starts by looking at the cache again (the ticket is open, the
//! customer has orders, the action is still possible), as the cache may
//! have changed while the agent was answering.

use sahaya_protocol::domain::{ActionKind, PaymentMethod, PaymentStatus};

use super::order_confirm::{ask_confirmation, ask_reason};
use super::order_request::{
    Details, OnOrder, OrderAsk, OrderPick, Request, customer_orders, resume, resume_for,
};
use super::order_rules::{not_possible, order_of, refundable, returnable};
use super::order_steps;
use super::{Pick, cached_ticket, need_ticket, picker, required};
use crate::app::App;

/// Order actions on the selected ticket: which order first.
pub fn start(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let Some(t) = resume(app, t.id) else { return };
    let orders = customer_orders(app);
    let items = orders
        .iter()
        .map(|o| {
            let names: Vec<String> = o
                .items
                .iter()
                .map(|i| sahaya_text::sanitize_line(&i.name).into_owned())
                .collect();
            let label = format!(
                "{} · {} · {}",
                o.id,
                app.i18n.money(o.total),
                names.join(", ")
            );
            let on = OnOrder {
                ticket_id: t.id,
                order_id: o.id.clone(),
            };
            (label, Pick::Order(OrderPick::Order(on)))
        })
        .collect();
    let at = orders
        .iter()
        .position(|o| Some(&o.id) == t.order_id.as_ref())
        .unwrap_or(0);
    picker(app, "picker-order", items, at);
}

/// What is still possible of `kind` on the order, or why it is not.
fn kind_note(app: &App, on: &OnOrder, kind: ActionKind) -> Option<String> {
    let order = order_of(app, &on.order_id)?;
    if let Some(why) = not_possible(app, &order, kind) {
        return Some(why);
    }
    let money = |m| app.i18n.money(m);
    match kind {
        ActionKind::Refund => {
            let (total, left) = refundable(app, &on.order_id)?;
            Some(app.i18n.tr_args(
                "order-note-refundable",
                &[("left", money(left).into()), ("total", money(total).into())],
            ))
        }
        ActionKind::Return | ActionKind::Exchange => {
            let left: i64 = returnable(app, &order).iter().map(|i| i.quantity).sum();
            let ordered: i64 = order.items.iter().map(|i| i.quantity).sum();
            Some(app.i18n.tr_args(
                "order-note-returnable",
                &[("left", left.into()), ("ordered", ordered.into())],
            ))
        }
        ActionKind::Cancel => {
            let paid = matches!(
                order.payment_status,
                PaymentStatus::Paid | PaymentStatus::PartiallyRefunded
            );
            let (_, left) = refundable(app, &on.order_id)?;
            (order.payment_method != PaymentMethod::Cod && paid && left.minor > 0).then(|| {
                app.i18n.tr_args(
                    "order-note-cancel-refund",
                    &[("amount", money(left).into())],
                )
            })
        }
        ActionKind::AddressChange => Some(
            app.i18n.tr_args(
                "order-note-address",
                &[(
                    "address",
                    sahaya_text::sanitize_line(&order.delivery_address)
                        .into_owned()
                        .into(),
                )],
            ),
        ),
        ActionKind::Reattempt => None,
    }
}

pub fn chosen(app: &mut App, step: OrderPick) {
    match step {
        OrderPick::Order(on) => {
            if resume(app, on.ticket_id).is_none() {
                return;
            }
            let notes: Vec<Option<String>> = ActionKind::ALL
                .iter()
                .map(|k| kind_note(app, &on, *k))
                .collect();
            let first_possible = order_of(app, &on.order_id)
                .and_then(|o| {
                    ActionKind::ALL
                        .iter()
                        .position(|k| not_possible(app, &o, *k).is_none())
                })
                .unwrap_or(0);
            let items = ActionKind::ALL
                .iter()
                .zip(notes)
                .map(|(k, note)| {
                    let label = app.t(&format!("order-action-{}", k.as_str()));
                    (label, Pick::Order(OrderPick::Kind(on.clone(), *k, note)))
                })
                .collect();
            picker(app, "picker-order-action", items, first_possible);
        }
        OrderPick::Kind(on, kind, _) => {
            if !resume_for(app, &on, kind) {
                return;
            }
            match kind {
                ActionKind::Refund => order_steps::ask_amount(app, on),
                ActionKind::Return | ActionKind::Exchange => order_steps::ask_items(app, on, kind),
                ActionKind::Cancel => ask_reason(app, on, Details::Cancel),
                ActionKind::AddressChange => order_steps::ask_address(app, on),
                ActionKind::Reattempt => order_steps::ask_slot(app, on),
            }
        }
        OrderPick::Method(on, amount, method) => {
            order_steps::method_chosen(app, on, amount, method)
        }
        OrderPick::Items(on, kind, sku) => order_steps::items_chosen(app, on, kind, sku),
        OrderPick::Slot(on, slot) => {
            if resume_for(app, &on, ActionKind::Reattempt) {
                ask_confirmation(
                    app,
                    Request {
                        on,
                        details: Details::Reattempt(slot),
                        reason: String::new(),
                    },
                );
            }
        }
    }
}

/// A prompt of the order flow was answered; a refused value stays in the
/// prompt with the reason.
pub fn answered(app: &mut App, ask: OrderAsk, value: &str) -> Result<(), String> {
    if cached_ticket(app, ask.on().ticket_id).is_none() {
        return Ok(());
    }
    match ask {
        OrderAsk::Reason(on, details) => {
            let reason = required(app, value)?;
            if resume_for(app, &on, details.kind()) {
                ask_confirmation(
                    app,
                    Request {
                        on,
                        details,
                        reason,
                    },
                );
            }
            Ok(())
        }
        other => order_steps::answered(app, other, value),
    }
}
