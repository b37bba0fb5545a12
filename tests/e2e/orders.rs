//! Order actions end to end: typed in the console, queued in its outbox,
//! sent by the real sync task to the real reference server, and the
//! server's refusal brought back and said in the agent's words.

use std::path::Path;
use std::time::{Duration, Instant};

use sahaya::domain::order_rules;
use sahaya::domain::{
    ActionKind, Currency, Money, Order, OrderAction, PaymentMethod, PaymentStatus, Role,
};
use sahaya::protocol::{CustomerDetail, NewOrderAction};
use sahaya::store::{OutboxOp, OutboxState, Store};
use sahaya::ui::app::Pane;
use sahaya::ui::overlay::Overlay;
use sahaya_testkit::ui::{Console, LiveServer, fill_cache, runtime};

/// Runs the real sync task on `cache` until no entry waits to be sent.
fn drain_outbox(server: &LiveServer, cache: &Path) {
    let client = server.client(Role::Agent);
    let rt = runtime(1);
    rt.block_on(async {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let _handle = sahaya::sync::spawn(client, cache.to_path_buf(), tx);
        let drain = tokio::spawn(async move { while rx.recv().await.is_some() {} });
        let deadline = Instant::now() + Duration::from_secs(60);
        let store = Store::open(cache).unwrap();
        while !store.outbox_pending().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "the outbox did not drain");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        drain.abort();
    });
    drop(rt);
}

fn actions(c: &CustomerDetail) -> Vec<OrderAction> {
    [&c.refunds, &c.returns, &c.exchanges, &c.changes]
        .into_iter()
        .flatten()
        .cloned()
        .collect()
}

/// A cached ticket whose order, in its customer's detail, `pred` accepts.
fn ticket_on(store: &Store, pred: impl Fn(&CustomerDetail, &Order) -> bool) -> (i64, Order) {
    let tickets = store
        .ticket_rows(
            sahaya::protocol::View::All,
            store.me().unwrap().unwrap().id,
            chrono::Utc::now(),
            0,
            10_000,
        )
        .unwrap();
    tickets
        .into_iter()
        .find_map(|row| {
            let t = row.ticket;
            let oid = t.order_id.clone()?;
            let c = store.customer_detail(t.customer_id).ok()??;
            let o = c.orders.iter().find(|o| o.id == oid)?.clone();
            pred(&c, &o).then_some((t.id, o))
        })
        .expect("the demo data has such a ticket")
}

/// In the console: opens ticket `id` (the thread has the focus, so actions
/// apply to it), then order actions on its `order`, the action whose label
/// holds `action` (typed to narrow the picker).
fn start(ui: &mut Console, id: i64, order: &Order, action: &str) {
    ui.app.open_ticket(id);
    ui.app.focus = Pane::Thread;
    ui.press("o");
    ui.type_text(&order.id);
    ui.press("enter");
    ui.type_text(action);
    ui.press("enter");
}

#[test]
fn order_actions_reach_the_server_once_and_a_refusal_comes_back_explained() {
    let server = LiveServer::demo();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &[]);

    let store = Store::open(&cache).unwrap();
    let (moving_ticket, moving) = ticket_on(&store, |c, o| {
        o.total.currency == Currency::Inr
            && order_rules::may(o, ActionKind::AddressChange, &actions(c)).is_ok()
    });
    let (paid_ticket, paid) = ticket_on(&store, |c, o| {
        o.payment_method != PaymentMethod::Cod
            && o.payment_status == PaymentStatus::Paid
            && order_rules::may(o, ActionKind::Refund, &actions(c)).is_ok()
            && o.refundable(&actions(c)).minor >= 200
    });
    let left = {
        let c = store.customer_detail(paid.customer_id).unwrap().unwrap();
        paid.refundable(&actions(&c))
    };
    drop(store);

    let mut ui = Console::open(&cache, "en", (160, 45));
    // A new address, PIN code typed in Kannada digits.
    start(&mut ui, moving_ticket, &moving, "New delivery");
    ui.type_text("#14, 2nd Cross, Jayanagar");
    ui.press("enter");
    ui.type_text("Bengaluru");
    ui.press("enter");
    ui.type_text("೫೬೦೦೧೧");
    ui.press("enter y");
    // Everything left on a paid order, back to its source.
    start(&mut ui, paid_ticket, &paid, "Refund");
    ui.type_text(&format!("{}.{:02}", left.minor / 100, left.minor % 100));
    ui.press("enter");
    ui.type_text("Original");
    ui.press("enter");
    ui.type_text("parcel lost");
    ui.press("enter y");
    assert_eq!(
        ui.store().outbox_pending().unwrap().len(),
        2,
        "{}",
        ui.screen()
    );
    drop(ui);

    // Meanwhile another agent refunds one rupee of the same order.
    let other = server.client(Role::Supervisor);
    server.block_on(async {
        let request = NewOrderAction {
            amount: Some(Money {
                minor: 100,
                currency: left.currency,
            }),
            ..NewOrderAction::new(ActionKind::Refund, "goodwill")
        };
        other
            .order_action(&paid.id, "goodwill-1", &request)
            .await
            .unwrap();
    });

    drain_outbox(&server, &cache);
    // Twice, as after a restart: nothing goes out again.
    drain_outbox(&server, &cache);

    let agent = server.client(Role::Agent);
    let (moved, refunded) = server.block_on(async {
        (
            agent.customer(moving.customer_id).await.unwrap(),
            agent.customer(paid.customer_id).await.unwrap(),
        )
    });
    let changes: Vec<&OrderAction> = moved
        .changes
        .iter()
        .filter(|a| a.order_id == moving.id && a.kind == ActionKind::AddressChange)
        .collect();
    assert_eq!(changes.len(), 1, "exactly once: {changes:#?}");
    let order = moved.orders.iter().find(|o| o.id == moving.id).unwrap();
    assert_eq!(
        order.delivery_address,
        "#14, 2nd Cross, Jayanagar, Bengaluru 560011"
    );
    // The console's refund was refused: only the other agent's landed.
    let new_refunds = refunded
        .refunds
        .iter()
        .filter(|a| a.order_id == paid.id && a.reason == "parcel lost")
        .count();
    assert_eq!(new_refunds, 0);

    let mut ui = Console::open(&cache, "en", (160, 45));
    let problems = ui.store().outbox_problems().unwrap();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].state, OutboxState::Rejected);
    assert_eq!(problems[0].error_code.as_deref(), Some("bad_amount"));
    assert!(matches!(problems[0].op, OutboxOp::OrderAction { .. }));
    ui.press("!");
    assert!(matches!(ui.app.overlay, Some(Overlay::Problems { .. })));
    let screen = ui.screen();
    assert!(
        screen.contains("The refund is more than what is still refundable on this order"),
        "{screen}"
    );
}
