//! Writing to RT exactly once, without idempotency keys.
//!
//! - A reply or note carries the outbox entry's key in a transaction custom
//!   field (`sahaya-key`), set in the same request; nothing the customer
//!   receives shows it. Before an entry whose earlier try may have landed is
//!   sent again, RT is asked for a transaction with that key. Where the site
//!   has no such field, a transaction on the ticket by the same user, of the
//!   same type and with the same text, made after the entry was queued,
//!   counts as the earlier try — unless another entry already landed as it
//!   (the same thanks sent twice; `claims` keeps which transaction each
//!   entry landed as, across restarts). An earlier try that failed slowly and is
//!   not found is looked for again until RT has had time to finish it
//!   (`settle`).
//! - A field change is sent with `If-Match` on the ticket's ETag. It is based
//!   on the version the agent saw: a change by anyone else since then is a
//!   conflict (theirs vs mine), our own transactions and RT's own
//!   bookkeeping (mail records) are not. A retried change that RT already
//!   shows is not sent again.

use serde_json::{Map, Value, json};

use sahaya_protocol::domain::{Message, MessageKind, TicketId};
use sahaya_protocol::wire::{Entity, TicketPatch};
use sahaya_store::{OutboxEntry, OutboxOp};

use super::RtBackend;
use super::fetch;
use super::map;
use super::pull::current_ticket;
use crate::client::ClientError;

/// The transaction custom field that carries an outbox entry's key.
pub const KEY_FIELD: &str = "sahaya-key";
/// RT's own user (mail records, scrips).
const RT_SYSTEM: i64 = 1;

pub(crate) fn unsupported(what: &str) -> ClientError {
    ClientError::Rejected {
        status: 422,
        code: "unsupported".to_string(),
        message: format!("Request Tracker has no {what}"),
    }
}

pub async fn push(
    rt: &RtBackend,
    entry: &OutboxEntry,
    base: i64,
) -> Result<Vec<Entity>, ClientError> {
    match &entry.op {
        OutboxOp::Message {
            ticket_id,
            kind,
            body,
        } => message(rt, entry, *ticket_id, *kind, body).await,
        OutboxOp::Patch { ticket_id, patch } => {
            patch_ticket(rt, entry, *ticket_id, patch, base).await
        }
        OutboxOp::OrderAction { .. } => Err(unsupported("orders, refunds or returns")),
        OutboxOp::Outbound(_) => Err(unsupported("proactive notices from sahaya yet")),
        OutboxOp::Resend { .. } => Err(unsupported("delivery states to act on")),
        OutboxOp::MacroSave { .. } | OutboxOp::MacroDelete { .. } => {
            Err(unsupported("macros to edit from sahaya"))
        }
        OutboxOp::Merge { .. } => Err(unsupported("merging from sahaya yet")),
    }
}

async fn message(
    rt: &RtBackend,
    entry: &OutboxEntry,
    ticket_id: TicketId,
    kind: MessageKind,
    body: &str,
) -> Result<Vec<Entity>, ClientError> {
    let (path, txn_type) = match kind {
        MessageKind::Reply => ("correspond", "Correspond"),
        MessageKind::Note => ("comment", "Comment"),
        MessageKind::Customer => {
            return Err(unsupported("way for an agent to write as the customer"));
        }
    };
    let landed = if entry.attempts > 0 {
        earlier_try(rt, entry, ticket_id, txn_type, body).await?
    } else {
        None
    };
    if landed.is_none() && entry.attempts > 0 {
        // Not found yet is not proof after a slow failure: RT may still be
        // working on that try.
        if let Some(wait) = rt.settling.wait(&entry.key, rt.clock.now()) {
            return Err(ClientError::Server {
                status: 503,
                code: "earlier_try_settling".to_string(),
                message: format!(
                    "an earlier try of this {} may still be in progress in Request Tracker; \
                     it is sent again in {} s unless it shows up",
                    txn_type.to_lowercase(),
                    wait.as_secs().max(1)
                ),
                retry_after: Some(wait),
            });
        }
    }
    let txn_id = match landed {
        Some(id) => {
            tracing::info!(
                "outbox entry {} had landed in RT as transaction {id}",
                entry.id
            );
            id
        }
        None => {
            let mut request = json!({ "Content": body, "ContentType": "text/plain" });
            if rt.has_key_field() {
                request["TxnCustomFields"] = json!({ KEY_FIELD: entry.key });
            }
            let started = std::time::Instant::now();
            let answer = rt
                .http
                .post::<Value, _>(&format!("ticket/{ticket_id}/{path}"), &request)
                .await
                .inspect_err(|e| {
                    if matches!(e, ClientError::Network { .. }) {
                        rt.settling
                            .failed(&entry.key, started.elapsed(), rt.clock.now());
                    }
                })?;
            created_id(answer.location.as_deref()).ok_or_else(|| ClientError::Decode {
                message: format!("POST ticket/{ticket_id}/{path}: Request Tracker did not say which transaction it made"),
            })?
        }
    };
    rt.claim(txn_id, &entry.key);
    rt.settling.done(&entry.key);
    // The ticket itself comes with the next pull; the message is confirmed
    // now (one request fewer per write on a slow RT).
    let now = rt.clock.now();
    let me = rt.me_user().await?;
    let channel = match rt.histories.channel(ticket_id) {
        Some(c) => c,
        None => map::ticket_channel(&fetch::ticket(&rt.http, ticket_id).await?.0),
    };
    let message = Message {
        id: txn_id,
        ticket_id,
        kind,
        author: sahaya_protocol::domain::Author::Agent {
            id: me.id,
            name: me.display_name().to_string(),
        },
        channel,
        // RT keeps the text as sent.
        body: body.to_string(),
        created_at: now,
        delivery: match kind {
            MessageKind::Note => sahaya_protocol::domain::Delivery::Internal,
            _ => sahaya_protocol::domain::Delivery::Sent,
        },
        delivery_error: None,
        attachments: Vec::new(),
    };
    Ok(vec![Entity::Message(message)])
}

