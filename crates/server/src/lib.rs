//! The reference support server (axum + SQLite or PostgreSQL). Runs as
//! `sahaya serve` or embedded in-process (the console's demo default, and
//! every test). Several servers can share one PostgreSQL database.
//!
//! Modules depend on the ones below them only:
//!
//! ```text
//! routes, events          HTTP: handlers, the SSE stream
//! auth, extract           callers and request parsing
//! openapi, json_errors    the API's description; the error contract's last line
//! background, demo::simulate  tasks started with the server
//! state                   database + clock + presence + broadcasts
//! ops, seed               what the API does; seeding
//! stats                   queue statistics
//! queries, repo           ticket lists and counts; entities in and out
//! fanout                  servers on one PostgreSQL hear each other
//! db                      database, schema, change log
//! sql                     the SQLite / PostgreSQL seam
//! counters                running ticket counts
//! access                  who may call which route (published, tested)
//! codec, tokens, presence, error, demo   leaves
//! ```

pub mod access;
mod attachments;
mod auth;
mod background;
mod bridge_routes;
mod codec;
mod counters;
mod db;
pub mod demo;
mod error;
mod events;
mod extract;
mod fanout;
mod json_errors;
mod macro_routes;
mod merge_route;
mod openapi;
mod ops;
mod outbound;
mod presence;
mod queries;
mod refs;
mod replay;
mod repo;
mod routes;
pub mod seed;
mod sql;
mod state;
mod stats;
mod tokens;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use sahaya_protocol::Clock;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use db::Database;
pub use seed::DemoAccount;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub addr: SocketAddr,
    /// SQLite file; None keeps everything in memory.
    pub db: Option<PathBuf>,
    /// A PostgreSQL database URL (`postgres://…`) instead of SQLite; several
    /// servers can share it. Set, it is used and `db` is not.
    pub postgres: Option<String>,
    pub demo: bool,
    pub synthetic_tickets: usize,
    /// New customer messages every few seconds (implies `simulate_delivery`).
    pub simulate_traffic: bool,
    /// Make-believe customers on the chat-like channels receive and read
    /// replies and answer surveys (email needs a real bridge).
    pub simulate_delivery: bool,
    /// Every "now" of the server: the demo's layout, SLA figures, presence,
    /// timestamps of what it writes. The machine's clock by default; tests
    /// pin it so the demo does not depend on the hour they run at.
    pub clock: Clock,
}

impl ServeOptions {
    /// Where the data lives, from `postgres` and `db`.
    pub fn database(&self) -> Database {
        match (&self.postgres, &self.db) {
            (Some(url), _) => Database::Postgres(url.clone()),
            (None, Some(path)) => Database::File(path.clone()),
            (None, None) => Database::Memory,
        }
    }
}

/// `--db`: a PostgreSQL URL (`postgres://` or `postgresql://`) or a SQLite
/// file, as `(db, postgres)` of [`ServeOptions`].
pub fn db_argument(arg: Option<PathBuf>) -> (Option<PathBuf>, Option<String>) {
    match arg {
        Some(p)
            if p.to_str().is_some_and(|s| {
                s.starts_with("postgres://") || s.starts_with("postgresql://")
            }) =>
        {
            (None, p.to_str().map(str::to_string))
        }
        other => (other, None),
    }
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 7878)),
            db: None,
            postgres: None,
            demo: false,
            synthetic_tickets: 0,
            simulate_traffic: false,
            simulate_delivery: false,
            clock: Clock::system(),
        }
    }
}

/// A server running on the current tokio runtime.
pub struct RunningServer {
    pub addr: SocketAddr,
    /// Demo accounts (with `demo`) or the accounts made for a bare server.
    pub accounts: Vec<DemoAccount>,
    state: state::AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
    background: Vec<JoinHandle<()>>,
}

impl RunningServer {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The server's clock (a test holding a manual clock can move it).
    pub fn clock(&self) -> Clock {
        self.state.clock()
    }

    /// The token of the first account with `role`.
    pub fn token(&self, role: sahaya_protocol::domain::Role) -> Option<&str> {
        self.accounts
            .iter()
            .find(|a| a.role == role)
            .map(|a| a.token.as_str())
    }

    /// Adds an account with a fresh token, e.g. a second agent in a test.
    pub fn add_account(
        &self,
        login: &str,
        role: sahaya_protocol::domain::Role,
    ) -> anyhow::Result<DemoAccount> {
        self.state
            .with_db(|db| seed::account(db, login, login, role))
    }

