//! Order actions in the console: each asks only what it needs, says what is
//! still possible and why the server would refuse, checks what is typed
//! with the server's rules, and queues one outbox entry.

use super::*;
use sahaya::domain::order_rules::{self, Refusal};
use sahaya::domain::{
    Currency, ItemQuantity, OrderAction, PaymentStatus, RefundDestination, SlotWindow,
};

/// Every action on the customer's orders the cache knows.
fn actions(c: &CustomerDetail) -> Vec<OrderAction> {
    [&c.refunds, &c.returns, &c.exchanges, &c.changes]
        .into_iter()
        .flatten()
        .cloned()
        .collect()
}

fn possible(c: &CustomerDetail, o: &Order, kind: ActionKind) -> bool {
    order_rules::may(o, kind, &actions(c)).is_ok()
}

/// Opens the order actions of `order` (on the open ticket).
fn actions_of(ui: &mut Ui, order: &Order) {
    ui.press("o");
    ui.type_text(&order.id);
    ui.press("enter");
    assert_eq!(overlay_title(ui).as_deref(), Some("Order actions"));
}

/// The note of the picker item labelled `label`.
fn note(ui: &Ui, label: &str) -> Option<String> {
    match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p
            .items
            .iter()
            .find(|(l, _)| l == label)
            .and_then(|(_, pick)| pick.note().map(str::to_string)),
        _ => panic!("no picker open"),
    }
}

fn prompt_error(ui: &Ui) -> Option<String> {
    match &ui.app.overlay {
        Some(Overlay::Prompt(p)) => p.error.clone(),
        _ => None,
    }
}

fn money(m: Money) -> String {
    sahaya::ui::fmt::money(m)
}

#[test]
fn the_action_picker_says_what_is_still_possible() {
    let mut ui = Ui::new(80, 24);
    let (key, t, order) = ticket_with_order(&ui, true);
    ui.open(key, t.id);
    actions_of(&mut ui, &order);
    let c = ui.store().customer_detail(t.customer_id).unwrap().unwrap();
    let left = order.refundable(&actions(&c));
    let line = format!("{} of {} refundable", money(left), money(order.total));
    assert_eq!(note(&ui, "Refund"), Some(line.clone()));
    // Refund is possible, so it is highlighted and its line is drawn.
    let s = ui.render();
    assert_clean(&ui, &s);
    s.assert_has(&line);
    let cancel = note(&ui, "Cancel the order").expect("a line for cancelling");
    if order_rules::is_dispatched(&order) {
        assert_eq!(
            cancel,
            "The order has left the warehouse; once it is delivered, offer a return instead"
        );
        ui.pick("Cancel the order");
        assert!(ui.app.overlay.is_none(), "no questions asked");
        ui.render().assert_has("The order has left the warehouse");
        assert!(ui.pending().is_empty());
    }
}

#[test]
fn cancel_before_dispatch_asks_why_and_queues_once() {
    let mut ui = Ui::new(160, 45);
    let (key, t, order) = ticket_with_order_where(&ui, |c, o| {
        possible(c, o, ActionKind::Cancel) && o.payment_method != PaymentMethod::Cod
    });
    ui.open(key, t.id);
    actions_of(&mut ui, &order);
    if order.payment_status == PaymentStatus::Paid {
        let c = ui.store().customer_detail(t.customer_id).unwrap().unwrap();
        let left = order.refundable(&actions(&c));
        // Nothing left to refund (refunded already): the note says nothing.
        let back = money(left);
        assert_eq!(
            note(&ui, "Cancel the order"),
            (left.minor > 0).then(|| format!("{back} goes back to where it was paid from"))
        );
    }
    ui.pick("Cancel the order");
    assert_eq!(overlay_title(&ui).as_deref(), Some("Reason"));
    ui.type_text("ordered twice");
    ui.press("enter");
    ui.render().assert_has("Confirm Cancel the order");
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { order_id, request } => {
            assert_eq!(order_id, order.id);
            assert_eq!(request.kind, ActionKind::Cancel);
            assert_eq!(request.reason, "ordered twice");
        }
        other => panic!("{other:?}"),
    }
    // Queued here, the order counts as cancelled: nothing more.
    actions_of(&mut ui, &order);
    ui.pick("New delivery address");
    assert!(ui.app.overlay.is_none());
    ui.render()
        .assert_has("The order is cancelled; nothing more can be done to it");
}

