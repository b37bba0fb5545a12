//! The questions an order action asks after its kind, only those it
//! needs: a refund's amount, method and (cash on delivery) the bank account
//! or UPI id; the items and quantities of a return or exchange and an
//! exchange's variant; a new address; a reattempt's slot. Values are
//! checked here with the server's rules, so a refused value stays in its
//! prompt with the reason.

use sahaya_protocol::domain::order_rules::{self, Refusal};
use sahaya_protocol::domain::{
    ActionKind, DeliveryAddress, DeliverySlot, ItemQuantity, Money, RefundDestination,
    RefundMethod, SlotWindow,
};

use super::order_confirm::{ask_confirmation, ask_reason, slot_label};
use super::order_request::{Details, OnOrder, OrderAsk, OrderPick, Request, resume_for};
use super::order_rules::{order_of, parse_amount, refundable, refusal, returnable};
use super::{Ask, Pick, picker, prompt, required};
use crate::app::App;

/// How many days of slots a reattempt offers (the server takes up to 7).
const SLOT_DAYS: i64 = 3;

/// How much to refund: the prompt says what is left; nothing left, a flash.
pub(super) fn ask_amount(app: &mut App, on: OnOrder) {
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

/// Where the money goes: the methods the order's payment allows.
fn ask_method(app: &mut App, on: OnOrder, amount: Money) {
    let Some(order) = order_of(app, &on.order_id) else {
        return;
    };
    let items = order_rules::refund_methods(&order)
        .iter()
        .map(|m| {
            let label = app.t(&format!("refund-method-{}", m.as_str()));
            let step = OrderPick::Method(on.clone(), amount, *m);
            (label, Pick::Order(step))
        })
        .collect();
    picker(app, "picker-refund-method", items, 0);
}

pub(super) fn method_chosen(app: &mut App, on: OnOrder, amount: Money, method: RefundMethod) {
    if !resume_for(app, &on, ActionKind::Refund) {
        return;
    }
    match method {
        RefundMethod::BankTransfer => {
            let title = app.t("prompt-ifsc");
            prompt(app, title, "", Ask::Order(OrderAsk::Ifsc(on, amount)));
        }
        RefundMethod::Upi => {
            let title = app.t("prompt-upi-id");
            prompt(app, title, "", Ask::Order(OrderAsk::UpiId(on, amount)));
        }
        RefundMethod::Source | RefundMethod::StoreCredit => {
            refund_reason(app, on, amount, method, None)
        }
    }
}

fn refund_reason(
    app: &mut App,
    on: OnOrder,
    amount: Money,
    method: RefundMethod,
    to: Option<RefundDestination>,
) {
    ask_reason(app, on, Details::Refund { amount, method, to });
}

/// The items of a return or exchange: asked only when there is a choice
/// (more than one piece left).
pub(super) fn ask_items(app: &mut App, on: OnOrder, kind: ActionKind) {
    let Some(order) = order_of(app, &on.order_id) else {
        return;
    };
    let left: Vec<ItemQuantity> = returnable(app, &order)
        .into_iter()
        .filter(|i| i.quantity > 0)
        .collect();
    if let [only] = left.as_slice()
        && only.quantity == 1
    {
        return items_settled(app, on, kind, left);
    }
    let pieces: i64 = left.iter().map(|i| i.quantity).sum();
    let mut items = vec![(
        app.i18n
            .tr_args("order-items-all", &[("count", pieces.into())]),
        Pick::Order(OrderPick::Items(on.clone(), kind, None)),
    )];
    for l in &left {
        let Some(item) = order.items.iter().find(|i| i.sku == l.sku) else {
            continue;
        };
        let mut name = sahaya_text::sanitize_line(&item.name).into_owned();
        if let Some(v) = &item.variant {
            name = format!("{name} ({})", sahaya_text::sanitize_line(v));
        }
        let label = app.i18n.tr_args(
            "order-item-left",
            &[
                ("name", name.into()),
                ("left", l.quantity.into()),
                ("ordered", item.quantity.into()),
            ],
        );
        let step = OrderPick::Items(on.clone(), kind, Some(l.sku.clone()));
        items.push((label, Pick::Order(step)));
    }
    picker(app, "picker-order-items", items, 0);
}

pub(super) fn items_chosen(app: &mut App, on: OnOrder, kind: ActionKind, sku: Option<String>) {
    if !resume_for(app, &on, kind) {
        return;
    }
    let Some(order) = order_of(app, &on.order_id) else {
        return;
    };
    let left = returnable(app, &order);
    match sku {
        None => {
            let all = left.into_iter().filter(|i| i.quantity > 0).collect();
            items_settled(app, on, kind, all);
        }
        Some(sku) => {
            let n = left.iter().find(|l| l.sku == sku).map_or(0, |l| l.quantity);
            if n == 1 {
                return items_settled(app, on, kind, vec![ItemQuantity { sku, quantity: 1 }]);
            }
            let name = order
                .items
                .iter()
                .find(|i| i.sku == sku)
                .map(|i| sahaya_text::sanitize_line(&i.name).into_owned())
                .unwrap_or_else(|| sku.clone());
            let title = app.i18n.tr_args(
                "prompt-quantity",
                &[("name", name.into()), ("left", n.into())],
            );
            prompt(
                app,
                title,
                "",
                Ask::Order(OrderAsk::Quantity(on, kind, sku)),
            );
        }
    }
}

/// The items are known: an exchange asks for the variant, a return why.
fn items_settled(app: &mut App, on: OnOrder, kind: ActionKind, items: Vec<ItemQuantity>) {
    if kind == ActionKind::Exchange {
        let title = app.t("prompt-exchange-variant");
        prompt(app, title, "", Ask::Order(OrderAsk::Variant(on, items)));
    } else {
        ask_reason(app, on, Details::Return { items });
    }
}

pub(super) fn ask_address(app: &mut App, on: OnOrder) {
    let title = app.t("prompt-address-line");
    prompt(app, title, "", Ask::Order(OrderAsk::AddressLine(on)));
}

/// The next days' slots, from tomorrow (the order's local date).
pub(super) fn ask_slot(app: &mut App, on: OnOrder) {
    let today = order_rules::local_date(app.now());
    let mut items = Vec::new();
    for days in 1..=SLOT_DAYS {
        let date = today + chrono::Duration::days(days);
        for window in SlotWindow::ALL {
            let slot = DeliverySlot {
                date,
                window: *window,
            };
            items.push((
                slot_label(app, &slot),
                Pick::Order(OrderPick::Slot(on.clone(), slot)),
            ));
        }
    }
    picker(app, "picker-slot", items, 0);
}

/// A value typed in one of these steps (the reason is `orders`').
pub(super) fn answered(app: &mut App, ask: OrderAsk, value: &str) -> Result<(), String> {
    let digits = crate::fmt::ascii_digits(value.trim());
    let check = |r: Result<String, Refusal>| r.map_err(|r| refusal(app, &r));
    match ask {
        OrderAsk::Amount(on) => {
            let amount = amount(app, &on, value)?;
            if resume_for(app, &on, ActionKind::Refund) {
                match amount {
                    Some(amount) => ask_method(app, on, amount),
                    // The order's total is not known here: ask again.
                    None => ask_amount(app, on),
                }
            }
        }
        OrderAsk::Ifsc(on, amount) => {
            let ifsc = check(order_rules::check_ifsc(&digits))?;
            let title = app.t("prompt-account-number");
            prompt(
                app,
                title,
                "",
                Ask::Order(OrderAsk::AccountNumber(on, amount, ifsc)),
            );
        }
        OrderAsk::AccountNumber(on, amount, ifsc) => {
            let account_number = check(order_rules::check_account_number(&digits))?;
            if resume_for(app, &on, ActionKind::Refund) {
                let to = RefundDestination::Bank {
                    ifsc,
                    account_number,
                };
                refund_reason(app, on, amount, RefundMethod::BankTransfer, Some(to));
            }
        }
        OrderAsk::UpiId(on, amount) => {
            let upi_id = check(order_rules::check_upi_id(value))?;
            if resume_for(app, &on, ActionKind::Refund) {
                let to = RefundDestination::Upi { upi_id };
                refund_reason(app, on, amount, RefundMethod::Upi, Some(to));
            }
        }
        OrderAsk::Quantity(on, kind, sku) => {
            let Some(order) = order_of(app, &on.order_id) else {
                return Ok(());
            };
            let left = returnable(app, &order)
                .iter()
                .find(|l| l.sku == sku)
                .map_or(0, |l| l.quantity);
            match digits.parse::<i64>() {
                Ok(n) if (1..=left).contains(&n) => {
                    if resume_for(app, &on, kind) {
                        items_settled(app, on, kind, vec![ItemQuantity { sku, quantity: n }]);
                    }
                }
                _ => return Err(app.i18n.tr_args("error-quantity", &[("left", left.into())])),
            }
        }
        OrderAsk::Variant(on, items) => {
            let variant = required(app, value)?;
            if resume_for(app, &on, ActionKind::Exchange) {
                ask_reason(app, on, Details::Exchange { items, variant });
            }
        }
        OrderAsk::AddressLine(on) => {
            let line = required(app, value)?;
            let title = app.t("prompt-city");
            prompt(app, title, "", Ask::Order(OrderAsk::City(on, line)));
        }
        OrderAsk::City(on, line) => {
            let city = required(app, value)?;
            let nepal = order_of(app, &on.order_id)
                .is_some_and(|o| o.total.currency == sahaya_protocol::domain::Currency::Npr);
            let title = app.t(if nepal {
                "prompt-postal-code-np"
            } else {
                "prompt-pin-code"
            });
            prompt(
                app,
                title,
                "",
                Ask::Order(OrderAsk::PostalCode(on, line, city)),
            );
        }
        OrderAsk::PostalCode(on, line, city) => {
            let Some(order) = order_of(app, &on.order_id) else {
                return Ok(());
            };
            let typed = DeliveryAddress {
                line,
                city,
                postal_code: digits,
            };
            let address = order_rules::check_address(order.total.currency, &typed)
                .map_err(|r| refusal(app, &r))?;
            if resume_for(app, &on, ActionKind::AddressChange) {
                ask_confirmation(
                    app,
                    Request {
                        on,
                        details: Details::AddressChange(address),
                        reason: String::new(),
                    },
                );
            }
        }
        OrderAsk::Reason(on, details) => ask_reason(app, on, details),
    }
    Ok(())
}
