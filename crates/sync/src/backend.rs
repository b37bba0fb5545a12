//! The seam between the sync task and a helpdesk. The sync task pulls changes
//! from a cursor, pushes outbox entries one at a time and follows live
//! events; a [`Backend`] says how that is done against one kind of server.
//! The sahaya protocol ([`crate::sahaya::SahayaBackend`]) is one
//! implementation; Request Tracker 5 is another.
//!
//! Everything above this seam (the cache, the UI) sees only the protocol's
//! entities and the [`Capabilities`], never which backend it sits on.

use std::future::Future;
use std::pin::Pin;

use futures::Stream;
use sahaya_protocol::domain::{Agent, Attachment};
use sahaya_protocol::wire::{ChangesPage, Entity, PresenceUpdate, StreamEvent};
use sahaya_store::{OutboxEntry, StagedFile};

use crate::client::ClientError;

pub use sahaya_protocol::events::Capabilities;

/// Live events from the backend, until the connection breaks.
pub type LiveEvents = Pin<Box<dyn Stream<Item = Result<StreamEvent, ClientError>> + Send>>;

/// One helpdesk the console can work against.
pub trait Backend: Send + Sync + 'static {
    /// What this backend can do; the UI adapts to it.
    fn capabilities(&self) -> Capabilities;

    /// The cache this backend syncs into, told once before anything else:
    /// a backend may keep a little state of its own beside it, across
    /// restarts (RT: the transactions its writes landed as).
    fn use_cache(&self, _cache: &std::path::Path) {}

    /// Who the credentials belong to (also: do they work at all).
    fn me(&self) -> impl Future<Output = Result<Agent, ClientError>> + Send;

    /// The changes after `cursor` (0: everything), one page. Every entity
    /// appears at most once, in its current state; `next` is the cursor to
    /// ask with next.
    fn changes(&self, cursor: i64)
    -> impl Future<Output = Result<ChangesPage, ClientError>> + Send;

    /// Opens the live event stream after `cursor`. A backend without one
    /// returns a stream that asks for a pull now and then (polling).
    fn live(&self, cursor: i64) -> impl Future<Output = Result<LiveEvents, ClientError>> + Send;

    /// Delivers one outbox entry exactly once, and answers with what the
    /// server made of it. `if_match` is the ticket version a patch is based
    /// on. An entry whose earlier attempt may have landed
    /// (`entry.attempts > 0`: a try was started before) must not be applied twice: a backend without
    /// idempotency keys finds out first whether it did. `files` are the
    /// files a message carries, in order.
    fn push(
        &self,
        entry: &OutboxEntry,
        if_match: i64,
        files: &[StagedFile],
    ) -> impl Future<Output = Result<Vec<Entity>, ClientError>> + Send;

    /// The bytes of a message's file (backends without files refuse).
    fn fetch_file(
        &self,
        file: &Attachment,
    ) -> impl Future<Output = Result<Vec<u8>, ClientError>> + Send;

    /// Tells others which ticket the agent is on (backends without presence
    /// do nothing).
    fn presence(
        &self,
        update: &PresenceUpdate,
    ) -> impl Future<Output = Result<(), ClientError>> + Send;
}
