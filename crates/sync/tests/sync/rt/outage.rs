//! RT goes away half-way through the agent's work (killed, as a crash or a
//! lost link would) and comes back: the outbox keeps every write meanwhile,
//! nothing is dropped as an error, and once RT is back each write lands once.

use std::time::{Duration, Instant};

use sahaya_protocol::domain::{MessageKind, Priority, Status};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::{OutboxOp, OutboxState, Store};

use sahaya_sync::Connection;

use super::{Rest, Written, drained, kick_until, start_rt, watched_console, written};

fn reply(ticket_id: i64, body: String) -> OutboxOp {
    OutboxOp::Message {
        ticket_id,
        kind: MessageKind::Reply,
        body,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rt_stopped_half_way_keeps_the_writes_and_delivers_them_once_when_back() {
    let mut rt = start_rt(3).await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let (sync, seen) = watched_console(&rt.url(), &rt.agent().token, &cache, "console");
    kick_until(&sync, "first sync", 60, || {
        ui.ticket(3).ok().flatten().is_some()
    })
    .await;

    // Replies and notes per ticket, in the order queued.
    let mut expected: Vec<Vec<Written>> = vec![Vec::new(); 4];
    let mut queue = |ui: &mut Store, op: OutboxOp| {
        if let Some((ticket, w)) = written(&op) {
            expected[ticket as usize].push(w);
        }
        ui.enqueue(op).unwrap();
    };

    // Before: a few writes, and RT is killed while they drain.
    for i in 0..6 {
        let ticket = i % 3 + 1;
        queue(
            &mut ui,
            reply(ticket, format!("[before {i}] ನಮಸ್ಕಾರ, ನಿಮ್ಮ ಆರ್ಡರ್ ದಾರಿಯಲ್ಲಿದೆ")),
        );
    }
    sync.kick();
    let deadline = Instant::now() + Duration::from_secs(60);
    while ui.outbox_counts().unwrap().0 > 3 {
        assert!(Instant::now() < deadline, "the first writes did not go out");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    rt.stop();
    let (left, _) = ui.outbox_counts().unwrap();

    // While RT is away the agent keeps working.
    queue(
        &mut ui,
        OutboxOp::Message {
            ticket_id: 2,
            kind: MessageKind::Note,
            body: "[during] ಕೊರಿಯರ್‌ಗೆ ಕರೆ ಮಾಡಿದೆ / कुरियरलाई फोन गरें".into(),
        },
    );
    queue(
        &mut ui,
        OutboxOp::Patch {
            ticket_id: 1,
            patch: TicketPatch {
                status: Some(Status::Pending),
                priority: Some(Priority::Urgent),
                ..Default::default()
            },
        },
    );
    for i in 0..3 {
        queue(
            &mut ui,
            reply(3 - i, format!("[during {i}] రీఫండ్ ప్రాసెస్ అయింది")),
        );
    }
    queue(
        &mut ui,
        OutboxOp::Patch {
            ticket_id: 3,
            patch: TicketPatch {
                status: Some(Status::Solved),
                ..Default::default()
            },
        },
    );
    let waiting = left + 6;
    assert_eq!(ui.outbox_counts().unwrap(), (waiting, 0));

    // The console notices and keeps everything: nothing is tried to death
    // or given up on, however often the agent asks to sync.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        sync.kick();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let offline = seen
            .lock()
            .unwrap()
            .iter()
            .filter(|c| matches!(c, Connection::Offline(_)))
            .count();
        if offline >= 3 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the console did not notice RT was away: {seen:?}"
        );
    }
    assert_eq!(
        ui.outbox_counts().unwrap(),
        (waiting, 0),
        "nothing dropped while RT was away"
    );
    assert!(ui.outbox_problems().unwrap().is_empty());
    for e in ui.outbox_pending().unwrap() {
        assert_eq!(e.state, OutboxState::Pending, "{e:#?}");
        // One interrupted by the kill says why it waits.
        if e.attempts > 0 {
            assert!(
                e.last_error
                    .as_deref()
                    .is_some_and(|m| m.contains("Cannot reach")),
                "{e:#?}"
            );
        }
    }

    // RT comes back with its database; the outbox drains.
    let rt = tokio::task::spawn_blocking(move || {
        rt.start_again().unwrap();
        rt
    })
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while ui.outbox_counts().unwrap() != (0, 0) {
        assert!(
            Instant::now() < deadline,
            "outbox not drained after RT came back: {:?}\n{}",
            ui.outbox_pending().unwrap(),
            rt.log_tail()
        );
        sync.kick();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drained(&ui, 1).await;
    let problems = ui.outbox_problems().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");

    let rest = Rest::new(&rt, &rt.admin.token);
    for ticket in 1..=3 {
        let got = rest.written(ticket).await;
        let want = &expected[ticket as usize];
        assert_eq!(&got, want, "ticket {ticket}: each write once, in order");
    }
    let t1 = rest.get("ticket/1").await;
    assert_eq!(
        (t1["Status"].as_str(), t1["Priority"].as_str()),
        (Some("stalled"), Some("100"))
    );
    assert_eq!(rest.get("ticket/3").await["Status"], "resolved");
}

/// The connection states seen so far that are `Offline`.
fn offline_count(seen: &super::Seen) -> usize {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|c| matches!(c, Connection::Offline(_)))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_console_finds_rt_back_by_itself_after_a_long_outage() {
    let mut rt = start_rt(2).await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let (sync, seen) = watched_console(&rt.url(), &rt.agent().token, &cache, "console");
    kick_until(&sync, "first sync", 60, || {
        ui.ticket(2).ok().flatten().is_some()
    })
    .await;

    // RT goes away long enough for the backoff to reach its longest wait
    // (8 failed tries in a row); nobody asks the console to sync meanwhile.
    rt.stop();
    let body = "[outage] ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ಇಂದು ತಲುಪುತ್ತದೆ";
    ui.enqueue(reply(2, body.to_string())).unwrap();
    let before = offline_count(&seen);
    let deadline = Instant::now() + Duration::from_secs(300);
    while offline_count(&seen) < before + 8 {
        assert!(
            Instant::now() < deadline,
            "the console stopped trying: {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // RT is back (it answers HTTP again): the console reconnects on its own
    // next try and delivers the reply, without failing against it again.
    let rt = tokio::task::spawn_blocking(move || {
        rt.start_again().unwrap();
        rt
    })
    .await
    .unwrap();
    let failed_before_back = offline_count(&seen);
    let online_before_back = seen.lock().unwrap().len();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let back_online = seen.lock().unwrap()[online_before_back..]
            .iter()
            .any(|c| matches!(c, Connection::Online));
        if back_online && ui.outbox_counts().unwrap() == (0, 0) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the console did not find RT back: {seen:?}\n{}",
            rt.log_tail()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let failed_after_back = offline_count(&seen) - failed_before_back;
    assert!(
        failed_after_back <= 1,
        "{failed_after_back} failed tries against an RT that answered: {seen:?}"
    );
    assert!(ui.outbox_problems().unwrap().is_empty());
    let rest = Rest::new(&rt, &rt.admin.token);
    assert_eq!(
        rest.texts(2, "Correspond")
            .await
            .iter()
            .filter(|t| *t == body)
            .count(),
        1,
        "the reply queued during the outage landed once"
    );
}
