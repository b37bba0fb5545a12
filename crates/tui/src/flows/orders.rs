//! Order actions on an order of the ticket's customer: the order, the
//! action (each with what is still possible on it, or why not), then only
//! what that action needs (see `order_steps`), a reason where the server
//! keeps one, and a confirmation. Each step's type holds exactly what the
//! steps before it settled.
//!
//! Every step starts by looking at the cache again (the ticket is open, the
//! customer has orders, the action is still possible), as the cache may
//! have changed while the agent was answering.

use sahaya_protocol::domain::{
    ActionKind, DeliveryAddress, DeliverySlot, ItemQuantity, Money, PaymentMethod, PaymentStatus,
    RefundDestination, RefundMethod, Ticket, TicketId,
};
use sahaya_protocol::wire::NewOrderAction;
use sahaya_store::OutboxOp;

use super::order_rules::{not_possible, order_of, refundable, returnable};
use super::order_steps;
use super::{
    Ask, Confirmed, Pick, cached_ticket, confirm, enqueue_and_say, need_ticket, picker, prompt,
    required,
};
use crate::app::App;

/// The order an action is about, on the ticket it is taken from.
#[derive(Debug, Clone, PartialEq)]
pub struct OnOrder {
    pub ticket_id: TicketId,
    pub order_id: String,
}

/// What the action is, with what only that kind needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    Refund {
        amount: Money,
        method: RefundMethod,
        to: Option<RefundDestination>,
    },
    Return {
        items: Vec<ItemQuantity>,
    },
    Exchange {
        items: Vec<ItemQuantity>,
        variant: String,
    },
    Cancel,
    AddressChange(DeliveryAddress),
    Reattempt(DeliverySlot),
}

impl Details {
    pub fn kind(&self) -> ActionKind {
        match self {
            Details::Refund { .. } => ActionKind::Refund,
            Details::Return { .. } => ActionKind::Return,
            Details::Exchange { .. } => ActionKind::Exchange,
            Details::Cancel => ActionKind::Cancel,
            Details::AddressChange(_) => ActionKind::AddressChange,
            Details::Reattempt(_) => ActionKind::Reattempt,
        }
    }
}

/// A complete request, waiting for the agent's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub on: OnOrder,
    pub details: Details,
    /// Empty for an address change or a reattempt (the server keeps none).
    pub reason: String,
}

/// The order steps answered in a picker.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderPick {
    Order(OnOrder),
    /// An action, with what is still possible on the order or why it is
    /// not (shown under the picker).
    Kind(OnOrder, ActionKind, Option<String>),
    /// A refund's method, its amount settled.
    Method(OnOrder, Money, RefundMethod),
    /// The items of a return or exchange: one item (its SKU), or None for
    /// everything left.
    Items(OnOrder, ActionKind, Option<String>),
    /// When the courier tries again.
    Slot(OnOrder, DeliverySlot),
}

impl OrderPick {
    /// The line shown under the picker while this item is highlighted.
    pub fn note(&self) -> Option<&str> {
        match self {
            OrderPick::Kind(_, _, note) => note.as_deref(),
            _ => None,
        }
    }
}

/// The order steps answered in a prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderAsk {
    /// How much to refund.
    Amount(OnOrder),
    /// A COD refund to a bank: the branch's IFSC, then the account number.
    Ifsc(OnOrder, Money),
    AccountNumber(OnOrder, Money, String),
    /// A COD refund by UPI: the customer's UPI id.
    UpiId(OnOrder, Money),
    /// How many pieces of one item (its SKU) to return or exchange.
    Quantity(OnOrder, ActionKind, String),
    /// The replacement size or variant of an exchange of these items.
    Variant(OnOrder, Vec<ItemQuantity>),
    /// A new delivery address: the line, the city, the postal code.
    AddressLine(OnOrder),
    City(OnOrder, String),
    PostalCode(OnOrder, String, String),
    Reason(OnOrder, Details),
}

impl OrderAsk {
    fn on(&self) -> &OnOrder {
        match self {
            OrderAsk::Amount(on)
            | OrderAsk::Ifsc(on, _)
            | OrderAsk::AccountNumber(on, ..)
            | OrderAsk::UpiId(on, _)
            | OrderAsk::Quantity(on, ..)
            | OrderAsk::Variant(on, _)
            | OrderAsk::AddressLine(on)
            | OrderAsk::City(on, _)
            | OrderAsk::PostalCode(on, ..)
            | OrderAsk::Reason(on, _) => on,
        }
    }
}

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

fn customer_orders(app: &App) -> Vec<sahaya_protocol::domain::Order> {
    app.open
        .as_ref()
        .and_then(|o| o.customer.as_ref())
        .map(|c| c.orders.clone())
        .unwrap_or_default()
}

/// The start of every step: the ticket (None when it left the cache) is
/// open and its customer has orders (else a flash says so).
fn resume(app: &mut App, ticket_id: TicketId) -> Option<Ticket> {
    let ticket = cached_ticket(app, ticket_id)?;
    if app.open.as_ref().map(|o| o.ticket.id) != Some(ticket.id) {
        app.open_ticket(ticket.id);
    }
    if customer_orders(app).is_empty() {
        let text = app.t("no-orders");
        app.flash(text);
        return None;
    }
    Some(ticket)
}

/// `resume`, and the action still possible on the order (else a flash
/// says why the server would refuse it).
pub(super) fn resume_for(app: &mut App, on: &OnOrder, kind: ActionKind) -> bool {
    if resume(app, on.ticket_id).is_none() {
        return false;
    }
    let refusal = order_of(app, &on.order_id).and_then(|o| not_possible(app, &o, kind));
    if let Some(reason) = refusal {
        app.flash(reason);
        return false;
    }
    true
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

pub(super) fn ask_reason(app: &mut App, on: OnOrder, details: Details) {
    let title = app.t("prompt-reason");
    prompt(app, title, "", Ask::Order(OrderAsk::Reason(on, details)));
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

pub(super) fn ask_confirmation(app: &mut App, request: Request) {
    let kind = request.details.kind();
    let action = app.t(&format!("order-action-{}", kind.as_str()));
    let what = order_steps::describe(app, &request);
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
