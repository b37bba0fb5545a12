//! The console without a terminal: the real `App`, fed keys and sync events
//! through `update` and drawn into ratatui's `TestBackend`.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use sahaya_i18n::I18n;
use sahaya_keymap::{Keymap, key_events};
use sahaya_protocol::domain::TicketId;
use sahaya_protocol::events::SyncEvent;
use sahaya_protocol::wire::{PresenceNotice, Viewer};
use sahaya_store::Store;
use sahaya_text::WidthProfile;
use sahaya_tui::{App, Msg, update};

use super::fixture::copy_cache;
use super::screen::Screen;

/// The one place tests and benchmarks build the console's app: over the
/// cache at `cache`, in `locale`, with the built-in keys and the default
/// width profile, as the console starts.
pub fn new_app(cache: &Path, locale: &str) -> App {
    App::new(
        Store::open(cache).expect("cache opens"),
        I18n::new(locale),
        Keymap::builtin(),
        WidthProfile::default(),
    )
}

/// A key without modifiers.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The key event for one character, as the keymap spells it (`G` is
/// shift-g); characters the keymap has no name for are sent as they are.
pub fn ch(c: char) -> KeyEvent {
    if c.is_ascii_graphic() {
        key_events(&c.to_string()).expect("key")[0]
    } else {
        key(KeyCode::Char(c))
    }
}

/// The key event a terminal sends for one typed character (a newline is
/// Enter).
pub fn typed(c: char) -> KeyEvent {
    key(if c == '\n' {
        KeyCode::Enter
    } else {
        KeyCode::Char(c)
    })
}

/// What the sync task hands the app when another agent, `name`, is typing
/// on ticket `ticket_id`.
pub fn typing(ticket_id: TicketId, name: &str) -> SyncEvent {
    SyncEvent::Presence(PresenceNotice {
        ticket_id,
        viewers: vec![Viewer {
            agent_id: 999,
            name: name.to_string(),
            typing: true,
        }],
    })
}

/// A headless console of `width` × `height` cells. It draws after every key
/// as the console does; its `app` is open for tests to look at.
pub struct Console {
    pub app: App,
    pub width: u16,
    pub height: u16,
    locale: String,
    /// The private copy of a cache the app works on, when it has one.
    copy: Option<(tempfile::TempDir, PathBuf)>,
}

impl Console {
    /// A console over the cache at `cache` itself.
    pub fn open(cache: &Path, locale: &str, (width, height): (u16, u16)) -> Console {
        Console {
            app: new_app(cache, locale),
            width,
            height,
            locale: locale.to_string(),
            copy: None,
        }
    }

    /// A console over a private copy of the cache at `golden`.
    pub fn over_copy(golden: &Path, locale: &str, size: (u16, u16)) -> Console {
        let (dir, path) = copy_cache(golden);
        let mut console = Console::open(&path, locale, size);
        console.copy = Some((dir, path));
        console
    }

    /// The cache file the app works on (its private copy).
    pub fn cache(&self) -> PathBuf {
        let (_, path) = self.copy.as_ref().expect("a console over a copy");
        path.clone()
    }

    pub fn store(&self) -> &Store {
        &self.app.store
    }

    /// Quits this app and starts a new one over the same cache file.
    pub fn restart(&mut self) {
        let path = self.cache();
        // The old store closes before the new one opens.
        let old = std::mem::replace(&mut self.app, new_app(&path, &self.locale));
        drop(old);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
    }

    /// One key, then a frame.
    pub fn key(&mut self, key: KeyEvent) -> &mut Self {
        update(&mut self.app, Msg::Key(key));
        self.render();
        self
    }

    /// Feeds a key string (`"j j <enter> r"`), drawing after every key.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        for key in key_events(keys).unwrap_or_else(|e| panic!("bad keys {keys:?}: {e}")) {
            self.key(key);
        }
        self
    }

    /// Types text one character at a time, as a terminal sends it, then
    /// draws.
    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            update(&mut self.app, Msg::Key(typed(c)));
        }
        self.render();
        self
    }

    /// Hands the app an event from the sync task (no frame drawn).
    pub fn sync(&mut self, event: SyncEvent) -> &mut Self {
        update(&mut self.app, Msg::Sync(event));
        self
    }

    /// Draws a frame on a fresh terminal of the console's size.
    pub fn render(&mut self) -> Screen {
        let mut terminal = Terminal::new(TestBackend::new(self.width, self.height)).unwrap();
        // The frame as rendered (the backend's copy only receives the cells
        // ratatui's diff sends, so covered cells of wide clusters stay blank
        // there).
        let buf = terminal
            .draw(|f| sahaya_tui::view::render(&mut self.app, f))
            .expect("draw")
            .buffer
            .clone();
        let p = terminal.backend().cursor_position();
        Screen {
            buf,
            cursor: (p.x, p.y),
        }
    }

    /// A frame, as text.
    pub fn screen(&mut self) -> String {
        self.render().text()
    }

    /// The area between the tab row and the status bar.
    pub fn main_area(&self) -> Rect {
        Rect::new(0, 1, self.width, self.height.saturating_sub(2))
    }

    /// Where the panes are in the main area.
    pub fn areas(&self) -> sahaya_tui::view::Areas {
        sahaya_tui::view::layout(&self.app, self.main_area())
    }
}
