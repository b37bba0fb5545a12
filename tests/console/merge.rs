//! Merging tickets from the console, headless, against the real reference
//! server through the real sync task (issue 14): the target picked by its
//! number or by words, a confirmation saying what moves, the merge queued
//! in the outbox and landing exactly once — also when it was made offline
//! and the first answer after reconnecting is lost; marked tickets merged
//! into one, one entry each, each landing once; a target changed on the
//! server meanwhile shown in the problems list with what to do.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use sahaya_testkit::proxy::{AnswerFault, Proxy};
use sahaya_testkit::ui::{Console, LiveServer, fill_cache, runtime};

use sahaya::client::Client;
use sahaya::domain::{Role, Status, Ticket, TicketId};
use sahaya::protocol::{TicketPatch, merged_into};
use sahaya::store::{OutboxOp, Store};
use sahaya::ui::app::Pane;
use sahaya::ui::overlay::Overlay;

/// A demo server and a cache it filled, with the console over it.
fn start(locale: &str) -> (LiveServer, tempfile::TempDir, Console) {
    let server = LiveServer::demo();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &[]);
    let ui = Console::open(&cache, locale, (160, 45));
    (server, dir, ui)
}

/// A customer's tickets that are not closed, for a customer with at least
/// `n` of them, oldest first.
fn open_tickets_of_one_customer(store: &Store, n: usize) -> Vec<Ticket> {
    let q = sahaya::store::language::parse("-status:closed").unwrap();
    let cx = sahaya::store::QueryContext {
        me: store.me().unwrap().unwrap().id,
        now: chrono::Utc::now(),
    };
    let mut by_customer: BTreeMap<i64, Vec<Ticket>> = BTreeMap::new();
    for id in store.query_ids(&q, &cx, 0, 100_000).unwrap() {
        let t = store.ticket(id).unwrap().unwrap();
        by_customer.entry(t.customer_id).or_default().push(t);
    }
    let mut found = by_customer
        .into_values()
        .find(|v| v.len() >= n)
        .expect("a demo customer with enough open tickets");
    found.sort_by_key(|t| t.id);
    found
}

/// Opens `id` in the thread pane, so actions go to it.
fn open(ui: &mut Console, id: TicketId) {
    ui.press("esc esc");
    ui.app.open_ticket(id);
    ui.app.focus = Pane::Thread;
}

fn server_ticket(server: &LiveServer, id: TicketId) -> Ticket {
    let c = server.client(Role::Agent);
    server.block_on(async { c.ticket(id).await.unwrap().ticket })
}

/// Notes on `id` saying a ticket was merged in.
fn merge_notes(server: &LiveServer, id: TicketId) -> usize {
    let c = server.client(Role::Agent);
    server.block_on(async {
        c.ticket(id)
            .await
            .unwrap()
            .messages
            .iter()
            .filter(|m| m.body.contains("was merged in"))
            .count()
    })
}

/// Runs the sync task through a loopback proxy in front of `server`:
/// `offline` first (refused connections) with the outbox checked to still
/// wait, then healed with the first merge answer cut after the server
/// applied it, until the outbox drains. Returns the problems left.
fn sync_through_proxy(
    server: &LiveServer,
    cache: &Path,
    offline: bool,
    cut_first_answer: bool,
) -> usize {
    let rt = runtime(2);
    let token = server.token(Role::Agent);
    let addr = server.server().addr;
    let problems = rt.block_on(async {
        let proxy = Proxy::start(addr).await;
        if offline {
            proxy.refuse();
        }
        // Before the task starts: refused connections get no answer, so
        // the fault waits for the first answer after reconnecting.
        if cut_first_answer {
            proxy.only_requests(b"POST /v1/tickets/");
            proxy.fault_next_answers(AnswerFault::CutAfterApply, 1);
        }
        let client = Client::new(&proxy.url(), token).unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let handle = sahaya::sync::spawn(client, cache.to_path_buf(), tx);
        tokio::spawn(async move { while rx.recv().await.is_some() {} });
        let store = Store::open(cache).unwrap();
        if offline {
            handle.kick();
            tokio::time::sleep(Duration::from_secs(1)).await;
            assert!(
                !store.outbox_pending().unwrap().is_empty(),
                "still waiting while offline"
            );
            proxy.heal().await;
        }
        handle.kick();
        let deadline = Instant::now() + Duration::from_secs(90);
        while !store.outbox_pending().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "the outbox did not drain");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if cut_first_answer {
            assert_eq!(proxy.pending_answer_faults(), 0, "the answer was lost once");
        }
        store.outbox_problems().unwrap().len()
    });
    drop(rt);
    problems
}

