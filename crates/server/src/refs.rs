//! A channel's ids of messages (a customer mail's Message-ID, the id our own
//! mail went out with), so that an answer naming one joins its ticket.

use super::sql::{self, Conn, args};

use super::db::Writer;
use sahaya_protocol::domain::{MessageId, TicketId};

/// Longest id kept; longer ones are not ids a channel made.
const MAX_REF_LEN: usize = 500;

/// Remembers that `reference` names `message_id` of `ticket_id`. The first
/// message to claim an id keeps it.
pub fn put(
    w: &Writer<'_>,
    reference: &str,
    message_id: MessageId,
    ticket_id: TicketId,
) -> sql::Result<()> {
    let reference = normalize(reference);
    if reference.is_empty() || reference.len() > MAX_REF_LEN {
        return Ok(());
    }
    w.tx.execute(
        "INSERT INTO message_refs (ref, message_id, ticket_id) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        args![reference, message_id, ticket_id],
    )?;
    Ok(())
}

/// A merged ticket's ids now name its target: a reply to any of them
/// joins the target.
pub fn move_to(w: &Writer<'_>, from: TicketId, to: TicketId) -> sql::Result<()> {
    w.tx.execute(
        "UPDATE message_refs SET ticket_id = ?2 WHERE ticket_id = ?1",
        args![from, to],
    )?;
    Ok(())
}

/// The ticket of the first of `references` that is known.
pub fn ticket_of(conn: &Conn, references: &[String]) -> sql::Result<Option<TicketId>> {
    for reference in references {
        if let Some(id) = conn.query_opt(
            "SELECT ticket_id FROM message_refs WHERE ref = ?1",
            args![normalize(reference)],
            |r| r.get(0),
        )? {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// The ids of a ticket's messages with the message each names, in message
/// order.
pub fn of_ticket(conn: &Conn, ticket_id: TicketId) -> sql::Result<Vec<(String, MessageId)>> {
    conn.query_map(
        "SELECT ref, message_id FROM message_refs WHERE ticket_id = ?1 ORDER BY message_id, ref",
        args![ticket_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Ids compare without surrounding blanks and angle brackets.
fn normalize(reference: &str) -> String {
    reference
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}
