//! The console on a small cache of its own, at a pinned time: the palettes
//! as drawn, what the clock moves (SLA countdowns, flashes, the supervisor's
//! figures), and store failures said to the agent rather than taken for
//! "nothing there".

use chrono::{Duration, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use sahaya_i18n::I18n;
use sahaya_keymap::{Action, Keymap};
use sahaya_protocol::Clock;
use sahaya_protocol::domain::{
    Agent, Author, Channel, ContactHandle, Customer, Delivery, Message, MessageKind, Money,
    Presence, Priority, Role, Sla, Status, Ticket, Timestamp,
};
use sahaya_protocol::events::{Connection, SyncEvent};
use sahaya_protocol::wire::{Change, Entity, QueueStats};
use sahaya_store::Store;
use sahaya_text::WidthProfile;

use crate::app::{App, Pane};
use crate::overlay::Overlay;
use crate::theme::{Palette, Theme};
use crate::update::{Msg, run, update};

fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 50, 0).unwrap()
}

fn agent(id: i64, name: &str, role: Role) -> Agent {
    Agent {
        id,
        login: format!("a{id}"),
        name: name.into(),
        role,
        group: "support".into(),
        languages: vec!["en".into(), "kn".into()],
        presence: Presence::Online,
    }
}

/// Ticket `id`, opened an hour before `t0`, its first reply due `due_in`
/// minutes after `t0`.
fn ticket(
    id: i64,
    status: Status,
    priority: Priority,
    assignee: Option<i64>,
    due_in: i64,
) -> Ticket {
    let created = t0() - Duration::hours(1);
    let mut sla = Sla::for_priority(priority, created);
    sla.first_response_due = t0() + Duration::minutes(due_in);
    Ticket {
        id,
        subject: format!("ಪಾರ್ಸೆಲ್ {id} ಬಂದಿಲ್ಲ / parcel {id} late"),
        status,
        priority,
        channel: Channel::WhatsApp,
        customer_id: 100,
        assignee_id: assignee,
        group: "support".into(),
        tags: vec!["delivery".into()],
        sla,
        order_id: None,
        version: 1,
        created_at: created,
        updated_at: created,
        last_customer_message_at: Some(created),
        message_count: 2,
    }
}

fn message(id: i64, kind: MessageKind, body: &str) -> Message {
    let author = match kind {
        MessageKind::Customer => Author::Customer {
            id: 100,
            name: "ರಮೇಶ್ ಕುಮಾರ್".into(),
        },
        MessageKind::Reply | MessageKind::Note => Author::Agent {
            id: 1,
            name: "Asha".into(),
        },
    };
    Message {
        id,
        ticket_id: 1,
        kind,
        author,
        channel: Channel::WhatsApp,
        body: body.into(),
        created_at: t0() - Duration::minutes(50 - id),
        delivery: Delivery::Delivered,
        delivery_error: None,
        attachments: Vec::new(),
    }
}

fn entities() -> Vec<Entity> {
    vec![
        Entity::Agent(agent(1, "Asha", Role::Supervisor)),
        Entity::Agent(agent(2, "Bharat", Role::Agent)),
        Entity::Customer(Customer {
            id: 100,
            name: "ರಮೇಶ್ ಕುಮಾರ್".into(),
            handles: vec![ContactHandle {
                channel: Channel::WhatsApp,
                value: "+919800000001".into(),
            }],
            preferred_language: "kn".into(),
            city: "Mysuru".into(),
            lifetime_value: Money::inr(4200),
            notes: String::new(),
            created_at: t0() - Duration::days(300),
            updated_at: t0() - Duration::days(3),
        }),
        Entity::Ticket(ticket(1, Status::New, Priority::Urgent, None, 10)),
        Entity::Ticket(ticket(2, Status::Open, Priority::High, Some(1), -30)),
        Entity::Ticket(ticket(3, Status::Pending, Priority::Normal, Some(1), 300)),
        Entity::Ticket(ticket(4, Status::Solved, Priority::Low, Some(2), 600)),
        Entity::Message(message(1, MessageKind::Customer, "ನನ್ನ ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ")),
        Entity::Message(message(2, MessageKind::Reply, "Checking with the courier.")),
        Entity::Message(message(3, MessageKind::Note, "Courier says Friday.")),
    ]
}

