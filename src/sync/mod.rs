//! The background sync task: pulls the change feed into the local cache,
//! pushes the outbox to the server, follows the live event stream, and tells
//! the UI what happened. The UI never waits on any of this.

mod push;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::{Notify, mpsc};

use crate::client::{Client, ClientError};
use crate::protocol::{PresenceUpdate, QueueStats, StreamEvent};
use crate::store::Store;

/// How the console's link to the server is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    /// Not connected yet (start-up).
    Connecting,
    /// Connected, the live stream is open.
    Online,
    /// Answers arrive but with errors (5xx, timeouts); retrying.
    Degraded(String),
    /// No connection; retrying with backoff.
    Offline(String),
    /// Trying again after a failure.
    Reconnecting,
    /// The server refused our token; nothing will work until it is fixed.
    Unauthorized(String),
}

/// What the sync task tells the UI.
#[derive(Debug, Clone)]
pub enum SyncEvent {
    Connection(Connection),
    /// The cache changed: `changes` entities were applied.
    Pulled {
        changes: usize,
    },
    /// Initial sync progress: `done` of about `total` changes.
    Progress {
        done: i64,
        total: i64,
    },
    /// The outbox changed (delivered, conflict, rejected).
    Outbox,
    Stats(Box<QueueStats>),
    /// Who else is on a ticket right now.
    Presence(crate::protocol::PresenceNotice),
    /// Last successful contact with the server.
    Synced {
        at: crate::domain::Timestamp,
    },
}

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
    /// Something was queued or the agent asked to sync now: push and pull.
    pub fn kick(&self) {
        self.kick.notify_one();
    }

    /// Tells others which ticket the agent is on (best effort, not queued:
    /// presence that arrives late is worthless).
    pub fn set_presence(&self, ticket_id: Option<crate::domain::TicketId>, typing: bool) {
        self.presence.send_if_modified(|p| {
            let new = PresenceUpdate { ticket_id, typing };
            let changed = *p != new;
            *p = new;
            changed
        });
    }
}

/// Page size of the change feed.
const PAGE: i64 = 1000;

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
            Ok(store) => store,
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
                        ClientError::Network { .. } => Connection::Offline(err.user_message()),
                        _ => Connection::Degraded(err.user_message()),
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
    async fn pull(&mut self) -> Result<(), ClientError> {
        let mut start = self.store.cursor().unwrap_or(0);
        let mut since = start;
        let mut applied = 0usize;
        loop {
            let page = self.client.changes(since, PAGE).await?;
            if page.latest < since {
                // The server's history is shorter than ours: it was reset.
                // Start over, keeping the outbox and drafts.
                tracing::warn!(
                    "server sequence {} is behind our cursor {since}; resyncing",
                    page.latest
                );
                if let Err(e) = self.store.reset_cache() {
                    tracing::error!("cannot reset the cache: {e}");
                }
                since = 0;
                start = 0;
                continue;
            }
            if !page.changes.is_empty() || page.next != since {
                if let Err(e) = self.store.apply_changes(&page.changes, page.next) {
                    tracing::error!("cache write failed: {e}");
                    return Err(ClientError::Decode {
                        message: format!("cannot store changes: {e}"),
                    });
                }
            }
            applied += page.changes.len();
            since = page.next;
            if page.has_more {
                self.tell(SyncEvent::Progress {
                    done: since - start,
                    total: page.latest - start,
                });
            }
            if !page.has_more {
                break;
            }
        }
        self.tell(SyncEvent::Synced {
            at: chrono::Utc::now(),
        });
        if applied > 0 {
            self.tell(SyncEvent::Pulled { changes: applied });
        }
        Ok(())
    }

    async fn push(&mut self) -> Result<(), ClientError> {
        let changed = self.pusher.push(&self.client, &mut self.store).await;
        if changed.delivered_or_settled > 0 {
            self.tell(SyncEvent::Outbox);
        }
        changed.result
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
