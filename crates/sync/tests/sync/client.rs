//! The HTTP client against the real server over loopback, and against a few
//! deliberately broken peers (raw TCP listeners that answer garbage).

use sahaya_testkit::server as common;

use std::net::SocketAddr;
use std::time::Duration;

use common::{bare_server, demo_server};
use futures::{Stream, StreamExt};
use sahaya_protocol::domain::{
    ActionKind, Channel, Currency, MessageKind, Money, PaymentMethod, PaymentStatus, Priority,
    Role, Status,
};
use sahaya_protocol::wire::{
    Entity, EntityKind, InboundMessage, NewMessage, NewOrderAction, NewOutboundTicket, StreamEvent,
    TicketPatch, View,
};
use sahaya_sync::client::{Client, ClientError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

fn client(s: &common::TestServer, role: Role) -> Client {
    Client::new(&s.server.url(), s.token(role)).expect("client")
}

fn inbound_msg(from: &str, body: &str) -> InboundMessage {
    InboundMessage {
        name: Some(format!("Customer {from}")),
        language: Some("kn".to_string()),
        ..InboundMessage::new(Channel::WhatsApp, from.to_string(), body.to_string())
    }
}

fn reply(body: &str) -> NewMessage {
    NewMessage {
        kind: MessageKind::Reply,
        body: body.to_string(),
        attachments: Vec::new(),
    }
}

/// Asserts that no rendering of `err` leaks `token`.
fn assert_no_token(err: &ClientError, token: &str) {
    let shown = format!("{err} | {err:?} | {}", err.user_message());
    assert!(!shown.contains(token), "token leaked: {shown}");
}

/// The next item of an event stream, within 10 s.
async fn next_event<S>(events: &mut S) -> Result<StreamEvent, ClientError>
where
    S: Stream<Item = Result<StreamEvent, ClientError>> + Unpin,
{
    tokio::time::timeout(Duration::from_secs(10), events.next())
        .await
        .expect("an event in time")
        .expect("the stream is still open")
}

/// Reads change notices until `n` arrived (stats events are skipped).
async fn changes<S>(events: &mut S, n: usize) -> Vec<sahaya_protocol::wire::ChangeNotice>
where
    S: Stream<Item = Result<StreamEvent, ClientError>> + Unpin,
{
    let mut out = Vec::new();
    while out.len() < n {
        match next_event(events).await.expect("a valid event") {
            StreamEvent::Change(notice) => out.push(notice),
            StreamEvent::Stats(_) | StreamEvent::Presence(_) => {}
        }
    }
    out
}

#[tokio::test]
async fn reads_return_typed_answers() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    let bridge = client(&s, Role::Integration);
    let supervisor = client(&s, Role::Supervisor);

    let me = agent.me().await.unwrap();
    assert_eq!(me.agent.role, Role::Agent);
    let start_seq = me.latest_seq;

    let created = bridge
        .inbound(&inbound_msg("+919800000101", "ನನ್ನ ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿದೆ?"), None)
        .await
        .unwrap();
    assert!(created.created);
    let id = created.ticket.id;

    let list = agent.tickets(View::All, 10, 0).await.unwrap();
    assert_eq!(list.view, View::All);
    assert!(list.tickets.iter().any(|t| t.id == id));
    assert_eq!(list.total, list.counts.all);
    let empty = agent.tickets(View::Solved, 10, 0).await.unwrap();
    assert!(empty.tickets.is_empty());

    let detail = agent.ticket(id).await.unwrap();
    assert_eq!(detail.ticket.id, id);
    assert_eq!(detail.messages.len(), 1);
    assert_eq!(detail.messages[0].body, "ನನ್ನ ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿದೆ?");

    let customer = agent.customer(created.ticket.customer_id).await.unwrap();
    assert_eq!(customer.customer.id, created.ticket.customer_id);
    assert!(customer.tickets.iter().any(|t| t.id == id));

    let page = agent.changes(start_seq, 500).await.unwrap();
    assert!(!page.has_more);
    assert_eq!(page.next, page.latest);
    assert!(
        page.changes
            .iter()
            .any(|c| matches!(&c.entity, Entity::Ticket(t) if t.id == id))
    );
    let paged = agent.changes(0, 1).await.unwrap();
    assert_eq!(paged.changes.len(), 1);
    assert!(paged.has_more);

    assert!(agent.macros().await.is_ok());
    let agents = agent.agents().await.unwrap();
    assert!(agents.agents.iter().any(|a| a.id == me.agent.id));

    let stats = supervisor.stats().await.unwrap();
    assert_eq!(stats.views.unassigned, 1);
    assert_eq!(stats.by_channel.get("whatsapp"), Some(&1));

    // Roles: permanent refusals with the server's code.
    let err = agent.stats().await.unwrap_err();
    assert!(
        matches!(&err, ClientError::Rejected { status: 403, code, .. } if code == "forbidden"),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    let err = bridge.tickets(View::Open, 10, 0).await.unwrap_err();
    assert_eq!(err.status(), Some(403));

    // Bad arguments come back as the server's 400s, not panics.
    let err = agent.changes(-1, 10).await.unwrap_err();
    assert!(matches!(&err, ClientError::Rejected { status: 400, code, .. } if code == "bad_query"));
    let err = agent.tickets(View::All, 0, 0).await.unwrap_err();
    assert_eq!(err.code(), Some("bad_query"));
    let err = agent.ticket(999_999).await.unwrap_err();
    assert!(matches!(&err, ClientError::Rejected { status: 404, code, .. } if code == "not_found"));
    let err = agent.customer(999_999).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
}

#[tokio::test]
async fn bad_token_is_unauthorized_and_never_shown() {
    let s = bare_server().await;
    let token = "sh_00000000000000000000000000000000000000ff";
    let c = Client::new(&s.server.url(), token).unwrap();
    let err = c.me().await.unwrap_err();
    assert!(matches!(err, ClientError::Unauthorized { .. }), "{err:?}");
    assert!(!err.is_retryable());
    assert_no_token(&err, token);
    let err = c.events(None).await.err().expect("401 on the stream");
    assert!(matches!(err, ClientError::Unauthorized { .. }));
    assert_no_token(&err, token);
    assert!(!format!("{c:?}").contains(token));

    // A valid token is not shown either.
    let good = s.token(Role::Agent);
    let c = client(&s, Role::Agent);
    assert!(!format!("{c:?}").contains(&good));
    let err = c.ticket(424_242).await.unwrap_err();
    assert_no_token(&err, &good);
}

#[tokio::test]
async fn patch_conflicts_and_rejections() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    let bridge = client(&s, Role::Integration);
    let created = bridge
        .inbound(&inbound_msg("+919800000102", "wrong size delivered"), None)
        .await
        .unwrap();
    let id = created.ticket.id;
    let v = created.ticket.version;

    let patch = TicketPatch {
        priority: Some(Priority::High),
        tags: Some(vec!["Wrong Size".into(), "vip".into()]),
        ..TicketPatch::default()
    };
    let updated = agent.patch_ticket(id, v, &patch).await.unwrap();
    assert_eq!(updated.version, v + 1);
    assert_eq!(updated.priority, Priority::High);
    assert_eq!(updated.tags, ["wrong-size", "vip"]);

    // A second writer still holding version v: 412 with the current ticket.
    let stale = TicketPatch {
        status: Some(Status::Pending),
        ..TicketPatch::default()
    };
    let err = agent.patch_ticket(id, v, &stale).await.unwrap_err();
    match &err {
        ClientError::Conflict { current } => {
            assert_eq!(current.id, id);
            assert_eq!(current.version, v + 1);
            assert_eq!(current.priority, Priority::High);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(!err.is_retryable());
    assert_eq!(err.status(), Some(412));
    assert!(err.user_message().contains(&format!("#{id}")));

    // 422 with the server's code.
    let me = agent.me().await.unwrap();
    let assign = TicketPatch {
        assignee_id: Some(Some(999)),
        ..TicketPatch::default()
    };
    let err = agent.patch_ticket(id, v + 1, &assign).await.unwrap_err();
    match &err {
        ClientError::Rejected {
            status,
            code,
            message,
        } => {
            assert_eq!((*status, code.as_str()), (422, "unknown_agent"));
            assert!(!message.is_empty());
            assert!(err.user_message().contains(message.as_str()));
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert!(!err.is_retryable());
    let err = agent
        .patch_ticket(id, v + 1, &TicketPatch::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("empty_patch"));

    // Assign, then unassign with an explicit null.
    let assign = TicketPatch {
        assignee_id: Some(Some(me.agent.id)),
        ..TicketPatch::default()
    };
    let t = agent.patch_ticket(id, v + 1, &assign).await.unwrap();
    assert_eq!(t.assignee_id, Some(me.agent.id));
    let unassign = TicketPatch {
        assignee_id: Some(None),
        ..TicketPatch::default()
    };
    let t = agent.patch_ticket(id, t.version, &unassign).await.unwrap();
    assert_eq!(t.assignee_id, None);
}

#[tokio::test]
async fn messages_are_idempotent_by_key() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    let bridge = client(&s, Role::Integration);
    let id = bridge
        .inbound(&inbound_msg("+919800000103", "UPI debited twice"), None)
        .await
        .unwrap()
        .ticket
        .id;
    let body = reply("ಕ್ಷಮಿಸಿ, ಹಣ 3 ದಿನಗಳಲ್ಲಿ ವಾಪಸ್ ಬರುತ್ತದೆ.");
    let first = agent.post_message(id, "reply-key-1", &body).await.unwrap();
    for _ in 0..2 {
        let again = agent.post_message(id, "reply-key-1", &body).await.unwrap();
        assert_eq!(again.message.id, first.message.id);
        assert_eq!(again, first);
    }
    assert_eq!(first.ticket.status, Status::Open);
    let detail = agent.ticket(id).await.unwrap();
    let replies = detail
        .messages
        .iter()
        .filter(|m| m.kind == MessageKind::Reply)
        .count();
    assert_eq!(replies, 1, "three identical POSTs make one message");

    // Same key, other request: refused for good.
    let err = agent
        .post_message(id, "reply-key-1", &reply("other"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ClientError::Rejected { status: 422, code, .. } if code == "idempotency_key_reused")
    );
    // Server-side validation.
    let err = agent
        .post_message(id, "reply-key-2", &reply("   "))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("empty_body"));
    let err = agent.post_message(id, "", &reply("x")).await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(400), Some("bad_idempotency_key"))
    );
    // A key that cannot be a header value is refused before sending.
    let err = agent
        .post_message(id, "bad\nkey", &reply("x"))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::InvalidRequest { .. }), "{err:?}");
    assert!(!err.is_retryable());
    let note = NewMessage {
        kind: MessageKind::Note,
        body: "checked with courier".into(),
        attachments: Vec::new(),
    };
    let created = agent.post_message(id, "note-key-1", &note).await.unwrap();
    assert_eq!(created.message.kind, MessageKind::Note);
}

