//! Supervisor statistics at scale: 100,000 tickets, 200 supervisor consoles
//! on the live stream. Prints figures; asserts nothing about time.
//!
//! - server cost per statistics update: the running counters plus indexed
//!   range counts (what the server does after each burst of changes), next
//!   to a from-scratch recount for comparison;
//! - event to screen: a customer message is posted over HTTP; the time until
//!   each of the 200 SSE clients has decoded the statistics that include it,
//!   and until a headless console (the real `App`, fed the event the way the
//!   sync task feeds it) has drawn the new count.
//!
//! Run: `cargo bench --bench supervisor` (SAHAYA_BENCH_TICKETS, _CLIENTS and
//! _SAMPLES change the sizes).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use futures::StreamExt;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sahaya_testkit::server::loopback;
use sahaya_testkit::ui::new_app;

use sahaya::client::Client;
use sahaya::domain::{Channel, Role};
use sahaya::protocol::{InboundMessage, StreamEvent};
use sahaya::server::{ServeOptions, start};
use sahaya::store::Store;
use sahaya::sync::{Connection, SyncEvent};
use sahaya::ui::{Msg, update};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// p50 / p90 / p99 / max of `v`, in milliseconds.
fn summary(v: &mut [Duration]) -> String {
    if v.is_empty() {
        return "no samples".into();
    }
    v.sort();
    let at = |p: f64| v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1];
    format!(
        "p50 {:7.2} ms   p90 {:7.2} ms   p99 {:7.2} ms   max {:7.2} ms   (n = {})",
        ms(at(0.50)),
        ms(at(0.90)),
        ms(at(0.99)),
        ms(v[v.len() - 1]),
        v.len()
    )
}

