//! The background sync task: pulls the change feed into the local cache,
//! pushes the outbox to the server, follows the live event stream, and tells
//! the UI what happened. The UI never waits on any of this.

pub mod client;
mod push;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::{Notify, mpsc};

use crate::client::{Client, ClientError};
use sahaya_protocol::wire::{Change, PresenceUpdate, StreamEvent};
use sahaya_store::Store;

pub use sahaya_protocol::events::{Connection, SyncEvent, SyncRequest};

/// The UI's handle on the sync task.
#[derive(Clone)]
pub struct SyncHandle {
    kick: Arc<Notify>,
    presence: Arc<tokio::sync::watch::Sender<PresenceUpdate>>,
    _stop: Arc<StopOnDrop>,
}

/// Stops the sync task when the last handle goes. Stopping is safe at any
/// await point: no cache transaction spans one, and an unanswered write is
/// sent again (same key) by the next sync.
struct StopOnDrop(tokio::task::AbortHandle);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl SyncHandle {
    /// Carries out what the UI asks until it stops asking.
    pub async fn serve(self, mut requests: mpsc::UnboundedReceiver<SyncRequest>) {
        while let Some(request) = requests.recv().await {
            match request {
                SyncRequest::Kick => self.kick(),
                SyncRequest::Presence { ticket_id, typing } => self.set_presence(ticket_id, typing),
            }
        }
    }

    /// Something was queued or the agent asked to sync now: push and pull.
    pub fn kick(&self) {
        self.kick.notify_one();
    }

    /// Tells others which ticket the agent is on (best effort, not queued:
    /// presence that arrives late is worthless).
    pub fn set_presence(&self, ticket_id: Option<sahaya_protocol::domain::TicketId>, typing: bool) {
        self.presence.send_if_modified(|p| {
            let new = PresenceUpdate { ticket_id, typing };
            let changed = *p != new;
            *p = new;
            changed
        });
    }
}

/// Page size of the change feed (the server's maximum).
const PAGE: i64 = sahaya_protocol::wire::MAX_CHANGES_LIMIT;
/// Pages fetched ahead of the cache writes.
const PAGES_AHEAD: usize = 4;
/// Most changes written to the cache in one transaction.
const APPLY_BATCH: usize = 25_000;

/// Starts the sync task on the current tokio runtime.
pub fn spawn(
    client: Client,
    cache: PathBuf,
    events: mpsc::UnboundedSender<SyncEvent>,
) -> SyncHandle {
    let kick = Arc::new(Notify::new());
    let kick_task = kick.clone();
    let (presence_tx, presence) = tokio::sync::watch::channel(PresenceUpdate {
        ticket_id: None,
        typing: false,
    });
    let task = tokio::spawn(async move {
        let store = match Store::open(&cache) {
            Ok(store) => {
                if let Err(e) = store.use_large_page_cache() {
                    tracing::warn!("cache size not set: {e}");
                }
                store
            }
            Err(e) => {
                tracing::error!("sync cannot open the cache: {e}");
                let _ = events.send(SyncEvent::Connection(Connection::Offline(e.to_string())));
                return;
            }
        };
        let mut task = SyncTask {
            client,
            store,
            events,
            kick: kick_task,
            presence,
            pusher: push::Pusher::default(),
        };
        task.run().await;
    });
    SyncHandle {
        kick,
        presence: Arc::new(presence_tx),
        _stop: Arc::new(StopOnDrop(task.abort_handle())),
    }
}

struct SyncTask {
    client: Client,
    store: Store,
    events: mpsc::UnboundedSender<SyncEvent>,
    kick: Arc<Notify>,
    presence: tokio::sync::watch::Receiver<PresenceUpdate>,
    pusher: push::Pusher,
}

/// Why a round with the server ended.
enum Stop {
    Failed(ClientError),
    Closed,
}

impl SyncTask {
    fn tell(&self, event: SyncEvent) -> bool {
        self.events.send(event).is_ok()
    }

