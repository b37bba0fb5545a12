//! Order actions over real HTTP on loopback, on the demo data: every rule
//! of docs/api.md "Order actions" accepted where it allows and refused with
//! its code and a message where it does not; a replayed key answers the
//! first result.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reqwest::Method;
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Order, OrderAction, PaymentMethod, PaymentStatus, Role,
    ShipmentStatus, order_rules,
};
use sahaya_protocol::wire::{ChangesPage, CustomerDetail, Entity};
use sahaya_testkit::server::{TestServer, demo_server};
use serde_json::{Value, json};

/// Every order and order action of the server, from the changes feed.
async fn everything(s: &TestServer) -> (Vec<Order>, Vec<OrderAction>) {
    let (mut orders, mut actions) = (Vec::new(), Vec::new());
    let mut since = 0;
    loop {
        let page: ChangesPage = serde_json::from_value(
            s.get(
                &format!("/v1/changes?since={since}&limit=5000"),
                Role::Agent,
            )
            .await,
        )
        .unwrap();
        for c in page.changes {
            match c.entity {
                Entity::Order(o) => orders.push(o),
                Entity::OrderAction(a) => actions.push(a),
                _ => {}
            }
        }
        since = page.next;
        if !page.has_more {
            return (orders, actions);
        }
    }
}

/// The first order `pred` accepts (given the actions on it), with them.
async fn find(
    s: &TestServer,
    what: &str,
    pred: impl Fn(&Order, &[OrderAction]) -> bool,
) -> (Order, Vec<OrderAction>) {
    let (orders, actions) = everything(s).await;
    orders
        .into_iter()
        .map(|o| {
            let mine: Vec<OrderAction> = actions
                .iter()
                .filter(|a| a.order_id == o.id)
                .cloned()
                .collect();
            (o, mine)
        })
        .find(|(o, a)| pred(o, a))
        .unwrap_or_else(|| panic!("the demo data has no {what}"))
}

fn status(o: &Order) -> Option<ShipmentStatus> {
    o.shipment.as_ref().map(|s| s.status)
}

/// Posts an action on `order` under `key`; status and body.
async fn act_with_key(s: &TestServer, order: &str, key: &str, body: Value) -> (u16, Value) {
    let resp = s
        .req(
            Method::POST,
            &format!("/v1/orders/{order}/actions"),
            Role::Agent,
        )
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let code = resp.status().as_u16();
    (code, resp.json().await.unwrap_or(Value::Null))
}

async fn act(s: &TestServer, order: &str, body: Value) -> (u16, Value) {
    let key = format!("k-{}", rand::random::<u64>());
    act_with_key(s, order, &key, body).await
}

