//! The channel bridges' queue: every sending of a reply, notice or survey,
//! in order, per channel. A bridge reads it after the cursor it keeps and
//! answers each item with receipts.

use super::sql::{self, Conn, args};

use super::codec::millis;
use super::db::Writer;
use super::{refs, repo};
use sahaya_protocol::domain::{
    Author, Channel, Customer, Message, MessageId, MessageKind, Timestamp,
};
use sahaya_protocol::wire::{
    HistoryEntry, OUTBOUND_HISTORY, OutboundItem, OutboundPage, OutboundPurpose, Recipient,
    SurveyAsk,
};

/// Longest References list handed to a bridge (the newest ids are kept).
const MAX_REFERENCES: usize = 20;

/// The customer's handle on `channel`, if they have one.
pub fn handle_on(customer: &Customer, channel: Channel) -> Option<&str> {
    customer
        .handles
        .iter()
        .find(|h| h.channel == channel && !h.value.trim().is_empty())
        .map(|h| h.value.as_str())
}

/// Queues one sending of `message` on its channel.
pub fn enqueue(
    w: &mut Writer<'_>,
    message: &Message,
    attempt: u32,
    purpose: OutboundPurpose,
    survey: Option<SurveyAsk>,
    now: Timestamp,
) -> sql::Result<()> {
    w.tx.execute(
        "INSERT INTO outbound (message_id, attempt, channel, purpose, survey, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        args![
            message.id,
            attempt,
            message.channel.as_str(),
            purpose_text(purpose),
            survey.map(survey_text),
            millis(now)
        ],
    )?;
    Ok(())
}

/// The newest cursor of the queue (0 when it is empty).
pub fn latest_seq(conn: &Conn) -> sql::Result<i64> {
    conn.value("SELECT COALESCE(MAX(seq), 0) FROM outbound", &[])
}

/// One sending of a message, as queued.
pub struct Sending {
    pub attempt: u32,
    pub purpose: OutboundPurpose,
    pub survey: Option<SurveyAsk>,
}

/// The latest sending queued for a message, if it was ever queued.
pub fn latest(conn: &Conn, message_id: MessageId) -> sql::Result<Option<Sending>> {
    conn.query_opt(
        "SELECT attempt, purpose, survey FROM outbound WHERE message_id = ?1
         ORDER BY attempt DESC LIMIT 1",
        args![message_id],
        |r| {
            Ok(Sending {
                attempt: r.get(0)?,
                purpose: parse_purpose(&r.get::<String>(1)?),
                survey: r.get::<Option<String>>(2)?.as_deref().map(parse_survey),
            })
        },
    )
}

/// Whether any survey asking NPS went to the customer since `since`.
pub fn nps_asked_since(conn: &Conn, customer_id: i64, since: Timestamp) -> sql::Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM outbound o JOIN messages m ON m.id = o.message_id
             JOIN tickets t ON t.id = m.ticket_id
         WHERE o.survey = 'csat+nps' AND t.customer_id = ?1 AND o.created_at >= ?2)",
        args![customer_id, millis(since)],
        |r| r.get(0),
    )
}

struct Row {
    seq: i64,
    message_id: MessageId,
    attempt: u32,
    purpose: String,
    survey: Option<String>,
}

/// Up to `limit` items of `channel` after `after`.
pub fn page(conn: &Conn, channel: Channel, after: i64, limit: i64) -> sql::Result<OutboundPage> {
    let rows: Vec<Row> = conn.query_map(
        "SELECT seq, message_id, attempt, purpose, survey FROM outbound
         WHERE channel = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        args![channel.as_str(), after, limit + 1],
        |r| {
            Ok(Row {
                seq: r.get(0)?,
                message_id: r.get(1)?,
                attempt: r.get(2)?,
                purpose: r.get(3)?,
                survey: r.get(4)?,
            })
        },
    )?;
    let more = rows.len() as i64 > limit;
    let mut items = Vec::new();
    let mut next_after = after;
    for row in rows.into_iter().take(usize::try_from(limit).unwrap_or(0)) {
        next_after = row.seq;
        if let Some(item) = item(conn, channel, row)? {
            items.push(item);
        }
    }
    Ok(OutboundPage {
        items,
        next_after,
        more,
    })
}

/// What a bridge needs to send one row. None when its message or ticket is
/// gone (the cursor still moves past it).
fn item(conn: &Conn, channel: Channel, row: Row) -> sql::Result<Option<OutboundItem>> {
    let Some(message) = repo::message(conn, row.message_id)? else {
        return Ok(None);
    };
    let Some(ticket) = repo::ticket(conn, message.ticket_id)? else {
        return Ok(None);
    };
    let Some(customer) = repo::customer(conn, ticket.customer_id)? else {
        return Ok(None);
    };
    let thread = repo::messages_of(conn, ticket.id)?;
    let customer_ids: Vec<MessageId> = thread
        .iter()
        .filter(|m| m.kind == MessageKind::Customer && m.id < message.id)
        .map(|m| m.id)
        .collect();
    let mut references: Vec<(String, MessageId)> = refs::of_ticket(conn, ticket.id)?
        .into_iter()
        .filter(|(_, id)| *id < message.id)
        .collect();
    let in_reply_to = customer_ids.last().and_then(|last| {
        references
            .iter()
            .find(|(_, id)| id == last)
            .map(|(r, _)| r.clone())
    });
    let skip = references.len().saturating_sub(MAX_REFERENCES);
    references.drain(..skip);
    let history = thread
        .iter()
        .rev()
        .filter(|m| m.id < message.id && m.kind != MessageKind::Note)
        .take(OUTBOUND_HISTORY)
        .map(|m| HistoryEntry {
            author: m.author.name().to_string(),
            from_customer: m.kind == MessageKind::Customer,
            created_at: m.created_at,
            body: m.body.clone(),
        })
        .collect();
    let author_name = match &message.author {
        Author::Agent { name, .. } => Some(name.clone()),
        Author::Customer { .. } | Author::System => None,
    };
    Ok(Some(OutboundItem {
        seq: row.seq,
        message_id: message.id,
        attempt: row.attempt,
        channel,
        purpose: parse_purpose(&row.purpose),
        survey: row.survey.as_deref().map(parse_survey),
        body: message.body.clone(),
        created_at: message.created_at,
        author_name,
        ticket_id: ticket.id,
        subject: ticket.subject.clone(),
        to: Recipient {
            customer_id: customer.id,
            name: customer.name.clone(),
            handle: handle_on(&customer, channel)
                .unwrap_or_default()
                .to_string(),
            language: customer.preferred_language.clone(),
        },
        in_reply_to,
        references: references.into_iter().map(|(r, _)| r).collect(),
        history,
        attachments: message.attachments.clone(),
    }))
}

fn purpose_text(purpose: OutboundPurpose) -> &'static str {
    match purpose {
        OutboundPurpose::Reply => "reply",
        OutboundPurpose::Notice => "notice",
        OutboundPurpose::Survey => "survey",
    }
}

fn parse_purpose(text: &str) -> OutboundPurpose {
    match text {
        "notice" => OutboundPurpose::Notice,
        "survey" => OutboundPurpose::Survey,
        _ => OutboundPurpose::Reply,
    }
}

fn survey_text(ask: SurveyAsk) -> &'static str {
    if ask.nps { "csat+nps" } else { "csat" }
}

fn parse_survey(text: &str) -> SurveyAsk {
    SurveyAsk {
        csat: true,
        nps: text == "csat+nps",
    }
}
