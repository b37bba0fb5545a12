//! Every screen of the console in every locale (en, kn, te, ne, hi) at 80×24 and
//! 160×45, with a conversation that mixes Kannada, Telugu, Devanagari,
//! English and emoji. A real demo server fills a real cache through the real
//! sync task (once per process, as an agent and as a supervisor); each test
//! copies that cache, drives the app with keys and checks the frame's own
//! buffer:
//!
//! 1. borders: every box on screen (panes, the composer, the supervisor
//!    screen, the open overlay) is closed and its right border sits in one
//!    column on every row; every row takes exactly the terminal's width when
//!    each cell's cluster is as wide as the width profile says (nothing one
//!    column short or long, nothing drawn over half of a wide cluster);
//! 2. nothing cut mid-letter: no cell starts with a combining mark, no
//!    conjunct is split over two cells, no ellipsis right after a virama/ZWJ;
//! 3. in the language: no English catalogue text (nor a raw message id) on a
//!    Kannada, Telugu, Nepali or Hindi screen, outside customer and demo
//!    content;
//! 4. inert: no ESC, C0/C1 or bidi control in any cell.
//!
//! A few overlays whose content does not depend on the demo data or the
//! clock are also kept as insta snapshots (the overlay box only).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use sahaya_testkit::ui::{Console, LiveServer, Screen, runtime, sync_into};
use unicode_segmentation::UnicodeSegmentation;

use sahaya::domain::{Channel, MessageKind, Priority, Role, TicketId};
use sahaya::i18n::I18n;
use sahaya::protocol::{InboundMessage, NewMessage, QueueStats, TicketPatch, View};
use sahaya::store::Store;
use sahaya::sync::{Connection, SyncEvent};
use sahaya::text::WidthProfile;
use sahaya::ui::app::Pane;

