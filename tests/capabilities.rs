//! The console asks the backend's capabilities, never its name: with a
//! backend that has no presence, statistics, orders, macros, outbound
//! notices or tags (Request Tracker), none of them is offered or drawn, and
//! their keys say so; with everything (sahaya's own server) all is as before.
//!
//! One demo server fills one cache as the demo supervisor (a supervisor can
//! do all an agent can); each test works on a private copy of it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sahaya::client::Client;
use sahaya::domain::Role;
use sahaya::events::Capabilities;
use sahaya::i18n::I18n;
use sahaya::keymap::{Action, Keymap, key_events};
use sahaya::protocol::{PresenceNotice, QueueStats, View, Viewer};
use sahaya::server::{ServeOptions, start};
use sahaya::store::Store;
use sahaya::sync::SyncEvent;
use sahaya::text::WidthProfile;
use sahaya::ui::overlay::Overlay;
use sahaya::ui::{App, Msg, update};

/// What Request Tracker can do beyond tickets and messages: nothing.
const NOTHING: Capabilities = Capabilities {
    presence: false,
    live_events: false,
    stats: false,
    orders: false,
    macros: false,
    outbound: false,
    tags: false,
};

const CACHE_COUNTED: &str = "Counted from this console's cache";

struct Golden {
    _dir: tempfile::TempDir,
    cache: PathBuf,
}

fn runtime(threads: usize) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .unwrap()
}

fn golden() -> &'static Golden {
    static GOLDEN: OnceLock<Golden> = OnceLock::new();
    GOLDEN.get_or_init(|| {
        std::thread::spawn(build_golden)
            .join()
            .expect("fixture builds")
    })
}

fn build_golden() -> Golden {
    let server_rt = runtime(2);
    let server = server_rt
        .block_on(start(ServeOptions {
            addr: "127.0.0.1:0".parse().unwrap(),
            demo: true,
            ..Default::default()
        }))
        .expect("server starts");
    let client = Client::new(&server.url(), server.token(Role::Supervisor).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    {
        let sync_rt = runtime(1);
        sync_rt.block_on(async {
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let _handle = sahaya::sync::spawn(client.clone(), cache.clone(), tx);
            tokio::spawn(async move { while rx.recv().await.is_some() {} });
            let latest = client.changes(0, 1).await.unwrap().latest;
            let store = Store::open(&cache).unwrap();
            let deadline = Instant::now() + Duration::from_secs(60);
            while !(store.me().ok().flatten().is_some() && store.cursor().unwrap_or(0) >= latest) {
                assert!(Instant::now() < deadline, "initial sync timed out");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        });
        // Dropping the runtime stops the sync task and closes its cache.
        drop(sync_rt);
    }
    server_rt.block_on(server.stop());
    Golden { _dir: dir, cache }
}

struct Ui {
    app: App,
    _dir: tempfile::TempDir,
}

impl Ui {
    /// A console over a private copy of the cache, against a backend that
    /// can do `capabilities` (set after `App::new`, as the console does).
    fn new(capabilities: Capabilities) -> Ui {
        let g = golden();
        let dir = tempfile::tempdir().unwrap();
        for suffix in ["", "-wal"] {
            let from = PathBuf::from(format!("{}{suffix}", g.cache.display()));
            if from.exists() {
                std::fs::copy(&from, dir.path().join(format!("cache.db{suffix}"))).unwrap();
            }
        }
        let mut app = App::new(
            Store::open(&dir.path().join("cache.db")).unwrap(),
            I18n::new("en"),
            Keymap::builtin(),
            WidthProfile::default(),
        );
        assert!(
            app.is_supervisor(),
            "the fixture signs in as the supervisor"
        );
        app.capabilities = capabilities;
        Ui { app, _dir: dir }
    }

    fn press(&mut self, keys: &str) -> &mut Self {
        for key in key_events(keys).unwrap() {
            update(&mut self.app, Msg::Key(key));
            self.screen();
        }
        self
    }

    fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            let key = crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            );
            update(&mut self.app, Msg::Key(key));
        }
        self
    }

    /// The frame at 160×45, as text.
    fn screen(&mut self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
        let buf = terminal
            .draw(|f| sahaya::ui::view::render(&mut self.app, f))
            .unwrap()
            .buffer
            .clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The status bar (last row).
    fn status(&mut self) -> String {
        self.screen().lines().last().unwrap_or_default().to_string()
    }

    /// The count shown after `label` on the supervisor screen.
    fn supervisor_count(&mut self, label: &str) -> i64 {
        let screen = self.screen();
        let needle = format!("  {label} ");
        let line = screen
            .lines()
            .skip(2)
            .find(|l| l.contains(&needle))
            .unwrap_or_else(|| panic!("no row {label:?}:\n{screen}"));
        let rest = &line[line.find(&needle).unwrap() + needle.len()..];
        let digits: String = rest
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(|c| c.is_ascii_digit())
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no count in {line:?}"))
    }
}

