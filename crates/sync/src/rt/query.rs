//! The REST 2 queries the adapter asks, as query strings: public so that
//! the benchmark's bare HTTP client asks RT exactly the same.

use sahaya_protocol::domain::TicketId;

/// REST 2's largest page.
pub const PER_PAGE: usize = 100;

const USER_FIELDS: &str = "id,Name,RealName,EmailAddress,Lang,City,Created";
const TXN_FIELDS: &str = "Type,ObjectId,Creator,Created";
const TICKET_FIELDS: &str =
    "Subject,Status,Queue,Owner,Priority,Requestor,Created,LastUpdated,Started,Due,CustomFields";

/// A query string.
pub type Query = Vec<(&'static str, String)>;

/// `GET transactions`: page `page` of the transactions matching `sql`
/// (TransactionSQL), oldest first, with their creators. Without their
/// custom fields: RT works those out per transaction, which made a page of
/// 100 cost about five times as much.
pub fn transactions(sql: String, page: usize) -> Query {
    vec![
        ("query", sql),
        ("orderby", "id".into()),
        ("order", "ASC".into()),
        ("per_page", PER_PAGE.to_string()),
        ("page", page.to_string()),
        ("fields", TXN_FIELDS.into()),
        ("fields[Creator]", USER_FIELDS.into()),
    ]
}

/// [`transactions`] with their custom fields (the outbox key, when a write
/// looks for its earlier try).
pub fn transactions_with_fields(sql: String, page: usize) -> Query {
    let mut q = transactions(sql, page);
    for (k, v) in &mut q {
        if *k == "fields" {
            v.push_str(",CustomFields");
        }
    }
    q
}

/// The ticket transactions after `cursor`.
pub fn after(cursor: i64) -> String {
    format!("id > {cursor} AND ObjectType = 'RT::Ticket'")
}

/// The transactions of these tickets up to `upto`.
pub fn histories(ids: &[TicketId], upto: i64) -> String {
    let tickets = ids
        .iter()
        .map(|id| format!("ObjectId = {id}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    format!("ObjectType = 'RT::Ticket' AND ({tickets}) AND id <= {upto}")
}

/// `GET transactions`: the newest one matching `sql`, alone.
pub fn newest(sql: String) -> Query {
    vec![
        ("query", sql),
        ("orderby", "id".into()),
        ("order", "DESC".into()),
        ("per_page", "1".into()),
    ]
}

/// `GET transactions`: the newest ticket transaction.
pub fn latest() -> Query {
    newest("ObjectType = 'RT::Ticket'".to_string())
}

/// `GET tickets`: these tickets (at most [`PER_PAGE`]), with queue, owner
/// and requestors expanded.
pub fn tickets(ids: &[TicketId]) -> Query {
    let sql = ids
        .iter()
        .map(|id| format!("id = {id}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    vec![
        ("query", sql),
        ("per_page", PER_PAGE.to_string()),
        ("fields", TICKET_FIELDS.to_string()),
        ("fields[Queue]", "Name".to_string()),
        ("fields[Owner]", USER_FIELDS.to_string()),
        ("fields[Requestor]", USER_FIELDS.to_string()),
    ]
}

/// `GET attachments`: page `page` of the text parts of these transactions
/// (at most [`PER_PAGE`]).
pub fn texts(txns: &[i64], page: usize) -> Query {
    let filter = serde_json::json!([
        {"field": "TransactionId", "operator": "IN", "value": txns},
        {"field": "ContentType", "operator": "STARTSWITH", "value": "text/"},
    ]);
    vec![
        ("query", filter.to_string()),
        ("orderby", "id".to_string()),
        ("per_page", PER_PAGE.to_string()),
        ("page", page.to_string()),
        (
            "fields",
            "TransactionId,ContentType,Content,Filename".to_string(),
        ),
    ]
}

/// `GET user/:id`: a user.
pub fn user() -> Query {
    vec![("fields", USER_FIELDS.to_string())]
}

/// `GET customfields`: the transaction custom field named `name`.
pub fn transaction_field(name: &str) -> Query {
    let filter = serde_json::json!([
        {"field": "Name", "value": name},
        {"field": "LookupType", "value": "RT::Queue-RT::Ticket-RT::Transaction"},
    ]);
    vec![("query", filter.to_string())]
}