thread_local! {
    /// Whether the known overlay-edge bug is reported too (see
    /// `bug_overlay_edges_break_wide_clusters`).
    static STRICT: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

const LOCALES: [&str; 5] = ["en", "kn", "te", "ne", "hi"];
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

// ---------------------------------------------------------------------------
// The mixed-script conversation.
// ---------------------------------------------------------------------------

const MIX_FROM: &str = "+919800004242";
const MIX_NAME: &str = "ಶ್ರೀನಿವಾಸ್ Reddy శ్రీనివాస్";
const MIX_SUBJECT: &str = "ಪಾರ್ಸೆಲ್ ತಲುಪಿಲ್ಲ · పార్సెల్ రాలేదు · पार्सल आएन 📦";
const MIX_BODY: &[&str] = &[
    "ನಮಸ್ಕಾರ, ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ. ಸ್ತ್ರೀ ಉಡುಪು, ಕ್ಷಮಿಸಿ 🙏",
    "నమస్కారం, నా ఆర్డర్ ఇంకా రాలేదు. శ్రీ క్షమించండి 👍🏽",
    "नमस्ते, मेरो अर्डर अझै आएन। क्\u{200d}ष क्\u{200c}ष श्री 👨\u{200d}👩\u{200d}👧 🇳🇵",
    "Mixed: ಕನ್ನಡ తెలుగు नेपाली English 🇮🇳 ೧೨೩ ౧౨౩ १२३",
    "ದಯವಿಟ್ಟು ಬೇಗನೆ ತಿಳಿಸಿ, ಸೇವೆ ಕೊಡೋಣ ಮಾಡೋಣ ಹೋಗೋಣ ದಯವಿಟ್ಟು ಬೇಗನೆ ತಿಳಿಸಿ \
     దయచేసి త్వరగా తెలియజేయండి కృతజ్ఞతలు \
     कृपया छिटो जानकारी दिनुहोस् धन्यवाद 🙏🏾 ಸ್ತ್ರೀ క్ష्\u{200d}ष",
];
const MIX_REPLY: &str = "ನಮಸ್ಕಾರ ಶ್ರೀನಿವಾಸ್ ಅವರೇ, ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ನಾಳೆ ಬರುತ್ತದೆ. \
     మీ పార్సెల్ రేపు వస్తుంది. तपाईंको पार्सल भोलि आउँछ 🚚";
const MIX_NOTE: &str = "कुरियरसँग कुरा भयो — ಕೊರಿಯರ್ ಜೊತೆ ಮಾತಾಡಿದೆ · కొరియర్\u{200c}తో మాట్లాడాను ✅";
const MIX_TAGS: &[&str] = &["ಪಾರ್ಸೆಲ್", "డెలివరీ", "ढिलो", "vip"];
/// Typed into the composer.
const MIX_TYPED: &str = "ಧನ್ಯವಾದಗಳು 🙏 ధన్యవాదాలు धन्यवाद! ಸ್ತ್ರೀ క్ష क्\u{200d}ष 👨\u{200d}👩\u{200d}👧 \
     ಕೊಡೋಣ ಸೇವೆ ಮಾಡೋಣ ಹೋಗೋಣ ಬೇಗನೆ ಬರುತ್ತೇವೆ\nಎರಡನೇ ಸಾಲು second line ೧೨೩ ౧౨౩ १२३";
/// Typed on a Latin keyboard with Latin typing on (Kannada), and what the
/// composer shows: the last syllable still pending in Latin.
const MIX_LATIN: &str = "nimma paarsel naaLe baruttade";
const MIX_LATIN_SHOWN: &str = "ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ನಾಳೆ ಬರುತ್ತde";
/// Searched for (it is in the mixed ticket's subject).
const MIX_SEARCH: &str = "ತಲುಪಿಲ್ಲ";
/// Why the connection is down (text from outside, shown in the status bar).
const OFFLINE_REASON: &str = "connection refused";

// ---------------------------------------------------------------------------
// Fixture: one demo server, one sync as an agent and one as a supervisor.
// ---------------------------------------------------------------------------

struct Golden {
    _dir: tempfile::TempDir,
    agent_cache: PathBuf,
    supervisor_cache: PathBuf,
    mixed: TicketId,
    stats: QueueStats,
    /// Every piece of customer / demo content (one per line): text found on
    /// screen inside one of these is not UI text.
    corpus: String,
}

sahaya_testkit::golden!(Golden, build_golden);

fn build_golden() -> Golden {
    let server = LiveServer::demo();
    let bridge = server.client(Role::Integration);
    let agent = server.client(Role::Agent);

    let mixed = server.block_on(async {
        let created = bridge
            .inbound(
                &InboundMessage {
                    name: Some(MIX_NAME.into()),
                    subject: Some(MIX_SUBJECT.into()),
                    language: Some("kn".into()),
                    ..InboundMessage::new(Channel::WhatsApp, MIX_FROM.into(), MIX_BODY.join("\n"))
                },
                None,
            )
            .await
            .expect("mixed inbound");
        let id = created.ticket.id;
        for (i, (kind, body)) in [
            (MessageKind::Reply, MIX_REPLY),
            (MessageKind::Note, MIX_NOTE),
        ]
        .into_iter()
        .enumerate()
        {
            agent
                .post_message(
                    id,
                    &format!("locales-{id}-{i}"),
                    &NewMessage {
                        kind,
                        body: body.into(),
                        attachments: Vec::new(),
                    },
                )
                .await
                .expect("agent message");
        }
        let me = agent.me().await.unwrap().agent.id;
        let t = agent.ticket(id).await.unwrap().ticket;
        agent
            .patch_ticket(
                id,
                t.version,
                &TicketPatch {
                    priority: Some(Priority::Urgent),
                    assignee_id: Some(Some(me)),
                    tags: Some(MIX_TAGS.iter().map(|s| s.to_string()).collect()),
                    ..Default::default()
                },
            )
            .await
            .expect("patch the mixed ticket");
        id
    });

    let dir = tempfile::tempdir().unwrap();
    let agent_cache = dir.path().join("agent.db");
    let supervisor_cache = dir.path().join("supervisor.db");
    let stats = {
        let sync_rt = runtime(2);
        let (agent, supervisor) = (server.client(Role::Agent), server.client(Role::Supervisor));
        let must_have = [mixed];
        let stats = sync_rt.block_on(async {
            tokio::join!(
                sync_into(&agent, &agent_cache, &must_have),
                sync_into(&supervisor, &supervisor_cache, &must_have),
            );
            supervisor.stats().await.expect("GET /v1/stats")
        });
        // Dropping the runtime stops the sync tasks and closes their caches.
        drop(sync_rt);
        stats
    };
    drop(server);
    let corpus = build_corpus(&agent_cache, &stats);
    Golden {
        _dir: dir,
        agent_cache,
        supervisor_cache,
        mixed,
        stats,
        corpus,
    }
}

/// All strings in a JSON value.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Customer and demo content: subjects, messages, names, orders, tags,
/// agents, macros, plus what the tests type.
fn build_corpus(cache: &Path, stats: &QueueStats) -> String {
    let store = Store::open(cache).unwrap();
    let me = store.me().unwrap().unwrap();
    let mut out = Vec::new();
    let mut json = |v: serde_json::Value| strings(&v, &mut out);
    let rows = store
        .ticket_rows(View::All, me.id, chrono::Utc::now(), 0, 100_000)
        .unwrap();
    let mut customers = HashSet::new();
    for row in &rows {
        json(serde_json::to_value(&row.ticket).unwrap());
        json(serde_json::json!([row.customer_name]));
        json(serde_json::to_value(store.messages(row.ticket.id).unwrap()).unwrap());
        if customers.insert(row.ticket.customer_id)
            && let Some(c) = store.customer_detail(row.ticket.customer_id).unwrap()
        {
            json(serde_json::to_value(&c).unwrap());
        }
    }
    json(serde_json::to_value(store.agents().unwrap()).unwrap());
    json(serde_json::to_value(store.macros().unwrap()).unwrap());
    json(serde_json::to_value(&me).unwrap());
    json(serde_json::to_value(stats).unwrap());
    for s in [
        MIX_TYPED,
        MIX_LATIN_SHOWN,
        MIX_SEARCH,
        OFFLINE_REASON,
        MIX_NAME,
        MIX_SUBJECT,
    ] {
        out.push(s.to_string());
    }
    let mut corpus = String::new();
    for s in out {
        for line in sahaya::text::sanitize(&s).lines() {
            corpus.push_str(line);
            corpus.push('\n');
        }
    }
    corpus
}

// ---------------------------------------------------------------------------
// The catalogues.
// ---------------------------------------------------------------------------

struct Catalogue {
    /// Every message id.
    ids: HashSet<String>,
    /// Single-line messages without placeables: id -> value.
    simple: BTreeMap<String, String>,
}

fn parse_ftl(locale: &str) -> Catalogue {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/i18n")
        .join(locale);
    let mut ids = HashSet::new();
    let mut simple = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase())
                && let Some((id, value)) = line.split_once(" = ").or_else(|| {
                    line.strip_suffix(" =")
                        .or_else(|| line.strip_suffix('='))
                        .map(|id| (id, ""))
                })
            {
                let id = id.trim();
                if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    continue;
                }
                ids.insert(id.to_string());
                let value = value.trim();
                if !value.is_empty() && !value.contains('{') {
                    simple.insert(id.to_string(), value.to_string());
                }
            }
        }
    }
    Catalogue { ids, simple }
}

fn catalogue(locale: &str) -> &'static Catalogue {
    static CATALOGUES: OnceLock<HashMap<&'static str, Catalogue>> = OnceLock::new();
    &CATALOGUES.get_or_init(|| LOCALES.iter().map(|l| (*l, parse_ftl(l))).collect())[locale]
}

/// English UI text that must not show on a screen in `locale`: values of
/// six characters or more whose translation differs.
fn english_only(locale: &str) -> &'static [(String, String)] {
    static LISTS: OnceLock<HashMap<&'static str, Vec<(String, String)>>> = OnceLock::new();
    &LISTS.get_or_init(|| {
        let en = catalogue("en");
        LOCALES
            .iter()
            .filter(|l| **l != "en")
            .map(|l| {
                let own = catalogue(l);
                let list = en
                    .simple
                    .iter()
                    .filter(|(id, value)| {
                        value.chars().count() >= 6 && own.simple.get(*id) != Some(*value)
                    })
                    .map(|(id, value)| (id.clone(), value.clone()))
                    .collect();
                (*l, list)
            })
            .collect()
    })[locale]
}

