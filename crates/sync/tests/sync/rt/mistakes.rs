//! A user's mistakes in setting up the RT backend each get a message that
//! says what is wrong and what to do: a wrong URL (nothing listens there),
//! a URL that is not an RT, a refused token, an agent without rights on the
//! queue. (RT 4 instead of 5 cannot be run here: the version check is
//! unit-tested in `sahaya_sync::rt`.)

use std::time::Duration;

use sahaya_protocol::Clock;
use sahaya_protocol::domain::{MessageKind, Status};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::{OutboxOp, OutboxState, Store};
use sahaya_sync::backend::Backend;
use sahaya_sync::client::ClientError;
use sahaya_sync::{Connection, RtBackend};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{Rest, kick_until, start_rt, wait_until, watched_console};

fn backend(url: &str, token: &str) -> RtBackend {
    RtBackend::new(url, token, Clock::system())
        .unwrap()
        .with_request_timeout(Duration::from_secs(3))
}

/// What the console's first contact (`me`) and `sahaya doctor` (`check`)
/// say; both must be the same failure.
async fn first_contact(url: &str, token: &str) -> ClientError {
    let rt = backend(url, token);
    let checked = rt.check().await.expect_err("check must fail");
    let me = rt.me().await.expect_err("me must fail");
    assert_eq!(checked.to_string(), me.to_string());
    me
}

/// A plain HTTP server answering every request with `status` and `body`.
async fn plain_http(
    status: &'static str,
    content_type: &'static str,
    body: &'static str,
) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                let mut got = Vec::new();
                while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                    match conn.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                    }
                }
                let answer = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = conn.write_all(answer.as_bytes()).await;
            });
        }
    });
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_url_or_not_an_rt_say_to_check_the_url() {
    // Nothing listens on the port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    let e = first_contact(&url, "1-31-0a1b2c3d").await;
    let said = e.to_string();
    assert!(e.is_retryable(), "RT may only be down for a moment: {said}");
    assert!(
        said.contains(&format!("127.0.0.1:{port}")),
        "names the address: {said}"
    );
    assert!(said.contains("check the URL"), "says what to do: {said}");
    assert!(
        said.contains("running"),
        "or that RT may not be running: {said}"
    );

    // A sahaya server, a web site, a JSON service: not an RT.
    let sahaya = sahaya_testkit::server::bare_server().await;
    let not_rt = [
        sahaya.url("/"),
        plain_http(
            "200 OK",
            "text/html",
            "<html><body>Welcome to our shop</body></html>",
        )
        .await,
        plain_http("200 OK", "application/json", r#"{"ok":true}"#).await,
    ];
    for url in not_rt {
        let e = first_contact(&url, "1-31-0a1b2c3d").await;
        let said = e.to_string();
        assert!(
            !e.is_retryable(),
            "{url}: asking again will not help: {said}"
        );
        assert!(
            said.contains("does not answer like Request Tracker 5"),
            "{url}: {said}"
        );
        assert!(said.contains("check the URL"), "{url}: {said}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_or_missing_rights_say_what_to_do() {
    let rt = start_rt(3).await;

    // A token RT does not know (wrong, expired or revoked).
    let bad = format!("1-{}-00000000000000000000000000000000", rt.agent().id);
    let e = first_contact(&rt.url(), &bad).await;
    let said = e.to_string();
    assert!(matches!(e, ClientError::Unauthorized { .. }), "{said}");
    assert!(
        said.contains("Auth Tokens"),
        "says where to make a new one: {said}"
    );
    // The console's status line says the same.
    let dir = tempfile::tempdir().unwrap();
    let (sync, seen) = watched_console(&rt.url(), &bad, &dir.path().join("bad.db"), "bad token");
    wait_until("the console reports the token", 30, || {
        seen.lock()
            .unwrap()
            .iter()
            .any(|c| matches!(c, Connection::Unauthorized(m) if m.contains("Auth Tokens")))
    })
    .await;
    drop(sync);

    // An agent who may see General's tickets but not answer, note or change
    // them, and who may not see Returns at all.
    let trainee = tokio::task::block_in_place(|| {
        rt.add_user(
            "trainee",
            "ತರಬೇತಿ ಏಜೆಂಟ್",
            &[
                "SeeQueue@General",
                "ShowTicket@General",
                "ShowTicketComments@General",
            ],
        )
    })
    .unwrap();
    let cache = dir.path().join("trainee.db");
    let mut ui = Store::open(&cache).unwrap();
    let (sync, _) = watched_console(&rt.url(), &trainee.token, &cache, "trainee");
    // Tickets 1 and 2 are in General, 3 in Returns.
    kick_until(&sync, "the trainee's first sync", 60, || {
        ui.ticket(2).ok().flatten().is_some()
    })
    .await;
    assert!(
        ui.ticket(3).unwrap().is_none(),
        "Returns is out of the trainee's sight"
    );
    let writes = [
        (
            OutboxOp::Message {
                ticket_id: 1,
                kind: MessageKind::Reply,
                body: "ನಮಸ್ಕಾರ".into(),
            },
            "ReplyToTicket",
        ),
        (
            OutboxOp::Message {
                ticket_id: 1,
                kind: MessageKind::Note,
                body: "ಟಿಪ್ಪಣಿ".into(),
            },
            "CommentOnTicket",
        ),
        (
            OutboxOp::Patch {
                ticket_id: 2,
                patch: TicketPatch {
                    status: Some(Status::Pending),
                    ..Default::default()
                },
            },
            "ModifyTicket",
        ),
    ];
    let mut ids = Vec::new();
    for (op, _) in &writes {
        ids.push(ui.enqueue(op.clone()).unwrap().id);
    }
    kick_until(&sync, "the trainee's writes settled", 60, || {
        ui.outbox_counts().is_ok_and(|(pending, _)| pending == 0)
    })
    .await;
    for (id, (_, right)) in ids.iter().zip(writes.iter()) {
        let e = ui.outbox_entry(*id).unwrap().unwrap();
        assert_eq!(e.state, OutboxState::Rejected, "{e:#?}");
        let said = e.last_error.clone().unwrap_or_default();
        assert!(
            said.contains(right),
            "names the right that is missing: {said}"
        );
        assert!(
            said.contains("administrator"),
            "says who can grant it: {said}"
        );
    }
    // Nothing of it reached RT.
    let rest = Rest::new(&rt, &rt.admin.token);
    assert!(
        rest.messages(1)
            .await
            .iter()
            .all(|m| m.creator != "trainee")
    );
    assert_ne!(rest.get("ticket/2").await["Status"], "stalled");
}
