//! Fuzzing the Request Tracker adapter's decoders: REST 2 answers (ticket,
//! transaction and attachment pages, users, groups, `/rt`), what is made of
//! them (tickets, customers, agents, messages, histories, HTML mail as
//! text), RT's error answers, the REST 1 login line, the session cookie,
//! the `Location` of a created transaction and the answer to a PUT. Hostile
//! input gives a value or a clear error, never a panic or a hang.

use std::collections::HashSet;

use proptest::prelude::*;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue, SET_COOKIE};
use sahaya_protocol::domain::{Channel, MessageKind, Role};
use sahaya_testkit::fuzz::{CASES, hostile_body, hostile_json, hostile_text};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::history::Summary;
use super::http::{decode, rt_error};
use super::wire::{Attachment, Page, RtInfo, Ticket, Transaction, User};
use super::{html, map, push, roles, session};
use crate::client::ClientError;

/// Longest error message: our wording plus RT's text bounded by `carry`.
const MAX_MESSAGE: usize = 2600;

fn user() -> Value {
    json!({"id": 35, "Name": "asha", "RealName": "ಆಶಾ", "EmailAddress": "asha@customer.test",
           "Lang": "kn", "City": "ಮೈಸೂರು", "Created": "2026-12-04T18:40:05Z"})
}

fn ticket() -> Value {
    json!({"id": "1", "Subject": "ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ", "Status": "new", "Priority": "50",
           "Queue": {"Name": "General", "id": "1"}, "Owner": {"id": 6, "Name": "Nobody"},
           "Requestor": [user()], "Due": "1970-01-01T00:00:00Z",
           "Created": "2026-12-04T18:40:05Z", "LastUpdated": "2026-12-04T18:41:00Z",
           "Started": "1970-01-01T00:00:00Z",
           "CustomFields": [{"name": "Order", "values": ["SH-1001"]},
                            {"name": "Channel", "values": ["whatsapp"]}],
           "_hyperlinks": []})
}

fn transaction() -> Value {
    json!({"id": "42", "Type": "Correspond", "ObjectId": "1", "Creator": user(),
           "Created": "2026-12-04T18:41:00Z",
           "CustomFields": [{"name": "sahaya-key", "values": ["k-1"]}]})
}

fn attachment() -> Value {
    json!({"id": "5", "TransactionId": "42", "ContentType": "text/html",
           "Content": "<p>ನಮಸ್ಕಾರ <b>ಸರ್</b></p>", "Filename": ""})
}

fn page(item: Value) -> Value {
    json!({"count": 1, "page": 1, "per_page": 20, "total": 1, "items": [item]})
}

/// Decodes `body`; an error must be a `Decode` naming the request, what
/// RT was expected to send and why it did not fit (with its place).
fn check<T: DeserializeOwned>(what: &str, body: &[u8]) -> Result<Option<T>, TestCaseError> {
    match decode::<T>(what, StatusCode::OK, body) {
        Ok(v) => Ok(Some(v)),
        Err(ClientError::Decode { message }) => {
            let head = format!("{what}: expected Request Tracker's JSON, got HTTP 200 (");
            prop_assert!(message.starts_with(&head), "{message}");
            prop_assert!(
                message.contains(" at line ") || message.ends_with('…'),
                "no reason or place: {message}"
            );
            prop_assert!(message.len() <= MAX_MESSAGE, "{} bytes", message.len());
            Ok(None)
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "not a decode error: {other:?}"
        ))),
    }
}

