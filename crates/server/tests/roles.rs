//! Every route × every kind of caller, as one table: the route's roles (in
//! `sahaya_server::access::ROUTES`, published as `x-roles`) get past the role
//! check, other valid tokens get 403, no token or a bad one 401. A route
//! missing from the table fails `openapi.rs`; a row without a sample request
//! here fails this test — so a new route cannot ship without its roles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reqwest::Method;
use sahaya_protocol::domain::Role;
use sahaya_server::access::{Access, ROUTES};
use sahaya_testkit::server::{TestServer, demo_server};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy)]
enum Caller {
    Role(Role),
    NoToken,
    BadToken,
}

const CALLERS: [Caller; 5] = [
    Caller::Role(Role::Agent),
    Caller::Role(Role::Supervisor),
    Caller::Role(Role::Integration),
    Caller::NoToken,
    Caller::BadToken,
];

/// A well-formed request for the route (ids of the demo world), so the only
/// reason to refuse it is who sends it. Body errors come before the role
/// check (docs/api.md, "Order of checks"), hence real bodies.
fn sample(method: &str, path: &str) -> (String, Option<Value>) {
    let (url, body) = match (method, path) {
        ("GET", "/v1/me" | "/v1/changes" | "/v1/macros" | "/v1/agents" | "/v1/stats") => {
            (path.to_string(), None)
        }
        ("GET", "/v1/openapi.json") => (path.to_string(), None),
        ("GET", "/v1/events") => ("/v1/events?since=0".into(), None),
        ("GET", "/v1/tickets") => ("/v1/tickets?view=all&limit=1".into(), None),
        ("POST", "/v1/tickets") => (
            path.into(),
            Some(
                json!({"customer_id": 1, "channel": "whatsapp", "subject": "Role table",
                        "body": "A notice from the role table"}),
            ),
        ),
        ("GET", "/v1/tickets/{id}") => ("/v1/tickets/1".into(), None),
        ("PATCH", "/v1/tickets/{id}") => ("/v1/tickets/1".into(), Some(json!({"tags": ["roles"]}))),
        ("POST", "/v1/tickets/{id}/messages") => (
            "/v1/tickets/1/messages".into(),
            Some(json!({"kind": "note", "body": "role table"})),
        ),
        ("POST", "/v1/tickets/{id}/merge") => (
            "/v1/tickets/1/merge".into(),
            Some(json!({"into": 2, "version": 0, "into_version": 0})),
        ),
        ("GET", "/v1/customers/{id}") => ("/v1/customers/1".into(), None),
        ("POST", "/v1/orders/{id}/actions") => (
            "/v1/orders/SH-1001/actions".into(),
            Some(json!({"kind": "return", "reason": "role table"})),
        ),
        ("POST", "/v1/macros") => (
            path.into(),
            Some(json!({"name": "Role table", "language": "en", "body": "Hello"})),
        ),
        ("PUT", "/v1/macros/{id}") => (
            "/v1/macros/1".into(),
            Some(json!({"name": "Role table", "language": "en", "body": "Hello"})),
        ),
        ("DELETE", "/v1/macros/{id}") => ("/v1/macros/2".into(), None),
        ("PUT", "/v1/presence") => (path.into(), Some(json!({"ticket_id": null}))),
        ("POST", "/v1/inbound") => (
            path.into(),
            Some(json!({"channel": "whatsapp", "from": "+910000000001", "body": "role table"})),
        ),
        ("GET", "/v1/outbound") => ("/v1/outbound?channel=whatsapp".into(), None),
        ("POST", "/v1/messages/{id}/receipts") => (
            "/v1/messages/1/receipts".into(),
            Some(json!({"attempt": 1, "status": "delivered"})),
        ),
        ("POST", "/v1/messages/{id}/resend") => ("/v1/messages/1/resend".into(), Some(json!({}))),
        ("POST", "/v1/surveys") => (
            path.into(),
            Some(json!({"ticket_id": 1, "kind": "csat", "score": 5})),
        ),
        ("POST", "/v1/attachments") => ("/v1/attachments?name=roles.txt".into(), None),
        ("GET", "/v1/attachments/{id}") => ("/v1/attachments/1".into(), None),
        _ => panic!(
            "{method} {path} has no sample request in tests/roles.rs: add one, and its roles to access::ROUTES"
        ),
    };
    (url, body)
}

/// Status, error code and message (if any) of `method path` sent by `caller`.
async fn send(
    s: &TestServer,
    method: &str,
    path: &str,
    caller: Caller,
) -> (u16, Option<String>, String) {
    let (url, body) = sample(method, path);
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = s
        .http
        .request(method, s.url(&url))
        .header(
            "idempotency-key",
            format!("roles-{}", rand::random::<u64>()),
        )
        .header("if-match", "1");
    req = match caller {
        Caller::Role(role) => req.bearer_auth(s.token(role)),
        Caller::NoToken => req,
        Caller::BadToken => req.bearer_auth(format!("sh_{}", "0".repeat(40))),
    };
    req = match body {
        Some(body) => req.json(&body),
        None if path == "/v1/attachments" => req.body("some file"),
        None => req,
    };
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let is_json = resp
        .headers()
        .get("content-type")
        .is_some_and(|v| v.to_str().unwrap_or("").starts_with("application/json"));
    // The SSE stream never ends: only its status line is read.
    if is_json && status >= 400 {
        let body: Value = resp.json().await.unwrap();
        let code = body["error"]["code"].as_str().map(str::to_string);
        let message = body["error"]["message"].as_str().unwrap_or("").to_string();
        return (status, code, message);
    }
    (status, None, String::new())
}

#[tokio::test]
async fn every_route_with_every_caller_is_allowed_or_refused_as_the_table_says() {
    let s = demo_server().await;
    let mut wrong = Vec::new();
    let mut checked = 0;
    for route in ROUTES {
        for caller in CALLERS {
            let (status, code, message) = send(&s, route.method, route.path, caller).await;
            let expected_refusal = match (route.access, caller) {
                (Access::Public, _) => None,
                (_, Caller::NoToken | Caller::BadToken) => Some((401, "unauthorized")),
                (access, Caller::Role(role)) if access.allows(role) => None,
                (_, Caller::Role(_)) => Some((403, "forbidden")),
            };
            let ok = match expected_refusal {
                Some((want, want_code)) => status == want && code.as_deref() == Some(want_code),
                // Allowed: past authentication and the role check, and the
                // route exists (not the fallback's 404 or a 405).
                None => {
                    let fallback = status == 404 && message.starts_with("no such endpoint");
                    !(matches!(status, 401 | 403 | 405) || fallback)
                }
            };
            if !ok {
                wrong.push(format!(
                    "{} {} as {caller:?}: got {status} {code:?}, want {}",
                    route.method,
                    route.path,
                    match expected_refusal {
                        Some((s, c)) => format!("{s} {c}"),
                        None => "allowed".into(),
                    }
                ));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, ROUTES.len() * CALLERS.len());
    assert!(
        wrong.is_empty(),
        "{} of {checked}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