// ---------------------------------------------------------------------------
// Presence
// ---------------------------------------------------------------------------

#[test]
fn without_presence_no_one_is_shown_viewing_and_nothing_is_sent() {
    for caps in [NOTHING, Capabilities::ALL] {
        let mut ui = Ui::new(caps);
        ui.press("2 enter");
        let id = ui.app.open.as_ref().expect("a ticket opens").ticket.id;
        update(
            &mut ui.app,
            Msg::Sync(SyncEvent::Presence(PresenceNotice {
                ticket_id: id,
                viewers: vec![Viewer {
                    agent_id: 999,
                    name: "Ravi Shetty".into(),
                    typing: true,
                }],
            })),
        );
        let screen = ui.screen();
        assert_eq!(
            screen.contains("Ravi Shetty"),
            caps.presence,
            "presence {}:\n{screen}",
            caps.presence
        );
        // What the console would tell the backend after this frame.
        ui.press("r");
        ui.type_text("hello");
        match ui.app.presence() {
            Some((ticket, typing)) => {
                assert!(caps.presence, "a presence request without presence");
                assert_eq!((ticket, typing), (Some(id), true));
            }
            None => assert!(!caps.presence, "no presence request with presence"),
        }
    }
}

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

#[test]
fn without_stats_the_supervisor_screen_counts_from_the_cache_and_says_so() {
    let mut ui = Ui::new(NOTHING);
    ui.press("S");
    assert!(ui.app.show_supervisor);
    let screen = ui.screen();
    assert!(screen.contains(CACHE_COUNTED), "{screen}");
    assert!(
        !screen.contains("Waiting for the latest figures"),
        "{screen}"
    );
    // The server's own figures are not made up.
    assert!(!screen.contains("Oldest waiting"), "{screen}");
    assert!(!screen.contains("CSAT"), "{screen}");
    // The counts are the cache's: a row's count is the list it opens.
    let unassigned = ui
        .app
        .store
        .view_len(View::Unassigned, ui.app.my_id(), ui.app.now());
    let unassigned = unassigned.unwrap();
    assert!(unassigned > 0, "the demo has unassigned tickets");
    assert_eq!(ui.supervisor_count("Unassigned"), unassigned);
    let breached = ui.supervisor_count("Breached");
    let urgent = ui.supervisor_count("Urgent");
    ui.press("enter");
    assert!(!ui.app.show_supervisor);
    assert_eq!(ui.app.view, View::Unassigned);
    assert_eq!(ui.app.list.len as i64, unassigned);
    // A change made here is counted at once (no server to recount it).
    ui.press("esc S");
    assert!(ui.app.show_supervisor);
    ui.press("esc 2 A");
    ui.press("S");
    assert_eq!(ui.supervisor_count("Unassigned"), unassigned - 1);
    assert_eq!(ui.supervisor_count("Breached"), breached);
    assert_eq!(ui.supervisor_count("Urgent"), urgent);
}

#[test]
fn with_stats_the_supervisor_screen_waits_for_the_servers_figures() {
    let mut ui = Ui::new(Capabilities::ALL);
    ui.press("S");
    let screen = ui.screen();
    assert!(
        screen.contains("Waiting for the latest figures"),
        "{screen}"
    );
    assert!(!screen.contains(CACHE_COUNTED), "{screen}");
    let mut stats = QueueStats::default();
    stats.views.unassigned = 4321;
    update(&mut ui.app, Msg::Sync(SyncEvent::Stats(Box::new(stats))));
    let screen = ui.screen();
    assert!(!screen.contains(CACHE_COUNTED), "{screen}");
    assert!(screen.contains("Oldest waiting"), "{screen}");
    assert_eq!(ui.supervisor_count("Unassigned"), 4321);
}

// ---------------------------------------------------------------------------
// Orders, macros, proactive notices, tags
// ---------------------------------------------------------------------------