#[tokio::test]
async fn inbound_and_outbound_replay_by_key() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    let bridge = client(&s, Role::Integration);

    let msg = inbound_msg("+919800000104", "order not here");
    let first = bridge.inbound(&msg, Some("wa-msg-1")).await.unwrap();
    let again = bridge.inbound(&msg, Some("wa-msg-1")).await.unwrap();
    assert_eq!(first.message.id, again.message.id);
    assert!(again.created, "a replay answers the original result");
    assert_eq!(
        agent.ticket(first.ticket.id).await.unwrap().messages.len(),
        1
    );
    let err = bridge
        .inbound(&inbound_msg("+919800000104", "  "), None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("empty_body"));
    // Only the integration account posts inbound messages.
    let err = agent.inbound(&msg, None).await.unwrap_err();
    assert_eq!(err.status(), Some(403));

    let notice = NewOutboundTicket {
        customer_id: first.ticket.customer_id,
        channel: Channel::WhatsApp,
        subject: "Your refund is on its way".into(),
        body: "ನಿಮ್ಮ ಹಣ ವಾಪಸ್ ಕಳುಹಿಸಲಾಗಿದೆ.".into(),
        order_id: None,
        priority: Some(Priority::Low),
    };
    let out = agent.outbound("notice-1", &notice).await.unwrap();
    assert!(out.created);
    assert_eq!(out.ticket.status, Status::Pending);
    let replay = agent.outbound("notice-1", &notice).await.unwrap();
    assert_eq!(replay.ticket.id, out.ticket.id);
    assert_eq!(replay.message.id, out.message.id);
    let wrong = NewOutboundTicket {
        channel: Channel::Email,
        ..notice.clone()
    };
    let err = agent.outbound("notice-2", &wrong).await.unwrap_err();
    assert!(matches!(&err, ClientError::Rejected { status: 422, code, .. } if code == "no_handle"));
}

