//! Merging tickets over real HTTP on loopback (`POST /v1/tickets/{id}/merge`):
//! messages, customer links and tags move, the merged ticket is closed with
//! its pointer, both threads say so, a retry under the same key changes
//! nothing, both tickets reach the change feed and the event stream; a
//! change to either ticket meanwhile is a 409 with the ticket now; the
//! rules' refusals each have their code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::time::Duration;

use futures::StreamExt;
use reqwest::Method;
use sahaya_protocol::domain::{Role, Status, Ticket};
use sahaya_protocol::wire::{TicketList, TicketMerged, merged_into};
use sahaya_testkit::server::{TestServer, demo_server, error_code};
use serde_json::{Value, json};

async fn merge(s: &TestServer, id: i64, body: Value, key: &str) -> reqwest::Response {
    s.req(
        Method::POST,
        &format!("/v1/tickets/{id}/merge"),
        Role::Agent,
    )
    .header("idempotency-key", key)
    .json(&body)
    .send()
    .await
    .unwrap()
}

async fn ticket(s: &TestServer, id: i64) -> Ticket {
    serde_json::from_value(s.get(&format!("/v1/tickets/{id}"), Role::Agent).await["ticket"].clone())
        .unwrap()
}

async fn all_tickets(s: &TestServer) -> Vec<Ticket> {
    let list: TicketList =
        serde_json::from_value(s.get("/v1/tickets?view=all&limit=1000", Role::Agent).await)
            .unwrap();
    list.tickets
}

/// Customers with at least `n` tickets that are not closed, with those.
async fn customers_with_open(s: &TestServer, n: usize) -> Vec<Vec<Ticket>> {
    let mut by_customer: BTreeMap<i64, Vec<Ticket>> = BTreeMap::new();
    for t in all_tickets(s).await {
        if t.status != Status::Closed {
            by_customer.entry(t.customer_id).or_default().push(t);
        }
    }
    by_customer.into_values().filter(|v| v.len() >= n).collect()
}

fn body(from: &Ticket, into: &Ticket) -> Value {
    json!({"into": into.id, "version": from.version, "into_version": into.version})
}

/// Reads change events until every id in `want` was seen as a ticket.
async fn tickets_seen(resp: reqwest::Response, want: &[i64]) -> Vec<i64> {
    let mut events = eventsource_stream::EventStream::new(resp.bytes_stream());
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !want.iter().all(|w| seen.contains(w)) {
        let next = tokio::time::timeout_at(deadline, events.next())
            .await
            .expect("events in time");
        let event = next.expect("stream open").expect("valid event");
        if event.event == "change" {
            let v: Value = serde_json::from_str(&event.data).unwrap();
            if v["type"] == "ticket" {
                seen.push(v["id"].as_str().unwrap().parse().unwrap());
            }
        }
    }
    seen
}

#[tokio::test]
async fn a_merge_moves_messages_links_and_tags_and_closes_with_a_pointer() {
    let s = demo_server().await;
    let pair = customers_with_open(&s, 2).await.remove(0);
    let (from, into) = (pair[0].clone(), pair[1].clone());
    let from_messages = s.count_messages(from.id, |_| true).await;
    let into_messages = s.count_messages(into.id, |_| true).await;
    let seq = s.get("/v1/me", Role::Agent).await["latest_seq"]
        .as_i64()
        .unwrap();
    let stream = s
        .req(Method::GET, "/v1/events", Role::Agent)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);

    let resp = merge(&s, from.id, body(&from, &into), "merge-1").await;
    assert_eq!(resp.status(), 200);
    let merged: TicketMerged = resp.json().await.unwrap();
    assert_eq!(merged.ticket.status, Status::Closed);
    assert_eq!(merged_into(&merged.ticket), Some(into.id));
    assert!(merged.ticket.tags.contains(&"merged".to_string()));
    assert_eq!(
        merged.into.version,
        into.version + 1,
        "one step for the target"
    );
    for tag in &from.tags {
        assert!(merged.into.tags.contains(tag), "tag {tag} moved");
    }
    // Every message moved, and each thread has a note saying so.
    assert_eq!(
        s.count_messages(into.id, |_| true).await,
        into_messages + from_messages + 1
    );
    let note = |m: &Value| m["kind"] == "note" && m["body"].as_str().unwrap().contains("erged");
    assert_eq!(s.count_messages(into.id, note).await, 1);
    assert_eq!(s.count_messages(from.id, |_| true).await, 1);
    assert_eq!(s.count_messages(from.id, note).await, 1);
    let now = ticket(&s, into.id).await;
    assert_eq!(
        now.message_count,
        (into_messages + from_messages + 1) as i64
    );
    if into.order_id.is_none() {
        assert_eq!(now.order_id, from.order_id, "the order link moved");
    }

    // The same key again: the first answer, nothing changed twice.
    let resp = merge(&s, from.id, body(&from, &into), "merge-1").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["idempotent-replayed"], "true");
    let again: TicketMerged = resp.json().await.unwrap();
    assert_eq!(again, merged);
    assert_eq!(ticket(&s, into.id).await.version, merged.into.version);

    // Watchers of either ticket see it: the feed and the stream.
    let page = s
        .get(&format!("/v1/changes?since={seq}"), Role::Agent)
        .await;
    let changed: Vec<(String, String)> = page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["type"].as_str().unwrap().to_string(),
                c["data"]["id"].to_string(),
            )
        })
        .collect();
    for id in [from.id, into.id] {
        assert!(
            changed.contains(&("ticket".into(), id.to_string())),
            "{changed:?}"
        );
    }
    let moved = changed.iter().filter(|(k, _)| k == "message").count();
    assert_eq!(moved, from_messages + 2, "moved messages and the two notes");
    let seen = tickets_seen(stream, &[from.id, into.id]).await;
    assert!(seen.contains(&from.id) && seen.contains(&into.id));

    // Merged away: merging it again, or into it, is refused with the pointer.
    let fresh = ticket(&s, from.id).await;
    let target = ticket(&s, into.id).await;
    let (status, code, _) =
        error_code(merge(&s, fresh.id, body(&fresh, &target), "merge-2").await).await;
    assert_eq!((status, code.as_str()), (422, "already_merged"));
    let (status, code, e) =
        error_code(merge(&s, target.id, body(&target, &fresh), "merge-3").await).await;
    assert_eq!((status, code.as_str()), (422, "target_merged"));
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&target.id.to_string())
    );
}