/// CPU time used by this process so far (user + system).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the
    // command name); the kernel counts in clock ticks of 10 ms.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let tickets = env("SAHAYA_BENCH_TICKETS", 100_000);
    let clients = env("SAHAYA_BENCH_CLIENTS", 200);
    let samples = env("SAHAYA_BENCH_SAMPLES", 40);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "supervisor statistics: {tickets} synthetic tickets, {clients} SSE clients, {samples} updates, {cores} cores, 2 runtime workers"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let seeding = Instant::now();
    let server = start(ServeOptions {
        db: Some(dir.path().join("server.db")),
        demo: true,
        synthetic_tickets: tickets,
        ..loopback()
    })
    .await
    .expect("server");
    println!("seeded in {:.1} s", seeding.elapsed().as_secs_f64());
    let url = server.url();
    let sup_token = server.token(Role::Supervisor).expect("supervisor");
    let bridge =
        Client::new(&url, server.token(Role::Integration).expect("bridge")).expect("client");
    let sup = Client::new(&url, sup_token).expect("client");
    let me = sup.me().await.expect("me").agent;

    // Server cost per statistics update.
    let now = chrono::Utc::now();
    let first = server.compute_stats(false, now).expect("stats");
    assert_eq!(
        first,
        server.compute_stats(true, now).expect("stats"),
        "incremental and full agree"
    );
    println!(
        "tickets in the database: {} ({} active, {} breached)",
        first.views.all,
        first.views.all - first.views.solved,
        first.sla.breached
    );
    // `runs` statistics updates, incremental or full: the time each took.
    let time = |runs: usize, full: bool| -> Vec<Duration> {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(
                    server
                        .compute_stats(full, chrono::Utc::now())
                        .expect("stats"),
                );
                t.elapsed()
            })
            .collect()
    };
    let mut incremental = time(200, false);
    let mut full = time(5, true);
    let json = serde_json::to_vec(&first).expect("json");
    println!("server cost per statistics update (database lock held):");
    println!(
        "  incremental counters + range counts  {}",
        summary(&mut incremental)
    );
    println!(
        "  full recount (for comparison)        {}",
        summary(&mut full)
    );
    println!("  one stats event: {} bytes of JSON", json.len());

    // 200 supervisor consoles on the live stream: `clients - 1` decode the
    // events; one is a headless console that draws them.
    let (seen_tx, mut seen_rx) = tokio::sync::mpsc::unbounded_channel::<(usize, i64, Instant)>();
    let mut tasks = Vec::new();
    for i in 1..clients {
        let c = sup.clone();
        let tx = seen_tx.clone();
        tasks.push(tokio::spawn(async move {
            let mut events = c.events(None).await.expect("stream");
            while let Some(event) = events.next().await {
                if let Ok(StreamEvent::Stats(stats)) = event
                    && tx.send((i, stats.views.all, Instant::now())).is_err()
                {
                    return;
                }
            }
        }));
    }
    // The console: the real App over a cache that knows who is signed in.
    let cache = dir.path().join("console.db");
    let (frame_tx, mut frame_rx) = tokio::sync::mpsc::unbounded_channel::<(i64, Instant)>();
    {
        let mut store = Store::open(&cache).expect("cache");
        store.set_me(&me).expect("me");
    }
    let console_client = sup.clone();
    let console = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let mut app = new_app(&cache, "en");
            app.show_supervisor = true;
            update(
                &mut app,
                Msg::Sync(SyncEvent::Connection(Connection::Online)),
            );
            let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
            let mut events = console_client.events(None).await.expect("stream");
            while let Some(event) = events.next().await {
                if let Ok(StreamEvent::Stats(stats)) = event {
                    let all = stats.views.all;
                    update(&mut app, Msg::Sync(SyncEvent::Stats(stats)));
                    terminal
                        .draw(|f| sahaya::ui::view::render(&mut app, f))
                        .expect("draw");
                    if frame_tx.send((all, Instant::now())).is_err() {
                        return;
                    }
                }
            }
        })
    });
    // Everyone has the first figures: the streams are open.
    let mut ready = std::collections::HashSet::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while ready.len() < clients - 1 {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, seen_rx.recv()).await {
            Ok(Some((i, _, _))) => {
                ready.insert(i);
            }
            _ => panic!("only {} of {} streams opened", ready.len(), clients - 1),
        }
    }
    tokio::time::timeout(Duration::from_secs(60), frame_rx.recv())
        .await
        .expect("console stream")
        .expect("console");
    println!("{clients} supervisor streams open");
    // Drop what came before the first sample.
    tokio::time::sleep(Duration::from_millis(500)).await;
    while seen_rx.try_recv().is_ok() {}
    while frame_rx.try_recv().is_ok() {}

    let mut to_clients = Vec::new();
    let mut to_last_client = Vec::new();
    let mut to_screen = Vec::new();
    let mut write_times = Vec::new();
    let cpu_before = cpu_time();
    let wall = Instant::now();
    for n in 0..samples {
        let before = sup.stats().await.expect("stats").views.all;
        let target = before + 1;
        let t0 = Instant::now();
        let created = bridge
            .inbound(
                &InboundMessage {
                    name: Some(format!("Bench {n}")),
                    subject: Some("Where is my parcel?".into()),
                    language: Some("en".into()),
                    ..InboundMessage::new(
                        Channel::Chat,
                        format!("bench-{n}@example.in"),
                        "Where is my parcel?".into(),
                    )
                },
                None,
            )
            .await
            .expect("inbound");
        write_times.push(t0.elapsed());
        assert!(created.created);
        let deadline = t0 + Duration::from_secs(30);
        let mut got = std::collections::HashSet::new();
        let mut screen = None;
        let mut last = t0;
        while got.len() < clients - 1 || screen.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            tokio::select! {
                seen = seen_rx.recv() => match seen {
                    Some((i, all, at)) if all >= target && got.insert(i) => {
                        to_clients.push(at - t0);
                        last = last.max(at);
                    }
                    Some(_) => {}
                    None => panic!("clients gone"),
                },
                frame = frame_rx.recv() => match frame {
                    Some((all, at)) if all >= target && screen.is_none() => screen = Some(at - t0),
                    Some(_) => {}
                    None => panic!("console gone"),
                },
                _ = tokio::time::sleep(left) => panic!("sample {n}: only {} clients updated", got.len()),
            }
        }
        to_last_client.push(last - t0);
        to_screen.extend(screen);
        // Apart by more than the 250 ms refresh gap: each sample is one update.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let elapsed = wall.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_before);
    println!("event to screen, {samples} customer messages, {clients} SSE clients:");
    println!(
        "  HTTP write (inbound)                 {}",
        summary(&mut write_times)
    );
    println!(
        "  write to each SSE client decoded     {}",
        summary(&mut to_clients)
    );
    println!(
        "  write to the last of the clients     {}",
        summary(&mut to_last_client)
    );
    println!(
        "  write to the console's frame drawn   {}",
        summary(&mut to_screen)
    );
    println!(
        "  process CPU over the run: {:.0} ms in {:.1} s ({:.1} ms per update, server + {clients} clients + {samples} stats() calls)",
        ms(cpu),
        elapsed.as_secs_f64(),
        ms(cpu) / samples as f64
    );
    for t in tasks {
        t.abort();
    }
    server.stop().await;
    drop(frame_rx);
    let _ = console.join();
}