#[tokio::test]
async fn order_ids_are_path_safe() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    let action = NewOrderAction {
        amount: Some(Money::inr(10)),
        ..NewOrderAction::new(ActionKind::Refund, "damaged")
    };
    // The whole id reaches the server as one segment, decoded.
    let weird = "ORD/1 ?#%ಕ";
    let err = agent
        .order_action(weird, "act-1", &action)
        .await
        .unwrap_err();
    match &err {
        ClientError::Rejected {
            status: 404,
            code,
            message,
        } => {
            assert_eq!(code, "not_found");
            assert!(message.contains(weird), "{message}");
        }
        other => panic!("expected 404, got {other:?}"),
    }
    for bad in ["", ".", ".."] {
        let err = agent.order_action(bad, "act-2", &action).await.unwrap_err();
        assert!(
            matches!(err, ClientError::InvalidRequest { .. }),
            "{bad:?}: {err:?}"
        );
    }
}

/// Refund on a real order when the demo data has one (it may not, while the
/// demo content is being written).
#[tokio::test]
async fn order_action_on_a_demo_order() {
    let s = demo_server().await;
    let Some(token) = s.server.token(Role::Agent) else {
        eprintln!("demo data has no agent account; skipping");
        return;
    };
    let agent = Client::new(&s.server.url(), token).unwrap();
    let mut since = 0;
    let mut order = None;
    loop {
        let page = agent.changes(since, 5000).await.unwrap();
        order = order.or_else(|| {
            page.changes.iter().find_map(|c| match &c.entity {
                // Paid online: refunded to its source (see order_rules).
                Entity::Order(o)
                    if o.total.minor > 100
                        && o.payment_method != PaymentMethod::Cod
                        && o.payment_status == PaymentStatus::Paid =>
                {
                    Some(o.clone())
                }
                _ => None,
            })
        });
        since = page.next;
        if !page.has_more || order.is_some() {
            break;
        }
    }
    let Some(order) = order else {
        eprintln!("demo data has no orders; skipping");
        return;
    };
    let customer = agent.customer(order.customer_id).await.unwrap();
    let refunded: i64 = customer
        .refunds
        .iter()
        .filter(|a| a.order_id == order.id)
        .filter_map(|a| a.amount.map(|m| m.minor))
        .sum();
    if order.total.minor - refunded < 1 {
        eprintln!("order {} is fully refunded; skipping", order.id);
        return;
    }
    let action = NewOrderAction {
        amount: Some(Money {
            minor: 1,
            currency: order.total.currency,
        }),
        ..NewOrderAction::new(ActionKind::Refund, "goodwill")
    };
    let created = agent
        .order_action(&order.id, "refund-1", &action)
        .await
        .unwrap();
    assert_eq!(created.action.order_id, order.id);
    assert_eq!(created.action.amount.map(|m| m.minor), Some(1));
    let replay = agent
        .order_action(&order.id, "refund-1", &action)
        .await
        .unwrap();
    assert_eq!(replay.action.id, created.action.id);
    let other_currency = match order.total.currency {
        Currency::Inr => Currency::Npr,
        Currency::Npr => Currency::Inr,
    };
    let wrong = NewOrderAction {
        amount: Some(Money {
            minor: 1,
            currency: other_currency,
        }),
        ..action
    };
    let err = agent
        .order_action(&order.id, "refund-2", &wrong)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("wrong_currency"));
}

