//! A site without the `sahaya-key` transaction custom field: a write whose
//! answer was lost is recognised by its text (same user, type and text on
//! the ticket since it was queued), so it still lands exactly once — also
//! where RT reads dates in a timezone west of UTC, and where the agent
//! sends the same text twice (also with a restart in between).

use sahaya_protocol::Clock;
use sahaya_protocol::domain::MessageKind;
use sahaya_store::{OutboxOp, OutboxState, Store};
use sahaya_sync::RtBackend;
use sahaya_testkit::proxy::{AnswerFault, Proxy};
use sahaya_testkit::rt::{RtOptions, RtServer};
use serde_json::json;

use super::{Rest, console, drained, kick_until};

fn message(ticket_id: i64, kind: MessageKind, body: &str) -> OutboxOp {
    OutboxOp::Message {
        ticket_id,
        kind,
        body: body.to_string(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_key_field_lost_answers_still_land_exactly_once() {
    let rt = tokio::task::spawn_blocking(|| {
        let rt = RtServer::start_with(RtOptions { key_field: false }).unwrap();
        rt.seed_tickets(3, false).unwrap();
        rt
    })
    .await
    .unwrap();
    let rest = Rest::new(&rt, &rt.admin.token);
    // The agent's RT reads dates in its own timezone, west of UTC (RT
    // takes a date in a search in the user's timezone).
    rest.put("user/kavya", json!({"Timezone": "America/Los_Angeles"}))
        .await;
    let check = RtBackend::new(&rt.url(), &rt.agent().token, Clock::system())
        .unwrap()
        .check()
        .await
        .unwrap();
    assert!(
        !check.key_field,
        "the site must lack the key field for this test"
    );

    let upstream = format!("127.0.0.1:{}", rt.port()).parse().unwrap();
    let proxy = Proxy::start(upstream).await;
    proxy.only_requests(b"POST ");
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let sync = console(&rt, 0, &cache, Some(&format!("{}/", proxy.url())));
    kick_until(&sync, "first sync", 60, || {
        ui.ticket(3).ok().flatten().is_some()
    })
    .await;

    // Every write's first answer is lost after RT applied it; the same
    // thanks twice on ticket 1.
    let thanks = "ಧನ್ಯವಾದಗಳು 🙏";
    let writes = [
        message(1, MessageKind::Reply, thanks),
        message(2, MessageKind::Reply, "మీ రీఫండ్ ప్రాసెస్ అయింది"),
        message(1, MessageKind::Note, "ग्राहकलाई फेरि फोन गर्नु"),
        message(1, MessageKind::Reply, thanks),
        message(3, MessageKind::Note, "ಕೊರಿಯರ್‌ಗೆ ಕರೆ ಮಾಡಿದೆ"),
        message(3, MessageKind::Reply, "मेरो अर्डर पठाइयो"),
    ];
    proxy.fault_next_answers(AnswerFault::CutAfterApply, writes.len());
    for w in &writes {
        ui.enqueue(w.clone()).unwrap();
    }
    kick_until(&sync, "the writes delivered", 120, || {
        ui.outbox_counts().is_ok_and(|c| c == (0, 0))
    })
    .await;
    assert_eq!(
        proxy.pending_answer_faults(),
        0,
        "every write lost its first answer"
    );
    assert_eq!(proxy.stats().cut_after_apply, writes.len() as u64);

    // The thanks once more, and this time the first try never reaches RT
    // (cut half-way): the earlier thanks already in RT are not this one.
    proxy.reset_requests(1.0);
    let id = ui
        .enqueue(message(1, MessageKind::Reply, thanks))
        .unwrap()
        .id;
    kick_until(&sync, "a try of the third thanks", 60, || {
        // (Or delivered: taken for an earlier thanks, it would not be tried.)
        ui.outbox_entry(id)
            .unwrap()
            .is_some_and(|e| e.attempts >= 2 || e.state == OutboxState::Done)
    })
    .await;
    proxy.reset_requests(0.0);
    sync.kick();
    drained(&ui, 60).await;
    let problems = ui.outbox_problems().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");

    let pair = |k: &str, t: &str| (k.to_string(), t.to_string());
    assert_eq!(
        rest.written(1).await,
        vec![
            pair("Correspond", thanks),
            pair("Comment", "ग्राहकलाई फेरि फोन गर्नु"),
            pair("Correspond", thanks),
            pair("Correspond", thanks),
        ]
    );
    assert_eq!(
        rest.written(2).await,
        vec![pair("Correspond", "మీ రీఫండ్ ప్రాసెస్ అయింది")]
    );
    assert_eq!(
        rest.written(3).await,
        vec![
            pair("Comment", "ಕೊರಿಯರ್‌ಗೆ ಕರೆ ಮಾಡಿದೆ"),
            pair("Correspond", "मेरो अर्डर पठाइयो")
        ]
    );
    // The first try of the third thanks was cut; the second (which looks
    // for an earlier try first) started before the cutting stopped.
    assert!(proxy.stats().requests_cut >= 1, "{:?}", proxy.stats());
    // The cache shows the thanks three times too, each its own message.
    kick_until(&sync, "the cache shows RT's messages", 30, || {
        ui.messages(1)
            .is_ok_and(|m| m.iter().filter(|m| m.body == thanks).count() == 3)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_text_again_after_a_restart_is_not_taken_for_the_first() {
    let rt = tokio::task::spawn_blocking(|| {
        let rt = RtServer::start_with(RtOptions { key_field: false }).unwrap();
        rt.seed_tickets(1, false).unwrap();
        rt
    })
    .await
    .unwrap();
    let upstream = format!("127.0.0.1:{}", rt.port()).parse().unwrap();
    let proxy = Proxy::start(upstream).await;
    proxy.only_requests(b"POST ");
    let url = format!("{}/", proxy.url());
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let sync = console(&rt, 0, &cache, Some(&url));
    kick_until(&sync, "first sync", 60, || {
        ui.ticket(1).ok().flatten().is_some()
    })
    .await;

    // The thanks goes out; then the same thanks again, whose tries are cut
    // before RT gets them whole.
    let thanks = "ಧನ್ಯವಾದಗಳು, ನಿಮ್ಮ ದಿನ ಶುಭವಾಗಲಿ 🙏";
    ui.enqueue(message(1, MessageKind::Reply, thanks)).unwrap();
    sync.kick();
    drained(&ui, 60).await;
    proxy.reset_requests(1.0);
    let again = ui
        .enqueue(message(1, MessageKind::Reply, thanks))
        .unwrap()
        .id;
    kick_until(&sync, "a try of the second thanks", 60, || {
        ui.outbox_entry(again)
            .unwrap()
            .is_some_and(|e| e.attempts >= 1 && e.state == OutboxState::Pending)
    })
    .await;

    // The console stops (and with it what it remembered); a new one on the
    // same cache, with the network healthy, sends the second thanks.
    drop(sync);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    proxy.reset_requests(0.0);
    let sync = console(&rt, 0, &cache, Some(&url));
    sync.kick();
    drained(&ui, 60).await;
    assert!(ui.outbox_problems().unwrap().is_empty());
    assert!(proxy.stats().requests_cut >= 1, "{:?}", proxy.stats());
    let rest = Rest::new(&rt, &rt.admin.token);
    let pair = ("Correspond".to_string(), thanks.to_string());
    assert_eq!(
        rest.written(1).await,
        vec![pair.clone(), pair],
        "both thanks are in RT, once each"
    );
}
