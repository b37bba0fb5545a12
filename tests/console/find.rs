//! Finding anything and acting on many, headless (issue 14): the search box
//! runs the search language on the cache (phone numbers and order ids of
//! customers writing in Kannada, Telugu and Devanagari, typed in their
//! script's digits; names in their script), a wrong query says what and
//! where in the agent's language; saved views survive a restart and count
//! live; groups; marks over a whole search; and a bulk tag on 50 marked
//! tickets against the real reference server lands 50 times.
//!
//! A demo server fills a real cache through the real sync task; each test
//! works on a copy with the clock pinned to when it was filled.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use sahaya_testkit::ui::{Console, LiveServer, fill_cache, once};

use sahaya::domain::{Channel, Role, TicketId, Timestamp};
use sahaya::protocol::CustomerDetail;
use sahaya::store::language::{self, Query};
use sahaya::store::{OutboxOp, QueryContext, Store};
use sahaya::ui::overlay::Overlay;
use sahaya_protocol::Clock;

struct Golden {
    _dir: tempfile::TempDir,
    cache: PathBuf,
    at: Timestamp,
}

fn golden() -> &'static Golden {
    static GOLDEN: OnceLock<Golden> = OnceLock::new();
    once(&GOLDEN, || {
        let server = LiveServer::demo();
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache.db");
        fill_cache(&server.client(Role::Agent), &cache, &[]);
        let at = chrono::Utc::now();
        drop(server);
        Golden {
            _dir: dir,
            cache,
            at,
        }
    })
}

/// Pins the app's and the store's clock to `at`.
fn pin(ui: &mut Console, at: Timestamp) {
    let clock = Clock::manual(at);
    ui.app.store.set_clock(clock.clone());
    ui.app.clock = clock;
    ui.app.reload();
}

fn console(locale: &str, size: (u16, u16)) -> Console {
    let mut ui = Console::over_copy(&golden().cache, locale, size);
    pin(&mut ui, golden().at);
    ui
}

fn cx(ui: &Console) -> QueryContext {
    ui.app.query_context()
}

fn count(ui: &Console, q: &str) -> i64 {
    let q = language::parse(q).unwrap();
    ui.store().query_count(&q, &cx(ui)).unwrap()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Script {
    Kannada,
    Telugu,
    Devanagari,
}

impl Script {
    const ALL: [Script; 3] = [Script::Kannada, Script::Telugu, Script::Devanagari];

    fn holds(self, c: char) -> bool {
        let range = match self {
            Script::Kannada => '\u{0C80}'..='\u{0CFF}',
            Script::Telugu => '\u{0C00}'..='\u{0C7F}',
            Script::Devanagari => '\u{0900}'..='\u{097F}',
        };
        range.contains(&c)
    }

    /// ASCII digits written in this script.
    fn digits(self, s: &str) -> String {
        let zero = match self {
            Script::Kannada => 0x0CE6,
            Script::Telugu => 0x0C66,
            Script::Devanagari => 0x0966,
        };
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(zero + d).unwrap(),
                None => c,
            })
            .collect()
    }
}

/// A customer whose name is written in `script`, with a phone number and
/// an order, and one of their tickets.
fn customer_in(ui: &Console, script: Script) -> (CustomerDetail, TicketId, String) {
    let all = ui
        .store()
        .query_ids(&Query::default(), &cx(ui), 0, 100_000)
        .unwrap();
    for id in all {
        let t = ui.store().ticket(id).unwrap().unwrap();
        let Some(c) = ui.store().customer_detail(t.customer_id).unwrap() else {
            continue;
        };
        let phone = c
            .customer
            .handles
            .iter()
            .find(|h| matches!(h.channel, Channel::Phone | Channel::WhatsApp))
            .map(|h| {
                h.value
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
            });
        let in_script = c.customer.name.chars().any(|ch| script.holds(ch));
        if let Some(phone) = phone.filter(|p| p.len() >= 10)
            && in_script
            && !c.orders.is_empty()
        {
            let national = phone[phone.len() - 10..].to_string();
            return (c, id, national);
        }
    }
    panic!("no customer written in {script:?} with a phone and an order");
}

