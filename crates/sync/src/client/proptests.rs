//! Fuzzing every decoder the console runs on the server's answers: JSON
//! bodies ([`decode`]), error answers ([`ClientError::from_response`]) and
//! the event stream (the SSE parser and the event payloads). Hostile input
//! (arbitrary bytes, real answers with one part broken, huge numbers, deep
//! nesting, Indic text, control characters) must give a value or an error
//! that says what was expected and what came: never a panic, never a hang.

use std::time::Duration;

use proptest::prelude::*;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue, RETRY_AFTER};
use sahaya_protocol::wire::{
    ChangeNotice, ChangesPage, CustomerDetail, Me, PresenceNotice, QueueStats, StreamEvent,
    TicketDetail, TicketList,
};
use sahaya_testkit::fuzz::{self, CASES, hostile_body, hostile_json, mutated, shared_samples};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::error::ClientError;
use super::events::event_stream;
use super::http::decode;

/// Longest error message: our wording plus server text bounded by `carry`.
const MAX_MESSAGE: usize = 2600;

/// Decodes `body` as an answer to `what`; an error must be a `Decode` that
/// names the request, what was expected, the status and the reason with
/// its place in the body (or the body being empty).
fn check_decode<T: DeserializeOwned>(
    what: &str,
    expected: &str,
    body: &[u8],
) -> Result<(), TestCaseError> {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    match decode::<T>(what, StatusCode::OK, &headers, body, expected) {
        Ok(_) => {}
        Err(ClientError::Decode { message }) => {
            let head = format!("{what}: expected JSON with {expected}, got HTTP 200");
            prop_assert!(message.starts_with(&head), "{message}");
            prop_assert!(
                message.contains(" at line ")
                    || message.ends_with('…')
                    || (body.is_empty() && message.ends_with("the body is empty")),
                "no reason or place: {message}"
            );
            prop_assert!(message.len() <= MAX_MESSAGE, "{} bytes", message.len());
        }
        Err(other) => prop_assert!(false, "not a decode error: {other:?}"),
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(CASES)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn change_pages(body in hostile_body(shared_samples().changes.clone())) {
        check_decode::<ChangesPage>("GET /v1/changes", "a page of changes (ChangesPage)", &body)?;
    }

    #[test]
    fn ticket_lists(body in hostile_body(shared_samples().tickets.clone())) {
        check_decode::<TicketList>("GET /v1/tickets", "a ticket list (TicketList)", &body)?;
    }

    #[test]
    fn tickets(body in hostile_body(shared_samples().ticket.clone())) {
        check_decode::<TicketDetail>("GET /v1/tickets/7", "a ticket (TicketDetail)", &body)?;
    }

    #[test]
    fn customers(body in hostile_body(shared_samples().customer.clone())) {
        check_decode::<CustomerDetail>(
            "GET /v1/customers/3", "a customer (CustomerDetail)", &body)?;
    }

    #[test]
    fn stats_and_me(
        stats in hostile_body(shared_samples().stats.clone()),
        me in hostile_body(shared_samples().me.clone()),
    ) {
        check_decode::<QueueStats>("GET /v1/stats", "queue statistics (QueueStats)", &stats)?;
        check_decode::<Me>("GET /v1/me", "your account (Me)", &me)?;
    }

    /// Error answers of any status, body and `Retry-After` map to the kind
    /// the status calls for, with a bounded message that is never empty.
    #[test]
    fn error_answers(
        status in 100u16..600,
        body in prop_oneof![
            hostile_body(shared_samples().error.clone()),
            hostile_body(shared_samples().conflict.clone()),
        ],
        retry in prop_oneof![
            Just(None),
            "[0-9]{1,30}".prop_map(Some),
            "[ -~]{0,40}".prop_map(Some),
            Just(Some("Fri, 20 Nov 2026 10:00:30 GMT".to_string())),
        ],
    ) {
        let status = StatusCode::from_u16(status).unwrap();
        let mut headers = HeaderMap::new();
        if let Some(r) = retry.as_deref().and_then(|r| HeaderValue::from_str(r).ok()) {
            headers.insert(RETRY_AFTER, r);
        }
        let e = ClientError::from_response("PATCH /v1/tickets/7", status, &headers, &body);
        let code = status.as_u16();
        match (&e, code) {
            (ClientError::Unauthorized { message }, 401) => {
                prop_assert!(!message.is_empty() && message.len() <= MAX_MESSAGE);
            }
            (ClientError::Conflict { .. }, 412) => {}
            (ClientError::Decode { message }, 412) => {
                prop_assert!(
                    message.starts_with("PATCH /v1/tickets/7: expected the current ticket")
                        || message.starts_with("PATCH /v1/tickets/7: a 412 answer without"),
                    "{message}"
                );
                prop_assert!(message.len() <= MAX_MESSAGE);
            }
            (ClientError::Server { status: s, code: c, message, retry_after }, 408 | 429 | 500..=599) => {
                prop_assert_eq!(*s, code);
                prop_assert!(!c.is_empty() && !message.is_empty());
                prop_assert!(c.len() <= MAX_MESSAGE && message.len() <= MAX_MESSAGE);
                prop_assert!(retry_after.is_none_or(|d| d <= Duration::from_secs(86_400)));
            }
            (ClientError::Rejected { status: s, code: c, message }, 400..=499) => {
                prop_assert_eq!(*s, code);
                prop_assert!(!c.is_empty() && !message.is_empty());
                prop_assert!(c.len() <= MAX_MESSAGE && message.len() <= MAX_MESSAGE);
            }
            (ClientError::Decode { message }, _) if !(400..600).contains(&code) => {
                prop_assert_eq!(message, &format!("PATCH /v1/tickets/7: unexpected HTTP status {code}"));
            }
            _ => prop_assert!(false, "HTTP {code} gave {e:?}"),
        }
        prop_assert!(!e.user_message().is_empty());
    }
}

/// Runs the event stream over `chunks` to its end.
fn events(chunks: Vec<Vec<u8>>) -> Vec<Result<StreamEvent, ClientError>> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    rt.block_on(async {
        use futures::StreamExt;
        let body = futures::stream::iter(chunks.into_iter().map(Ok::<_, reqwest::Error>));
        event_stream(body, Duration::from_secs(60)).collect().await
    })
}

