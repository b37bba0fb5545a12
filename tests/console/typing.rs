//! Typing Kannada, Telugu and Devanagari from Latin keys (Ctrl-g, Alt-g;
//! docs/typing.md), headless: replies to customers who write in each
//! language typed on a Latin keyboard and queued as native text, Backspace
//! in the middle of a syllable, the pending Latin drawn in its own style,
//! the switch in the status bar, search and prompts. A demo server with
//! one customer per language fills a real cache through the real sync task;
//! each test works on a copy, on a clock pinned to when it was filled.

use std::path::PathBuf;

use ratatui::style::{Color, Modifier};
use sahaya_testkit::ui::{Console, LiveServer, Screen, fill_cache};

use sahaya::domain::{Channel, MessageKind, Role, TicketId, Timestamp};
use sahaya::protocol::InboundMessage;
use sahaya::store::{OutboxOp, Store};
use sahaya::text::Script;
use sahaya::ui::app::Pane;
use sahaya::ui::theme::Theme;
use sahaya_protocol::Clock;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// A customer per language, each with a ticket.
struct Golden {
    _dir: tempfile::TempDir,
    cache: PathBuf,
    /// When the cache was filled: the tests' clock.
    at: Timestamp,
    kn: TicketId,
    te: TicketId,
    ne: TicketId,
    hi: TicketId,
    en: TicketId,
}

sahaya_testkit::golden!(Golden, build_golden);

fn build_golden() -> Golden {
    let server = LiveServer::demo();
    let bridge = server.client(Role::Integration);
    let customers = [
        ("kn", "+919800006001", "ಸುಮಾ ಹೆಗಡೆ", "ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ"),
        ("te", "+919800006002", "లక్ష్మి రెడ్డి", "నా ఆర్డర్ ఇంకా రాలేదు"),
        ("ne", "+9779800006003", "सीता थापा", "मेरो अर्डर अझै आएन"),
        (
            "hi",
            "+919800006004",
            "राहुल शर्मा",
            "मेरा ऑर्डर अभी तक नहीं आया",
        ),
        (
            "en",
            "+919800006005",
            "Priya Nair",
            "My order has not arrived yet",
        ),
    ];
    let ids: Vec<TicketId> = server.block_on(async {
        let mut ids = Vec::new();
        for (language, from, name, body) in customers {
            let created = bridge
                .inbound(
                    &InboundMessage {
                        name: Some(name.into()),
                        subject: Some(body.into()),
                        language: Some(language.into()),
                        ..InboundMessage::new(Channel::WhatsApp, from.into(), body.into())
                    },
                    None,
                )
                .await
                .expect("inbound");
            ids.push(created.ticket.id);
        }
        ids
    });
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    fill_cache(&server.client(Role::Agent), &cache, &ids);
    let at = chrono::Utc::now();
    drop(server);
    let store = Store::open(&cache).unwrap();
    for ((language, ..), id) in customers.iter().zip(&ids) {
        let t = store.ticket(*id).unwrap().expect("ticket cached");
        let c = store
            .customer_detail(t.customer_id)
            .unwrap()
            .expect("customer");
        assert_eq!(&c.customer.preferred_language, language);
    }
    drop(store);
    Golden {
        _dir: dir,
        cache,
        at,
        kn: ids[0],
        te: ids[1],
        ne: ids[2],
        hi: ids[3],
        en: ids[4],
    }
}

/// A console in `locale` over a copy of the cache, its clock (and the
/// store's) pinned to when the cache was filled.
fn console(locale: &str, size: (u16, u16)) -> Console {
    let mut ui = Console::over_copy(&golden().cache, locale, size);
    let clock = Clock::manual(golden().at);
    ui.app.store.set_clock(clock.clone());
    ui.app.clock = clock;
    ui.app.reload();
    ui
}

/// Opens ticket `id` with the thread focused, then its reply composer.
fn reply_to(ui: &mut Console, id: TicketId) {
    ui.press("esc esc");
    ui.app.open_ticket(id);
    ui.app.focus = Pane::Thread;
    ui.press("r");
    assert_eq!(ui.app.composer.as_ref().map(|c| c.ticket_id), Some(id));
}