// ---------------------------------------------------------------------------
// The headless console.
// ---------------------------------------------------------------------------

struct Ui {
    console: Console,
    locale: &'static str,
    problems: Vec<String>,
    frames: usize,
    /// Overlay snapshots, asserted after the frame checks.
    snapshots: Vec<(String, String)>,
}

impl Deref for Ui {
    type Target = Console;

    fn deref(&self) -> &Console {
        &self.console
    }
}

impl DerefMut for Ui {
    fn deref_mut(&mut self) -> &mut Console {
        &mut self.console
    }
}

impl Ui {
    /// A console in `locale` over a private copy of a golden cache.
    fn new(locale: &'static str, size: (u16, u16), supervisor: bool) -> Ui {
        let g = golden();
        let from = if supervisor {
            &g.supervisor_cache
        } else {
            &g.agent_cache
        };
        Ui {
            console: Console::over_copy(from, locale, size),
            locale,
            problems: Vec::new(),
            frames: 0,
            snapshots: Vec::new(),
        }
    }

    /// Opens the mixed-script ticket with the thread focused.
    fn open_mixed(&mut self) -> &mut Self {
        self.press("esc esc");
        self.app.open_ticket(golden().mixed);
        assert_eq!(
            self.app.open.as_ref().map(|o| o.ticket.id),
            Some(golden().mixed)
        );
        self.app.focus = Pane::Thread;
        self
    }

    /// Renders, checks the frame and records what is wrong with it.
    fn shot(&mut self, what: &str) -> Screen {
        let s = self.render();
        self.frames += 1;
        let expected: Vec<Rect> = if self.app.show_supervisor {
            vec![self.main_area()]
        } else {
            let a = self.areas();
            [a.list, a.thread, a.customer]
                .into_iter()
                .flatten()
                .collect()
        };
        let mut found = Vec::new();
        check_inert(&s, &mut found);
        let overlay = check_boxes(&s, &expected, self.app.overlay.is_some(), &mut found);
        let tolerate = if STRICT.get() { None } else { overlay };
        check_rows(&s, &self.app.profile, tolerate, &mut found);
        check_clusters(&s, &self.app.profile, &mut found);
        check_language(&s, self.locale, overlay, &mut found);
        if std::env::var_os("LOCALES_DUMP").is_some() {
            // `LOCALES_DUMP=1 cargo test --test console locales:: -- --nocapture`
            println!(
                "── {} {}x{} {what}\n{}",
                self.locale,
                self.width,
                self.height,
                s.text()
            );
        }
        if !found.is_empty() {
            let (w, h) = (self.width, self.height);
            self.problems.push(format!(
                "── {} {w}x{h} {what}:\n  {}\n{}",
                self.locale,
                found.join("\n  "),
                s.text()
            ));
        }
        s
    }

    /// Keeps the open overlay's box (only: the rest depends on the demo
    /// data and the clock) as an insta snapshot.
    fn snapshot(&mut self, name: &str, s: &Screen) {
        let (w, h) = (self.width, self.height);
        self.snapshots
            .push((format!("{}_{name}_{w}x{h}", self.locale), overlay_text(s)));
    }

    #[track_caller]
    fn finish(self) -> usize {
        assert!(
            self.problems.is_empty(),
            "{} problem frame(s):\n{}",
            self.problems.len(),
            self.problems.join("\n\n")
        );
        for (name, text) in &self.snapshots {
            insta::assert_snapshot!(name.as_str(), text);
        }
        self.frames
    }
}

/// Check 4: no cell holds ESC, a C0/C1 control or a bidi control.
fn check_inert(s: &Screen, out: &mut Vec<String>) {
    for (x, y, sym, c) in s.forbidden_cells() {
        out.push(format!(
            "inert: cell ({x},{y}) holds U+{:04X} in {sym:?}",
            c as u32
        ));
    }
}

/// Check 1b: each row, laid out as a terminal does (every cluster as wide as the
/// profile says, its covered cells skipped), takes exactly the row's width:
/// the sum of the profile widths of the non-empty symbols is the width, no
/// cluster is drawn at another width than the terminal uses (ratatui's
/// forced width), no uncovered empty cell (a hole that shifts the rest of
/// the row), no visible symbol in a cell a wide cluster covers (drawn over
/// half of it: one of the two is lost on the terminal).
fn check_rows(s: &Screen, profile: &WidthProfile, tolerate: Option<Rect>, out: &mut Vec<String>) {
    let width = s.area().width;
    for y in 0..s.area().height {
        // The known bug at the overlay's edges (see
        // `bug_overlay_edges_break_wide_clusters`), tolerated unless strict.
        let edge = tolerate.filter(|r| y >= r.top() && y < r.bottom());
        let mut tolerated_holes = 0usize;
        let mut tolerated_overlaps = 0usize;
        let mut sum = 0usize;
        // Blanks ratatui's own widgets leave in cells a wide cluster covers.
        let mut blanks = 0usize;
        let mut x = 0u16;
        while x < width {
            let cell = &s.buf[(x, y)];
            let sym = cell.symbol();
            if sym.is_empty() {
                if edge.is_some_and(|r| x == r.right()) {
                    tolerated_holes += 1;
                } else {
                    out.push(format!(
                        "width: row {y}: empty cell at x={x} not covered by a wide cluster \
                         (a hole: the rest of the row is drawn one column to the left)"
                    ));
                }
                x += 1;
                continue;
            }
            let real = profile.cluster_width(sym);
            sum += real;
            let assumed = match cell.diff_option {
                CellDiffOption::ForcedWidth(w) => w.get() as usize,
                _ => unicode_width::UnicodeWidthStr::width(sym),
            };
            if assumed != real {
                out.push(format!(
                    "width: cell ({x},{y}) {sym:?} takes {real} cells on the terminal but is drawn as {assumed}"
                ));
            }
            if real == 0 {
                out.push(format!("width: cell ({x},{y}) {sym:?} takes no cell"));
                x += 1;
                continue;
            }
            if x as usize + real > width as usize {
                out.push(format!(
                    "width: cell ({x},{y}) {sym:?} ({real} wide) runs past the row's end"
                ));
            }
            for k in 1..real as u16 {
                let cx = x + k;
                if cx >= width {
                    break;
                }
                let covered = s.sym(cx, y);
                // ratatui's own widgets reset covered cells to a blank
                // (and its diff skips them when it knows the width).
                if covered == " " && assumed == real {
                    blanks += 1;
                } else if edge.is_some_and(|r| cx == r.left()) {
                    tolerated_overlaps += 1;
                } else if !covered.is_empty() {
                    out.push(format!(
                        "width: cell ({cx},{y}) {covered:?} is drawn over the second half of \
                         {sym:?} at x={x} ({real} wide); the terminal shows one of them broken"
                    ));
                }
            }
            x += real as u16;
        }
        // The literal sum over every non-empty symbol.
        let literal: usize = (0..width)
            .map(|x| s.sym(x, y))
            .filter(|sym| !sym.is_empty())
            .map(|sym| profile.cluster_width(sym))
            .sum();
        if literal + tolerated_holes - blanks - tolerated_overlaps != width as usize
            || sum + tolerated_holes != width as usize
        {
            out.push(format!(
                "width: row {y} takes {literal} cells (laid out: {sum}), not {width}: {:?}",
                s.row(y)
            ));
        }
    }
}

