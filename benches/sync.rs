//! Offline-first figures: outbox drain after reconnect and change-feed
//! catch-up, against the real server over loopback. Prints figures; asserts
//! nothing about time. Run: `cargo bench --bench sync`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use sahaya::client::Client;
use sahaya::domain::{MessageKind, Role};
use sahaya::protocol::{InboundMessage, View};
use sahaya::server::{ServeOptions, start};
use sahaya::store::{OutboxOp, Store};
use sahaya::sync::{self, SyncEvent};
use sahaya_testkit::server::loopback;

async fn wait_until(mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while !f() {
        assert!(Instant::now() < deadline, "timed out");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

fn spawn_sync(url: &str, token: &str, cache: &std::path::Path) -> sync::SyncHandle {
    let client = Client::new(url, token.to_string()).expect("client");
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<SyncEvent>();
    tokio::spawn(async move { while rx.recv().await.is_some() {} });
    sync::spawn(client, cache.to_path_buf(), tx)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = start(ServeOptions {
        db: Some(dir.path().join("server.db")),
        demo: true,
        ..loopback()
    })
    .await
    .expect("server");
    let url = server.url();
    let agent = server.token(Role::Agent).expect("agent").to_string();
    let bridge = server.token(Role::Integration).expect("bridge").to_string();
    let cache = dir.path().join("cache.db");

    // Initial sync, then stop syncing ("offline").
    {
        let handle = spawn_sync(&url, &agent, &cache);
        let store = Store::open(&cache).expect("cache");
        wait_until(|| {
            store
                .view_counts(0, chrono::Utc::now())
                .map(|c| c.all >= 150)
                .unwrap_or(false)
        })
        .await;
        drop(handle);
    }
    let mut store = Store::open(&cache).expect("cache");
    let me = store.me().ok().flatten().map_or(1, |a| a.id);
    let tickets: Vec<i64> = store
        .ticket_rows(View::Open, me, chrono::Utc::now(), 0, 20)
        .expect("rows")
        .into_iter()
        .map(|r| r.ticket.id)
        .collect();

    // 1. 1,000 writes queued while offline, then the connection comes back.
    let t = Instant::now();
    for i in 0..1000 {
        let ticket_id = tickets[i % tickets.len()];
        store
            .enqueue(OutboxOp::Message {
                ticket_id,
                kind: MessageKind::Note,
                body: format!("bench note {i}"),
            })
            .expect("enqueue");
    }
    let enqueue = t.elapsed();
    let t = Instant::now();
    let handle = spawn_sync(&url, &agent, &cache);
    wait_until(|| store.outbox_counts().map(|c| c == (0, 0)).unwrap_or(false)).await;
    let drain = t.elapsed();
    drop(handle);
    println!(
        "outbox: enqueue 1,000 writes (durable) {:>8.1} ms",
        enqueue.as_secs_f64() * 1e3
    );
    println!(
        "outbox: drain 1,000 writes after reconnect {:>6.1} ms  (target <= 2000 ms)",
        drain.as_secs_f64() * 1e3
    );

    // 2. 10,000 changes happen while this console is away.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let bridge_client = Client::new(&url, bridge).expect("client");
    let before = store.cursor().expect("cursor");
    let reader = Client::new(&url, agent.clone()).expect("client");
    let latest_before = reader.changes(0, 1).await.map(|p| p.latest).unwrap_or(0);
    let mut made = 0;
    let mut i = 0;
    while made < 10_000 {
        let created = bridge_client
            .inbound(
                &InboundMessage {
                    name: Some(format!("Bench customer {}", i % 3000)),
                    subject: Some("Where is my order?".into()),
                    language: Some("kn".into()),
                    ..InboundMessage::new(
                        sahaya::domain::Channel::Email,
                        format!("bench{}@example.in", i % 3000),
                        format!("ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿದೆ? message {i}"),
                    )
                },
                None,
            )
            .await
            .expect("inbound");
        made += if created.created { 3 } else { 2 };
        i += 1;
    }
    let latest = reader.changes(0, 1).await.map(|p| p.latest).unwrap_or(0);
    let t = Instant::now();
    let _handle = spawn_sync(&url, &agent, &cache);
    wait_until(|| store.cursor().map(|c| c >= latest).unwrap_or(false)).await;
    let catch_up = t.elapsed();
    println!(
        "feed: catch up {} changes (seq {}..{}, cursor was {before}) {:>8.1} ms  (target <= 3000 ms)",
        made,
        latest_before,
        latest,
        catch_up.as_secs_f64() * 1e3
    );
    server.stop().await;
}
