//! The channel bridges' contract (the `integration` role): the outbound queue
//! a bridge sends from, the delivery receipts it posts back, survey answers,
//! and the attachment upload both sides use. `docs/api.md` explains it.

use serde::{Deserialize, Serialize};

use crate::domain::{
    Attachment, Channel, CustomerId, Message, MessageId, SurveyKind, TicketId, Timestamp,
};

/// Largest attachment, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Most files one message carries.
pub const MAX_ATTACHMENTS_PER_MESSAGE: usize = 10;
/// Default and largest page of the outbound queue.
pub const DEFAULT_OUTBOUND_LIMIT: i64 = 50;
pub const MAX_OUTBOUND_LIMIT: i64 = 500;
/// How many earlier public messages an outbound item carries for quoting.
pub const OUTBOUND_HISTORY: usize = 5;

/// `GET /v1/outbound?channel=email&after=SEQ&limit=N`: what a bridge must
/// send on its channel, oldest first, after the cursor it kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboundPage {
    pub items: Vec<OutboundItem>,
    /// Pass it as `after` next time (the last item's `seq`, or `after`
    /// itself when the page is empty).
    pub next_after: i64,
    /// More items are waiting beyond this page.
    pub more: bool,
}

/// Why a message goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutboundPurpose {
    /// An agent answered the customer.
    Reply,
    /// An agent wrote first (a proactive notice that opened the ticket).
    Notice,
    /// The server asks how the customer liked the help (after solving).
    Survey,
}

/// Which questions a survey message asks. An answer names the first number
/// for CSAT (1–5) and, when `nps`, a second one for NPS (0–10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyAsk {
    pub csat: bool,
    pub nps: bool,
}

/// One message to send. Each `(message_id, attempt)` is one sending: a
/// bridge that saw it already (it crashed before its receipt) must not send
/// it again; a higher `attempt` is an agent asking to send it once more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboundItem {
    /// The queue cursor.
    pub seq: i64,
    pub message_id: MessageId,
    pub attempt: u32,
    pub channel: Channel,
    pub purpose: OutboundPurpose,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<SurveyAsk>,
    pub body: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// The agent who wrote it; none for the server's own messages (surveys).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    pub ticket_id: TicketId,
    pub subject: String,
    pub to: Recipient,
    /// The channel's id of the customer message this answers (an email's
    /// Message-ID), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    /// The channel ids of the conversation so far, oldest first.
    #[serde(default)]
    pub references: Vec<String>,
    /// Earlier public messages of the ticket, newest first, for quoting.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Download each from `GET /v1/attachments/{id}`.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// Who an outbound message goes to, on the item's channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recipient {
    pub customer_id: CustomerId,
    pub name: String,
    /// The customer's handle on the channel: an address, a phone number.
    pub handle: String,
    /// BCP 47; the survey text is already in it.
    pub language: String,
}

/// An earlier message of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub author: String,
    pub from_customer: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    pub body: String,
}

/// What a bridge says happened to one sending of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceiptStatus {
    /// The channel took it (an SMTP server answered 250).
    Sent,
    /// It reached the customer's device or mailbox.
    Delivered,
    /// The customer opened it.
    Read,
    /// It will not arrive; `reason` says why.
    Failed,
}

/// `POST /v1/messages/{id}/receipts`. Receipts are idempotent: posting the
/// same one again, or one behind the message's state, changes nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewReceipt {
    /// The `attempt` of the outbound item this is about; receipts for an
    /// earlier attempt are acknowledged and ignored.
    pub attempt: u32,
    pub status: ReceiptStatus,
    /// Why it failed (required with `failed`), in the channel's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The channel's id for the sent message (an email's Message-ID): a
    /// customer's answer that names it joins the same ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// The answer to a receipt: the message as it is now, and whether the
/// receipt moved it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptAnswer {
    pub message: Message,
    pub applied: bool,
}

/// `POST /v1/surveys`: a customer answered a survey. One answer per ticket
/// and kind; a later one replaces it (the customer changed their mind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSurveyAnswer {
    pub ticket_id: TicketId,
    pub kind: SurveyKind,
    /// CSAT 1–5, NPS 0–10.
    pub score: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// `POST /v1/messages/{id}/resend` (agents): send a reply again, on its
/// channel or another of the customer's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Resend {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}
