//! The rules of order actions, shared by the reference server (which
//! enforces them) and the console (which says them before the agent types
//! the details). Each refusal has a stable code (the API's error code, the
//! console's message id `rejected-<code>`) and an English sentence saying
//! what is wrong and what to do.

use std::collections::HashMap;

use super::{
    ActionKind, ActionStatus, Currency, DeliveryAddress, DeliverySlot, ItemQuantity, Order,
    OrderAction, PaymentMethod, PaymentStatus, RefundDestination, RefundMethod, ShipmentStatus,
    Timestamp,
};

/// Why an order action is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    OrderCancelled,
    AlreadyDispatched,
    NotDelivered,
    AlreadyOpen(ActionKind),
    NotFailedDelivery,
    NotPaid,
    CodNotDelivered,
    RefundToSource,
    CodRefundMethod,
    MissingRefundDestination,
    WrongRefundDestination,
    BadIfsc,
    BadAccountNumber,
    BadUpiId,
    MissingAddress,
    BadPinCode,
    BadPostalCode,
    MissingSlot,
    BadSlot,
    UnknownItem(String),
    BadQuantity { sku: String, left: i64 },
    NothingLeft,
}

impl Refusal {
    /// The API's error code.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::OrderCancelled => "order_cancelled",
            Refusal::AlreadyDispatched => "already_dispatched",
            Refusal::NotDelivered => "not_delivered",
            Refusal::AlreadyOpen(_) => "already_open",
            Refusal::NotFailedDelivery => "not_failed_delivery",
            Refusal::NotPaid => "not_paid",
            Refusal::CodNotDelivered => "cod_not_delivered",
            Refusal::RefundToSource => "refund_to_source",
            Refusal::CodRefundMethod => "cod_refund_method",
            Refusal::MissingRefundDestination => "missing_refund_destination",
            Refusal::WrongRefundDestination => "wrong_refund_destination",
            Refusal::BadIfsc => "bad_ifsc",
            Refusal::BadAccountNumber => "bad_account_number",
            Refusal::BadUpiId => "bad_upi_id",
            Refusal::MissingAddress => "missing_address",
            Refusal::BadPinCode => "bad_pin_code",
            Refusal::BadPostalCode => "bad_postal_code",
            Refusal::MissingSlot => "missing_slot",
            Refusal::BadSlot => "bad_slot",
            Refusal::UnknownItem(_) => "unknown_item",
            Refusal::BadQuantity { .. } => "bad_quantity",
            Refusal::NothingLeft => "nothing_left",
        }
    }

    /// What is wrong and what to do, in English (the API's message).
    pub fn message(&self) -> String {
        match self {
            Refusal::OrderCancelled => "the order is cancelled; nothing more can be done to it".into(),
            Refusal::AlreadyDispatched => "the order has left the warehouse; once delivered, offer a return instead".into(),
            Refusal::NotDelivered => "the order has not been delivered yet; a return or exchange waits for delivery".into(),
            Refusal::AlreadyOpen(kind) => format!("the order already has an open {kind}; update that one"),
            Refusal::NotFailedDelivery => "only a failed delivery can be tried again".into(),
            Refusal::NotPaid => "the order was never paid; there is nothing to refund".into(),
            Refusal::CodNotDelivered => "a cash-on-delivery order is paid at the door: nothing to refund before it is delivered".into(),
            Refusal::RefundToSource => "a prepaid order is refunded to where it was paid from (or as store credit)".into(),
            Refusal::CodRefundMethod => "a cash-on-delivery order has no source to refund to; choose a bank account, a UPI id or store credit".into(),
            Refusal::MissingRefundDestination => "say where the money goes: the bank account (IFSC and number) or the UPI id".into(),
            Refusal::WrongRefundDestination => "the destination does not match the method: a bank transfer needs a bank account, UPI a UPI id".into(),
            Refusal::BadIfsc => "an IFSC has 11 characters: 4 letters, a 0, then 6 letters or digits (SBIN0001234)".into(),
            Refusal::BadAccountNumber => "a bank account number has 9 to 18 digits".into(),
            Refusal::BadUpiId => "a UPI id looks like name@bank (ramesh@okaxis)".into(),
            Refusal::MissingAddress => "an address needs the house and street, and the city".into(),
            Refusal::BadPinCode => "a PIN code in India has 6 digits and does not start with 0".into(),
            Refusal::BadPostalCode => "a postal code in Nepal has 5 digits (44600 for Kathmandu)".into(),
            Refusal::MissingSlot => "a reattempt needs a day and a time of day".into(),
            Refusal::BadSlot => "the reattempt can be booked from tomorrow up to 7 days ahead".into(),
            Refusal::UnknownItem(sku) => format!("the order has no item {sku}"),
            Refusal::BadQuantity { sku, left } => format!("item {sku}: choose between 1 and {left} (ordered less already returned or exchanged)"),
            Refusal::NothingLeft => "every item of the order was already returned or exchanged".into(),
        }
    }
}

/// How many days ahead a reattempt can be booked.
pub const SLOT_DAYS_AHEAD: i64 = 7;