/// A supervisor's console over `store`, at the time of `clock`.
fn console_on(mut store: Store, clock: &Clock) -> App {
    let changes: Vec<Change> = entities()
        .into_iter()
        .enumerate()
        .map(|(i, entity)| Change {
            seq: i as i64 + 1,
            entity,
        })
        .collect();
    store.apply_changes(&changes, changes.len() as i64).unwrap();
    store.set_me(&agent(1, "Asha", Role::Supervisor)).unwrap();
    let mut app = App::with_clock(
        store,
        I18n::new("en"),
        Keymap::builtin(),
        WidthProfile::default(),
        clock.clone(),
    );
    app.connection = Connection::Online;
    app.set_view(sahaya_protocol::wire::View::All);
    app
}

fn console(clock: &Clock) -> App {
    console_on(Store::open_in_memory().unwrap(), clock)
}

/// Prepares and draws a frame.
fn frame(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| crate::view::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The frames that between them use nearly every role: the three panes
/// with the thread, a composer, a flash and a marked ticket; a
/// confirmation; a picker; help; search results; the supervisor screen
/// with live figures and an alert.
fn every_screen(app: &mut App) -> Vec<Buffer> {
    let mut frames = Vec::new();
    run(app, Action::ToggleMark);
    app.list.selected = 0;
    app.open_ticket(1);
    app.focus = Pane::Thread;
    run(app, Action::Reply);
    update(app, Msg::Paste("ಧನ್ಯವಾದ, Friday".into()));
    app.flash("Saved");
    frames.push(frame(app, 170, 40));
    run(app, Action::Cancel);
    frames.push(frame(app, 170, 40));
    update(app, Msg::Key(crossterm::event::KeyCode::Char('y').into()));
    app.focus = Pane::List;
    run(app, Action::SetStatus);
    frames.push(frame(app, 170, 40));
    app.overlay = Some(Overlay::Help { scroll: 0 });
    frames.push(frame(app, 120, 40));
    app.overlay = None;
    run(app, Action::Search);
    update(app, Msg::Paste("parcel".into()));
    frames.push(frame(app, 120, 40));
    app.overlay = None;
    let mut stats = QueueStats::default();
    stats.views.unassigned = 25;
    stats.sla.breached = 1;
    stats.arrivals_per_10min = vec![0, 2, 5, 1];
    stats.computed_at = Some(t0());
    update(app, Msg::Sync(SyncEvent::Stats(Box::new(stats))));
    run(app, Action::Supervisor);
    frames.push(frame(app, 170, 40));
    frames
}

#[test]
fn no_color_draws_no_colour_and_keeps_the_selection_visible() {
    let clock = Clock::manual(t0());
    let mut app = console(&clock);
    app.theme = Theme::NO_COLOR;
    for buf in every_screen(&mut app) {
        for cell in buf.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{:?} in\n{}",
                cell.symbol(),
                text(&buf)
            );
        }
        // Selections and the active tab are in reverse video instead.
        assert!(
            buf.content()
                .iter()
                .any(|c| c.modifier.contains(Modifier::REVERSED)),
            "nothing stands out in\n{}",
            text(&buf)
        );
    }
    // The same screens in the default palette are in colour: the test above
    // looked at coloured roles.
    let mut app = console(&clock);
    for buf in every_screen(&mut app) {
        assert!(buf.content().iter().any(|c| c.fg != Color::Reset));
    }
}

#[test]
fn high_contrast_has_no_grey_text() {
    let clock = Clock::manual(t0());
    let mut app = console(&clock);
    app.theme = Theme::new(Palette::HighContrast);
    for buf in every_screen(&mut app) {
        for cell in buf.content() {
            assert!(
                !matches!(cell.fg, Color::DarkGray | Color::Gray) && cell.bg != Color::DarkGray,
                "{:?} in grey in\n{}",
                cell.symbol(),
                text(&buf)
            );
        }
    }
}

#[test]
fn the_palette_is_chosen_by_flag_then_no_color_then_config() {
    use std::ffi::OsStr;
    let set = Some(OsStr::new("1"));
    let empty = Some(OsStr::new(""));
    let hc = Some(Palette::HighContrast);
    assert_eq!(Palette::choose(None, None, None), Palette::Default);
    assert_eq!(Palette::choose(None, None, hc), Palette::HighContrast);
    assert_eq!(Palette::choose(None, set, hc), Palette::NoColor);
    // An empty NO_COLOR does not count (no-color.org).
    assert_eq!(Palette::choose(None, empty, hc), Palette::HighContrast);
    assert_eq!(Palette::choose(hc, set, None), Palette::HighContrast);
    for p in Palette::ALL {
        assert_eq!(p.as_str().parse::<Palette>(), Ok(p));
        assert_eq!(Theme::new(p).palette, p);
    }
    let err = "dark".parse::<Palette>().unwrap_err();
    assert!(
        err.contains("high-contrast") && err.contains("no-color"),
        "{err}"
    );
}

