//! Two servers on one PostgreSQL database: a write on either reaches the
//! SSE clients of both, each change once and in sequence order with no
//! gaps; an idempotency key replayed on the other server gets the first
//! answer; presence reported to one is seen on the other.
use std::collections::BTreeSet;
use std::time::Duration;

use eventsource_stream::Event;
use futures::{Stream, StreamExt};
use reqwest::{Client, Method};
use sahaya::domain::Role;
use sahaya::server::{ServeOptions, start};
use sahaya_testkit::server::TestServer;
use serde_json::{Value, json};

async fn instance(url: &str) -> TestServer {
    let server = start(ServeOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        postgres: Some(url.to_string()),
        ..Default::default()
    })
    .await
    .expect("server starts on PostgreSQL");
    TestServer {
        server,
        http: Client::new(),
    }
}

type Events = std::pin::Pin<Box<dyn Stream<Item = Result<Event, String>> + Send>>;

/// The event stream of `s` from after change `since`.
async fn events(s: &TestServer, since: i64) -> Events {
    let resp = s
        .req(
            Method::GET,
            &format!("/v1/events?since={since}"),
            Role::Agent,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    Box::pin(
        eventsource_stream::EventStream::new(resp.bytes_stream())
            .map(|e| e.map_err(|e| e.to_string())),
    )
}

/// The sequence numbers of the `change` events until `last` (20 s at most).
async fn seqs_until(stream: &mut Events, last: i64) -> Vec<i64> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let mut seqs = Vec::new();
    while seqs.last().is_none_or(|s| *s < last) {
        let event = tokio::time::timeout_at(deadline, stream.next())
            .await
            .unwrap_or_else(|_| panic!("changes up to {last} in time; got {seqs:?}"))
            .expect("stream open")
            .expect("valid event");
        if event.event == "change" {
            let data: Value = serde_json::from_str(&event.data).unwrap();
            seqs.push(data["seq"].as_i64().unwrap());
        }
    }
    seqs
}

async fn reply(s: &TestServer, ticket: i64, key: &str, body: &str) -> Value {
    let resp = s
        .req(
            Method::POST,
            &format!("/v1/tickets/{ticket}/messages"),
            Role::Agent,
        )
        .header("Idempotency-Key", key)
        .json(&json!({"kind": "reply", "body": body}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201, "reply {key}");
    resp.json().await.unwrap()
}

#[tokio::test]
async fn writes_on_two_servers_reach_every_client_once_in_order() {
    let url = sahaya_testkit::pg::database();
    let a = instance(&url).await;
    let b = instance(&url).await;
    assert_eq!(
        a.token(Role::Agent),
        b.token(Role::Agent),
        "the second server finds the accounts the first made"
    );
    let ticket = a.inbound("twice@example.in", "where is my order").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let start = b.get("/v1/changes?since=0", Role::Agent).await["latest"]
        .as_i64()
        .unwrap();
    let mut clients = [
        events(&a, start).await,
        events(&a, start).await,
        events(&b, start).await,
        events(&b, start).await,
    ];
    let servers = [&a, &b];
    let mut first_answers = Vec::new();
    for i in 0..200usize {
        let key = format!("w-{i}");
        let answer = reply(servers[i % 2], ticket, &key, &format!("reply {i}")).await;
        if i % 10 == 9 {
            // Replayed on the other server: the first answer, nothing new.
            let again = reply(servers[(i + 1) % 2], ticket, &key, &format!("reply {i}")).await;
            assert_eq!(again, answer, "replay of {key} on the other server");
        }
        first_answers.push(answer["message"]["id"].as_i64().unwrap());
    }
    let ids: BTreeSet<i64> = first_answers.iter().copied().collect();
    assert_eq!(ids.len(), 200, "200 replies, no replay made another");
    let latest_a = a.get("/v1/changes?since=0", Role::Agent).await["latest"]
        .as_i64()
        .unwrap();
    let latest_b = b.get("/v1/changes?since=0", Role::Agent).await["latest"]
        .as_i64()
        .unwrap();
    let last = latest_a.max(latest_b);
    // A reply touches the message and its ticket: at least 400 changes.
    assert!(last - start >= 400, "changes {start}..{last}");
    let expected: Vec<i64> = (start + 1..=last).collect();
    for (n, client) in clients.iter_mut().enumerate() {
        let seqs = seqs_until(client, last).await;
        assert_eq!(
            seqs, expected,
            "client {n} sees every change once, in order"
        );
    }
    let thread = b.get(&format!("/v1/tickets/{ticket}"), Role::Agent).await;
    let replies = thread["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"].as_str().is_some_and(|b| b.starts_with("reply ")))
        .count();
    assert_eq!(replies, 200);
}

#[tokio::test]
async fn presence_reported_to_one_server_is_seen_on_the_other() {
    let url = sahaya_testkit::pg::database();
    let a = instance(&url).await;
    let b = instance(&url).await;
    let ticket = a.inbound("seen@example.in", "hello").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let ravi = a.server.add_account("ravi", Role::Agent).unwrap();
    let mut on_b = events(&b, 0).await;
    let put = a
        .http
        .put(a.url("/v1/presence"))
        .bearer_auth(&ravi.token)
        .json(&json!({"ticket_id": ticket, "typing": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let notice = loop {
        let event = tokio::time::timeout_at(deadline, on_b.next())
            .await
            .expect("presence on the other server in time")
            .expect("stream open")
            .expect("valid event");
        if event.event == "presence" {
            break serde_json::from_str::<Value>(&event.data).unwrap();
        }
    };
    assert_eq!(notice["ticket_id"].as_i64(), Some(ticket));
    assert_eq!(notice["viewers"][0]["name"], "ravi");
    assert_eq!(notice["viewers"][0]["typing"], true);
    let detail = b.get(&format!("/v1/tickets/{ticket}"), Role::Agent).await;
    assert_eq!(detail["viewers"][0]["name"], "ravi");
}
