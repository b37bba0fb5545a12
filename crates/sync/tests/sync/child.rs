//! A console in a child process, for the `kill -9` tests (`faults` against
//! the reference server, `rt::kill` against RT): the test binary runs one
//! of its own ignored tests as the console. The child queues writes and
//! says so on stdout (`READY n`, `QUEUED i`, `ALL QUEUED`); the parent
//! kills it with SIGKILL at a moment of its choosing and checks that every
//! write the child reported queued is in the outbox.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::{Duration, Instant};

use sahaya_protocol::domain::TicketId;
use sahaya_store::{OutboxEntry, OutboxOp, OutboxState, Store};
use sahaya_sync::SyncHandle;
use tokio::io::AsyncBufReadExt;

/// How many entries the outbox holds, whatever their state.
pub fn outbox_rows(store: &Store) -> i64 {
    let mut rows = 0i64;
    while store.outbox_entry(rows + 1).unwrap().is_some() {
        rows += 1;
    }
    rows
}

fn say(line: &str) {
    println!("{line}");
    std::io::stdout().flush().unwrap();
}

/// The child's work: once `tickets` are in the cache (patches are based on
/// the cached ticket), queues the `ops` an earlier run did not queue yet,
/// one every `pause`, then keeps the sync going until killed.
pub async fn queue_and_sync(
    ui: &mut Store,
    sync: &SyncHandle,
    tickets: &[TicketId],
    ops: Vec<OutboxOp>,
    pause: Duration,
) -> ! {
    let start = outbox_rows(ui) as usize;
    while !tickets.iter().all(|t| ui.ticket(*t).unwrap().is_some()) {
        sync.kick();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    say(&format!("READY {start}"));
    for (i, op) in ops.into_iter().enumerate().skip(start) {
        ui.enqueue(op).unwrap();
        say(&format!("QUEUED {i}"));
        sync.kick();
        tokio::time::sleep(pause).await;
    }
    say("ALL QUEUED");
    loop {
        sync.kick();
        tokio::time::sleep(pause * 10).await;
    }
}

/// The parent's handle on a child console.
pub struct Child {
    child: tokio::process::Child,
    acked: Arc<AtomicI64>,
    done: Arc<AtomicBool>,
    ready: Arc<AtomicBool>,
    reader: tokio::task::JoinHandle<()>,
}

/// What a killed child had said.
pub struct Killed {
    /// The last write it reported queued (-1: none).
    pub acked: i64,
    /// Whether it had queued all of them.
    pub all_queued: bool,
}

impl Child {
    /// Runs the ignored test `test` (its full path) of this binary as the
    /// child, with `env` set.
    pub fn spawn(test: &str, env: &[(&str, String)]) -> Child {
        let mut child = tokio::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                test,
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let acked = Arc::new(AtomicI64::new(-1));
        let done = Arc::new(AtomicBool::new(false));
        let ready = Arc::new(AtomicBool::new(false));
        let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let reader = {
            let (acked, done, ready) = (acked.clone(), done.clone(), ready.clone());
            tokio::spawn(async move {
                while let Ok(Some(line)) = lines.next_line().await {
                    // libtest may have printed "test … ... " before it.
                    if let Some(at) = line.find("QUEUED ")
                        && let Ok(i) = line[at + 7..].trim().parse()
                    {
                        acked.store(i, Ordering::SeqCst);
                    }
                    if line.contains("ALL QUEUED") {
                        done.store(true, Ordering::SeqCst);
                    }
                    if line.contains("READY ") {
                        ready.store(true, Ordering::SeqCst);
                    }
                }
            })
        };
        Child {
            child,
            acked,
            done,
            ready,
            reader,
        }
    }

    /// Waits until the child has synced and starts queueing.
    pub async fn wait_ready(&self, what: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !self.ready.load(Ordering::SeqCst) {
            assert!(
                Instant::now() < deadline,
                "{what}: the child console did not sync"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// `kill -9`, and what the child had said by then.
    pub async fn kill(mut self) -> Killed {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
        self.reader.await.unwrap();
        Killed {
            acked: self.acked.load(Ordering::SeqCst),
            all_queued: self.done.load(Ordering::SeqCst),
        }
    }
}

/// After a kill: every write the child reported queued is in the outbox
/// (invariant 1). Returns the outbox's rows and the entries the kill
/// caught in flight.
pub fn after_kill(cache: &Path, what: &str, killed: &Killed) -> (i64, Vec<OutboxEntry>) {
    let store = Store::open(cache).unwrap();
    let rows = outbox_rows(&store);
    assert!(
        rows > killed.acked,
        "{what}: write {} was reported queued, the outbox has {rows}",
        killed.acked
    );
    let flying = store
        .outbox_pending()
        .unwrap()
        .into_iter()
        .filter(|e| e.state == OutboxState::InFlight)
        .collect();
    (rows, flying)
}
