//! Refunds, returns and exchanges on an order of the ticket's customer:
//! the order, the action, then its details (a refund's amount and method,
//! an exchange's variant), a reason, and a confirmation. Each step's type
//! holds exactly what the steps before it settled.
//!
//! Every step starts by looking at the cache again (the ticket is open, the
//! customer has orders, the action is still possible), as the cache may
//! have changed while the agent was answering.

use sahaya_protocol::domain::{ActionKind, Money, PaymentMethod, RefundMethod, Ticket, TicketId};
use sahaya_protocol::wire::NewOrderAction;
use sahaya_store::OutboxOp;

use super::order_rules::{not_possible, order_of, parse_amount, refundable};
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
    Refund { amount: Money, method: RefundMethod },
    Return,
    Exchange { variant: String },
}

impl Details {
    pub fn kind(&self) -> ActionKind {
        match self {
            Details::Refund { .. } => ActionKind::Refund,
            Details::Return => ActionKind::Return,
            Details::Exchange { .. } => ActionKind::Exchange,
        }
    }
}

/// A complete request, waiting for the agent's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub on: OnOrder,
    pub details: Details,
    pub reason: String,
}

/// The order steps answered in a picker.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderPick {
    Order(OnOrder),
    Kind(OnOrder, ActionKind),
    /// A refund's method, its amount settled.
    Method(OnOrder, Money, RefundMethod),
}

/// The order steps answered in a prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderAsk {
    /// How much to refund.
    Amount(OnOrder),
    /// The replacement size or variant of an exchange.
    Variant(OnOrder),
    Reason(OnOrder, Details),
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
fn resume_for(app: &mut App, on: &OnOrder, kind: ActionKind) -> bool {
    if resume(app, on.ticket_id).is_none() {
        return false;
    }
    let refusal = order_of(app, &on.order_id).and_then(|o| not_possible(app, &o, kind));
    if let Some(reason) = refusal {
        let text = app.t(reason);
        app.flash(text);
        return false;
    }
    true
}

pub fn chosen(app: &mut App, step: OrderPick) {
    match step {
        OrderPick::Order(on) => {
            if resume(app, on.ticket_id).is_none() {
                return;
            }
            let items = ActionKind::ALL
                .iter()
                .map(|k| {
                    let label = app.t(&format!("order-action-{}", k.as_str()));
                    (label, Pick::Order(OrderPick::Kind(on.clone(), *k)))
                })
                .collect();
            picker(app, "picker-order-action", items, 0);
        }
        OrderPick::Kind(on, kind) => {
            if !resume_for(app, &on, kind) {
                return;
            }
            match kind {
                ActionKind::Refund => ask_amount(app, on),
                ActionKind::Return => ask_reason(app, on, Details::Return),
                ActionKind::Exchange => {
                    let title = app.t("prompt-exchange-variant");
                    prompt(app, title, "", Ask::Order(OrderAsk::Variant(on)));
                }
            }
        }
        OrderPick::Method(on, amount, method) => {
            if resume_for(app, &on, ActionKind::Refund) {
                ask_reason(app, on, Details::Refund { amount, method });
            }
        }
    }
}

/// How much to refund: the prompt says what is left; nothing left, a flash.
fn ask_amount(app: &mut App, on: OnOrder) {
    let title = match refundable(app, &on.order_id) {
        Some((total, left)) if left.minor == 0 => {
            let text = app.i18n.tr_args(
                "error-refunded-in-full",
                &[
                    ("order", on.order_id.clone().into()),
                    ("total", app.i18n.money(total).into()),
                ],
            );
            app.flash(text);
            return;
        }
        Some((total, left)) if left.minor < total.minor => app.i18n.tr_args(
            "prompt-refund-amount-left",
            &[
                ("left", app.i18n.money(left).into()),
                ("total", app.i18n.money(total).into()),
            ],
        ),
        other => {
            let total = other.map(|(t, _)| app.i18n.money(t)).unwrap_or_default();
            app.i18n
                .tr_args("prompt-refund-amount", &[("total", total.into())])
        }
    };
    prompt(app, title, "", Ask::Order(OrderAsk::Amount(on)));
}

