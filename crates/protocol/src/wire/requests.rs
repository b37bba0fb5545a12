use serde::{Deserialize, Serialize};

use crate::domain::{
    ActionKind, AgentId, AttachmentId, Channel, CustomerId, DeliveryAddress, DeliverySlot,
    ItemQuantity, Money, Priority, RefundDestination, RefundMethod, Status, TicketId,
};

/// `POST /v1/tickets/{id}/messages`. `kind` is `reply` or `note`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    pub kind: crate::domain::MessageKind,
    pub body: String,
    /// Files uploaded before (`POST /v1/attachments`) by the same caller.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentId>,
}

/// `PATCH /v1/tickets/{id}`: only the fields present change.
///
/// `assignee_id: null` unassigns; leaving it out keeps the assignee.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    pub assignee_id: Option<Option<AgentId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Replaces the whole tag list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl TicketPatch {
    pub fn is_empty(&self) -> bool {
        self == &TicketPatch::default()
    }

    /// Applies the fields present to `ticket`, the way the server does after
    /// validating them (the cache uses the same to preview a queued change):
    /// a priority change recomputes the SLA targets, tags are normalized, a
    /// blank group is ignored and a closed ticket is never reopened.
    pub fn apply_to(&self, ticket: &mut crate::domain::Ticket) {
        use crate::domain::{Sla, Status};
        if let Some(status) = self.status
            && !(ticket.status == Status::Closed && status != Status::Closed)
        {
            ticket.status = status;
        }
        if let Some(priority) = self.priority
            && priority != ticket.priority
        {
            let responded = ticket.sla.first_responded_at;
            ticket.sla = Sla::for_priority(priority, ticket.created_at);
            ticket.sla.first_responded_at = responded;
            ticket.priority = priority;
        }
        if let Some(assignee) = self.assignee_id {
            ticket.assignee_id = assignee;
        }
        if let Some(group) = &self.group {
            let group = group.trim();
            if !group.is_empty() {
                ticket.group = group.to_string();
            }
        }
        if let Some(tags) = &self.tags {
            ticket.tags = normalize_tags(tags);
        }
    }
}

/// How a tag is stored: trimmed, lower case, inner blanks as dashes.
pub fn normalize_tag(tag: &str) -> String {
    tag.trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

/// Tags normalized, without blanks and duplicates, in their order.
pub fn normalize_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let t = normalize_tag(tag);
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Distinguishes a missing field (outer None) from an explicit null (Some(None)).
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

/// `POST /v1/orders/{id}/actions`: a refund, return, exchange,
/// cancellation, address change or delivery reattempt (the rules:
/// `domain::order_rules`, docs/api.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewOrderAction {
    pub kind: ActionKind,
    pub reason: String,
    /// Refunds: how much. Must be in the order's currency and not exceed what
    /// is left to refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_method: Option<RefundMethod>,
    /// SKUs concerned; empty for the whole order.
    #[serde(default)]
    pub skus: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_variant: Option<String>,
    /// Returns and exchanges: which items and how many; empty for all that
    /// is left.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemQuantity>,
    /// Address changes: the new address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<DeliveryAddress>,
    /// Delivery reattempts: when the courier comes again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<DeliverySlot>,
    /// Cash-on-delivery refunds by bank transfer or UPI: where to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_to: Option<RefundDestination>,
}

impl NewOrderAction {
    /// An action of `kind` for `reason`, with nothing else filled in.
    pub fn new(kind: ActionKind, reason: impl Into<String>) -> NewOrderAction {
        NewOrderAction {
            kind,
            reason: reason.into(),
            amount: None,
            refund_method: None,
            skus: Vec::new(),
            replacement_variant: None,
            items: Vec::new(),
            address: None,
            slot: None,
            refund_to: None,
        }
    }
}

/// `POST /v1/macros` and `PUT /v1/macros/{id}` (supervisors): a macro's
/// content; the body's placeholders are checked with
/// `domain::macro_rules::check_macro_body`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MacroEdit {
    pub name: String,
    /// BCP 47 language of the body.
    pub language: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_status: Option<Status>,
    #[serde(default)]
    pub add_tags: Vec<String>,
}

/// `POST /v1/tickets`: a proactive (outbound) notice to a customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewOutboundTicket {
    pub customer_id: CustomerId,
    pub channel: Channel,
    pub subject: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
}

/// `POST /v1/inbound` (integration role): a customer wrote on some channel.
///
/// The customer is found by `(channel, from)`; an unknown sender becomes a new
/// customer named `name`. The message joins `ticket_id` if given, else the
/// customer's latest active ticket on that channel, else opens a new ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InboundMessage {
    pub channel: Channel,
    /// The sender's handle on that channel: address, phone number, username.
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<TicketId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Preferred language of a new customer (BCP 47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The channel's id of this message (an email's Message-ID): replies
    /// that name it thread to the same ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Channels with threads (email) send the ids this message answers
    /// (In-Reply-To first, then References, newest first), possibly none:
    /// the message joins the ticket one of them belongs to, or, matching
    /// none, opens a new ticket. Without it (chat-like channels) the
    /// customer's latest active ticket on the channel is joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_refs: Option<Vec<String>>,
    /// Files uploaded before by the same bridge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentId>,
}

impl InboundMessage {
    /// A message on `channel` from `from` (the sender's handle there), with
    /// nothing else said: no name, subject, ticket, order, language,
    /// channel id, threading or files.
    pub fn new(channel: Channel, from: String, body: String) -> InboundMessage {
        InboundMessage {
            channel,
            from,
            name: None,
            subject: None,
            body,
            ticket_id: None,
            order_id: None,
            language: None,
            external_id: None,
            thread_refs: None,
            attachments: Vec::new(),
        }
    }
}

/// `PUT /v1/presence`: what the agent is doing on a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PresenceUpdate {
    pub ticket_id: Option<TicketId>,
    #[serde(default)]
    pub typing: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_tells_null_from_missing() {
        let p: TicketPatch = serde_json::from_str(r#"{"assignee_id":null}"#).unwrap();
        assert_eq!(p.assignee_id, Some(None));
        let p: TicketPatch = serde_json::from_str(r#"{"status":"open"}"#).unwrap();
        assert_eq!(p.assignee_id, None);
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"status":"open"}"#);
        let p = TicketPatch {
            assignee_id: Some(None),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"assignee_id":null}"#
        );
    }
}