#[tokio::test]
async fn events_arrive_and_resume_from_last_event_id() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    let bridge = client(&s, Role::Integration);

    let mut events = agent.events(None).await.unwrap();
    let created = bridge
        .inbound(&inbound_msg("+919800000105", "hello"), None)
        .await
        .unwrap();
    let got = changes(&mut events, 3).await;
    let kinds: Vec<EntityKind> = got.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [
            EntityKind::Customer,
            EntityKind::Message,
            EntityKind::Ticket
        ]
    );
    assert_eq!(got[2].id, created.ticket.id.to_string());
    let last = got[2].seq;
    drop(events);

    // Disconnected; two more messages arrive; resume after the last seq.
    let mut missed = Vec::new();
    for body in ["missed one", "missed two"] {
        let c = bridge
            .inbound(&inbound_msg("+919800000105", body), None)
            .await
            .unwrap();
        missed.push(c.message.id.to_string());
    }
    let mut events = agent.events(Some(last)).await.unwrap();
    let got = changes(&mut events, 3).await;
    assert!(got.iter().all(|n| n.seq > last));
    assert!(got.windows(2).all(|w| w[0].seq < w[1].seq));
    let messages: Vec<&str> = got
        .iter()
        .filter(|n| n.kind == EntityKind::Message)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(messages, missed);

    // Supervisors get queue statistics first.
    let supervisor = client(&s, Role::Supervisor);
    let mut events = supervisor.events(None).await.unwrap();
    match next_event(&mut events).await.unwrap() {
        StreamEvent::Stats(_) => {}
        other => panic!("expected stats first, got {other:?}"),
    }
    // The first figures may predate the last change; fresh ones follow.
    loop {
        if let StreamEvent::Stats(stats) = next_event(&mut events).await.unwrap()
            && stats.views.unassigned == 1
        {
            break;
        }
    }
    // The integration account has no stream.
    let err = bridge.events(None).await.err().expect("refused");
    assert_eq!(err.status(), Some(403));
}

