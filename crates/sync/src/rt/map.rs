//! Request Tracker's records as sahaya's domain, and back. The mapping is
//! documented in docs/backends.md; what has no counterpart is said there.
//!
//! - queue ↔ group; owner ↔ assignee (`Nobody` is none); the first
//!   requestor ↔ customer; correspond ↔ reply (or the customer's message when
//!   a requestor wrote it), comment ↔ internal note, the ticket's create
//!   transaction ↔ its first message;
//! - status: new ↔ new, open ↔ open, stalled ↔ pending (and on-hold),
//!   resolved ↔ solved (and closed), rejected/deleted → closed;
//! - priority: RT's number, in four bands (see [`priority_from_rt`]);
//! - custom fields `Order` and `Channel` ↔ order id and channel, where the
//!   site has them; a ticket's version is its ETag, the id of its latest
//!   transaction.

use sahaya_protocol::domain::{
    Agent, Author, Channel, ContactHandle, Customer, Delivery, Message, MessageKind, Money,
    Presence, Priority, Role, Sla, Status, Ticket, Timestamp,
};

use super::history::Summary;
use super::wire;

/// The login RT gives "no owner".
pub const NOBODY: &str = "Nobody";
/// Ticket custom fields read where a site has them.
pub const CF_ORDER: &str = "Order";
pub const CF_CHANNEL: &str = "Channel";

pub fn status_from_rt(s: &str) -> Status {
    match s.trim().to_ascii_lowercase().as_str() {
        "new" => Status::New,
        "stalled" => Status::Pending,
        "resolved" => Status::Solved,
        "rejected" | "deleted" => Status::Closed,
        // "open" and the statuses of custom lifecycles: still being worked.
        _ => Status::Open,
    }
}

/// The RT status a sahaya status is written as.
pub fn status_to_rt(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::Open => "open",
        Status::Pending | Status::OnHold => "stalled",
        Status::Solved | Status::Closed => "resolved",
    }
}

/// RT priorities are numbers (0–100 by default, shown as Low 0, Medium 50,
/// High 100): below 25 low, below 60 normal, below 90 high, else urgent.
pub fn priority_from_rt(n: i64) -> Priority {
    match n {
        ..25 => Priority::Low,
        25..60 => Priority::Normal,
        60..90 => Priority::High,
        _ => Priority::Urgent,
    }
}

pub fn priority_to_rt(p: Priority) -> i64 {
    match p {
        Priority::Low => 0,
        Priority::Normal => 50,
        Priority::High => 75,
        Priority::Urgent => 100,
    }
}

fn channel(t: &wire::Ticket) -> Channel {
    wire::cf_value(&t.custom_fields, CF_CHANNEL)
        .and_then(|c| c.to_ascii_lowercase().parse().ok())
        .unwrap_or(Channel::Email)
}

fn at(s: &str, fallback: Timestamp) -> Timestamp {
    wire::date(s).unwrap_or(fallback)
}

/// The ticket as sahaya sees it. `summary` carries what only the ticket's
/// history tells (its version, message count, last customer message).
pub fn ticket(t: &wire::Ticket, summary: &Summary, now: Timestamp) -> Ticket {
    let created = at(&t.created, now);
    let priority = priority_from_rt(t.priority);
    let mut sla = Sla::for_priority(priority, created);
    if let Some(due) = wire::date(&t.due) {
        sla.resolution_due = due;
        sla.first_response_due = sla.first_response_due.min(due);
    }
    sla.first_responded_at = summary.first_reply_at.or_else(|| wire::date(&t.started));
    Ticket {
        id: t.id,
        subject: t.subject.clone(),
        status: status_from_rt(&t.status),
        priority,
        channel: channel(t),
        customer_id: t.requestors.first().map_or(0, |r| r.id),
        assignee_id: (t.owner.id > 0 && t.owner.name != NOBODY).then_some(t.owner.id),
        group: t.queue.name.clone(),
        tags: Vec::new(),
        sla,
        order_id: wire::cf_value(&t.custom_fields, CF_ORDER).map(str::to_string),
        version: summary.version,
        created_at: created,
        updated_at: at(&t.last_updated, created),
        last_customer_message_at: summary.last_customer_at,
        message_count: summary.messages,
    }
}

