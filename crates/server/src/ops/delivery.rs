//! What became of a sent message: bridges post receipts; agents send a failed
//! reply again, on its channel or another of the customer's.

use super::messages::load_ticket;
use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::{outbound, refs, repo};
use sahaya_protocol::domain::{Delivery, Message, MessageId, MessageKind, Timestamp};
use sahaya_protocol::wire::{NewReceipt, OutboundPurpose, ReceiptAnswer, ReceiptStatus, Resend};

/// Longest failure reason kept, in characters.
const MAX_REASON_CHARS: usize = 500;

fn load_message(w: &Writer<'_>, id: MessageId) -> ApiResult<Message> {
    repo::message(&w.tx, id)?.ok_or_else(|| ApiError::not_found(&format!("message {id}")))
}

/// How far along its way a message is; a receipt never moves it back.
fn rank(delivery: Delivery) -> u8 {
    match delivery {
        Delivery::Queued => 0,
        Delivery::Sent => 1,
        Delivery::Delivered => 2,
        Delivery::Read => 3,
        Delivery::Failed | Delivery::Internal | Delivery::Received => u8::MAX,
    }
}

/// `POST /v1/messages/{id}/receipts`.
pub fn receipt(
    w: &mut Writer<'_>,
    message_id: MessageId,
    req: NewReceipt,
    _now: Timestamp,
) -> ApiResult<ReceiptAnswer> {
    let mut message = load_message(w, message_id)?;
    let latest = outbound::latest(&w.tx, message_id)?
        .ok_or_else(|| {
            ApiError::unprocessable(
                "not_outbound",
                format!("message {message_id} was never queued for a channel"),
            )
        })?
        .attempt;
    if req.attempt == 0 || req.attempt > latest {
        return Err(ApiError::unprocessable(
            "unknown_attempt",
            format!(
                "message {message_id} has attempts 1 to {latest}; send the attempt of the item you sent"
            ),
        ));
    }
    let reason = req
        .reason
        .as_deref()
        .map(|r| r.trim().chars().take(MAX_REASON_CHARS).collect::<String>())
        .filter(|r| !r.is_empty());
    if req.status == ReceiptStatus::Failed && reason.is_none() {
        return Err(ApiError::unprocessable(
            "missing_reason",
            "a failed receipt needs a reason the agent can act on",
        ));
    }
    if let Some(id) = &req.external_id {
        refs::put(w, id, message.id, message.ticket_id)?;
    }
    let next = match req.status {
        ReceiptStatus::Sent => Delivery::Sent,
        ReceiptStatus::Delivered => Delivery::Delivered,
        ReceiptStatus::Read => Delivery::Read,
        ReceiptStatus::Failed => Delivery::Failed,
    };
    let current = message.delivery;
    // A receipt of an earlier attempt, one behind the message's state, or
    // any after a failure of this attempt is acknowledged and changes nothing.
    let applies = req.attempt == latest
        && current != Delivery::Failed
        && match next {
            Delivery::Failed => current != Delivery::Read,
            _ => rank(next) > rank(current),
        };
    if applies {
        message.delivery = next;
        message.delivery_error = if next == Delivery::Failed {
            reason
        } else {
            None
        };
        repo::put_message(w, &message)?;
    }
    Ok(ReceiptAnswer {
        message,
        applied: applies,
    })
}

/// `POST /v1/messages/{id}/resend`: a failed reply goes out once more, on
/// `channel` when given (one the customer has a handle on).
pub fn resend(
    w: &mut Writer<'_>,
    message_id: MessageId,
    req: Resend,
    now: Timestamp,
) -> ApiResult<Message> {
    let mut message = load_message(w, message_id)?;
    if message.kind != MessageKind::Reply {
        return Err(ApiError::unprocessable(
            "not_outbound",
            format!("message {message_id} is not a reply; only replies are sent to customers"),
        ));
    }
    if message.delivery != Delivery::Failed {
        return Err(ApiError::unprocessable(
            "not_failed",
            format!(
                "message {message_id} is {}, not failed; only a failed reply is sent again",
                message.delivery
            ),
        ));
    }
    let ticket = load_ticket(w, message.ticket_id)?;
    let customer = repo::customer(&w.tx, ticket.customer_id)?
        .ok_or_else(|| ApiError::internal("ticket without its customer"))?;
    let channel = req.channel.unwrap_or(message.channel);
    if outbound::handle_on(&customer, channel).is_none() {
        return Err(ApiError::unprocessable(
            "no_handle",
            format!(
                "{} has no {channel} contact; pick a channel the customer uses",
                customer.name
            ),
        ));
    }
    let last = outbound::latest(&w.tx, message_id)?;
    let attempt = last.as_ref().map_or(0, |s| s.attempt) + 1;
    let purpose = last.as_ref().map_or(OutboundPurpose::Reply, |s| s.purpose);
    let survey = last.and_then(|s| s.survey);
    message.channel = channel;
    message.delivery = Delivery::Queued;
    message.delivery_error = None;
    repo::put_message(w, &message)?;
    outbound::enqueue(w, &message, attempt, purpose, survey, now)?;
    Ok(message)
}