/// The actions of `actions` on `order` that were not refused.
fn standing<'a>(
    order: &'a Order,
    actions: &'a [OrderAction],
) -> impl Iterator<Item = &'a OrderAction> + 'a {
    actions
        .iter()
        .filter(move |a| a.order_id == order.id && a.status != ActionStatus::Rejected)
}

/// Cancelled: a cancellation on it was not refused.
pub fn is_cancelled(order: &Order, actions: &[OrderAction]) -> bool {
    standing(order, actions).any(|a| a.kind == ActionKind::Cancel)
}

/// Handed to the carrier (anything past "packed").
pub fn is_dispatched(order: &Order) -> bool {
    order
        .shipment
        .as_ref()
        .is_some_and(|s| s.status != ShipmentStatus::Packed)
}

/// Whether `kind` may be started on `order`, before its details: the
/// order's state alone.
pub fn may(order: &Order, kind: ActionKind, actions: &[OrderAction]) -> Result<(), Refusal> {
    if is_cancelled(order, actions) {
        return Err(Refusal::OrderCancelled);
    }
    let open = |k: ActionKind| order.has_open(k, actions.iter());
    match kind {
        ActionKind::Cancel | ActionKind::AddressChange => {
            if is_dispatched(order) {
                return Err(Refusal::AlreadyDispatched);
            }
        }
        ActionKind::Reattempt => {
            let failed = order
                .shipment
                .as_ref()
                .is_some_and(|s| s.status == ShipmentStatus::DeliveryFailed);
            if !failed {
                return Err(Refusal::NotFailedDelivery);
            }
            if open(kind) {
                return Err(Refusal::AlreadyOpen(kind));
            }
        }
        ActionKind::Return | ActionKind::Exchange => {
            if !order.is_delivered() {
                return Err(Refusal::NotDelivered);
            }
            if open(kind) {
                return Err(Refusal::AlreadyOpen(kind));
            }
            if returnable(order, actions).iter().all(|i| i.quantity == 0) {
                return Err(Refusal::NothingLeft);
            }
        }
        ActionKind::Refund => {
            if order.payment_method == PaymentMethod::Cod {
                if !order.is_delivered() {
                    return Err(Refusal::CodNotDelivered);
                }
            } else if matches!(
                order.payment_status,
                PaymentStatus::Pending | PaymentStatus::Failed
            ) {
                return Err(Refusal::NotPaid);
            }
        }
    }
    Ok(())
}

/// Where a refund of `order` may go: a prepaid order back to its source
/// (or store credit); cash on delivery to a bank account, a UPI id or
/// store credit.
pub fn refund_methods(order: &Order) -> &'static [RefundMethod] {
    if order.payment_method == PaymentMethod::Cod {
        &[
            RefundMethod::BankTransfer,
            RefundMethod::Upi,
            RefundMethod::StoreCredit,
        ]
    } else {
        &[RefundMethod::Source, RefundMethod::StoreCredit]
    }
}

/// Checks a refund's method and destination on `order`; the destination
/// cleaned (trimmed, IFSC in capitals), or None when the method needs none.
pub fn check_refund_to(
    order: &Order,
    method: RefundMethod,
    to: Option<&RefundDestination>,
) -> Result<Option<RefundDestination>, Refusal> {
    if !refund_methods(order).contains(&method) {
        return Err(if order.payment_method == PaymentMethod::Cod {
            Refusal::CodRefundMethod
        } else {
            Refusal::RefundToSource
        });
    }
    match (method, to) {
        (RefundMethod::Source | RefundMethod::StoreCredit, _) => Ok(None),
        (_, None) => Err(Refusal::MissingRefundDestination),
        (
            RefundMethod::BankTransfer,
            Some(RefundDestination::Bank {
                ifsc,
                account_number,
            }),
        ) => Ok(Some(RefundDestination::Bank {
            ifsc: check_ifsc(ifsc)?,
            account_number: check_account_number(account_number)?,
        })),
        (RefundMethod::Upi, Some(RefundDestination::Upi { upi_id })) => {
            Ok(Some(RefundDestination::Upi {
                upi_id: check_upi_id(upi_id)?,
            }))
        }
        _ => Err(Refusal::WrongRefundDestination),
    }
}

/// An IFSC: 4 letters (the bank), `0`, 6 letters or digits (the branch).
pub fn check_ifsc(text: &str) -> Result<String, Refusal> {
    let ifsc = text.trim().to_ascii_uppercase();
    let b = ifsc.as_bytes();
    let ok = b.len() == 11
        && b[..4].iter().all(u8::is_ascii_uppercase)
        && b[4] == b'0'
        && b[5..].iter().all(u8::is_ascii_alphanumeric);
    if ok { Ok(ifsc) } else { Err(Refusal::BadIfsc) }
}

/// A bank account number: 9 to 18 digits (spaces ignored).
pub fn check_account_number(text: &str) -> Result<String, Refusal> {
    let n: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if (9..=18).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) {
        Ok(n)
    } else {
        Err(Refusal::BadAccountNumber)
    }
}

