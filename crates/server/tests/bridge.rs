//! The channel bridges' contract over real HTTP on loopback: the outbound
//! queue, receipts, resending, threading, surveys, files, and who may do what.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reqwest::Method;
use sahaya_protocol::domain::Role;
use sahaya_testkit::server::{TestServer, bare_server, demo_server, error_code};
use serde_json::{Value, json};

/// Posts JSON as `role` with a fresh idempotency key; returns status and body.
async fn post(s: &TestServer, path: &str, role: Role, body: Value) -> (u16, Value) {
    let resp = s
        .req(Method::POST, path, role)
        .header("idempotency-key", uuid_like())
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

fn uuid_like() -> String {
    format!("k-{}", rand::random::<u64>())
}

/// A customer email that opens a ticket; returns (ticket id, message id).
async fn customer_mail(s: &TestServer, from: &str, subject: &str, body: &str) -> (i64, i64) {
    let (status, created) = post(
        s,
        "/v1/inbound",
        Role::Integration,
        json!({"channel": "email", "from": from, "name": "Kavya Rao", "subject": subject,
               "body": body, "external_id": format!("<{subject}@mail.example>"), "thread_refs": [],
               "language": "kn"}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    (
        created["ticket"]["id"].as_i64().unwrap(),
        created["message"]["id"].as_i64().unwrap(),
    )
}

async fn reply(s: &TestServer, ticket: i64, body: &str) -> Value {
    let (status, created) = post(
        s,
        &format!("/v1/tickets/{ticket}/messages"),
        Role::Agent,
        json!({"kind": "reply", "body": body}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    created["message"].clone()
}

async fn outbound(s: &TestServer, channel: &str, after: i64) -> Value {
    s.get(
        &format!("/v1/outbound?channel={channel}&after={after}"),
        Role::Integration,
    )
    .await
}

async fn receipt(s: &TestServer, message: i64, body: Value) -> (u16, Value) {
    let resp = s
        .req(
            Method::POST,
            &format!("/v1/messages/{message}/receipts"),
            Role::Integration,
        )
        .json(&body)
        .send()
        .await
        .unwrap();
    (resp.status().as_u16(), resp.json().await.unwrap())
}

/// An email ticket of a demo customer who also has a handle on another
/// channel: (ticket, customer, (other channel, its handle)).
async fn ticket_of_a_customer_with_two_channels(s: &TestServer) -> (i64, i64, (String, String)) {
    let list = s.get("/v1/tickets?view=all&limit=1000", Role::Agent).await;
    for t in list["tickets"].as_array().unwrap() {
        if t["channel"] != "email" || t["status"] == "closed" {
            continue;
        }
        let customer = t["customer_id"].as_i64().unwrap();
        let detail = s
            .get(&format!("/v1/customers/{customer}"), Role::Agent)
            .await;
        let handles = detail["customer"]["handles"].as_array().unwrap().clone();
        let has_email = handles.iter().any(|h| h["channel"] == "email");
        if let Some(other) = handles.iter().find(|h| h["channel"] != "email")
            && has_email
        {
            return (
                t["id"].as_i64().unwrap(),
                customer,
                (
                    other["channel"].as_str().unwrap().to_string(),
                    other["value"].as_str().unwrap().to_string(),
                ),
            );
        }
    }
    panic!("the demo has no email customer with a second channel");
}

/// The message as the change feed has it now.
async fn message_in_feed(s: &TestServer, id: i64) -> Value {
    let page = s.get("/v1/changes?since=0&limit=5000", Role::Agent).await;
    page["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "message" && c["data"]["id"] == id)
        .map(|c| c["data"].clone())
        .unwrap_or_else(|| panic!("message {id} not in the feed: {page}"))
}

#[tokio::test]
async fn a_reply_is_queued_for_its_channel_with_what_a_bridge_needs() {
    let s = bare_server().await;
    let (ticket, first) =
        customer_mail(&s, "kavya@example.in", "ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿ?", "ನನ್ನ ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ").await;
    assert!(first > 0);
    let message = reply(&s, ticket, "ನಾಳೆ ತಲುಪುತ್ತದೆ 🙏").await;
    assert_eq!(message["delivery"], "queued");

    let page = outbound(&s, "email", 0).await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{page}");
    let item = &items[0];
    assert_eq!(item["message_id"], message["id"]);
    assert_eq!(item["attempt"], 1);
    assert_eq!(item["purpose"], "reply");
    assert_eq!(item["body"], "ನಾಳೆ ತಲುಪುತ್ತದೆ 🙏");
    assert_eq!(item["subject"], "ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿ?");
    assert_eq!(item["ticket_id"], ticket);
    assert_eq!(item["to"]["handle"], "kavya@example.in");
    assert_eq!(item["to"]["language"], "kn");
    assert_eq!(item["in_reply_to"], "ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿ?@mail.example");
    assert_eq!(item["history"][0]["body"], "ನನ್ನ ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ");
    assert_eq!(item["history"][0]["from_customer"], true);
    assert!(item["author_name"].as_str().is_some_and(|n| !n.is_empty()));

    // The cursor moves on; other channels' queues do not hold it.
    let next = page["next_after"].as_i64().unwrap();
    assert_eq!(outbound(&s, "email", next).await["items"], json!([]));
    assert_eq!(outbound(&s, "whatsapp", 0).await["items"], json!([]));
    // A note never goes out.
    let (status, _) = post(
        &s,
        &format!("/v1/tickets/{ticket}/messages"),
        Role::Agent,
        json!({"kind": "note", "body": "internal"}),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(outbound(&s, "email", next).await["items"], json!([]));
}

#[tokio::test]
async fn receipts_move_the_state_forward_once_and_failures_can_be_sent_again_elsewhere() {
    // A demo customer reachable on email and on another channel.
    let s = demo_server().await;
    let (ticket, customer, other) = ticket_of_a_customer_with_two_channels(&s).await;
    let message = reply(&s, ticket, "Your refund left today.").await;
    let id = message["id"].as_i64().unwrap();

    let (status, answer) = receipt(&s, id, json!({"attempt": 1, "status": "sent"})).await;
    assert_eq!(
        (status, &answer["applied"]),
        (200, &json!(true)),
        "{answer}"
    );
    assert_eq!(message_in_feed(&s, id).await["delivery"], "sent");
    // The same receipt again, or one behind the state: acknowledged, no change.
    let (_, again) = receipt(&s, id, json!({"attempt": 1, "status": "sent"})).await;
    assert_eq!(again["applied"], false);
    let (_, read) = receipt(&s, id, json!({"attempt": 1, "status": "read"})).await;
    assert_eq!(read["message"]["delivery"], "read");
    let (_, late) = receipt(&s, id, json!({"attempt": 1, "status": "delivered"})).await;
    assert_eq!(
        (&late["applied"], &late["message"]["delivery"]),
        (&json!(false), &json!("read"))
    );
    // Bad receipts say what is wrong.
    let (status, body) = receipt(&s, id, json!({"attempt": 7, "status": "sent"})).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("unknown_attempt"))
    );

    // A second reply bounces.
    let bounced = reply(&s, ticket, "One more thing.").await;
    let bid = bounced["id"].as_i64().unwrap();
    let (status, body) = receipt(&s, bid, json!({"attempt": 1, "status": "failed"})).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("missing_reason"))
    );
    let (_, failed) = receipt(
        &s,
        bid,
        json!({"attempt": 1, "status": "failed", "reason": "550 5.1.1 mailbox unknown"}),
    )
    .await;
    assert_eq!(failed["message"]["delivery"], "failed");
    let in_feed = message_in_feed(&s, bid).await;
    assert_eq!(in_feed["delivery_error"], "550 5.1.1 mailbox unknown");

    // The agent sends it again on WhatsApp: a second attempt on that queue.
    let (status, resent) = post(
        &s,
        &format!("/v1/messages/{bid}/resend"),
        Role::Agent,
        json!({"channel": other.0}),
    )
    .await;
    assert_eq!(status, 200, "{resent}");
    assert_eq!(
        (&resent["delivery"], &resent["channel"]),
        (&json!("queued"), &json!(other.0))
    );
    assert!(resent.get("delivery_error").is_none(), "{resent}");
    let items = outbound(&s, &other.0, 0).await["items"].clone();
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["message_id"] == bid)
        .unwrap()
        .clone();
    assert_eq!(item["attempt"], 2);
    assert_eq!(item["to"]["handle"], json!(other.1));
    assert_eq!(item["to"]["customer_id"], customer);
    // A late receipt of the first attempt does not touch the second.
    let (_, stale) = receipt(&s, bid, json!({"attempt": 1, "status": "delivered"})).await;
    assert_eq!(
        (&stale["applied"], &stale["message"]["delivery"]),
        (&json!(false), &json!("queued"))
    );
    // Only failed replies are resent, on channels the customer has.
    let (status, body) = post(
        &s,
        &format!("/v1/messages/{id}/resend"),
        Role::Agent,
        json!({}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("not_failed"))
    );
    receipt(
        &s,
        bid,
        json!({"attempt": 2, "status": "failed", "reason": "number not on WhatsApp"}),
    )
    .await;
    let handles = s
        .get(&format!("/v1/customers/{customer}"), Role::Agent)
        .await["customer"]["handles"]
        .clone();
    let missing = [
        "email",
        "chat",
        "phone",
        "whatsapp",
        "facebook",
        "instagram",
        "web",
    ]
    .into_iter()
    .find(|c| {
        !handles
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["channel"] == *c)
    })
    .unwrap();
    let (status, body) = post(
        &s,
        &format!("/v1/messages/{bid}/resend"),
        Role::Agent,
        json!({"channel": missing}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("no_handle"))
    );
}

#[tokio::test]
async fn answers_thread_by_the_ids_of_earlier_mail_and_new_mail_opens_a_ticket() {
    let s = bare_server().await;
    let (ticket, _) = customer_mail(&s, "asha@example.in", "Size", "Need a size 9").await;
    let message = reply(&s, ticket, "We can exchange it.").await;
    let id = message["id"].as_i64().unwrap();
    receipt(
        &s,
        id,
        json!({"attempt": 1, "status": "sent", "external_id": "<sahaya-msg-1@support.example>"}),
    )
    .await;
    // The customer answers our mail: same ticket.
    let (status, answer) = post(
        &s,
        "/v1/inbound",
        Role::Integration,
        json!({"channel": "email", "from": "ASHA@example.in ", "subject": "Re: Size",
               "body": "Thanks!", "external_id": "<a2@mail.example>",
               "thread_refs": ["sahaya-msg-1@support.example", "<Size@mail.example>"]}),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(
        (&answer["ticket"]["id"], &answer["created"]),
        (&json!(ticket), &json!(false))
    );
    // A new mail of the same customer, answering nothing known: a new ticket.
    let (_, fresh) = post(
        &s,
        "/v1/inbound",
        Role::Integration,
        json!({"channel": "email", "from": "asha@example.in", "subject": "Invoice",
               "body": "Need my invoice", "thread_refs": ["unknown@elsewhere"]}),
    )
    .await;
    assert_eq!(fresh["created"], true);
    assert_ne!(fresh["ticket"]["id"], json!(ticket));
    // Another sender naming that ticket's tag gets their own ticket, not hers.
    let (status, other) = post(
        &s,
        "/v1/inbound",
        Role::Integration,
        json!({"channel": "email", "from": "mallory@example.in", "subject": "Re: Size [#1]",
               "body": "let me in", "ticket_id": ticket, "thread_refs": []}),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(other["created"], true);
    assert_ne!(other["ticket"]["id"], json!(ticket));
}

#[tokio::test]
async fn solving_asks_for_a_survey_and_answers_move_the_supervisors_figures() {
    let s = bare_server().await;
    let (ticket, _) = customer_mail(&s, "meera@example.in", "ಹಣ ಮರಳಿ", "ಹಣ ಬಂದಿಲ್ಲ").await;
    let detail = s.get(&format!("/v1/tickets/{ticket}"), Role::Agent).await;
    let version = detail["ticket"]["version"].as_i64().unwrap();
    let resp = s
        .req(Method::PATCH, &format!("/v1/tickets/{ticket}"), Role::Agent)
        .header("if-match", version.to_string())
        .json(&json!({"status": "solved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let solved: Value = resp.json().await.unwrap();
    // The answer is the ticket as it is now: the survey is in its count.
    let now = s.get(&format!("/v1/tickets/{ticket}"), Role::Agent).await;
    assert_eq!(solved["version"], now["ticket"]["version"]);

    let items = outbound(&s, "email", 0).await["items"].clone();
    let survey = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["purpose"] == "survey")
        .unwrap_or_else(|| panic!("no survey queued: {items}"))
        .clone();
    assert_eq!(survey["survey"], json!({"csat": true, "nps": true}));
    assert!(
        survey["body"].as_str().unwrap().contains("ಹಣ ಮರಳಿ"),
        "in Kannada, naming the subject: {survey}"
    );
    assert!(survey.get("author_name").is_none());

    let before = s.get("/v1/stats", Role::Supervisor).await;
    assert_eq!(before["csat"]["today_responses"], 0, "{before}");
    let answer =
        json!({"ticket_id": ticket, "kind": "csat", "score": 5, "comment": "ತುಂಬಾ ಧನ್ಯವಾದ"});
    let (status, first) = post(&s, "/v1/surveys", Role::Integration, answer).await;
    assert_eq!(status, 201, "{first}");
    // The customer changes their mind: one answer per ticket and kind.
    let (_, second) = post(
        &s,
        "/v1/surveys",
        Role::Integration,
        json!({"ticket_id": ticket, "kind": "csat", "score": 2}),
    )
    .await;
    assert_eq!(second["id"], first["id"]);
    let (status, _) = post(
        &s,
        "/v1/surveys",
        Role::Integration,
        json!({"ticket_id": ticket, "kind": "nps", "score": 10}),
    )
    .await;
    assert_eq!(status, 201);
    let stats = s.get("/v1/stats", Role::Supervisor).await;
    assert_eq!(stats["csat"]["today_responses"], 1, "{stats}");
    assert_eq!(stats["nps"]["today_responses"], 1, "{stats}");
    let customer = detail["ticket"]["customer_id"].as_i64().unwrap();
    let pane = s
        .get(&format!("/v1/customers/{customer}"), Role::Agent)
        .await;
    assert_eq!(pane["surveys"].as_array().unwrap().len(), 2, "{pane}");

    let (status, body) = post(
        &s,
        "/v1/surveys",
        Role::Integration,
        json!({"ticket_id": ticket, "kind": "csat", "score": 9}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("bad_score"))
    );
    // Solving again later asks nothing more.
    let (_, reopened) = post(
        &s,
        "/v1/inbound",
        Role::Integration,
        json!({"channel": "email", "from": "meera@example.in", "body": "one more",
               "ticket_id": ticket, "thread_refs": []}),
    )
    .await;
    let version = reopened["ticket"]["version"].as_i64().unwrap();
    let resp = s
        .req(Method::PATCH, &format!("/v1/tickets/{ticket}"), Role::Agent)
        .header("if-match", version.to_string())
        .json(&json!({"status": "solved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let surveys = outbound(&s, "email", 0).await["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["purpose"] == "survey")
        .count();
    assert_eq!(surveys, 1);
}

#[tokio::test]
async fn files_round_trip_and_belong_to_who_may_see_them() {
    let s = bare_server().await;
    let photo: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let resp = s
        .req(
            Method::POST,
            "/v1/attachments?name=../../ಒಡೆದ%20ಜಾರ್.jpg",
            Role::Integration,
        )
        .header("content-type", "image/JPEG")
        .body(photo.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let file: Value = resp.json().await.unwrap();
    assert_eq!(file["name"], "ಒಡೆದ ಜಾರ್.jpg");
    assert_eq!(file["content_type"], "image/jpeg");
    assert_eq!(file["size"], 70_000);
    let id = file["id"].as_i64().unwrap();

    // An agent cannot attach the bridge's upload to a reply.
    let (ticket, _) = customer_mail(&s, "sita@example.in", "Broken jar", "Photo attached").await;
    let (status, body) = post(
        &s,
        &format!("/v1/tickets/{ticket}/messages"),
        Role::Agent,
        json!({"kind": "reply", "body": "hi", "attachments": [id]}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("unknown_file"))
    );
    // The bridge attaches it to the customer's mail.
    let (status, created) = post(
        &s,
        "/v1/inbound",
        Role::Integration,
        json!({"channel": "email", "from": "sita@example.in", "body": "",
               "attachments": [id], "ticket_id": ticket, "thread_refs": []}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["message"]["attachments"][0]["id"], id);
    // Byte-exact for the agent, with its type and a safe download name.
    let resp = s
        .req(Method::GET, &format!("/v1/attachments/{id}"), Role::Agent)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "image/jpeg");
    assert!(
        resp.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename*=UTF-8''%E0%B2%92")
    );
    assert_eq!(resp.bytes().await.unwrap().as_ref(), photo.as_slice());

    // An agent's own upload goes out with a reply; the bridge may read it
    // because its queue hands it out, not before.
    let resp = s
        .req(Method::POST, "/v1/attachments?name=label.pdf", Role::Agent)
        .header("content-type", "application/pdf")
        .body(b"%PDF-1.4 return label".to_vec())
        .send()
        .await
        .unwrap();
    let label: Value = resp.json().await.unwrap();
    let lid = label["id"].as_i64().unwrap();
    let resp = s
        .req(
            Method::GET,
            &format!("/v1/attachments/{lid}"),
            Role::Integration,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await.0, 404);
    let (status, sent) = post(
        &s,
        &format!("/v1/tickets/{ticket}/messages"),
        Role::Agent,
        json!({"kind": "reply", "body": "Your return label", "attachments": [lid]}),
    )
    .await;
    assert_eq!(status, 201, "{sent}");
    let items = outbound(&s, "email", 0).await["items"].clone();
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["message_id"] == sent["message"]["id"])
        .unwrap()
        .clone();
    assert_eq!(item["attachments"][0]["name"], "label.pdf");
    let resp = s
        .req(
            Method::GET,
            &format!("/v1/attachments/{lid}"),
            Role::Integration,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.bytes().await.unwrap().as_ref(),
        b"%PDF-1.4 return label"
    );

    // Too large: 413 with the limit named.
    let big = vec![0u8; sahaya_protocol::wire::MAX_ATTACHMENT_BYTES + 1];
    let resp = s
        .req(Method::POST, "/v1/attachments?name=big.bin", Role::Agent)
        .body(big)
        .send()
        .await
        .unwrap();
    let (status, code, body) = error_code(resp).await;
    assert_eq!((status, code.as_str()), (413, "file_too_large"));
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("10 MiB")
    );
}

#[tokio::test]
async fn only_bridges_read_the_queue_and_post_receipts_and_they_read_no_tickets() {
    let s = bare_server().await;
    let (ticket, _) = customer_mail(&s, "gopal@example.in", "Hi", "Hello").await;
    let message = reply(&s, ticket, "Hello!").await;
    let id = message["id"].as_i64().unwrap();
    for role in [Role::Agent, Role::Supervisor] {
        let resp = s
            .req(Method::GET, "/v1/outbound?channel=email", role)
            .send()
            .await
            .unwrap();
        assert_eq!(error_code(resp).await.0, 403, "{role:?} reads the queue");
        let resp = s
            .req(Method::POST, &format!("/v1/messages/{id}/receipts"), role)
            .json(&json!({"attempt": 1, "status": "read"}))
            .send()
            .await
            .unwrap();
        assert_eq!(error_code(resp).await.0, 403, "{role:?} posts a receipt");
        let (status, _) = post(
            &s,
            "/v1/surveys",
            role,
            json!({"ticket_id": ticket, "kind": "csat", "score": 5}),
        )
        .await;
        assert_eq!(status, 403, "{role:?} answers a survey");
    }
    for path in [
        format!("/v1/tickets/{ticket}"),
        "/v1/tickets".to_string(),
        "/v1/changes".to_string(),
        "/v1/customers/1".to_string(),
    ] {
        let resp = s
            .req(Method::GET, &path, Role::Integration)
            .send()
            .await
            .unwrap();
        assert_eq!(error_code(resp).await.0, 403, "integration reads {path}");
    }
    let (status, _) = post(
        &s,
        &format!("/v1/messages/{id}/resend"),
        Role::Integration,
        json!({}),
    )
    .await;
    assert_eq!(status, 403);
    let resp = s
        .req(
            Method::GET,
            "/v1/outbound?channel=pigeon",
            Role::Integration,
        )
        .send()
        .await
        .unwrap();
    let (status, code, _) = error_code(resp).await;
    assert_eq!((status, code.as_str()), (400, "bad_channel"));
}
