//! Change fan-out past one machine: SSE clients on the reference server,
//! first on SQLite (one server), then on PostgreSQL (two servers on one
//! database, the clients split between them), under a steady read load.
//! Prints figures; asserts nothing about time.
//!
//! For each setup: replies are posted one after another, alternating
//! between the servers; every client records when the `change` event of
//! each reply's message reached it. Write → client latency is from sending
//! the POST to the client decoding the event. Meanwhile a reader sends
//! GET /v1/tickets at a fixed rate over all servers.
//!
//! Run: `cargo bench --bench instances` (PostgreSQL from .ci/install-pg; a
//! throwaway cluster is started). Sizes: SAHAYA_BENCH_CLIENTS (1000),
//! SAHAYA_BENCH_READS (reads per second, 2000), SAHAYA_BENCH_WRITES (100),
//! SAHAYA_BENCH_TICKETS (2000 synthetic tickets).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::StreamExt;
use sahaya::domain::Role;
use sahaya::server::{RunningServer, ServeOptions, start};
use serde_json::{Value, json};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    ms(sorted[i])
}

fn summary(name: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "  {name:<22} n={:<7} p50 {:>7.1} ms  p95 {:>7.1} ms  p99 {:>7.1} ms  max {:>7.1} ms",
        v.len(),
        percentile(&v, 0.50),
        percentile(&v, 0.95),
        percentile(&v, 0.99),
        v.last().map_or(f64::NAN, |d| ms(*d)),
    );
}

struct Setup {
    name: &'static str,
    servers: Vec<RunningServer>,
    _dir: tempfile::TempDir,
}

async fn sqlite(tickets: usize) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let server = start(ServeOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        db: Some(dir.path().join("server.db")),
        synthetic_tickets: tickets,
        ..Default::default()
    })
    .await
    .unwrap();
    Setup {
        name: "SQLite, 1 server",
        servers: vec![server],
        _dir: dir,
    }
}

async fn postgres(tickets: usize) -> Setup {
    let url = sahaya_testkit::pg::database();
    let mut servers = Vec::new();
    for i in 0..2 {
        servers.push(
            start(ServeOptions {
                addr: "127.0.0.1:0".parse().unwrap(),
                postgres: Some(url.clone()),
                synthetic_tickets: if i == 0 { tickets } else { 0 },
                ..Default::default()
            })
            .await
            .unwrap(),
        );
    }
    Setup {
        name: "PostgreSQL, 2 servers",
        servers,
        _dir: tempfile::tempdir().unwrap(),
    }
}

