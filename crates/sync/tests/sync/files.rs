//! Files and undelivered replies between a real cache and the real reference
//! server: a reply with a file attached in the console reaches the server
//! byte-exact and once, even when the network drops the upload's answer or
//! is away when it is queued; a message's file fetched by the agent is saved
//! byte-exact in the downloads folder; a failed reply sent again lands once.

use std::path::Path;
use std::time::{Duration, Instant};

use sahaya_protocol::domain::{Attachment, Delivery, MessageKind, Role};
use sahaya_protocol::events::SyncEvent;
use sahaya_protocol::wire::View;
use sahaya_store::{NewFile, OutboxOp, Store};
use sahaya_sync::client::Client;
use sahaya_sync::{FileSettings, SahayaBackend, SyncHandle};
use sahaya_testkit::proxy::{AnswerFault, Proxy};
use sahaya_testkit::server::{self as common, TestServer};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::sync::mpsc::UnboundedReceiver;

async fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !f() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A photo-sized file whose bytes are not all alike (any corruption shows).
fn photo() -> Vec<u8> {
    let mut x: u32 = 2463534242;
    (0..300_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xff) as u8
        })
        .collect()
}

struct Console {
    ui: Store,
    handle: SyncHandle,
    events: UnboundedReceiver<SyncEvent>,
    downloads: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

async fn console(url: &str, token: &str) -> Console {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let downloads = dir.path().join("Downloads");
    let settings = FileSettings {
        cache_dir: dir.path().join("files"),
        cache_cap: sahaya_sync::files::DEFAULT_CACHE_CAP,
        downloads: downloads.clone(),
        opener: None,
    };
    let backend = SahayaBackend::new(Client::new(url, token).unwrap());
    let (tx, events) = tokio::sync::mpsc::unbounded_channel();
    let handle = sahaya_sync::spawn_configured(
        backend,
        cache.clone(),
        tx,
        sahaya_protocol::clock::Clock::system(),
        settings,
    );
    let ui = Store::open(&cache).unwrap();
    let mut c = Console {
        ui,
        handle,
        events,
        downloads,
        _dir: dir,
    };
    let ui = &c.ui;
    wait_until("initial sync", || {
        ui.me().ok().flatten().is_some()
            && ui
                .view_counts(1, chrono::Utc::now())
                .map(|v| v.all >= 150)
                .unwrap_or(false)
    })
    .await;
    while c.events.try_recv().is_ok() {}
    c
}

impl Console {
    fn my_ticket(&self) -> i64 {
        let me = self.ui.me().unwrap().unwrap();
        self.ui
            .ticket_rows(View::Mine, me.id, chrono::Utc::now(), 0, 1)
            .unwrap()
            .remove(0)
            .ticket
            .id
    }

    async fn drained(&self, what: &str) {
        wait_until(what, || {
            self.ui
                .outbox_counts()
                .map(|c| c == (0, 0))
                .unwrap_or(false)
        })
        .await;
    }

    /// The next file event, skipping the sync's own.
    async fn file_event(&mut self) -> SyncEvent {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.events.recv()).await {
                Ok(Some(e @ (SyncEvent::FileSaved { .. } | SyncEvent::FileFailed { .. }))) => {
                    return e;
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => panic!("no file event within 30 s"),
            }
        }
    }
}

/// The server's messages of ticket `id` whose body is `body`.
async fn server_messages(s: &TestServer, id: i64, body: &str) -> Vec<Value> {
    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"] == body)
        .cloned()
        .collect()
}