/// A UPI id: `name@handle`, the name of letters, digits, `.`, `-`, `_`
/// (2–256), the handle of letters and digits (2–64), starting with a letter.
pub fn check_upi_id(text: &str) -> Result<String, Refusal> {
    let id = text.trim();
    let Some((name, handle)) = id.split_once('@') else {
        return Err(Refusal::BadUpiId);
    };
    let name_ok = (2..=256).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    let handle_ok = (2..=64).contains(&handle.len())
        && handle.bytes().all(|b| b.is_ascii_alphanumeric())
        && handle
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic());
    if name_ok && handle_ok {
        Ok(id.to_string())
    } else {
        Err(Refusal::BadUpiId)
    }
}

/// Checks a new delivery address for an order paid in `currency` (INR:
/// India, 6-digit PIN code not starting with 0; NPR: Nepal, 5-digit postal
/// code from 10000 to 57999); the address trimmed.
pub fn check_address(
    currency: Currency,
    address: &DeliveryAddress,
) -> Result<DeliveryAddress, Refusal> {
    let line = address.line.trim();
    let city = address.city.trim();
    if line.is_empty() || city.is_empty() || line.len() > 300 || city.len() > 100 {
        return Err(Refusal::MissingAddress);
    }
    let code = address.postal_code.trim();
    let digits = code.bytes().all(|b| b.is_ascii_digit());
    let first = code.bytes().next().unwrap_or(b'0');
    match currency {
        Currency::Inr if !(digits && code.len() == 6 && first != b'0') => Err(Refusal::BadPinCode),
        Currency::Npr if !(digits && code.len() == 5 && (b'1'..=b'5').contains(&first)) => {
            Err(Refusal::BadPostalCode)
        }
        _ => Ok(DeliveryAddress {
            line: line.to_string(),
            city: city.to_string(),
            postal_code: code.to_string(),
        }),
    }
}

/// The local date (India and Nepal: UTC+5:30 is near enough) at `now`.
pub fn local_date(now: Timestamp) -> chrono::NaiveDate {
    (now + chrono::Duration::minutes(330)).date_naive()
}

/// A reattempt's slot: from tomorrow up to [`SLOT_DAYS_AHEAD`] days ahead.
pub fn check_slot(slot: Option<&DeliverySlot>, now: Timestamp) -> Result<DeliverySlot, Refusal> {
    let slot = slot.ok_or(Refusal::MissingSlot)?;
    let days = (slot.date - local_date(now)).num_days();
    if (1..=SLOT_DAYS_AHEAD).contains(&days) {
        Ok(*slot)
    } else {
        Err(Refusal::BadSlot)
    }
}

/// Per item of `order`, how many pieces can still be returned or
/// exchanged: ordered, less those in returns and exchanges not refused (one
/// naming no items took the whole order).
pub fn returnable(order: &Order, actions: &[OrderAction]) -> Vec<ItemQuantity> {
    let mut taken: HashMap<&str, i64> = HashMap::new();
    for a in standing(order, actions)
        .filter(|a| matches!(a.kind, ActionKind::Return | ActionKind::Exchange))
    {
        if !a.items.is_empty() {
            for i in &a.items {
                *taken.entry(i.sku.as_str()).or_default() += i.quantity;
            }
        } else {
            for item in &order.items {
                if a.skus.is_empty() || a.skus.contains(&item.sku) {
                    *taken.entry(item.sku.as_str()).or_default() += item.quantity;
                }
            }
        }
    }
    order
        .items
        .iter()
        .map(|i| ItemQuantity {
            sku: i.sku.clone(),
            quantity: (i.quantity - taken.get(i.sku.as_str()).copied().unwrap_or(0)).max(0),
        })
        .collect()
}

/// Checks the items of a return or exchange against what is left; an
/// empty list means everything left. Repeated SKUs add up.
pub fn check_items(
    order: &Order,
    actions: &[OrderAction],
    requested: &[ItemQuantity],
) -> Result<Vec<ItemQuantity>, Refusal> {
    let left = returnable(order, actions);
    if requested.is_empty() {
        let all: Vec<ItemQuantity> = left.into_iter().filter(|i| i.quantity > 0).collect();
        return if all.is_empty() {
            Err(Refusal::NothingLeft)
        } else {
            Ok(all)
        };
    }
    let mut out: Vec<ItemQuantity> = Vec::new();
    for r in requested {
        let Some(l) = left.iter().find(|l| l.sku == r.sku) else {
            return Err(Refusal::UnknownItem(r.sku.clone()));
        };
        match out.iter_mut().find(|o| o.sku == r.sku) {
            Some(o) => o.quantity += r.quantity,
            None => out.push(r.clone()),
        }
        let total = out
            .iter()
            .find(|o| o.sku == r.sku)
            .map_or(0, |o| o.quantity);
        if r.quantity < 1 || total > l.quantity {
            return Err(Refusal::BadQuantity {
                sku: r.sku.clone(),
                left: l.quantity,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "order_rules_tests.rs"]
mod tests;
