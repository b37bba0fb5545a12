//! The sync task: one loop that connects to the backend, catches up from the
//! cache's cursor, pushes the outbox, then follows live events until the
//! connection breaks, and starts again after a backoff (`backoff`).

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use sahaya_protocol::Clock;
use sahaya_protocol::events::{Connection, SyncEvent};
use sahaya_protocol::wire::{Change, ChangesPage, PresenceUpdate, StreamEvent};
use sahaya_store::Store;
use tokio::sync::{Notify, mpsc};

use crate::backend::Backend;
use crate::backoff::{Backoff, Trouble};
use crate::client::ClientError;
use crate::error::SyncError;
use crate::push::Pusher;

/// Pages fetched ahead of the cache writes.
const PAGES_AHEAD: usize = 4;
/// Most changes written to the cache in one transaction.
const APPLY_BATCH: usize = 25_000;

pub(crate) struct SyncTask<B: Backend> {
    pub backend: Arc<B>,
    pub store: Store,
    pub events: mpsc::UnboundedSender<SyncEvent>,
    pub kick: Arc<Notify>,
    pub presence: tokio::sync::watch::Receiver<PresenceUpdate>,
    pub pusher: Pusher,
    pub clock: Clock,
}

/// Why a round with the server ended.
enum Stop {
    Failed(SyncError),
    Closed,
}

impl<E: Into<SyncError>> From<E> for Stop {
    fn from(e: E) -> Self {
        Stop::Failed(e.into())
    }
}

/// What the status line says about a failed round.
fn connection_after(err: &SyncError) -> Connection {
    match err {
        SyncError::Client(ClientError::Unauthorized { message }) => {
            Connection::Unauthorized(message.clone())
        }
        SyncError::Client(e @ ClientError::Network { .. }) => Connection::Offline(e.detail()),
        SyncError::Client(e) => Connection::Degraded(e.detail()),
        // Our own disk, not the server: said as such (the detail is ours).
        SyncError::Store(e) => Connection::Degraded(format!("local cache: {e}")),
    }
}

impl<B: Backend> SyncTask<B> {
    fn tell(&self, event: SyncEvent) -> bool {
        self.events.send(event).is_ok()
    }

