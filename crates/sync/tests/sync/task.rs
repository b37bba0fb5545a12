//! The sync task between a real server and a real cache.

use sahaya_testkit::server as common;

use std::time::{Duration, Instant};

use sahaya_protocol::domain::{MessageKind, Role, Status};
use sahaya_protocol::wire::{TicketPatch, View};
use sahaya_store::{OutboxOp, OutboxState, Store};
use sahaya_sync::client::Client;
use sahaya_sync::{self, SyncEvent};
use serde_json::json;

async fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !f() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_fills_the_cache_and_delivers_the_outbox_once() {
    let s = common::demo_server().await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let client = Client::new(&s.server.url(), s.token(Role::Agent)).unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let handle = sahaya_sync::spawn(client, cache.clone(), tx);
    tokio::spawn(async move { while rx.recv().await.is_some() {} });

    let mut ui = Store::open(&cache).unwrap();
    wait_until("initial sync", || {
        ui.me().ok().flatten().is_some()
            && ui
                .view_counts(1, chrono::Utc::now())
                .map(|c| c.all >= 150)
                .unwrap_or(false)
    })
    .await;
    let me = ui.me().unwrap().unwrap();
    let counts = ui.view_counts(me.id, chrono::Utc::now()).unwrap();
    let server_counts = s.get("/v1/tickets?view=mine", Role::Agent).await["counts"].clone();
    assert_eq!(
        serde_json::to_value(&counts).unwrap(),
        server_counts,
        "cache views match the server's"
    );

    let row = ui
        .ticket_rows(View::Mine, me.id, chrono::Utc::now(), 0, 1)
        .unwrap()
        .remove(0);
    let id = row.ticket.id;
    ui.enqueue(OutboxOp::Message {
        ticket_id: id,
        kind: MessageKind::Reply,
        body: "sync says hello".into(),
    })
    .unwrap();
    // Then a status change queued right after our own reply: not a conflict.
    ui.enqueue(OutboxOp::Patch {
        ticket_id: id,
        patch: TicketPatch {
            status: Some(Status::Pending),
            ..Default::default()
        },
    })
    .unwrap();
    handle.kick();
    wait_until("outbox drained", || {
        ui.outbox_counts().map(|c| c == (0, 0)).unwrap_or(false)
    })
    .await;
    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    let n = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"] == "sync says hello")
        .count();
    assert_eq!(n, 1);
    assert_eq!(detail["ticket"]["status"], "pending");
    wait_until("reply back in the cache as sent", || {
        ui.messages(id)
            .unwrap()
            .iter()
            .filter(|m| m.body == "sync says hello" && m.id > 0)
            .count()
            == 1
    })
    .await;
    assert_eq!(
        ui.messages(id)
            .unwrap()
            .iter()
            .filter(|m| m.body == "sync says hello")
            .count(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_patch_becomes_a_conflict_with_both_sides() {
    let s = common::demo_server().await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let client = Client::new(&s.server.url(), s.token(Role::Agent)).unwrap();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<SyncEvent>();
    let handle = sahaya_sync::spawn(client, cache.clone(), tx);
    tokio::spawn(async move { while rx.recv().await.is_some() {} });
    let mut ui = Store::open(&cache).unwrap();
    wait_until("initial sync", || {
        ui.view_counts(0, chrono::Utc::now())
            .map(|c| c.all >= 150)
            .unwrap_or(false)
    })
    .await;
    let ticket = ui
        .ticket_rows(View::Open, 0, chrono::Utc::now(), 0, 1)
        .unwrap()
        .remove(0)
        .ticket;

    // Someone else (the supervisor) changes the priority first.
    let resp = s
        .req(
            reqwest::Method::PATCH,
            &format!("/v1/tickets/{}", ticket.id),
            Role::Supervisor,
        )
        .header("If-Match", ticket.version.to_string())
        .json(&json!({"priority": "urgent"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // Our agent, not yet synced, sets the priority based on the old version.
    let entry = ui
        .enqueue(OutboxOp::Patch {
            ticket_id: ticket.id,
            patch: TicketPatch {
                priority: Some(sahaya_protocol::domain::Priority::Low),
                ..Default::default()
            },
        })
        .unwrap();
    assert_eq!(entry.base_version, Some(ticket.version));
    handle.kick();
    wait_until("conflict recorded", || {
        ui.outbox_counts()
            .map(|(_, problems)| problems == 1)
            .unwrap_or(false)
    })
    .await;
    let problem = ui.outbox_problems().unwrap().remove(0);
    assert_eq!(problem.state, OutboxState::Conflict);
    let theirs = problem.conflict.expect("their ticket kept");
    assert_eq!(theirs.priority, sahaya_protocol::domain::Priority::Urgent);
    // Nothing was overwritten on the server.
    let detail = s
        .get(&format!("/v1/tickets/{}", ticket.id), Role::Agent)
        .await;
    assert_eq!(detail["ticket"]["priority"], "urgent");
    // Re-apply mine: goes through on the current version.
    ui.retry(problem.id).unwrap();
    handle.kick();
    wait_until("re-applied", || {
        ui.outbox_counts().map(|c| c == (0, 0)).unwrap_or(false)
    })
    .await;
    let detail = s
        .get(&format!("/v1/tickets/{}", ticket.id), Role::Agent)
        .await;
    assert_eq!(detail["ticket"]["priority"], "low");
}