async fn download(s: &TestServer, id: i64) -> Vec<u8> {
    let resp = s
        .req(
            reqwest::Method::GET,
            &format!("/v1/attachments/{id}"),
            Role::Agent,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.bytes().await.unwrap().to_vec()
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn saved(event: SyncEvent, downloads: &Path) -> Vec<u8> {
    match event {
        SyncEvent::FileSaved { path, opened, .. } => {
            assert!(!opened, "no opener was configured");
            assert_eq!(path.parent(), Some(downloads), "{}", path.display());
            std::fs::read(&path).unwrap()
        }
        other => panic!("expected the file saved, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attached_file_reaches_the_server_once_and_comes_back_byte_exact() {
    let s = common::demo_server().await;
    let proxy = Proxy::start(s.server.addr).await;
    let mut c = console(&proxy.url(), &s.token(Role::Agent)).await;
    let id = c.my_ticket();
    let bytes = photo();
    let body = "ರಸೀದಿ ಲಗತ್ತಿಸಿದೆ — the receipt is attached";
    // The upload's answer is lost once: the retry must not store a second
    // file, nor the message go twice.
    proxy.only_requests(b"POST /v1/attachments");
    proxy.fault_next_answers(AnswerFault::CutAfterApply, 1);
    c.ui.enqueue_with_files(
        OutboxOp::Message {
            ticket_id: id,
            kind: MessageKind::Reply,
            body: body.into(),
        },
        vec![NewFile {
            name: "../ರಸೀದಿ\u{1b}[31m photo.png".into(),
            bytes: bytes.clone(),
        }],
    )
    .unwrap();
    c.handle.kick();
    c.drained("the reply with its file is sent").await;
    assert_eq!(proxy.pending_answer_faults(), 0, "the fault was hit");
    let sent = server_messages(&s, id, body).await;
    assert_eq!(sent.len(), 1, "{sent:?}");
    let files = sent[0]["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0]["sha256"], sha256(&bytes));
    assert_eq!(files[0]["size"], bytes.len());
    let name = files[0]["name"].as_str().unwrap();
    assert!(
        !name.contains('/') && !name.contains('\u{1b}') && name.ends_with("photo.png"),
        "{name:?}"
    );
    let file_id = files[0]["id"].as_i64().unwrap();
    assert_eq!(download(&s, file_id).await, bytes, "server holds the bytes");

    // The reply comes back into the cache with its file; fetching it saves
    // the same bytes in the downloads folder.
    let file: Attachment = {
        let ui = &c.ui;
        let mut found = None;
        wait_until("the reply back in the cache with its file", || {
            found = ui
                .messages(id)
                .unwrap()
                .into_iter()
                .find(|m| m.body == body && m.id > 0 && !m.attachments.is_empty())
                .map(|m| m.attachments[0].clone());
            found.is_some()
        })
        .await;
        found.unwrap()
    };
    proxy.clear_request_filters();
    c.handle.fetch_file(file.clone(), false);
    let first = saved(c.file_event().await, &c.downloads);
    assert_eq!(first, bytes);
    // Fetched again: from the local cache, under a new unused name.
    c.handle.fetch_file(file, false);
    let again = c.file_event().await;
    let SyncEvent::FileSaved { ref path, .. } = again else {
        panic!("{again:?}")
    };
    assert_eq!(std::fs::read(path).unwrap(), bytes);
    assert_eq!(std::fs::read_dir(&c.downloads).unwrap().count(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_attached_offline_lands_once_after_reconnect() {
    let s = common::demo_server().await;
    let proxy = Proxy::start(s.server.addr).await;
    let mut c = console(&proxy.url(), &s.token(Role::Agent)).await;
    let id = c.my_ticket();
    proxy.refuse();
    let bytes = b"%PDF-1.4 shipping label \xe0\xb2\x95".to_vec();
    let body = "Label attached (written offline)";
    c.ui.enqueue_with_files(
        OutboxOp::Message {
            ticket_id: id,
            kind: MessageKind::Reply,
            body: body.into(),
        },
        vec![NewFile {
            name: "label.pdf".into(),
            bytes: bytes.clone(),
        }],
    )
    .unwrap();
    c.handle.kick();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(c.ui.outbox_counts().unwrap().0, 1, "still waiting offline");
    assert!(server_messages(&s, id, body).await.is_empty());
    proxy.heal().await;
    c.handle.kick();
    c.drained("sent after reconnect").await;
    let sent = server_messages(&s, id, body).await;
    assert_eq!(sent.len(), 1);
    let files = sent[0]["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["content_type"], "application/pdf");
    let file_id = files[0]["id"].as_i64().unwrap();
    assert_eq!(download(&s, file_id).await, bytes);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_reply_sent_again_is_queued_once_more_and_leaves_the_problems() {
    let s = common::demo_server().await;
    let mut c = console(&s.server.url(), &s.token(Role::Agent)).await;
    let me = c.ui.me().unwrap().unwrap();
    // The demo has a WhatsApp reply of this agent that the channel refused.
    let failed = c.ui.undelivered(me.id).unwrap();
    assert!(!failed.is_empty(), "the demo shows an undelivered reply");
    let m = failed[0].clone();
    assert_eq!(m.delivery, Delivery::Failed);
    assert!(m.delivery_error.is_some(), "the channel's reason is kept");
    c.ui.enqueue(OutboxOp::Resend {
        ticket_id: m.ticket_id,
        message_id: m.id,
        channel: None,
    })
    .unwrap();
    // At once: no longer listed (it is being sent again).
    assert_eq!(
        c.ui.undelivered_count(me.id).unwrap(),
        failed.len() as i64 - 1
    );
    c.handle.kick();
    c.drained("resend sent").await;
    let detail = s
        .get(&format!("/v1/tickets/{}", m.ticket_id), Role::Agent)
        .await;
    let on_server = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == m.id)
        .cloned()
        .unwrap();
    assert_ne!(on_server["delivery"], "failed", "{on_server}");
    // Exactly one new sending in the channel's queue.
    let page = s
        .get(
            &format!("/v1/outbound?channel={}&limit=500", m.channel.as_str()),
            Role::Integration,
        )
        .await;
    let attempts: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["message_id"] == m.id)
        .map(|i| i["attempt"].as_i64().unwrap())
        .collect();
    assert_eq!(attempts.len(), 1, "{attempts:?}");
    assert_eq!(on_server["delivery"], "queued");
}
