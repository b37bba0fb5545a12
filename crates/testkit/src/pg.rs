//! A throwaway PostgreSQL cluster for the tests that run the server on
//! PostgreSQL: `initdb` in a temporary folder, `postgres` on a free loopback
//! port with its Unix socket in that folder, one fresh database per test
//! server. As root, the cluster's programs run as the `postgres` user
//! (`runuser`); otherwise as the current user. A watchdog stops the cluster
//! and removes the folder once the test process has ended.
//!
//! The programs come from `SAHAYA_PG_BIN` if set, else the newest
//! `/usr/lib/postgresql/*/bin` (Debian's packages: `.ci/install-pg`), else
//! the PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Whether the tests of this process run the server on PostgreSQL
/// (`SAHAYA_TEST_DB=postgres`; the `pg` test target sets it).
pub fn wanted() -> bool {
    std::env::var("SAHAYA_TEST_DB").is_ok_and(|v| v == "postgres")
}

/// A running cluster.
pub struct Cluster {
    pub port: u16,
    pub dir: PathBuf,
}

impl Cluster {
    /// The URL of database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();
static NEXT_DB: AtomicUsize = AtomicUsize::new(0);

/// The cluster of this test process, started on first use.
pub fn cluster() -> &'static Cluster {
    CLUSTER.get_or_init(|| start().unwrap_or_else(|e| panic!("{e}")))
}

/// A new empty database on the cluster; its URL.
pub fn database() -> String {
    let cluster = cluster();
    let name = format!(
        "sahaya_{}_{}",
        std::process::id(),
        NEXT_DB.fetch_add(1, Ordering::SeqCst)
    );
    let admin = cluster.url("postgres");
    let sql = format!("CREATE DATABASE {name}");
    // The client blocks on a runtime of its own: not on a test's async thread.
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)?;
        client.batch_execute(&sql)
    })
    .join()
    .expect("create database thread")
    .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
    cluster.url(&name)
}

fn bin_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SAHAYA_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

fn program(bin: Option<&Path>, name: &str) -> PathBuf {
    bin.map_or_else(|| PathBuf::from(name), |b| b.join(name))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program args…`, as the `postgres` user when running as root.
fn as_owner(root: bool, program: &Path) -> Command {
    if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn run(mut cmd: Command, what: &str, log: &Path) -> Result<(), String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {what}: {e}; install PostgreSQL with .ci/install-pg"))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "{what} failed: {}{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(log).unwrap_or_default()
    ))
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn start() -> Result<Cluster, String> {
    let bin = bin_dir();
    let root = is_root();
    let dir = tempfile::Builder::new()
        .prefix("sahaya-pg-")
        .tempdir()
        .map_err(|e| format!("no temporary folder: {e}"))?
        .keep();
    if root {
        let mut chown = Command::new("chown");
        chown.args(["-R", "postgres:"]).arg(&dir);
        run(chown, "chown", Path::new("/dev/null"))?;
    }
    let data = dir.join("data");
    let log = dir.join("postgres.log");
    let mut initdb = as_owner(root, &program(bin.as_deref(), "initdb"));
    initdb
        .arg("-D")
        .arg(&data)
        .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    run(initdb, "initdb", &log)?;
    let port = free_port()?;
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=400 \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        dir.display()
    );
    let pg_ctl = program(bin.as_deref(), "pg_ctl");
    let mut start = as_owner(root, &pg_ctl);
    start
        .arg("-D")
        .arg(&data)
        .arg("-l")
        .arg(&log)
        .args(["-w", "-o", &options, "start"])
        .stdout(Stdio::null());
    run(start, "pg_ctl start", &log)?;
    watchdog(root, &pg_ctl, &data, &dir)?;
    Ok(Cluster { port, dir })
}

/// Stops the cluster and removes its folder once this process has ended.
fn watchdog(root: bool, pg_ctl: &Path, data: &Path, dir: &Path) -> Result<(), String> {
    let stop = if root {
        format!(
            "runuser -u postgres -- {} -D {} -m immediate stop",
            pg_ctl.display(),
            data.display()
        )
    } else {
        format!(
            "{} -D {} -m immediate stop",
            pg_ctl.display(),
            data.display()
        )
    };
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
        pid = std::process::id(),
        dir = dir.display()
    );
    use std::os::unix::process::CommandExt;
    Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("cannot start the cluster's watchdog: {e}"))
}
