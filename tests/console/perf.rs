//! The cost of a frame follows what is visible, not what is cached
//! (invariant 5). Not timed: these tests count what a frame builds. A real
//! server with 5,000 synthetic tickets and one ticket with a 400-message
//! thread fills a cache through the real sync task; the console is then
//! driven headless at several terminal sizes.

use std::path::PathBuf;
use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent};
use sahaya_testkit::server::loopback;
use sahaya_testkit::ui::{Console, LiveServer, ch, fill_cache, key, once};

use sahaya::domain::{Channel, Role, TicketId};
use sahaya::protocol::InboundMessage;
use sahaya::server::ServeOptions;
use sahaya::ui::app::Pane;
use sahaya::ui::{Msg, update};

const TICKETS: usize = 5_000;
const THREAD: usize = 400;

struct Fixture {
    _dir: tempfile::TempDir,
    cache: PathBuf,
    long: TicketId,
}

fn body(i: usize) -> String {
    format!(
        "message {i:04}: ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ, the courier said tomorrow again.\n\
         second line of {i:04} — ఆర్డర్ స్థితి चाहिएको सामान"
    )
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    once(&FIXTURE, build)
}

fn build() -> Fixture {
    let server = LiveServer::start(ServeOptions {
        synthetic_tickets: TICKETS,
        ..loopback()
    });
    let bridge = server.client(Role::Integration);
    let long = server.block_on(async {
        let mut ticket_id = None;
        for i in 0..THREAD {
            let msg = InboundMessage {
                name: Some("ದೀರ್ಘ ಸಂಭಾಷಣೆ".into()),
                subject: Some("A very long conversation".into()),
                ticket_id,
                language: Some("kn".into()),
                ..InboundMessage::new(Channel::WhatsApp, "+919800000042".into(), body(i))
            };
            let r = bridge.inbound(&msg, None).await.expect("inbound");
            ticket_id = Some(r.ticket.id);
        }
        ticket_id.expect("a ticket")
    });

    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &[]);
    drop(server);
    Fixture {
        _dir: dir,
        cache,
        long,
    }
}

/// The console over the fixture's cache (read only).
fn console(size: (u16, u16)) -> Console {
    Console::open(&fixture().cache, "en", size)
}

#[test]
fn the_list_loads_only_its_visible_rows_at_every_size() {
    for (w, h) in [(80, 24), (120, 30), (160, 45), (200, 60)] {
        let mut ui = console((w, h));
        let mut keys: Vec<KeyEvent> = Vec::new();
        for view in ['1', '2', '3', '4', '5', '6'] {
            keys.push(ch(view));
            keys.extend(std::iter::repeat_n(ch('j'), 30));
            keys.push(ch('G'));
            keys.extend(std::iter::repeat_n(ch('k'), 30));
            keys.push(key(KeyCode::PageDown));
            keys.push(ch('g'));
            keys.push(ch('g'));
        }
        ui.render();
        let mut largest_view = 0;
        for k in keys {
            update(&mut ui.app, Msg::Key(k));
            ui.app.effects.clear();
            ui.render();
            let app = &ui.app;
            largest_view = largest_view.max(app.list.len);
            // The list pane sits between the tab line and the status line,
            // inside a border: at most h - 4 rows are visible.
            let visible = usize::from(h) - 4;
            assert!(
                app.frame_stats.list_rows <= visible,
                "{w}x{h}: {} rows loaded for {visible} visible (view {:?}, {} tickets)",
                app.frame_stats.list_rows,
                app.view,
                app.list.len
            );
            assert_eq!(app.list.rows.len(), app.frame_stats.list_rows);
        }
        assert!(
            largest_view > 1_000,
            "the views hold thousands of tickets ({largest_view})"
        );
    }
}

#[test]
fn the_thread_lays_out_only_what_fills_the_pane() {
    let f = fixture();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut ui = console((w, h));
        assert_eq!(ui.store().messages(f.long).unwrap().len(), THREAD);
        ui.app.open_ticket(f.long);
        ui.app.focus = Pane::Thread;
        let screen = ui.screen();
        // Each message is a header, two body lines (more when wrapped at
        // 80 columns) and a blank: never more than 8 lines.
        let pane = usize::from(h);
        let most = |scroll: usize| pane + scroll + 8;
        assert!(
            ui.app.frame_stats.thread_lines <= most(0),
            "{w}x{h}: {} lines laid out for a {pane}-row screen",
            ui.app.frame_stats.thread_lines
        );
        assert!(
            screen.contains("second line of 0399"),
            "{w}x{h}: the newest message is at the bottom:\n{screen}"
        );
        // Scrolling up lays out what is scrolled past, not the whole thread.
        for _ in 0..5 {
            update(&mut ui.app, Msg::Key(key(KeyCode::PageUp)));
        }
        let scroll = ui.app.open.as_ref().unwrap().thread_scroll;
        assert!(scroll > 0);
        let screen = ui.screen();
        assert!(
            ui.app.frame_stats.thread_lines <= most(scroll),
            "{w}x{h}: {} lines laid out, scrolled by {scroll}",
            ui.app.frame_stats.thread_lines
        );
        assert!(!screen.contains("second line of 0399"), "{screen}");
        // Past the top it stops at the first message.
        for _ in 0..400 {
            update(&mut ui.app, Msg::Key(key(KeyCode::PageUp)));
        }
        let screen = ui.screen();
        assert!(
            screen.contains("message 0000"),
            "{w}x{h}: the top of the thread:\n{screen}"
        );
        // And back down to the newest in a bounded number of keys.
        for _ in 0..3 {
            update(&mut ui.app, Msg::Key(ch('G')));
        }
        let screen = ui.screen();
        assert!(screen.contains("second line of 0399"), "{screen}");
        assert!(ui.app.frame_stats.thread_lines <= most(0));
    }
}
