use super::*;
use crate::domain::{Money, OrderItem, Shipment};

fn order(payment: PaymentMethod, ship: Option<ShipmentStatus>) -> Order {
    let at = chrono::Utc::now();
    Order {
        id: "OD-1".into(),
        customer_id: 1,
        placed_at: at,
        items: vec![
            OrderItem {
                sku: "TEE".into(),
                name: "T-shirt".into(),
                quantity: 3,
                unit_price: Money::inr(400),
                variant: Some("M".into()),
            },
            OrderItem {
                sku: "CAP".into(),
                name: "Cap".into(),
                quantity: 1,
                unit_price: Money::inr(1_200),
                variant: None,
            },
        ],
        total: Money::inr(2_400),
        payment_method: payment,
        payment_status: if payment == PaymentMethod::Cod {
            PaymentStatus::Pending
        } else {
            PaymentStatus::Paid
        },
        delivery_address: String::new(),
        shipment: ship.map(|status| Shipment {
            carrier: "Delhivery".into(),
            tracking_number: "T1".into(),
            status,
            eta: None,
            late: false,
            events: Vec::new(),
        }),
        updated_at: at,
    }
}

fn action(kind: ActionKind, status: ActionStatus, items: &[(&str, i64)]) -> OrderAction {
    let at = chrono::Utc::now();
    OrderAction {
        id: 1,
        items: items
            .iter()
            .map(|(sku, quantity)| ItemQuantity {
                sku: sku.to_string(),
                quantity: *quantity,
            })
            .collect(),
        ..OrderAction::new("OD-1", 1, kind, status, "r", at)
    }
}

fn qty(sku: &str, quantity: i64) -> ItemQuantity {
    ItemQuantity {
        sku: sku.into(),
        quantity,
    }
}

#[test]
fn cancel_and_address_change_only_before_dispatch() {
    for kind in [ActionKind::Cancel, ActionKind::AddressChange] {
        assert_eq!(may(&order(PaymentMethod::Upi, None), kind, &[]), Ok(()));
        let packed = order(PaymentMethod::Upi, Some(ShipmentStatus::Packed));
        assert_eq!(may(&packed, kind, &[]), Ok(()));
        for s in [ShipmentStatus::Shipped, ShipmentStatus::Delivered] {
            let o = order(PaymentMethod::Upi, Some(s));
            assert_eq!(may(&o, kind, &[]), Err(Refusal::AlreadyDispatched));
        }
    }
    let o = order(PaymentMethod::Upi, None);
    let cancelled = [action(ActionKind::Cancel, ActionStatus::Completed, &[])];
    assert_eq!(
        may(&o, ActionKind::AddressChange, &cancelled),
        Err(Refusal::OrderCancelled)
    );
}

#[test]
fn reattempt_only_after_a_failed_delivery_and_once_at_a_time() {
    let failed = order(PaymentMethod::Cod, Some(ShipmentStatus::DeliveryFailed));
    assert_eq!(may(&failed, ActionKind::Reattempt, &[]), Ok(()));
    let open = [action(ActionKind::Reattempt, ActionStatus::Approved, &[])];
    assert_eq!(
        may(&failed, ActionKind::Reattempt, &open),
        Err(Refusal::AlreadyOpen(ActionKind::Reattempt))
    );
    let moving = order(PaymentMethod::Cod, Some(ShipmentStatus::InTransit));
    assert_eq!(
        may(&moving, ActionKind::Reattempt, &[]),
        Err(Refusal::NotFailedDelivery)
    );
}

#[test]
fn cod_refunds_wait_for_delivery_and_go_to_an_account() {
    let cod = order(PaymentMethod::Cod, Some(ShipmentStatus::InTransit));
    assert_eq!(
        may(&cod, ActionKind::Refund, &[]),
        Err(Refusal::CodNotDelivered)
    );
    let cod = order(PaymentMethod::Cod, Some(ShipmentStatus::Delivered));
    assert_eq!(may(&cod, ActionKind::Refund, &[]), Ok(()));
    assert_eq!(
        check_refund_to(&cod, RefundMethod::Source, None),
        Err(Refusal::CodRefundMethod)
    );
    assert_eq!(
        check_refund_to(&cod, RefundMethod::Upi, None),
        Err(Refusal::MissingRefundDestination)
    );
    let bank = RefundDestination::Bank {
        ifsc: " sbin0001234 ".into(),
        account_number: "1234 5678 9012".into(),
    };
    assert_eq!(
        check_refund_to(&cod, RefundMethod::Upi, Some(&bank)),
        Err(Refusal::WrongRefundDestination)
    );
    assert_eq!(
        check_refund_to(&cod, RefundMethod::BankTransfer, Some(&bank)),
        Ok(Some(RefundDestination::Bank {
            ifsc: "SBIN0001234".into(),
            account_number: "123456789012".into()
        }))
    );
    let prepaid = order(PaymentMethod::Card, Some(ShipmentStatus::InTransit));
    assert_eq!(may(&prepaid, ActionKind::Refund, &[]), Ok(()));
    assert_eq!(
        check_refund_to(&prepaid, RefundMethod::Upi, None),
        Err(Refusal::RefundToSource)
    );
    assert_eq!(
        check_refund_to(&prepaid, RefundMethod::Source, None),
        Ok(None)
    );
    let mut unpaid = prepaid;
    unpaid.payment_status = PaymentStatus::Failed;
    assert_eq!(may(&unpaid, ActionKind::Refund, &[]), Err(Refusal::NotPaid));
}

