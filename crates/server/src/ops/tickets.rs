//! Ticket fields (the If-Match patch; solving asks for a survey) and
//! proactive notices.

use super::messages::{append, check_body, load_ticket, new_message};
use super::surveys;
use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::{outbound, repo};
use sahaya_protocol::domain::{
    Agent, Author, Customer, MessageKind, Priority, Role, Sla, Status, Ticket, TicketId, Timestamp,
};
use sahaya_protocol::wire::{NewOutboundTicket, OutboundPurpose, TicketCreated, TicketPatch};

/// Tags are lower-case words joined by dashes, at most 40 characters.
pub(super) fn check_tags(tags: &[String]) -> ApiResult<()> {
    let tags = sahaya_protocol::wire::normalize_tags(tags);
    if let Some(t) = tags
        .iter()
        .find(|t| t.chars().count() > 40 || t.chars().any(|c| c.is_control()))
    {
        return Err(ApiError::unprocessable(
            "bad_tag",
            format!(
                "tag {t:?} is too long or has control characters; use at most 40 plain characters"
            ),
        ));
    }
    if tags.len() > 30 {
        return Err(ApiError::unprocessable(
            "too_many_tags",
            "a ticket can carry at most 30 tags",
        ));
    }
    Ok(())
}

/// `PATCH /v1/tickets/{id}` with `If-Match: expected_version`.
pub fn patch_ticket(
    w: &mut Writer<'_>,
    ticket_id: TicketId,
    expected_version: i64,
    patch: TicketPatch,
    now: Timestamp,
) -> ApiResult<Ticket> {
    let mut ticket = load_ticket(w, ticket_id)?;
    if ticket.version != expected_version {
        return Err(ApiError::conflict(ticket));
    }
    if patch.is_empty() {
        return Err(ApiError::unprocessable(
            "empty_patch",
            "nothing to change: send at least one field",
        ));
    }
    if let Some(status) = patch.status
        && ticket.status == Status::Closed
        && status != Status::Closed
    {
        return Err(ApiError::unprocessable(
            "ticket_closed",
            format!(
                "ticket {ticket_id} is closed and cannot be reopened; open a new ticket instead"
            ),
        ));
    }
    if let Some(Some(id)) = patch.assignee_id {
        let agent = repo::agent(&w.tx, id)?.ok_or_else(|| {
            ApiError::unprocessable("unknown_agent", format!("agent {id} does not exist"))
        })?;
        if agent.role == Role::Integration {
            return Err(ApiError::unprocessable(
                "bad_assignee",
                format!(
                    "{} is an integration account and cannot own tickets",
                    agent.login
                ),
            ));
        }
    }
    if let Some(group) = &patch.group {
        let group = group.trim();
        if group.is_empty() || group.chars().count() > 40 {
            return Err(ApiError::unprocessable(
                "bad_group",
                "group must be 1 to 40 characters",
            ));
        }
    }
    if let Some(tags) = &patch.tags {
        check_tags(tags)?;
    }
    let was_solved = ticket.status == Status::Solved;
    patch.apply_to(&mut ticket);
    if ticket.status == Status::Solved && !was_solved {
        surveys::ask(w, &mut ticket, now)?;
    }
    ticket.version += 1;
    ticket.updated_at = now;
    repo::put_ticket(w, &ticket)?;
    Ok(ticket)
}

pub(super) fn check_subject(subject: &str) -> ApiResult<String> {
    let s = subject.trim();
    if s.chars().count() > 200 {
        return Err(ApiError::unprocessable(
            "subject_too_long",
            "the subject is longer than 200 characters",
        ));
    }
    Ok(s.to_string())
}

/// A message may name an order only of its own customer; `other` says who
/// else owns it in the error.
pub(super) fn check_order_of(
    w: &Writer<'_>,
    order_id: &str,
    customer: &Customer,
    other: &str,
) -> ApiResult<()> {
    let order = repo::order(&w.tx, order_id)?.ok_or_else(|| {
        ApiError::unprocessable("unknown_order", format!("order {order_id} does not exist"))
    })?;
    if order.customer_id != customer.id {
        return Err(ApiError::unprocessable(
            "wrong_customer",
            format!("order {order_id} belongs to {other}"),
        ));
    }
    Ok(())
}

/// A subject made from the first line of a message, at most 80 characters.
pub(super) fn first_line(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// `POST /v1/tickets`: a proactive notice from an agent to a customer.
pub fn notice(
    w: &mut Writer<'_>,
    caller: &Agent,
    req: NewOutboundTicket,
    now: Timestamp,
) -> ApiResult<TicketCreated> {
    check_body(&req.body, 0)?;
    let subject = check_subject(&req.subject)?;
    if subject.is_empty() {
        return Err(ApiError::unprocessable(
            "missing_subject",
            "a proactive notice needs a subject",
        ));
    }
    let customer = repo::customer(&w.tx, req.customer_id)?.ok_or_else(|| {
        ApiError::unprocessable(
            "unknown_customer",
            format!("customer {} does not exist", req.customer_id),
        )
    })?;
    if !customer.handles.iter().any(|h| h.channel == req.channel) {
        return Err(ApiError::unprocessable(
            "no_handle",
            format!(
                "{} has no {} contact; pick a channel the customer uses",
                customer.name, req.channel
            ),
        ));
    }
    if let Some(order_id) = &req.order_id {
        check_order_of(w, order_id, &customer, "another customer")?;
    }
    let priority = req.priority.unwrap_or(Priority::Normal);
    let mut ticket = Ticket {
        id: repo::next_id(&w.tx, "tickets")?,
        subject,
        status: Status::Pending,
        priority,
        channel: req.channel,
        customer_id: customer.id,
        assignee_id: Some(caller.id),
        group: caller.group.clone(),
        tags: vec!["proactive".to_string()],
        sla: Sla::for_priority(priority, now),
        order_id: req.order_id,
        version: 0,
        created_at: now,
        updated_at: now,
        last_customer_message_at: None,
        message_count: 0,
    };
    let author = Author::Agent {
        id: caller.id,
        name: caller.name.clone(),
    };
    let message = new_message(w, &ticket, MessageKind::Reply, author, req.body, now)?;
    append(w, &mut ticket, &message, now)?;
    outbound::enqueue(w, &message, 1, OutboundPurpose::Notice, None, now)?;
    Ok(TicketCreated {
        ticket,
        message,
        created: true,
    })
}
