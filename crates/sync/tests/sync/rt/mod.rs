//! The Request Tracker 5 adapter against a real RT on loopback (no mock):
//! first sync, writes landing exactly once, conflicts, Indic text. Here:
//! the helpers and the first tests; by area: a console killed mid-write
//! (`kill`), RT going away and coming back (`outage`), a site without the
//! key field (`no_key_field`), Indic text both ways (`indic`), the
//! messages for a user's mistakes (`mistakes`), reads through an RT web
//! session (`session`), and who is a supervisor (`roles`).

mod indic;
mod kill;
mod mistakes;
mod no_key_field;
mod outage;
mod roles;
mod session;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sahaya_protocol::Clock;
use sahaya_protocol::domain::{MessageKind, Status, TicketId};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::{OutboxOp, OutboxState, Store};
use sahaya_sync::{Connection, RtBackend, SyncHandle};
use sahaya_testkit::rt::RtServer;
use serde_json::Value;

pub async fn wait_until(what: &str, secs: u64, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !f() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A console's sync against `rt` (or `url`, a proxy in front of it) as
/// agent `n`, on `cache`. Open the UI's store on the cache first (as the
/// console does).
pub fn console(rt: &RtServer, n: usize, cache: &std::path::Path, url: Option<&str>) -> SyncHandle {
    let url = url.map_or_else(|| rt.url(), str::to_string);
    console_at(&url, &rt.agents[n].token, cache, &format!("console {n}"))
}

/// A console's sync against the RT at `url` with `token`.
pub fn console_at(url: &str, token: &str, cache: &std::path::Path, name: &str) -> SyncHandle {
    watched_console(url, token, cache, name).0
}

/// The connection states a console went through, as its status line showed them.
pub type Seen = Arc<Mutex<Vec<Connection>>>;

/// A console's sync, and what it has told the UI about the connection.
pub fn watched_console(
    url: &str,
    token: &str,
    cache: &std::path::Path,
    name: &str,
) -> (SyncHandle, Seen) {
    let name = name.to_string();
    let backend = RtBackend::new(url, token, Clock::system())
        .unwrap()
        .with_request_timeout(Duration::from_secs(3))
        .with_poll_interval(Duration::from_millis(300));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let seen: Seen = Arc::default();
    let log = seen.clone();
    // Shown when a test fails: how the link to RT went.
    tokio::spawn(async move {
        while let Some(ev) = rx.recv().await {
            if let sahaya_sync::SyncEvent::Connection(c) = ev {
                eprintln!("{name}: {c:?}");
                log.lock().unwrap().push(c);
            }
        }
    });
    (
        sahaya_sync::spawn_with(backend, cache.to_path_buf(), tx, Clock::system()),
        seen,
    )
}

/// A plain REST 2 client, to look at RT from outside the adapter.
pub struct Rest {
    base: String,
    token: String,
    http: reqwest::Client,
}

impl Rest {
    pub fn new(rt: &RtServer, token: &str) -> Rest {
        Rest {
            base: format!("{}REST/2.0/", rt.url()),
            token: token.to_string(),
            http: reqwest::Client::new(),
        }
    }

    pub async fn get(&self, path: &str) -> Value {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("Authorization", format!("token {}", self.token))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "GET {path}: {}", r.status());
        r.json().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        self.send(reqwest::Method::POST, path, body).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Value {
        self.send(reqwest::Method::PUT, path, body).await
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let r = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .header("Authorization", format!("token {}", self.token))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(status.is_success(), "{method} {path}: {status}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    /// The texts of a ticket's transactions of `kind` (Correspond, Comment).
    pub async fn texts(&self, ticket: i64, kind: &str) -> Vec<String> {
        self.messages(ticket)
            .await
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.text.trim_end().to_string())
            .collect()
    }

    /// A ticket's replies and notes after its creation, oldest first.
    pub async fn written(&self, ticket: i64) -> Vec<Written> {
        self.messages(ticket)
            .await
            .into_iter()
            .filter(|m| m.kind != "Create")
            .map(|m| (m.kind, m.text.trim_end().to_string()))
            .collect()
    }

    /// A ticket's messages (Create, Correspond, Comment), oldest first, with
    /// their text as RT stores it (the first text/plain part).
    pub async fn messages(&self, ticket: i64) -> Vec<RtMessage> {
        let sql = format!(
            "ObjectId = {ticket} AND ObjectType = 'RT::Ticket' AND \
             (Type = 'Create' OR Type = 'Correspond' OR Type = 'Comment')"
        );
        let mut txns: Vec<(i64, String, String)> = Vec::new();
        for page in 1.. {
            let q = format!(
                "transactions?query={}&fields=Type,Creator&orderby=id&order=ASC&per_page=100&page={page}",
                urlencode(&sql)
            );
            let items = self.get(&q).await["items"].as_array().unwrap().clone();
            for t in &items {
                txns.push((
                    t["id"].as_str().unwrap().parse().unwrap(),
                    t["Type"].as_str().unwrap().to_string(),
                    t["Creator"]["id"].as_str().unwrap_or_default().to_string(),
                ));
            }
            if items.len() < 100 {
                break;
            }
        }
        let mut out = Vec::new();
        for (id, kind, creator) in txns {
            let atts = self
                .get(&format!(
                    "transaction/{id}/attachments?fields=ContentType,Content&orderby=id"
                ))
                .await;
            if let Some(a) = atts["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["ContentType"] == "text/plain")
            {
                out.push(RtMessage {
                    id,
                    kind,
                    creator,
                    text: a["Content"].as_str().unwrap().to_string(),
                });
            }
        }
        out
    }
}

/// A reply or note as RT keeps it: its transaction type (Correspond or
/// Comment) and text.
pub type Written = (String, String);

/// What queueing `op` leaves in RT, if it is a reply or note.
pub fn written(op: &OutboxOp) -> Option<(TicketId, Written)> {
    let OutboxOp::Message {
        ticket_id,
        kind,
        body,
    } = op
    else {
        return None;
    };
    let kind = if *kind == MessageKind::Note {
        "Comment"
    } else {
        "Correspond"
    };
    Some((*ticket_id, (kind.to_string(), body.clone())))
}

/// One message transaction as RT holds it.
#[derive(Debug, Clone)]
pub struct RtMessage {
    pub id: i64,
    /// Create, Correspond or Comment.
    pub kind: String,
    /// The creator's login.
    pub creator: String,
    pub text: String,
}

pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Waits until the outbox is empty; says what is stuck if it is not.
pub async fn drained(ui: &Store, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while ui.outbox_counts().unwrap() != (0, 0) {
        if Instant::now() > deadline {
            let stuck: Vec<String> = ui
                .outbox_pending()
                .unwrap()
                .into_iter()
                .chain(ui.outbox_problems().unwrap())
                .map(|e| {
                    format!(
                        "{} {:?} attempts {} {:?}",
                        e.id, e.state, e.attempts, e.last_error
                    )
                })
                .collect();
            panic!("outbox not drained:\n{}", stuck.join("\n"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_sync_shows_rt_tickets_and_writes_land_once() {
    let rt = tokio::task::spawn_blocking(|| {
        let rt = RtServer::start().unwrap();
        rt.seed_tickets(12, true).unwrap();
        rt
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let sync = console(&rt, 0, &cache, None);
    wait_until("first sync", 60, || {
        ui.ticket(12).ok().flatten().is_some() && ui.me().ok().flatten().is_some()
    })
    .await;
    let t = ui.ticket(1).unwrap().unwrap();
    assert_eq!(t.subject, "రీఫండ్ ఇంకా రాలేదు");
    assert_eq!(t.order_id.as_deref(), Some("SH-1001"));
    let msgs = ui.messages(1).unwrap();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert_eq!(msgs[0].kind, MessageKind::Customer);
    assert_eq!(msgs[0].body, "నా ఆర్డర్ SH-1001 రీఫండ్ ఇంకా రాలేదు.");
    assert_eq!(msgs[1].kind, MessageKind::Reply);
    let customer = ui.customer(t.customer_id).unwrap().unwrap();
    assert_eq!(customer.handles[0].value, "customer1@customer.test");

    // A reply, a note and a status change, queued offline-first.
    let reply = "ನಮಸ್ಕಾರ! ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ನಾಳೆ ತಲುಪುತ್ತದೆ 📦";
    ui.enqueue(OutboxOp::Message {
        ticket_id: 2,
        kind: MessageKind::Reply,
        body: reply.into(),
    })
    .unwrap();
    ui.enqueue(OutboxOp::Message {
        ticket_id: 2,
        kind: MessageKind::Note,
        body: "कुरियरलाई फोन गरें".into(),
    })
    .unwrap();
    ui.enqueue(OutboxOp::Patch {
        ticket_id: 2,
        patch: TicketPatch {
            status: Some(Status::Pending),
            assignee_id: Some(Some(rt.agents[1].id)),
            priority: Some(sahaya_protocol::domain::Priority::Urgent),
            ..Default::default()
        },
    })
    .unwrap();
    sync.kick();
    drained(&ui, 60).await;
    let problems = ui.outbox_problems().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");

    let rest = Rest::new(&rt, &rt.admin.token);
    assert_eq!(
        rest.texts(2, "Correspond")
            .await
            .iter()
            .filter(|t| *t == reply)
            .count(),
        1
    );
    assert_eq!(
        rest.texts(2, "Comment").await,
        vec!["कुरियरलाई फोन गरें".to_string()]
    );
    let t = rest.get("ticket/2").await;
    assert_eq!(t["Status"], "stalled");
    assert_eq!(t["Priority"], "100");
    assert_eq!(t["Owner"]["id"], "ravi");
    let cached = ui.ticket(2).unwrap().unwrap();
    assert_eq!(cached.status, Status::Pending);
    assert_eq!(cached.assignee_id, Some(rt.agents[1].id));
    // The agents' names came through in their scripts.
    let agent = ui.agent(rt.agents[1].id).unwrap().unwrap();
    assert_eq!(agent.name, "రవి శంకర్");
    assert_eq!(ui.me().unwrap().unwrap().name, "ಕಾವ್ಯಾ ರಾವ್");
}

pub async fn start_rt(tickets: usize) -> RtServer {
    tokio::task::spawn_blocking(move || {
        let rt = RtServer::start().unwrap();
        rt.seed_tickets(tickets, false).unwrap();
        rt
    })
    .await
    .unwrap()
}

/// Waits for `f`, asking the sync to run now and then.
pub async fn kick_until(sync: &SyncHandle, what: &str, secs: u64, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !f() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        sync.kick();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_through_a_faulty_network_land_exactly_once_in_order() {
    use sahaya_testkit::proxy::{AnswerFault, Proxy};
    const TICKETS: i64 = 5;
    const WRITES: usize = 200;
    let rt = start_rt(TICKETS as usize).await;
    let upstream = format!("127.0.0.1:{}", rt.port()).parse().unwrap();
    let proxy = Proxy::start_seeded(upstream, 12).await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let sync = console(&rt, 0, &cache, Some(&format!("{}/", proxy.url())));
    kick_until(&sync, "first sync", 60, || {
        ui.ticket(TICKETS).ok().flatten().is_some()
    })
    .await;

    // Writes whose answer is lost after RT applied them (cut, or reset),
    // writes cut before RT got them whole, a slow link; reads pass.
    let faults = |kind: AnswerFault| {
        proxy.only_requests(b"POST ");
        proxy.only_requests(b"PUT ");
        proxy.fault_answers(kind, 0.2);
        proxy.reset_requests(0.05);
        proxy.set_delay(Duration::from_millis(2), Duration::from_millis(2));
    };
    faults(AnswerFault::CutAfterApply);
    let mut expected: Vec<Vec<String>> = vec![Vec::new(); TICKETS as usize + 1];
    for i in 0..WRITES {
        let ticket = (i as i64 % TICKETS) + 1;
        let body = format!("ಉತ್ತರ {i} / జవాబు / जवाफ");
        ui.enqueue(OutboxOp::Message {
            ticket_id: ticket,
            kind: MessageKind::Reply,
            body: body.clone(),
        })
        .unwrap();
        expected[ticket as usize].push(body);
        if i % 25 == 0 {
            let status = if i % 50 == 0 {
                Status::Pending
            } else {
                Status::Open
            };
            ui.enqueue(OutboxOp::Patch {
                ticket_id: ticket,
                patch: TicketPatch {
                    status: Some(status),
                    ..Default::default()
                },
            })
            .unwrap();
        }
    }
    // While it drains: the kind of lost answer alternates, and now and then
    // RT is not there at all for a moment.
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut round = 0u32;
    while ui.outbox_counts().unwrap() != (0, 0) {
        assert!(
            Instant::now() < deadline,
            "outbox not drained: {:?}",
            ui.outbox_counts()
        );
        round += 1;
        if round.is_multiple_of(40) {
            proxy.refuse();
            tokio::time::sleep(Duration::from_millis(800)).await;
            proxy.heal().await;
        }
        if round.is_multiple_of(10) {
            faults(if round.is_multiple_of(20) {
                AnswerFault::CutAfterApply
            } else {
                AnswerFault::Reset
            });
        }
        sync.kick();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let problems = ui.outbox_problems().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    let stats = proxy.stats();
    proxy.heal().await;

    let rest = Rest::new(&rt, &rt.admin.token);
    let mut total = 0;
    for ticket in 1..=TICKETS {
        let got = rest.texts(ticket, "Correspond").await;
        // Every reply once, in the order it was queued (transaction order).
        assert_eq!(got, expected[ticket as usize], "ticket {ticket}");
        total += got.len();
    }
    assert_eq!(total, WRITES);
    assert!(
        stats.cut_after_apply >= 10 && stats.resets >= 10 && stats.requests_cut >= 5,
        "the network was not faulty enough to prove anything: {stats:?}"
    );
    eprintln!("{WRITES} writes through the proxy: {stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_consoles_on_one_ticket_the_loser_sees_the_conflict() {
    let rt = start_rt(3).await;
    let dir = tempfile::tempdir().unwrap();
    let (a_cache, b_cache) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let mut a = Store::open(&a_cache).unwrap();
    let mut b = Store::open(&b_cache).unwrap();
    let a_sync = console(&rt, 0, &a_cache, None);
    let b_sync = console(&rt, 1, &b_cache, None);
    kick_until(&a_sync, "a synced", 60, || {
        a.ticket(3).ok().flatten().is_some()
    })
    .await;
    kick_until(&b_sync, "b synced", 60, || {
        b.ticket(3).ok().flatten().is_some()
    })
    .await;
    // Both decide on ticket 3 from the same version; b is offline-slow.
    drop(b_sync);
    a.enqueue(OutboxOp::Patch {
        ticket_id: 3,
        patch: TicketPatch {
            status: Some(Status::Solved),
            ..Default::default()
        },
    })
    .unwrap();
    b.enqueue(OutboxOp::Patch {
        ticket_id: 3,
        patch: TicketPatch {
            status: Some(Status::Pending),
            priority: Some(sahaya_protocol::domain::Priority::High),
            ..Default::default()
        },
    })
    .unwrap();
    a_sync.kick();
    drained(&a, 60).await;
    assert!(a.outbox_problems().unwrap().is_empty());
    let b_sync = console(&rt, 1, &b_cache, None);
    kick_until(&b_sync, "b's change settled", 60, || {
        b.outbox_counts()
            .map(|(pending, _)| pending == 0)
            .unwrap_or(false)
    })
    .await;
    let problems = b.outbox_problems().unwrap();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].state, OutboxState::Conflict);
    let theirs = problems[0].conflict.as_ref().unwrap();
    assert_eq!(
        theirs.status,
        Status::Solved,
        "the conflict shows what kavya did"
    );
    let rest = Rest::new(&rt, &rt.admin.token);
    assert_eq!(
        rest.get("ticket/3").await["Status"],
        "resolved",
        "b overwrote nothing"
    );
}
