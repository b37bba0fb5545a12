//! Request Tracker 5 backend figures, against a real RT on loopback (the
//! test harness's `RtServer`): initial sync of a seeded RT beside a bare
//! HTTP client fetching the same REST pages, outbox drain, and catch-up
//! after changes made in RT by someone else while the console was stopped.
//! Prints figures; asserts nothing about time.
//!
//!     cargo bench --bench rt
//!
//! Sizes (environment): `SAHAYA_BENCH_RT_TICKETS` (5000),
//! `SAHAYA_BENCH_RT_WRITES` (200), `SAHAYA_BENCH_RT_WRITE_TICKETS` (20),
//! `SAHAYA_BENCH_RT_CHANGES` (1000). A quick run:
//! `SAHAYA_BENCH_RT_TICKETS=300 SAHAYA_BENCH_RT_WRITES=40 SAHAYA_BENCH_RT_CHANGES=100`.
//! The seeded RT database is kept under `target/tmp/rt-seed/` and reused
//! by the next run of the same size (seeding 5,000 tickets through RT's
//! API takes the better part of an hour on 2 cores); delete it to seed
//! afresh.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::Url;
use sahaya_protocol::Clock;
use sahaya_protocol::domain::{MessageKind, Priority, Status};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::{OutboxOp, Store};
use sahaya_sync::rt::SESSION_LIFE;
use sahaya_sync::{RtBackend, SyncHandle};
use sahaya_testkit::rt::RtServer;
use serde_json::{Value, json};

// The adapter's queries, asked again by the bare client.
use sahaya_sync::rt::query::{self, PER_PAGE};

fn env_size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

/// 12345 → "12,345".
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn per_sec(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

// ---------------------------------------------------------------------------
// The adapter's requests, counted from its own debug events
// (`RT GET /REST/2.0/transactions`, with the answer's size).

#[derive(Default, Clone)]
struct Calls(BTreeMap<String, (u64, u64)>);

impl Calls {
    fn total(&self) -> u64 {
        self.0.values().map(|(n, _)| n).sum()
    }

    fn bytes(&self) -> u64 {
        self.0.values().map(|(_, b)| b).sum()
    }

    /// What was asked since `before`.
    fn since(&self, before: &Calls) -> Calls {
        let mut out = Calls::default();
        for (k, (n, b)) in &self.0 {
            let (n0, b0) = before.0.get(k).copied().unwrap_or_default();
            if n > &n0 {
                out.0.insert(k.clone(), (n - n0, b - b0));
            }
        }
        out
    }

    fn show(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(k, (n, _))| format!("{k} {}", thousands(*n)))
            .collect();
        format!(
            "{} requests, {:.1} MB ({})",
            thousands(self.total()),
            self.bytes() as f64 / 1e6,
            parts.join(", ")
        )
    }
}

/// A tracing subscriber that counts the adapter's requests and prints
/// warnings and errors.
struct Counter(Arc<Mutex<Calls>>);

#[derive(Default)]
struct Fields {
    message: String,
    bytes: u64,
}

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.message = format!("{value:?}");
        }
    }

    fn record_u64(&mut self, field: &tracing::field::Field, value: u64) {
        if field.name() == "bytes" {
            self.bytes = value;
        }
    }

    fn record_i64(&mut self, field: &tracing::field::Field, value: i64) {
        if field.name() == "bytes" {
            self.bytes = value.max(0) as u64;
        }
    }
}

/// `GET /REST/2.0/ticket/12/correspond` → `GET ticket/:id/correspond`.
fn call_name(message: &str) -> String {
    let what = message.trim_start_matches("RT ");
    let (method, path) = what.split_once(' ').unwrap_or((what, ""));
    let path = path.trim_start_matches("/REST/2.0/");
    let path: Vec<&str> = path
        .split('/')
        .map(|seg| {
            if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
                ":id"
            } else {
                seg
            }
        })
        .collect();
    format!("{method} {}", path.join("/"))
}

