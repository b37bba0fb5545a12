//! The cost of a frame follows what is visible, not what is cached
//! (invariant 5). Not timed: these tests count what a frame builds. A real
//! server with 5,000 synthetic tickets and one ticket with a 400-message
//! thread fills a cache through the real sync task; the console is then
//! driven headless at several terminal sizes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sahaya::client::Client;
use sahaya::domain::{Channel, Role, TicketId};
use sahaya::i18n::I18n;
use sahaya::keymap::{Keymap, key_events};
use sahaya::protocol::InboundMessage;
use sahaya::server::{ServeOptions, start};
use sahaya::store::Store;
use sahaya::text::WidthProfile;
use sahaya::ui::app::Pane;
use sahaya::ui::{App, Msg, update, view};

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
    FIXTURE.get_or_init(|| std::thread::spawn(build).join().expect("fixture builds"))
}

fn build() -> Fixture {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = rt
        .block_on(start(ServeOptions {
            addr: "127.0.0.1:0".parse().unwrap(),
            synthetic_tickets: TICKETS,
            ..Default::default()
        }))
        .expect("server starts");
    let url = server.url();
    let bridge = Client::new(&url, server.token(Role::Integration).unwrap()).unwrap();
    let agent = Client::new(&url, server.token(Role::Agent).unwrap().to_string()).unwrap();
    let long = rt.block_on(async {
        let mut ticket_id = None;
        for i in 0..THREAD {
            let msg = InboundMessage {
                channel: Channel::WhatsApp,
                from: "+919800000042".into(),
                name: Some("ದೀರ್ಘ ಸಂಭಾಷಣೆ".into()),
                subject: Some("A very long conversation".into()),
                body: body(i),
                ticket_id,
                order_id: None,
                language: Some("kn".into()),
                external_id: None,
                thread_refs: None,
                attachments: Vec::new(),
            };
            let r = bridge.inbound(&msg, None).await.expect("inbound");
            ticket_id = Some(r.ticket.id);
        }
        ticket_id.expect("a ticket")
    });

    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    rt.block_on(async {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let _handle = sahaya::sync::spawn(agent.clone(), cache.clone(), tx);
        tokio::spawn(async move { while rx.recv().await.is_some() {} });
        let latest = agent.changes(0, 1).await.unwrap().latest;
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let done = Store::open(&cache)
                .ok()
                .and_then(|s| s.cursor().ok())
                .is_some_and(|c| c >= latest);
            if done {
                break;
            }
            assert!(Instant::now() < deadline, "initial sync timed out");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    rt.block_on(server.stop());
    Fixture {
        _dir: dir,
        cache,
        long,
    }
}

fn app() -> App {
    App::new(
        Store::open(&fixture().cache).unwrap(),
        I18n::new("en"),
        Keymap::builtin(),
        WidthProfile::default(),
    )
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key_events(&c.to_string()).expect("key")[0]
}

fn draw(app: &mut App, term: &mut Terminal<TestBackend>) -> String {
    term.draw(|f| view::render(app, f)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_list_loads_only_its_visible_rows_at_every_size() {
    for (w, h) in [(80, 24), (120, 30), (160, 45), (200, 60)] {
        let mut app = app();
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
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
        draw(&mut app, &mut term);
        let mut largest_view = 0;
        for k in keys {
            update(&mut app, Msg::Key(k));
            app.effects.clear();
            draw(&mut app, &mut term);
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
        let mut app = app();
        assert_eq!(app.store.messages(f.long).unwrap().len(), THREAD);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        app.open_ticket(f.long);
        app.focus = Pane::Thread;
        let screen = draw(&mut app, &mut term);
        // Each message is a header, two body lines (more when wrapped at
        // 80 columns) and a blank: never more than 8 lines.
        let pane = usize::from(h);
        let most = |scroll: usize| pane + scroll + 8;
        assert!(
            app.frame_stats.thread_lines <= most(0),
            "{w}x{h}: {} lines laid out for a {pane}-row screen",
            app.frame_stats.thread_lines
        );
        assert!(
            screen.contains("second line of 0399"),
            "{w}x{h}: the newest message is at the bottom:\n{screen}"
        );
        // Scrolling up lays out what is scrolled past, not the whole thread.
        for _ in 0..5 {
            update(&mut app, Msg::Key(key(KeyCode::PageUp)));
        }
        let scroll = app.open.as_ref().unwrap().thread_scroll;
        assert!(scroll > 0);
        let screen = draw(&mut app, &mut term);
        assert!(
            app.frame_stats.thread_lines <= most(scroll),
            "{w}x{h}: {} lines laid out, scrolled by {scroll}",
            app.frame_stats.thread_lines
        );
        assert!(!screen.contains("second line of 0399"), "{screen}");
        // Past the top it stops at the first message.
        for _ in 0..400 {
            update(&mut app, Msg::Key(key(KeyCode::PageUp)));
        }
        let screen = draw(&mut app, &mut term);
        assert!(
            screen.contains("message 0000"),
            "{w}x{h}: the top of the thread:\n{screen}"
        );
        // And back down to the newest in a bounded number of keys.
        for _ in 0..3 {
            update(&mut app, Msg::Key(ch('G')));
        }
        let screen = draw(&mut app, &mut term);
        assert!(screen.contains("second line of 0399"), "{screen}");
        assert!(app.frame_stats.thread_lines <= most(0));
    }
}