/// Each action a backend may lack, its key in the default keymap, its label
/// in the palette and what its key says when the backend lacks it.
const NEEDS: [(Action, &str, &str, &str); 4] = [
    (
        Action::OrderActions,
        "o",
        "Order actions",
        "This helpdesk has no orders",
    ),
    (
        Action::Macro,
        "m",
        "Apply a macro",
        "This helpdesk has no macros",
    ),
    (
        Action::ProactiveNotice,
        "N",
        "Send a proactive notice",
        "This helpdesk cannot send proactive notices",
    ),
    (Action::Tags, "t", "Edit tags", "This helpdesk has no tags"),
];

#[test]
fn without_orders_macros_notices_or_tags_they_are_not_offered_and_their_keys_say_so() {
    let mut ui = Ui::new(NOTHING);
    ui.press("2");
    assert!(ui.app.selected_row().is_some());
    let palette: Vec<Action> = sahaya::ui::menus::palette_rows(&ui.app, "")
        .iter()
        .map(|r| r.action)
        .collect();
    assert!(palette.contains(&Action::Reply));
    let help: Vec<String> = sahaya::ui::menus::help_rows(&ui.app)
        .into_iter()
        .map(|(row, _)| row)
        .collect();
    for (action, key, label, said) in NEEDS {
        assert!(!palette.contains(&action), "palette offers {action:?}");
        assert!(
            !help.iter().any(|r| r.contains(label)),
            "help offers {action:?}"
        );
        // Typed into the palette, nothing matches.
        ui.press("esc esc :");
        ui.type_text(&label.to_lowercase());
        let screen = ui.screen();
        assert!(!screen.contains(label), "{screen}");
        ui.press("esc");
        assert!(ui.app.overlay.is_none());
        // Its key, on a selected ticket, says why nothing happens.
        ui.press(key);
        assert!(
            ui.app.overlay.is_none(),
            "{key} opened {:?}",
            overlay_name(&ui)
        );
        assert!(ui.app.composer.is_none());
        let status = ui.status();
        assert!(status.contains(said), "{key}: {status}");
    }
    assert!(ui.app.store.outbox_pending().unwrap().is_empty());
}

#[test]
fn with_orders_macros_notices_and_tags_they_are_offered_and_their_keys_work() {
    let mut ui = Ui::new(Capabilities::ALL);
    ui.press("2");
    assert!(ui.app.selected_row().is_some());
    let palette: Vec<Action> = sahaya::ui::menus::palette_rows(&ui.app, "")
        .iter()
        .map(|r| r.action)
        .collect();
    for (action, key, label, said) in NEEDS {
        assert!(palette.contains(&action), "palette lacks {action:?}");
        ui.press("esc esc :");
        ui.type_text(&label.to_lowercase());
        let screen = ui.screen();
        assert!(screen.contains(label), "{screen}");
        ui.press("esc");
        ui.press(key);
        let status = ui.status();
        assert!(!status.contains(said), "{key}: {status}");
        // A picker or prompt opens (or the cache says why not: this
        // customer has no orders, say) — never the helpdesk's lack.
        assert!(
            ui.app.overlay.is_some() || !status.contains("helpdesk"),
            "{key}: {status}"
        );
        ui.press("esc esc");
    }
    // The macro picker lists the demo's macros.
    ui.press("m");
    assert!(matches!(ui.app.overlay, Some(Overlay::Picker(_))));
}

fn overlay_name(ui: &Ui) -> &'static str {
    match ui.app.overlay {
        Some(Overlay::Help { .. }) => "help",
        Some(Overlay::Palette { .. }) => "palette",
        Some(Overlay::Picker(_)) => "picker",
        Some(Overlay::Prompt(_)) => "prompt",
        Some(Overlay::Confirm(_)) => "confirm",
        Some(Overlay::Search(_)) => "search",
        Some(Overlay::Problems { .. }) => "problems",
        None => "nothing",
    }
}

#[test]
fn without_orders_the_customer_panel_shows_no_lifetime_value_or_orders() {
    for (caps, shown) in [(Capabilities::ALL, true), (NOTHING, false)] {
        let mut ui = Ui::new(caps);
        ui.press("2 enter");
        let screen = ui.screen();
        assert!(screen.contains("Preferred language"), "{screen}");
        assert_eq!(screen.contains("Lifetime value"), shown, "{screen}");
        assert_eq!(screen.contains("Orders"), shown, "{screen}");
    }
}
