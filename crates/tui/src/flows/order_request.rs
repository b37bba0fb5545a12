//! What an order action is, step by step: the order it is on, the kind
//! with what only that kind needs, the complete request; the pickers' and
//! prompts' steps; and the check every step starts with (the ticket is
//! still open, its customer has orders, the action is still possible).

use sahaya_protocol::domain::{
    ActionKind, DeliveryAddress, DeliverySlot, ItemQuantity, Money, RefundDestination,
    RefundMethod, Ticket, TicketId,
};

use super::cached_ticket;
use super::order_rules::{not_possible, order_of};
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
    pub(super) fn on(&self) -> &OnOrder {
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

pub(super) fn customer_orders(app: &App) -> Vec<sahaya_protocol::domain::Order> {
    app.open
        .as_ref()
        .and_then(|o| o.customer.as_ref())
        .map(|c| c.orders.clone())
        .unwrap_or_default()
}

/// The start of every step: the ticket (None when it left the cache) is
/// open and its customer has orders (else a flash says so).
pub(super) fn resume(app: &mut App, ticket_id: TicketId) -> Option<Ticket> {
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