impl tracing::Subscriber for Counter {
    fn enabled(&self, meta: &tracing::Metadata<'_>) -> bool {
        meta.is_event()
            && (*meta.level() <= tracing::Level::WARN
                || (meta.target() == "sahaya_sync::rt::http"
                    && *meta.level() <= tracing::Level::DEBUG))
    }

    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }

    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let mut f = Fields::default();
        event.record(&mut f);
        let meta = event.metadata();
        if *meta.level() <= tracing::Level::WARN {
            eprintln!("  [{} {}] {}", meta.level(), meta.target(), f.message);
        } else if f.message.starts_with("RT ") {
            let mut calls = self.0.lock().unwrap_or_else(|e| e.into_inner());
            let slot = calls.0.entry(call_name(&f.message)).or_default();
            slot.0 += 1;
            slot.1 += f.bytes;
        }
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

// ---------------------------------------------------------------------------
// CPU time, read from /proc: this process (the adapter, the cache, the bare
// client) and RT's server processes (those running in RT's directory).

const USER_HZ: f64 = 100.0;

/// utime + stime (+ the reaped children's, when `children`) in seconds.
fn stat_cpu(stat: &str, children: bool) -> f64 {
    let Some(after) = stat.rsplit_once(')').map(|(_, rest)| rest) else {
        return 0.0;
    };
    let f: Vec<u64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    let get = |i: usize| f.get(i).copied().unwrap_or(0);
    let mut ticks = get(11) + get(12);
    if children {
        ticks += get(13) + get(14);
    }
    ticks as f64 / USER_HZ
}

fn own_cpu() -> f64 {
    std::fs::read_to_string("/proc/self/stat").map_or(0.0, |s| stat_cpu(&s, false))
}

fn rt_cpu(dir: &Path) -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    let mut total = 0.0;
    for e in entries.flatten() {
        let name = e.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let proc_dir = e.path();
        if std::fs::read_link(proc_dir.join("cwd")).ok().as_deref() != Some(dir) {
            continue;
        }
        if let Ok(stat) = std::fs::read_to_string(proc_dir.join("stat")) {
            total += stat_cpu(&stat, true);
        }
    }
    total
}

struct Cpu {
    own: f64,
    rt: f64,
}

impl Cpu {
    fn now(rt_dir: &Path) -> Cpu {
        Cpu {
            own: own_cpu(),
            rt: rt_cpu(rt_dir),
        }
    }

    fn since(&self, rt_dir: &Path) -> String {
        let now = Cpu::now(rt_dir);
        format!(
            "CPU: RT's server {:.1} s, this process {:.1} s",
            now.rt - self.rt,
            now.own - self.own
        )
    }
}

// ---------------------------------------------------------------------------
// A bare REST 2 client: the same requests the adapter makes for a pull,
// each answer parsed as JSON only as far as the next request needs.

fn num(v: &Value) -> i64 {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
        .or_else(|| v.get("id").map(num))
        .unwrap_or(0)
}

struct Bare {
    http: reqwest::Client,
    base: Url,
    auth: String,
    session: bool,
    cookie: Option<String>,
}

#[derive(Default)]
struct BareRun {
    elapsed: Duration,
    /// call → (requests, bytes, time waiting for RT)
    calls: BTreeMap<&'static str, (u64, u64, Duration)>,
    transactions: usize,
    tickets: HashSet<i64>,
}

impl BareRun {
    fn requests(&self) -> u64 {
        self.calls.values().map(|c| c.0).sum()
    }

    fn show(&self) -> String {
        let parts: Vec<String> = self
            .calls
            .iter()
            .map(|(k, (n, b, t))| {
                format!(
                    "{k}: {} × {:.0} ms, {:.0} kB each",
                    thousands(*n),
                    t.as_secs_f64() * 1e3 / *n as f64,
                    *b as f64 / 1e3 / *n as f64
                )
            })
            .collect();
        parts.join("; ")
    }
}

impl Bare {
    /// A bare client with `token`; with `session`, its reads go through an
    /// RT web session as the adapter's do (opened in `pull`).
    fn new(rt: &RtServer, token: &str, session: bool) -> Bare {
        Bare {
            http: reqwest::Client::new(),
            base: Url::parse(&format!("{}REST/2.0/", rt.url())).unwrap(),
            auth: format!("token {token}"),
            session,
            cookie: None,
        }
    }

