//! Late-shipment outreach end to end: 300 customers with late orders on a
//! real `sahaya serve` process, the console's late screen marks them all
//! and queues one notice each from a macro; the server is killed (SIGKILL)
//! half-way through sending, the console and its sync task are restarted,
//! the server comes back on the same database, and the server's own data is
//! counted: every customer has exactly one notice, in their language, and
//! those with an open ticket about the order got it on that ticket.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use sahaya_testkit::server::loopback;
use sahaya_testkit::ui::{Console, runtime};

use sahaya::client::Client;
use sahaya::domain::{
    Channel, ContactHandle, Customer, CustomerId, Money, Order, OrderItem, PaymentMethod,
    PaymentStatus, Role, Shipment, ShipmentStatus, TicketId, TrackingEvent,
};
use sahaya::protocol::{InboundMessage, MacroEdit};
use sahaya::server::{ServeOptions, start};
use sahaya::store::{OutboxOp, Store};
use sahaya::ui::overlay::Overlay;

const CUSTOMERS: i64 = 300;
const FIRST_ID: i64 = 90_001;
const MARKER: &str = "[late-test]";
const LANGS: [&str; 5] = ["en", "kn", "te", "ne", "hi"];
/// A word each language's body has and no other's.
const WORDS: [&str; 5] = ["running late", "ತಡವಾಗಿದೆ", "ఆలస్యమైంది", "ढिलो", "देर से"];
const CITIES: [&str; 4] = [
    "Jayanagar 4th Block, Bengaluru 560011",
    "Gachibowli, Hyderabad 500032",
    "Vijayanagar 2nd Stage, Mysuru 570017",
    "Baneshwor-10, Kathmandu",
];
const CARRIERS: [&str; 3] = ["Delhivery", "Ekart", "Blue Dart"];