/// How a refund is paid back: not to the source for cash on delivery.
fn ask_method(app: &mut App, on: OnOrder, amount: Money) {
    let cod = order_of(app, &on.order_id).is_some_and(|o| o.payment_method == PaymentMethod::Cod);
    let items = RefundMethod::ALL
        .iter()
        .filter(|m| !(cod && **m == RefundMethod::Source))
        .map(|m| {
            let label = app.t(&format!("refund-method-{}", m.as_str()));
            let step = OrderPick::Method(on.clone(), amount, *m);
            (label, Pick::Order(step))
        })
        .collect();
    picker(app, "picker-refund-method", items, 0);
}

fn ask_reason(app: &mut App, on: OnOrder, details: Details) {
    let title = app.t("prompt-reason");
    prompt(app, title, "", Ask::Order(OrderAsk::Reason(on, details)));
}

/// A prompt of the order flow was answered; a refused value stays in the
/// prompt with the reason.
pub fn answered(app: &mut App, ask: OrderAsk, value: &str) -> Result<(), String> {
    let ticket_id = match &ask {
        OrderAsk::Amount(on) | OrderAsk::Variant(on) | OrderAsk::Reason(on, _) => on.ticket_id,
    };
    if cached_ticket(app, ticket_id).is_none() {
        return Ok(());
    }
    match ask {
        OrderAsk::Amount(on) => {
            let amount = amount(app, &on, value)?;
            if !resume_for(app, &on, ActionKind::Refund) {
                return Ok(());
            }
            match amount {
                Some(amount) => ask_method(app, on, amount),
                // The order's total is not known here: ask again.
                None => ask_amount(app, on),
            }
        }
        OrderAsk::Variant(on) => {
            let variant = required(app, value)?;
            if resume_for(app, &on, ActionKind::Exchange) {
                ask_reason(app, on, Details::Exchange { variant });
            }
        }
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
        }
    }
    Ok(())
}

/// The amount typed, checked against what is left to refund (None when the
/// order's total is not in the cache).
fn amount(app: &App, on: &OnOrder, value: &str) -> Result<Option<Money>, String> {
    let limits = refundable(app, &on.order_id);
    let left = limits.map_or(i64::MAX, |(_, left)| left.minor);
    match parse_amount(value) {
        Some(minor) if minor > 0 && minor <= left => Ok(limits.map(|(total, _)| Money {
            minor,
            currency: total.currency,
        })),
        Some(minor) if minor > left => {
            let left = limits.map(|(_, l)| app.i18n.money(l)).unwrap_or_default();
            Err(app
                .i18n
                .tr_args("error-refund-too-much", &[("left", left.into())]))
        }
        _ => Err(app.t("error-bad-amount")),
    }
}

fn ask_confirmation(app: &mut App, request: Request) {
    let kind = request.details.kind();
    let action = app.t(&format!("order-action-{}", kind.as_str()));
    let order = match &request.details {
        Details::Refund { amount, .. } => {
            format!("{} ({})", request.on.order_id, app.i18n.money(*amount))
        }
        Details::Return | Details::Exchange { .. } => request.on.order_id.clone(),
    };
    let question = app.i18n.tr_args(
        "confirm-order-action",
        &[("action", action.into()), ("order", order.into())],
    );
    confirm(app, question, Confirmed::Order(request));
}

/// Yes: the request goes to the outbox.
pub fn confirmed(app: &mut App, request: Request) {
    let kind = request.details.kind();
    let (amount, refund_method, replacement_variant) = match request.details {
        Details::Refund { amount, method } => (Some(amount), Some(method), None),
        Details::Return => (None, None, None),
        Details::Exchange { variant } => (None, None, Some(variant)),
    };
    let op = OutboxOp::OrderAction {
        order_id: request.on.order_id,
        request: NewOrderAction {
            kind,
            reason: request.reason,
            amount,
            refund_method,
            skus: Vec::new(),
            replacement_variant,
        },
    };
    enqueue_and_say(app, op);
}
