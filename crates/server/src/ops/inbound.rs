//! `POST /v1/inbound`: a customer wrote on some channel. Which ticket it
//! joins: the one named (a `[#id]` tag), else for threaded channels the one
//! its thread ids name, else for chat-like channels the customer's latest
//! active one on the channel; failing these, a new ticket.

use super::messages::{append, check_body, load_ticket, new_message};
use super::tickets::{check_order_of, check_subject, first_line};
use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::{attachments, refs, repo};
use sahaya_protocol::domain::{
    AgentId, Author, ContactHandle, Customer, MessageKind, Money, Priority, Sla, Status, Ticket,
    TicketId, Timestamp, guess_language,
};
use sahaya_protocol::wire::{InboundMessage, TicketCreated};

/// `POST /v1/inbound`: a customer wrote to us. `bridge` is the integration
/// account posting it (its uploads may be attached); None for the demo's
/// simulated traffic, which attaches nothing.
pub fn inbound(
    w: &mut Writer<'_>,
    bridge: Option<AgentId>,
    req: InboundMessage,
    now: Timestamp,
) -> ApiResult<TicketCreated> {
    check_body(&req.body, req.attachments.len())?;
    let from = req.from.trim();
    if from.is_empty() {
        return Err(ApiError::unprocessable(
            "missing_sender",
            "`from` must name the sender's handle on the channel",
        ));
    }
    let subject = check_subject(req.subject.as_deref().unwrap_or(""))?;
    let customer = match repo::customer_by_handle(&w.tx, req.channel, from)? {
        Some(id) => {
            repo::customer(&w.tx, id)?.ok_or_else(|| ApiError::internal("dangling handle"))?
        }
        None => {
            let language = req
                .language
                .clone()
                .or_else(|| guess_language(&req.body).map(str::to_string))
                .unwrap_or_else(|| "en".to_string());
            let nepal = from.starts_with("+977") || language == "ne";
            let customer = Customer {
                id: repo::next_id(&w.tx, "customers")?,
                name: req
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| from.to_string()),
                handles: vec![ContactHandle {
                    channel: req.channel,
                    value: from.to_string(),
                }],
                preferred_language: language,
                city: String::new(),
                lifetime_value: if nepal { Money::npr(0) } else { Money::inr(0) },
                notes: String::new(),
                created_at: now,
                updated_at: now,
            };
            repo::put_customer(w, &customer)?;
            customer
        }
    };
    if let Some(order_id) = &req.order_id {
        check_order_of(
            w,
            order_id,
            &customer,
            &format!("another customer than {from}"),
        )?;
    }
    let threaded = req.thread_refs.is_some();
    let named = match req.ticket_id {
        Some(id) => {
            let t = load_ticket(w, id)?;
            if t.customer_id != customer.id && !threaded {
                return Err(ApiError::unprocessable(
                    "wrong_customer",
                    format!("ticket {id} belongs to another customer than {from}"),
                ));
            }
            (t.customer_id == customer.id).then_some(t)
        }
        None => None,
    };
    let active = |t: &Ticket| t.status != Status::Closed;
    let existing = match (named.filter(active), &req.thread_refs) {
        (Some(t), _) => Some(t),
        (None, Some(thread_refs)) => {
            let found = refs::ticket_of(&w.tx, thread_refs)?;
            joinable(w, found, customer.id)?
        }
        (None, None) => {
            let latest = repo::latest_open_ticket(&w.tx, customer.id, req.channel)?;
            joinable(w, latest, customer.id)?
        }
    };
    let author = Author::Customer {
        id: customer.id,
        name: customer.name.clone(),
    };
    let (mut ticket, created) = match existing {
        Some(t) => (t, false),
        None => {
            let subject = if subject.is_empty() {
                first_line(&req.body)
            } else {
                subject
            };
            let ticket = Ticket {
                id: repo::next_id(&w.tx, "tickets")?,
                subject,
                status: Status::New,
                priority: Priority::Normal,
                channel: req.channel,
                customer_id: customer.id,
                assignee_id: None,
                group: "general".to_string(),
                tags: Vec::new(),
                sla: Sla::for_priority(Priority::Normal, now),
                order_id: req.order_id.clone(),
                version: 0,
                created_at: now,
                updated_at: now,
                last_customer_message_at: Some(now),
                message_count: 0,
            };
            (ticket, true)
        }
    };
    let mut message = new_message(w, &ticket, MessageKind::Customer, author, req.body, now)?;
    if !req.attachments.is_empty() {
        let bridge = bridge.ok_or_else(|| {
            ApiError::unprocessable(
                "unknown_file",
                "only a bridge's own uploads can be attached",
            )
        })?;
        message.attachments = attachments::claim(w, bridge, &req.attachments, message.id)?;
    }
    append(w, &mut ticket, &message, now)?;
    if let Some(id) = &req.external_id {
        refs::put(w, id, message.id, ticket.id)?;
    }
    Ok(TicketCreated {
        ticket,
        message,
        created,
    })
}

/// `id`'s ticket when it is the customer's and not closed.
fn joinable(w: &Writer<'_>, id: Option<TicketId>, customer_id: i64) -> ApiResult<Option<Ticket>> {
    let Some(id) = id else { return Ok(None) };
    let ticket = load_ticket(w, id)?;
    Ok((ticket.customer_id == customer_id && ticket.status != Status::Closed).then_some(ticket))
}