pub fn customer(u: &wire::User, now: Timestamp) -> Customer {
    let created = at(&u.created, now);
    let mut handles = Vec::new();
    if !u.email.trim().is_empty() {
        handles.push(ContactHandle {
            channel: Channel::Email,
            value: u.email.trim().to_string(),
        });
    }
    Customer {
        id: u.id,
        name: u.display_name().to_string(),
        handles,
        preferred_language: u.lang.trim().to_string(),
        city: u.city.trim().to_string(),
        // RT keeps no orders: there is no lifetime value to show.
        lifetime_value: Money::inr(0),
        notes: String::new(),
        created_at: created,
        updated_at: created,
    }
}

/// An RT user working tickets, as an agent or supervisor (see `roles`).
pub fn agent(u: &wire::User, role: Role) -> Agent {
    Agent {
        id: u.id,
        login: u.name.clone(),
        name: u.display_name().to_string(),
        role,
        group: String::new(),
        languages: if u.lang.trim().is_empty() {
            Vec::new()
        } else {
            vec![u.lang.trim().to_string()]
        },
        presence: Presence::Offline,
    }
}

/// What a message transaction is in sahaya: the customer's words when a
/// requestor wrote them, else the team's reply or note.
pub fn message_kind(txn_type: &str, by_requestor: bool) -> Option<MessageKind> {
    match txn_type {
        "Comment" => Some(MessageKind::Note),
        "Create" | "Correspond" if by_requestor => Some(MessageKind::Customer),
        "Create" | "Correspond" => Some(MessageKind::Reply),
        _ => None,
    }
}

pub fn message(
    txn: &wire::Transaction,
    kind: MessageKind,
    channel: Channel,
    body: String,
    now: Timestamp,
) -> Message {
    let name = txn.creator.display_name().to_string();
    let author = match kind {
        MessageKind::Customer => Author::Customer {
            id: txn.creator.id,
            name,
        },
        _ => Author::Agent {
            id: txn.creator.id,
            name,
        },
    };
    Message {
        id: txn.id,
        ticket_id: txn.object_id,
        kind,
        author,
        channel,
        body,
        created_at: at(&txn.created, now),
        delivery: match kind {
            MessageKind::Customer => Delivery::Received,
            MessageKind::Note => Delivery::Internal,
            // RT mails it when the transaction is made.
            MessageKind::Reply => Delivery::Sent,
        },
        delivery_error: None,
        attachments: Vec::new(),
    }
}

/// The ticket's channel, for its messages.
pub fn ticket_channel(t: &wire::Ticket) -> Channel {
    channel(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_where_rt_has_them() {
        for s in [Status::New, Status::Open, Status::Pending, Status::Solved] {
            assert_eq!(status_from_rt(status_to_rt(s)), s);
        }
        assert_eq!(status_from_rt("rejected"), Status::Closed);
        assert_eq!(status_from_rt("some-custom-status"), Status::Open);
    }

    #[test]
    fn priorities_round_trip() {
        for p in Priority::ALL {
            assert_eq!(priority_from_rt(priority_to_rt(*p)), *p);
        }
        assert_eq!(priority_from_rt(-5), Priority::Low);
        assert_eq!(priority_from_rt(250), Priority::Urgent);
    }

    #[test]
    fn message_kinds() {
        assert_eq!(
            message_kind("Correspond", true),
            Some(MessageKind::Customer)
        );
        assert_eq!(message_kind("Correspond", false), Some(MessageKind::Reply));
        assert_eq!(message_kind("Comment", true), Some(MessageKind::Note));
        assert_eq!(message_kind("Status", false), None);
    }
}