fn macro_bodies() -> [(&'static str, String); 5] {
    let p = "{{customer.name}}";
    let o = "{{order.id}} ({{tracking.carrier}} {{tracking.number}})";
    [
        (
            "en",
            format!("{MARKER} Hi {p}, your order {o} is running late. Sorry!"),
        ),
        (
            "kn",
            format!("{MARKER} ನಮಸ್ಕಾರ {p}, ನಿಮ್ಮ ಆರ್ಡರ್ {o} ತಡವಾಗಿದೆ. ಕ್ಷಮಿಸಿ."),
        ),
        (
            "te",
            format!("{MARKER} నమస్కారం {p}, మీ ఆర్డర్ {o} ఆలస్యమైంది. క్షమించండి."),
        ),
        (
            "ne",
            format!("{MARKER} नमस्ते {p}, तपाईंको अर्डर {o} ढिलो भएको छ। माफ गर्नुहोला।"),
        ),
        (
            "hi",
            format!("{MARKER} नमस्ते {p}, आपका ऑर्डर {o} देर से चल रहा है। माफ़ कीजिए।"),
        ),
    ]
}

fn handle(i: i64) -> ContactHandle {
    if i % 3 == 0 {
        ContactHandle {
            channel: Channel::Email,
            value: format!("late{i}@example.in"),
        }
    } else {
        ContactHandle {
            channel: Channel::WhatsApp,
            value: format!("+91984{i:07}"),
        }
    }
}

fn customer(i: i64) -> Customer {
    let now = chrono::Utc::now();
    Customer {
        id: FIRST_ID + i,
        name: format!("Late Customer {i}"),
        handles: vec![handle(i)],
        preferred_language: LANGS[i as usize % LANGS.len()].to_string(),
        city: String::new(),
        lifetime_value: Money::inr(0),
        notes: String::new(),
        created_at: now,
        updated_at: now,
    }
}

/// A shipment two days past its ETA, last scanned 40 hours ago.
fn order(i: i64) -> Order {
    let now = chrono::Utc::now();
    let placed = now - Span::days(6);
    let carrier = CARRIERS[i as usize % CARRIERS.len()];
    Order {
        id: format!("LT-{}", FIRST_ID + i),
        customer_id: FIRST_ID + i,
        placed_at: placed,
        items: vec![OrderItem {
            sku: "SKU-1".into(),
            name: "Cotton kurta".into(),
            quantity: 1,
            unit_price: Money::inr(799),
            variant: None,
        }],
        total: Money::inr(799),
        payment_method: PaymentMethod::Upi,
        payment_status: PaymentStatus::Paid,
        delivery_address: format!("House {i}, {}", CITIES[i as usize % CITIES.len()]),
        shipment: Some(Shipment {
            carrier: carrier.into(),
            tracking_number: format!("TRK{i:08}"),
            status: ShipmentStatus::InTransit,
            eta: Some(now - Span::days(2)),
            late: true,
            events: vec![TrackingEvent {
                at: now - Span::hours(40),
                location: "Bengaluru Hoskote Mother Hub".into(),
                status: ShipmentStatus::InTransit,
                description: "Held at hub".into(),
            }],
        }),
        updated_at: placed,
    }
}

/// The server's database with the demo data, 300 customers with late
/// orders, every fourth with an open ticket about it (from the customer),
/// and the test's macro in five languages. Returns the agent's token and
/// the open tickets by customer.
fn prepare(db: &Path) -> (String, BTreeMap<CustomerId, TicketId>) {
    let rt = runtime(2);
    rt.block_on(async {
        let s = start(ServeOptions {
            db: Some(db.to_path_buf()),
            demo: true,
            ..loopback()
        })
        .await
        .unwrap();
        let customers: Vec<Customer> = (0..CUSTOMERS).map(customer).collect();
        let orders: Vec<Order> = (0..CUSTOMERS).map(order).collect();
        s.put_customers_and_orders(&customers, &orders).unwrap();
        let integration = Client::new(&s.url(), s.token(Role::Integration).unwrap()).unwrap();
        let mut open = BTreeMap::new();
        for i in (0..CUSTOMERS).step_by(4) {
            let h = handle(i);
            let created = integration
                .inbound(
                    &InboundMessage {
                        channel: h.channel,
                        from: h.value,
                        name: None,
                        subject: Some("Where is my parcel?".into()),
                        body: format!("Order LT-{} has not come yet", FIRST_ID + i),
                        ticket_id: None,
                        order_id: Some(format!("LT-{}", FIRST_ID + i)),
                        language: Some(LANGS[i as usize % 5].into()),
                        external_id: None,
                        thread_refs: None,
                        attachments: Vec::new(),
                    },
                    None,
                )
                .await
                .unwrap();
            assert_eq!(created.ticket.customer_id, FIRST_ID + i);
            open.insert(FIRST_ID + i, created.ticket.id);
        }
        let http = reqwest::Client::new();
        for (lang, body) in macro_bodies() {
            let resp = http
                .post(format!("{}/v1/macros", s.url()))
                .bearer_auth(s.token(Role::Supervisor).unwrap())
                .header("Idempotency-Key", format!("late-test-macro-{lang}"))
                .json(&MacroEdit {
                    name: "Late notice test".into(),
                    language: lang.into(),
                    body,
                    set_status: None,
                    add_tags: vec!["late-test".into()],
                })
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
        }
        let token = s.token(Role::Agent).unwrap().to_string();
        s.stop().await;
        (token, open)
    })
}

/// `sahaya serve` on `db` at `port`, as a process of its own.
struct ServerProcess(Child);

impl ServerProcess {
    fn start(db: &Path, port: u16, token: &str) -> ServerProcess {
        let child = Command::new(env!("CARGO_BIN_EXE_sahaya"))
            .args([
                "serve",
                "--demo",
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--db",
            ])
            .arg(db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = ServerProcess(child);
        let rt = runtime(1);
        let client = Client::new(&format!("http://127.0.0.1:{port}"), token).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while rt.block_on(client.me()).is_err() {
            assert!(Instant::now() < deadline, "the server did not come up");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// SIGKILL: no graceful anything.
    fn kill(mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The console's sync task on a runtime of its own (dropping it stops the
/// task, as quitting the console does).
pub(super) struct Sync {
    rt: tokio::runtime::Runtime,
    handle: sahaya::sync::SyncHandle,
}

impl Sync {
    pub(super) fn start(url: &str, token: &str, cache: &Path) -> Sync {
        let rt = runtime(1);
        let client = Client::new(url, token)
            .unwrap()
            .with_request_timeout(Duration::from_secs(2));
        let handle = rt.block_on(async {
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let handle = sahaya::sync::spawn(client, cache.to_path_buf(), tx);
            tokio::spawn(async move { while rx.recv().await.is_some() {} });
            handle
        });
        Sync { rt, handle }
    }

    /// Kicks the sync every 20 ms until `done` says so.
    pub(super) fn until(&self, what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + limit;
        while !done() {
            assert!(Instant::now() < deadline, "timed out: {what}");
            self.handle.kick();
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub(super) fn stop(self) {
        drop(self.handle);
        self.rt.shutdown_timeout(Duration::from_secs(5));
    }
}

/// Chooses the item labelled `label` of the open picker.
pub(super) fn pick(ui: &mut Console, label: &str) {
    let items: Vec<String> = match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p.items.iter().map(|(l, _)| l.clone()).collect(),
        _ => panic!("no picker open:\n{}", ui.render().text()),
    };
    let at = items
        .iter()
        .position(|l| l == label)
        .unwrap_or_else(|| panic!("no {label:?} in {items:?}"));
    for _ in 0..at {
        ui.press("down");
    }
    ui.press("enter");
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// Outbox entries still to send.
fn waiting(cache: &Path) -> i64 {
    Store::open(cache).unwrap().outbox_counts().unwrap().0
}

#[test]
fn outreach_to_300_customers_survives_a_server_kill_and_sends_each_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let cache: PathBuf = dir.path().join("cache.db");
    let (token, open_tickets) = prepare(&db);
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let server = ServerProcess::start(&db, port, &token);

    // The console's first sync.
    let sync = Sync::start(&url, &token, &cache);
    let latest = {
        let rt = runtime(1);
        let client = Client::new(&url, &token).unwrap();
        rt.block_on(client.changes(0, 1)).unwrap().latest
    };
    sync.until("initial sync", Duration::from_secs(120), || {
        Store::open(&cache)
            .is_ok_and(|s| s.me().ok().flatten().is_some() && s.cursor().unwrap_or(0) >= latest)
    });

    // The late screen: every one of the 300 is there, by carrier and city.
    let mut ui = Console::open(&cache, "en", (160, 45));
    ui.press("L");
    let screen = ui.render();
    screen.assert_has("Late shipments:");
    screen.assert_has("Blue Dart · Bengaluru");
    let late = ui.app.late.screen.as_ref().expect("late screen open");
    let groups: Vec<(String, String)> = sahaya::ui::flows::late::rows(late)
        .into_iter()
        .filter_map(|r| match r {
            sahaya::ui::flows::late::LateRow::Group { carrier, city, .. } => Some((carrier, city)),
            sahaya::ui::flows::late::LateRow::Order(_) => None,
        })
        .collect();
    for carrier in CARRIERS {
        for city in ["Bengaluru", "Hyderabad", "Mysuru", "Kathmandu"] {
            assert!(
                groups.contains(&(carrier.to_string(), city.to_string())),
                "{carrier} · {city} in {groups:?}"
            );
        }
    }
    let ours = late
        .orders
        .iter()
        .filter(|o| o.order.id.starts_with("LT-"))
        .count();
    assert_eq!(ours, CUSTOMERS as usize);
    // Mark all, the macro, yes.
    ui.press("*");
    ui.press("m");
    pick(&mut ui, "[en] Late notice test");
    let question = ui.render();
    question.assert_has("Send “Late notice test” to");
    ui.press("y");
    let entries = ui.store().outbox_pending().unwrap();
    let notified: BTreeSet<CustomerId> = entries
        .iter()
        .map(|e| match &e.op {
            OutboxOp::Outbound(n) => n.customer_id,
            OutboxOp::Message { ticket_id, .. } => {
                ui.store().ticket(*ticket_id).unwrap().unwrap().customer_id
            }
            other => panic!("unexpected entry {other:?}"),
        })
        .collect();
    assert_eq!(notified.len(), entries.len(), "one entry per customer");
    for i in 0..CUSTOMERS {
        assert!(notified.contains(&(FIRST_ID + i)), "customer {i} queued");
    }
    let total = entries.len() as i64;
    ui.render().assert_has("Notice queued");

    // Send until half went out, then kill -9 the server.
    sync.until("half sent", Duration::from_secs(120), || {
        waiting(&cache) <= total / 2
    });
    let early: Vec<String> = Store::open(&cache)
        .unwrap()
        .outbox_problems()
        .unwrap()
        .iter()
        .take(5)
        .map(|e| format!("{:?} {:?}: {:?}", e.state, e.error_code, e.last_error))
        .collect();
    assert!(early.is_empty(), "refused before the kill: {early:?}");
    server.kill();
    let sent_before_kill = total - waiting(&cache);
    // The console is restarted too; then the server comes back.
    sync.stop();
    drop(ui);
    let ui = Console::open(&cache, "en", (160, 45));
    let server = ServerProcess::start(&db, port, &token);
    let sync = Sync::start(&url, &token, &cache);
    sync.until("the rest sent", Duration::from_secs(180), || {
        waiting(&cache) == 0
    });
    sync.stop();
    let problems: Vec<String> = ui
        .store()
        .outbox_problems()
        .unwrap()
        .iter()
        .take(5)
        .map(|e| format!("{:?} {:?}: {:?}", e.state, e.error_code, e.last_error))
        .collect();
    assert!(problems.is_empty(), "refused: {problems:?}");
    assert_eq!(ui.store().outbox_counts().unwrap(), (0, 0), "nothing left");
    assert!(sent_before_kill < total, "the kill came before the end");

    // Counted on the server.
    let rt = runtime(1);
    let agent = Client::new(&url, &token).unwrap();
    rt.block_on(async {
        for customer_id in &notified {
            let detail = agent.customer(*customer_id).await.unwrap();
            let mut notices = Vec::new();
            for t in &detail.tickets {
                let full = agent.ticket(t.id).await.unwrap();
                for m in full.messages.iter().filter(|m| m.body.contains(MARKER)) {
                    notices.push((t.id, m.body.clone()));
                }
            }
            assert_eq!(
                notices.len(),
                1,
                "customer {customer_id}: exactly one notice, got {notices:?}"
            );
            let i = customer_id - FIRST_ID;
            if (0..CUSTOMERS).contains(&i) {
                let (ticket, body) = &notices[0];
                let lang = i as usize % LANGS.len();
                assert!(body.contains(WORDS[lang]), "in {}: {body}", LANGS[lang]);
                assert!(body.contains(&format!("LT-{customer_id}")), "{body}");
                assert!(body.contains(&format!("TRK{i:08}")), "{body}");
                if let Some(open) = open_tickets.get(customer_id) {
                    assert_eq!(ticket, open, "customer {customer_id}: on the open ticket");
                }
            }
        }
    });
    println!(
        "outreach: {total} customers, {sent_before_kill} sent before the kill, {} with an open ticket",
        open_tickets.len()
    );
    drop(server);
}

/// The late screen over the demo's cache, in every language: headings per
/// carrier and city, marking one order, a whole group from its heading and
/// all; the notices written in each customer's language, as replies where
/// the customer has an open ticket about the order.
#[test]
fn the_late_screen_groups_marks_and_writes_in_each_customers_language() {
    use sahaya::i18n::I18n;
    use sahaya::store::LateRule;
    use sahaya_testkit::ui::{LiveServer, fill_cache};

    let server = LiveServer::demo();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &[]);
    let late = Store::open(&cache)
        .unwrap()
        .late_orders(chrono::Utc::now(), LateRule::default())
        .unwrap();
    assert!(
        late.len() >= 3,
        "the demo has late shipments: {}",
        late.len()
    );
    for locale in ["en", "kn", "te", "ne", "hi"] {
        let i18n = I18n::new(locale);
        let mut ui = Console::open(&cache, locale, (160, 45));
        ui.press("L");
        let s = ui.render();
        let title = i18n.tr_args(
            "late-title",
            &[
                ("orders", late.len().into()),
                ("marked", 0.into()),
                ("hours", 24.into()),
            ],
        );
        let head = title.split(':').next().unwrap();
        s.assert_has(head);
        let first = &late[0];
        s.assert_has(&format!("{} · {}", first.carrier, first.city));
        assert!(
            s.forbidden_cells().next().is_none(),
            "{locale}: clean cells"
        );
        // x on the first heading marks its group; on an order, that order.
        ui.press("x");
        let group = late
            .iter()
            .filter(|o| o.carrier == first.carrier && o.city == first.city)
            .count();
        let screen = ui.app.late.screen.as_ref().unwrap();
        assert_eq!(screen.marked.len(), group, "{locale}: the group");
        ui.press("x");
        assert!(ui.app.late.screen.as_ref().unwrap().marked.is_empty());
        ui.press("j").press("x");
        assert_eq!(ui.app.late.screen.as_ref().unwrap().marked.len(), 1);
        ui.press("*");
        assert_eq!(
            ui.app.late.screen.as_ref().unwrap().marked.len(),
            late.len()
        );
        // The macro picker, then the confirmation; no is no.
        ui.press("m");
        pick(&mut ui, "[en] Late delivery – apology");
        assert!(
            matches!(ui.app.overlay, Some(Overlay::Confirm(_))),
            "{locale}: asks first"
        );
        ui.press("n");
        assert!(ui.store().outbox_pending().unwrap().is_empty());
        ui.press("esc");
        assert!(ui.app.late.screen.is_none(), "{locale}: Esc leaves");
    }
    // What the notices say, customer by customer.
    let mut ui = Console::open(&cache, "en", (160, 45));
    ui.press("L").press("*").press("m");
    pick(&mut ui, "[en] Late delivery – apology");
    ui.press("y");
    let entries = ui.store().outbox_pending().unwrap();
    let customers: BTreeSet<CustomerId> = late.iter().map(|o| o.customer.id).collect();
    assert_eq!(entries.len(), customers.len(), "one notice per customer");
    for e in &entries {
        let (customer_id, body) =
            match &e.op {
                OutboxOp::Outbound(n) => {
                    assert!(
                        late.iter()
                            .filter(|o| o.customer.id == n.customer_id)
                            .all(|o| o.open_ticket.is_none()),
                        "a new ticket only without an open one"
                    );
                    assert_eq!(
                        Some(n.channel),
                        late.iter()
                            .find(|o| o.customer.id == n.customer_id)
                            .unwrap()
                            .channel
                    );
                    (n.customer_id, n.body.clone())
                }
                OutboxOp::Message {
                    ticket_id, body, ..
                } => {
                    let t = ui.store().ticket(*ticket_id).unwrap().unwrap();
                    assert!(late.iter().any(
                        |o| o.open_ticket == Some(*ticket_id) && o.customer.id == t.customer_id
                    ));
                    (t.customer_id, body.clone())
                }
                other => panic!("{other:?}"),
            };
        assert!(!body.contains("{{"), "every placeholder filled: {body}");
        let lang = &late
            .iter()
            .find(|o| o.customer.id == customer_id)
            .unwrap()
            .customer
            .preferred_language;
        // Hindi: the demo's Hindi macro where it has one, else English.
        let words: &[&str] = match lang.as_str() {
            "kn" => &["ತಡವಾಗಿದ್ದಕ್ಕೆ"],
            "te" => &["ఆలస్యమైనందుకు"],
            "ne" => &["ढिलो"],
            "hi" => &["देर से", "running late"],
            _ => &["running late"],
        };
        assert!(words.iter().any(|w| body.contains(w)), "{lang}: {body}");
        for o in late.iter().filter(|o| o.customer.id == customer_id) {
            assert!(body.contains(&o.order.id), "{body}");
        }
    }
    assert_eq!(ui.store().outbox_pending().unwrap().len(), entries.len());
}
