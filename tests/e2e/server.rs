//! The reference server over real HTTP on loopback.
use sahaya_testkit::server as common;

use std::time::Duration;

use common::{bare_server, demo_server, error_code, refused};
use eventsource_stream::Event;
use futures::{Stream, StreamExt};
use reqwest::Method;
use sahaya::domain::Role;
use serde_json::{Value, json};

#[tokio::test]
async fn auth_is_required_and_me_answers() {
    let s = bare_server().await;
    let resp = s.http.get(s.url("/v1/me")).send().await.unwrap();
    assert_eq!(resp.headers().get("www-authenticate").unwrap(), "Bearer");
    let (status, code, _) = error_code(resp).await;
    assert_eq!((status, code.as_str()), (401, "unauthorized"));

    assert_eq!(
        refused(s.http.get(s.url("/v1/tickets")).bearer_auth("sh_nope"))
            .await
            .0,
        401
    );
    assert_eq!(
        refused(
            s.http
                .get(s.url("/v1/changes"))
                .header("authorization", "Basic abc")
        )
        .await
        .0,
        401
    );

    let me = s.get("/v1/me", Role::Agent).await;
    assert_eq!(me["agent"]["role"], "agent");
    assert!(me["latest_seq"].as_i64().is_some());
}

#[tokio::test]
async fn roles_are_enforced() {
    let s = bare_server().await;
    for (method, path, role) in [
        (Method::GET, "/v1/stats", Role::Agent),
        (Method::GET, "/v1/tickets", Role::Integration),
        (Method::GET, "/v1/events", Role::Integration),
    ] {
        let (status, _, _) = refused(s.req(method.clone(), path, role)).await;
        assert_eq!(status, 403, "{method} {path} as {role:?}");
    }
    let inbound = s
        .req(Method::POST, "/v1/inbound", Role::Agent)
        .json(&json!({"channel":"email","from":"a@b.in","body":"hi"}));
    assert_eq!(refused(inbound).await.0, 403);
    let stats = s.get("/v1/stats", Role::Supervisor).await;
    assert!(stats["views"]["open"].as_i64().is_some());
}

