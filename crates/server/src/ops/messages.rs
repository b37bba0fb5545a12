//! Messages on tickets: a new message and what it changes on its ticket,
//! an agent's reply or note. A reply is queued for its channel's bridge.

use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::{attachments, outbound, repo};
use sahaya_protocol::domain::{
    Agent, Author, Delivery, Message, MessageKind, Status, Ticket, TicketId, Timestamp,
};
use sahaya_protocol::wire::{MAX_MESSAGE_BYTES, MessageCreated, NewMessage, OutboundPurpose};

pub(super) fn load_ticket(w: &Writer<'_>, id: TicketId) -> ApiResult<Ticket> {
    repo::ticket(&w.tx, id)?.ok_or_else(|| ApiError::not_found(&format!("ticket {id}")))
}

/// A message needs words, or at least a file.
pub(super) fn check_body(body: &str, files: usize) -> ApiResult<()> {
    if body.trim().is_empty() && files == 0 {
        return Err(ApiError::unprocessable(
            "empty_body",
            "the message body is empty; write something first",
        ));
    }
    if body.len() > MAX_MESSAGE_BYTES {
        return Err(ApiError::unprocessable(
            "body_too_long",
            format!(
                "the message is longer than {} KiB; shorten it or split it",
                MAX_MESSAGE_BYTES / 1024
            ),
        ));
    }
    Ok(())
}

pub(super) fn new_message(
    w: &Writer<'_>,
    ticket: &Ticket,
    kind: MessageKind,
    author: Author,
    body: String,
    now: Timestamp,
) -> ApiResult<Message> {
    let delivery = match kind {
        MessageKind::Customer => Delivery::Received,
        MessageKind::Note => Delivery::Internal,
        // Until a bridge says it went out.
        MessageKind::Reply => Delivery::Queued,
    };
    Ok(Message {
        id: repo::next_id(&w.tx, "messages")?,
        ticket_id: ticket.id,
        kind,
        author,
        channel: ticket.channel,
        body,
        created_at: now,
        delivery,
        delivery_error: None,
        attachments: Vec::new(),
    })
}

/// Adds `message` to its ticket and updates the ticket around it.
pub(super) fn append(
    w: &mut Writer<'_>,
    ticket: &mut Ticket,
    message: &Message,
    now: Timestamp,
) -> ApiResult<()> {
    match message.kind {
        MessageKind::Customer => {
            ticket.last_customer_message_at = Some(now);
            if matches!(
                ticket.status,
                Status::Pending | Status::OnHold | Status::Solved
            ) {
                ticket.status = Status::Open;
            }
        }
        MessageKind::Reply => {
            if ticket.sla.first_responded_at.is_none() {
                ticket.sla.first_responded_at = Some(now);
            }
            if ticket.status == Status::New {
                ticket.status = Status::Open;
            }
        }
        MessageKind::Note => {}
    }
    ticket.message_count += 1;
    ticket.updated_at = now;
    ticket.version += 1;
    repo::put_message(w, message)?;
    repo::put_ticket(w, ticket)?;
    Ok(())
}

/// `POST /v1/tickets/{id}/messages`.
pub fn post_message(
    w: &mut Writer<'_>,
    caller: &Agent,
    ticket_id: TicketId,
    req: NewMessage,
    now: Timestamp,
) -> ApiResult<MessageCreated> {
    if req.kind == MessageKind::Customer {
        return Err(ApiError::unprocessable(
            "bad_kind",
            "kind must be \"reply\" or \"note\"; customer messages arrive through /v1/inbound",
        ));
    }
    check_body(&req.body, req.attachments.len())?;
    let mut ticket = load_ticket(w, ticket_id)?;
    if ticket.status == Status::Closed && req.kind == MessageKind::Reply {
        return Err(ApiError::unprocessable(
            "ticket_closed",
            format!(
                "ticket {ticket_id} is closed; open a new ticket to write to the customer again"
            ),
        ));
    }
    let author = Author::Agent {
        id: caller.id,
        name: caller.name.clone(),
    };
    let mut message = new_message(w, &ticket, req.kind, author, req.body, now)?;
    message.attachments = attachments::claim(w, caller.id, &req.attachments, message.id)?;
    append(w, &mut ticket, &message, now)?;
    if message.kind == MessageKind::Reply {
        outbound::enqueue(w, &message, 1, OutboundPurpose::Reply, None, now)?;
    }
    Ok(MessageCreated { message, ticket })
}