#[tokio::test]
async fn stopped_server_gives_retryable_network_errors() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent);
    agent.me().await.unwrap();
    let token = s.token(Role::Agent);
    tokio::time::timeout(Duration::from_secs(10), s.server.stop())
        .await
        .expect("the server stops");

    let err = agent.me().await.unwrap_err();
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), None);
    assert_no_token(&err, &token);
    let err = agent
        .post_message(1, "k-after-stop", &reply("hello"))
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
    assert!(err.is_retryable());
    let err = agent.events(Some(3)).await.err().expect("no stream");
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
}

/// Stopping the server ends open event streams (graceful shutdown would
/// otherwise wait forever for the never-ending response) and the client sees
/// a retryable error.
#[tokio::test]
async fn open_stream_ends_when_the_server_stops() {
    let s = bare_server().await;
    let agent = client(&s, Role::Agent).with_stream_idle_timeout(Duration::from_secs(16));
    let mut events = agent.events(None).await.unwrap();
    let stopping = tokio::spawn(s.server.stop());
    let next = tokio::time::timeout(Duration::from_secs(20), events.next())
        .await
        .expect("the stream ends in time");
    match next {
        Some(Err(err)) => assert!(err.is_retryable(), "{err:?}"),
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(events.next().await.is_none(), "nothing after the error");
    tokio::time::timeout(Duration::from_secs(5), stopping)
        .await
        .expect("stop() returns once the stream is gone")
        .unwrap();
}

// ---------------------------------------------------------------------------
// Broken peers: a raw TCP listener that answers each connection with fixed
// bytes. Not a stand-in for our server; a server gone wrong.

/// What the fake peer does after reading a request head.
#[derive(Clone)]
struct Peer {
    answer: Vec<u8>,
    /// Keep the connection open afterwards instead of closing it.
    hold: bool,
}

async fn fake_peer(answer: impl Into<Vec<u8>>, hold: bool) -> SocketAddr {
    let peer = Peer {
        answer: answer.into(),
        hold,
    };
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let peer = peer.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = sock.write_all(&peer.answer).await;
                let _ = sock.flush().await;
                if peer.hold {
                    tokio::time::sleep(Duration::from_secs(60)).await;
                }
            });
        }
    });
    addr
}