/// Types `query` into a fresh search box (the UI thread searches).
fn search(ui: &mut Console, query: &str) {
    ui.press("esc esc esc /");
    ui.press("ctrl-u");
    ui.type_text(query);
}

fn results(ui: &Console) -> Vec<TicketId> {
    match &ui.app.overlay {
        Some(Overlay::Search(s)) => s.results.iter().map(|h| h.ticket_id).collect(),
        _ => panic!("search closed"),
    }
}

fn customer_of(ui: &Console, id: TicketId) -> i64 {
    ui.store().ticket(id).unwrap().unwrap().customer_id
}

#[test]
fn phone_and_order_id_find_the_customer_in_each_script() {
    for script in Script::ALL {
        for locale in ["en", "kn", "te", "hi"] {
            let mut ui = console(locale, (160, 45));
            let (c, ticket, phone) = customer_in(&ui, script);
            let who = c.customer.id;
            // The phone in the customer's own digits, with the field and
            // without it (pasted as the customer sent it).
            for typed in [
                format!("phone:{}", script.digits(&phone)),
                script.digits(&phone),
                format!("phone:{phone}"),
                format!("phone:{}", &phone[..6]),
            ] {
                search(&mut ui, &typed);
                let found = results(&ui);
                assert!(
                    found.contains(&ticket),
                    "{script:?}/{locale}: {typed:?} did not find #{ticket}: {found:?}"
                );
                assert!(
                    found.iter().all(|id| customer_of(&ui, *id) == who),
                    "{typed:?} found tickets of other customers"
                );
                let s = ui.render();
                s.assert_has(&format!("#{ticket} "));
            }
            // The order id, as written and in lower case without the dash.
            let order = c.orders[0].id.clone();
            let loose = order.to_lowercase().replace('-', "");
            for typed in [format!("order:{order}"), order.clone(), loose] {
                search(&mut ui, &typed);
                let found = results(&ui);
                assert!(!found.is_empty(), "{typed:?} found nothing");
                assert!(
                    found.iter().all(|id| customer_of(&ui, *id) == who),
                    "{typed:?} found tickets of other customers: {found:?}"
                );
            }
            // The name in its script, with the field and as a free word.
            let first = c.customer.name.split_whitespace().next().unwrap();
            for typed in [
                format!("customer:\"{}\"", c.customer.name),
                first.to_string(),
            ] {
                search(&mut ui, &typed);
                assert!(
                    results(&ui).contains(&ticket),
                    "{script:?}: {typed:?} did not find #{ticket}"
                );
            }
            // Fields together: what the box lists is what the cache counts.
            search(&mut ui, "status:pending priority:urgent");
            let n = count(&ui, "status:pending priority:urgent");
            assert_eq!(results(&ui).len() as i64, n.min(200));
            for id in results(&ui) {
                let t = ui.store().ticket(id).unwrap().unwrap();
                assert_eq!(
                    (t.status.as_str(), t.priority.as_str()),
                    ("pending", "urgent")
                );
            }
            // Enter opens the highlighted hit.
            search(&mut ui, &format!("phone:{phone}"));
            ui.press("enter");
            assert_eq!(
                ui.app.open.as_ref().map(|o| customer_of(&ui, o.ticket.id)),
                Some(who)
            );
        }
    }
}

