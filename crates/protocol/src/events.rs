//! What the sync layer tells the UI: the state of the link to the server and
//! what changed. The UI matches on these; it never sees the sync task itself.

use crate::domain::{Attachment, TicketId, Timestamp};
use crate::wire::{PresenceNotice, QueueStats};

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
    Presence(PresenceNotice),
    /// Last successful contact with the server.
    Synced {
        at: Timestamp,
    },
    /// A file the agent asked for is saved (and handed to the viewer when
    /// asked): where it is.
    FileSaved {
        name: String,
        path: std::path::PathBuf,
        opened: bool,
    },
    /// A file could not be fetched or saved.
    FileFailed {
        name: String,
        problem: FileProblem,
    },
}

/// Why a file could not be fetched or saved (the UI says it in the agent's
/// language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// The server cannot be reached now; the agent can try again later.
    Unreachable,
    /// The server answered no (the file is gone, or not the agent's to see).
    Refused(String),
    /// What arrived is not the file (its checksum differs).
    Damaged,
    /// The file could not be written to the disk (the detail says why).
    Disk(String),
    /// This helpdesk keeps no files sahaya can fetch.
    NotAvailable,
}

/// What the UI asks of the sync layer. The UI sends these as data; the binary
/// hands them to the sync task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncRequest {
    /// Something was queued or the agent asked to sync now: push and pull.
    Kick,
    /// Which ticket the agent is on, and whether they are typing (best effort).
    Presence {
        ticket_id: Option<TicketId>,
        typing: bool,
    },
    /// Fetch a message's file into the downloads folder, and open it with
    /// the system's viewer when `open`.
    FetchFile { file: Attachment, open: bool },
}

/// What the backend the console works against can do. The UI asks these,
/// never the backend's name: without presence there is no "also viewing"
/// row, without stats the supervisor screen counts from the local cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Who else has a ticket open, who is typing.
    pub presence: bool,
    /// Changes arrive as they happen (otherwise the sync polls).
    pub live_events: bool,
    /// Queue statistics computed by the server (CSAT, NPS, first response).
    pub stats: bool,
    /// Orders, refunds, returns and exchanges.
    pub orders: bool,
    /// Macros (canned replies) kept on the server.
    pub macros: bool,
    /// Proactive notices that open a new ticket.
    pub outbound: bool,
    /// Free-form tags on tickets.
    pub tags: bool,
    /// Files on messages (fetched on demand, attached to replies), and
    /// delivery states a reply can be sent again from.
    pub attachments: bool,
    /// Merging a ticket into another.
    pub merge: bool,
}

impl Capabilities {
    /// Everything: the sahaya reference server.
    pub const ALL: Capabilities = Capabilities {
        presence: true,
        live_events: true,
        stats: true,
        orders: true,
        macros: true,
        outbound: true,
        tags: true,
        attachments: true,
        merge: true,
    };

    /// Nothing beyond tickets and messages.
    pub const NONE: Capabilities = Capabilities {
        presence: false,
        live_events: false,
        stats: false,
        orders: false,
        macros: false,
        outbound: false,
        tags: false,
        attachments: false,
        merge: false,
    };
}

impl Default for Capabilities {
    fn default() -> Self {
        Capabilities::ALL
    }
}
