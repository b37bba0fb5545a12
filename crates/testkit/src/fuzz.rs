//! Hostile input for the decoder fuzz tests: arbitrary bytes, JSON of the
//! wrong shape (wrong types, huge numbers, deep nesting, Indic text, control
//! characters), and real answers of the reference server with one part
//! broken ([`mutated`]). The samples come from a demo server ([`samples`]),
//! so the fuzzing starts from what the server really sends.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use reqwest::Method;
use sahaya_protocol::domain::Role;
use serde_json::{Value, json};

use crate::server::TestServer;

/// Cases per property: enough to hit every mutation kind on every field of
/// a sample a few times, few enough to keep the suite fast.
pub const CASES: u32 = 300;

/// Text that tries to hurt: Indic clusters, escape sequences, C0/C1
/// controls, bidi overrides, quotes and backslashes, a NUL, long runs.
pub fn hostile_text() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        select(
            &[
                "ಕನ್ನಡ",
                "తెలుగు",
                "नेपाली",
                "क्षत्रिय",
                "👍🏽",
                "\u{1b}[2J",
                "\u{1b}]0;x\u{7}",
                "\u{9b}31m",
                "\u{0}",
                "\u{7f}",
                "\u{202e}",
                "\u{feff}",
                "\r\n",
                "\n\n",
                "\"",
                "\\",
                "data: x",
                "event: change",
                "",
            ][..]
        )
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
        (0usize..5000).prop_map(|n| "ಕ".repeat(n)),
    ];
    prop::collection::vec(piece, 0..8)
        .prop_map(|v| v.concat())
        .boxed()
}

/// Numbers at and past the edges of every integer and float type.
pub fn hostile_number() -> BoxedStrategy<Value> {
    prop_oneof![
        select(vec![
            json!(0),
            json!(-1),
            json!(i64::MIN),
            json!(i64::MAX),
            json!(u64::MAX),
            json!(1.5),
            json!(-0.0),
            json!(1e308),
            json!(-1e308),
            json!(9_007_199_254_740_993_u64),
        ]),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
    ]
    .boxed()
}

/// Any JSON value, a few levels deep.
pub fn hostile_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        hostile_number(),
        hostile_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Object keys: the protocol's own field names (so that wrong values land
/// on real fields) and a few strangers.
fn key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(
            &[
                "id", "seq", "type", "next", "latest", "has_more", "changes", "ticket", "tickets",
                "messages", "customer", "error", "code", "message", "current", "version", "status",
                "priority", "channel", "viewers", "ticket_id", "agent_id", "name", "typing",
                "items", "Subject", "Requestor", "CustomFields", "Owner", "Content",
            ][..]
        )
        .prop_map(str::to_owned),
        1 => hostile_text(),
    ]
    .boxed()
}

/// Text nested `depth` levels: past serde_json's recursion limit (128)
/// when deep enough, never past what a stack holds.
pub fn deep_nesting(depth: usize, object: bool) -> String {
    if object {
        format!("{}1{}", r#"{"id":"#.repeat(depth), "}".repeat(depth))
    } else {
        format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
    }
}

/// Placeholder swapped for raw text after serializing (see [`mutated`]).
const RAW: &str = "\u{1}sahaya-fuzz-raw\u{1}";

/// What one mutation does to the node it picks.
#[derive(Debug, Clone)]
enum Mutation {
    /// Put any JSON value there.
    Replace(Value),
    /// Drop it (a field from its object, an item from its array).
    Remove,
    /// Put raw text there that no `Value` holds: a number too big for any
    /// type, or nesting past the recursion limit.
    Raw(String),
}

fn mutation() -> BoxedStrategy<Mutation> {
    prop_oneof![
        4 => hostile_json().prop_map(Mutation::Replace),
        1 => Just(Mutation::Remove),
        1 => prop_oneof![
            Just("123456789012345678901234567890".to_string()),
            Just("-99999999999999999999".to_string()),
            Just("1e999".to_string()),
            Just("1e-999".to_string()),
            (100usize..3000, any::<bool>()).prop_map(|(d, o)| deep_nesting(d, o)),
        ]
        .prop_map(Mutation::Raw),
    ]
    .boxed()
}

/// Every JSON pointer inside `v`, the root included.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn apply(sample: &Value, pointer: &str, m: &Mutation) -> String {
    let mut v = sample.clone();
    let raw = match m {
        Mutation::Replace(new) => {
            if let Some(slot) = v.pointer_mut(pointer) {
                *slot = new.clone();
            }
            None
        }
        Mutation::Remove => {
            let (parent, last) = pointer.rsplit_once('/').unwrap_or(("", ""));
            let last = last.replace("~1", "/").replace("~0", "~");
            match v.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = last.parse::<usize>()
                        && i < items.len()
                    {
                        items.remove(i);
                    }
                }
                _ => {}
            }
            None
        }
        Mutation::Raw(text) => {
            if let Some(slot) = v.pointer_mut(pointer) {
                *slot = Value::String(RAW.to_string());
            }
            Some(text)
        }
    };
    let text = v.to_string();
    match raw {
        Some(raw) => text.replacen(&serde_json::to_string(RAW).unwrap(), raw, 1),
        None => text,
    }
}

