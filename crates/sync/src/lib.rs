//! The background sync layer: pulls changes into the local cache, pushes the
//! outbox, follows live events, and tells the UI what happened. The UI never
//! waits on any of this.
//!
//! - [`backend`]: the seam: what a helpdesk must offer ([`Backend`]) and
//!   what it can do ([`Capabilities`]).
//! - [`sahaya`]: the sahaya protocol over HTTP + SSE ([`client`]).
//! - the task itself (pull from a cursor, push in order, backoff: how long
//!   it waits before trying again after a failure) and
//!   [`SyncHandle`], the UI side's handle on it.

pub mod backend;
mod backoff;
pub mod client;
mod error;
pub mod files;
mod push;
pub mod rt;
pub mod sahaya;
mod task;

use std::path::PathBuf;
use std::sync::Arc;

use sahaya_protocol::Clock;
use sahaya_protocol::wire::PresenceUpdate;
use sahaya_store::Store;
use tokio::sync::{Notify, mpsc};

use task::StopOnDrop;

pub use backend::{Backend, Capabilities};
pub use error::SyncError;
pub use files::FileSettings;
pub use rt::RtBackend;
pub use sahaya::SahayaBackend;

pub use sahaya_protocol::events::{Connection, SyncEvent, SyncRequest};

/// The UI's handle on the sync task.
#[derive(Clone)]
pub struct SyncHandle {
    kick: Arc<Notify>,
    files: mpsc::UnboundedSender<files::FileRequest>,
    presence: Arc<tokio::sync::watch::Sender<PresenceUpdate>>,
    _stop: Arc<StopOnDrop>,
    _stop_files: Arc<StopOnDrop>,
}

impl SyncHandle {
    /// Carries out what the UI asks until it stops asking.
    pub async fn serve(self, mut requests: mpsc::UnboundedReceiver<SyncRequest>) {
        while let Some(request) = requests.recv().await {
            match request {
                SyncRequest::Kick => self.kick(),
                SyncRequest::Presence { ticket_id, typing } => self.set_presence(ticket_id, typing),
                SyncRequest::FetchFile { file, open } => self.fetch_file(file, open),
            }
        }
    }

    /// Something was queued or the agent asked to sync now: push and pull.
    pub fn kick(&self) {
        self.kick.notify_one();
    }

    /// Fetches a message's file into the downloads folder (and opens it when
    /// `open`); the answer comes as a [`SyncEvent`].
    pub fn fetch_file(&self, file: sahaya_protocol::domain::Attachment, open: bool) {
        let _ = self.files.send((file, open));
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

/// Starts the sync task against a sahaya server, on the machine's clock.
pub fn spawn(
    client: client::Client,
    cache: PathBuf,
    events: mpsc::UnboundedSender<SyncEvent>,
) -> SyncHandle {
    spawn_with(SahayaBackend::new(client), cache, events, Clock::system())
}

/// Starts the sync task against `backend` on the current tokio runtime;
/// files the agent asks for go beside the cache.
pub fn spawn_with<B: Backend>(
    backend: B,
    cache: PathBuf,
    events: mpsc::UnboundedSender<SyncEvent>,
    clock: Clock,
) -> SyncHandle {
    let files = FileSettings::beside(&cache);
    spawn_configured(backend, cache, events, clock, files)
}

/// [`spawn_with`], with where files go and how they are opened.
pub fn spawn_configured<B: Backend>(
    backend: B,
    cache: PathBuf,
    events: mpsc::UnboundedSender<SyncEvent>,
    clock: Clock,
    file_settings: FileSettings,
) -> SyncHandle {
    backend.use_cache(&cache);
    let backend = Arc::new(backend);
    let (files, file_requests) = mpsc::unbounded_channel();
    let files_task = tokio::spawn(files::serve(
        backend.clone(),
        file_settings,
        file_requests,
        events.clone(),
    ));
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
        let mut task = task::SyncTask {
            backend,
            store,
            events,
            kick: kick_task,
            presence,
            pusher: push::Pusher::default(),
            clock,
        };
        task.run().await;
    });
    SyncHandle {
        kick,
        files,
        presence: Arc::new(presence_tx),
        _stop: Arc::new(StopOnDrop(task.abort_handle())),
        _stop_files: Arc::new(StopOnDrop(files_task.abort_handle())),
    }
}
