//! Scale figures (invariant 5): 100, 10,000 and 100,000 synthetic tickets
//! (`--synthetic-tickets`, about ten messages each) served by the reference
//! server over loopback, pulled into a fresh cache by the real sync task, then
//! the console is driven headless (`update` + `view::render` into a 160×45
//! `TestBackend`). Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench --bench perf`. Environment:
//! - `SAHAYA_BENCH_SIZES=100,10000,100000` — the data sets (largest last).
//! - `SAHAYA_BENCH_DIR=/some/dir` — keep the server databases and caches
//!   there and reuse them on the next run (the initial sync is then measured
//!   only when the cache is missing).
//! - `SAHAYA_BENCH_ONLY=start,keys,search` — run only these parts;
//!   `sync-split` (not run by default) times the fetch and apply halves of
//!   the initial sync apart, with pages of 1,000 and 5,000 changes.
//!
//! Cold start and peak RSS are measured in a child process (this binary again,
//! with `SAHAYA_PERF_CHILD` set) so that the server, the sync task and the
//! other data sets do not count; so is the initial sync (`console_sync`: the
//! sync task and the UI together, as in the console).
//!
//! For 1,000,000 tickets (about 10M messages; seeding the server takes
//! minutes, the initial sync a few more):
//! `SAHAYA_BENCH_SIZES=100000,1000000 cargo bench --bench perf`; the last
//! table prints every key's figures side by side with the ratio of the two
//! largest sets.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_sync;
mod side_by_side;
mod sync_split;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sahaya_testkit::server::loopback;
use sahaya_testkit::ui::{ch, key, new_app};

use sahaya::client::Client;
use sahaya::domain::Role;
use sahaya::protocol::{Change, Entity};
use sahaya::server::{ServeOptions, start};
use sahaya::store::Store;
use sahaya::sync::SyncEvent;
use sahaya::ui::app::Pane;
use sahaya::ui::{App, Effect, Msg, update, view};

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;
const CHILD_ENV: &str = "SAHAYA_PERF_CHILD";

/// Search words: Latin and Kannada / Telugu / Devanagari, all in the
/// synthetic messages or subjects, plus a one-letter prefix (what the search
/// overlay runs after the first key).
const QUERIES: &[&str] = &[
    "courier",
    "refund",
    "order",
    "UPI cracked",
    "ಪಾರ್ಸೆಲ್",
    "ಆರ್ಡರ್",
    "ఆర్డర్",
    "सामान",
    "माफ",
    "o",
];

/// Words typed into the search overlay in the keypress runs.
const TYPED: &[&str] = &["courier", "ಪಾರ್ಸೆಲ್", "refund", "ఆర్డర్", "सामान"];