fn composer_text(ui: &Console) -> String {
    ui.app.composer.as_ref().expect("composer").buffer.text()
}

fn pending_latin(ui: &Console) -> String {
    let c = ui.app.composer.as_ref().expect("composer");
    c.typing.pending().to_string()
}

/// The queued message bodies, oldest first.
fn sent(ui: &Console) -> Vec<(TicketId, String)> {
    ui.app
        .store
        .outbox_pending()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.op {
            OutboxOp::Message {
                ticket_id,
                kind: MessageKind::Reply,
                body,
            } => Some((ticket_id, body)),
            _ => None,
        })
        .collect()
}

/// What the cells drawn in the theme's `pending` style spell, row by row.
fn pending_cells(s: &Screen, theme: &Theme) -> String {
    let a = s.area();
    (0..a.height - 1)
        .flat_map(|y| (0..a.width).map(move |x| (x, y)))
        .filter(|(x, y)| {
            let cell = &s.buf[(*x, *y)];
            let want = theme.pending;
            cell.modifier.contains(want.add_modifier) && want.fg.is_none_or(|fg| cell.fg == fg)
        })
        .map(|(x, y)| s.sym(x, y).to_string())
        .collect()
}

/// The cells of the status bar drawn with the switch's own background.
fn status_badge(s: &Screen, bg: Color) -> String {
    let y = s.area().height - 1;
    (0..s.area().width)
        .filter(|x| s.buf[(*x, y)].bg == bg)
        .map(|x| s.sym(x, y))
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn a_kannada_reply_typed_in_latin_letters_goes_out_in_kannada() {
    for size in SIZES {
        let mut ui = console("en", size);
        reply_to(&mut ui, golden().kn);
        // Off until the agent asks; the status bar offers the customer's
        // script.
        let s = ui.render();
        assert!(
            s.status().contains("Ctrl-g for ಅ ಕನ್ನಡ"),
            "{size:?}: {:?}",
            s.status()
        );
        ui.type_text("ok ");
        assert_eq!(composer_text(&ui), "ok ");
        ui.press("ctrl-g");
        let s = ui.render();
        assert_eq!(status_badge(&s, Color::LightCyan), "ಅ ಕನ್ನಡ", "{size:?}");
        assert!(
            s.status().contains("Latin letters now type ಕನ್ನಡ"),
            "{size:?}: {:?}",
            s.status()
        );
        ui.type_text("nimma ArDar nALe baruttade");
        // The syllable later keys can still change stays Latin, drawn in
        // the pending style right before the cursor.
        assert_eq!(composer_text(&ui), "ok ನಿಮ್ಮ ಆರ್ಡರ್ ನಾಳೆ ಬರುತ್ತ");
        assert_eq!(pending_latin(&ui), "de");
        let s = ui.render();
        s.assert_has("ok ನಿಮ್ಮ ಆರ್ಡರ್ ನಾಳೆ ಬರುತ್ತde");
        assert_eq!(pending_cells(&s, &ui.app.theme), "de");
        let (x, y) = s.find("ಬರುತ್ತde").unwrap();
        let after = x + ui.app.profile.str_width("ಬರುತ್ತde") as u16;
        assert_eq!(s.cursor, (after, y), "{size:?}: the cursor after the Latin");
        // The draft keeps what is shown, pending Latin included.
        let draft = ui.app.store.draft(golden().kn).unwrap().map(|d| d.1);
        assert_eq!(draft.as_deref(), Some("ok ನಿಮ್ಮ ಆರ್ಡರ್ ನಾಳೆ ಬರುತ್ತde"));
        ui.press("ctrl-s");
        assert!(ui.app.composer.is_none(), "sent");
        assert_eq!(
            sent(&ui),
            [(golden().kn, "ok ನಿಮ್ಮ ಆರ್ಡರ್ ನಾಳೆ ಬರುತ್ತದೆ".to_string())]
        );
        ui.render().assert_has("ok ನಿಮ್ಮ ಆರ್ಡರ್ ನಾಳೆ ಬರುತ್ತದೆ");
    }
}

/// Once the agent typed Latin to one customer of a script, replies to the
/// next such customers start on in their scripts; an English customer's
/// starts off (and the next Indic one on again).
#[test]
fn replies_start_in_the_customers_script() {
    let mut ui = console("en", (160, 45));
    reply_to(&mut ui, golden().te);
    ui.press("ctrl-g");
    ui.type_text("mee ArDar rEpu vastundi");
    ui.press("ctrl-s");
    reply_to(&mut ui, golden().en);
    let c = ui.app.composer.as_ref().unwrap();
    assert!(!c.typing.is_on(), "English customer: off");
    let s = ui.render();
    assert!(s.status().contains("Ctrl-g for ಅ"), "{:?}", s.status());
    ui.type_text("Hello Priya, it ships today");
    ui.press("ctrl-s");
    reply_to(&mut ui, golden().ne);
    let c = ui.app.composer.as_ref().unwrap();
    assert!(c.typing.is_on());
    assert_eq!(c.typing.script(), Script::Devanagari);
    let s = ui.render();
    assert_eq!(status_badge(&s, Color::LightCyan), "अ देवनागरी");
    ui.type_text("tapAIMko paarsal bholi Au~chha");
    ui.press("ctrl-s");
    reply_to(&mut ui, golden().hi);
    ui.type_text("aapakA OrDar kal AegA");
    ui.press("ctrl-s");
    assert_eq!(
        sent(&ui),
        [
            (golden().te, "మీ ఆర్డర్ రేపు వస్తుంది".to_string()),
            (golden().en, "Hello Priya, it ships today".to_string()),
            (golden().ne, "तपाईंको पार्सल भोलि आउँछ".to_string()),
            (golden().hi, "आपका ऑर्डर कल आएगा".to_string()),
        ]
    );
    // Turned off in a reply to such a customer: the next starts off.
    reply_to(&mut ui, golden().kn);
    ui.press("ctrl-g");
    ui.press("esc");
    reply_to(&mut ui, golden().te);
    assert!(!ui.app.composer.as_ref().unwrap().typing.is_on());
}

#[test]
fn backspace_undoes_a_letter_then_a_syllable() {
    let mut ui = console("en", (80, 24));
    reply_to(&mut ui, golden().kn);
    ui.press("ctrl-g");
    ui.type_text("paars");
    assert_eq!(
        (composer_text(&ui), pending_latin(&ui)),
        ("ಪಾ".into(), "rs".into())
    );
    ui.press("backspace");
    assert_eq!(
        (composer_text(&ui), pending_latin(&ui)),
        ("ಪಾ".into(), "r".into())
    );
    let s = ui.render();
    s.assert_has("ಪಾr");
    assert_eq!(pending_cells(&s, &ui.app.theme), "r");
    ui.press("backspace");
    assert_eq!(
        (composer_text(&ui), pending_latin(&ui)),
        ("ಪಾ".into(), "".into())
    );
    ui.press("backspace");
    assert_eq!(composer_text(&ui), "", "the whole syllable ಪಾ");
    // Backspace on the space after a word gives its end back as Latin.
    ui.type_text("paarsel ");
    assert_eq!(composer_text(&ui), "ಪಾರ್ಸೆಲ್ ");
    ui.press("backspace");
    assert_eq!(
        (composer_text(&ui), pending_latin(&ui)),
        ("ಪಾರ್ಸೆ".into(), "l".into())
    );
    ui.press("backspace backspace");
    assert_eq!(composer_text(&ui), "ಪಾ");
    // A cursor move commits what is pending; the cursor never stands
    // inside a cluster.
    ui.type_text("kShamisi");
    ui.press("left");
    assert_eq!(
        (composer_text(&ui), pending_latin(&ui)),
        ("ಪಾಕ್ಷಮಿಸಿ".into(), "".into())
    );
    let c = ui.app.composer.as_ref().unwrap();
    assert_eq!(c.buffer.cursor(), (0, "ಪಾಕ್ಷಮಿ".len()));
    ui.press("backspace");
    assert_eq!(
        composer_text(&ui),
        "ಪಾಕ್ಷಮಸಿ",
        "the buffer's own Backspace there: the vowel sign"
    );
}

#[test]
fn alt_g_switches_the_script_and_search_and_prompts_type_it_too() {
    let mut ui = console("en", (160, 45));
    ui.press("esc esc /");
    let s = ui.render();
    assert!(s.status().contains("Ctrl-g for ಅ ಕನ್ನಡ"), "{:?}", s.status());
    ui.press("ctrl-g");
    ui.type_text("ArDar");
    let s = ui.render();
    assert_eq!(pending_cells(&s, &ui.app.theme), "r");
    s.assert_has("ಆರ್ಡr");
    ui.type_text(" ");
    match &ui.app.overlay {
        Some(sahaya::ui::overlay::Overlay::Search(search)) => {
            assert_eq!(search.input.text(), "ಆರ್ಡರ್ ");
            assert!(
                search.results.iter().any(|h| h.ticket_id == golden().kn),
                "{:?}",
                search.results
            );
        }
        _ => panic!("search closed"),
    }
    // Alt-g: the next script, on.
    ui.press("alt-g");
    assert_eq!(status_badge(&ui.render(), Color::LightCyan), "అ తెలుగు");
    ui.press("esc");
    // The console's switch stays as the agent left it: the tags prompt
    // types Telugu.
    ui.app.open_ticket(golden().te);
    ui.app.focus = Pane::Thread;
    ui.press("t ctrl-u");
    ui.type_text("tvarita");
    ui.press("enter");
    let tags: Vec<Vec<String>> = ui
        .app
        .store
        .outbox_pending()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.op {
            OutboxOp::Patch { patch, .. } => patch.tags,
            _ => None,
        })
        .collect();
    assert_eq!(tags, [vec!["త్వరిత".to_string()]]);
    // Off: Latin again, in the list too (the badge goes).
    ui.press("ctrl-g");
    let s = ui.render();
    assert_eq!(status_badge(&s, Color::LightCyan), "");
    assert!(
        s.status().contains("Latin letters type as they are"),
        "{:?}",
        s.status()
    );
}