#[test]
fn a_wrong_query_says_what_and_where_in_the_agents_language_and_keeps_the_text() {
    for locale in ["en", "kn", "te", "ne", "hi"] {
        let mut ui = console(locale, (160, 45));
        for (typed, column, code) in [
            ("stauts:open", 0, "query-unknown-field"),
            ("refund status:pendng", 14, "query-unknown-value"),
            ("phone:98x45", 6, "query-bad-phone"),
            ("created:<2 courier", 8, "query-bad-age"),
            ("refund \"not arr", 7, "query-unclosed-quote"),
        ] {
            search(&mut ui, typed);
            let (error, text) = match &ui.app.overlay {
                Some(Overlay::Search(s)) => (s.error.clone().expect("an error"), s.input.text()),
                _ => panic!("search closed"),
            };
            assert_eq!(text, typed, "the query is kept as typed");
            assert_eq!((error.column, error.kind.code()), (column, code), "{typed}");
            assert!(results(&ui).is_empty());
            let said = sahaya::ui::query_text::error_text(&ui.app, &error);
            // Translated: the locale's own words, not the English ones.
            if locale != "en" {
                assert!(!said.starts_with("Column"), "{locale}: {said}");
            }
            assert!(!said.contains("query-"), "a message id leaked: {said}");
            let s = ui.render();
            // The popup may cut the message at its edge: its start is shown.
            let start: String = said.chars().take(25).collect();
            s.assert_has(&start);
            // The offending text is marked in the input.
            let (x, y) = s.find(typed).expect("input shown");
            let at = x + column as u16;
            let cell = &s.buf[(at, y)];
            assert!(
                cell.modifier.contains(ratatui::style::Modifier::UNDERLINED),
                "{typed}: column {column} not marked"
            );
            // Enter on a wrong query opens nothing and keeps it.
            ui.press("enter");
            assert!(ui.app.open.is_none());
            assert!(matches!(&ui.app.overlay, Some(Overlay::Search(s)) if s.input.text() == typed));
        }
    }
}

/// The views file and a console that loads it, as the console does.
fn with_views(ui: &mut Console, dir: &std::path::Path) -> PathBuf {
    let path = dir.join(sahaya::ui::saved_views::FILE_NAME);
    ui.app.use_saved_views(&path);
    path
}

fn pick(ui: &mut Console, label: &str) {
    let at = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p
            .items
            .iter()
            .position(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no {label:?}")),
        _ => panic!("no picker:\n{}", ui.screen()),
    };
    ui.press("home");
    for _ in 0..at {
        ui.press("down");
    }
    ui.press("enter");
}

#[test]
fn a_saved_view_survives_a_restart_and_its_count_moves_when_a_ticket_changes() {
    let config = tempfile::tempdir().unwrap();
    let mut ui = console("en", (160, 45));
    let views = with_views(&mut ui, config.path());
    // Saving needs a search in the list.
    ui.press("V");
    assert!(ui.screen().contains("Search first"));
    let query = "status:pending -priority:low";
    let n = count(&ui, query);
    assert!(n >= 2, "demo data has pending tickets");
    search(&mut ui, query);
    ui.press("ctrl-f");
    assert!(ui.app.overlay.is_none());
    assert_eq!(ui.app.list.len as i64, n);
    ui.render().assert_has(&format!("Search: {query}"));
    ui.press("V");
    ui.type_text("Waiting on them");
    ui.press("enter");
    // A key the console already uses is refused, and the prompt stays.
    ui.type_text("j");
    ui.press("enter");
    ui.render().assert_has("already used");
    assert!(matches!(&ui.app.overlay, Some(Overlay::Prompt(_))));
    ui.press("ctrl-u");
    ui.type_text("7");
    ui.press("enter");
    assert!(ui.app.overlay.is_none());
    let tab = format!(" 7 Waiting on them {n} ");
    let s = ui.render();
    s.assert_has(&tab);
    s.assert_has("Saved the view");
    let file = std::fs::read_to_string(&views).unwrap();
    assert!(file.contains("name = \"Waiting on them\"") && file.contains("key = \"7\""));
    assert!(file.contains(&format!("query = \"{query}\"")));

    // A new console over the same cache and config directory.
    ui.restart();
    pin(&mut ui, golden().at);
    with_views(&mut ui, config.path());
    ui.render().assert_has(&tab);
    ui.press("1");
    ui.press("7");
    assert_eq!(ui.app.list.len as i64, n);
    ui.render().assert_has("Tickets · Waiting on them");

    // A ticket of the view is solved: the view's count moves at once.
    let first = ui.app.selected_row().unwrap().ticket.id;
    ui.press("s");
    pick(&mut ui, "Solved");
    assert!(matches!(
        &ui.store().outbox_pending().unwrap()[..],
        [e] if matches!(&e.op, OutboxOp::Patch { ticket_id, .. } if *ticket_id == first)
    ));
    let s = ui.render();
    s.assert_has(&format!(" 7 Waiting on them {} ", n - 1));
    assert_eq!(ui.app.list.len as i64, n - 1);
    // ] from the last built-in view (All) reaches the saved one; Esc
    // goes back to the view.
    ui.press("6 ] ]");
    assert_eq!(ui.app.query.as_ref().and_then(|q| q.saved), Some(0));
    ui.press("esc");
    assert!(ui.app.query.is_none());
}

