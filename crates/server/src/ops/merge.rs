//! Merging a ticket into another (`POST /v1/tickets/{id}/merge`): its
//! messages, its customer's links (the channel ids that thread a reply to
//! it, its order) and its tags move into the target; it is closed with a
//! pointer to the target (the `merged-into-<id>` tag) and a note, and the
//! target's thread says what came in. Both tickets and every moved message
//! are touched, so every console watching either sees it in the change
//! feed and on the event stream. A change to either ticket since the
//! caller saw it is a 409 `merge_conflict` carrying the changed ticket.

use axum::http::StatusCode;

use super::messages::{append, load_ticket, new_message};
use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::{refs, repo};
use sahaya_protocol::domain::{Agent, Author, MessageKind, Status, Ticket, TicketId, Timestamp};
use sahaya_protocol::wire::{
    MERGED_INTO_PREFIX, MERGED_TAG, MergeRequest, TicketMerged, check_merge, merged_tags,
};

/// `POST /v1/tickets/{id}/merge`.
pub fn merge(
    w: &mut Writer<'_>,
    caller: &Agent,
    id: TicketId,
    req: MergeRequest,
    now: Timestamp,
) -> ApiResult<TicketMerged> {
    let mut ticket = load_ticket(w, id)?;
    let mut into = if req.into == id {
        ticket.clone()
    } else {
        repo::ticket(&w.tx, req.into)?.ok_or_else(|| {
            ApiError::unprocessable(
                "unknown_ticket",
                format!(
                    "ticket {} does not exist; check the number of the ticket to merge into",
                    req.into
                ),
            )
        })?
    };
    if req.into != id {
        for (seen, now_is) in [(req.version, &ticket), (req.into_version, &into)] {
            if seen != now_is.version {
                return Err(conflict(now_is.clone()));
            }
        }
    }
    check_merge(&ticket, &into).map_err(|r| ApiError::unprocessable(r.code(), r.message()))?;

    let mut messages = repo::messages_of(&w.tx, id)?;
    for m in &mut messages {
        m.ticket_id = into.id;
        repo::put_message(w, m)?;
    }
    refs::move_to(w, id, into.id)?;
    into.tags = merged_tags(&ticket, &into);
    if into.order_id.is_none() {
        into.order_id = ticket.order_id.clone();
    }
    into.last_customer_message_at = into
        .last_customer_message_at
        .max(ticket.last_customer_message_at);
    into.message_count += messages.len() as i64;
    let moved = messages.len();
    let author = Author::Agent {
        id: caller.id,
        name: caller.name.clone(),
    };
    let note = new_message(
        w,
        &into,
        MessageKind::Note,
        author.clone(),
        into_note(&ticket, moved, &caller.name),
        now,
    )?;
    // One version step for the target: the note's.
    append(w, &mut into, &note, now)?;
    messages.push(note);

    ticket.status = Status::Closed;
    for tag in [
        MERGED_TAG.to_string(),
        format!("{MERGED_INTO_PREFIX}{}", into.id),
    ] {
        if !ticket.tags.contains(&tag) {
            ticket.tags.push(tag);
        }
    }
    ticket.message_count = 0;
    let note = new_message(
        w,
        &ticket,
        MessageKind::Note,
        author,
        format!(
            "Merged into ticket {} “{}” by {}: its {moved} messages and tags are there now.",
            into.id, into.subject, caller.name
        ),
        now,
    )?;
    append(w, &mut ticket, &note, now)?;
    messages.push(note);
    Ok(TicketMerged {
        ticket,
        into,
        messages,
    })
}

/// What the target's thread says came in.
fn into_note(ticket: &Ticket, moved: usize, by: &str) -> String {
    let mut text = format!(
        "Ticket {} “{}” was merged in by {by}: {moved} messages",
        ticket.id, ticket.subject
    );
    if !ticket.tags.is_empty() {
        text.push_str(&format!(", tags {}", ticket.tags.join(", ")));
    }
    if let Some(order) = &ticket.order_id {
        text.push_str(&format!(", order {order}"));
    }
    text.push('.');
    text
}

/// 409: `current` changed since the caller saw it.
fn conflict(current: Ticket) -> ApiError {
    ApiError {
        status: StatusCode::CONFLICT,
        code: "merge_conflict",
        message: format!(
            "ticket {} changed since you loaded it (now version {}); look at it again, then merge",
            current.id, current.version
        ),
        current: Some(Box::new(current)),
    }
}