const TOP_LEFT: &[&str] = &["┌", "┏", "╭", "╔"];
const TOP_RIGHT: &[&str] = &["┐", "┓", "╮", "╗"];
const BOTTOM_LEFT: &[&str] = &["└", "┗", "╰", "╚"];
const BOTTOM_RIGHT: &[&str] = &["┘", "┛", "╯", "╝"];
const VERTICAL: &[&str] = &["│", "┃", "║"];
const HORIZONTAL: &[&str] = &["─", "━", "═"];

fn contains_pos(r: Rect, x: u16, y: u16) -> bool {
    x >= r.left() && x < r.right() && y >= r.top() && y < r.bottom()
}

/// Walks the box whose top-left corner is at (x, y): right along the top
/// row to the first top-right corner, down the left column to the
/// bottom-left corner; then checks the bottom row and that the right border
/// is intact, in that one column, on every row. Cells under `skip` (the
/// overlay, drawn over the panes) are not checked. Returns the box.
fn walk_box(s: &Screen, x: u16, y: u16, skip: Option<Rect>, out: &mut Vec<String>) -> Option<Rect> {
    let a = s.area();
    let hidden = |x: u16, y: u16| skip.is_some_and(|r| contains_pos(r, x, y));
    let Some(right) = (x + 1..a.right()).find(|cx| TOP_RIGHT.contains(&s.sym(*cx, y))) else {
        if !(x + 1..a.right()).any(|cx| hidden(cx, y)) {
            out.push(format!(
                "border: box at ({x},{y}) has no top-right corner on its row: {:?}",
                s.row(y)
            ));
        }
        return None;
    };
    let mut bottom = None;
    for cy in y + 1..a.bottom() {
        let sym = s.sym(x, cy);
        if hidden(x, cy) {
            continue;
        }
        if BOTTOM_LEFT.contains(&sym) {
            bottom = Some(cy);
            break;
        }
        if !(VERTICAL.contains(&sym) || sym == "├" || sym == "┣") {
            out.push(format!(
                "border: left border of the box at ({x},{y}) broken at ({x},{cy}) by {sym:?}: {:?}",
                s.row(cy)
            ));
            return None;
        }
    }
    let Some(bottom) = bottom else {
        if !hidden(x, a.bottom() - 1) {
            out.push(format!("border: box at ({x},{y}) is not closed"));
        }
        return None;
    };
    for cy in y + 1..bottom {
        let sym = s.sym(right, cy);
        if hidden(right, cy) {
            continue;
        }
        if !(VERTICAL.contains(&sym) || sym == "┤" || sym == "┫") {
            out.push(format!(
                "border: right border of the box at ({x},{y}) broken at ({right},{cy}) by {sym:?} \
                 (the row's right border is not in column {right}): {:?}",
                s.row(cy)
            ));
        }
    }
    if !hidden(right, bottom) && !BOTTOM_RIGHT.contains(&s.sym(right, bottom)) {
        out.push(format!(
            "border: box at ({x},{y}) lacks its bottom-right corner at ({right},{bottom}): {:?}",
            s.row(bottom)
        ));
    }
    for cx in x + 1..right {
        let sym = s.sym(cx, bottom);
        if !(hidden(cx, bottom) || HORIZONTAL.contains(&sym) || sym == "┴") {
            out.push(format!(
                "border: bottom border of the box at ({x},{y}) broken at ({cx},{bottom}) by {sym:?}"
            ));
            break;
        }
    }
    Some(Rect::new(x, y, right - x + 1, bottom - y + 1))
}

/// Check 1a: every box on screen is closed and straight; each pane has its box;
/// an open overlay is one rounded box.
fn check_boxes(
    s: &Screen,
    panes: &[Rect],
    overlay_open: bool,
    out: &mut Vec<String>,
) -> Option<Rect> {
    let a = s.area();
    let mut overlay = None;
    if overlay_open {
        let corner = (a.top()..a.bottom())
            .flat_map(|y| (a.left()..a.right()).map(move |x| (x, y)))
            .find(|(x, y)| s.sym(*x, *y) == "╭");
        match corner {
            Some((x, y)) => overlay = walk_box(s, x, y, None, out),
            None => out.push("border: the overlay has no box".into()),
        }
    }
    let mut boxes = Vec::new();
    for y in a.top()..a.bottom() {
        for x in a.left()..a.right() {
            if overlay.is_some_and(|r| contains_pos(r, x, y)) {
                continue;
            }
            if TOP_LEFT.contains(&s.sym(x, y))
                && let Some(b) = walk_box(s, x, y, overlay, out)
            {
                boxes.push(b);
            }
        }
    }
    for p in panes {
        if overlay.is_some_and(|r| contains_pos(r, p.x, p.y)) {
            continue;
        }
        let ok = boxes.iter().any(|b| {
            b.x == p.x && b.y == p.y && b.right() == p.right() && b.bottom() <= p.bottom()
        });
        if !ok {
            out.push(format!(
                "border: pane {p:?} has no box of its own (boxes found: {boxes:?})"
            ));
        }
    }
    overlay
}