/// Without colour the pending Latin and the switch are still told apart:
/// underlined (and italic), reverse video.
#[test]
fn no_color_and_high_contrast_show_them_without_relying_on_colour() {
    for theme in [Theme::NO_COLOR, Theme::HIGH_CONTRAST] {
        let mut ui = console("kn", (80, 24));
        ui.app.theme = theme.clone();
        reply_to(&mut ui, golden().kn);
        ui.press("ctrl-g");
        ui.type_text("dhanyavaadagaL");
        assert_eq!(pending_latin(&ui), "L");
        let s = ui.render();
        assert_eq!(pending_cells(&s, &theme), "L");
        let (x, y) = s.find("ಧನ್ಯವಾದಗL").unwrap();
        let cell = &s.buf[(x + ui.app.profile.str_width("ಧನ್ಯವಾದಗ") as u16, y)];
        assert!(cell.modifier.contains(Modifier::UNDERLINED), "{:?}", cell);
        let plain = &s.buf[(x, y)];
        assert!(!plain.modifier.contains(Modifier::UNDERLINED));
        let y = s.area().height - 1;
        let x = (0..s.area().width)
            .find(|x| s.sym(*x, y) == "ಅ")
            .expect("the badge");
        let badge = &s.buf[(x, y)];
        let bar = &s.buf[(s.area().width - 1, y)];
        assert!(
            (badge.modifier, badge.bg) != (bar.modifier, bar.bg),
            "the badge {badge:?} looks like the bar {bar:?}"
        );
        if theme.palette == sahaya::ui::theme::Palette::NoColor {
            assert_eq!((cell.fg, badge.bg), (Color::Reset, Color::Reset));
        }
    }
}