#[test]
fn group_is_shown_in_the_header_and_set_with_a_picker_one_or_marked() {
    let mut ui = console("en", (160, 45));
    let groups = ui.store().groups().unwrap();
    assert!(groups.contains(&"returns".to_string()), "{groups:?}");
    let id = ui
        .store()
        .query_ids(
            &language::parse("-group:returns").unwrap(),
            &cx(&ui),
            0,
            100,
        )
        .unwrap()
        .into_iter()
        .find(|id| ui.store().ticket(*id).unwrap().unwrap().tags.len() <= 1)
        .expect("a ticket with few tags");
    // Wide enough that the header has room for the group whichever ticket
    // the hour picks (priority, channel and a tag come first).
    ui.resize(220, 50);
    ui.press("esc");
    ui.app.open_ticket(id);
    ui.app.focus = sahaya::ui::app::Pane::Thread;
    let before = ui.store().ticket(id).unwrap().unwrap().group;
    let label = sahaya::ui::supervisor::group_label(&ui.app, &before);
    ui.render().assert_has(&format!("group {label}"));
    ui.press("T");
    ui.render().assert_has("Group");
    pick(&mut ui, "Returns");
    let pending = ui.store().outbox_pending().unwrap();
    assert!(matches!(
        &pending[..],
        [e] if e.op == OutboxOp::Patch { ticket_id: id, patch: sahaya::protocol::TicketPatch { group: Some("returns".into()), ..Default::default() } }
    ));
    ui.render().assert_has("group Returns");

    // Three marked tickets: the title says how many, one entry each.
    ui.press("esc esc 3 g g x x x");
    let marked: Vec<TicketId> = ui.app.marked.iter().copied().collect();
    assert_eq!(marked.len(), 3);
    ui.press("T");
    ui.render().assert_has("Group for 3 marked tickets");
    pick(&mut ui, "Payments");
    let entries = ui.store().outbox_pending().unwrap();
    for id in &marked {
        assert_eq!(
            entries
                .iter()
                .filter(|e| matches!(&e.op, OutboxOp::Patch { ticket_id, patch } if ticket_id == id && patch.group.as_deref() == Some("payments")))
                .count(),
            1
        );
    }
    assert!(ui.app.marked.is_empty());
}