/// Kannada, Telugu and Devanagari combining marks (vowel signs, virama,
/// anusvara, nukta, ...), checked on top of the grapheme rule.
fn is_indic_mark(c: char) -> bool {
    matches!(c,
        '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{093C}' | '\u{093E}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}' | '\u{0962}'..='\u{0963}'
        | '\u{0C00}'..='\u{0C04}' | '\u{0C3C}' | '\u{0C3E}'..='\u{0C4D}'
        | '\u{0C55}'..='\u{0C56}' | '\u{0C62}'..='\u{0C63}'
        | '\u{0C81}'..='\u{0C83}' | '\u{0CBC}' | '\u{0CBE}'..='\u{0CCD}'
        | '\u{0CD5}'..='\u{0CD6}' | '\u{0CE2}'..='\u{0CE3}' | '\u{0CF3}'
        | '\u{0300}'..='\u{036F}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` attaches to what precedes it (a combining mark, ZWJ, an
/// emoji modifier...): a cell starting with it was cut from its letter.
fn continues_cluster(c: char) -> bool {
    is_indic_mark(c) || format!("a{c}").graphemes(true).count() == 1
}

fn script_of(c: char) -> Option<u8> {
    match c {
        '\u{0900}'..='\u{097F}' => Some(0),
        '\u{0C00}'..='\u{0C7F}' => Some(1),
        '\u{0C80}'..='\u{0CFF}' => Some(2),
        _ => None,
    }
}

fn is_consonant(c: char) -> bool {
    matches!(c,
        '\u{0915}'..='\u{0939}' | '\u{0958}'..='\u{095F}' | '\u{0978}'..='\u{097F}'
        | '\u{0C15}'..='\u{0C39}' | '\u{0C58}'..='\u{0C5A}'
        | '\u{0C95}'..='\u{0CB9}' | '\u{0CDE}')
}

const ZWJ: char = '\u{200D}';

/// Check 2: nothing is cut mid-letter: every cell begins a new display cluster,
/// no conjunct (virama or ZWJ + consonant) is split over two cells, and no
/// ellipsis comes right after a virama or ZWJ.
///
/// (A cell ending in a virama followed by a blank or a border is *not*
/// flagged: Kannada and Nepali words often end in one, e.g. ಶ್ರೀನಿವಾಸ್,
/// दिनुहोस्.)
fn check_clusters(s: &Screen, profile: &WidthProfile, out: &mut Vec<String>) {
    let a = s.area();
    for y in a.top()..a.bottom() {
        let mut x = a.left();
        while x < a.right() {
            let sym = s.sym(x, y);
            if sym.is_empty() {
                x += 1;
                continue;
            }
            let first = sym.chars().next().unwrap();
            if continues_cluster(first) {
                out.push(format!(
                    "cut: cell ({x},{y}) {sym:?} starts with U+{:04X}, which belongs to the \
                     cluster before it: {:?}",
                    first as u32,
                    s.row(y)
                ));
            }
            let w = profile.cluster_width(sym).max(1) as u16;
            let last = sym.chars().next_back().unwrap();
            let next_x = x + w;
            if next_x < a.right() {
                let next = s.sym(next_x, y);
                if let Some(n) = next.chars().next() {
                    let virama = sahaya::text::cluster::is_virama(last);
                    let joins = (virama || last == ZWJ)
                        && ((is_consonant(n)
                            && (script_of(n) == script_of(last)
                                || (last == ZWJ
                                    && sym.chars().rev().nth(1).and_then(script_of)
                                        == script_of(n))))
                            || (last == ZWJ && !n.is_whitespace()));
                    if joins {
                        out.push(format!(
                            "cut: the cluster {sym:?} at ({x},{y}) is split from {next:?} at \
                             ({next_x},{y}): {:?}",
                            s.row(y)
                        ));
                    } else if (virama || last == ZWJ) && next == "…" {
                        out.push(format!(
                            "cut: an ellipsis right after the joiner in {sym:?} at ({x},{y}): {:?}",
                            s.row(y)
                        ));
                    }
                }
            }
            x = next_x;
        }
    }
}

fn is_box_glyph(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// Whether the occurrence of `value` at char index `at` of `row` is part of
/// customer or demo content: the value with a few of its neighbours on the
/// screen (inside the same box) is found in the content corpus.
fn is_content(row: &[char], at: usize, value: &str, corpus: &str) -> bool {
    let len = value.chars().count();
    let left_end = at;
    let mut left_start = left_end;
    while left_start > 0 && left_end - left_start < 8 && !is_box_glyph(row[left_start - 1]) {
        left_start -= 1;
    }
    let right_start = at + len;
    let mut right_end = right_start;
    while right_end < row.len() && right_end - right_start < 8 && !is_box_glyph(row[right_end]) {
        right_end += 1;
    }
    let meaningful = |s: &[char]| {
        s.iter()
            .filter(|c| !c.is_whitespace() && **c != '…')
            .count()
            >= 2
    };
    for k in (2..=left_end - left_start).rev() {
        let ctx = &row[left_end - k..left_end];
        if meaningful(ctx) {
            let needle: String = ctx.iter().collect::<String>() + value;
            if corpus.contains(&needle) {
                return true;
            }
        }
    }
    for k in (2..=right_end - right_start).rev() {
        let ctx = &row[right_start..right_start + k];
        if meaningful(ctx) {
            let needle = value.to_string() + &ctx.iter().collect::<String>();
            if corpus.contains(&needle) {
                return true;
            }
        }
    }
    // The whole content string, alone between blanks or borders.
    let before = row[..at]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| is_box_glyph(*c));
    let after = row[at + len..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| is_box_glyph(*c));
    before && after && corpus.lines().any(|l| l.trim() == value)
}

/// Whether text ending at char `end` of row `y` runs into the overlay's left
/// border (an overlay drawn over a pane cuts its text anywhere) and the
/// value starts a word of the content corpus.
fn cut_by_overlay(
    xs: &[u16],
    y: u16,
    end: usize,
    value: &str,
    overlay: Option<Rect>,
    corpus: &str,
) -> bool {
    let Some(r) = overlay else { return false };
    if y < r.top() || y >= r.bottom() || end == 0 {
        return false;
    }
    let last_x = xs[end - 1];
    last_x < r.left()
        && r.left() - last_x <= 2
        && (corpus.contains(&format!(" {value}")) || corpus.contains(&format!("\n{value}")))
}

fn is_message_id_shape(token: &str) -> bool {
    let mut parts = token.split('-');
    let head = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !head.is_empty()
        && head.chars().all(|c| c.is_ascii_lowercase())
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Check 3: the screen is in the language: no raw message id anywhere; on a
/// Kannada, Telugu, Nepali or Hindi screen no English catalogue value (six
/// characters or more, translated differently) outside customer and demo
/// content.
fn check_language(s: &Screen, locale: &str, overlay: Option<Rect>, out: &mut Vec<String>) {
    let en = catalogue("en");
    let corpus = &golden().corpus;
    for y in 0..s.area().height {
        let row = s.row(y);
        // The column of each char of `row`.
        let xs: Vec<u16> = (0..s.area().width)
            .flat_map(|x| s.sym(x, y).chars().map(move |_| x))
            .collect();
        for token in row.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if is_message_id_shape(token) && en.ids.contains(token) {
                out.push(format!(
                    "language: raw message id {token:?} on row {y}: {row:?}"
                ));
            }
        }
        if locale == "en" {
            continue;
        }
        let chars: Vec<char> = row.chars().collect();
        for (id, value) in english_only(locale) {
            let v: Vec<char> = value.chars().collect();
            if v.len() > chars.len() {
                continue;
            }
            for at in 0..=chars.len() - v.len() {
                if chars[at..at + v.len()] == v[..]
                    && !is_content(&chars, at, value, corpus)
                    && !cut_by_overlay(&xs, y, at + v.len(), value, overlay, corpus)
                {
                    out.push(format!(
                        "language: English {value:?} ({id}) on row {y}: {row:?}"
                    ));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The screens. Each runs at both sizes in one locale.
// ---------------------------------------------------------------------------

/// The ticket list in each of the six views (nothing open: the other panes
/// show their empty states at 160 columns), then again with the mixed
/// ticket open beside it.
fn list_views(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        // The views with a number key: all but the last.
        for (key, view) in ["1", "2", "3", "4", "5", "6"].iter().zip(View::ALL) {
            ui.press(key);
            assert_eq!(ui.app.view, view);
            let title = I18n::new(locale).tr("pane-tickets");
            let s = ui.shot(&format!("list, view {key}"));
            assert!(s.contains(&title), "{locale}: no {title:?}:\n{}", s.text());
        }
        // The mixed ticket (urgent, mine) in the list, opened beside it.
        ui.press("1");
        ui.open_mixed();
        ui.app.focus = Pane::List;
        ui.shot("list with the mixed ticket open");
        frames += ui.finish();
    }
    frames
}

/// The mixed-script conversation, scrolled from the newest message to the
/// oldest.
fn thread(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        let s = ui.shot("thread, newest");
        assert!(
            s.contains("కొరియర్\u{200c}తో"),
            "the note is shown:\n{}",
            s.text()
        );
        let mut last = s.text();
        for i in 0..40 {
            ui.press("k k k");
            let s = ui.shot(&format!("thread, scrolled up {}", 3 * (i + 1)));
            if s.text() == last {
                assert!(
                    s.contains("ಸ್ತ್ರೀ ಉಡುಪು"),
                    "reached the first message:\n{}",
                    s.text()
                );
                break;
            }
            last = s.text();
        }
        frames += ui.finish();
    }
    frames
}

/// The customer pane of the mixed ticket's customer, focused (alone at 80
/// columns), scrolled to the end.
fn customer(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        ui.press("tab");
        assert_eq!(ui.app.focus, Pane::Customer);
        let s = ui.shot("customer pane");
        assert!(s.contains("ಶ್ರೀನಿವಾಸ್"), "the customer is shown:\n{}", s.text());
        let mut last = s.text();
        for i in 0..30 {
            ui.press("j j j j j");
            let s = ui.shot(&format!("customer pane, scrolled {}", 5 * (i + 1)));
            if s.text() == last {
                break;
            }
            last = s.text();
        }
        frames += ui.finish();
    }
    frames
}

/// The composer open on the mixed ticket with mixed text typed, as a reply
/// and as a note.
fn composer(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        ui.press("r");
        assert!(ui.app.composer.is_some());
        ui.shot("composer, empty reply");
        ui.type_text(MIX_TYPED);
        let s = ui.shot("composer, reply typed");
        assert!(s.contains("ಎರಡನೇ ಸಾಲು"), "typed text shown:\n{}", s.text());
        ui.press("ctrl-t");
        ui.shot("composer, note typed");
        // Latin typing: offered in the status bar, then on (the mixed
        // ticket's customer writes Kannada), a syllable still pending.
        ui.press("ctrl-u");
        let s = ui.shot("composer, Latin typing offered");
        assert!(s.status().contains("ಅ ಕನ್ನಡ"), "{:?}", s.status());
        ui.press("ctrl-g");
        ui.type_text(MIX_LATIN);
        let s = ui.shot("composer, typing Kannada from Latin letters");
        assert!(
            s.contains(MIX_LATIN_SHOWN),
            "typed text shown:\n{}",
            s.text()
        );
        frames += ui.finish();
    }
    frames
}

/// The text of the open overlay's box, for snapshots.
fn overlay_text(s: &Screen) -> String {
    let a = s.area();
    let (x, y) = (a.top()..a.bottom())
        .flat_map(|y| (a.left()..a.right()).map(move |x| (x, y)))
        .find(|(x, y)| s.sym(*x, *y) == "╭")
        .expect("an overlay box");
    let right = (x..a.right()).find(|cx| s.sym(*cx, y) == "╮").unwrap();
    let bottom = (y..a.bottom()).find(|cy| s.sym(x, *cy) == "╰").unwrap();
    s.text_in(Rect::new(x, y, right - x + 1, bottom - y + 1))
}

/// The help overlay, paged through to the end.
fn help(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        ui.press("?");
        let s = ui.shot("help");
        let first = s.text();
        let mut last = s.text();
        for i in 0..30 {
            ui.press("pagedown");
            let s = ui.shot(&format!("help, page {}", i + 2));
            if s.text() == last {
                break;
            }
            last = s.text();
        }
        ui.press("esc ?");
        let s = ui.render();
        assert_eq!(s.text(), first);
        if size == (80, 24) {
            ui.snapshot("help", &s);
        }
        frames += ui.finish();
    }
    frames
}

/// The command palette, scrolled through every action, then filtered.
fn palette(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        ui.press(":");
        let s = ui.shot("palette");
        if size == (80, 24) {
            ui.snapshot("palette", &s);
        }
        let n = sahaya::ui::view::palette_rows(&ui.app, "").len();
        for i in 1..n {
            ui.press("down");
            if i % 8 == 0 || i == n - 1 {
                ui.shot(&format!("palette, row {i}"));
            }
        }
        ui.press("esc :");
        ui.type_text("ಕ");
        ui.shot("palette, filtered");
        frames += ui.finish();
    }
    frames
}

/// The status picker on the mixed ticket.
fn status_picker(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        ui.press("s");
        let s = ui.shot("status picker");
        let title = I18n::new(locale).tr("picker-status");
        assert!(s.contains(&title), "no {title:?}:\n{}", s.text());
        if size == (80, 24) {
            ui.snapshot("status_picker", &s);
        }
        ui.press("down down");
        ui.shot("status picker, third item");
        frames += ui.finish();
    }
    frames
}

