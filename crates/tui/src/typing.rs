//! Typing Kannada, Telugu or Devanagari from Latin keys (the
//! transliteration toggle, docs/typing.md): each text field's switch and
//! engine, what a key does to the field while it is on, and the field that
//! has the keyboard.
//!
//! Two switches: the reply composer has its own, every other field
//! (search, prompts, the filters of pickers and the palette) shares the
//! console's, which stays as the agent leaves it, like an input method. A
//! composer starts in its customer's script (kn, te, ne, hi), on when the
//! agent had it on the last time they wrote to such a customer; for any
//! other customer it starts off. It does not switch itself on the first
//! time: an agent typing English words, or with an input method of their
//! own, would see them turned into Kannada. The status bar offers it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sahaya_keymap::Action;
use sahaya_protocol::domain::TicketId;
use sahaya_text::translit::Preview;
use sahaya_text::{Script, TextBuffer, Transliterator};

use crate::app::App;
use crate::overlay::Overlay;

/// One field's switch and the engine that keeps its pending syllable.
#[derive(Debug, Clone)]
pub struct Typing {
    on: bool,
    engine: Transliterator,
    /// The script of the customer a reply is written to (None: not a
    /// reply, or a customer written to in Latin letters).
    proposed: Option<Script>,
}

impl Typing {
    /// Off, typing `script` when turned on.
    pub fn new(script: Script) -> Typing {
        Typing {
            on: false,
            engine: Transliterator::new(script),
            proposed: None,
        }
    }

