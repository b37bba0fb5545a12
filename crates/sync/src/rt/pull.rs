//! A page of changes from RT: the ticket transactions after the cursor, and
//! what they touched (tickets, their customers and owners, messages) in its
//! current state. The cursor is the id of the last transaction read.

use std::collections::{BTreeMap, HashSet};

use sahaya_protocol::domain::{MessageKind, Timestamp};
use sahaya_protocol::wire::{Change, ChangesPage, Entity};

use super::RtBackend;
use super::fetch::{self, PER_PAGE};
use super::history::Summary;
use super::map;
use super::wire;
use crate::client::ClientError;

/// The requestors of a ticket, by user id.
fn requestor_ids(t: &wire::Ticket) -> HashSet<i64> {
    t.requestors.iter().map(|r| r.id).collect()
}

pub async fn changes(rt: &RtBackend, cursor: i64) -> Result<ChangesPage, ClientError> {
    let now = rt.clock.now();
    if cursor == 0 {
        // A pull from the start rebuilds every summary.
        rt.histories.clear();
    }
    // Mid-pull, the page was asked with the one before, which also knew
    // the newest transaction id.
    let (txns, known_latest) = match rt.take_prefetched(cursor) {
        Some((page, latest)) => (page, Some(latest)),
        None => (fetch::transactions_after(&rt.http, cursor).await?, None),
    };
    let Some(last) = txns.last().map(|t| t.id) else {
        // Nothing new; `latest` tells the sync if RT went backwards (reset).
        let latest = fetch::latest_transaction(&rt.http).await?;
        return Ok(ChangesPage {
            changes: Vec::new(),
            next: cursor,
            has_more: false,
            latest,
        });
    };
    let has_more = txns.len() >= PER_PAGE;

    let mut by_ticket: BTreeMap<i64, Vec<&wire::Transaction>> = BTreeMap::new();
    for t in &txns {
        by_ticket.entry(t.object_id).or_default().push(t);
    }
    let ids: Vec<i64> = by_ticket.keys().copied().collect();
    // The texts of every message transaction (RT shows none of a ticket the
    // token may not see).
    let with_text: Vec<i64> = txns
        .iter()
        .filter(|t| map::message_kind(&t.kind, false).is_some())
        .map(|t| t.id)
        .collect();
    // Tickets met half-way (after a restart) without a summary: their
    // earlier history, read for all of them together. Every transaction of
    // theirs after the cursor is on this page, so "up to the page's last"
    // is each one's history up to its latest here.
    let half_way: Vec<i64> = by_ticket
        .iter()
        .filter(|(id, page)| {
            page.first().is_none_or(|t| t.kind != "Create") && rt.histories.get(**id).is_none()
        })
        .map(|(id, _)| *id)
        .collect();
    // None of these depends on another: asked at once, with the next page
    // of transactions while there are more (a failure there is left to the
    // next page's own request).
    let (latest, tickets, mut texts, mut earlier, next_page) = futures::try_join!(
        async {
            // The newest id is asked on a pull's first page, and again only
            // once the pull has got past it.
            match known_latest {
                _ if !has_more => Ok(last),
                Some(known) if known > last => Ok(known),
                _ => Ok(fetch::latest_transaction(&rt.http).await?.max(last)),
            }
        },
        fetch::tickets(&rt.http, &ids),
        fetch::bodies(&rt.http, &with_text),
        fetch::histories(&rt.http, &half_way, last),
        async {
            Ok(if has_more {
                fetch::transactions_after(&rt.http, last).await.ok()
            } else {
                None
            })
        },
    )?;
    if let Some(page) = next_page {
        rt.prefetched(last, page, latest);
    }

    // Which transactions are messages, and of what kind.
    let mut messages = Vec::new();
    for t in &txns {
        let Some(ticket) = tickets.get(&t.object_id) else {
            continue;
        };
        let by_requestor = requestor_ids(ticket).contains(&t.creator.id);
        if let Some(kind) = map::message_kind(&t.kind, by_requestor) {
            messages.push((t, kind, map::ticket_channel(ticket)));
        }
    }

    // seq -> entity; each entity once, at its latest transaction.
    let mut out: BTreeMap<(i64, u8, i64), Entity> = BTreeMap::new();
    let mut seen_people: HashSet<i64> = HashSet::new();
    for (ticket_id, ticket_txns) in &by_ticket {
        let Some(ticket) = tickets.get(ticket_id) else {
            // Deleted, merged away, or out of the token's sight.
            continue;
        };
        let seq = ticket_txns.iter().map(|t| t.id).max().unwrap_or(last);
        let summary = summary_through(rt, ticket, ticket_txns, earlier.remove(ticket_id));
        out.insert(
            (seq, 2, ticket.id),
            Entity::Ticket(map::ticket(ticket, &summary, now)),
        );
        for r in &ticket.requestors {
            if seen_people.insert(r.id) {
                out.insert((seq, 0, r.id), Entity::Customer(map::customer(r, now)));
            }
        }
        if ticket.owner.id > 0
            && ticket.owner.name != map::NOBODY
            && seen_people.insert(ticket.owner.id)
        {
            out.insert(
                (seq, 0, ticket.owner.id),
                Entity::Agent(rt.agent(&ticket.owner)),
            );
        }
    }
    for (t, kind, channel) in messages {
        if kind != MessageKind::Customer && t.creator.id > 0 && seen_people.insert(t.creator.id) {
            out.insert((t.id, 0, t.creator.id), Entity::Agent(rt.agent(&t.creator)));
        }
        let body = texts.remove(&t.id).unwrap_or_default();
        out.insert(
            (t.id, 1, t.id),
            Entity::Message(map::message(t, kind, channel, body, now)),
        );
    }
    Ok(ChangesPage {
        changes: out
            .into_iter()
            .map(|((seq, ..), entity)| Change { seq, entity })
            .collect(),
        next: last,
        has_more,
        latest,
    })
}