/// The tags prompt on the mixed ticket (its Indic tags filled in).
fn tags_prompt(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.open_mixed();
        ui.press("t");
        ui.shot("tags prompt");
        ui.type_text(", ಹೊಸ ట్యాగ్ नयाँ");
        ui.shot("tags prompt, typed");
        frames += ui.finish();
    }
    frames
}

/// Quitting with a change queued, and leaving a draft: both ask first.
fn confirmations(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.press("2 A");
        assert_eq!(ui.app.store.outbox_pending().unwrap().len(), 1);
        ui.press("q");
        assert!(!ui.app.quit && ui.app.overlay.is_some());
        let s = ui.shot("confirm quit with a queued change");
        if size == (80, 24) {
            ui.snapshot("confirm_quit", &s);
        }
        ui.press("n");
        ui.open_mixed();
        ui.press("r");
        ui.type_text(MIX_TYPED);
        ui.press("esc");
        assert!(ui.app.overlay.is_some(), "Esc on a draft asks");
        ui.shot("confirm discarding the draft");
        frames += ui.finish();
    }
    frames
}

/// Search with results (the mixed ticket among them).
fn search(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.press("/");
        ui.shot("search, empty");
        ui.type_text(MIX_SEARCH);
        let s = ui.shot("search, results");
        assert!(
            s.contains(&format!("#{}", golden().mixed)),
            "the mixed ticket is found:\n{}",
            s.text()
        );
        ui.press("esc /");
        ui.type_text("आएन");
        ui.shot("search, Nepali word");
        frames += ui.finish();
    }
    frames
}

