//! The supervisor screen end to end: who may see the statistics, that the
//! server's counts are exact and its running counters agree with a full
//! recount, and the console's screen (live updates without keys, drill-down,
//! marking and bulk assignment through the outbox, alerts, staleness).
use std::path::PathBuf;
use std::time::{Duration, Instant};

use futures::StreamExt;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sahaya_testkit::server::loopback;
use sahaya_testkit::ui::{Console, LiveServer, fill_cache, runtime};

use sahaya::client::Client;
use sahaya::domain::{Channel, MessageKind, Presence, Priority, Role, Status, TicketId};
use sahaya::i18n::I18n;
use sahaya::protocol::{InboundMessage, NewMessage, QueueStats, StreamEvent, TicketPatch, View};
use sahaya::server::{RunningServer, ServeOptions, start};
use sahaya::store::{OutboxOp, Store, TicketFilter};
use sahaya::sync::{Connection, SyncEvent};
use sahaya::ui::supervisor::{self, Target};
use sahaya::ui::{Effect, Msg, update};

// ---------------------------------------------------------------------------
// Server side
// ---------------------------------------------------------------------------

async fn bare_server() -> RunningServer {
    start(loopback()).await.expect("server starts")
}

fn client(s: &RunningServer, role: Role) -> Client {
    Client::new(&s.url(), s.token(role).unwrap()).unwrap()
}

fn inbound(channel: Channel, from: &str, body: &str) -> InboundMessage {
    InboundMessage {
        name: Some(format!("Customer {from}")),
        subject: Some(format!("About {body}")),
        language: Some("en".to_string()),
        ..InboundMessage::new(channel, from.to_string(), body.to_string())
    }
}

/// Patches ticket `id` at the version the server has now: whether the
/// server took it.
async fn try_patch(c: &Client, id: TicketId, p: TicketPatch) -> bool {
    let t = c.ticket(id).await.unwrap().ticket;
    c.patch_ticket(id, t.version, &p).await.is_ok()
}

async fn patch(c: &Client, id: TicketId, p: TicketPatch) {
    assert!(try_patch(c, id, p).await, "patch");
}