/// The action must be refused with `code` and a message.
#[track_caller]
fn assert_refused(answer: &(u16, Value), code: &str) {
    assert_eq!(answer.0, 422, "{}", answer.1);
    assert_eq!(answer.1["error"]["code"], code, "{}", answer.1);
    let message = answer.1["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "{}", answer.1);
}

async fn customer(s: &TestServer, id: i64) -> CustomerDetail {
    serde_json::from_value(s.get(&format!("/v1/customers/{id}"), Role::Agent).await).unwrap()
}

#[tokio::test]
async fn cancel_before_dispatch_refunds_a_prepaid_order_and_is_refused_after() {
    let s = demo_server().await;
    let (o, earlier) = find(&s, "paid order not dispatched", |o, a| {
        !order_rules::is_dispatched(o)
            && o.payment_method != PaymentMethod::Cod
            && o.payment_status == PaymentStatus::Paid
            && order_rules::may(o, ActionKind::Cancel, a).is_ok()
    })
    .await;
    let left = o.refundable(&earlier);
    let (code, body) = act(
        &s,
        &o.id,
        json!({"kind": "cancel", "reason": "ordered twice"}),
    )
    .await;
    assert_eq!(code, 201, "{body}");
    assert_eq!(body["action"]["kind"], "cancel");
    assert_eq!(body["order"]["payment_status"], "refunded");
    // The money left goes back to the source with it.
    let detail = customer(&s, o.customer_id).await;
    assert!(
        detail
            .changes
            .iter()
            .any(|a| a.order_id == o.id && a.kind == ActionKind::Cancel)
    );
    let refund = detail
        .refunds
        .iter()
        .find(|a| a.order_id == o.id && a.reason == "ordered twice")
        .expect("the refund of the cancellation");
    assert_eq!(refund.amount, Some(left));
    assert_eq!(refund.refund_method.map(|m| m.as_str()), Some("source"));
    // Cancelled: nothing more.
    let again = act(&s, &o.id, json!({"kind": "cancel", "reason": "again"})).await;
    assert_refused(&again, "order_cancelled");
    let address = json!({"kind": "address-change", "reason": "moved",
        "address": {"line": "12 MG Road", "city": "Bengaluru", "postal_code": "560001"}});
    assert_refused(&act(&s, &o.id, address).await, "order_cancelled");

    let (shipped, _) = find(&s, "dispatched order", |o, a| {
        order_rules::is_dispatched(o) && !order_rules::is_cancelled(o, a)
    })
    .await;
    let after = act(
        &s,
        &shipped.id,
        json!({"kind": "cancel", "reason": "too late"}),
    )
    .await;
    assert_refused(&after, "already_dispatched");
    s.server.stop().await;
}

#[tokio::test]
async fn address_change_is_validated_by_country_and_only_before_dispatch() {
    let s = demo_server().await;
    let (o, _) = find(&s, "Indian order not dispatched", |o, a| {
        o.total.currency.as_str() == "INR"
            && order_rules::may(o, ActionKind::AddressChange, a).is_ok()
    })
    .await;
    let body = |code: &str| {
        json!({"kind": "address-change", "reason": "customer moved",
               "address": {"line": "  #14, 2nd Cross, Jayanagar ", "city": "Bengaluru", "postal_code": code}})
    };
    for bad in ["56001", "0560001", "56OO11", "5600011"] {
        assert_refused(&act(&s, &o.id, body(bad)).await, "bad_pin_code");
    }
    let no_city = json!({"kind": "address-change", "reason": "r",
        "address": {"line": "14 Jayanagar", "city": " ", "postal_code": "560011"}});
    assert_refused(&act(&s, &o.id, no_city).await, "missing_address");
    let none = json!({"kind": "address-change", "reason": "r"});
    assert_refused(&act(&s, &o.id, none).await, "missing_address");
    let (code, created) = act(&s, &o.id, body("560011")).await;
    assert_eq!(code, 201, "{created}");
    assert_eq!(
        created["order"]["delivery_address"],
        "#14, 2nd Cross, Jayanagar, Bengaluru 560011"
    );
    assert_eq!(created["action"]["address"]["postal_code"], "560011");

    // Nepal: five digits, 10000 to 57999.
    let (orders, actions) = everything(&s).await;
    let nepal = orders.into_iter().find(|o| {
        o.total.currency.as_str() == "NPR"
            && order_rules::may(o, ActionKind::AddressChange, &actions).is_ok()
    });
    if let Some(np) = nepal {
        let np_body = |code: &str| {
            json!({"kind": "address-change", "reason": "r",
                   "address": {"line": "Thamel Marg", "city": "Kathmandu", "postal_code": code}})
        };
        assert_refused(&act(&s, &np.id, np_body("560011")).await, "bad_postal_code");
        assert_refused(&act(&s, &np.id, np_body("64600")).await, "bad_postal_code");
        assert_eq!(act(&s, &np.id, np_body("44600")).await.0, 201);
    }

    let (shipped, _) = find(&s, "dispatched order", |o, a| {
        order_rules::is_dispatched(o) && !order_rules::is_cancelled(o, a)
    })
    .await;
    assert_refused(
        &act(&s, &shipped.id, body("560011")).await,
        "already_dispatched",
    );
    s.server.stop().await;
}

#[tokio::test]
async fn cod_refunds_wait_for_delivery_and_go_to_a_checked_account() {
    let s = demo_server().await;
    let (undelivered, _) = find(&s, "COD order not delivered", |o, a| {
        o.payment_method == PaymentMethod::Cod
            && !o.is_delivered()
            && !order_rules::is_cancelled(o, a)
    })
    .await;
    let refund = |to: Value, method: &str| {
        json!({"kind": "refund", "reason": "r", "amount": {"minor": 10000, "currency": "INR"},
               "refund_method": method, "refund_to": to})
    };
    let upi = json!({"to": "upi", "upi_id": "ramesh@okaxis"});
    let early = act(&s, &undelivered.id, refund(upi.clone(), "upi")).await;
    assert_refused(&early, "cod_not_delivered");
    assert!(
        early.1["error"]["message"]
            .as_str()
            .unwrap()
            .contains("before it is delivered"),
        "the reason is said: {}",
        early.1
    );

    let (o, _) = find(&s, "delivered INR COD order with money left", |o, a| {
        o.payment_method == PaymentMethod::Cod
            && o.is_delivered()
            && o.total.currency.as_str() == "INR"
            && o.refundable(a).minor >= 30000
    })
    .await;
    let bank =
        |ifsc: &str, number: &str| json!({"to": "bank", "ifsc": ifsc, "account_number": number});
    let cases = [
        (refund(Value::Null, "source"), "cod_refund_method"),
        (refund(Value::Null, "upi"), "missing_refund_destination"),
        (
            refund(bank("SBIN0001234", "123456789"), "upi"),
            "wrong_refund_destination",
        ),
        (
            refund(bank("SBIN1001234", "123456789"), "bank-transfer"),
            "bad_ifsc",
        ),
        (
            refund(bank("SBIN0001234", "12345"), "bank-transfer"),
            "bad_account_number",
        ),
        (
            refund(json!({"to": "upi", "upi_id": "ramesh"}), "upi"),
            "bad_upi_id",
        ),
    ];
    for (body, code) in cases {
        assert_refused(&act(&s, &o.id, body).await, code);
    }
    let (code, created) = act(
        &s,
        &o.id,
        refund(bank("sbin0001234", "1234 5678 9012"), "bank-transfer"),
    )
    .await;
    assert_eq!(code, 201, "{created}");
    // Kept masked: the last four digits only.
    assert_eq!(
        created["action"]["refund_to"]["account_number"],
        "XXXXXXXX9012"
    );
    assert_eq!(created["action"]["refund_to"]["ifsc"], "SBIN0001234");
    let (code, created) = act(&s, &o.id, refund(upi, "upi")).await;
    assert_eq!(code, 201, "{created}");
    assert_eq!(created["action"]["refund_to"]["upi_id"], "ramesh@okaxis");
    s.server.stop().await;
}

#[tokio::test]
async fn prepaid_refunds_go_to_the_source_and_within_what_is_left() {
    let s = demo_server().await;
    let (o, earlier) = find(&s, "paid prepaid order with money left", |o, a| {
        o.payment_method != PaymentMethod::Cod
            && order_rules::may(o, ActionKind::Refund, a).is_ok()
            && o.refundable(a).minor >= 200
    })
    .await;
    let left = o.refundable(&earlier);
    let refund = |minor: i64, method: &str| {
        json!({"kind": "refund", "reason": "r", "refund_method": method,
               "amount": {"minor": minor, "currency": left.currency.as_str()}})
    };
    assert_refused(
        &act(&s, &o.id, refund(100, "upi")).await,
        "refund_to_source",
    );
    assert_refused(
        &act(&s, &o.id, refund(left.minor + 1, "source")).await,
        "bad_amount",
    );
    // A retry under the same key answers the first result, once.
    let (a, first) = act_with_key(&s, &o.id, "same-key", refund(100, "source")).await;
    let (b, second) = act_with_key(&s, &o.id, "same-key", refund(100, "source")).await;
    assert_eq!((a, b), (201, 201));
    assert_eq!(first["action"]["id"], second["action"]["id"]);
    assert_refused(
        &act(&s, &o.id, refund(left.minor - 99, "source")).await,
        "bad_amount",
    );
    assert_eq!(
        act(&s, &o.id, refund(left.minor - 100, "source")).await.0,
        201
    );
    s.server.stop().await;
}

#[tokio::test]
async fn unpaid_orders_have_nothing_to_refund() {
    let s = demo_server().await;
    let found = everything(&s).await.0.into_iter().find(|o| {
        o.payment_method != PaymentMethod::Cod
            && matches!(
                o.payment_status,
                PaymentStatus::Failed | PaymentStatus::Pending
            )
    });
    let Some(o) = found else {
        // The demo data has none today: the rule is covered in
        // sahaya-protocol's order_rules tests.
        return;
    };
    let body = json!({"kind": "refund", "reason": "r", "refund_method": "source",
                      "amount": {"minor": 100, "currency": o.total.currency.as_str()}});
    assert_refused(&act(&s, &o.id, body).await, "not_paid");
    s.server.stop().await;
}

#[tokio::test]
async fn returns_and_exchanges_are_bounded_by_what_was_ordered_and_returned() {
    let s = demo_server().await;
    let (o, _) = find(&s, "delivered order with two pieces of an item", |o, a| {
        order_rules::may(o, ActionKind::Exchange, a).is_ok()
            && order_rules::may(o, ActionKind::Return, a).is_ok()
            && order_rules::returnable(o, a)
                .iter()
                .any(|i| i.quantity >= 2)
    })
    .await;
    let item = order_rules::returnable(&o, &[])
        .into_iter()
        .find(|i| i.quantity >= 2)
        .unwrap();
    let exchange = |n: i64| {
        json!({"kind": "exchange", "reason": "size", "replacement_variant": "L",
               "items": [{"sku": item.sku, "quantity": n}]})
    };
    assert_refused(
        &act(&s, &o.id, exchange(item.quantity + 1)).await,
        "bad_quantity",
    );
    assert_refused(&act(&s, &o.id, exchange(0)).await, "bad_quantity");
    let unknown =
        json!({"kind": "return", "reason": "r", "items": [{"sku": "NO-SUCH", "quantity": 1}]});
    assert_refused(&act(&s, &o.id, unknown).await, "unknown_item");
    let no_variant =
        json!({"kind": "exchange", "reason": "r", "items": [{"sku": item.sku, "quantity": 1}]});
    assert_refused(&act(&s, &o.id, no_variant).await, "missing_variant");
    let (code, created) = act(&s, &o.id, exchange(1)).await;
    assert_eq!(code, 201, "{created}");
    assert_eq!(created["action"]["items"][0]["quantity"], 1);
    assert_eq!(created["action"]["status"], "pickup-scheduled");
    // What was exchanged cannot be returned as well.
    let ret = |n: i64| json!({"kind": "return", "reason": "r", "items": [{"sku": item.sku, "quantity": n}]});
    let too_many = act(&s, &o.id, ret(item.quantity)).await;
    assert_refused(&too_many, "bad_quantity");
    assert!(
        too_many.1["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("between 1 and {}", item.quantity - 1)),
        "{}",
        too_many.1
    );
    assert_eq!(act(&s, &o.id, ret(item.quantity - 1)).await.0, 201);
    // A second return while one is open waits for it.
    assert_refused(&act(&s, &o.id, ret(1)).await, "already_open");

    let (moving, _) = find(&s, "order on its way", |o, a| {
        status(o).is_some_and(|st| st == ShipmentStatus::InTransit)
            && !order_rules::is_cancelled(o, a)
    })
    .await;
    assert_refused(&act(&s, &moving.id, ret(1)).await, "not_delivered");
    s.server.stop().await;
}

#[tokio::test]
async fn a_failed_delivery_is_tried_again_in_a_slot() {
    let s = demo_server().await;
    let (o, _) = find(&s, "failed delivery", |o, a| {
        order_rules::may(o, ActionKind::Reattempt, a).is_ok()
    })
    .await;
    let today = order_rules::local_date(s.server.clock().now());
    let slot = |days: i64| {
        json!({"kind": "reattempt", "reason": "customer home after 5",
               "slot": {"date": (today + chrono::Duration::days(days)).to_string(), "window": "17-21"}})
    };
    assert_refused(&act(&s, &o.id, slot(0)).await, "bad_slot");
    assert_refused(&act(&s, &o.id, slot(8)).await, "bad_slot");
    let none = json!({"kind": "reattempt", "reason": "r"});
    assert_refused(&act(&s, &o.id, none).await, "missing_slot");
    let (code, created) = act(&s, &o.id, slot(1)).await;
    assert_eq!(code, 201, "{created}");
    assert_eq!(created["order"]["shipment"]["status"], "out-for-delivery");
    assert_eq!(created["action"]["slot"]["window"], "17-21");
    assert_eq!(created["action"]["status"], ActionStatus::Approved.as_str());
    // Out for delivery again: not a failed delivery any more.
    assert_refused(&act(&s, &o.id, slot(2)).await, "not_failed_delivery");

    let (delivered, _) = find(&s, "delivered order", |o, a| {
        o.is_delivered() && !order_rules::is_cancelled(o, a)
    })
    .await;
    assert_refused(
        &act(&s, &delivered.id, slot(1)).await,
        "not_failed_delivery",
    );
    s.server.stop().await;
}