/// The status bar offline, with and without a change waiting.
fn offline(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, false);
        ui.sync(SyncEvent::Connection(Connection::Offline(
            OFFLINE_REASON.into(),
        )));
        let s = ui.shot("offline");
        let conn = I18n::new(locale).tr("conn-offline");
        let status = s.row(size.1 - 1);
        assert!(status.contains(&conn), "{status:?} lacks {conn:?}");
        ui.open_mixed();
        ui.press("2 A");
        ui.shot("offline, one change waiting");
        frames += ui.finish();
    }
    frames
}

/// The supervisor screen, signed in as the supervisor: waiting for figures,
/// then with the figures from `GET /v1/stats`.
fn supervisor(locale: &'static str) -> usize {
    let mut frames = 0;
    for size in SIZES {
        let mut ui = Ui::new(locale, size, true);
        assert!(ui.app.is_supervisor());
        ui.press("S");
        assert!(ui.app.show_supervisor);
        ui.shot("supervisor, waiting");
        ui.sync(SyncEvent::Stats(Box::new(golden().stats.clone())));
        let s = ui.shot("supervisor, figures");
        let title = I18n::new(locale).tr("supervisor-agents");
        assert!(s.contains(&title), "no {title:?}:\n{}", s.text());
        frames += ui.finish();
    }
    frames
}

// ---------------------------------------------------------------------------
// One test per screen and locale.
// ---------------------------------------------------------------------------