fn peer_client(addr: SocketAddr) -> Client {
    Client::new(&format!("http://{addr}"), "sh_fake_peer_token").unwrap()
}

fn http(status: &str, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n{headers}\r\n{body}",
        body.len()
    )
}

#[tokio::test]
async fn broken_peers_give_errors_not_panics() {
    let token = "sh_fake_peer_token";
    let check = |err: &ClientError| assert_no_token(err, token);

    // Not HTTP at all.
    let c = peer_client(fake_peer("garbage\0\u{1b}[31m not http\r\n\r\n", false).await);
    let err = c.me().await.unwrap_err();
    assert!(
        matches!(
            err,
            ClientError::Network { .. } | ClientError::Decode { .. }
        ),
        "{err:?}"
    );
    check(&err);

    // Closes without answering.
    let c = peer_client(fake_peer("", false).await);
    let err = c.me().await.unwrap_err();
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
    assert!(err.is_retryable());

    // 200 with a non-JSON body.
    let c = peer_client(
        fake_peer(
            http("200 OK", "content-type: text/html\r\n", "<html>hi</html>"),
            false,
        )
        .await,
    );
    let err = c.me().await.unwrap_err();
    match &err {
        ClientError::Decode { message } => {
            assert!(message.contains("Me"), "names what was expected: {message}");
            assert!(message.contains("text/html"), "{message}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
    assert!(!err.is_retryable());
    check(&err);

    // 200 with JSON of the wrong shape, and with an empty body.
    let c = peer_client(
        fake_peer(
            http(
                "200 OK",
                "content-type: application/json\r\n",
                r#"{"agent":42}"#,
            ),
            false,
        )
        .await,
    );
    assert!(matches!(
        c.me().await.unwrap_err(),
        ClientError::Decode { .. }
    ));
    let c = peer_client(fake_peer(http("200 OK", "", ""), false).await);
    assert!(matches!(
        c.stats().await.unwrap_err(),
        ClientError::Decode { .. }
    ));

    // A body cut mid-way: the peer promised 500 bytes and closed after 12.
    let cut = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"agent\":{\"i";
    let c = peer_client(fake_peer(cut, false).await);
    let err = c.me().await.unwrap_err();
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
    assert!(err.is_retryable());

    // Chunked body cut mid-way.
    let cut = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n5\r\n{\"age\r\n";
    let c = peer_client(fake_peer(cut, false).await);
    let err = c.me().await.unwrap_err();
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");

    // A peer that never answers: the request times out.
    let c = peer_client(fake_peer("", true).await).with_request_timeout(Duration::from_millis(500));
    let err = c.me().await.unwrap_err();
    assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
    assert!(err.is_retryable());

    // 503 with an HTML page and Retry-After in seconds.
    let c = peer_client(
        fake_peer(
            http(
                "503 Service Unavailable",
                "retry-after: 7\r\n",
                "<h1>down</h1>",
            ),
            false,
        )
        .await,
    );
    let err = c.me().await.unwrap_err();
    assert!(
        matches!(&err, ClientError::Server { status: 503, code, .. } if code == "http_503"),
        "{err:?}"
    );
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));

    // 429 with the API's error body and Retry-After as an HTTP date.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(120))
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let body = r#"{"error":{"code":"rate_limited","message":"slow down"}}"#;
    let c = peer_client(
        fake_peer(
            http(
                "429 Too Many Requests",
                &format!("retry-after: {soon}\r\n"),
                body,
            ),
            false,
        )
        .await,
    );
    let err = c.agents().await.unwrap_err();
    assert!(
        matches!(&err, ClientError::Server { status: 429, code, .. } if code == "rate_limited"),
        "{err:?}"
    );
    let wait = err.retry_after().expect("retry-after parsed");
    assert!(
        wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
        "{wait:?}"
    );

    // 412 without the current ticket cannot be shown as a conflict.
    let body = r#"{"error":{"code":"version_conflict","message":"changed"}}"#;
    let c = peer_client(fake_peer(http("412 Precondition Failed", "", body), false).await);
    let err = c
        .patch_ticket(
            1,
            1,
            &TicketPatch {
                status: Some(Status::Open),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ClientError::Decode { .. }), "{err:?}");

    // A redirect is not followed.
    let c = peer_client(
        fake_peer(
            http("302 Found", "location: http://127.0.0.1:1/\r\n", ""),
            false,
        )
        .await,
    );
    assert!(matches!(
        c.me().await.unwrap_err(),
        ClientError::Decode { .. }
    ));

    // The events endpoint answering JSON instead of an event stream.
    let c = peer_client(
        fake_peer(
            http("200 OK", "content-type: application/json\r\n", "{}"),
            false,
        )
        .await,
    );
    let err = c.events(None).await.err().expect("not a stream");
    assert!(matches!(err, ClientError::Decode { .. }), "{err:?}");
}

const SSE_HEAD: &str =
    "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n\r\n";

#[tokio::test]
async fn silent_event_stream_is_declared_dead() {
    // Headers, one keep-alive comment, then nothing at all.
    let addr = fake_peer(format!("{SSE_HEAD}: keep-alive\n\n"), true).await;
    let c = peer_client(addr).with_stream_idle_timeout(Duration::from_millis(700));
    let mut events = c.events(None).await.unwrap();
    let started = tokio::time::Instant::now();
    let next = tokio::time::timeout(Duration::from_secs(10), events.next())
        .await
        .expect("the idle guard fires");
    match next {
        Some(Err(err)) => {
            assert!(matches!(err, ClientError::Network { .. }), "{err:?}");
            assert!(err.is_retryable());
        }
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(started.elapsed() >= Duration::from_millis(600));
    assert!(events.next().await.is_none());
}

#[tokio::test]
async fn broken_event_streams_are_errors_not_panics() {
    // An undecodable change, an unknown event, then a good change; then the
    // peer closes the stream.
    let body = format!(
        "{SSE_HEAD}: hi\n\nevent: change\nid: 1\ndata: {{not json\n\n\
         event: typing-v2\ndata: {{}}\n\n\
         event: change\nid: 2\ndata: {{\"seq\":2,\"type\":\"ticket\",\"id\":\"9\"}}\n\n"
    );
    let c = peer_client(fake_peer(body, false).await);
    let mut events = c.events(Some(0)).await.unwrap();
    let first = next_event(&mut events).await.unwrap_err();
    assert!(matches!(first, ClientError::Decode { .. }), "{first:?}");
    match next_event(&mut events).await.unwrap() {
        StreamEvent::Change(n) => assert_eq!((n.seq, n.id.as_str()), (2, "9")),
        other => panic!("expected a change, got {other:?}"),
    }
    let end = next_event(&mut events).await.unwrap_err();
    assert!(matches!(end, ClientError::Network { .. }), "{end:?}");
    assert!(events.next().await.is_none());

    // Invalid UTF-8 inside the stream.
    let mut bytes = SSE_HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b"event: change\ndata: \xff\xfe\n\n");
    let c = peer_client(fake_peer(bytes, true).await);
    let mut events = c.events(None).await.unwrap();
    let err = next_event(&mut events).await.unwrap_err();
    assert!(matches!(err, ClientError::Decode { .. }), "{err:?}");
    assert!(events.next().await.is_none());

    // A stats event with the wrong shape.
    let body = format!("{SSE_HEAD}event: stats\ndata: [1,2,3]\n\n");
    let c = peer_client(fake_peer(body, true).await);
    let mut events = c.events(None).await.unwrap();
    assert!(matches!(
        next_event(&mut events).await,
        Err(ClientError::Decode { .. })
    ));
}