/// `bytes` cut at the given points (any byte, inside UTF-8 sequences too).
fn chunked(bytes: &[u8], cuts: &[prop::sample::Index]) -> Vec<Vec<u8>> {
    let mut at: Vec<usize> = cuts.iter().map(|i| i.index(bytes.len() + 1)).collect();
    at.push(0);
    at.push(bytes.len());
    at.sort_unstable();
    at.dedup();
    at.windows(2).map(|w| bytes[w[0]..w[1]].to_vec()).collect()
}

/// One SSE event as the server could send it, and what the console should
/// make of it.
#[derive(Debug, Clone)]
struct Sent {
    name: &'static str,
    data: String,
}

fn sent() -> impl Strategy<Value = Sent> {
    let s = shared_samples();
    let notice = json!({"seq": 4, "type": "ticket", "id": "7"});
    let presence =
        json!({"ticket_id": 7, "viewers": [{"agent_id": 2, "name": "ರವಿ", "typing": true}]});
    prop_oneof![
        prop_oneof![mutated(notice.clone()), Just(notice.to_string())].prop_map(|data| Sent {
            name: "change",
            data
        }),
        prop_oneof![mutated(s.stats.clone()), Just(s.stats.to_string())].prop_map(|data| Sent {
            name: "stats",
            data
        }),
        prop_oneof![mutated(presence.clone()), Just(presence.to_string())].prop_map(|data| Sent {
            name: "presence",
            data
        }),
        hostile_json().prop_map(|v| Sent {
            name: "typing-indicator-v2",
            data: v.to_string()
        }),
    ]
}

/// What decoding `sent` should give: None when it is ignored, else
/// whether it decodes.
fn expected(sent: &Sent) -> Option<bool> {
    let ok = match sent.name {
        "change" => serde_json::from_str::<ChangeNotice>(&sent.data).is_ok(),
        "stats" => serde_json::from_str::<QueueStats>(&sent.data).is_ok(),
        "presence" => serde_json::from_str::<PresenceNotice>(&sent.data).is_ok(),
        _ => return None,
    };
    Some(ok)
}

fn closed(item: Option<&Result<StreamEvent, ClientError>>) -> bool {
    matches!(item, Some(Err(ClientError::Network { message }))
        if message == "GET /v1/events: the server closed the event stream")
}