macro_rules! screens {
    ($($(#[$attr:meta])* $name:ident => $screen:ident($locale:literal);)*) => {
        $(
            $(#[$attr])*
            #[test]
            fn $name() {
                let frames = $screen($locale);
                assert!(frames > 0);
            }
        )*
    };
}

screens! {
    en_list_views => list_views("en");
    kn_list_views => list_views("kn");
    te_list_views => list_views("te");
    ne_list_views => list_views("ne");
    hi_list_views => list_views("hi");
    en_thread => thread("en");
    kn_thread => thread("kn");
    te_thread => thread("te");
    ne_thread => thread("ne");
    hi_thread => thread("hi");
    en_customer => customer("en");
    kn_customer => customer("kn");
    te_customer => customer("te");
    ne_customer => customer("ne");
    hi_customer => customer("hi");
    en_composer => composer("en");
    kn_composer => composer("kn");
    te_composer => composer("te");
    ne_composer => composer("ne");
    hi_composer => composer("hi");
    en_help => help("en");
    kn_help => help("kn");
    te_help => help("te");
    ne_help => help("ne");
    hi_help => help("hi");
    en_palette => palette("en");
    kn_palette => palette("kn");
    te_palette => palette("te");
    ne_palette => palette("ne");
    hi_palette => palette("hi");
    en_status_picker => status_picker("en");
    kn_status_picker => status_picker("kn");
    te_status_picker => status_picker("te");
    ne_status_picker => status_picker("ne");
    hi_status_picker => status_picker("hi");
    en_tags_prompt => tags_prompt("en");
    kn_tags_prompt => tags_prompt("kn");
    te_tags_prompt => tags_prompt("te");
    ne_tags_prompt => tags_prompt("ne");
    hi_tags_prompt => tags_prompt("hi");
    en_confirmations => confirmations("en");
    kn_confirmations => confirmations("kn");
    te_confirmations => confirmations("te");
    ne_confirmations => confirmations("ne");
    hi_confirmations => confirmations("hi");
    en_search => search("en");
    kn_search => search("kn");
    te_search => search("te");
    ne_search => search("ne");
    hi_search => search("hi");
    en_offline => offline("en");
    kn_offline => offline("kn");
    te_offline => offline("te");
    ne_offline => offline("ne");
    hi_offline => offline("hi");
    en_supervisor => supervisor("en");
    kn_supervisor => supervisor("kn");
    te_supervisor => supervisor("te");
    ne_supervisor => supervisor("ne");
    hi_supervisor => supervisor("hi");
}

/// The checks themselves catch what they are for.
#[test]
fn the_checks_catch_broken_frames() {
    let profile = WidthProfile::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 12, 3));
    // A box whose right border is one column off on the middle row (a
    // Kannada vowel sign drawn one cell narrow), a cell starting with a
    // vowel sign, a split conjunct.
    buf.set_string(0, 0, "┌──────────┐", ratatui::style::Style::new());
    buf.set_string(0, 1, "│ab ಸೇ     │", ratatui::style::Style::new());
    buf.set_string(0, 2, "└──────────┘", ratatui::style::Style::new());
    let s = Screen::from(buf);
    let mut out = Vec::new();
    check_rows(&s, &profile, None, &mut out);
    assert!(out.iter().any(|p| p.contains("drawn as 1")), "{out:#?}");
    assert!(out.iter().any(|p| p.contains("row 1 takes 13")), "{out:#?}");
    let mut out = Vec::new();
    check_boxes(&s, &[Rect::new(0, 0, 12, 3)], false, &mut out);
    assert!(out.iter().any(|p| p.contains("right border")), "{out:#?}");
    let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
    buf[(0, 0)].set_symbol("ಸ್");
    buf[(1, 0)].set_symbol("ತ");
    buf[(2, 0)].set_symbol("\u{cc7}");
    let s = Screen::from(buf);
    let mut out = Vec::new();
    check_clusters(&s, &profile, &mut out);
    assert!(out.iter().any(|p| p.contains("split")), "{out:#?}");
    assert!(
        out.iter().any(|p| p.contains("starts with U+0CC7")),
        "{out:#?}"
    );
    // A hole right of an overlay, a wide cluster under its left border.
    let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
    buf.set_string(0, 0, "╭────╮  ", ratatui::style::Style::new());
    buf.set_string(0, 1, "│    │  ", ratatui::style::Style::new());
    buf.set_string(0, 2, "╰────╯  ", ratatui::style::Style::new());
    buf[(6, 1)].set_symbol("");
    let s = Screen::from(buf);
    let mut out = Vec::new();
    check_rows(&s, &profile, None, &mut out);
    assert!(out.iter().any(|p| p.contains("x=6")), "{out:#?}");
    let mut out = Vec::new();
    check_rows(&s, &profile, Some(Rect::new(0, 0, 6, 3)), &mut out);
    assert!(out.is_empty(), "{out:#?}");
    // Raw ids and English text.
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
    buf.set_string(
        0,
        0,
        "│Choose status picker-status│",
        ratatui::style::Style::new(),
    );
    let s = Screen::from(buf);
    let mut out = Vec::new();
    check_language(&s, "kn", None, &mut out);
    assert!(
        out.iter().any(|p| p.contains("English \"Choose status\"")),
        "{out:#?}"
    );
    assert!(out.iter().any(|p| p.contains("raw message id")), "{out:#?}");
    assert!(is_message_id_shape("picker-status"));
    assert!(!is_message_id_shape("e-mail2-"));
    assert!(
        english_only("kn")
            .iter()
            .any(|(id, _)| id == "picker-status")
    );
}

/// Bug: an overlay drawn over a pane breaks the wide clusters under its
/// edges. `popup` (src/ui/view.rs) clears its box with ratatui's `Clear`
/// and draws its border, but a cluster two or more cells wide that
/// straddles the box's right edge loses its first cell (now the border)
/// while its covered cell just right of the box stays an empty symbol: the
/// crossterm backend prints nothing there and everything after it on the
/// row lands one column to the left (the pane's right border too). One
/// straddling the left edge keeps its first cell and the box's left border
/// lands in its covered cell (ratatui's diff skips it: the border is
/// missing on that row). Seen at 80×24 with the status picker over the
/// mixed thread (`…ತಿ╭ Choose status ──╮రగా తెలియజేయండి`: `త్వ` cut at
/// x=63, hole at x=64) and at 160×45 with help, search and the palette over
/// the Kannada list and thread (holes at x=144 and x=136). The other tests
/// tolerate exactly these cells; this one does not.
#[test]
fn bug_overlay_edges_break_wide_clusters() {
    STRICT.set(true);
    let mut failed = Vec::new();
    for locale in LOCALES {
        for screen in [
            status_picker,
            help,
            palette,
            search,
            tags_prompt,
            confirmations,
        ] {
            if let Err(e) = std::panic::catch_unwind(|| screen(locale)) {
                failed.push(
                    e.downcast_ref::<String>()
                        .cloned()
                        .unwrap_or_else(|| "panic".into()),
                );
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