#[tokio::test]
async fn a_change_to_either_ticket_meanwhile_is_a_409_and_nothing_moves() {
    let s = demo_server().await;
    let pair = customers_with_open(&s, 2).await.remove(0);
    let (from, into) = (pair[0].clone(), pair[1].clone());
    let before = s.count_messages(from.id, |_| true).await;
    for (which, changed) in [("target", into.id), ("merged", from.id)] {
        let now = ticket(&s, changed).await;
        let resp = s
            .req(
                Method::PATCH,
                &format!("/v1/tickets/{changed}"),
                Role::Supervisor,
            )
            .header("if-match", now.version.to_string())
            .json(&json!({"tags": [format!("changed-{which}")]}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        let resp = merge(&s, from.id, body(&from, &into), &format!("stale-{which}")).await;
        let (status, code, e) = error_code(resp).await;
        assert_eq!((status, code.as_str()), (409, "merge_conflict"), "{which}");
        let current: Ticket = serde_json::from_value(e["current"].clone()).unwrap();
        assert_eq!(current.id, changed);
        assert_eq!(current.version, now.version + 1);
    }
    assert_eq!(s.count_messages(from.id, |_| true).await, before);
    assert_ne!(ticket(&s, from.id).await.status, Status::Closed);
    // Based on what is there now, under the same key, it goes through.
    let (from, into) = (ticket(&s, from.id).await, ticket(&s, into.id).await);
    let resp = merge(&s, from.id, body(&from, &into), "stale-merged").await;
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn the_rules_refuse_with_their_codes() {
    let s = demo_server().await;
    let pair = customers_with_open(&s, 2).await.remove(0);
    let a = pair[0].clone();
    let all = all_tickets(&s).await;
    let other_customer = all
        .iter()
        .find(|t| t.customer_id != a.customer_id && t.status != Status::Closed)
        .unwrap();
    let closed_same = all
        .iter()
        .find(|t| t.customer_id == a.customer_id && t.status == Status::Closed);
    let cases: Vec<(Value, u16, &str)> = {
        let mut v = vec![
            (body(&a, &a), 422, "merge_into_itself"),
            (body(&a, other_customer), 422, "wrong_customer"),
            (
                json!({"into": 999_999, "version": a.version, "into_version": 0}),
                422,
                "unknown_ticket",
            ),
            (json!({"into": "x"}), 400, "malformed_json"),
        ];
        if let Some(closed) = closed_same {
            v.push((body(&a, closed), 422, "target_closed"));
        }
        v
    };
    for (i, (req, want_status, want_code)) in cases.into_iter().enumerate() {
        let resp = merge(&s, a.id, req, &format!("rule-{i}")).await;
        let (status, code, _) = error_code(resp).await;
        assert_eq!((status, code.as_str()), (want_status, want_code));
    }
    let resp = s
        .req(Method::POST, "/v1/tickets/999999/merge", Role::Agent)
        .header("idempotency-key", "missing")
        .json(&body(&a, &pair[1]))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await.0, 404);
    // A closed target of the same customer, made here when the demo has none.
    let b = pair[1].clone();
    let resp = s
        .req(Method::PATCH, &format!("/v1/tickets/{}", b.id), Role::Agent)
        .header("if-match", b.version.to_string())
        .json(&json!({"status": "closed"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let b = ticket(&s, b.id).await;
    let (status, code, _) = error_code(merge(&s, a.id, body(&a, &b), "closed").await).await;
    assert_eq!((status, code.as_str()), (422, "target_closed"));
    // Without a key: refused, nothing merged.
    let resp = s
        .req(
            Method::POST,
            &format!("/v1/tickets/{}/merge", a.id),
            Role::Agent,
        )
        .json(&body(&a, &b))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await.1, "missing_idempotency_key");
    // Integration accounts may not merge.
    let resp = s
        .req(
            Method::POST,
            &format!("/v1/tickets/{}/merge", a.id),
            Role::Integration,
        )
        .header("idempotency-key", "bridge")
        .json(&body(&a, &b))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await.1, "forbidden");
}
