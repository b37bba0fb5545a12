//! The console asks the backend's capabilities, never its name: with a
//! backend that has no presence, statistics, orders, macros, outbound
//! notices or tags (Request Tracker), none of them is offered or drawn, and
//! their keys say so; with everything (sahaya's own server) all is as before.
//!
//! One demo server fills one cache as the demo supervisor (a supervisor can
//! do all an agent can); each test works on a private copy of it.

use std::path::PathBuf;

use sahaya_testkit::ui::{Console, LiveServer, fill_cache, typing};

use sahaya::domain::Role;
use sahaya::events::Capabilities;
use sahaya::keymap::Action;
use sahaya::protocol::{QueueStats, View};
use sahaya::sync::SyncEvent;
use sahaya::ui::overlay::Overlay;
use sahaya::ui::{Msg, update};

/// What Request Tracker can do beyond tickets and messages: nothing.
const NOTHING: Capabilities = Capabilities::NONE;

const CACHE_COUNTED: &str = "Counted from this console's cache";

struct Golden {
    _dir: tempfile::TempDir,
    cache: PathBuf,
}

sahaya_testkit::golden!(Golden, build_golden);

fn build_golden() -> Golden {
    let server = LiveServer::demo();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Supervisor), &cache, &[]);
    drop(server);
    Golden { _dir: dir, cache }
}

type Ui = Console;

/// The headless console of these tests, at 160×45.
trait UiTests {
    /// A console over a private copy of the cache, against a backend that
    /// can do `capabilities` (set after `App::new`, as the console does).
    fn new(capabilities: Capabilities) -> Self;
    /// The status bar (last row).
    fn status(&mut self) -> String;
    /// The count shown after `label` on the supervisor screen.
    fn supervisor_count(&mut self, label: &str) -> i64;
    /// What the command palette offers.
    fn palette(&self) -> Vec<Action>;
}

impl UiTests for Ui {
    fn new(capabilities: Capabilities) -> Ui {
        let mut ui = Console::over_copy(&golden().cache, "en", (160, 45));
        assert!(
            ui.app.is_supervisor(),
            "the fixture signs in as the supervisor"
        );
        ui.app.capabilities = capabilities;
        ui
    }

    fn status(&mut self) -> String {
        self.render().status()
    }

    fn supervisor_count(&mut self, label: &str) -> i64 {
        let rest = self.render().after_label(label);
        let digits: String = rest
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(|c| c.is_ascii_digit())
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no count after {label:?} in {rest:?}"))
    }

    fn palette(&self) -> Vec<Action> {
        sahaya::ui::menus::palette_rows(&self.app, "")
            .iter()
            .map(|r| r.action)
            .collect()
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
        ui.sync(typing(id, "Ravi Shetty"));
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
    let palette = ui.palette();
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
    let palette = ui.palette();
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