    async fn run(&mut self) {
        let mut backoff = Backoff::default();
        loop {
            let stop = self.session().await;
            let wait = match stop {
                Stop::Closed => return,
                Stop::Failed(err) => {
                    let state = match &err {
                        ClientError::Unauthorized { message } => {
                            Connection::Unauthorized(message.clone())
                        }
                        ClientError::Network { .. } => Connection::Offline(err.detail()),
                        _ => Connection::Degraded(err.detail()),
                    };
                    tracing::info!("sync interrupted: {err}");
                    if !self.tell(SyncEvent::Connection(state)) {
                        return;
                    }
                    backoff.next(err.retry_after())
                }
            };
            // Wait for the backoff, or sooner if the agent asks to sync now.
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.kick.notified() => {}
            }
            if !self.tell(SyncEvent::Connection(Connection::Reconnecting)) {
                return;
            }
            // A session that got far enough resets the backoff.
            if self.pusher.connected_once {
                backoff = Backoff::default();
                self.pusher.connected_once = false;
            }
        }
    }

    /// One connected session: identify, catch up, push, then follow the stream.
    async fn session(&mut self) -> Stop {
        match self.client.me().await {
            Ok(me) => {
                if let Err(e) = self.store.set_me(&me.agent) {
                    tracing::error!("cache write failed: {e}");
                }
            }
            Err(e) => return Stop::Failed(e),
        }
        if let Err(e) = self.pull().await {
            return Stop::Failed(e);
        }
        if let Err(e) = self.push().await {
            return Stop::Failed(e);
        }
        let cursor = self.store.cursor().unwrap_or(0);
        let mut stream = match self.client.events(Some(cursor)).await {
            Ok(s) => Box::pin(s),
            Err(e) => return Stop::Failed(e),
        };
        self.pusher.connected_once = true;
        if !self.tell(SyncEvent::Connection(Connection::Online)) {
            return Stop::Closed;
        }
        // Presence lapses on the server after 30 s; renew it well before.
        let mut heartbeat = tokio::time::interval(Duration::from_secs(10));
        loop {
            tokio::select! {
                next = stream.next() => match next {
                    Some(Ok(StreamEvent::Change(_))) => {
                        // Coalesce a burst of notices into one pull.
                        tokio::time::sleep(Duration::from_millis(30)).await;
                        if let Err(e) = self.pull().await {
                            return Stop::Failed(e);
                        }
                    }
                    Some(Ok(StreamEvent::Presence(notice))) => {
                        if !self.tell(SyncEvent::Presence(notice)) {
                            return Stop::Closed;
                        }
                    }
                    Some(Ok(StreamEvent::Stats(stats))) => {
                        if !self.tell(SyncEvent::Stats(stats)) {
                            return Stop::Closed;
                        }
                    }
                    Some(Err(e)) => return Stop::Failed(e),
                    None => {
                        return Stop::Failed(ClientError::Network {
                            message: "the event stream ended".to_string(),
                        })
                    }
                },
                _ = self.kick.notified() => {
                    if let Err(e) = self.push().await {
                        return Stop::Failed(e);
                    }
                    if let Err(e) = self.pull().await {
                        return Stop::Failed(e);
                    }
                }
                changed = self.presence.changed() => {
                    if changed.is_ok() {
                        self.send_presence().await;
                    }
                }
                _ = heartbeat.tick() => self.send_presence().await,
            }
            if self.events.is_closed() {
                return Stop::Closed;
            }
        }
    }

    /// Reports presence; failures are ignored (the next heartbeat retries).
    async fn send_presence(&mut self) {
        let update = self.presence.borrow_and_update().clone();
        if let Err(e) = self.client.put_presence(&update).await {
            tracing::debug!("presence not sent: {e}");
        }
    }

    /// Pulls the change feed until caught up.
    ///
    /// Fetching and storing overlap: a fetcher task requests the next pages
    /// while this task writes the previous ones into the cache. Pages that
    /// piled up while a write ran go into the cache together, in one
    /// transaction of at most [`APPLY_BATCH`] changes, each transaction
    /// storing the cursor with its changes (a crash loses no more than
    /// what is fetched again).
    async fn pull(&mut self) -> Result<(), ClientError> {
        let mut restarts = 0;
        loop {
            match self.pull_from(self.store.cursor().unwrap_or(0)).await? {
                Pulled::Done => return Ok(()),
                Pulled::ServerReset { latest, since } => {
                    // The server's history is shorter than ours: it was reset.
                    // Start over, keeping the outbox and drafts.
                    tracing::warn!(
                        "server sequence {latest} is behind our cursor {since}; resyncing"
                    );
                    if let Err(e) = self.store.reset_cache() {
                        tracing::error!("cannot reset the cache: {e}");
                    }
                    restarts += 1;
                    if restarts > 3 {
                        return Err(ClientError::Decode {
                            message: "the server's change feed keeps going backwards".into(),
                        });
                    }
                }
            }
        }
    }

    async fn pull_from(&mut self, start: i64) -> Result<Pulled, ClientError> {
        let (tx, mut rx) = mpsc::channel(PAGES_AHEAD);
        let fetcher = tokio::spawn(fetch_pages(self.client.clone(), start, tx));
        let _stop_fetcher = StopOnDrop(fetcher.abort_handle());
        let mut batch: Vec<Change> = Vec::new();
        let mut stored = start;
        let mut applied = 0usize;
        let mut next = start;
        while let Some(fetched) = rx.recv().await {
            let page = match fetched {
                Ok(Fetched::Page(page)) => page,
                Ok(Fetched::Reset { latest, since }) => {
                    return Ok(Pulled::ServerReset { latest, since });
                }
                Err(e) => {
                    // Keep what arrived before the failure.
                    if !batch.is_empty()
                        && let Ok(n) = self.store_batch(&mut batch, next)
                    {
                        applied += n;
                    }
                    if applied > 0 {
                        self.tell(SyncEvent::Pulled { changes: applied });
                    }
                    return Err(e);
                }
            };
            batch.extend(page.changes);
            next = page.next;
            let last = !page.has_more;
            // Write now unless more pages are already waiting (then they go
            // in the same transaction), up to a bound.
            if !last && !rx.is_empty() && batch.len() < APPLY_BATCH {
                continue;
            }
            if !batch.is_empty() || next != stored {
                applied += self.store_batch(&mut batch, next)?;
                stored = next;
            }
            if last {
                break;
            }
            self.tell(SyncEvent::Progress {
                done: stored - start,
                total: page.latest - start,
            });
        }
        self.tell(SyncEvent::Synced {
            at: chrono::Utc::now(),
        });
        if applied > 0 {
            self.tell(SyncEvent::Pulled { changes: applied });
        }
        Ok(Pulled::Done)
    }

    /// Writes `batch` (emptied) and the cursor `next` into the cache in one
    /// transaction. Returns how many changes were stored.
    fn store_batch(&mut self, batch: &mut Vec<Change>, next: i64) -> Result<usize, ClientError> {
        let changes = std::mem::take(batch);
        match apply_blocking(&mut self.store, &changes, next) {
            Ok(()) => Ok(changes.len()),
            Err(e) => {
                tracing::error!("cache write failed: {e}");
                Err(ClientError::Decode {
                    message: format!("cannot store changes: {e}"),
                })
            }
        }
    }

    async fn push(&mut self) -> Result<(), ClientError> {
        let changed = self.pusher.push(&self.client, &mut self.store).await;
        if changed.delivered_or_settled > 0 {
            self.tell(SyncEvent::Outbox);
        }
        changed.result
    }
}