#[tokio::test]
async fn stats_are_for_supervisors_only_over_http() {
    let s = bare_server().await;
    let http = reqwest::Client::new();
    let get = |path: &str, role: Role| {
        http.get(format!("{}{path}", s.url()))
            .bearer_auth(s.token(role).unwrap())
            .send()
    };
    assert_eq!(get("/v1/stats", Role::Agent).await.unwrap().status(), 403);
    assert_eq!(
        get("/v1/stats", Role::Integration).await.unwrap().status(),
        403
    );
    let no_token = http
        .get(format!("{}/v1/stats", s.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), 401);
    let ok = get("/v1/stats", Role::Supervisor).await.unwrap();
    assert_eq!(ok.status(), 200);
    let stats: QueueStats = ok.json().await.unwrap();
    assert!(stats.computed_at.is_some());

    // The live stream: a supervisor gets `stats` first; an agent gets the
    // change itself but never a `stats` event.
    let agent_stream = get("/v1/events", Role::Agent).await.unwrap();
    assert_eq!(agent_stream.status(), 200);
    let mut agent_events = eventsource_stream::EventStream::new(agent_stream.bytes_stream());
    let sup_stream = get("/v1/events", Role::Supervisor).await.unwrap();
    let mut sup_events = eventsource_stream::EventStream::new(sup_stream.bytes_stream());
    let first = tokio::time::timeout(Duration::from_secs(5), sup_events.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(first.event, "stats");

    client(&s, Role::Integration)
        .inbound(&inbound(Channel::Chat, "roles@example.in", "hello"), None)
        .await
        .unwrap();
    // The supervisor sees the new count pushed...
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let e = tokio::time::timeout_at(deadline, sup_events.next())
            .await
            .expect("stats pushed")
            .unwrap()
            .unwrap();
        if e.event == "stats" {
            let stats: QueueStats = serde_json::from_str(&e.data).unwrap();
            if stats.views.unassigned == 1 {
                break;
            }
        }
    }
    // ...the agent the changes only, and nothing else for a while.
    let mut kinds = Vec::new();
    let quiet = tokio::time::Instant::now() + Duration::from_millis(1500);
    while let Ok(Some(Ok(e))) = tokio::time::timeout_at(quiet, agent_events.next()).await {
        kinds.push(e.event);
    }
    assert!(kinds.iter().any(|k| k == "change"), "{kinds:?}");
    assert!(!kinds.iter().any(|k| k == "stats"), "{kinds:?}");
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_whose_console_reports_in_shows_online_at_once() {
    let s = bare_server().await;
    let lata = s.add_account("lata", Role::Agent).unwrap();
    let lata_client = Client::new(&s.url(), lata.token.clone()).unwrap();
    let lata_id = lata_client.me().await.unwrap().agent.id;
    let sup = client(&s, Role::Supervisor);
    let presence_of = |stats: &QueueStats| {
        stats
            .agents
            .iter()
            .find(|a| a.agent_id == lata_id)
            .map(|a| a.presence)
    };
    assert_eq!(
        presence_of(&sup.stats().await.unwrap()),
        Some(Presence::Offline),
        "a new account that never connected"
    );
    let mut stream = Box::pin(sup.events(None).await.unwrap());
    // What the console's sync task sends on start and every 10 seconds.
    lata_client
        .put_presence(&sahaya::protocol::PresenceUpdate {
            ticket_id: None,
            typing: false,
        })
        .await
        .unwrap();
    // Pushed to the supervisor, not waiting for the next clock tick (30 s).
    let pushed = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(ev) = stream.next().await {
            if let Ok(StreamEvent::Stats(stats)) = ev
                && presence_of(&stats) == Some(Presence::Online)
            {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(pushed, Ok(true), "a stats event shows lata online");
    assert_eq!(
        presence_of(&sup.stats().await.unwrap()),
        Some(Presence::Online)
    );
    s.stop().await;
}

#[tokio::test]
async fn scripted_sequence_gives_exact_counts() {
    let s = bare_server().await;
    let bridge = client(&s, Role::Integration);
    let agent = client(&s, Role::Agent);
    let sup = client(&s, Role::Supervisor);
    let agent_id = agent.me().await.unwrap().agent.id;
    let sup_id = sup.me().await.unwrap().agent.id;

    let mut ids = Vec::new();
    for (channel, from) in [
        (Channel::WhatsApp, "+919800000001"),
        (Channel::Email, "two@example.in"),
        (Channel::Chat, "three@example.in"),
        (Channel::WhatsApp, "+919800000004"),
        (Channel::Email, "five@example.in"),
    ] {
        let t = bridge
            .inbound(&inbound(channel, from, "where is my order"), None)
            .await
            .unwrap();
        assert!(t.created);
        ids.push(t.ticket.id);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let [t1, t2, t3, t4, _] = ids[..] else {
        unreachable!()
    };
    // t1's customer writes again: the same ticket, waiting since now.
    let again = bridge
        .inbound(&inbound(Channel::WhatsApp, "+919800000001", "hello?"), None)
        .await
        .unwrap();
    assert_eq!((again.ticket.id, again.created), (t1, false));
    let assign = |a: Option<i64>| TicketPatch {
        assignee_id: Some(a),
        ..Default::default()
    };
    let status = |s: Status| TicketPatch {
        status: Some(s),
        ..Default::default()
    };
    patch(&sup, t1, assign(Some(agent_id))).await;
    patch(&sup, t2, assign(Some(sup_id))).await;
    patch(
        &sup,
        t3,
        TicketPatch {
            priority: Some(Priority::Urgent),
            ..Default::default()
        },
    )
    .await;
    agent
        .post_message(
            t1,
            "reply-1",
            &NewMessage {
                kind: MessageKind::Reply,
                body: "On its way".into(),
                attachments: Vec::new(),
            },
        )
        .await
        .unwrap();
    patch(&sup, t2, status(Status::Solved)).await;
    patch(&agent, t4, status(Status::Pending)).await;

    let stats = sup.stats().await.unwrap();
    let v = &stats.views;
    assert_eq!(
        (v.all, v.unassigned, v.open, v.pending, v.solved, v.sla_due),
        (5, 3, 3, 1, 1, 1),
        "{v:?}"
    );
    let map = |pairs: &[(&str, i64)]| -> std::collections::BTreeMap<String, i64> {
        pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    };
    assert_eq!(
        stats.by_status,
        map(&[("new", 2), ("open", 1), ("pending", 1), ("solved", 1)])
    );
    assert_eq!(stats.by_priority, map(&[("normal", 3), ("urgent", 1)]));
    assert_eq!(
        stats.by_channel,
        map(&[("chat", 1), ("email", 1), ("whatsapp", 2)])
    );
    assert_eq!(stats.by_group, map(&[("general", 4)]));
    assert_eq!(
        (stats.sla.breached, stats.sla.due_15min, stats.sla.due_60min),
        (0, 0, 1)
    );
    let load = |id| {
        stats
            .agents
            .iter()
            .find(|a| a.agent_id == id)
            .map(|a| a.open_tickets)
    };
    assert_eq!((load(agent_id), load(sup_id)), (Some(1), Some(0)));
    assert!(stats.agents.iter().all(|a| a.name != "Channel bridge"));
    // t2 is solved and t4 pending; t1's customer wrote last: t3 waits longest.
    assert_eq!(stats.oldest_waiting.as_ref().map(|o| o.ticket_id), Some(t3));
    assert!(stats.median_first_response_secs_today.is_some());
    assert_eq!(stats.arrivals_per_10min.len(), 36);
    assert_eq!(stats.arrivals_per_10min.iter().sum::<i64>(), 5);
    assert_eq!(stats.csat.week_responses, 0);

    // The running counters agree with a full recount.
    let now = chrono::Utc::now();
    assert_eq!(
        s.compute_stats(false, now).unwrap(),
        s.compute_stats(true, now).unwrap()
    );
    s.stop().await;
}

/// A seeded random mix of inbound messages, assignments, status, priority
/// and group changes, replies and notes over demo plus synthetic data: the
/// incrementally kept statistics equal a from-scratch recount throughout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_stats_equal_a_full_recompute() {
    let s = start(ServeOptions {
        demo: true,
        synthetic_tickets: 1500,
        ..loopback()
    })
    .await
    .unwrap();
    let bridge = client(&s, Role::Integration);
    let sup = client(&s, Role::Supervisor);
    let agent = client(&s, Role::Agent);
    let agents: Vec<i64> = sup
        .agents()
        .await
        .unwrap()
        .agents
        .iter()
        .filter(|a| a.role != Role::Integration)
        .map(|a| a.id)
        .collect();
    let max_id = sup.tickets(View::All, 1, 0).await.unwrap().total;
    let check = |when: &str| {
        let now = chrono::Utc::now();
        let incremental = s.compute_stats(false, now).unwrap();
        let full = s.compute_stats(true, now).unwrap();
        assert_eq!(incremental, full, "after {when}");
    };
    check("seeding");
    for seed in [7u64, 42] {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut mine: Vec<TicketId> = Vec::new();
        for step in 0..150 {
            let pick = |rng: &mut StdRng, mine: &[TicketId]| -> TicketId {
                if !mine.is_empty() && rng.random_bool(0.6) {
                    mine[rng.random_range(0..mine.len())]
                } else {
                    rng.random_range(1..=max_id)
                }
            };
            match rng.random_range(0..8) {
                0 | 1 => {
                    let channel = Channel::ALL[rng.random_range(0..Channel::ALL.len())];
                    let from = format!("p{}@example.in", rng.random_range(0..40));
                    if let Ok(t) = bridge.inbound(&inbound(channel, &from, "hi"), None).await {
                        mine.push(t.ticket.id);
                    }
                }
                2 => {
                    let id = pick(&mut rng, &mine);
                    let a = if rng.random_bool(0.2) {
                        None
                    } else {
                        Some(agents[rng.random_range(0..agents.len())])
                    };
                    let p = TicketPatch {
                        assignee_id: Some(a),
                        ..Default::default()
                    };
                    try_patch(&sup, id, p).await;
                }
                3 => {
                    let id = pick(&mut rng, &mine);
                    let status = Status::ALL[rng.random_range(0..Status::ALL.len())];
                    let p = TicketPatch {
                        status: Some(status),
                        ..Default::default()
                    };
                    // Reopening a closed ticket is refused; that is fine.
                    try_patch(&sup, id, p).await;
                }
                4 => {
                    let id = pick(&mut rng, &mine);
                    let p = Priority::ALL[rng.random_range(0..Priority::ALL.len())];
                    let group = ["general", "payments", "returns", "logistics"]
                        [rng.random_range(0..4)]
                    .to_string();
                    let p = TicketPatch {
                        priority: Some(p),
                        group: Some(group),
                        ..Default::default()
                    };
                    try_patch(&sup, id, p).await;
                }
                5 | 6 => {
                    let id = pick(&mut rng, &mine);
                    let kind = if rng.random_bool(0.7) {
                        MessageKind::Reply
                    } else {
                        MessageKind::Note
                    };
                    let _ = agent
                        .post_message(
                            id,
                            &format!("m-{seed}-{step}"),
                            &NewMessage {
                                kind,
                                body: "Looking into it".into(),
                                attachments: Vec::new(),
                            },
                        )
                        .await;
                }
                _ => {
                    // The same customer again: appends and reopens.
                    let from = format!("p{}@example.in", rng.random_range(0..40));
                    let _ = bridge
                        .inbound(&inbound(Channel::Email, &from, "any news?"), None)
                        .await;
                }
            }
            if step % 50 == 49 {
                check(&format!("seed {seed}, step {step}"));
            }
        }
    }
    s.stop().await;
}

// ---------------------------------------------------------------------------
// The console
// ---------------------------------------------------------------------------

/// A demo server on its own runtime and a cache filled by the real sync task
/// as the demo supervisor.
struct Fixture {
    server: LiveServer,
    _dir: tempfile::TempDir,
    cache: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let server = LiveServer::demo();
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache.db");
        fill_cache(&server.client(Role::Supervisor), &cache, &[]);
        Fixture {
            server,
            _dir: dir,
            cache,
        }
    }

    fn client(&self, role: Role) -> Client {
        self.server.client(role)
    }

    fn stats(&self) -> QueueStats {
        let c = self.client(Role::Supervisor);
        self.server.block_on(c.stats()).unwrap()
    }

    /// The console over the fixture's cache, at 160×45.
    fn app(&self) -> Ui {
        let ui = Console::open(&self.cache, "en", (160, 45));
        assert!(
            ui.app.is_supervisor(),
            "the fixture signs in as the supervisor"
        );
        ui
    }
}

type Ui = Console;

/// What these tests do with the console.
trait UiTests {
    /// Hands the app a sync event; the frame after it, as text.
    fn feed(&mut self, event: SyncEvent) -> String;
    /// The supervisor screen's row `label` (below the tab row), as shown:
    /// the label, its count and the alert mark if any (rows flow into
    /// columns, so one screen line can hold several).
    fn row(&mut self, label: &str) -> String;
    /// Moves the supervisor screen's selection to the row opening `target`.
    fn select(&mut self, target: &Target);
}

impl UiTests for Ui {
    fn feed(&mut self, event: SyncEvent) -> String {
        self.sync(event);
        self.screen()
    }

    fn row(&mut self, label: &str) -> String {
        let rest = self.render().after_label(label);
        let digits_at = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or_else(|| panic!("no count for {label:?} in {rest:?}"));
        let after = &rest[digits_at..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .unwrap_or(after.len());
        let mark = if after[end..].starts_with(" !") {
            " !"
        } else {
            ""
        };
        format!("{label} {}{mark}", &after[..end])
    }

    fn select(&mut self, target: &Target) {
        self.press("g g");
        let rows = supervisor::rows(&self.app);
        let n = rows
            .iter()
            .filter(|r| !r.heading)
            .position(|r| r.target.as_ref() == Some(target))
            .unwrap_or_else(|| panic!("no row for {target:?}"));
        for _ in 0..n {
            self.press("j");
        }
    }
}

/// The count at the end of a row's text (before an alert mark).
fn count_in(row: &str) -> i64 {
    let digits: String = row
        .trim_end_matches(['│', '┃', ' ', '!'])
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .filter(|c| *c != ',')
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no count in {row:?}"))
}

#[test]
#[ignore = "prints the screen for a look"]
fn show_screen() {
    let f = Fixture::new();
    let mut ui = f.app();
    ui.press("S");
    ui.feed(SyncEvent::Connection(Connection::Online));
    ui.feed(SyncEvent::Stats(Box::new(f.stats())));
    for (w, h) in [(160, 45), (120, 40), (80, 24)] {
        ui.width = w;
        ui.height = h;
        eprintln!("{}", ui.screen());
    }
}

#[test]
fn screen_updates_from_a_stats_event_without_keys() {
    let f = Fixture::new();
    let mut ui = f.app();
    ui.press("S");
    assert!(ui.app.show_supervisor);
    assert!(ui.screen().contains("Waiting for the latest figures"));

    let mut stats = f.stats();
    ui.feed(SyncEvent::Connection(Connection::Online));
    let screen = ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert!(screen.contains("Live"), "{screen}");
    assert_eq!(count_in(&ui.row("Unassigned")), stats.views.unassigned);
    assert_eq!(count_in(&ui.row("Breached")), stats.sla.breached);
    for needle in [
        "Oldest waiting",
        "CSAT",
        "NPS",
        "Online",
        "New tickets per 10",
    ] {
        assert!(screen.contains(needle), "{needle}:\n{screen}");
    }
    // Another event, no key: the numbers on screen follow.
    stats.views.unassigned += 7;
    stats.sla.breached += 3;
    stats.arrivals_per_10min = (0..36).collect();
    let before = ui.screen();
    let after = ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert_ne!(before, after);
    assert_eq!(count_in(&ui.row("Unassigned")), stats.views.unassigned);
    assert_eq!(count_in(&ui.row("Breached")), stats.sla.breached);
    assert!(after.contains("▁") && after.contains("█"), "{after}");
}

#[test]
fn known_group_names_are_translated_and_others_shown_as_named() {
    let f = Fixture::new();
    let mut ui = f.app();
    ui.app.i18n = I18n::new("kn");
    ui.press("S");
    let mut stats = f.stats();
    stats.by_group = [("returns".to_string(), 3), ("vip-desk".to_string(), 1)]
        .into_iter()
        .collect();
    ui.feed(SyncEvent::Connection(Connection::Online));
    let screen = ui.feed(SyncEvent::Stats(Box::new(stats)));
    assert!(screen.contains("ಹಿಂತಿರುಗಿಸುವಿಕೆ"), "{screen}");
    assert!(!screen.contains("returns"), "{screen}");
    assert!(screen.contains("vip-desk"), "{screen}");
}

/// The real sync task feeds the app as the console's loop does: a customer
/// writes in and the supervisor's count moves with no key pressed.
#[test]
fn live_stream_moves_the_screen() {
    let f = Fixture::new();
    let mut ui = f.app();
    ui.press("S");
    let sync_rt = runtime(1);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let _handle = sync_rt
        .block_on(async { sahaya::sync::spawn(f.client(Role::Supervisor), f.cache.clone(), tx) });
    let mut pump = |ui: &mut Ui, until: &dyn Fn(&mut Ui) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if until(ui) {
                return;
            }
            assert!(Instant::now() < deadline, "no update:\n{}", ui.screen());
            let event = sync_rt.block_on(async {
                tokio::time::timeout(Duration::from_millis(200), rx.recv()).await
            });
            if let Ok(Some(event)) = event {
                update(&mut ui.app, Msg::Sync(event));
            }
        }
    };
    pump(&mut ui, &|ui| {
        ui.app.connection == Connection::Online && ui.app.stats.is_some()
    });
    let before = count_in(&ui.row("Unassigned"));
    let bridge = f.client(Role::Integration);
    let started = Instant::now();
    f.server
        .block_on(bridge.inbound(&inbound(Channel::Chat, "live@example.in", "help!"), None))
        .unwrap();
    pump(&mut ui, &|ui| count_in(&ui.row("Unassigned")) == before + 1);
    eprintln!("inbound to screen: {:?}", started.elapsed());
    assert!(ui.screen().contains("Live"));
}

#[test]
fn drill_down_filters_the_list_and_esc_goes_back() {
    let f = Fixture::new();
    let stats = f.stats();
    let mut ui = f.app();
    ui.press("S");
    ui.feed(SyncEvent::Connection(Connection::Online));
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));

    // A priority: the list shows exactly the server's count of active
    // urgent tickets, nothing else.
    let urgent = Target::Filter(TicketFilter::Priority(Priority::Urgent));
    ui.select(&urgent);
    ui.press("enter");
    assert!(!ui.app.show_supervisor);
    assert_eq!(
        ui.app.filter,
        Some(TicketFilter::Priority(Priority::Urgent))
    );
    assert_eq!(
        ui.app.list.len as i64,
        stats.by_priority.get("urgent").copied().unwrap_or(0)
    );
    assert!(ui.app.list.len > 0, "the demo has urgent tickets");
    assert!(
        ui.app
            .list
            .rows
            .iter()
            .all(|r| r.ticket.priority == Priority::Urgent && r.ticket.status.is_active())
    );
    assert!(ui.screen().contains("Tickets · Priority: Urgent"));
    // Esc: back to the supervisor screen, the list back to its view.
    ui.press("esc");
    assert!(ui.app.show_supervisor);
    assert_eq!(ui.app.filter, None);

    // An agent's open tickets, a channel, a status, an SLA bucket: each
    // drill-down's length is the figure it came from.
    let agent = stats
        .agents
        .iter()
        .max_by_key(|a| a.open_tickets)
        .unwrap()
        .clone();
    let cases = [
        (
            Target::Filter(TicketFilter::Assignee(agent.agent_id)),
            agent.open_tickets,
        ),
        (
            Target::Filter(TicketFilter::Channel(Channel::WhatsApp)),
            stats.by_channel.get("whatsapp").copied().unwrap_or(0),
        ),
        (
            Target::Filter(TicketFilter::Status(Status::Pending)),
            stats.by_status.get("pending").copied().unwrap_or(0),
        ),
        (
            Target::Filter(TicketFilter::SlaBreached),
            stats.sla.breached,
        ),
        (Target::View(View::Unassigned), stats.views.unassigned),
    ];
    for (target, expected) in cases {
        if !ui.app.show_supervisor {
            ui.press("S");
        }
        assert!(ui.app.show_supervisor);
        ui.select(&target);
        ui.press("enter");
        assert!(!ui.app.show_supervisor);
        assert_eq!(ui.app.list.len as i64, expected, "{target:?}");
        ui.press("esc");
    }
    // A view key leaves a drill-down for the plain view.
    if !ui.app.show_supervisor {
        ui.press("S");
    }
    ui.select(&urgent);
    ui.press("enter 3");
    assert_eq!((ui.app.filter.clone(), ui.app.view), (None, View::Open));
}