    /// Logs in with the token (`GET /REST/1.0/`) and keeps RT's session
    /// cookie, as the adapter does.
    async fn open_session(&mut self, run: &mut BareRun) {
        let url = self.base.join("../1.0/").unwrap();
        let t = Instant::now();
        let resp = self
            .http
            .get(url)
            .header("Authorization", &self.auth)
            .send()
            .await
            .unwrap();
        let cookie = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .find(|v| v.starts_with("RT_SID_"))
            .map(str::to_string);
        let bytes = resp.bytes().await.unwrap();
        let slot = run.calls.entry("GET REST/1.0 (login)").or_default();
        slot.0 += 1;
        slot.1 += bytes.len() as u64;
        slot.2 += t.elapsed();
        assert!(
            bytes.starts_with(b"RT/") && cookie.is_some(),
            "RT opened no session: {}",
            String::from_utf8_lossy(&bytes)
        );
        self.cookie = cookie;
    }

    async fn get(
        &self,
        run: &mut BareRun,
        call: &'static str,
        path: &str,
        query: &[(&str, String)],
    ) -> Value {
        let mut url = self.base.join(path).unwrap();
        {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        let t = Instant::now();
        let mut req = self
            .http
            .get(url)
            .header("Authorization", &self.auth)
            .header("Accept", "application/json");
        if let Some(cookie) = &self.cookie {
            req = req.header("Cookie", cookie);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let bytes = resp.bytes().await.unwrap();
        let took = t.elapsed();
        assert!(status.is_success(), "GET {path}: {status}");
        let slot = run.calls.entry(call).or_default();
        slot.0 += 1;
        slot.1 += bytes.len() as u64;
        slot.2 += took;
        serde_json::from_slice(&bytes).unwrap()
    }

    fn items(v: &Value) -> Vec<Value> {
        v["items"].as_array().cloned().unwrap_or_default()
    }

    async fn latest(&self, run: &mut BareRun) -> i64 {
        let page = self
            .get(
                run,
                "GET transactions (latest)",
                "transactions",
                &query::latest(),
            )
            .await;
        Self::items(&page).first().map_or(0, |t| num(&t["id"]))
    }

    /// What the adapter asks RT for a pull from `cursor`, one request after
    /// the other: pages of transactions, the newest id when there is more,
    /// the tickets they touch, the texts of the messages, the history of a
    /// ticket met without its Create (the adapter starts with no summaries);
    /// after the requests a session starts with (the login, RT's version,
    /// the token's user, the key field, the supervisors' group).
    async fn pull(&mut self, cursor: i64) -> BareRun {
        self.pull_pages(cursor, usize::MAX).await
    }

    /// [`Bare::pull`], stopping after `pages` pages of transactions.
    async fn pull_pages(&mut self, mut cursor: i64, pages: usize) -> BareRun {
        let mut run = BareRun::default();
        let mut known: HashSet<i64> = HashSet::new();
        let mut known_latest = 0;
        let started = Instant::now();
        if self.session {
            self.open_session(&mut run).await;
        }
        self.get(&mut run, "GET rt", "rt", &[]).await;
        let user = self.auth.split('-').nth(1).unwrap_or("0").to_string();
        self.get(
            &mut run,
            "GET user/:id",
            &format!("user/{user}"),
            &query::user(),
        )
        .await;
        let key_field = query::transaction_field(sahaya_sync::rt::KEY_FIELD);
        self.get(&mut run, "GET customfields", "customfields", &key_field)
            .await;
        let supervisors = json!([
            {"field": "Name", "value": sahaya_sync::rt::DEFAULT_SUPERVISOR_GROUP},
            {"field": "Domain", "value": "UserDefined"},
        ]);
        self.get(
            &mut run,
            "GET groups",
            "groups",
            &[("query", supervisors.to_string())],
        )
        .await;
        loop {
            let page = self
                .get(
                    &mut run,
                    "GET transactions (page)",
                    "transactions",
                    &query::transactions(query::after(cursor), 1),
                )
                .await;
            let txns = Self::items(&page);
            let Some(last) = txns.last().map(|t| num(&t["id"])) else {
                self.latest(&mut run).await;
                break;
            };
            run.transactions += txns.len();
            let full = txns.len() >= PER_PAGE;
            // The newest id: on the first page, and once the pull is past it.
            if full && known_latest <= last {
                known_latest = self.latest(&mut run).await;
            }
            // ticket → its first transaction type in this page
            let mut by_ticket: BTreeMap<i64, String> = BTreeMap::new();
            for t in &txns {
                by_ticket
                    .entry(num(&t["ObjectId"]))
                    .or_insert_with(|| t["Type"].as_str().unwrap_or("").to_string());
            }
            let ids: Vec<i64> = by_ticket.keys().copied().collect();
            let mut visible = HashSet::new();
            for chunk in ids.chunks(PER_PAGE) {
                let found = self
                    .get(&mut run, "GET tickets", "tickets", &query::tickets(chunk))
                    .await;
                visible.extend(Self::items(&found).iter().map(|t| num(&t["id"])));
            }
            let messages: Vec<i64> = txns
                .iter()
                .filter(|t| {
                    matches!(
                        t["Type"].as_str(),
                        Some("Create" | "Correspond" | "Comment")
                    )
                })
                .map(|t| num(&t["id"]))
                .collect();
            for chunk in messages.chunks(PER_PAGE) {
                for n in 1.. {
                    let found = self
                        .get(
                            &mut run,
                            "GET attachments",
                            "attachments",
                            &query::texts(chunk, n),
                        )
                        .await;
                    if Self::items(&found).len() < PER_PAGE {
                        break;
                    }
                }
            }
            // Tickets met half-way: their histories, 100 tickets a query.
            let half_way: Vec<i64> = by_ticket
                .iter()
                .filter(|(id, first)| !known.contains(*id) && first.as_str() != "Create")
                .map(|(id, _)| *id)
                .collect();
            for chunk in half_way.chunks(PER_PAGE) {
                let sql = query::histories(chunk, last);
                for n in 1.. {
                    let page = self
                        .get(
                            &mut run,
                            "GET transactions (history)",
                            "transactions",
                            &query::transactions(sql.clone(), n),
                        )
                        .await;
                    if Self::items(&page).len() < PER_PAGE {
                        break;
                    }
                }
            }
            for ticket in by_ticket.keys() {
                known.insert(*ticket);
                if visible.contains(ticket) {
                    run.tickets.insert(*ticket);
                }
            }
            cursor = last;
            if !full || run.calls["GET transactions (page)"].0 as usize >= pages {
                break;
            }
        }
        run.elapsed = started.elapsed();
        run
    }
}

// ---------------------------------------------------------------------------
// The console side.

/// A console's sync against `rt` as agent `n`, its reads through RT web
/// sessions of `session_life` (zero: none). The poll interval is RT's
/// default, 5 s: every figure here is driven by the start or a kick.
fn console(rt: &RtServer, n: usize, cache: &Path, session_life: Duration) -> SyncHandle {
    let backend = RtBackend::new(&rt.url(), &rt.agents[n].token, Clock::system())
        .unwrap()
        .with_session_life(session_life);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(ev) = rx.recv().await {
            if let sahaya_sync::SyncEvent::Connection(c) = ev
                && !matches!(c, sahaya_sync::Connection::Online)
            {
                eprintln!("  console {n}: {c:?}");
            }
        }
    });
    sahaya_sync::spawn_with(backend, cache.to_path_buf(), tx, Clock::system())
}