/// `sample` as JSON text with one node replaced, removed or made
/// unrepresentable; the rest is as the server sent it.
pub fn mutated(sample: Value) -> BoxedStrategy<String> {
    let mut all = Vec::new();
    pointers(&sample, String::new(), &mut all);
    (any::<Index>(), mutation())
        .prop_map(move |(i, m)| apply(&sample, &all[i.index(all.len())], &m))
        .boxed()
}

/// A body as a hostile server might send it: arbitrary bytes, any JSON,
/// a sample with one node broken, a sample cut short, deep nesting.
pub fn hostile_body(sample: Value) -> BoxedStrategy<Vec<u8>> {
    let text = sample.to_string();
    let len = text.len();
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..512),
        2 => hostile_json().prop_map(|v| v.to_string().into_bytes()),
        6 => mutated(sample).prop_map(String::into_bytes),
        1 => (0..len.max(1)).prop_map(move |cut| text.as_bytes()[..cut.min(len)].to_vec()),
        1 => (100usize..3000, any::<bool>()).prop_map(|(d, o)| deep_nesting(d, o).into_bytes()),
    ]
    .boxed()
}

/// Real answers of a demo server, the starting points of [`mutated`].
#[derive(Debug, Clone)]
pub struct Samples {
    /// `GET /v1/changes?since=0&limit=20` (ChangesPage).
    pub changes: Value,
    /// `GET /v1/tickets?view=all&limit=5` (TicketList).
    pub tickets: Value,
    /// `GET /v1/tickets/{id}` (TicketDetail).
    pub ticket: Value,
    /// `GET /v1/customers/{id}` (CustomerDetail).
    pub customer: Value,
    /// `GET /v1/stats` (QueueStats, also the `stats` event's data).
    pub stats: Value,
    /// `GET /v1/me`.
    pub me: Value,
    /// A 412 answer: the error body with the current ticket.
    pub conflict: Value,
    /// A 404 answer: the plain error body.
    pub error: Value,
}

/// Reads [`Samples`] from `server` (a demo server).
pub async fn samples(server: &TestServer) -> Samples {
    let tickets = server
        .get("/v1/tickets?view=all&limit=5", Role::Agent)
        .await;
    let first = &tickets["tickets"][0];
    let id = first["id"].as_i64().expect("a demo ticket");
    let customer_id = first["customer_id"].as_i64().expect("its customer");
    let ticket = server.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    let stale = server
        .req(Method::PATCH, &format!("/v1/tickets/{id}"), Role::Agent)
        .header("If-Match", "\"0\"")
        .json(&json!({"priority": "high"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(stale.status(), 412);
    let conflict = stale.json().await.expect("412 body");
    let missing = server
        .req(Method::GET, "/v1/tickets/999999999", Role::Agent)
        .send()
        .await
        .expect("get");
    assert_eq!(missing.status(), 404);
    let error = missing.json().await.expect("404 body");
    Samples {
        changes: server
            .get("/v1/changes?since=0&limit=20", Role::Agent)
            .await,
        tickets,
        ticket,
        customer: server
            .get(&format!("/v1/customers/{customer_id}"), Role::Agent)
            .await,
        stats: server.get("/v1/stats", Role::Supervisor).await,
        me: server.get("/v1/me", Role::Agent).await,
        conflict,
        error,
    }
}

/// [`Samples`] of one demo server started on a runtime of its own, read
/// once per test binary.
pub fn shared_samples() -> &'static Samples {
    static SAMPLES: std::sync::OnceLock<Samples> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let server = crate::server::demo_server().await;
            samples(&server).await
        })
    })
}
