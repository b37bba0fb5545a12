//! Filling a console's cache the way the console does: a real server, the
//! real sync task, a real SQLite file; then a private copy per test.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use sahaya_protocol::domain::{Role, TicketId};
use sahaya_server::{RunningServer, ServeOptions, start};
use sahaya_store::Store;
use sahaya_sync::client::Client;

use crate::server::loopback;

/// How long an initial sync may take before the fixture gives up.
const SYNC_DEADLINE: Duration = Duration::from_secs(120);

/// A multi-thread tokio runtime with `threads` workers.
pub fn runtime(threads: usize) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .unwrap()
}

/// Builds a fixture once per test process, on a thread of its own: the
/// build blocks on runtimes of its own, which a `#[tokio::test]` thread may
/// not do.
pub fn once<T: Send + Sync + 'static>(cell: &'static OnceLock<T>, build: fn() -> T) -> &'static T {
    cell.get_or_init(|| std::thread::spawn(build).join().expect("fixture builds"))
}

/// `fn golden() -> &'static $ty`: the test file's fixture, built once per
/// test process by `$build` (see [`once`]).
#[macro_export]
macro_rules! golden {
    ($ty:ty, $build:path) => {
        fn golden() -> &'static $ty {
            static GOLDEN: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
            $crate::ui::once(&GOLDEN, $build)
        }
    };
}

/// A real server on a runtime of its own, so that a sync task on another
/// runtime can be stopped (by dropping that runtime) while the server keeps
/// running. Dropping it stops the server.
pub struct LiveServer {
    rt: tokio::runtime::Runtime,
    server: Option<RunningServer>,
}

impl LiveServer {
    pub fn start(opts: ServeOptions) -> LiveServer {
        let rt = runtime(2);
        let server = rt.block_on(start(opts)).expect("server starts");
        LiveServer {
            rt,
            server: Some(server),
        }
    }

    /// The demo server (demo agents, customers, orders and tickets).
    pub fn demo() -> LiveServer {
        LiveServer::start(ServeOptions {
            demo: true,
            ..loopback()
        })
    }

    pub fn server(&self) -> &RunningServer {
        self.server.as_ref().expect("server running")
    }

    pub fn url(&self) -> String {
        self.server().url()
    }

    pub fn token(&self, role: Role) -> String {
        self.server()
            .token(role)
            .expect("account with role")
            .to_string()
    }

    /// An API client signed in as the demo account with `role`.
    pub fn client(&self, role: Role) -> Client {
        Client::new(&self.url(), self.token(role)).unwrap()
    }

    /// Runs `f` on the server's runtime.
    pub fn block_on<F: Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }
}

impl Drop for LiveServer {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            self.rt.block_on(server.stop());
        }
    }
}

/// Runs the real sync task as `client` into `cache` until the cache knows
/// who is signed in, has caught up with the server's change feed and holds
/// every ticket of `must_have`.
pub async fn sync_into(client: &Client, cache: &Path, must_have: &[TicketId]) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let _handle = sahaya_sync::spawn(client.clone(), cache.to_path_buf(), tx);
    let drain = tokio::spawn(async move { while rx.recv().await.is_some() {} });
    let latest = client.changes(0, 1).await.unwrap().latest;
    let deadline = Instant::now() + SYNC_DEADLINE;
    let mut store = None;
    loop {
        if store.is_none() {
            store = Store::open(cache).ok();
        }
        let done = store.as_ref().is_some_and(|s| {
            s.me().ok().flatten().is_some()
                && s.cursor().unwrap_or(0) >= latest
                && must_have
                    .iter()
                    .all(|id| s.ticket(*id).ok().flatten().is_some())
        });
        if done {
            break;
        }
        assert!(Instant::now() < deadline, "initial sync timed out");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    drain.abort();
}

/// [`sync_into`] on a runtime of its own, dropped after: the sync task has
/// stopped and closed the cache when this returns.
pub fn fill_cache(client: &Client, cache: &Path, must_have: &[TicketId]) {
    let sync_rt = runtime(1);
    sync_rt.block_on(sync_into(client, cache, must_have));
    drop(sync_rt);
}

/// A private copy of the cache at `from` (the database and its write-ahead
/// log) in a new temporary folder: the folder and the copy's path.
pub fn copy_cache(from: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("cache.db");
    for suffix in ["", "-wal"] {
        let src = PathBuf::from(format!("{}{suffix}", from.display()));
        if src.exists() {
            std::fs::copy(&src, format!("{}{suffix}", to.display())).unwrap();
        }
    }
    (dir, to)
}
