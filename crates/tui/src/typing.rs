//! Typing Kannada, Telugu or Devanagari from Latin keys (the
//! transliteration toggle, docs/typing.md): each text field's switch and
//! engine, and what a key does to the field while it is on (the field that
//! has the keyboard: `typing_focus`).
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
use sahaya_text::translit::Preview;
use sahaya_text::{Script, TextBuffer, Transliterator};

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