/// One SSE client: when each message's change event arrived, until it has
/// seen `writes` of them or `until`.
async fn client(
    http: reqwest::Client,
    url: String,
    token: String,
    writes: usize,
    connected: tokio::sync::mpsc::Sender<()>,
    until: Instant,
) -> Vec<(i64, Instant)> {
    let resp = http
        .get(format!("{url}/v1/events"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let _ = connected.send(()).await;
    let mut events = eventsource_stream::EventStream::new(resp.bytes_stream());
    let mut seen = Vec::with_capacity(writes);
    while seen.len() < writes {
        let left = until.saturating_duration_since(Instant::now());
        let Ok(Some(Ok(event))) = tokio::time::timeout(left, events.next()).await else {
            break;
        };
        if event.event == "change" {
            let data: Value = serde_json::from_str(&event.data).unwrap();
            if data["type"] == "message" {
                seen.push((
                    data["id"].as_str().unwrap().parse().unwrap(),
                    Instant::now(),
                ));
            }
        }
    }
    seen
}

async fn run(setup: Setup, clients: usize, reads_per_s: usize, writes: usize) {
    println!("{}:", setup.name);
    let urls: Vec<String> = setup.servers.iter().map(|s| s.url()).collect();
    let agent = setup.servers[0].token(Role::Agent).unwrap().to_string();
    let bridge = setup.servers[0]
        .token(Role::Integration)
        .unwrap()
        .to_string();
    let http = reqwest::Client::new();
    let ticket: Value = http
        .post(format!("{}/v1/inbound", urls[0]))
        .bearer_auth(&bridge)
        .header("Idempotency-Key", "bench-ticket")
        .json(&json!({"channel": "whatsapp", "from": "+919800000001", "name": "Bench", "body": "hello"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ticket = ticket["ticket"]["id"].as_i64().unwrap();

    // Clients, spread over the servers; wait until all are connected.
    let until = Instant::now() + Duration::from_secs(120);
    let (tx, mut rx) = tokio::sync::mpsc::channel(clients.max(1));
    let sse = reqwest::Client::new();
    let tasks: Vec<_> = (0..clients)
        .map(|i| {
            tokio::spawn(client(
                sse.clone(),
                urls[i % urls.len()].clone(),
                agent.clone(),
                writes,
                tx.clone(),
                until,
            ))
        })
        .collect();
    drop(tx);
    let connect_start = Instant::now();
    for _ in 0..clients {
        rx.recv().await.unwrap();
    }
    println!(
        "  {clients} SSE clients over {} server(s) connected in {:.0} ms",
        urls.len(),
        ms(connect_start.elapsed())
    );

    // Read load until the writes are done.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reads_done = Arc::new(AtomicU64::new(0));
    let read_errors = Arc::new(AtomicU64::new(0));
    let read_times = Arc::new(std::sync::Mutex::new(Vec::new()));
    let read_start = Instant::now();
    let reader = {
        let (stop, done, errors, times) = (
            stop.clone(),
            reads_done.clone(),
            read_errors.clone(),
            read_times.clone(),
        );
        let (http, urls, agent) = (http.clone(), urls.clone(), agent.clone());
        tokio::spawn(async move {
            let per_tick = (reads_per_s / 100).max(1);
            // At most this many reads in flight: past it the server is
            // behind, and the rate printed shows it.
            let in_flight = Arc::new(tokio::sync::Semaphore::new(256));
            let mut tick = tokio::time::interval(Duration::from_millis(10));
            let mut n = 0usize;
            while !stop.load(Ordering::SeqCst) {
                tick.tick().await;
                for _ in 0..per_tick {
                    let Ok(permit) = in_flight.clone().try_acquire_owned() else {
                        break;
                    };
                    n += 1;
                    let url = format!("{}/v1/tickets?view=open&limit=50", urls[n % urls.len()]);
                    let (http, agent, done, errors, times) = (
                        http.clone(),
                        agent.clone(),
                        done.clone(),
                        errors.clone(),
                        times.clone(),
                    );
                    tokio::spawn(async move {
                        let _permit = permit;
                        let sent = Instant::now();
                        match http.get(url).bearer_auth(agent).send().await {
                            Ok(r) if r.status().is_success() => {
                                let _ = r.bytes().await;
                                done.fetch_add(1, Ordering::SeqCst);
                                times.lock().unwrap().push(sent.elapsed());
                            }
                            _ => {
                                errors.fetch_add(1, Ordering::SeqCst);
                            }
                        }
                    });
                }
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Writes, alternating between the servers.
    let mut sent_at: HashMap<i64, Instant> = HashMap::new();
    let mut write_times = Vec::new();
    let load_start = Instant::now();
    for i in 0..writes {
        let sent = Instant::now();
        let answer: Value = http
            .post(format!(
                "{}/v1/tickets/{ticket}/messages",
                urls[i % urls.len()]
            ))
            .bearer_auth(&agent)
            .header("Idempotency-Key", format!("bench-{i}"))
            .json(&json!({"kind": "note", "body": format!("bench note {i}")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        write_times.push(sent.elapsed());
        sent_at.insert(answer["message"]["id"].as_i64().unwrap(), sent);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut latencies = Vec::new();
    let mut missing = 0usize;
    for task in tasks {
        let seen = task.await.unwrap();
        let got: HashMap<i64, Instant> = seen.into_iter().collect();
        for (id, sent) in &sent_at {
            match got.get(id) {
                Some(at) => latencies.push(at.saturating_duration_since(*sent)),
                None => missing += 1,
            }
        }
    }
    let written_in = load_start.elapsed();
    stop.store(true, Ordering::SeqCst);
    let elapsed = read_start.elapsed();
    let _ = reader.await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let reads = reads_done.load(Ordering::SeqCst);
    println!(
        "  reads: {reads} in {:.1} s = {:.0}/s (target {reads_per_s}/s), {} failed",
        elapsed.as_secs_f64(),
        reads as f64 / elapsed.as_secs_f64(),
        read_errors.load(Ordering::SeqCst)
    );
    summary("read", std::mem::take(&mut *read_times.lock().unwrap()));
    println!("  {writes} writes in {:.1} s", written_in.as_secs_f64());
    summary("write (POST)", write_times);
    summary("write → SSE client", latencies);
    println!("  events missing: {missing}");
    for s in setup.servers {
        s.stop().await;
    }
}

fn main() {
    let clients = env("SAHAYA_BENCH_CLIENTS", 1000);
    let reads = env("SAHAYA_BENCH_READS", 2000);
    let writes = env("SAHAYA_BENCH_WRITES", 100);
    let tickets = env("SAHAYA_BENCH_TICKETS", 2000);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        println!(
            "fan-out: {clients} SSE clients, {reads} reads/s, {writes} writes, {tickets} tickets"
        );
        run(sqlite(tickets).await, clients, reads, writes).await;
        run(postgres(tickets).await, clients, reads, writes).await;
    });
}
