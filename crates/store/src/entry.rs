//! What an outbox entry is: the operation the server has to hear about, its
//! state, and the entry as stored. Plain data; the outbox's operations are in
//! `outbox`, the cache writers in `apply` (both use these types).

use serde::{Deserialize, Serialize};

use sahaya_protocol::domain::{Channel, MessageId, MessageKind, Ticket, TicketId, Timestamp};
use sahaya_protocol::wire::{MacroEdit, NewOrderAction, NewOutboundTicket, TicketPatch};

/// States whose entries still have to be sent.
pub(crate) const STATE_ACTIVE_SQL: &str = "('pending', 'in_flight')";
/// States that need the agent's decision.
pub(crate) const STATE_PROBLEM_SQL: &str = "('conflict', 'rejected')";

/// Something the agent did that the server has to hear about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", content = "data", rename_all = "snake_case")]
pub enum OutboxOp {
    /// A reply or internal note on a ticket (files attached to it are kept
    /// beside the entry: [`crate::Store::outbox_files`]).
    Message {
        ticket_id: TicketId,
        kind: MessageKind,
        body: String,
    },
    /// Send a reply the channel could not deliver again, on `channel` when
    /// given (another of the customer's).
    Resend {
        ticket_id: TicketId,
        message_id: MessageId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<Channel>,
    },
    /// A change of status, priority, assignee, group or tags.
    Patch {
        ticket_id: TicketId,
        patch: TicketPatch,
    },
    /// A refund, return or exchange request.
    OrderAction {
        order_id: String,
        request: NewOrderAction,
    },
    /// A proactive notice that opens a new ticket.
    Outbound(NewOutboundTicket),
    /// A supervisor creates a macro (`id` None) or changes one.
    MacroSave {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<i64>,
        edit: MacroEdit,
    },
    /// A supervisor deletes a macro.
    MacroDelete { id: i64 },
    /// Merge `ticket_id` into `into`: the entry's base version is the
    /// merged ticket's, `into_version` the target's as the cache had it
    /// (moved to the server's current one by [`crate::Store::retry`]).
    Merge {
        ticket_id: TicketId,
        into: TicketId,
        into_version: i64,
    },
}

impl OutboxOp {
    /// The ticket this entry is about, if it is about an existing one.
    pub fn ticket_id(&self) -> Option<TicketId> {
        match self {
            OutboxOp::Message { ticket_id, .. }
            | OutboxOp::Patch { ticket_id, .. }
            | OutboxOp::Resend { ticket_id, .. }
            | OutboxOp::Merge { ticket_id, .. } => Some(*ticket_id),
            OutboxOp::OrderAction { .. }
            | OutboxOp::Outbound(_)
            | OutboxOp::MacroSave { .. }
            | OutboxOp::MacroDelete { .. } => None,
        }
    }

    /// The stable name stored in the `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            OutboxOp::Message { .. } => "message",
            OutboxOp::Resend { .. } => "resend",
            OutboxOp::Patch { .. } => "patch",
            OutboxOp::OrderAction { .. } => "order_action",
            OutboxOp::Outbound(_) => "outbound",
            OutboxOp::MacroSave { .. } => "macro_save",
            OutboxOp::MacroDelete { .. } => "macro_delete",
            OutboxOp::Merge { .. } => "merge",
        }
    }
}

/// A file attached to a queued message: what it is (its bytes are kept with
/// it in the cache, see [`crate::Store::outbox_files`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxFile {
    /// One clean file name (see `sahaya_protocol::domain::sanitize_file_name`).
    pub name: String,
    pub content_type: String,
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent.
    Pending,
    /// Being sent — or was, when a previous run stopped. Sent again with the
    /// same key, which the server answers with the original result.
    InFlight,
    /// The server confirmed it.
    Done,
    /// The ticket changed on the server first; the entry holds both sides.
    Conflict,
    /// The server refused it (`error_code` / `last_error` say why).
    Rejected,
}

impl OutboxState {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::InFlight => "in_flight",
            OutboxState::Done => "done",
            OutboxState::Conflict => "conflict",
            OutboxState::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<OutboxState> {
        Some(match s {
            "pending" => OutboxState::Pending,
            "in_flight" => OutboxState::InFlight,
            "done" => OutboxState::Done,
            "conflict" => OutboxState::Conflict,
            "rejected" => OutboxState::Rejected,
            _ => return None,
        })
    }

    /// Still to be sent.
    pub fn is_waiting(self) -> bool {
        matches!(self, OutboxState::Pending | OutboxState::InFlight)
    }

    /// Needs the agent: retry or discard.
    pub fn is_problem(self) -> bool {
        matches!(self, OutboxState::Conflict | OutboxState::Rejected)
    }
}

impl std::fmt::Display for OutboxState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OutboxState::InFlight => "in flight",
            other => other.as_str(),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    /// Local id; a queued message shows as message id `-id`.
    pub id: i64,
    /// Idempotency key (UUID v4), the same on every attempt.
    pub key: String,
    pub op: OutboxOp,
    /// The cached server version of the ticket when the entry was made (for
    /// patches: what `If-Match` carries). Moved forward when our own earlier
    /// write on the same ticket is confirmed, and by [`Store::retry`].
    pub base_version: Option<i64>,
    pub state: OutboxState,
    /// How many times sending was started.
    pub attempts: i64,
    /// The server's error code for a conflict or refusal.
    pub error_code: Option<String>,
    /// What went wrong last, for a human.
    pub last_error: Option<String>,
    /// Conflicts: the ticket as the server has it now (the other side).
    pub conflict: Option<Ticket>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl OutboxEntry {
    pub fn ticket_id(&self) -> Option<TicketId> {
        self.op.ticket_id()
    }
}