enum Pulled {
    Done,
    /// The server's sequence `latest` is behind the cursor `since`.
    ServerReset {
        latest: i64,
        since: i64,
    },
}

enum Fetched {
    Page(sahaya_protocol::wire::ChangesPage),
    Reset { latest: i64, since: i64 },
}

/// Fetches pages of the change feed from `since` until caught up (or the
/// server turns out to be reset, or the receiver is gone), one request at a
/// time, ahead of the writer by at most the channel's capacity.
async fn fetch_pages(
    client: Client,
    mut since: i64,
    pages: mpsc::Sender<Result<Fetched, ClientError>>,
) {
    loop {
        let fetched = match client.changes(since, PAGE).await {
            Ok(page) if page.latest < since => Fetched::Reset {
                latest: page.latest,
                since,
            },
            Ok(page) => Fetched::Page(page),
            Err(e) => {
                let _ = pages.send(Err(e)).await;
                return;
            }
        };
        let more = match &fetched {
            Fetched::Page(page) => {
                since = page.next;
                page.has_more
            }
            Fetched::Reset { .. } => false,
        };
        if pages.send(Ok(fetched)).await.is_err() || !more {
            return;
        }
    }
}

/// Writes a batch into the cache without stalling the runtime's other tasks
/// (the fetcher, the event stream) where the runtime allows it.
fn apply_blocking(store: &mut Store, changes: &[Change], next: i64) -> sahaya_store::Result<()> {
    use tokio::runtime::{Handle, RuntimeFlavor};
    let multi =
        Handle::try_current().is_ok_and(|h| h.runtime_flavor() == RuntimeFlavor::MultiThread);
    if multi {
        tokio::task::block_in_place(|| store.apply_changes(changes, next))
    } else {
        store.apply_changes(changes, next)
    }
}

/// Exponential backoff with jitter (backon), 250 ms doubling to 15 s (jitter
/// adds up to as much again, so at most 30 s), never giving up; a server's
/// Retry-After is honoured when it asks for longer.
struct Backoff {
    delays: backon::ExponentialBackoff,
}

impl Default for Backoff {
    fn default() -> Self {
        use backon::BackoffBuilder;
        let delays = backon::ExponentialBuilder::default()
            .with_jitter()
            .with_min_delay(Duration::from_millis(250))
            .with_max_delay(Duration::from_secs(15))
            .without_max_times()
            .build();
        Backoff { delays }
    }
}

impl Backoff {
    fn next(&mut self, retry_after: Option<Duration>) -> Duration {
        let wait = self.delays.next().unwrap_or(Duration::from_secs(30));
        retry_after.map_or(wait, |ra| ra.max(wait))
    }
}