/// `/REST/2.0/transaction/42` → 42.
pub(super) fn created_id(location: Option<&str>) -> Option<i64> {
    location?
        .trim_end_matches('/')
        .rsplit('/')
        .next()?
        .parse()
        .ok()
}

/// The transaction an earlier try of `entry` made, if it landed.
async fn earlier_try(
    rt: &RtBackend,
    entry: &OutboxEntry,
    ticket_id: TicketId,
    txn_type: &str,
    body: &str,
) -> Result<Option<i64>, ClientError> {
    if rt.has_key_field() {
        let key = entry.key.replace('\'', "");
        let sql = format!("ObjectId = {ticket_id} AND CF.{{{KEY_FIELD}}} = '{key}'");
        let found = fetch::transactions_where(&rt.http, &sql).await?;
        if let Some(t) = found.first() {
            return Ok(Some(t.id));
        }
    }
    // Without the field (or a try that died between the transaction and the
    // field): the same user, type and text on the ticket since it was queued.
    // "Since it was queued" as an age ("N seconds ago"): RT reads a date in
    // a search in the user's timezone, which for a user west of UTC put the
    // bound after the earlier try; an age also does not depend on the
    // console's clock agreeing with RT's. Five minutes of slack.
    let me = rt.me_id();
    let age = (rt.clock.now() - entry.created_at).num_seconds().max(0) + 5 * 60;
    let sql = format!(
        "ObjectType = 'RT::Ticket' AND ObjectId = {ticket_id} AND Type = '{txn_type}' \
         AND Creator = {me} AND Created >= '{age} seconds ago'"
    );
    let found = fetch::transactions_with_fields(&rt.http, &sql).await?;
    // One this entry claimed before the console stopped is its earlier try.
    if let Some(t) = found
        .iter()
        .find(|t| rt.claimed_by(t.id).as_deref() == Some(entry.key.as_str()))
    {
        return Ok(Some(t.id));
    }
    let candidates: Vec<i64> = found
        .into_iter()
        // Not one an earlier entry with the same text landed as.
        .filter(|t| rt.claimed_by(t.id).is_none())
        .filter(|t| {
            !t.custom_fields.iter().any(|f| {
                f.name == KEY_FIELD
                    && f.values
                        .iter()
                        .any(|v| v.as_str().is_some_and(|s| s != entry.key))
            })
        })
        .map(|t| t.id)
        .collect();
    if candidates.is_empty() {
        return Ok(None);
    }
    let texts = fetch::bodies(&rt.http, &candidates).await?;
    let want = body.trim_end();
    // The outbox goes out in order, so an earlier try of this entry is the
    // newest such transaction.
    Ok(candidates
        .into_iter()
        .rev()
        .find(|id| texts.get(id).is_some_and(|t| t.trim_end() == want)))
}

/// The RT fields of a patch; tags have no counterpart.
fn rt_fields(patch: &TicketPatch) -> Result<Map<String, Value>, ClientError> {
    if patch.tags.is_some() {
        return Err(unsupported("tags"));
    }
    let mut fields = Map::new();
    if let Some(s) = patch.status {
        fields.insert("Status".into(), json!(map::status_to_rt(s)));
    }
    if let Some(p) = patch.priority {
        fields.insert("Priority".into(), json!(map::priority_to_rt(p)));
    }
    if let Some(a) = patch.assignee_id {
        fields.insert(
            "Owner".into(),
            match a {
                Some(id) => json!(id),
                None => json!(map::NOBODY),
            },
        );
    }
    if let Some(g) = &patch.group {
        fields.insert("Queue".into(), json!(g));
    }
    Ok(fields)
}

/// Whether RT's ticket already has what the patch sets.
fn already_applied(ticket: &super::wire::Ticket, patch: &TicketPatch) -> bool {
    patch
        .status
        .is_none_or(|s| ticket.status.eq_ignore_ascii_case(map::status_to_rt(s)))
        && patch
            .priority
            .is_none_or(|p| ticket.priority == map::priority_to_rt(p))
        && patch.assignee_id.is_none_or(|a| match a {
            Some(id) => ticket.owner.id == id,
            None => ticket.owner.name == map::NOBODY,
        })
        && patch.group.as_ref().is_none_or(|g| &ticket.queue.name == g)
}