/// The ticket's summary after this page's transactions. A ticket first met
/// here without its create transaction starts from `earlier`, its history
/// read for the page (see `changes`).
fn summary_through(
    rt: &RtBackend,
    ticket: &wire::Ticket,
    page: &[&wire::Transaction],
    earlier: Option<Vec<wire::Transaction>>,
) -> Summary {
    let requestors = requestor_ids(ticket);
    let mut summary = rt.histories.get(ticket.id).unwrap_or_else(|| {
        let mut s = Summary::default();
        for t in earlier.iter().flatten() {
            s.fold(t, &requestors);
        }
        s
    });
    for t in page {
        summary.fold(t, &requestors);
    }
    summary.channel = Some(map::ticket_channel(ticket));
    rt.histories.put(ticket.id, summary.clone());
    summary
}

/// A summary of a ticket's transactions up to `upto`, read from RT.
pub async fn history_summary(
    rt: &RtBackend,
    ticket_id: i64,
    requestors: &HashSet<i64>,
    upto: i64,
) -> Result<Summary, ClientError> {
    let sql = format!("ObjectType = 'RT::Ticket' AND ObjectId = {ticket_id} AND id <= {upto}");
    let mut summary = Summary::default();
    for t in fetch::transactions_where(&rt.http, &sql).await? {
        summary.fold(&t, requestors);
    }
    Ok(summary)
}

/// The current state of one ticket, as a sahaya ticket (for answers to
/// writes and for conflicts): fetched with its ETag, its summary brought up
/// to that ETag.
pub async fn current_ticket(
    rt: &RtBackend,
    ticket_id: i64,
    now: Timestamp,
) -> Result<(sahaya_protocol::domain::Ticket, wire::Ticket), ClientError> {
    let (ticket, etag) = fetch::ticket(&rt.http, ticket_id).await?;
    let requestors = requestor_ids(&ticket);
    let mut summary = match rt.histories.get(ticket_id) {
        Some(mut s) if s.version < etag => {
            let sql = format!(
                "ObjectType = 'RT::Ticket' AND ObjectId = {ticket_id} AND id > {} AND id <= {etag}",
                s.version
            );
            for t in fetch::transactions_where(&rt.http, &sql).await? {
                s.fold(&t, &requestors);
            }
            s
        }
        Some(s) => s,
        None => history_summary(rt, ticket_id, &requestors, etag).await?,
    };
    summary.channel = Some(map::ticket_channel(&ticket));
    rt.histories.put(ticket_id, summary.clone());
    let mut mapped = map::ticket(&ticket, &summary, now);
    mapped.version = etag.max(summary.version);
    Ok((mapped, ticket))
}