#[test]
fn address_change_checks_the_pin_code_and_takes_kannada_digits() {
    let mut ui = Ui::new(160, 45);
    let (key, t, order) = ticket_with_order_where(&ui, |c, o| {
        possible(c, o, ActionKind::AddressChange) && o.total.currency == Currency::Inr
    });
    ui.open(key, t.id);
    actions_of(&mut ui, &order);
    let now = note(&ui, "New delivery address").unwrap();
    assert!(now.starts_with("Now: "), "{now}");
    ui.pick("New delivery address");
    assert_eq!(
        overlay_title(&ui).as_deref(),
        Some("New address: house, street, area")
    );
    ui.type_text("#14, 2nd Cross, Jayanagar");
    ui.press("enter");
    assert_eq!(overlay_title(&ui).as_deref(), Some("City"));
    ui.type_text("ಬೆಂಗಳೂರು");
    ui.press("enter");
    assert_eq!(overlay_title(&ui).as_deref(), Some("PIN code (6 digits)"));
    ui.type_text("56001");
    ui.press("enter");
    assert_eq!(
        prompt_error(&ui).as_deref(),
        Some("A PIN code in India has 6 digits and does not start with 0")
    );
    let s = ui.render();
    assert_clean(&ui, &s);
    s.assert_has("A PIN code in India has 6 digits");
    ui.press("ctrl-u");
    ui.type_text("೫೬೦೦೧೧");
    ui.press("enter");
    // No reason asked: the confirmation names the new address.
    let question = match &ui.app.overlay {
        Some(Overlay::Confirm(c)) => c.question.clone(),
        _ => panic!("no confirmation"),
    };
    assert!(
        question.contains("#14, 2nd Cross, Jayanagar, ಬೆಂಗಳೂರು 560011"),
        "{question}"
    );
    let s = ui.render();
    assert_clean(&ui, &s);
    s.assert_has("560011");
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => {
            assert_eq!(request.kind, ActionKind::AddressChange);
            let a = request.address.unwrap();
            assert_eq!(a.postal_code, "560011");
            assert_eq!(a.city, "ಬೆಂಗಳೂರು");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_address_change_asks_and_refuses_in_kannada() {
    let kn = I18n::new("kn");
    let mut ui = Ui::with_locale(80, 24, "kn");
    let (key, t, order) = ticket_with_order_where(&ui, |c, o| {
        possible(c, o, ActionKind::AddressChange) && o.total.currency == Currency::Inr
    });
    ui.open(key, t.id);
    ui.press("o");
    ui.type_text(&order.id);
    ui.press("enter");
    assert_eq!(overlay_title(&ui), Some(kn.tr("picker-order-action")));
    ui.pick(&kn.tr("order-action-address-change"));
    assert_eq!(overlay_title(&ui), Some(kn.tr("prompt-address-line")));
    ui.type_text("೧೪, ೨ನೇ ಅಡ್ಡರಸ್ತೆ, ಜಯನಗರ");
    ui.press("enter");
    assert_eq!(overlay_title(&ui), Some(kn.tr("prompt-city")));
    ui.type_text("ಬೆಂಗಳೂರು");
    ui.press("enter");
    assert_eq!(overlay_title(&ui), Some(kn.tr("prompt-pin-code")));
    ui.type_text("೦೫೬೦೦೧");
    ui.press("enter");
    assert_eq!(prompt_error(&ui), Some(kn.tr("rejected-bad-pin-code")));
    let s = ui.render();
    assert_clean(&ui, &s);
    s.assert_has(&prefix(&kn.tr("rejected-bad-pin-code"), 12));
    ui.press("ctrl-u");
    ui.type_text("೫೬೦೦೧೧");
    ui.press("enter");
    assert!(matches!(ui.app.overlay, Some(Overlay::Confirm(_))));
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => {
            let a = request.address.unwrap();
            assert_eq!(a.postal_code, "560011");
            assert_eq!(a.line, "೧೪, ೨ನೇ ಅಡ್ಡರಸ್ತೆ, ಜಯನಗರ");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_failed_delivery_is_booked_again_in_a_slot() {
    let mut ui = Ui::new(160, 45);
    let (key, t, order) =
        ticket_with_order_where(&ui, |c, o| possible(c, o, ActionKind::Reattempt));
    ui.open(key, t.id);
    actions_of(&mut ui, &order);
    ui.pick("Reattempt delivery");
    assert_eq!(
        overlay_title(&ui).as_deref(),
        Some("When should the courier try again?")
    );
    let tomorrow = order_rules::local_date(ui.app.now()) + chrono::Duration::days(1);
    let label = format!("{}, evening (17–21)", ui.app.i18n.date(tomorrow));
    ui.pick(&label);
    ui.render().assert_has(&label);
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => {
            assert_eq!(request.kind, ActionKind::Reattempt);
            let slot = request.slot.unwrap();
            assert_eq!((slot.date, slot.window), (tomorrow, SlotWindow::Evening));
        }
        other => panic!("{other:?}"),
    }
    // Once is enough until the courier has been.
    actions_of(&mut ui, &order);
    ui.pick("Reattempt delivery");
    ui.render().assert_has("This order already has one open");
}

#[test]
fn a_reattempt_of_a_delivered_order_is_refused_at_once() {
    let mut ui = Ui::new(160, 45);
    let (key, t, order) = ticket_with_order_where(&ui, |c, o| {
        o.is_delivered() && !order_rules::is_cancelled(o, &actions(c))
    });
    ui.open(key, t.id);
    actions_of(&mut ui, &order);
    ui.pick("Reattempt delivery");
    assert!(ui.app.overlay.is_none());
    ui.render()
        .assert_has("Only a failed delivery can be tried again");
    assert!(ui.pending().is_empty());
}

/// A delivered order with more than one piece left to return.
fn several_pieces(ui: &Ui) -> (&'static str, Ticket, Order) {
    ticket_with_order_where(ui, |c, o| {
        possible(c, o, ActionKind::Return)
            && possible(c, o, ActionKind::Exchange)
            && order_rules::returnable(o, &actions(c))
                .iter()
                .map(|i| i.quantity)
                .sum::<i64>()
                >= 2
    })
}

#[test]
fn a_return_of_some_pieces_asks_which_and_how_many() {
    let mut ui = Ui::new(160, 45);
    let (key, t, order) = several_pieces(&ui);
    ui.open(key, t.id);
    let c = ui.store().customer_detail(t.customer_id).unwrap().unwrap();
    let left = order_rules::returnable(&order, &actions(&c));
    let pieces: i64 = left.iter().map(|i| i.quantity).sum();
    actions_of(&mut ui, &order);
    let ordered: i64 = order.items.iter().map(|i| i.quantity).sum();
    assert_eq!(
        note(&ui, "Return"),
        Some(format!(
            "{pieces} of {ordered} pieces can still be returned or exchanged"
        ))
    );
    ui.pick("Return");
    assert_eq!(overlay_title(&ui).as_deref(), Some("Which items?"));
    ui.render()
        .assert_has(&format!("Everything left ({pieces} pieces)"));
    // The item with the most pieces left.
    let most = left.iter().max_by_key(|i| i.quantity).unwrap().clone();
    let item = order.items.iter().find(|i| i.sku == most.sku).unwrap();
    let name = match &item.variant {
        Some(v) => format!("{} ({v})", item.name),
        None => item.name.clone(),
    };
    ui.pick(&format!(
        "{name} · {} of {} left",
        most.quantity, item.quantity
    ));
    let want = if most.quantity > 1 {
        assert_eq!(
            overlay_title(&ui),
            Some(format!(
                "How many pieces of {}? (1–{})",
                item.name, most.quantity
            ))
        );
        ui.type_text(&(most.quantity + 1).to_string());
        ui.press("enter");
        assert_eq!(
            prompt_error(&ui),
            Some(format!("Enter a number from 1 to {}", most.quantity))
        );
        ui.press("ctrl-u");
        ui.type_text("1");
        ui.press("enter");
        1
    } else {
        1
    };
    assert_eq!(overlay_title(&ui).as_deref(), Some("Reason"));
    ui.type_text("too small");
    ui.press("enter");
    ui.render().assert_has(&format!("1 × {}", item.name));
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => {
            assert_eq!(request.kind, ActionKind::Return);
            assert_eq!(
                request.items,
                vec![ItemQuantity {
                    sku: most.sku.clone(),
                    quantity: want
                }]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_exchange_of_everything_left_asks_for_the_variant() {
    let mut ui = Ui::new(80, 24);
    let (key, t, order) = several_pieces(&ui);
    ui.open(key, t.id);
    let c = ui.store().customer_detail(t.customer_id).unwrap().unwrap();
    let left: Vec<ItemQuantity> = order_rules::returnable(&order, &actions(&c))
        .into_iter()
        .filter(|i| i.quantity > 0)
        .collect();
    actions_of(&mut ui, &order);
    ui.pick("Exchange");
    all_items_if_asked(&mut ui);
    assert_eq!(
        overlay_title(&ui).as_deref(),
        Some("Replacement size or variant")
    );
    ui.type_text("L");
    ui.press("enter");
    ui.type_text("too tight");
    ui.press("enter");
    let s = ui.render();
    assert_clean(&ui, &s);
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => {
            assert_eq!(request.kind, ActionKind::Exchange);
            assert_eq!(request.items, left);
            assert_eq!(request.replacement_variant.as_deref(), Some("L"));
        }
        other => panic!("{other:?}"),
    }
}

/// A delivered COD order (INR, ₹100 or more left): Refund, ₹100 typed; the
/// method is asked next. The console and the ticket.
fn cod_refund_of_100() -> (Ui, Ticket) {
    let mut ui = Ui::new(160, 45);
    let (key, t, order) = ticket_with_order_where(&ui, |c, o| {
        o.payment_method == PaymentMethod::Cod
            && o.total.currency == Currency::Inr
            && possible(c, o, ActionKind::Refund)
            && o.refundable(&actions(c)).minor >= 10_000
    });
    ui.open(key, t.id);
    actions_of(&mut ui, &order);
    ui.pick("Refund");
    ui.type_text("100");
    ui.press("enter");
    (ui, t)
}

#[test]
fn a_cod_refund_goes_to_a_checked_bank_account() {
    let (mut ui, t) = cod_refund_of_100();
    assert_eq!(overlay_title(&ui).as_deref(), Some("Refund method"));
    let methods: Vec<String> = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p.items.iter().map(|(l, _)| l.clone()).collect(),
        _ => panic!("no picker"),
    };
    assert_eq!(methods, ["Bank transfer", "UPI", "Store credit"]);
    ui.pick("Bank transfer");
    assert_eq!(
        overlay_title(&ui).as_deref(),
        Some("IFSC of the customer's bank branch (e.g. SBIN0001234)")
    );
    ui.type_text("SBIN1001234");
    ui.press("enter");
    assert_eq!(
        prompt_error(&ui),
        Some(
            "An IFSC has 11 characters: 4 letters, a 0, then 6 letters or digits (SBIN0001234)"
                .to_string()
        )
    );
    ui.press("ctrl-u");
    ui.type_text("sbin0001234");
    ui.press("enter");
    assert_eq!(
        overlay_title(&ui).as_deref(),
        Some("Customer's bank account number")
    );
    ui.type_text("12345");
    ui.press("enter");
    assert_eq!(
        prompt_error(&ui).as_deref(),
        Some("A bank account number has 9 to 18 digits")
    );
    ui.press("ctrl-u");
    ui.type_text("1234 5678 9012");
    ui.press("enter");
    ui.type_text("returned at the door");
    ui.press("enter");
    ui.render().assert_has("SBIN0001234 123456789012");
    ui.press("y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => {
            assert_eq!(request.refund_method, Some(RefundMethod::BankTransfer));
            assert_eq!(
                request.refund_to,
                Some(RefundDestination::Bank {
                    ifsc: "SBIN0001234".into(),
                    account_number: "123456789012".into()
                })
            );
        }
        other => panic!("{other:?}"),
    }
    // The cache keeps the queued refund with the account masked.
    let c = ui.store().customer_detail(t.customer_id).unwrap().unwrap();
    let queued = c.refunds.iter().find(|a| a.id < 0).unwrap();
    assert!(
        matches!(&queued.refund_to, Some(RefundDestination::Bank { account_number, .. }) if account_number == "XXXXXXXX9012")
    );
}

#[test]
fn a_cod_refund_by_upi_checks_the_upi_id() {
    let (mut ui, _) = cod_refund_of_100();
    ui.pick("UPI");
    ui.type_text("ramesh");
    ui.press("enter");
    assert_eq!(
        prompt_error(&ui).as_deref(),
        Some("A UPI id looks like name@bank (ramesh@okaxis)")
    );
    ui.press("ctrl-u");
    ui.type_text("ramesh@okaxis");
    ui.press("enter");
    ui.type_text("returned");
    ui.press("enter y");
    match only_entry(&ui) {
        OutboxOp::OrderAction { request, .. } => assert_eq!(
            request.refund_to,
            Some(RefundDestination::Upi {
                upi_id: "ramesh@okaxis".into()
            })
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_cod_refund_before_delivery_is_refused_with_the_reason_in_each_language() {
    let probe = Ui::new(160, 45);
    let (key, t, order) = ticket_with_order_where(&probe, |c, o| {
        o.payment_method == PaymentMethod::Cod
            && !o.is_delivered()
            && !order_rules::is_cancelled(o, &actions(c))
    });
    drop(probe);
    assert_eq!(
        order_rules::may(&order, ActionKind::Refund, &[]),
        Err(Refusal::CodNotDelivered)
    );
    for locale in ["en", "kn", "te", "ne", "hi"] {
        let mut ui = Ui::with_locale(160, 45, locale);
        let i18n = I18n::new(locale);
        ui.open(key, t.id);
        ui.press("o");
        ui.type_text(&order.id);
        ui.press("enter");
        let refund = i18n.tr("order-action-refund");
        let why = i18n.tr("rejected-cod-not-delivered");
        assert_ne!(why, "rejected-cod-not-delivered");
        assert_eq!(
            note(&ui, &refund).as_deref(),
            Some(why.as_str()),
            "{locale}"
        );
        ui.pick(&refund);
        assert!(ui.app.overlay.is_none(), "{locale}: nothing asked");
        let s = ui.render();
        assert_clean(&ui, &s);
        assert!(
            s.status().contains(&prefix(&why, 30)),
            "{locale}: {}",
            s.status()
        );
        assert!(ui.pending().is_empty());
    }
}