fn main() {
    if let Ok(cache) = std::env::var(CHILD_ENV) {
        child(Path::new(&cache));
        return;
    }
    if let Ok(cache) = std::env::var(console_sync::CHILD_ENV) {
        console_sync::child(Path::new(&cache));
        return;
    }
    let sizes: Vec<usize> = std::env::var("SAHAYA_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 10_000, 100_000]);
    let (_tmp, dir) = match std::env::var("SAHAYA_BENCH_DIR") {
        Ok(d) => {
            std::fs::create_dir_all(&d).expect("bench dir");
            (None, PathBuf::from(d))
        }
        Err(_) => {
            let t = tempfile::tempdir().expect("tempdir");
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    };
    println!(
        "sahaya perf: {} cores, frame {WIDTH}x{HEIGHT}, data sets {sizes:?}, load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average()
    );

    let only = std::env::var("SAHAYA_BENCH_ONLY").unwrap_or_default();
    let part = |name: &str| only.is_empty() || only.split(',').any(|p| p.trim() == name);
    let mut sets = Vec::new();
    for &n in &sizes {
        sets.push(prepare(
            &dir,
            n,
            only.split(',').any(|p| p.trim() == "sync-split"),
        ));
    }

    println!(
        "\n== (4) initial sync over loopback (fresh cache; the console's sync task and UI in a child process) =="
    );
    for s in &sets {
        match &s.sync {
            Some((f, changes)) => println!(
                "{:>7} tickets: {:>9} changes in {:>8.2} s ({:>7.0} changes/s, {:>6.0} tickets/s; \
                 the console's CPU {:.1} s); peak RSS of the console meanwhile {:>6.1} MB \
                 (target <= 100 MB); {} frames drawn",
                s.tickets,
                changes,
                f.took.as_secs_f64(),
                *changes as f64 / f.took.as_secs_f64(),
                s.tickets as f64 / f.took.as_secs_f64(),
                f.cpu_ms as f64 / 1000.0,
                f.hwm_kb as f64 / 1024.0,
                f.frames
            ),
            None => println!("{:>7} tickets: cache reused, not measured", s.tickets),
        }
    }

    if part("start") {
        println!(
            "\n== (1) cold start: Store::open -> App::new -> first full frame (child process) =="
        );
        println!("== (5) peak RSS (VmHWM) of that child process ==");
        for s in &sets {
            let runs: Vec<ChildFigures> = (0..5).map(|_| run_child(&s.cache)).collect();
            let mut cold: Vec<Duration> = runs.iter().map(|r| r.cold).collect();
            cold.sort();
            let hwm_frame = runs.iter().map(|r| r.hwm_frame_kb).max().unwrap_or(0);
            let hwm_session = runs.iter().map(|r| r.hwm_session_kb).max().unwrap_or(0);
            println!(
                "{:>7} tickets: cold start median {:>6.1} ms, max {:>6.1} ms  (target <= 150 ms); \
             peak RSS after first frame {:>6.1} MB, after a session {:>6.1} MB  (target <= 150 MB)",
                s.tickets,
                ms(cold[cold.len() / 2]),
                ms(cold[cold.len() - 1]),
                hwm_frame as f64 / 1024.0,
                hwm_session as f64 / 1024.0,
            );
        }
    }
    if part("keys") {
        println!(
            "\n== (2) keypress -> frame (update + render into TestBackend {WIDTH}x{HEIGHT}; load average {}) ==",
            load_average()
        );
        println!("   target: p99 <= 2 ms, ratio of the two largest sets <= 1.2");
        let mut table = side_by_side::Table::default();
        for s in &sets {
            table.add(s.tickets, keypresses(s));
        }
        table.print();
    }
    if part("views") {
        println!("\n== (6) a saved view's live count (query_count), after the cache changed ==");
        for s in &sets {
            side_by_side::saved_view_counts(s.tickets, &s.cache);
        }
    }
    if part("search") {
        println!("\n== (3) local search (store.search, limit 200) ==");
        for s in &sets {
            let store = Store::open(&s.cache).expect("cache");
            let messages: i64 = count_messages(&s.cache);
            println!("{:>7} tickets, {messages} messages:", s.tickets);
            for q in QUERIES {
                let mut samples = Vec::new();
                let mut hits = 0;
                // 50 runs, or fewer when they are slow (at most ~10 s a query).
                let budget = Instant::now();
                while samples.len() < 50 && (samples.len() < 5 || budget.elapsed().as_secs() < 10) {
                    let t = Instant::now();
                    hits = store.search(q, 200).expect("search").len();
                    samples.push(t.elapsed());
                }
                let (p50, p99) = p50_p99(&mut samples);
                let pad = 14usize.saturating_sub(q.chars().count());
                println!(
                    "    {q}{:pad$} {hits:>4} hits  n={:<3} p50 {:>8.2} ms   p99 {:>8.2} ms  (target <= 30 ms)",
                    "",
                    samples.len(),
                    ms(p50),
                    ms(p99)
                );
            }
            // Search as you type: every prefix of the typed words, the
            // slowest three (median of 5 runs each).
            let mut prefixes: Vec<(Duration, String)> = Vec::new();
            for word in TYPED {
                let chars: Vec<char> = word.chars().collect();
                for n in 1..=chars.len() {
                    let q: String = chars[..n].iter().collect();
                    let mut runs: Vec<Duration> = (0..5)
                        .map(|_| {
                            let t = Instant::now();
                            store.search(&q, 200).expect("search");
                            t.elapsed()
                        })
                        .collect();
                    runs.sort();
                    prefixes.push((runs[2], q));
                }
            }
            prefixes.sort();
            let slowest: Vec<String> = prefixes
                .iter()
                .rev()
                .take(3)
                .map(|(d, q)| format!("{q:?} {:.2} ms", ms(*d)))
                .collect();
            println!("    typed prefixes, slowest: {}", slowest.join(", "));
        }
    }
}

struct DataSet {
    tickets: usize,
    cache: PathBuf,
    /// The initial sync and its number of changes, when it was measured.
    sync: Option<(console_sync::SyncFigures, i64)>,
}

/// Seeds a server with `n` synthetic tickets and syncs a fresh cache from it.
fn prepare(dir: &Path, n: usize, split: bool) -> DataSet {
    let server_db = dir.join(format!("server-{n}.db"));
    let cache = dir.join(format!("cache-{n}.db"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let t = Instant::now();
    let server = rt
        .block_on(start(ServeOptions {
            db: Some(server_db),
            demo: false,
            synthetic_tickets: n,
            ..loopback()
        }))
        .expect("server");
    eprintln!(
        "[{n}] server ready (seeded or reopened) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let url = server.url();
    let token = server.token(Role::Agent).expect("agent token").to_string();
    let client = Client::new(&url, token.clone()).expect("client");
    // A server of a million tickets may be busy a while after it opens
    // (its first statistics over a cold file): ask again until it answers.
    let asked = Instant::now();
    let latest = loop {
        match rt.block_on(client.changes(0, 1)) {
            Ok(page) => break page.latest,
            Err(e) if asked.elapsed() < Duration::from_secs(900) => {
                eprintln!("[{n}] server not answering yet ({e}); asking again");
                std::thread::sleep(Duration::from_secs(5));
            }
            Err(e) => panic!("the server does not answer: {e}"),
        }
    };

    let reuse = cache.exists()
        && Store::open(&cache)
            .ok()
            .and_then(|s| s.cursor().ok())
            .is_some_and(|c| c >= latest);
    let mut sync_figure = None;
    if !reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", cache.display()));
        }
        let figures = console_sync::run(&cache, &url, &token, latest);
        eprintln!(
            "[{n}] initial sync of {latest} changes: {:.2} s, peak RSS {:.1} MB",
            figures.took.as_secs_f64(),
            figures.hwm_kb as f64 / 1024.0
        );
        sync_figure = Some((figures, latest));
    }
    // The UI reads only the cache: stop the server (and its stats task) so
    // it does not disturb the measurements.
    if split {
        for (limit, group) in [(5000, 1), (5000, 4)] {
            let cache = dir.join(format!("split-{n}.db"));
            sync_split::run(&rt, &client, &cache, latest, limit, group);
        }
    }
    rt.block_on(server.stop());
    drop(rt);
    DataSet {
        tickets: n,
        cache,
        sync: sync_figure,
    }
}

fn count_messages(cache: &Path) -> i64 {
    let conn = rusqlite::Connection::open(cache).expect("open");
    conn.query_row("SELECT COUNT(*) FROM messages", [], |r| r.get(0))
        .expect("count")
}

type Term = Terminal<TestBackend>;

pub(crate) fn terminal() -> Term {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal")
}

pub(crate) fn draw(app: &mut App, term: &mut Term) {
    term.draw(|f| view::render(app, f)).expect("draw");
}

/// One key: update, then one frame. Returns the time both took.
fn press(app: &mut App, term: &mut Term, k: KeyEvent) -> Duration {
    let t = Instant::now();
    update(app, Msg::Key(k));
    draw(app, term);
    let took = t.elapsed();
    app.effects.clear();
    took
}

fn keypresses(s: &DataSet) -> Vec<side_by_side::Row> {
    let mut app = new_app(&s.cache, "en");
    let mut term = terminal();
    draw(&mut app, &mut term);
    let n = s.tickets;
    let figures = std::cell::RefCell::new(Vec::new());
    let report = |what: &str, samples: &mut Vec<Duration>| {
        let (p50, p99) = p50_p99(samples);
        let max = samples.iter().max().copied().unwrap_or_default();
        figures.borrow_mut().push(side_by_side::Row {
            what: what.to_string(),
            p50,
            p99,
        });
        println!(
            "{n:>7} tickets  {what:<34} n={:<4} p50 {:>7.2} ms   p99 {:>7.2} ms   max {:>7.2} ms",
            samples.len(),
            ms(p50),
            ms(p99),
            ms(max)
        );
    };

    // j in the Open view (the list scrolls after the first screen).
    press(&mut app, &mut term, ch('3'));
    let mut samples: Vec<Duration> = (0..300)
        .map(|_| press(&mut app, &mut term, ch('j')))
        .collect();
    report("j (move down, Open view)", &mut samples);

    // The same at the end of the list (read by keyset from the end).
    press(&mut app, &mut term, ch('G'));
    let mut samples: Vec<Duration> = (0..300)
        .map(|_| press(&mut app, &mut term, ch('k')))
        .collect();
    report("k (move up, end of Open view)", &mut samples);

    // Jumps: G (end) and g g (top).
    let mut samples = Vec::new();
    for _ in 0..100 {
        samples.push(press(&mut app, &mut term, ch('G')));
        press(&mut app, &mut term, ch('g'));
        samples.push(press(&mut app, &mut term, ch('g')));
    }
    report("G / g g (jump end / top)", &mut samples);

    // Enter: open the selected ticket (then Esc back to the list, not timed).
    let mut samples = Vec::new();
    for _ in 0..300 {
        press(&mut app, &mut term, ch('j'));
        samples.push(press(&mut app, &mut term, key(KeyCode::Enter)));
        press(&mut app, &mut term, key(KeyCode::Esc));
    }
    report("Enter (open ticket)", &mut samples);
    assert_eq!(app.focus, Pane::List);

    // j with a ticket open: the thread and customer panes are drawn too.
    let mut samples: Vec<Duration> = (0..300)
        .map(|_| press(&mut app, &mut term, ch('j')))
        .collect();
    report("j (with a ticket open)", &mut samples);

    // Views 1..6.
    let mut samples: Vec<Duration> = (0..300)
        .map(|i| {
            let c = char::from(b'1' + (i % 6) as u8);
            press(&mut app, &mut term, ch(c))
        })
        .collect();
    report("1..6 (switch view)", &mut samples);

    // Search: '/', then a word, key by key; Esc closes it (not timed).
    // 30 words, or fewer when they are slow (at most ~30 s).
    // As in the console, searches run off the UI thread: a key's frame
    // echoes it; the results come in a later frame. "key -> results on
    // screen" is the key's frame plus the search (on a second connection,
    // as the search thread has) plus the frame that shows them.
    app.search_in_background = true;
    let searcher = Store::open(&s.cache).expect("cache");
    let budget = Instant::now();
    let mut open = Vec::new();
    let mut typed = Vec::new();
    let mut shown = Vec::new();
    for r in 0..30 {
        if r >= 5 && budget.elapsed().as_secs() >= 30 {
            break;
        }
        open.push(press(&mut app, &mut term, ch('/')));
        for c in TYPED[r % TYPED.len()].chars() {
            let t = Instant::now();
            update(&mut app, Msg::Key(ch(c)));
            let asked: Vec<_> = app
                .effects
                .drain(..)
                .filter_map(|e| match e {
                    Effect::Search { query, cx } => Some((query, cx)),
                    _ => None,
                })
                .collect();
            draw(&mut app, &mut term);
            typed.push(t.elapsed());
            for (query, cx) in asked {
                // What the search thread runs: the search language.
                let hits = sahaya::ui::flows::search::run(&searcher, &query, &cx).expect("search");
                update(&mut app, Msg::SearchResults { query, hits });
                draw(&mut app, &mut term);
                shown.push(t.elapsed());
            }
        }
        press(&mut app, &mut term, key(KeyCode::Esc));
    }
    app.search_in_background = false;
    report("/ (open search)", &mut open);
    report("typing a search word (per key)", &mut typed);
    report("typed key -> search results shown", &mut shown);

    // A page of the change feed arrives: the UI reloads what it shows.
    let mut writer = Store::open(&s.cache).expect("cache");
    let cursor = writer.cursor().expect("cursor");
    let ids: Vec<i64> = app.list.rows.iter().map(|r| r.ticket.id).collect();
    let mut samples = Vec::new();
    for i in 0..100 {
        let id = ids[i % ids.len().max(1)];
        if let Some(t) = writer.ticket(id).expect("ticket") {
            writer
                .apply_changes(
                    &[Change {
                        seq: cursor,
                        entity: Entity::Ticket(t),
                    }],
                    cursor,
                )
                .expect("apply");
        }
        let t = Instant::now();
        update(&mut app, Msg::Sync(SyncEvent::Pulled { changes: 1000 }));
        draw(&mut app, &mut term);
        samples.push(t.elapsed());
    }
    report("sync page applied (Pulled) -> frame", &mut samples);
    figures.into_inner()
}

struct ChildFigures {
    cold: Duration,
    hwm_frame_kb: u64,
    hwm_session_kb: u64,
}

fn run_child(cache: &Path) -> ChildFigures {
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .env(CHILD_ENV, cache)
        .output()
        .expect("child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| -> u64 {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "child did not report {name}: {text} {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            })
    };
    ChildFigures {
        cold: Duration::from_micros(field("cold_us")),
        hwm_frame_kb: field("hwm_frame_kb"),
        hwm_session_kb: field("hwm_session_kb"),
    }
}

/// In the child: open the cache, build the app, draw one frame; then a short
/// session (scroll, open tickets, every view, a search).
fn child(cache: &Path) {
    let t = Instant::now();
    let mut app = new_app(cache, "en");
    let mut term = terminal();
    draw(&mut app, &mut term);
    let cold = t.elapsed();
    let hwm_frame = vm_hwm_kb();
    for _ in 0..50 {
        press(&mut app, &mut term, ch('j'));
    }
    for c in ['1', '2', '3', '4', '5', '6'] {
        press(&mut app, &mut term, ch(c));
        press(&mut app, &mut term, ch('G'));
        press(&mut app, &mut term, key(KeyCode::Enter));
        press(&mut app, &mut term, key(KeyCode::Esc));
    }
    press(&mut app, &mut term, ch('/'));
    for c in "order".chars() {
        press(&mut app, &mut term, ch(c));
    }
    press(&mut app, &mut term, key(KeyCode::Esc));
    let hwm_session = vm_hwm_kb();
    println!(
        "cold_us={} hwm_frame_kb={hwm_frame} hwm_session_kb={hwm_session}",
        cold.as_micros()
    );
}

/// The machine's load average (1, 5, 15 minutes): the figures are wall
/// time on a shared machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Peak resident set size of this process (Linux), in KiB.
pub(crate) fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

pub(crate) fn p50_p99(samples: &mut [Duration]) -> (Duration, Duration) {
    if samples.is_empty() {
        return (Duration::ZERO, Duration::ZERO);
    }
    samples.sort();
    let n = samples.len();
    let p50 = samples[(n - 1) / 2];
    let p99 = samples[((n * 99).div_ceil(100)).saturating_sub(1).min(n - 1)];
    (p50, p99)
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