/// Picks the target by typing its number, and says yes.
fn merge_by_number(ui: &mut Console, into: TicketId) -> String {
    ui.press("M");
    if ui.app.marked.len() > 1 {
        let title = format!(
            "Merge {} marked tickets into which ticket?",
            ui.app.marked.len()
        );
        ui.render().assert_has(&title);
    }
    ui.type_text(&into.to_string());
    ui.press("enter");
    let question = match &ui.app.overlay {
        Some(Overlay::Confirm(c)) => c.question.clone(),
        Some(Overlay::Prompt(p)) => panic!("refused: {:?}", p.error),
        _ => panic!("no confirmation:\n{}", ui.screen()),
    };
    ui.press("y");
    question
}

#[test]
fn a_merge_typed_in_the_console_lands_on_the_server_once() {
    let (server, dir, mut ui) = start("en");
    let pair = open_tickets_of_one_customer(ui.store(), 2);
    let (from, into) = (pair[0].clone(), pair[1].clone());
    let into_before = server_ticket(&server, into.id);

    // By words: the search finds the target among the customer's tickets.
    open(&mut ui, from.id);
    ui.press("M");
    ui.render()
        .assert_has(&format!("Merge #{} into which ticket?", from.id));
    let customer = ui.store().customer(from.customer_id).unwrap().unwrap();
    ui.type_text(&format!("customer:\"{}\"", customer.name));
    ui.press("enter");
    let items: Vec<String> = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p.items.iter().map(|(l, _)| l.clone()).collect(),
        _ => panic!("no picker:\n{}", ui.screen()),
    };
    assert!(
        items
            .iter()
            .any(|l| l.starts_with(&format!("#{} ", into.id))),
        "{items:?}"
    );
    assert!(
        !items
            .iter()
            .any(|l| l.starts_with(&format!("#{} ", from.id))),
        "not into itself: {items:?}"
    );
    ui.press("esc esc");

    // Into itself: refused with the reason, the prompt stays.
    open(&mut ui, from.id);
    ui.press("M");
    ui.type_text(&from.id.to_string());
    ui.press("enter");
    ui.render().assert_has("cannot be merged into itself");
    ui.press("esc esc");

    // By number: the confirmation says what moves.
    open(&mut ui, from.id);
    let question = merge_by_number(&mut ui, into.id);
    assert!(
        question.contains(&format!("Merge #{} into #{}", from.id, into.id))
            && question.contains(&format!("messages ({})", from.message_count))
            && question.contains("is closed"),
        "{question}"
    );
    ui.render()
        .assert_has(&format!("Merge of #{} into #{} saved", from.id, into.id));
    let entries = ui.store().outbox_pending().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(matches!(
        entries[0].op,
        OutboxOp::Merge { ticket_id, into: target, into_version }
            if ticket_id == from.id && target == into.id && into_version == into_before.version
    ));
    drop(ui);

    let cache = dir.path().join("cache.db");
    assert_eq!(sync_through_proxy(&server, &cache, false, false), 0);
    let merged = server_ticket(&server, from.id);
    assert_eq!(merged.status, Status::Closed);
    assert_eq!(merged_into(&merged), Some(into.id));
    let target = server_ticket(&server, into.id);
    assert_eq!(target.version, into_before.version + 1);
    assert_eq!(merge_notes(&server, into.id), 1);

    // Back in the console (the feed pulled): the merged ticket is closed
    // with its pointer, its messages are on the target.
    fill_cache(&server.client(Role::Agent), &cache, &[]);
    let store = Store::open(&cache).unwrap();
    let cached = store.ticket(from.id).unwrap().unwrap();
    assert_eq!(cached.status, Status::Closed);
    assert_eq!(merged_into(&cached), Some(into.id));
    assert_eq!(
        store.messages(into.id).unwrap().len() as i64,
        target.message_count
    );
    drop(store);
    let mut ui = Console::open(&cache, "te", (160, 45));
    open(&mut ui, from.id);
    ui.render().assert_has(&format!("#{} లో విలీనమైంది", into.id));
}