#[test]
fn marks_cover_the_whole_search_invert_and_clear_and_tags_add_and_remove() {
    let mut ui = console("en", (80, 24));
    let query = "status:open OR status:new";
    let n = count(&ui, query) as usize;
    assert!(n > 20, "more than a screenful: {n}");
    search(&mut ui, query);
    ui.press("ctrl-f");
    // All matching, not only the rows on screen.
    ui.press("*");
    assert_eq!(ui.app.marked.len(), n);
    ui.render().assert_has(&format!("{n} marked"));
    ui.press("~");
    assert!(ui.app.marked.is_empty());
    ui.press("g g x ~");
    assert_eq!(ui.app.marked.len(), n - 1);
    ui.press("u");
    assert!(ui.app.marked.is_empty());

    // Tags on three marked tickets: add one, remove one each has.
    ui.press("g g x x x");
    let marked: Vec<TicketId> = ui.app.marked.iter().copied().collect();
    let tickets: Vec<_> = marked
        .iter()
        .map(|id| ui.store().ticket(*id).unwrap().unwrap())
        .collect();
    ui.press("t");
    ui.render().assert_has("Tags for 3 marked tickets");
    // Nothing typed is refused with the reason.
    ui.press("enter");
    ui.render().assert_has("Type tags to add");
    let gone = tickets[0]
        .tags
        .first()
        .cloned()
        .unwrap_or_else(|| "none".into());
    ui.type_text(&format!("+Follow Up, -{gone}"));
    ui.press("enter");
    assert!(ui.app.overlay.is_none());
    let entries = ui.store().outbox_pending().unwrap();
    assert_eq!(entries.len(), 3);
    for t in &tickets {
        let e = entries
            .iter()
            .find(|e| matches!(&e.op, OutboxOp::Patch { ticket_id, .. } if *ticket_id == t.id))
            .expect("one entry per ticket");
        let OutboxOp::Patch { patch, .. } = &e.op else {
            unreachable!()
        };
        let tags = patch.tags.clone().unwrap();
        assert!(tags.contains(&"follow".to_string()) && tags.contains(&"up".to_string()));
        assert!(!tags.contains(&gone));
        for kept in t.tags.iter().filter(|g| **g != gone) {
            assert!(tags.contains(kept));
        }
    }
}

/// Runs the real sync task as the demo agent until the outbox is empty.
fn drain(server: &LiveServer, cache: &std::path::Path) {
    let rt = sahaya_testkit::ui::runtime(1);
    rt.block_on(async {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let _handle = sahaya::sync::spawn(server.client(Role::Agent), cache.to_path_buf(), tx);
        tokio::spawn(async move { while rx.recv().await.is_some() {} });
        let store = Store::open(cache).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while !store.outbox_pending().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "the outbox did not drain");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(store.outbox_problems().unwrap().is_empty());
    });
    drop(rt);
}

#[test]
fn bulk_tag_on_50_marked_tickets_lands_50_times_not_51() {
    let server = LiveServer::demo();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &[]);
    let mut ui = Console::open(&cache, "en", (160, 45));
    search(&mut ui, "-status:closed -tag:bulk-e2e");
    ui.press("ctrl-f");
    assert!(ui.app.list.len >= 51, "demo has enough tickets");
    ui.press("g g");
    for _ in 0..50 {
        ui.press("x");
    }
    let marked: Vec<TicketId> = ui.app.marked.iter().copied().collect();
    assert_eq!(marked.len(), 50);
    let agent = server.client(Role::Agent);
    let versions: Vec<i64> = server.block_on(async {
        let mut v = Vec::new();
        for id in &marked {
            v.push(agent.ticket(*id).await.unwrap().ticket.version);
        }
        v
    });
    ui.press("t");
    ui.render().assert_has("Tags for 50 marked tickets");
    ui.type_text("bulk-e2e");
    ui.press("enter");
    let entries = ui.store().outbox_pending().unwrap();
    assert_eq!(entries.len(), 50, "one outbox entry per ticket");
    let keys: std::collections::BTreeSet<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys.len(), 50, "each its own idempotency key");
    drop(ui);

    drain(&server, &cache);
    // Each ticket changed exactly once, and no other ticket got the tag.
    server.block_on(async {
        for (id, before) in marked.iter().zip(&versions) {
            let t = agent.ticket(*id).await.unwrap().ticket;
            assert!(t.tags.contains(&"bulk-e2e".to_string()), "#{id}");
            assert_eq!(t.version, before + 1, "#{id} changed more than once");
        }
    });
    // The server's change feed, pulled into the cache, agrees: 50, not 51.
    fill_cache(&server.client(Role::Agent), &cache, &[]);
    let store = Store::open(&cache).unwrap();
    let me = store.me().unwrap().unwrap().id;
    let q = language::parse("tag:bulk-e2e").unwrap();
    let cx = QueryContext {
        me,
        now: chrono::Utc::now(),
    };
    assert_eq!(store.query_count(&q, &cx).unwrap(), 50);
}