    /// Puts customers and orders in the database as the demo data does
    /// (each change in the change feed): for tests that need many of them.
    pub fn put_customers_and_orders(
        &self,
        customers: &[sahaya_protocol::domain::Customer],
        orders: &[sahaya_protocol::domain::Order],
    ) -> anyhow::Result<()> {
        self.state.with_db(|db| {
            db.write(|w| -> anyhow::Result<()> {
                for c in customers {
                    repo::put_customer(w, c)?;
                }
                for o in orders {
                    repo::put_order(w, o)?;
                }
                Ok(())
            })?;
            Ok(())
        })
    }

    /// Queue statistics as of `now`: from the running counters (what the
    /// server publishes) or, with `from_scratch`, from full table scans.
    /// For tests and benchmarks.
    pub fn compute_stats(
        &self,
        from_scratch: bool,
        now: sahaya_protocol::domain::Timestamp,
    ) -> anyhow::Result<sahaya_protocol::wire::QueueStats> {
        self.state.with_db(|db| {
            Ok(if from_scratch {
                stats::compute_full(&db.conn, db.latest_seq(), now)?
            } else {
                stats::compute(db, now)?
            })
        })
    }

    /// Stops accepting requests and waits for the server to finish.
    pub async fn stop(mut self) {
        self.state.stop_streams();
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        for task in &self.background {
            task.abort();
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.state.stop_streams();
        for task in &self.background {
            task.abort();
        }
        self.task.abort();
    }
}

/// Opens the database, seeds what was asked for and starts serving.
pub async fn start(opts: ServeOptions) -> anyhow::Result<RunningServer> {
    let target = opts.database();
    let clock = opts.clock.clone();
    let now = clock.now();
    let (db, accounts) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let mut db = db::Db::open(&target).with_context(|| match &target {
            Database::File(p) => format!("cannot open the server database {}", p.display()),
            Database::Memory => "cannot open an in-memory database".to_string(),
            Database::Postgres(url) => format!(
                "cannot open the PostgreSQL database {}; is the server running and the URL right (postgres://user@host:port/database)?",
                redact(url)
            ),
        })?;
        let accounts = if opts.demo {
            seed::demo(&mut db, now)?
        } else {
            seed::bootstrap(&mut db)?
        };
        if opts.synthetic_tickets > 0 {
            seed::synthetic(&mut db, opts.synthetic_tickets, now)?;
        }
        Ok((db, accounts))
    })
    .await??;
    let state = state::AppState::new(db, clock);
    if let Some(url) = &opts.postgres {
        let url = url.clone();
        let listening = state.clone();
        tokio::task::spawn_blocking(move || fanout::start(&url, &listening))
            .await?
            .context("cannot listen for other servers' changes on PostgreSQL")?;
    }
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {}; is another server using it? try --addr 127.0.0.1:0",
                opts.addr
            )
        })?;
    let addr = listener.local_addr()?;
    let app = routes::router(state.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        // Small writes (SSE events) go out at once, not after the peer's
        // delayed ACK (up to 200 ms with Nagle's algorithm).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
        if let Err(e) = served {
            tracing::error!("server stopped: {e}");
        }
    });
    let mut background = vec![
        tokio::spawn(background::publish_stats(state.clone())),
        tokio::spawn(background::sweep_presence(state.clone())),
    ];
    if opts.simulate_traffic {
        background.push(tokio::spawn(demo::simulate::run(state.clone())));
    }
    if opts.simulate_traffic || opts.simulate_delivery {
        background.push(tokio::spawn(demo::simulate::deliver(state.clone())));
    }
    Ok(RunningServer {
        addr,
        accounts,
        state,
        shutdown: Some(tx),
        task,
        background,
    })
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            let user = user.split(':').next().unwrap_or("");
            format!("{}{}@{}", &url[..scheme + 3], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// `sahaya serve`: prints the address and demo tokens, runs until Ctrl-C.
pub async fn run_cli(opts: ServeOptions) -> anyhow::Result<()> {
    let server = start(opts).await?;
    println!("listening on {}", server.url());
    for account in &server.accounts {
        println!(
            "token\t{}\t{}\t{}",
            account.login, account.role, account.token
        );
    }
    tokio::signal::ctrl_c()
        .await
        .context("cannot wait for Ctrl-C")?;
    server.stop().await;
    Ok(())
}