#[test]
fn a_merge_made_offline_lands_once_after_reconnect() {
    let (server, dir, mut ui) = start("kn");
    let pair = open_tickets_of_one_customer(ui.store(), 2);
    let (from, into) = (pair[0].clone(), pair[1].clone());
    let into_before = server_ticket(&server, into.id);
    open(&mut ui, from.id);
    // Kannada digits for the number.
    let digits: String = into
        .id
        .to_string()
        .chars()
        .map(|c| char::from_u32(0x0CE6 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    ui.press("M");
    ui.type_text(&digits);
    ui.press("enter");
    let question = match &ui.app.overlay {
        Some(Overlay::Confirm(c)) => c.question.clone(),
        _ => panic!("no confirmation:\n{}", ui.screen()),
    };
    assert!(question.contains("ವಿಲೀನಗೊಳಿಸಬೇಕೆ"), "{question}");
    ui.press("y");
    assert_eq!(ui.store().outbox_pending().unwrap().len(), 1);
    drop(ui);

    let cache = dir.path().join("cache.db");
    // Offline first; after reconnecting, the first answer is lost once:
    // the retry under the same key gets the first answer, nothing twice.
    assert_eq!(sync_through_proxy(&server, &cache, true, true), 0);
    let target = server_ticket(&server, into.id);
    assert_eq!(target.version, into_before.version + 1, "merged once");
    assert_eq!(merge_notes(&server, into.id), 1);
    assert_eq!(merged_into(&server_ticket(&server, from.id)), Some(into.id));
}

#[test]
fn marked_tickets_merge_into_one_each_once() {
    let (server, dir, mut ui) = start("en");
    let three = open_tickets_of_one_customer(ui.store(), 3);
    let into = three[2].clone();
    let into_before = server_ticket(&server, into.id);
    let versions: Vec<i64> = three[..2]
        .iter()
        .map(|t| server_ticket(&server, t.id).version)
        .collect();
    open(&mut ui, three[0].id);
    for t in &three[..2] {
        ui.app.marked.insert(t.id);
    }
    let question = merge_by_number(&mut ui, into.id);
    assert!(
        question.starts_with(&format!("Merge 2 tickets into #{}", into.id)),
        "{question}"
    );
    let entries = ui.store().outbox_pending().unwrap();
    assert_eq!(entries.len(), 2, "one entry per ticket");
    assert_ne!(entries[0].key, entries[1].key);
    assert!(ui.app.marked.is_empty());
    drop(ui);

    let cache = dir.path().join("cache.db");
    assert_eq!(sync_through_proxy(&server, &cache, false, true), 0);
    for (t, before) in three[..2].iter().zip(versions) {
        let now = server_ticket(&server, t.id);
        assert_eq!(merged_into(&now), Some(into.id), "#{}", t.id);
        assert_eq!(now.version, before + 1, "#{} merged once", t.id);
    }
    let target = server_ticket(&server, into.id);
    assert_eq!(target.version, into_before.version + 2);
    assert_eq!(merge_notes(&server, into.id), 2);
}

#[test]
fn a_target_changed_meanwhile_shows_in_the_problems_with_what_to_do() {
    let (server, dir, mut ui) = start("en");
    let pair = open_tickets_of_one_customer(ui.store(), 2);
    let (from, into) = (pair[0].clone(), pair[1].clone());
    open(&mut ui, from.id);
    merge_by_number(&mut ui, into.id);
    // Someone else changes the target before the merge is sent.
    let sup = server.client(Role::Supervisor);
    server.block_on(async {
        let now = sup.ticket(into.id).await.unwrap().ticket;
        let patch = TicketPatch {
            tags: Some(vec!["changed-meanwhile".into()]),
            ..Default::default()
        };
        sup.patch_ticket(into.id, now.version, &patch)
            .await
            .unwrap();
    });
    let cache = dir.path().join("cache.db");
    assert_eq!(sync_through_proxy(&server, &cache, false, false), 1);
    assert_ne!(server_ticket(&server, from.id).status, Status::Closed);

    let mut ui = Console::open(&cache, "en", (160, 45));
    ui.press("!");
    let screen = ui.screen();
    assert!(
        screen.contains(&format!("Merge #{} → #{}", from.id, into.id)),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "Ticket #{} changed since you chose the merge",
            into.id
        )),
        "{screen}"
    );
    // Merge again, based on the target as it is now: it lands once.
    ui.press("enter");
    ui.render().assert_has("Re-apply mine");
    let picked = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p.items.iter().position(|(l, _)| l == "Re-apply mine"),
        _ => None,
    }
    .expect("re-apply offered");
    ui.press("home");
    for _ in 0..picked {
        ui.press("down");
    }
    ui.press("enter");
    assert_eq!(ui.store().outbox_pending().unwrap().len(), 1);
    drop(ui);
    let target_before = server_ticket(&server, into.id);
    assert_eq!(sync_through_proxy(&server, &cache, false, false), 0);
    assert_eq!(merged_into(&server_ticket(&server, from.id)), Some(into.id));
    assert_eq!(
        server_ticket(&server, into.id).version,
        target_before.version + 1
    );
}