#[tokio::test]
async fn inbound_opens_then_appends_and_reopens() {
    let s = bare_server().await;
    let first = s.inbound("+919800000001", "ನನ್ನ ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿದೆ?").await;
    assert_eq!(first["created"], true);
    let id = first["ticket"]["id"].as_i64().unwrap();
    assert_eq!(first["ticket"]["status"], "new");
    let second = s.inbound("+919800000001", "please check 🙏").await;
    assert_eq!(second["created"], false);
    assert_eq!(second["ticket"]["id"].as_i64().unwrap(), id);
    // A different sender opens another ticket.
    let other = s.inbound("+977980000000", "अर्डर अझै आएन").await;
    assert_ne!(other["ticket"]["id"].as_i64().unwrap(), id);

    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    let kinds: Vec<&str> = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["customer", "customer"]);
    assert_eq!(detail["messages"][0]["body"], "ನನ್ನ ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿದೆ?");
    assert_eq!(detail["ticket"]["message_count"], 2);

    // Solved, then the customer writes again: reopened.
    let version = detail["ticket"]["version"].as_i64().unwrap();
    let resp = s
        .req(Method::PATCH, &format!("/v1/tickets/{id}"), Role::Agent)
        .header("if-match", version.to_string())
        .json(&json!({"status": "solved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let again = s.inbound("+919800000001", "still not here").await;
    assert_eq!(again["ticket"]["id"].as_i64().unwrap(), id);
    assert_eq!(again["ticket"]["status"], "open");
}

async fn post_reply(
    s: &common::TestServer,
    id: i64,
    key: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let mut req = s
        .req(
            Method::POST,
            &format!("/v1/tickets/{id}/messages"),
            Role::Agent,
        )
        .json(body);
    if let Some(key) = key {
        req = req.header("Idempotency-Key", key);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn replies_are_idempotent() {
    let s = bare_server().await;
    let id = s.inbound("c@example.in", "UPI debited twice").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let body = json!({"kind": "reply", "body": "ಕ್ಷಮಿಸಿ, ಹಣ 3 ದಿನಗಳಲ್ಲಿ ವಾಪಸ್ ಬರುತ್ತದೆ."});
    let mut answers = Vec::new();
    for _ in 0..3 {
        let resp = post_reply(&s, id, Some("key-1"), &body).await;
        assert_eq!(resp.status(), 201);
        answers.push(resp.json::<Value>().await.unwrap());
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[1], answers[2]);
    let replies = s.count_messages(id, |m| m["kind"] == "reply").await;
    assert_eq!(replies, 1, "three identical POSTs make one message");
    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    assert_eq!(
        detail["ticket"]["status"], "open",
        "first reply opens a new ticket"
    );
    assert!(detail["ticket"]["sla"]["first_responded_at"].is_string());

    // The same key with another body is refused.
    let resp = post_reply(
        &s,
        id,
        Some("key-1"),
        &json!({"kind": "reply", "body": "other"}),
    )
    .await;
    let (status, code, _) = error_code(resp).await;
    assert_eq!((status, code.as_str()), (422, "idempotency_key_reused"));
    // No key at all.
    let resp = post_reply(&s, id, None, &body).await;
    let (status, code, _) = error_code(resp).await;
    assert_eq!((status, code.as_str()), (400, "missing_idempotency_key"));
    // Notes are internal.
    let resp = post_reply(
        &s,
        id,
        Some("key-2"),
        &json!({"kind": "note", "body": "checked with courier"}),
    )
    .await;
    let created: Value = resp.json().await.unwrap();
    assert_eq!(created["message"]["delivery"], "internal");
    // Agents cannot fake customer messages; empty bodies are refused.
    let resp = post_reply(
        &s,
        id,
        Some("key-3"),
        &json!({"kind": "customer", "body": "x"}),
    )
    .await;
    assert_eq!(error_code(resp).await.0, 422);
    let resp = post_reply(
        &s,
        id,
        Some("key-4"),
        &json!({"kind": "reply", "body": "  "}),
    )
    .await;
    assert_eq!(error_code(resp).await.1, "empty_body");
}

#[tokio::test]
async fn stale_if_match_gets_412_with_current_ticket() {
    let s = bare_server().await;
    let created = s.inbound("d@example.in", "wrong size delivered");
    let created = created.await;
    let id = created["ticket"]["id"].as_i64().unwrap();
    let v = created["ticket"]["version"].as_i64().unwrap();
    let patch = |version: Option<i64>, body: Value| {
        let mut req = s
            .req(Method::PATCH, &format!("/v1/tickets/{id}"), Role::Agent)
            .json(&body);
        if let Some(v) = version {
            req = req.header("If-Match", format!("\"{v}\""));
        }
        req.send()
    };
    let resp = patch(
        Some(v),
        json!({"priority": "high", "tags": ["Wrong Size", "wrong-size", "vip"]}),
    )
    .await
    .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers().get("etag").unwrap(),
        &format!("\"{}\"", v + 1)
    );
    let updated: Value = resp.json().await.unwrap();
    assert_eq!(updated["tags"], json!(["wrong-size", "vip"]));
    assert_eq!(updated["version"].as_i64().unwrap(), v + 1);

    // A second writer still holding version v loses.
    let resp = patch(Some(v), json!({"status": "pending"})).await.unwrap();
    let (status, code, body) = error_code(resp).await;
    assert_eq!((status, code.as_str()), (412, "version_conflict"));
    assert_eq!(body["current"]["priority"], "high");
    assert_eq!(body["current"]["version"].as_i64().unwrap(), v + 1);

    let resp = patch(None, json!({"status": "pending"})).await.unwrap();
    assert_eq!(error_code(resp).await.0, 428);
    // Assign to an agent that exists, unassign with null, refuse unknown agents.
    let me = s.get("/v1/me", Role::Agent).await;
    let my_id = me["agent"]["id"].as_i64().unwrap();
    let resp = patch(Some(v + 1), json!({"assignee_id": my_id}))
        .await
        .unwrap();
    assert_eq!(
        resp.json::<Value>().await.unwrap()["assignee_id"].as_i64(),
        Some(my_id)
    );
    let resp = patch(Some(v + 2), json!({"assignee_id": null}))
        .await
        .unwrap();
    assert!(resp.json::<Value>().await.unwrap()["assignee_id"].is_null());
    let resp = patch(Some(v + 3), json!({"assignee_id": 999}))
        .await
        .unwrap();
    assert_eq!(error_code(resp).await.1, "unknown_agent");
    let resp = patch(Some(v + 3), json!({"status": "bogus"}))
        .await
        .unwrap();
    assert_eq!(error_code(resp).await.0, 400);
}

#[tokio::test]
async fn change_feed_is_ordered_and_paged() {
    let s = demo_server().await;
    for i in 0..30 {
        s.inbound(&format!("feed{i}@example.in"), &format!("message {i}"))
            .await;
    }
    let mut since = 0;
    let mut seen = std::collections::HashSet::new();
    let mut last_seq = 0;
    let mut pages = 0;
    loop {
        let page = s
            .get(&format!("/v1/changes?since={since}&limit=37"), Role::Agent)
            .await;
        pages += 1;
        for change in page["changes"].as_array().unwrap() {
            let seq = change["seq"].as_i64().unwrap();
            assert!(seq > last_seq, "strictly increasing seq");
            last_seq = seq;
            let key = format!("{}:{}", change["type"], change["data"]["id"]);
            assert!(seen.insert(key), "each entity once");
        }
        since = page["next"].as_i64().unwrap();
        if !page["has_more"].as_bool().unwrap() {
            assert_eq!(since, page["latest"].as_i64().unwrap());
            break;
        }
        assert!(page["changes"].as_array().unwrap().len() <= 37);
    }
    assert!(pages > 2, "paged");
    assert!(seen.iter().filter(|k| k.starts_with("\"ticket\"")).count() >= 30);

    // Nothing new: empty page. Then one change: exactly that entity.
    let page = s
        .get(&format!("/v1/changes?since={since}"), Role::Agent)
        .await;
    assert!(page["changes"].as_array().unwrap().is_empty());
    let created = s.inbound("feed0@example.in", "again").await;
    let page = s
        .get(&format!("/v1/changes?since={since}"), Role::Agent)
        .await;
    let types: Vec<&str> = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["message", "ticket"]);
    assert_eq!(page["changes"][1]["data"], created["ticket"]);

    assert_eq!(
        refused(s.req(Method::GET, "/v1/changes?since=abc", Role::Agent))
            .await
            .0,
        400
    );
    assert_eq!(
        refused(s.req(Method::GET, "/v1/changes?limit=0", Role::Agent))
            .await
            .0,
        400
    );
}

/// Reads SSE events until `n` change events arrived (or times out).
async fn read_changes(resp: reqwest::Response, n: usize) -> Vec<(String, Value)> {
    let mut events = eventsource_stream::EventStream::new(resp.bytes_stream());
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while out.len() < n {
        let next = tokio::time::timeout_at(deadline, events.next())
            .await
            .expect("events in time");
        let event = next.expect("stream open").expect("valid event");
        if event.event == "change" {
            out.push((event.id, serde_json::from_str(&event.data).unwrap()));
        }
    }
    out
}

#[tokio::test]
async fn events_stream_changes_and_resume_with_last_event_id() {
    let s = bare_server().await;
    let resp = s
        .req(Method::GET, "/v1/events", Role::Agent)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let created = s.inbound("sse@example.in", "hello").await;
    let got = read_changes(resp, 3).await;
    let kinds: Vec<&str> = got
        .iter()
        .map(|(_, v)| v["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["customer", "message", "ticket"]);
    assert_eq!(
        got[2].1["id"],
        created["ticket"]["id"].as_i64().unwrap().to_string()
    );
    let last_id: i64 = got[2].0.parse().unwrap();
    assert_eq!(got[2].1["seq"].as_i64().unwrap(), last_id);

    // Disconnected; two more messages arrive; resume from the last id.
    for body in ["missed one", "missed two"] {
        s.inbound("sse@example.in", body).await;
    }
    let resp = s
        .req(Method::GET, "/v1/events", Role::Agent)
        .header("Last-Event-ID", last_id.to_string())
        .send()
        .await
        .unwrap();
    let got = read_changes(resp, 3).await;
    let ids: Vec<i64> = got.iter().map(|(id, _)| id.parse().unwrap()).collect();
    assert!(ids.iter().all(|id| *id > last_id));
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    let kinds: Vec<&str> = got
        .iter()
        .map(|(_, v)| v["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["message", "message", "ticket"],
        "latest change per entity, in order"
    );

    assert_eq!(
        refused(
            s.req(Method::GET, "/v1/events", Role::Agent)
                .header("Last-Event-ID", "garbage")
        )
        .await
        .0,
        400
    );
}

/// The server's event stream, as `role`.
async fn event_stream(
    s: &common::TestServer,
    role: Role,
) -> impl Stream<Item = Result<Event, impl std::fmt::Debug>> + Unpin {
    let resp = s.req(Method::GET, "/v1/events", role).send().await.unwrap();
    eventsource_stream::EventStream::new(resp.bytes_stream())
}

/// Reads `events` until one named `name` whose data `accept` takes (10 s at
/// most): that data.
async fn next_event(
    events: &mut (impl Stream<Item = Result<Event, impl std::fmt::Debug>> + Unpin),
    name: &str,
    accept: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let event = tokio::time::timeout_at(deadline, events.next())
            .await
            .expect("events in time")
            .expect("stream open")
            .expect("valid event");
        if event.event == name {
            let data: Value = serde_json::from_str(&event.data).unwrap();
            if accept(&data) {
                return data;
            }
        }
    }
}

#[tokio::test]
async fn supervisors_get_stats_events() {
    let s = bare_server().await;
    let mut events = event_stream(&s, Role::Supervisor).await;
    let first = tokio::time::timeout(Duration::from_secs(5), events.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(first.event, "stats");
    let stats: Value = serde_json::from_str(&first.data).unwrap();
    assert_eq!(stats["views"]["unassigned"], 0);
    s.inbound("stats@example.in", "new one").await;
    let stats = next_event(&mut events, "stats", |s| s["views"]["unassigned"] == 1).await;
    assert_eq!(stats["by_channel"]["whatsapp"], 1);
}

#[tokio::test]
async fn malformed_and_oversized_requests_get_json_errors() {
    let s = bare_server().await;
    let id = s.inbound("m@example.in", "hi").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let path = format!("/v1/tickets/{id}/messages");
    let (status, code, _) = refused(
        s.req(Method::POST, &path, Role::Agent)
            .header("Idempotency-Key", "k")
            .header("content-type", "application/json")
            .body("{\"kind\": \"reply\", \"body\": "),
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "malformed_json"));
    assert_eq!(
        refused(
            s.req(Method::POST, &path, Role::Agent)
                .header("Idempotency-Key", "k")
                .json(&json!({"kind": "reply", "body": "x", "extra": 1}))
        )
        .await
        .0,
        400
    );
    let huge = "x".repeat(300 * 1024);
    let (status, code, _) = refused(
        s.req(Method::POST, &path, Role::Agent)
            .header("Idempotency-Key", "k")
            .json(&json!({"kind": "reply", "body": huge})),
    )
    .await;
    assert_eq!((status, code.as_str()), (413, "body_too_large"));
    for (method, path, status) in [
        (Method::GET, "/v1/nope", 404),
        (Method::DELETE, "/v1/tickets/1", 405),
        (Method::GET, "/v1/tickets/99999", 404),
    ] {
        let (got, _, _) = refused(s.req(method.clone(), path, Role::Agent)).await;
        assert_eq!(got, status, "{method} {path}");
    }
    for (path, code) in [
        ("/v1/tickets/abc", "bad_id"),
        ("/v1/tickets?view=everything", "bad_view"),
    ] {
        let (_, got, _) = refused(s.req(Method::GET, path, Role::Agent)).await;
        assert_eq!(got, code, "GET {path}");
    }
    // The server is still fine.
    s.get("/v1/me", Role::Agent).await;
}

#[tokio::test]
async fn presence_shows_who_else_is_on_a_ticket() {
    let s = bare_server().await;
    let id = s.inbound("p@example.in", "hello").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let ravi = s.server.add_account("ravi", Role::Agent).unwrap();
    // The agent follows the stream; Ravi opens the ticket and types.
    let mut events = event_stream(&s, Role::Agent).await;
    let put = s
        .http
        .put(s.url("/v1/presence"))
        .bearer_auth(&ravi.token)
        .json(&json!({"ticket_id": id, "typing": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    let notice = next_event(&mut events, "presence", |_| true).await;
    assert_eq!(notice["ticket_id"].as_i64(), Some(id));
    assert_eq!(notice["viewers"][0]["name"], "ravi");
    assert_eq!(notice["viewers"][0]["typing"], true);
    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    assert_eq!(detail["viewers"][0]["name"], "ravi");
    // Ravi does not see himself.
    let own = s
        .http
        .get(s.url(&format!("/v1/tickets/{id}")))
        .bearer_auth(&ravi.token)
        .send()
        .await
        .unwrap();
    assert!(
        own.json::<Value>().await.unwrap()["viewers"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Ravi leaves.
    s.http
        .put(s.url("/v1/presence"))
        .bearer_auth(&ravi.token)
        .json(&json!({"ticket_id": null}))
        .send()
        .await
        .unwrap();
    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    assert!(detail["viewers"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_keyed_patch_replayed_after_a_lost_answer_is_not_a_conflict() {
    let s = bare_server().await;
    let created = s.inbound("k@example.in", "size exchange please").await;
    let id = created["ticket"]["id"].as_i64().unwrap();
    let v = created["ticket"]["version"].as_i64().unwrap();
    let send = |key: &'static str, body: Value| {
        s.req(Method::PATCH, &format!("/v1/tickets/{id}"), Role::Agent)
            .header("If-Match", v.to_string())
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
    };
    let first = send("patch-1", json!({"status": "pending"})).await.unwrap();
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    // The answer was lost; the client retries with the same key and version.
    let again = send("patch-1", json!({"status": "pending"})).await.unwrap();
    assert_eq!(again.status(), 200);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), first);
    // A new key on the stale version is still a conflict.
    let other = send("patch-2", json!({"status": "open"})).await.unwrap();
    assert_eq!(error_code(other).await.0, 412);
}