fn now() -> sahaya_protocol::domain::Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z")
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Ticket pages decode or say why; a decoded ticket maps to sahaya's
    /// with its own id, whatever its dates, priority and fields hold.
    #[test]
    fn ticket_pages(body in hostile_body(page(ticket()))) {
        if let Some(p) = check::<Page<Ticket>>("GET /REST/2.0/tickets", &body)? {
            for t in &p.items {
                let mapped = map::ticket(t, &Summary::default(), now());
                prop_assert_eq!(mapped.id, t.id);
                prop_assert!(mapped.sla.first_response_due <= mapped.sla.resolution_due
                    || super::wire::date(&t.due).is_none());
                let _ = map::ticket_channel(t);
                for r in &t.requestors {
                    prop_assert_eq!(map::customer(r, now()).id, r.id);
                }
            }
        }
    }

    /// Transaction pages: decoded ones fold into a history and map to
    /// messages.
    #[test]
    fn transaction_pages(body in hostile_body(page(transaction()))) {
        if let Some(p) = check::<Page<Transaction>>("GET /REST/2.0/transactions", &body)? {
            let mut summary = Summary::default();
            let requestors = HashSet::from([35]);
            for txn in &p.items {
                summary.fold(txn, &requestors);
                if let Some(kind) = map::message_kind(&txn.kind, requestors.contains(&txn.creator.id)) {
                    let m = map::message(txn, kind, Channel::Email, String::new(), now());
                    prop_assert_eq!(m.id, txn.id);
                }
            }
            prop_assert!(summary.messages >= 0);
        }
    }

    /// Attachment pages; HTML mail becomes text without panicking.
    #[test]
    fn attachment_pages(body in hostile_body(page(attachment()))) {
        if let Some(p) = check::<Page<Attachment>>("GET /REST/2.0/attachments", &body)? {
            for a in &p.items {
                let _ = html::html_to_text(&a.content);
            }
        }
    }

    #[test]
    fn users_groups_and_version(
        u in hostile_body(user()),
        g in hostile_body(json!({"id": 9, "Name": "Supervisors",
            "Members": [{"type": "user", "id": "kavya"}, {"type": "group", "id": "10"}]})),
        found in hostile_body(page(json!({"id": "9", "type": "group"}))),
        info in hostile_body(json!({"Version": "5.0.7", "Plugins": []})),
    ) {
        if let Some(u) = check::<User>("GET /REST/2.0/user/35", &u)? {
            let agent = map::agent(&u, Role::Agent);
            prop_assert_eq!(agent.id, u.id);
        }
        check::<roles::Group>("GET /REST/2.0/group/9", &g)?;
        check::<Page<roles::Found>>("GET /REST/2.0/groups", &found)?;
        if let Some(info) = check::<RtInfo>("GET /REST/2.0/rt", &info)?
            && let Err(e) = super::rt5_version("http://rt.test/", &info.version)
        {
            prop_assert!(matches!(&e, ClientError::Rejected { code, .. } if code == "rt_version")
                || e.to_string().contains("RT version"), "{e:?}");
        }
    }

    /// RT's error answers of any status and body: the kind the status
    /// calls for, RT's words bounded, what to do said.
    #[test]
    fn error_answers(
        status in 100u16..600,
        body in hostile_body(json!({"message": "Permission Denied"})),
    ) {
        let status = StatusCode::from_u16(status).unwrap();
        let e = rt_error("PUT /REST/2.0/ticket/1", status, &HeaderMap::new(), &body);
        let code = status.as_u16();
        match (&e, code) {
            (ClientError::Unauthorized { message }, 401) => {
                prop_assert!(message.contains("Auth Tokens"), "{message}");
                prop_assert!(message.len() <= MAX_MESSAGE);
            }
            (ClientError::Rejected { status: s, code: c, message }, 400..=499) => {
                prop_assert_eq!(*s, code);
                prop_assert!(["forbidden", "not_found", "version_conflict", "refused"].contains(&c.as_str()));
                if c == "forbidden" {
                    prop_assert!(message.contains("ModifyTicket"), "{message}");
                }
                prop_assert!(message.len() <= MAX_MESSAGE);
            }
            (ClientError::Server { status: s, message, .. }, 408 | 429 | 500..=599) => {
                prop_assert_eq!(*s, code);
                prop_assert!(!message.is_empty() && message.len() <= MAX_MESSAGE);
            }
            (ClientError::Decode { message }, _) if !(400..600).contains(&code) => {
                prop_assert_eq!(message, &format!("PUT /REST/2.0/ticket/1: unexpected HTTP status {code}"));
            }
            _ => prop_assert!(false, "HTTP {code} gave {e:?}"),
        }
    }

    /// RT's answer to a PUT: a list of sentences, or anything else.
    #[test]
    fn put_answers(body in prop_oneof![
        hostile_json(),
        prop::collection::vec(prop_oneof![
            hostile_text().prop_map(Value::String),
            Just(json!("Owner: That user may not own tickets in that queue")),
            Just(json!("Status: Permission Denied")),
            Just(json!("Priority changed from 50 to 80")),
        ], 0..5).prop_map(Value::Array),
    ]) {
        if let Err(e) = push::refused_in_answer("PUT /REST/2.0/ticket/1", &body) {
            prop_assert!(matches!(&e, ClientError::Rejected { status: 403 | 422, .. }), "{e:?}");
            prop_assert!(e.to_string().len() <= MAX_MESSAGE + 200);
        }
    }

    /// The small things read off RT's answers: the REST 1 login line,
    /// the session cookie, a created transaction's id, dates, HTML.
    #[test]
    fn lines_headers_dates_and_html(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        text in hostile_text(),
        cookies in prop::collection::vec("[ -~]{0,40}", 0..4),
        depth in prop_oneof![0usize..300, 4001usize..9000],
        tag in prop::sample::select(vec!["div", "table", "ul", "blockquote", "b", "td"]),
    ) {
        let line = String::from_utf8_lossy(&bytes);
        if session::logged_in(&bytes) {
            prop_assert!(line.starts_with("RT/"));
        }
        prop_assert!(!session::logged_in(text.as_bytes()) || text.starts_with("RT/"));
        let mut headers = HeaderMap::new();
        for c in &cookies {
            if let Ok(v) = HeaderValue::from_str(c) {
                headers.append(SET_COOKIE, v);
            }
        }
        if let Some(v) = session::session_cookie(&headers) {
            prop_assert!(v.to_str().is_ok_and(|v| v.starts_with("RT_SID_")));
        }
        let _ = push::created_id(Some(&text));
        let _ = push::created_id(Some(&line));
        if let Some(t) = super::wire::date(&text) {
            prop_assert!(t.timestamp() > 0);
        }
        let html = format!("{}{text}{}", format!("<{tag}>").repeat(depth), format!("</{tag}>").repeat(depth));
        let _ = html::html_to_text(&html);
        prop_assert_ne!(map::message_kind(&text, true), Some(MessageKind::Reply));
    }
}