#[test]
fn a_macro_on_marked_tickets_is_filled_for_each_and_queued_once_each() {
    let mut ui = console("en", (160, 45));
    let always = [
        "customer.name",
        "customer.first_name",
        "agent.name",
        "ticket.id",
    ];
    let m = ui
        .store()
        .macros()
        .unwrap()
        .into_iter()
        .find(|m| {
            m.placeholders().iter().any(|p| p.starts_with("customer."))
                && m.placeholders()
                    .iter()
                    .all(|p| always.contains(&p.as_str()))
        })
        .expect("a demo macro the cache can fill for any ticket");
    ui.press("esc esc 3 g g x x x");
    let marked: Vec<TicketId> = ui.app.marked.iter().copied().collect();
    ui.press("m");
    ui.render().assert_has("Macro for 3 marked tickets");
    pick(&mut ui, &format!("[{}] {}", m.language, m.name));
    let entries = ui.store().outbox_pending().unwrap();
    for id in &marked {
        let t = ui.store().ticket(*id).unwrap().unwrap();
        let name = ui
            .store()
            .customer_detail(t.customer_id)
            .unwrap()
            .unwrap()
            .customer
            .name;
        let first = name.split_whitespace().next().unwrap().to_string();
        let bodies: Vec<&String> = entries
            .iter()
            .filter_map(|e| match &e.op {
                OutboxOp::Message {
                    ticket_id, body, ..
                } if ticket_id == id => Some(body),
                _ => None,
            })
            .collect();
        assert_eq!(bodies.len(), 1, "one reply for #{id}");
        assert!(!bodies[0].contains("{{"), "filled: {}", bodies[0]);
        assert!(
            bodies[0].contains(&first),
            "#{id}'s own customer: {}",
            bodies[0]
        );
        let patches = entries
            .iter()
            .filter(|e| matches!(&e.op, OutboxOp::Patch { ticket_id, .. } if ticket_id == id))
            .count();
        let sets = m.set_status.is_some() || !m.add_tags.is_empty();
        assert_eq!(patches, usize::from(sets));
    }
    assert!(ui.app.marked.is_empty());
    ui.render().assert_has("Macro queued for 3 tickets");
}

#[test]
fn from_the_customer_pane_another_ticket_of_the_customer_opens_and_enter_goes_back() {
    let mut ui = console("en", (160, 45));
    // A customer with several tickets, all in the cache.
    let all = ui
        .store()
        .query_ids(&Query::default(), &cx(&ui), 0, 100_000)
        .unwrap();
    let (first, other) = all
        .iter()
        .find_map(|id| {
            let t = ui.store().ticket(*id).unwrap().unwrap();
            let c = ui.store().customer_detail(t.customer_id).unwrap()?;
            let other = c.tickets.iter().find(|s| s.id != *id)?.id;
            Some((*id, other))
        })
        .expect("a customer with two tickets");
    ui.press("esc");
    ui.app.open_ticket(first);
    ui.app.focus = sahaya::ui::app::Pane::Customer;
    ui.press("enter");
    ui.render().assert_has("This customer's tickets");
    let label = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p
            .items
            .iter()
            .map(|(l, _)| l.clone())
            .find(|l| l.starts_with(&format!("#{other} ")))
            .expect("the other ticket is listed"),
        _ => panic!("no picker"),
    };
    pick(&mut ui, &label);
    assert_eq!(ui.app.open.as_ref().unwrap().ticket.id, other);
    // The way back is offered first.
    ui.press("enter");
    ui.render().assert_has(&format!("← Back to #{first}"));
    ui.press("enter");
    assert_eq!(ui.app.open.as_ref().unwrap().ticket.id, first);
}