async fn patch_ticket(
    rt: &RtBackend,
    entry: &OutboxEntry,
    ticket_id: TicketId,
    patch: &TicketPatch,
    base: i64,
) -> Result<Vec<Entity>, ClientError> {
    let fields = rt_fields(patch)?;
    let now = rt.clock.now();
    for _ in 0..3 {
        let (current, raw) = current_ticket(rt, ticket_id, now).await?;
        if entry.attempts > 0 && already_applied(&raw, patch) {
            return Ok(vec![Entity::Ticket(current)]);
        }
        if current.version > base && changed_by_others(rt, ticket_id, base, current.version).await?
        {
            return Err(ClientError::Conflict {
                current: Box::new(current),
            });
        }
        match rt
            .http
            .put::<Value, _>(
                &format!("ticket/{ticket_id}"),
                &Value::Object(fields.clone()),
                current.version,
            )
            .await
        {
            Ok(answer) => {
                refused_in_answer(&format!("PUT /REST/2.0/ticket/{ticket_id}"), &answer.body)?;
                let (after, _) = current_ticket(rt, ticket_id, now).await?;
                return Ok(vec![Entity::Ticket(after)]);
            }
            // Someone wrote between our read and our write: look again.
            Err(ClientError::Rejected { status: 412, .. }) => continue,
            Err(e) => return Err(e),
        }
    }
    let (current, _) = current_ticket(rt, ticket_id, now).await?;
    Err(ClientError::Conflict {
        current: Box::new(current),
    })
}

/// RT answers a PUT with 200 and one sentence per field, also for fields it
/// refused ("Owner: That user may not own tickets in that queue").
pub(super) fn refused_in_answer(what: &str, body: &Value) -> Result<(), ClientError> {
    let Some(lines) = body.as_array() else {
        return Ok(());
    };
    let refused: Vec<&str> = lines
        .iter()
        .filter_map(Value::as_str)
        .filter(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("permission denied")
                || l.contains("may not")
                || l.contains("could not")
                || l.contains("couldn't")
                || l.contains("invalid")
                || l.contains("illegal")
        })
        .collect();
    if refused.is_empty() {
        return Ok(());
    }
    let said = crate::client::error::carry(&refused.join("; "));
    if said.to_ascii_lowercase().contains("permission denied") {
        return Err(ClientError::Rejected {
            status: 403,
            code: "forbidden".to_string(),
            message: super::http::no_right(what, &said),
        });
    }
    Err(ClientError::Rejected {
        status: 422,
        code: "refused".to_string(),
        message: said,
    })
}

/// Whether anyone but this user (and RT itself) changed the ticket after
/// transaction `base`.
async fn changed_by_others(
    rt: &RtBackend,
    ticket_id: TicketId,
    base: i64,
    upto: i64,
) -> Result<bool, ClientError> {
    let me = rt.me_id();
    let sql = format!(
        "ObjectType = 'RT::Ticket' AND ObjectId = {ticket_id} AND id > {base} AND id <= {upto} \
         AND Creator != {me} AND Creator != {RT_SYSTEM}"
    );
    Ok(!fetch::transactions_where(&rt.http, &sql).await?.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_transaction_ids() {
        assert_eq!(created_id(Some("/REST/2.0/transaction/42")), Some(42));
        assert_eq!(
            created_id(Some("http://rt/REST/2.0/transaction/7/")),
            Some(7)
        );
        assert_eq!(created_id(None), None);
    }

    #[test]
    fn tags_are_refused_and_fields_named_as_rt_does() {
        let p = TicketPatch {
            tags: Some(vec!["x".into()]),
            ..Default::default()
        };
        assert_eq!(rt_fields(&p).unwrap_err().code(), Some("unsupported"));
        let p = TicketPatch {
            status: Some(sahaya_protocol::domain::Status::Pending),
            assignee_id: Some(None),
            ..Default::default()
        };
        let f = rt_fields(&p).unwrap();
        assert_eq!(f["Status"], "stalled");
        assert_eq!(f["Owner"], "Nobody");
    }

    #[test]
    fn refusals_inside_a_200_are_errors() {
        let what = "PUT /REST/2.0/ticket/1";
        assert!(
            refused_in_answer(
                what,
                &json!(["Ticket 1: Status changed from 'open' to 'stalled'"])
            )
            .is_ok()
        );
        let e = refused_in_answer(what, &json!(["Owner: Permission Denied"])).unwrap_err();
        assert_eq!(e.code(), Some("forbidden"));
        assert!(e.to_string().contains("ModifyTicket"), "{e}");
        let e = refused_in_answer(
            what,
            &json!(["That user may not own tickets in that queue"]),
        )
        .unwrap_err();
        assert_eq!(e.code(), Some("refused"));
    }
}
