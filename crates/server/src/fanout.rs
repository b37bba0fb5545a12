//! Servers sharing one PostgreSQL database hear each other: every write's
//! change notices (sent with `pg_notify` inside the write, see `db`) and
//! every presence report reach all of them through LISTEN/NOTIFY.
//!
//! Why LISTEN/NOTIFY: it is PostgreSQL's own, needs no other service, and
//! delivers notifications at commit in commit order, which the change log's
//! counter row makes sequence order; a server's SSE clients therefore get
//! every server's changes, each once, in order. A listener that lost its
//! connection reconnects and reads what it missed from the change log.
//!
//! Two threads per server, each with its own connection: the listener
//! (announces notices on the server's broadcast, applies presence reports)
//! and the relay (sends this server's presence reports).

use std::sync::mpsc;
use std::time::Duration;

use fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls};
use serde::{Deserialize, Serialize};

use super::db::CHANGES_CHANNEL;
use super::presence::Report;
use super::state::AppState;
use sahaya_protocol::wire::{ChangeNotice, EntityKind};

const PRESENCE_CHANNEL: &str = "sahaya_presence";
/// How often the threads look whether the server is stopping.
const POLL: Duration = Duration::from_millis(200);

/// A presence report with the server it was made on.
#[derive(Serialize, Deserialize)]
struct Relayed {
    origin: String,
    report: Report,
}

/// Starts the listener and the relay of a server on PostgreSQL at `url`.
/// Returns once the listener listens.
pub fn start(url: &str, state: &AppState) -> anyhow::Result<()> {
    let origin = uuid::Uuid::new_v4().to_string();
    let listener = listen(url)?;
    let (tx, rx) = mpsc::channel::<Report>();
    state.presence().relay(tx);
    let relay = Client::connect(url, NoTls)?;
    let runtime = tokio::runtime::Handle::current();
    {
        let (state, url, origin) = (state.clone(), url.to_string(), origin.clone());
        std::thread::Builder::new()
            .name("sahaya-listen".into())
            .spawn(move || run_listener(listener, &url, &state, &origin, &runtime))?;
    }
    let stopping = state.stopping();
    std::thread::Builder::new()
        .name("sahaya-relay".into())
        .spawn(move || run_relay(relay, &rx, &origin, &stopping))?;
    Ok(())
}

fn listen(url: &str) -> Result<Client, postgres::Error> {
    let mut client = Client::connect(url, NoTls)?;
    client.batch_execute(&format!(
        "LISTEN {CHANGES_CHANNEL}; LISTEN {PRESENCE_CHANNEL};"
    ))?;
    Ok(client)
}

fn run_listener(
    client: Client,
    url: &str,
    state: &AppState,
    origin: &str,
    runtime: &tokio::runtime::Handle,
) {
    let stopping = state.stopping();
    let mut client = Some(client);
    let mut last = state.latest_seq();
    while !*stopping.borrow() {
        let Some(c) = client.as_mut() else {
            std::thread::sleep(Duration::from_secs(1));
            client = listen(url)
                .inspect_err(|e| tracing::warn!("cannot listen to PostgreSQL again yet: {e}"))
                .ok();
            if let Some(c) = client.as_mut()
                && let Err(e) = catch_up(c, &mut last, state)
            {
                tracing::warn!("cannot read the changes missed: {e}");
            }
            continue;
        };
        let mut lost = false;
        let mut notifications = c.notifications();
        let mut it = notifications.timeout_iter(POLL);
        loop {
            match it.next() {
                Ok(Some(n)) if n.channel() == CHANGES_CHANNEL => {
                    match serde_json::from_str::<Vec<ChangeNotice>>(n.payload()) {
                        Ok(notices) => {
                            for notice in notices {
                                if notice.seq > last {
                                    last = notice.seq;
                                    state.announce(notice);
                                }
                            }
                        }
                        Err(e) => tracing::warn!("unreadable change notification: {e}"),
                    }
                }
                Ok(Some(n)) => match serde_json::from_str::<Relayed>(n.payload()) {
                    Ok(r) if r.origin != origin => {
                        if state.presence().apply(r.report) {
                            let state = state.clone();
                            runtime.spawn(async move { state.refresh_stats().await });
                        }
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!("unreadable presence notification: {e}"),
                },
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!("lost the PostgreSQL notifications, reconnecting: {e}");
                    lost = true;
                    break;
                }
            }
        }
        drop(it);
        drop(notifications);
        if lost || c.is_closed() {
            client = None;
        }
    }
}

/// Announces what the change log holds after `last` (its latest entry per
/// entity): what was missed while not listening.
fn catch_up(client: &mut Client, last: &mut i64, state: &AppState) -> Result<(), postgres::Error> {
    let rows = client.query(
        "SELECT seq, kind, entity_id FROM changes WHERE seq > $1 ORDER BY seq",
        &[&*last],
    )?;
    for row in rows {
        let seq: i64 = row.try_get(0)?;
        let kind: String = row.try_get(1)?;
        let Some(kind) = EntityKind::parse(&kind) else {
            continue;
        };
        *last = seq;
        state.announce(ChangeNotice {
            seq,
            kind,
            id: row.try_get(2)?,
        });
    }
    Ok(())
}

fn run_relay(
    mut client: Client,
    reports: &mpsc::Receiver<Report>,
    origin: &str,
    stopping: &tokio::sync::watch::Receiver<bool>,
) {
    while !*stopping.borrow() {
        let report = match reports.recv_timeout(POLL) {
            Ok(r) => r,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        let payload = match serde_json::to_string(&Relayed {
            origin: origin.to_string(),
            report,
        }) {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!("presence report not relayed: {e}");
                continue;
            }
        };
        if let Err(e) = client.execute(
            "SELECT pg_notify($1, $2)::TEXT",
            &[&PRESENCE_CHANNEL, &payload],
        ) {
            tracing::warn!("presence report not relayed: {e}");
            if client.is_closed() {
                return;
            }
        }
    }
}