    pub async fn run(&mut self) {
        let mut backoff = Backoff::default();
        loop {
            let err = match self.session().await {
                Stop::Closed => return,
                Stop::Failed(err) => err,
            };
            tracing::info!("sync interrupted: {err}");
            if !self.tell(SyncEvent::Connection(connection_after(&err))) {
                return;
            }
            let wait = backoff.next(Trouble::of(&err));
            tracing::debug!("next try in {wait:?}");
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
                backoff.reset();
                self.pusher.connected_once = false;
            }
        }
    }

    /// One connected session: identify, catch up, push, then follow the stream.
    async fn session(&mut self) -> Stop {
        match self.run_session().await {
            Ok(()) => Stop::Closed,
            Err(stop) => stop,
        }
    }

    async fn run_session(&mut self) -> Result<(), Stop> {
        let me = self.backend.me().await?;
        self.store.set_me(&me)?;
        self.pull().await?;
        self.push().await?;
        let cursor = self.store.cursor()?;
        let mut stream = self.backend.live(cursor).await?;
        self.pusher.connected_once = true;
        if !self.tell(SyncEvent::Connection(Connection::Online)) {
            return Err(Stop::Closed);
        }
        // Presence lapses on the server after 30 s; renew it well before.
        let mut heartbeat = tokio::time::interval(Duration::from_secs(10));
        loop {
            tokio::select! {
                next = stream.next() => match next {
                    Some(Ok(StreamEvent::Change(_))) => {
                        // Coalesce a burst of notices into one pull.
                        tokio::time::sleep(Duration::from_millis(30)).await;
                        self.pull().await?;
                    }
                    Some(Ok(StreamEvent::Presence(notice))) => {
                        if !self.tell(SyncEvent::Presence(notice)) {
                            return Err(Stop::Closed);
                        }
                    }
                    Some(Ok(StreamEvent::Stats(stats))) => {
                        if !self.tell(SyncEvent::Stats(stats)) {
                            return Err(Stop::Closed);
                        }
                    }
                    Some(Err(e)) => return Err(e.into()),
                    None => {
                        return Err(ClientError::Network {
                            message: "the event stream ended".to_string(),
                        }
                        .into())
                    }
                },
                _ = self.kick.notified() => {
                    self.push().await?;
                    self.pull().await?;
                }
                changed = self.presence.changed() => {
                    if changed.is_ok() {
                        self.send_presence().await;
                    }
                }
                _ = heartbeat.tick() => self.send_presence().await,
            }
            if self.events.is_closed() {
                return Err(Stop::Closed);
            }
        }
    }

    /// Reports presence; failures are ignored (the next heartbeat retries).
    async fn send_presence(&mut self) {
        let update = self.presence.borrow_and_update().clone();
        if let Err(e) = self.backend.presence(&update).await {
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
    async fn pull(&mut self) -> Result<(), SyncError> {
        let mut restarts = 0;
        loop {
            let cursor = self.store.cursor()?;
            match self.pull_from(cursor).await? {
                Pulled::Done => return Ok(()),
                Pulled::ServerReset { latest, since } => {
                    // The server's history is shorter than ours: it was reset.
                    // Start over, keeping the outbox and drafts.
                    tracing::warn!(
                        "server sequence {latest} is behind our cursor {since}; resyncing"
                    );
                    self.store.reset_cache()?;
                    restarts += 1;
                    if restarts > 3 {
                        return Err(ClientError::Decode {
                            message: "the server's change feed keeps going backwards".into(),
                        }
                        .into());
                    }
                }
            }
        }
    }

    async fn pull_from(&mut self, start: i64) -> Result<Pulled, SyncError> {
        let (tx, mut rx) = mpsc::channel(PAGES_AHEAD);
        let fetcher = tokio::spawn(fetch_pages(self.backend.clone(), start, tx));
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
                    if !batch.is_empty() {
                        match self.store_batch(&mut batch, next) {
                            Ok(n) => applied += n,
                            Err(store) => tracing::error!("cache write failed: {store}"),
                        }
                    }
                    if applied > 0 {
                        self.tell(SyncEvent::Pulled { changes: applied });
                    }
                    return Err(e.into());
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
            at: self.clock.now(),
        });
        if applied > 0 {
            self.tell(SyncEvent::Pulled { changes: applied });
        }
        Ok(Pulled::Done)
    }

    /// Writes `batch` (emptied) and the cursor `next` into the cache in one
    /// transaction. Returns how many changes were stored.
    fn store_batch(
        &mut self,
        batch: &mut Vec<Change>,
        next: i64,
    ) -> Result<usize, sahaya_store::StoreError> {
        let changes = std::mem::take(batch);
        apply_blocking(&mut self.store, &changes, next)?;
        Ok(changes.len())
    }

    async fn push(&mut self) -> Result<(), SyncError> {
        let changed = self.pusher.push(&*self.backend, &mut self.store).await;
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
    Page(ChangesPage),
    Reset { latest: i64, since: i64 },
}

/// Fetches pages of changes from `since` until caught up (or the server
/// turns out to be reset, or the receiver is gone), one request at a time,
/// ahead of the writer by at most the channel's capacity.
async fn fetch_pages<B: Backend>(
    backend: Arc<B>,
    mut since: i64,
    pages: mpsc::Sender<Result<Fetched, ClientError>>,
) {
    loop {
        let fetched = match backend.changes(since).await {
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

/// Stops the sync task when the last handle goes. Stopping is safe at any
/// await point: no cache transaction spans one, and an unanswered write is
/// sent again (same key) by the next sync.
pub(crate) struct StopOnDrop(pub(crate) tokio::task::AbortHandle);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