async fn wait_until(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f() {
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?}: {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

struct Counts {
    tickets: i64,
    messages: i64,
}

fn cache_counts(cache: &Path) -> Counts {
    let conn =
        rusqlite::Connection::open_with_flags(cache, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    Counts {
        tickets: count("tickets"),
        messages: count("messages"),
    }
}

/// A plain REST call for the setup (writes by "someone else").
async fn rest(
    http: &reqwest::Client,
    rt: &RtServer,
    token: &str,
    method: reqwest::Method,
    path: String,
    body: Value,
) {
    let url = format!("{}REST/2.0/{path}", rt.url());
    let r = http
        .request(method, url)
        .header("Authorization", format!("token {token}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let text = r.text().await.unwrap_or_default();
    assert!(status.is_success(), "{path}: {status} {text}");
}

/// RT's cost of a request that asks for (almost) nothing, `GET rt`: with
/// the token (checked with bcrypt), through a web session opened with it,
/// and with neither (refused before any hashing).
async fn floor(rt: &RtServer, token: &str, rt_dir: &Path) {
    const N: u32 = 10;
    let http = reqwest::Client::new();
    let url = format!("{}REST/2.0/rt", rt.url());
    let mut bare = Bare::new(rt, token, true);
    bare.open_session(&mut BareRun::default()).await;
    let cookie = bare.cookie.clone().unwrap();
    let mut shown = Vec::new();
    for (name, header) in [
        (
            "with the token",
            Some(("Authorization", format!("token {token}"))),
        ),
        ("through a session", Some(("Cookie", cookie))),
        ("with neither (401)", None),
    ] {
        let cpu = Cpu::now(rt_dir);
        let t = Instant::now();
        for _ in 0..N {
            let mut req = http.get(&url);
            if let Some((k, v)) = &header {
                req = req.header(*k, v);
            }
            let r = req.send().await.unwrap();
            let _ = r.bytes().await.unwrap();
        }
        shown.push(format!(
            "{name} {:.0} ms ({})",
            (t.elapsed() / N).as_secs_f64() * 1e3,
            cpu.since(rt_dir)
        ));
    }
    println!(
        "RT's floor per request, GET rt ({N} requests each): {}",
        shown.join("; ")
    );
}

/// The machine's load (other work on it slows every figure here).
fn load() -> String {
    let avg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let avg: Vec<&str> = avg.split_whitespace().take(3).collect();
    format!("load average {}", avg.join(" "))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let tickets = env_size("SAHAYA_BENCH_RT_TICKETS", 5000);
    let writes = env_size("SAHAYA_BENCH_RT_WRITES", 200);
    let write_tickets = env_size("SAHAYA_BENCH_RT_WRITE_TICKETS", 20).clamp(1, tickets);
    let changes = env_size("SAHAYA_BENCH_RT_CHANGES", 1000);

    let calls = Arc::new(Mutex::new(Calls::default()));
    tracing::subscriber::set_global_default(Counter(calls.clone())).unwrap();
    let calls_now = || calls.lock().unwrap_or_else(|e| e.into_inner()).clone();

    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("Request Tracker backend bench");
    println!(
        "machine: {cores} cores (std::thread::available_parallelism); RT: Debian's request-tracker5, SQLite, rt-server --max-workers 3, loopback"
    );

    // Seed (or start from the seeded copy an earlier run kept).
    let t = Instant::now();
    let seed_cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rt-seed");
    let (rt, reused) = tokio::task::spawn_blocking({
        let seed_cache = seed_cache.clone();
        move || RtServer::start_seeded(tickets, true, &seed_cache).unwrap()
    })
    .await
    .unwrap();
    let rt_dir: PathBuf = rt.dir().canonicalize().unwrap();
    let agent = rt.agent().token.clone();
    let mut bare = Bare::new(&rt, &agent, true);
    let mut scratch = BareRun::default();
    let latest = bare.latest(&mut scratch).await;
    println!(
        "seeded: {} tickets (half with an agent's reply and the customer's answer; latest transaction id {}) in {} (setup: {})",
        thousands(tickets as u64),
        thousands(latest as u64),
        secs(t.elapsed()),
        if reused {
            format!("the copy kept in {}", seed_cache.display())
        } else {
            format!(
                "through RT's Perl API; a copy is kept in {} for the next run",
                seed_cache.display()
            )
        }
    );
    floor(&rt, &agent, &rt_dir).await;
    // RT's workers compile what a request needs the first time they serve
    // it: warmed up before anything is measured.
    let t = Instant::now();
    let warm = bare.pull_pages(0, 20).await;
    println!(
        "warm-up (not counted): {} requests in {}",
        warm.requests(),
        secs(t.elapsed())
    );

    // 1. Initial sync.
    println!(
        "\n1. initial sync into a fresh cache, {} tickets ({})",
        thousands(tickets as u64),
        load()
    );
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let calls0 = calls_now();
    let cpu = Cpu::now(&rt_dir);
    let t = Instant::now();
    let sync = console(&rt, 0, &cache, SESSION_LIFE);
    wait_until("initial sync", Duration::from_secs(3600), || {
        ui.cursor().unwrap_or(0) >= latest
    })
    .await;
    let initial = t.elapsed();
    let cpu_line = cpu.since(&rt_dir);
    let adapter_calls = calls_now().since(&calls0);
    let counts = cache_counts(&cache);
    assert_eq!(
        counts.tickets, tickets as i64,
        "the cache holds every ticket"
    );
    let cpu = Cpu::now(&rt_dir);
    let bare_run = bare.pull(0).await;
    let bare_cpu = cpu.since(&rt_dir);
    println!(
        "   adapter (sync task, RtBackend): {} to a cache of {} tickets and {} messages: {:.1} tickets/s ({:.0} ticket transactions/s)",
        secs(initial),
        thousands(counts.tickets as u64),
        thousands(counts.messages as u64),
        per_sec(tickets, initial),
        per_sec(bare_run.transactions, initial)
    );
    println!("   adapter: {}", adapter_calls.show());
    println!("   adapter: {cpu_line}");
    println!(
        "   bare reqwest, the same requests one after the other, through a session: {} for {} ticket transactions: {:.1} tickets/s; {} requests; {bare_cpu}",
        secs(bare_run.elapsed),
        thousands(bare_run.transactions as u64),
        per_sec(bare_run.tickets.len(), bare_run.elapsed),
        thousands(bare_run.requests())
    );
    println!(
        "   bare, per call (until RT's answer is read): {}",
        bare_run.show()
    );
    println!(
        "   adapter / bare: {:.2}× (the adapter's overhead: {:+.1}%; the adapter asks a page's tickets, texts and histories at once, the bare client one after the other)",
        initial.as_secs_f64() / bare_run.elapsed.as_secs_f64(),
        (initial.as_secs_f64() / bare_run.elapsed.as_secs_f64() - 1.0) * 100.0
    );

    // 1b. The same without a session: RT checks the token on every request.
    println!(
        "\n1b. the same initial sync with the token checked on every request (sessions off; {})",
        load()
    );
    let plain_dir = tempfile::tempdir().unwrap();
    let plain_cache = plain_dir.path().join("cache.db");
    let plain_ui = Store::open(&plain_cache).unwrap();
    let calls0 = calls_now();
    let cpu = Cpu::now(&rt_dir);
    let t = Instant::now();
    let plain_sync = console(&rt, 0, &plain_cache, Duration::ZERO);
    wait_until(
        "initial sync without a session",
        Duration::from_secs(3600),
        || plain_ui.cursor().unwrap_or(0) >= latest,
    )
    .await;
    let plain = t.elapsed();
    drop(plain_sync);
    let cpu_line = cpu.since(&rt_dir);
    println!(
        "   adapter without a session: {}: {:.1} tickets/s; {}; {cpu_line}; with a session it took {:.2}× as long",
        secs(plain),
        per_sec(tickets, plain),
        calls_now().since(&calls0).show(),
        initial.as_secs_f64() / plain.as_secs_f64()
    );
    drop(plain_ui);

    // 2. Outbox drain.
    println!(
        "\n2. outbox drain: {writes} writes over {write_tickets} tickets (3 of 4 messages, replies and notes alternating; 1 of 4 a status + priority patch; {})",
        load()
    );
    let calls0 = calls_now();
    let cpu = Cpu::now(&rt_dir);
    let t = Instant::now();
    let (mut replies, mut notes, mut patches) = (0, 0, 0);
    for i in 0..writes {
        let ticket_id = (i % write_tickets) as i64 + 1;
        let round = i / write_tickets;
        let op = if i % 4 == 3 {
            patches += 1;
            let (status, priority) = if round.is_multiple_of(2) {
                (Status::Pending, Priority::High)
            } else {
                (Status::Open, Priority::Normal)
            };
            OutboxOp::Patch {
                ticket_id,
                patch: TicketPatch {
                    status: Some(status),
                    priority: Some(priority),
                    ..Default::default()
                },
            }
        } else {
            let kind = if i % 2 == 0 {
                replies += 1;
                MessageKind::Reply
            } else {
                notes += 1;
                MessageKind::Note
            };
            OutboxOp::Message {
                ticket_id,
                kind,
                body: format!("bench write {i}: ನಮಸ್ಕಾರ, ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ದಾರಿಯಲ್ಲಿದೆ"),
            }
        };
        ui.enqueue(op).unwrap();
    }
    let enqueued = t.elapsed();
    sync.kick();
    wait_until("outbox drained", Duration::from_secs(3600), || {
        ui.outbox_counts()
            .map(|(waiting, _)| waiting == 0)
            .unwrap_or(false)
    })
    .await;
    let drain = t.elapsed();
    let cpu_line = cpu.since(&rt_dir);
    let drain_calls = calls_now().since(&calls0);
    let (_, problems) = ui.outbox_counts().unwrap();
    println!(
        "   {writes} writes ({replies} replies, {notes} notes, {patches} patches) acknowledged in {} (enqueueing took {:.1} ms): {:.1} writes/s, {:.0} ms per write; {problems} problems",
        secs(drain),
        enqueued.as_secs_f64() * 1e3,
        per_sec(writes, drain),
        drain.as_secs_f64() * 1e3 / writes.max(1) as f64
    );
    println!(
        "   adapter: {} ({:.1} per write, including the pull after the kick if it started)",
        drain_calls.show(),
        drain_calls.total() as f64 / writes.max(1) as f64
    );
    println!("   {cpu_line}");
    for e in ui.outbox_problems().unwrap() {
        println!(
            "   problem: entry {} {:?}: {:?}",
            e.id, e.state, e.last_error
        );
    }

    // 3. Catch-up after someone else's changes.
    let mut scratch = BareRun::default();
    let own_latest = bare.latest(&mut scratch).await;
    wait_until(
        "the console pulled its own writes",
        Duration::from_secs(600),
        || ui.cursor().unwrap_or(0) >= own_latest,
    )
    .await;
    drop(sync);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start_cursor = ui.cursor().unwrap();
    let before = cache_counts(&cache);
    let other = rt.agents[1].token.clone();
    let touched = changes.min(tickets);
    println!(
        "\n3. catch-up: {changes} changes by another agent over REST while the console is stopped (on {touched} tickets: replies and priority changes alternating), then the console starts on its cache ({})",
        load()
    );
    let t = Instant::now();
    let http = reqwest::Client::new();
    let mut other_replies = 0;
    let jobs: Vec<(reqwest::Method, String, Value)> = (0..changes)
        .map(|i| {
            let ticket = (i % tickets) + 1;
            if i % 2 == 0 {
                other_replies += 1;
                (
                    reqwest::Method::POST,
                    format!("ticket/{ticket}/correspond"),
                    json!({"Content": format!("Update {i}: the courier has it / ಕೊರಿಯರ್ ಬಳಿ ಇದೆ"), "ContentType": "text/plain"}),
                )
            } else {
                (
                    reqwest::Method::PUT,
                    format!("ticket/{ticket}"),
                    json!({"Priority": (i * 13) % 101}),
                )
            }
        })
        .collect();
    futures::stream::iter(jobs)
        .map(|(method, path, body)| rest(&http, &rt, &other, method, path, body))
        .buffer_unordered(3)
        .collect::<Vec<()>>()
        .await;
    let theirs_latest = bare.latest(&mut scratch).await;
    println!(
        "   made in {} (setup): {} ticket transactions after the console's cursor",
        secs(t.elapsed()),
        thousands((theirs_latest - start_cursor) as u64)
    );
    let calls0 = calls_now();
    let cpu = Cpu::now(&rt_dir);
    let t = Instant::now();
    let sync = console(&rt, 0, &cache, SESSION_LIFE);
    wait_until("catch-up", Duration::from_secs(3600), || {
        ui.cursor().unwrap_or(0) >= theirs_latest
    })
    .await;
    let catch_up = t.elapsed();
    let cpu_line = cpu.since(&rt_dir);
    let catch_calls = calls_now().since(&calls0);
    let after = cache_counts(&cache);
    drop(sync);
    assert_eq!(
        after.messages - before.messages,
        other_replies as i64,
        "every reply by the other agent is in the cache"
    );
    println!(
        "   caught up in {}: {:.1} changes/s, {} new messages in the cache",
        secs(catch_up),
        per_sec(changes, catch_up),
        after.messages - before.messages
    );
    println!("   adapter: {}", catch_calls.show());
    println!("   adapter: {cpu_line}");
    let bare_catch = bare.pull(start_cursor).await;
    println!(
        "   bare reqwest, the same requests: {} ({} requests); adapter / bare {:.2}×",
        secs(bare_catch.elapsed),
        thousands(bare_catch.requests()),
        catch_up.as_secs_f64() / bare_catch.elapsed.as_secs_f64()
    );
    println!("   bare, per call: {}", bare_catch.show());
    println!("\nafterwards: {}", load());
    drop(rt);
}
