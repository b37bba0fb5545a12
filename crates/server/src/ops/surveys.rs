//! Customer surveys: a solved ticket asks its customer how we did (CSAT 1–5,
//! and NPS 0–10 at most once per customer in [`NPS_EVERY_DAYS`]); bridges
//! post the answers. Figures on the supervisor screen and the customer pane
//! come only from these answers.

use super::messages::load_ticket;
use super::survey_texts::survey_text;
use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::sql::args;
use crate::{outbound, repo};
use sahaya_protocol::domain::{
    Author, Delivery, Message, MessageKind, SurveyKind, SurveyResponse, Ticket, Timestamp,
};
use sahaya_protocol::wire::{NewSurveyAnswer, OutboundPurpose, SurveyAsk};

/// A customer is asked the NPS question at most once in this many days.
pub const NPS_EVERY_DAYS: i64 = 90;
/// Longest comment kept, in characters.
const MAX_COMMENT_CHARS: usize = 2000;

/// Queues a survey on the ticket's channel, once per ticket, when the
/// customer can be reached there. Adds the message to `ticket` (the caller
/// writes the ticket).
pub fn ask(w: &mut Writer<'_>, ticket: &mut Ticket, now: Timestamp) -> ApiResult<()> {
    let asked_before: bool = w.tx.value(
        "SELECT EXISTS (SELECT 1 FROM outbound o JOIN messages m ON m.id = o.message_id
         WHERE o.purpose = 'survey' AND m.ticket_id = ?1)",
        args![ticket.id],
    )?;
    if asked_before {
        return Ok(());
    }
    let Some(customer) = repo::customer(&w.tx, ticket.customer_id)? else {
        return Ok(());
    };
    if outbound::handle_on(&customer, ticket.channel).is_none() {
        return Ok(());
    }
    let since = now - chrono::Duration::days(NPS_EVERY_DAYS);
    let nps = !outbound::nps_asked_since(&w.tx, customer.id, since)?;
    let message = Message {
        id: repo::next_id(&w.tx, "messages")?,
        ticket_id: ticket.id,
        kind: MessageKind::Reply,
        author: Author::System,
        channel: ticket.channel,
        body: survey_text(&customer.preferred_language, &ticket.subject, nps),
        created_at: now,
        delivery: Delivery::Queued,
        delivery_error: None,
        attachments: Vec::new(),
    };
    repo::put_message(w, &message)?;
    ticket.message_count += 1;
    let ask = SurveyAsk { csat: true, nps };
    outbound::enqueue(w, &message, 1, OutboundPurpose::Survey, Some(ask), now)?;
    Ok(())
}

/// `POST /v1/surveys`: one answer per ticket and kind; a later one replaces
/// the earlier.
pub fn answer_survey(
    w: &mut Writer<'_>,
    req: NewSurveyAnswer,
    now: Timestamp,
) -> ApiResult<SurveyResponse> {
    let range = match req.kind {
        SurveyKind::Csat => 1..=5,
        SurveyKind::Nps => 0..=10,
    };
    if !range.contains(&req.score) {
        return Err(ApiError::unprocessable(
            "bad_score",
            format!(
                "a {} score is {} to {}",
                req.kind,
                range.start(),
                range.end()
            ),
        ));
    }
    let ticket = load_ticket(w, req.ticket_id)?;
    let earlier: Option<i64> = w.tx.query_opt(
        "SELECT id FROM surveys WHERE ticket_id = ?1 AND kind = ?2",
        args![ticket.id, req.kind.as_str()],
        |r| r.get(0),
    )?;
    let response = SurveyResponse {
        id: match earlier {
            Some(id) => id,
            None => repo::next_id(&w.tx, "surveys")?,
        },
        customer_id: ticket.customer_id,
        ticket_id: Some(ticket.id),
        kind: req.kind,
        score: req.score,
        comment: req
            .comment
            .unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_COMMENT_CHARS)
            .collect(),
        created_at: now,
    };
    repo::put_survey(w, &response)?;
    Ok(response)
}