proptest! {
    #![proptest_config(config())]

    /// Arbitrary bytes, cut anywhere: the stream ends (once) with the
    /// server closing it or with "not valid UTF-8" for bytes that are not
    /// text; every error names the event stream.
    #[test]
    fn sse_arbitrary_bytes(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..600),
            fuzz::hostile_text().prop_map(String::into_bytes),
        ],
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let items = events(chunked(&bytes, &cuts));
        let last = items.last();
        if std::str::from_utf8(&bytes).is_ok() {
            prop_assert!(closed(last), "{last:?}");
        } else {
            prop_assert!(
                closed(last) || matches!(last, Some(Err(ClientError::Decode { message }))
                    if message == "GET /v1/events: the event stream is not valid UTF-8"),
                "{last:?}"
            );
        }
        for item in &items[..items.len() - 1] {
            if let Err(e) = item {
                prop_assert!(matches!(e, ClientError::Decode { message }
                    if message.starts_with("GET /v1/events: expected ")), "{e:?}");
            }
        }
    }

    /// Well-framed events with hostile data, any line ends, comments and
    /// `id`/`retry` lines between them, cut anywhere: each known event
    /// decodes or is one `Decode` error naming the event, in order; unknown
    /// ones are skipped; then the stream ends.
    #[test]
    fn sse_events(
        sent in prop::collection::vec(sent(), 0..6),
        eol in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        extras in prop::collection::vec(
            prop::sample::select(vec!["", ": keep-alive", "id: 99", "retry: 1000", "id: ಕ"]), 6),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let mut text = String::new();
        for (s, extra) in sent.iter().zip(&extras) {
            if !extra.is_empty() {
                text.push_str(extra);
                text.push_str(eol);
            }
            text.push_str(&format!("event: {}{eol}data: {}{eol}{eol}", s.name, s.data));
        }
        // A comment after the last event: the parser waits for the byte
        // after a final bare CR (it could be a CRLF), as a live stream's
        // next keep-alive gives it.
        text.push_str(&format!(": end{eol}"));
        let items = events(chunked(text.as_bytes(), &cuts));
        let want: Vec<(bool, &str)> = sent
            .iter()
            .filter_map(|s| expected(s).map(|ok| (ok, s.name)))
            .collect();
        prop_assert_eq!(items.len(), want.len() + 1, "{:?}", items);
        for (item, (ok, name)) in items.iter().zip(&want) {
            match item {
                Ok(_) => prop_assert!(*ok, "{name} decoded: {item:?}"),
                Err(ClientError::Decode { message }) => {
                    prop_assert!(!*ok, "{name} refused: {message}");
                    prop_assert!(message.starts_with("GET /v1/events: expected "));
                    let event = format!("in a `{name}` event: ");
                    prop_assert!(message.contains(&event), "{message}");
                    prop_assert!(message.len() <= MAX_MESSAGE);
                }
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
        prop_assert!(closed(items.last()));
    }
}

/// Nesting far past serde_json's recursion limit in an event's data: in
/// a field the console does not know it is skipped (without recursion),
/// as the whole data it is one clear error; the stream goes on either way.
#[test]
fn deeply_nested_event_data_neither_overflows_nor_stops_the_stream() {
    let deep = fuzz::deep_nesting(100_000, false);
    let text = format!(
        "event: change\ndata: {{\"seq\":4,\"type\":\"ticket\",\"id\":\"7\",\"x\":{deep}}}\n\n\
         event: change\ndata: {deep}\n\n\
         event: change\ndata: {}\n\n",
        json!({"seq": 5, "type": "ticket", "id": "8"})
    );
    let items = events(vec![text.into_bytes()]);
    assert!(
        matches!(&items[0], Ok(StreamEvent::Change(n)) if n.seq == 4),
        "{:?}",
        items[0]
    );
    assert!(
        matches!(&items[1], Err(ClientError::Decode { message })
            if message.contains("in a `change` event: invalid type: sequence")),
        "{:?}",
        items[1]
    );
    assert!(matches!(&items[2], Ok(StreamEvent::Change(n)) if n.seq == 5));
    assert!(closed(items.last()));
}

/// The same for a body: the reason names the limit.
#[test]
fn deeply_nested_body_names_the_limit() {
    let body = fuzz::deep_nesting(100_000, false);
    let e = decode::<Value>(
        "GET /v1/me",
        StatusCode::OK,
        &HeaderMap::new(),
        body.as_bytes(),
        "x",
    )
    .unwrap_err();
    assert!(
        matches!(&e, ClientError::Decode { message } if message.contains("recursion limit exceeded at line 1")),
        "{e:?}"
    );
}

/// Found by `sse_arbitrary_bytes`: a body starting with a byte order mark
/// made eventsource-stream panic (it cut one byte off the three-byte
/// char). The BOM is dropped, whole or split across chunks, and the events
/// after it arrive; a second BOM is only an unknown field name.
#[test]
fn a_leading_bom_is_dropped_not_a_panic() {
    let event = "event: change\ndata: {\"seq\":4,\"type\":\"ticket\",\"id\":\"7\"}\n\n";
    let bom = "\u{feff}".as_bytes();
    let whole = [bom, event.as_bytes()].concat();
    for cut in 0..=whole.len().min(6) {
        let items = events(vec![whole[..cut].to_vec(), whole[cut..].to_vec()]);
        assert!(
            matches!(&items[0], Ok(StreamEvent::Change(n)) if n.seq == 4),
            "cut at {cut}: {items:?}"
        );
        assert!(closed(items.last()));
    }
    for body in [bom.to_vec(), [bom, bom, event.as_bytes()].concat()] {
        let items = events(vec![body]);
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(closed(items.last()));
    }
    let items = events(vec![bom[..2].to_vec()]);
    assert!(
        matches!(&items[..], [Err(ClientError::Decode { message })] if message.contains("not valid UTF-8")),
        "{items:?}"
    );
}
