use serde::{Deserialize, Serialize};

use super::{Channel, Delivery, MessageKind, Priority, Status, Timestamp};

pub type TicketId = i64;
pub type MessageId = i64;
pub type AgentId = i64;
pub type CustomerId = i64;
pub type AttachmentId = i64;

/// Service-level targets of one ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sla {
    /// The first public reply is due by then.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub first_response_due: Timestamp,
    /// The ticket should be solved by then.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub resolution_due: Timestamp,
    /// When the first public reply went out, if it has.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub first_responded_at: Option<Timestamp>,
}

impl Sla {
    /// Targets for a ticket opened at `at` with `priority`.
    pub fn for_priority(priority: Priority, at: Timestamp) -> Sla {
        let (first, resolve) = match priority {
            Priority::Urgent => (1, 8),
            Priority::High => (4, 24),
            Priority::Normal => (8, 48),
            Priority::Low => (24, 96),
        };
        Sla {
            first_response_due: at + chrono::Duration::hours(first),
            resolution_due: at + chrono::Duration::hours(resolve),
            first_responded_at: None,
        }
    }

    /// The next deadline that still matters: first response until it happened,
    /// then resolution.
    pub fn next_due(&self) -> Timestamp {
        match self.first_responded_at {
            None => self.first_response_due.min(self.resolution_due),
            Some(_) => self.resolution_due,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub id: TicketId,
    pub subject: String,
    pub status: Status,
    pub priority: Priority,
    pub channel: Channel,
    pub customer_id: CustomerId,
    pub assignee_id: Option<AgentId>,
    /// The team that owns the ticket, e.g. "payments", "logistics".
    pub group: String,
    pub tags: Vec<String>,
    pub sla: Sla,
    /// Order the ticket is about, when known.
    pub order_id: Option<String>,
    /// Row revision: bumped on every change to the ticket. `If-Match` carries it.
    pub version: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
    /// Last message from the customer (drives "waiting since").
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_customer_message_at: Option<Timestamp>,
    pub message_count: i64,
}

impl Ticket {
    /// An active ticket whose next SLA deadline is before `horizon`.
    pub fn sla_due_before(&self, horizon: Timestamp) -> bool {
        matches!(self.status, Status::New | Status::Open) && self.sla.next_due() <= horizon
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Author {
    Customer { id: CustomerId, name: String },
    Agent { id: AgentId, name: String },
    System,
}

impl Author {
    pub fn name(&self) -> &str {
        match self {
            Author::Customer { name, .. } | Author::Agent { name, .. } => name,
            Author::System => "system",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: MessageId,
    pub ticket_id: TicketId,
    pub kind: MessageKind,
    pub author: Author,
    pub channel: Channel,
    pub body: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    pub delivery: Delivery,
    /// Why the channel could not deliver it (with `delivery: failed`), in the
    /// bridge's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_error: Option<String>,
    /// Files that came or go with the message (their bytes are fetched on
    /// demand from `GET /v1/attachments/{id}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A file attached to a message. `name` and `content_type` come from outside
/// (a customer's mail): show them sanitized, never use `name` as a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub id: AttachmentId,
    pub name: String,
    pub content_type: String,
    /// In bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}