    /// A reply's: in the customer's script, on when `replies_on`; off for
    /// a customer without one (then in `fallback` when turned on).
    pub fn for_reply(customer: Option<Script>, fallback: Script, replies_on: bool) -> Typing {
        Typing {
            on: replies_on && customer.is_some(),
            engine: Transliterator::new(customer.unwrap_or(fallback)),
            proposed: customer,
        }
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    pub fn script(&self) -> Script {
        self.engine.script()
    }

    /// The customer's script this reply proposes.
    pub fn proposed(&self) -> Option<Script> {
        self.proposed
    }

    /// The Latin typed but not resolved yet.
    pub fn pending(&self) -> &str {
        self.engine.pending()
    }

    /// A key with no binding, typed into `buf`: true when the switch is on
    /// and the key was typed through the engine (a printable key, Enter in
    /// a `multiline` field, Backspace). Any other key commits the pending
    /// syllable first and is left to the caller.
    pub fn key(&mut self, buf: &mut TextBuffer, key: KeyEvent, multiline: bool) -> bool {
        if !self.on {
            return false;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
        match key.code {
            KeyCode::Char(c) if plain => self.engine.type_char(buf, c),
            KeyCode::Enter if plain && multiline => self.engine.type_char(buf, '\n'),
            KeyCode::Backspace if plain => self.engine.backspace_in(buf),
            _ => {
                self.engine.flush_into(buf);
                return false;
            }
        }
        true
    }

    /// Commits the pending syllable into `buf`; true when there was one.
    pub fn flush(&mut self, buf: &mut TextBuffer) -> bool {
        let composing = self.engine.is_composing();
        self.engine.flush_into(buf);
        composing
    }

    /// Turns the switch on or off (what is pending is committed first).
    pub fn toggle(&mut self, buf: Option<&mut TextBuffer>) {
        if let Some(buf) = buf {
            self.engine.flush_into(buf);
        }
        self.on = !self.on;
    }

    /// On, in the script after the current one (when it was off: on in
    /// the current one).
    pub fn next_script(&mut self, buf: Option<&mut TextBuffer>) {
        if let Some(buf) = buf {
            self.engine.flush_into(buf);
        }
        if self.on {
            let i = Script::ALL
                .iter()
                .position(|s| *s == self.script())
                .unwrap_or(0);
            let next = Script::ALL[(i + 1) % Script::ALL.len()];
            // Nothing is pending after the flush: the edit is empty.
            let _ = self.engine.set_script(next);
        }
        self.on = true;
    }

    /// `buf` with the pending Latin drawn in at the cursor, when some is
    /// pending.
    pub fn preview(&self, buf: &TextBuffer) -> Option<Preview> {
        self.engine.is_composing().then(|| self.engine.preview(buf))
    }

    /// The text as shown: `buf`'s with the pending Latin in it.
    pub fn shown_text(&self, buf: &TextBuffer) -> String {
        match self.preview(buf) {
            Some(p) => p.buffer.text(),
            None => buf.text(),
        }
    }
}

/// The script the console's switch starts in: the console language's, else
/// Kannada.
pub fn default_script(locale: &str) -> Script {
    Script::for_language(locale).unwrap_or(Script::Kannada)
}

/// The switch of a new reply or note to ticket `id`'s customer.
pub fn for_reply(app: &App, id: TicketId) -> Typing {
    let customer = app
        .open
        .as_ref()
        .filter(|o| o.ticket.id == id)
        .and_then(|o| o.customer.as_ref())
        .and_then(|c| Script::for_language(&c.customer.preferred_language));
    Typing::for_reply(customer, app.typing.script(), app.replies_typed_latin)
}

/// The text field that has the keyboard, and its switch.
pub fn focused(app: &mut App) -> Option<(&mut TextBuffer, &mut Typing)> {
    let typing = &mut app.typing;
    match app.overlay.as_mut() {
        Some(Overlay::Palette { filter, .. }) => Some((filter, typing)),
        Some(Overlay::Prompt(p)) => Some((&mut p.input, typing)),
        Some(Overlay::Search(s)) => Some((&mut s.input, typing)),
        Some(Overlay::Picker(p)) => Some((&mut p.filter, typing)),
        Some(_) => None,
        None => match app.editor.as_mut() {
            Some(e) => Some((&mut e.buffer, &mut e.typing)),
            None => app
                .composer
                .as_mut()
                .map(|c| (&mut c.buffer, &mut c.typing)),
        },
    }
}

/// The switch of the field that has the keyboard (None: no field has it).
pub fn focused_switch(app: &App) -> Option<&Typing> {
    match &app.overlay {
        Some(
            Overlay::Palette { .. } | Overlay::Prompt(_) | Overlay::Search(_) | Overlay::Picker(_),
        ) => Some(&app.typing),
        Some(_) => None,
        None => match app.editor.as_ref() {
            Some(e) => Some(&e.typing),
            None => app.composer.as_ref().map(|c| &c.typing),
        },
    }
}

/// The switch the status bar shows: the focused field's, else the
/// console's (what search and prompts will start in).
pub fn shown_switch(app: &App) -> &Typing {
    focused_switch(app).unwrap_or(&app.typing)
}

/// Commits the focused field's pending syllable (before any action runs);
/// true when the text changed.
pub fn flush_focused(app: &mut App) -> bool {
    focused(app).is_some_and(|(buf, typing)| typing.flush(buf))
}

/// Ctrl-g or Alt-g: the focused field's switch (the console's when no
/// field has the keyboard), said in a flash. In a reply to a customer with
/// a script, the agent's choice is remembered for the next such reply.
pub fn switch(app: &mut App, action: Action) {
    let in_composer = app.overlay.is_none() && app.composer.is_some();
    let apply = |typing: &mut Typing, buf: Option<&mut TextBuffer>| {
        if action == Action::NextScript {
            typing.next_script(buf);
        } else {
            typing.toggle(buf);
        }
        (typing.is_on(), typing.script(), typing.proposed())
    };
    let (on, script, proposed) = if focused_switch(app).is_some() {
        let Some((buf, typing)) = focused(app) else {
            return;
        };
        apply(typing, Some(buf))
    } else if app.overlay.is_none() {
        apply(&mut app.typing, None)
    } else {
        // Help, a confirmation, the problems list: nothing is typed there.
        return;
    };
    if in_composer && proposed.is_some() {
        app.replies_typed_latin = on;
    }
    let key = app.key_for(Action::ToggleTransliteration);
    let next = app.key_for(Action::NextScript);
    let (id, script) = if on {
        ("typing-now-on", script)
    } else {
        ("typing-now-off", proposed.unwrap_or(script))
    };
    let text = app.i18n.tr_args(
        id,
        &[
            ("key", key.into()),
            ("next", next.into()),
            ("script", script.native_name().into()),
        ],
    );
    app.flash(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(t: &mut Typing, buf: &mut TextBuffer, keys: &str) {
        for c in keys.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            assert!(t.key(buf, key, true));
        }
    }

    #[test]
    fn off_leaves_keys_to_the_field() {
        let mut t = Typing::new(Script::Kannada);
        let mut buf = TextBuffer::new();
        let a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
        assert!(!t.key(&mut buf, a, true));
        assert!(buf.is_empty());
    }

    #[test]
    fn other_keys_commit_the_pending_syllable() {
        let mut t = Typing::new(Script::Telugu);
        t.toggle(None);
        let mut buf = TextBuffer::new();
        typed(&mut t, &mut buf, "rIphanD");
        assert_eq!((buf.text().as_str(), t.pending()), ("రీఫ", "nD"));
        assert_eq!(
            t.preview(&buf).map(|p| p.buffer.text()),
            Some("రీఫnD".to_string())
        );
        assert_eq!(t.shown_text(&buf), "రీఫnD");
        let left = KeyEvent::new(KeyCode::Left, KeyModifiers::NONE);
        assert!(!t.key(&mut buf, left, true));
        assert_eq!((buf.text().as_str(), t.pending()), ("రీఫండ్", ""));
        assert!(t.preview(&buf).is_none());
        // Ctrl + a letter is not typing either.
        typed(&mut t, &mut buf, "ki");
        let ctrl_w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert!(!t.key(&mut buf, ctrl_w, true));
        assert_eq!(t.pending(), "");
    }

    #[test]
    fn enter_is_typed_only_where_lines_break() {
        let mut t = Typing::new(Script::Devanagari);
        t.toggle(None);
        let mut buf = TextBuffer::new();
        typed(&mut t, &mut buf, "namaste");
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert!(!t.key(&mut buf, enter, false));
        assert_eq!(buf.text(), "नमस्ते");
        typed(&mut t, &mut buf, "jI");
        assert!(t.key(&mut buf, enter, true));
        assert_eq!(buf.lines(), ["नमस्तेजी", ""]);
    }

    #[test]
    fn turning_off_or_switching_commits_in_the_old_script() {
        let mut t = Typing::new(Script::Kannada);
        let mut buf = TextBuffer::new();
        t.next_script(Some(&mut buf));
        assert!(t.is_on());
        assert_eq!(t.script(), Script::Kannada, "off → on in the same script");
        typed(&mut t, &mut buf, "naaL");
        t.next_script(Some(&mut buf));
        assert_eq!(t.script(), Script::Telugu);
        assert_eq!(buf.text(), "ನಾಳ್");
        typed(&mut t, &mut buf, " rEpu");
        t.toggle(Some(&mut buf));
        assert!(!t.is_on());
        assert_eq!(buf.text(), "ನಾಳ್ రేపు");
        t.next_script(Some(&mut buf));
        t.next_script(Some(&mut buf));
        assert_eq!(t.script(), Script::Devanagari);
        t.next_script(Some(&mut buf));
        assert_eq!(t.script(), Script::Kannada, "round the three scripts");
    }

    #[test]
    fn a_reply_proposes_the_customers_script() {
        let t = Typing::for_reply(Some(Script::Telugu), Script::Kannada, false);
        assert_eq!((t.is_on(), t.script()), (false, Script::Telugu));
        let t = Typing::for_reply(Some(Script::Telugu), Script::Kannada, true);
        assert_eq!((t.is_on(), t.script()), (true, Script::Telugu));
        let t = Typing::for_reply(None, Script::Devanagari, true);
        assert_eq!(
            (t.is_on(), t.script(), t.proposed()),
            (false, Script::Devanagari, None)
        );
        assert_eq!(default_script("hi"), Script::Devanagari);
        assert_eq!(default_script("en"), Script::Kannada);
    }
}