#[test]
fn sla_countdowns_follow_the_clock() {
    let clock = Clock::manual(t0());
    let mut app = console(&clock);
    let due = |app: &App| {
        let row = app.list.rows.iter().find(|r| r.ticket.id == 1).unwrap();
        crate::list_view::sla_text(app, &row.ticket, app.prepared.now)
    };
    frame(&mut app, 120, 20);
    let (soon, style) = due(&app);
    assert_eq!(style, app.theme.sla_soon);
    assert_eq!(soon, app.i18n.duration(600));
    clock.advance(Duration::minutes(25));
    let screen = text(&frame(&mut app, 120, 20));
    let (late, style) = due(&app);
    assert_eq!(style, app.theme.sla_breached);
    assert_eq!(late, format!("-{}", app.i18n.duration(15 * 60)));
    assert!(screen.contains(&late), "{screen}");
}

#[test]
fn a_flash_stays_for_its_time_on_the_clock() {
    let clock = Clock::manual(t0());
    let mut app = console(&clock);
    app.flash("Courier called back");
    assert!(text(&frame(&mut app, 120, 20)).contains("Courier called back"));
    clock.advance(Duration::seconds(crate::status_view::FLASH_SECS - 1));
    assert!(text(&frame(&mut app, 120, 20)).contains("Courier called back"));
    clock.advance(Duration::seconds(1));
    assert!(!text(&frame(&mut app, 120, 20)).contains("Courier called back"));
}

#[test]
fn figures_go_stale_by_the_clock() {
    let clock = Clock::manual(t0());
    let mut app = console(&clock);
    update(&mut app, Msg::Sync(SyncEvent::Stats(Box::default())));
    assert_eq!(app.supervisor.received, Some(t0()));
    run(&mut app, Action::Supervisor);
    assert!(text(&frame(&mut app, 120, 30)).contains("Live"));
    clock.advance(Duration::seconds(crate::supervisor::STALE_AFTER_SECS + 1));
    let screen = text(&frame(&mut app, 120, 30));
    assert!(screen.contains("Not live"), "{screen}");
}

/// A console whose cache is `cache.db` in the directory returned.
fn console_in_a_file() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(t0());
    let store = Store::open_with_clock(&dir.path().join("cache.db"), clock.clone()).unwrap();
    (dir, console_on(store, &clock))
}

/// A second connection to the cache file, to take a table away under the
/// console: a real failure of the real store.
fn break_table(path: &std::path::Path, table: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!("DROP TABLE {table}")).unwrap();
}

#[test]
fn a_reply_the_traffic_cop_cannot_check_is_asked_about_not_sent() {
    let (dir, mut app) = console_in_a_file();
    let path = dir.path().join("cache.db");
    app.open_ticket(1);
    app.focus = Pane::Thread;
    run(&mut app, Action::Reply);
    update(&mut app, Msg::Paste("ನಾಳೆ ಬರುತ್ತದೆ".into()));
    break_table(&path, "messages");
    run(&mut app, Action::Send);
    let Some(Overlay::Confirm(c)) = &app.overlay else {
        panic!("no question: {:?}", app.flash);
    };
    assert!(c.question.contains("Could not check"), "{}", c.question);
    assert!(c.question.contains("no such table"), "{}", c.question);
    assert_eq!(app.store.outbox_counts().unwrap(), (0, 0));
    // Sent only when the agent says so.
    update(
        &mut app,
        Msg::Key(crossterm::event::KeyCode::Char('y').into()),
    );
    assert_eq!(app.store.outbox_counts().unwrap().0, 1);
    assert!(app.composer.is_none());
}

#[test]
fn a_search_that_cannot_run_says_so() {
    let (dir, mut app) = console_in_a_file();
    let path = dir.path().join("cache.db");
    break_table(&path, "messages_fts");
    run(&mut app, Action::Search);
    update(&mut app, Msg::Paste("parcel".into()));
    let Some(Overlay::Search(s)) = &app.overlay else {
        panic!("search closed");
    };
    assert!(s.results.is_empty());
    let (flash, _) = app.flash.clone().unwrap();
    assert!(flash.contains("Could not read the local cache"), "{flash}");
}