#[test]
fn marked_tickets_are_assigned_each_with_its_own_outbox_entry() {
    let f = Fixture::new();
    let mut ui = unassigned_drilldown(&f);
    let first = ui.app.list.rows[0].ticket.id;
    let second = ui.app.list.rows[1].ticket.id;
    // x marks and moves down; x twice marks two rows.
    ui.press("g g x x");
    assert_eq!(ui.app.marked.iter().copied().collect::<Vec<_>>(), {
        let mut v = vec![first, second];
        v.sort();
        v
    });
    assert!(ui.screen().contains("2 marked"));
    // Unmark and mark again.
    ui.press("k x");
    assert_eq!(ui.app.marked.len(), 1);
    ui.press("k x");
    assert_eq!(ui.app.marked.len(), 2);

    let target = ui
        .app
        .store
        .agents()
        .unwrap()
        .into_iter()
        .find(|a| a.role == Role::Agent)
        .unwrap();
    ui.press("a");
    assert!(ui.screen().contains("Assign 2 marked tickets to"));
    highlight(
        &mut ui,
        sahaya::ui::flows::fields::Field::Assignee(Some(target.id)),
    );
    ui.app.effects.clear();
    ui.press("enter");
    assert!(ui.app.effects.contains(&Effect::Kick));
    assert!(ui.app.marked.is_empty());
    let pending = ui.app.store.outbox_pending().unwrap();
    let patches: Vec<(TicketId, TicketPatch)> = pending
        .iter()
        .filter_map(|e| match &e.op {
            OutboxOp::Patch { ticket_id, patch } => Some((*ticket_id, patch.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(patches.len(), 2, "{pending:?}");
    let mut keys: Vec<&str> = pending.iter().map(|e| e.key.as_str()).collect();
    keys.dedup();
    assert_eq!(keys.len(), 2, "each entry has its own idempotency key");
    for (id, p) in &patches {
        assert!([first, second].contains(id));
        assert_eq!(p.assignee_id, Some(Some(target.id)));
        // Shown at once from the cache.
        assert_eq!(
            ui.app.store.ticket(*id).unwrap().unwrap().assignee_id,
            Some(target.id)
        );
    }
    assert!(ui.screen().contains("2 changes saved"));

    // The sync task delivers both; the server's statistics follow.
    let before = f.stats();
    deliver_outbox(&f);
    let after = f.stats();
    let load = |s: &QueueStats| {
        s.agents
            .iter()
            .find(|a| a.agent_id == target.id)
            .map(|a| a.open_tickets)
    };
    assert_eq!(
        load(&after).unwrap(),
        load(&before).unwrap() + 2,
        "both assignments reached the server"
    );
    assert_eq!(after.views.unassigned, before.views.unassigned - 2);
}

/// A supervisor console drilled down into Unassigned (at least 3 tickets).
fn unassigned_drilldown(f: &Fixture) -> Ui {
    let stats = f.stats();
    let mut ui = f.app();
    ui.press("S");
    ui.feed(SyncEvent::Stats(Box::new(stats)));
    ui.select(&Target::View(View::Unassigned));
    ui.press("enter");
    assert!(ui.app.list.len >= 3);
    ui
}

/// Moves the open picker's highlight to `value` with the arrow keys.
fn highlight(ui: &mut Ui, value: sahaya::ui::flows::fields::Field) {
    use sahaya::ui::overlay::{Overlay, Pick};
    for _ in 0..20 {
        let at = match &ui.app.overlay {
            Some(Overlay::Picker(p)) => p.items[p.selected].1.clone(),
            _ => panic!("no picker"),
        };
        if matches!(at, Pick::Field(_, field) if field == value) {
            return;
        }
        ui.press("down");
    }
    panic!("{value:?} not in the picker");
}

/// Runs the sync task until the console's outbox is empty.
fn deliver_outbox(f: &Fixture) {
    let sync_rt = runtime(1);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    sync_rt.block_on(async {
        let _handle = sahaya::sync::spawn(f.client(Role::Supervisor), f.cache.clone(), tx);
        let store = Store::open(&f.cache).unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while store.outbox_counts().unwrap().0 > 0 {
            assert!(Instant::now() < deadline, "outbox not drained");
            let _ = tokio::time::timeout(Duration::from_millis(50), rx.recv()).await;
        }
    });
}

/// The tickets as the server has them now.
fn server_tickets(f: &Fixture, ids: &[TicketId]) -> Vec<sahaya::domain::Ticket> {
    runtime(1).block_on(async {
        let client = f.client(Role::Supervisor);
        let mut out = Vec::new();
        for id in ids {
            out.push(client.ticket(*id).await.unwrap().ticket);
        }
        out
    })
}

#[test]
fn marked_tickets_get_a_status_and_a_priority_in_one_go() {
    use sahaya::ui::flows::fields::Field;
    let f = Fixture::new();
    let mut ui = unassigned_drilldown(&f);
    let ids: Vec<TicketId> = ui.app.list.rows[..3].iter().map(|r| r.ticket.id).collect();
    ui.press("g g x x x");
    ui.press("p");
    assert!(
        ui.screen().contains("Priority for 3 marked tickets"),
        "{}",
        ui.screen()
    );
    highlight(&mut ui, Field::Priority(Priority::Urgent));
    ui.press("enter");
    assert!(ui.app.marked.is_empty(), "marks are used up");
    // Mark them again (they stay in the drill-down) and put them on hold.
    for id in &ids {
        ui.app.marked.insert(*id);
    }
    ui.press("s");
    assert!(ui.screen().contains("Status for 3 marked tickets"));
    highlight(&mut ui, Field::Status(Status::OnHold));
    ui.press("enter");
    let pending = ui.app.store.outbox_pending().unwrap();
    assert_eq!(pending.len(), 6, "one entry per ticket and change");
    for id in &ids {
        let t = ui.app.store.ticket(*id).unwrap().unwrap();
        assert_eq!((t.priority, t.status), (Priority::Urgent, Status::OnHold));
    }

    // Delivered, each exactly once: two changes, two versions more.
    let before = server_tickets(&f, &ids);
    deliver_outbox(&f);
    let after = server_tickets(&f, &ids);
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((a.priority, a.status), (Priority::Urgent, Status::OnHold));
        assert_eq!(a.version, b.version + 2, "ticket {}", a.id);
    }
    assert!(ui.app.store.outbox_problems().unwrap().is_empty());
}

#[test]
fn alerts_highlight_and_notify_once_per_crossing() {
    let f = Fixture::new();
    let mut ui = f.app();
    ui.press("S");
    let mut stats = f.stats();
    stats.views.unassigned = 25;
    stats.sla.breached = 0;
    ui.app.effects.clear();
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    let notes: Vec<Effect> = ui.app.effects.drain(..).collect();
    assert_eq!(
        notes,
        vec![Effect::Notify("25 tickets are unassigned".into())]
    );
    assert!(ui.row("Unassigned").ends_with('!'));
    assert!(!ui.row("Breached").contains('!'));

    // Still over the limit: no second notification.
    stats.views.unassigned = 26;
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert!(ui.app.effects.is_empty());
    // Any SLA breach alerts by default.
    stats.sla.breached = 1;
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert_eq!(
        ui.app.effects.drain(..).collect::<Vec<_>>(),
        vec![Effect::Notify("1 ticket is past its SLA".into())]
    );
    // Back under the limit, then over again: notified again.
    stats.views.unassigned = 3;
    stats.sla.breached = 0;
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert!(ui.app.effects.is_empty());
    assert!(!ui.row("Unassigned").contains('!'));
    stats.views.unassigned = 30;
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert_eq!(ui.app.effects.len(), 1);

    // Configured limits; "off" keeps the highlight but sends nothing.
    ui.app.supervisor.rules = toml::from_str("unassigned = 40\nnotify = \"off\"").unwrap();
    ui.app.supervisor.firing.clear();
    ui.app.effects.clear();
    stats.views.unassigned = 41;
    ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert!(ui.app.effects.is_empty());
    assert!(ui.row("Unassigned").contains('!'));
}

#[test]
fn stale_when_offline_and_only_for_supervisors() {
    let f = Fixture::new();
    let mut ui = f.app();
    ui.press("S");
    let stats = f.stats();
    ui.feed(SyncEvent::Connection(Connection::Online));
    let screen = ui.feed(SyncEvent::Stats(Box::new(stats.clone())));
    assert!(screen.contains("Live · figures of"), "{screen}");
    let screen = ui.feed(SyncEvent::Connection(Connection::Offline("down".into())));
    assert!(
        screen.contains("Not live (offline) · last figures of"),
        "{screen}"
    );
    // The figures stay, marked stale.
    assert_eq!(count_in(&ui.row("Unassigned")), stats.views.unassigned);
    // Back online and a fresh push: live again.
    ui.feed(SyncEvent::Connection(Connection::Online));
    let screen = ui.feed(SyncEvent::Stats(Box::new(stats)));
    assert!(screen.contains("Live · figures of"), "{screen}");

    // At 80×24 everything still fits in one readable column.
    ui.width = 80;
    ui.height = 24;
    let screen = ui.screen();
    assert!(
        screen.contains("Oldest waiting") && screen.contains("Unassigned"),
        "{screen}"
    );
}
