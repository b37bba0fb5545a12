//! The queries the adapter asks RT, each as few requests as REST 2 allows:
//! transactions after a cursor, tickets by id with what the cache needs
//! expanded, and the text of many messages at once.

use std::collections::{BTreeMap, HashMap};

use sahaya_protocol::domain::TicketId;

use super::http::RtHttp;
use super::query;
use super::wire::{self, Page};
use crate::client::ClientError;

pub use query::PER_PAGE;

/// One page of ticket transactions with ids above `cursor`, oldest first.
pub async fn transactions_after(
    http: &RtHttp,
    cursor: i64,
) -> Result<Vec<wire::Transaction>, ClientError> {
    let query = query::transactions(query::after(cursor), 1);
    let page: Page<wire::Transaction> = http.get("transactions", &query).await?.body;
    Ok(page.items)
}

/// Transactions matching a TransactionSQL query, every page.
pub async fn transactions_where(
    http: &RtHttp,
    sql: &str,
) -> Result<Vec<wire::Transaction>, ClientError> {
    every_page(http, sql, query::transactions).await
}

/// [`transactions_where`] with each transaction's custom fields.
pub async fn transactions_with_fields(
    http: &RtHttp,
    sql: &str,
) -> Result<Vec<wire::Transaction>, ClientError> {
    every_page(http, sql, query::transactions_with_fields).await
}

async fn every_page(
    http: &RtHttp,
    sql: &str,
    query: fn(String, usize) -> query::Query,
) -> Result<Vec<wire::Transaction>, ClientError> {
    let mut out = Vec::new();
    for n in 1.. {
        let page: Page<wire::Transaction> = http
            .get("transactions", &query(sql.to_string(), n))
            .await?
            .body;
        let full = page.items.len() >= PER_PAGE;
        out.extend(page.items);
        if !full {
            break;
        }
    }
    Ok(out)
}

/// The transactions of these tickets with ids up to `upto`, oldest first,
/// by ticket: many tickets' histories in one query (a page of 100
/// transactions costs RT about what a page of one does).
pub async fn histories(
    http: &RtHttp,
    ids: &[TicketId],
    upto: i64,
) -> Result<HashMap<TicketId, Vec<wire::Transaction>>, ClientError> {
    let mut out: HashMap<TicketId, Vec<wire::Transaction>> = HashMap::new();
    for chunk in ids.chunks(PER_PAGE) {
        let sql = query::histories(chunk, upto);
        for t in transactions_where(http, &sql).await? {
            out.entry(t.object_id).or_default().push(t);
        }
    }
    Ok(out)
}

/// The id of the newest ticket transaction (0 when there is none).
pub async fn latest_transaction(http: &RtHttp) -> Result<i64, ClientError> {
    let page: Page<wire::Transaction> = http.get("transactions", &query::latest()).await?.body;
    Ok(page.items.first().map_or(0, |t| t.id))
}

/// The tickets with these ids that the token may see, fields expanded.
pub async fn tickets(
    http: &RtHttp,
    ids: &[TicketId],
) -> Result<HashMap<TicketId, wire::Ticket>, ClientError> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(PER_PAGE) {
        let page: Page<wire::Ticket> = http.get("tickets", &query::tickets(chunk)).await?.body;
        out.extend(page.items.into_iter().map(|t| (t.id, t)));
    }
    Ok(out)
}

/// One ticket and its version: the id of its latest transaction, which is
/// what RT's ETag for it is. (A single-ticket GET does not expand
/// requestors, so the ticket comes from the collection; the version is read
/// first, so a change in between shows as a newer ticket, never an older one.)
pub async fn ticket(http: &RtHttp, id: TicketId) -> Result<(wire::Ticket, i64), ClientError> {
    let query = query::newest(format!("ObjectType = 'RT::Ticket' AND ObjectId = {id}"));
    let latest: Page<wire::Transaction> = http.get("transactions", &query).await?.body;
    let version = latest.items.first().map_or(0, |t| t.id);
    let mut found = tickets(http, &[id]).await?;
    let ticket = found.remove(&id).ok_or_else(|| ClientError::Rejected {
        status: 404,
        code: "not_found".to_string(),
        message: format!("ticket {id} is not in Request Tracker (or not visible to you)"),
    })?;
    Ok((ticket, version))
}

/// The text of each of these transactions: its first `text/plain` part, else
/// its first `text/html` part as plain text. Transactions with neither (an
/// attachment alone) get no entry.
pub async fn bodies(http: &RtHttp, txns: &[i64]) -> Result<HashMap<i64, String>, ClientError> {
    // transaction -> (is plain, text), keeping the best part seen.
    let mut best: BTreeMap<i64, (bool, String)> = BTreeMap::new();
    for chunk in txns.chunks(PER_PAGE) {
        for n in 1.. {
            let query = query::texts(chunk, n);
            let page: Page<wire::Attachment> = http.get("attachments", &query).await?.body;
            let full = page.items.len() >= PER_PAGE;
            for a in page.items {
                // A named file is an attachment, not the message's text.
                if !a.filename.trim().is_empty() {
                    continue;
                }
                let plain = a.content_type.eq_ignore_ascii_case("text/plain");
                let html = a.content_type.eq_ignore_ascii_case("text/html");
                if !plain && !html {
                    continue;
                }
                let keep = match best.get(&a.transaction_id) {
                    None => true,
                    Some((had_plain, _)) => plain && !had_plain,
                };
                if keep {
                    let text = if plain {
                        a.content
                    } else {
                        super::html::html_to_text(&a.content)
                    };
                    best.insert(a.transaction_id, (plain, text));
                }
            }
            if !full {
                break;
            }
        }
    }
    Ok(best
        .into_iter()
        .map(|(id, (_, text))| (id, text.trim_end().to_string()))
        .collect())
}