#[test]
fn bank_accounts_and_upi_ids_are_checked() {
    assert_eq!(check_ifsc("HDFC0ABC123"), Ok("HDFC0ABC123".into()));
    for bad in [
        "HDFC1ABC123",
        "HDF00ABC123",
        "HDFC0ABC12",
        "HDFC0ABC12!",
        "",
    ] {
        assert_eq!(check_ifsc(bad), Err(Refusal::BadIfsc), "{bad}");
    }
    assert!(check_account_number("123456789").is_ok());
    for bad in ["12345678", "1234567890123456789", "12345678a"] {
        assert_eq!(
            check_account_number(bad),
            Err(Refusal::BadAccountNumber),
            "{bad}"
        );
    }
    assert_eq!(
        check_upi_id(" ramesh.g@okaxis "),
        Ok("ramesh.g@okaxis".into())
    );
    for bad in [
        "ramesh",
        "r@okaxis",
        "ramesh@",
        "ramesh@ok axis",
        "ram@1bank",
        "a@b@c",
    ] {
        assert_eq!(check_upi_id(bad), Err(Refusal::BadUpiId), "{bad}");
    }
}

#[test]
fn addresses_need_the_countrys_postal_code() {
    let addr = |code: &str| DeliveryAddress {
        line: " 12 MG Road ".into(),
        city: "Bengaluru".into(),
        postal_code: code.into(),
    };
    let ok = check_address(Currency::Inr, &addr("560001")).unwrap();
    assert_eq!(ok.one_line(), "12 MG Road, Bengaluru 560001");
    for bad in ["56001", "5600011", "060001", "56000a", "५६०००१"] {
        assert_eq!(
            check_address(Currency::Inr, &addr(bad)),
            Err(Refusal::BadPinCode),
            "{bad}"
        );
    }
    assert!(check_address(Currency::Npr, &addr("44600")).is_ok());
    for bad in ["446000", "4460", "64600", "04600"] {
        assert_eq!(
            check_address(Currency::Npr, &addr(bad)),
            Err(Refusal::BadPostalCode),
            "{bad}"
        );
    }
    let mut no_city = addr("560001");
    no_city.city = "  ".into();
    assert_eq!(
        check_address(Currency::Inr, &no_city),
        Err(Refusal::MissingAddress)
    );
}

#[test]
fn slots_run_from_tomorrow_to_a_week_ahead() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T20:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    // 20:00 UTC is 01:30 on the 8th in India: the 8th is today there.
    let slot = |d: &str| DeliverySlot {
        date: d.parse().unwrap(),
        window: crate::domain::SlotWindow::Morning,
    };
    assert_eq!(
        check_slot(Some(&slot("2026-12-08")), now),
        Err(Refusal::BadSlot)
    );
    assert!(check_slot(Some(&slot("2026-12-09")), now).is_ok());
    assert!(check_slot(Some(&slot("2026-12-15")), now).is_ok());
    assert_eq!(
        check_slot(Some(&slot("2026-12-16")), now),
        Err(Refusal::BadSlot)
    );
    assert_eq!(check_slot(None, now), Err(Refusal::MissingSlot));
}

#[test]
fn quantities_are_bounded_by_what_is_left() {
    let o = order(PaymentMethod::Upi, Some(ShipmentStatus::Delivered));
    let earlier = [
        action(ActionKind::Exchange, ActionStatus::Completed, &[("TEE", 1)]),
        action(ActionKind::Return, ActionStatus::Rejected, &[("TEE", 2)]),
    ];
    assert_eq!(returnable(&o, &earlier), [qty("TEE", 2), qty("CAP", 1)]);
    assert_eq!(
        check_items(&o, &earlier, &[qty("TEE", 2)]),
        Ok(vec![qty("TEE", 2)])
    );
    assert_eq!(
        check_items(&o, &earlier, &[qty("TEE", 1), qty("TEE", 2)]),
        Err(Refusal::BadQuantity {
            sku: "TEE".into(),
            left: 2
        })
    );
    assert_eq!(
        check_items(&o, &earlier, &[qty("TEE", 0)]),
        Err(Refusal::BadQuantity {
            sku: "TEE".into(),
            left: 2
        })
    );
    assert_eq!(
        check_items(&o, &earlier, &[qty("SOCK", 1)]),
        Err(Refusal::UnknownItem("SOCK".into()))
    );
    assert_eq!(
        check_items(&o, &earlier, &[]),
        Ok(vec![qty("TEE", 2), qty("CAP", 1)])
    );
    // A whole-order return of old (no items) takes everything.
    let whole = [action(ActionKind::Return, ActionStatus::Completed, &[])];
    assert_eq!(check_items(&o, &whole, &[]), Err(Refusal::NothingLeft));
    assert_eq!(
        may(&o, ActionKind::Exchange, &whole),
        Err(Refusal::NothingLeft)
    );
}
