//! The search language on a large cache: 10,000 and 100,000 tickets (about
//! ten messages each, so 1M messages at the top), filled through
//! `Store::apply_changes`. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p sahaya-store --bench query`. Environment:
//! - `SAHAYA_BENCH_SIZES=10000,100000` — the data sets.
//! - `SAHAYA_BENCH_DIR=/some/dir` — keep the caches there and reuse them
//!   (filling 100k tickets takes about a minute).
//! - `SAHAYA_BENCH_RUNS=100` — runs per query.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod data;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sahaya_query::parse;
use sahaya_store::{QueryContext, Store};

/// Two field filters and a word: the figure the target is for.
const TWO_FIELDS_AND_A_WORD: &[&str] = &[
    "status:open priority:urgent refund",
    "channel:whatsapp group:returns ಪಾರ್ಸೆಲ್",
    "assignee:me -status:closed courier",
    "tag:cod created:<7d ఆర్డర్",
    "lang:kn priority:high सामान",
    "status:pending group:payments order",
];

const FIELDS_ONLY: &[&str] = &[
    "status:pending priority:urgent",
    "assignee:me late:yes",
    "-status:solved -status:closed tag:vip",
    "channel:email OR channel:chat updated:<1d",
    "csat:<3",
];

const LOOKUPS: &[&str] = &[
    "phone:98450",
    "phone:\"+91 98450 00370\"",
    "9845000370",
    "order:OD-100123",
    "OD-100123",
    "order:DL3000001599IN",
    "customer:ಕಾವ್ಯಾ",
    "customer:\"Kavya Rao\"",
    "email:customer42@",
];

fn main() {
    let sizes: Vec<i64> = std::env::var("SAHAYA_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    let runs: usize = std::env::var("SAHAYA_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let (_tmp, dir) = match std::env::var("SAHAYA_BENCH_DIR") {
        Ok(d) => {
            std::fs::create_dir_all(&d).unwrap();
            (None, PathBuf::from(d))
        }
        Err(_) => {
            let t = tempfile::tempdir().unwrap();
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    };
    println!(
        "sahaya query bench: {} cores, load average {}, data sets {sizes:?}, {runs} runs a query",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "(wall-clock figures; CPU p99 is this thread's CPU time, which other work on the machine does not inflate)"
    );
    for n in sizes {
        data_set(&dir.join(format!("query-{n}.sqlite")), n, runs);
    }
}

fn data_set(path: &Path, n: i64, runs: usize) {
    let opened = Instant::now();
    let store = data::open(path, n);
    println!(
        "\n== {n} tickets, {} messages (cache ready in {:.2} s: filled or migrated when needed) ==",
        count(path, "messages"),
        opened.elapsed().as_secs_f64(),
    );
    drop(store);
    let store = Store::open(path).unwrap();
    let cx = QueryContext {
        me: 3,
        now: data::now(),
    };
    let rss = vm_rss_kb();
    let (t, c) = (Instant::now(), thread_cpu());
    store.query_count(&parse("").unwrap(), &cx).unwrap();
    println!(
        "first query of a connection (reads every ticket's facets): {:.1} ms (CPU {:.1} ms), RSS +{:.1} MB",
        ms(t.elapsed()),
        ms(thread_cpu().saturating_sub(c)),
        (vm_rss_kb().saturating_sub(rss)) as f64 / 1024.0
    );

    println!(
        "-- two field filters and a word: first page (query_rows 0..50; query_hits 50 with snippets)   target p99 <= 15 ms"
    );
    for text in TWO_FIELDS_AND_A_WORD {
        let q = parse(text).unwrap();
        let rows = time(runs, || store.query_rows(&q, &cx, 0, 50).unwrap().len());
        let hits = time(runs, || store.query_hits(&q, &cx, 50).unwrap().len());
        println!("   {}   |   hits {}", rows.line(text), hits.short());
    }
    println!("-- fields only: first page (query_rows 0..50)");
    for text in FIELDS_ONLY {
        let q = parse(text).unwrap();
        println!(
            "   {}",
            time(runs, || store.query_rows(&q, &cx, 0, 50).unwrap().len()).line(text)
        );
    }
    println!("-- lookups by phone, order id, tracking number, name, e-mail (query_rows 0..50)");
    for text in LOOKUPS {
        let q = parse(text).unwrap();
        println!(
            "   {}",
            time(runs, || store.query_rows(&q, &cx, 0, 50).unwrap().len()).line(text)
        );
    }
    println!("-- a saved view's count: cold (the cache just changed) and remembered");
    let mut store = store;
    for text in [
        "status:pending priority:urgent",
        "assignee:me late:yes",
        "tag:cod -status:closed",
        "status:open priority:urgent refund",
        "channel:whatsapp ಪಾರ್ಸೆಲ್",
    ] {
        let q = parse(text).unwrap();
        let mut samples = Vec::new();
        let mut found = 0;
        for i in 0..runs.min(30) {
            // Any write moves the generation: counts are computed afresh.
            store.set_meta("bench_tick", &i.to_string()).unwrap();
            let t = Instant::now();
            found = store.query_count(&q, &cx).unwrap() as usize;
            samples.push(t.elapsed());
        }
        let cold = Figures::of(samples, found);
        let warm = time(runs, || store.query_count(&q, &cx).unwrap() as usize);
        println!("   {}   |   remembered {}", cold.line(text), warm.short());
    }
}

struct Figures {
    n: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
    found: usize,
    /// p99 of the thread's CPU time, when measured.
    cpu: Option<Duration>,
}

impl Figures {
    fn of(mut samples: Vec<Duration>, found: usize) -> Figures {
        samples.sort();
        let at = |q: f64| {
            samples[((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1]
        };
        Figures {
            n: samples.len(),
            p50: at(0.5),
            p99: at(0.99),
            max: samples[samples.len() - 1],
            found,
            cpu: None,
        }
    }

    fn line(&self, text: &str) -> String {
        let pad = 44usize.saturating_sub(text.chars().count());
        format!(
            "{text}{:pad$} {:>6} found  n={:<4} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms{}",
            "",
            self.found,
            self.n,
            ms(self.p50),
            ms(self.p99),
            ms(self.max),
            self.cpu
                .map(|c| format!("  (CPU p99 {:>6.2} ms)", ms(c)))
                .unwrap_or_default()
        )
    }

    fn short(&self) -> String {
        format!(
            "p50 {:>6.2} ms  p99 {:>6.2} ms{}",
            ms(self.p50),
            ms(self.p99),
            self.cpu
                .map(|c| format!("  (CPU p99 {:>6.2} ms)", ms(c)))
                .unwrap_or_default()
        )
    }
}

fn time(runs: usize, mut f: impl FnMut() -> usize) -> Figures {
    let mut found = f();
    let mut samples = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (t, c) = (Instant::now(), thread_cpu());
        found = f();
        samples.push(t.elapsed());
        cpu.push(thread_cpu().saturating_sub(c));
    }
    let mut figures = Figures::of(samples, found);
    figures.cpu = Some(Figures::of(cpu, found).p99);
    figures
}

/// CPU time of this thread: what a query costs regardless of how busy
/// the machine is with other work.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the one we pass.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn count(path: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn vm_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
