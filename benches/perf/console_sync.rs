//! The initial sync as the console does it, in a child process (this binary
//! again): the real sync task fills a fresh cache while an `App` on the same
//! cache takes every sync event and draws a frame per batch, as the console's
//! loop does. The child reports how long it took and its peak RSS, so the
//! server (in the parent) does not count.

use std::path::Path;
use std::time::{Duration, Instant};

use sahaya::client::Client;
use sahaya::store::Store;
use sahaya::sync::{self, SyncEvent};
use sahaya::ui::{Msg, update};
use sahaya_testkit::ui::new_app;

use super::{draw, terminal, vm_hwm_kb};

pub const CHILD_ENV: &str = "SAHAYA_PERF_SYNC_CHILD";
const URL_ENV: &str = "SAHAYA_PERF_SYNC_URL";
const TOKEN_ENV: &str = "SAHAYA_PERF_SYNC_TOKEN";
const LATEST_ENV: &str = "SAHAYA_PERF_SYNC_LATEST";

/// What the child measured.
pub struct SyncFigures {
    pub took: Duration,
    /// Peak RSS of the whole console (sync task and UI), KiB.
    pub hwm_kb: u64,
    /// Frames the UI drew meanwhile.
    pub frames: u64,
    /// CPU time of the console (user + system), milliseconds: unlike the
    /// wall time, it does not grow when the machine is shared.
    pub cpu_ms: u64,
}

/// Runs the initial sync of `cache` from the server at `url` in a child
/// process, until the cursor reaches `latest`.
pub fn run(cache: &Path, url: &str, token: &str, latest: i64) -> SyncFigures {
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .env(CHILD_ENV, cache)
        .env(URL_ENV, url)
        .env(TOKEN_ENV, token)
        .env(LATEST_ENV, latest.to_string())
        .output()
        .expect("sync child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| -> u64 {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "sync child did not report {name}: {text} {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            })
    };
    SyncFigures {
        took: Duration::from_millis(field("sync_ms")),
        hwm_kb: field("hwm_kb"),
        frames: field("frames"),
        cpu_ms: field("cpu_ms"),
    }
}

/// In the child: the console's sync task and UI on a fresh cache.
pub fn child(cache: &Path) {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} not set"));
    let latest: i64 = var(LATEST_ENV).parse().expect("latest");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let _guard = rt.enter();
    let client = Client::new(&var(URL_ENV), var(TOKEN_ENV)).expect("client");
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<SyncEvent>();
    let t = Instant::now();
    let handle = sync::spawn(client, cache.to_path_buf(), tx);
    while !(cache.exists() && Store::open(cache).is_ok()) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut app = new_app(cache, "en");
    let mut term = terminal();
    draw(&mut app, &mut term);
    let mut frames = 1;
    let deadline = Instant::now() + Duration::from_secs(3600);
    loop {
        // One frame per batch of events, as the console's loop.
        let mut any = false;
        while let Ok(event) = rx.try_recv() {
            update(&mut app, Msg::Sync(event));
            any = true;
        }
        if any {
            draw(&mut app, &mut term);
            app.effects.clear();
            frames += 1;
        }
        if app.store.cursor().unwrap_or(0) >= latest {
            break;
        }
        assert!(Instant::now() < deadline, "initial sync timed out");
        std::thread::sleep(Duration::from_millis(10));
    }
    let took = t.elapsed();
    drop(handle);
    println!(
        "sync_ms={} hwm_kb={} frames={frames} cpu_ms={}",
        took.as_millis(),
        vm_hwm_kb(),
        cpu_ms()
    );
}

/// User + system CPU time of this process, milliseconds (`/proc/self/stat`
/// counts in USER_HZ, 100 a second on Linux).
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime is the
    // 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<u64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    (fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0)) * 10
}
