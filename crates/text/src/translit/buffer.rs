//! Driving a [`TextBuffer`] through a [`Transliterator`]: what the composer,
//! search box and prompts call for each key while the toggle is on.
//!
//! ```
//! use sahaya_text::{Script, TextBuffer, Transliterator};
//!
//! let mut buf = TextBuffer::new();
//! let mut t = Transliterator::new(Script::Telugu);
//! for c in "rIphanD".chars() {
//!     t.type_char(&mut buf, c);
//! }
//! assert_eq!((buf.text().as_str(), t.pending()), ("రీఫ", "nD"));
//! t.type_char(&mut buf, ' ');
//! assert_eq!(buf.text(), "రీఫండ్ ");
//! t.backspace_in(&mut buf); // the space; the word's end is pending again
//! assert_eq!((buf.text().as_str(), t.pending()), ("రీఫం", "D"));
//! t.backspace_in(&mut buf); // D
//! t.backspace_in(&mut buf); // the syllable ఫం
//! assert_eq!(buf.text(), "రీ");
//! ```

use std::ops::Range;

use super::engine::{Edit, Transliterator};
use crate::editor::TextBuffer;

/// A buffer with the pending Latin drawn in at the cursor, for the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The text with the pending Latin inserted; its cursor is after it.
    pub buffer: TextBuffer,
    /// The logical line holding the pending Latin.
    pub line: usize,
    /// Where the pending Latin is in that line (bytes; empty when nothing
    /// is pending), to draw it distinctly.
    pub pending: Range<usize>,
}

fn apply(buf: &mut TextBuffer, edit: &Edit) {
    if !edit.delete.is_empty() && !buf.remove_before_cursor(&edit.delete) {
        // The engine only deletes what resync saw before the cursor.
        buf.backspace();
    }
    if !edit.insert.is_empty() {
        buf.insert_str(&edit.insert);
    }
}

impl Transliterator {
    /// Types `c` at the buffer's cursor (any printable key, Enter as `\n`).
    pub fn type_char(&mut self, buf: &mut TextBuffer, c: char) {
        self.resync(buf.before_cursor());
        if self
            .reopens_on(c)
            .is_some_and(|text| !buf.can_remove_before_cursor(text))
        {
            self.seal();
        }
        let edit = self.push(c);
        apply(buf, &edit);
    }

    /// Types each character of `s` (tests, macros).
    pub fn type_str(&mut self, buf: &mut TextBuffer, s: &str) {
        for c in s.chars() {
            self.type_char(buf, c);
        }
    }

    /// Backspace: a pending Latin letter, else the last syllable the engine
    /// wrote there, else the buffer's own Backspace (one code point of an
    /// Indic cluster).
    pub fn backspace_in(&mut self, buf: &mut TextBuffer) {
        self.resync(buf.before_cursor());
        if !self.is_composing() {
            match self.backspace_text() {
                Some(text) if buf.remove_before_cursor(&text) => {}
                _ => {
                    buf.backspace();
                    self.resync(buf.before_cursor());
                    return;
                }
            }
            // The text is gone already; the engine forgets it (and may put
            // the word's unresolved end back as pending).
            let _ = self.backspace();
            return;
        }
        if let Some(edit) = self.backspace() {
            apply(buf, &edit);
        }
    }

    /// Commits the pending Latin into the buffer. Call it before anything
    /// else touches the buffer or its cursor (moves, Delete, Ctrl-W, paste,
    /// sending, turning the toggle off).
    pub fn flush_into(&mut self, buf: &mut TextBuffer) {
        if self.is_composing() {
            self.resync(buf.before_cursor());
            let edit = self.flush();
            apply(buf, &edit);
        }
    }

    /// The buffer as the view should draw it: the pending Latin inserted
    /// at the cursor and where it is.
    pub fn preview(&self, buf: &TextBuffer) -> Preview {
        let mut buffer = buf.clone();
        let (line, col) = buffer.cursor();
        buffer.insert_str(self.pending());
        let end = buffer.lines()[line].len() - buf.lines()[line].len() + col;
        Preview {
            buffer,
            line,
            pending: col..end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Script;

    fn typed(script: Script, keys: &str) -> (TextBuffer, Transliterator) {
        let mut buf = TextBuffer::new();
        let mut t = Transliterator::new(script);
        t.type_str(&mut buf, keys);
        (buf, t)
    }

    #[test]
    fn pending_is_shown_at_the_cursor() {
        let (buf, t) = typed(Script::Kannada, "paars");
        assert_eq!((buf.text().as_str(), t.pending()), ("ಪಾ", "rs"));
        let p = t.preview(&buf);
        assert_eq!(p.buffer.text(), "ಪಾrs");
        assert_eq!(p.buffer.cursor(), (0, "ಪಾrs".len()));
        assert_eq!(&p.buffer.lines()[p.line][p.pending.clone()], "rs");
        // in the middle of a line, on the second line
        let mut buf = TextBuffer::from_text("ok\nಇದು ಸರಿ");
        buf.set_cursor(1, "ಇದು".len());
        let mut t = Transliterator::new(Script::Kannada);
        t.type_str(&mut buf, " tu");
        let p = t.preview(&buf);
        assert_eq!(p.buffer.text(), "ok\nಇದು tu ಸರಿ");
        assert_eq!((p.line, &p.buffer.lines()[1][p.pending.clone()]), (1, "tu"));
        assert_eq!(p.buffer.cursor(), (1, "ಇದು tu".len()));
    }

    #[test]
    fn backspace_undoes_syllables_then_falls_back_to_the_buffer() {
        let mut buf = TextBuffer::from_text("ಕನ್ನಡ ");
        let mut t = Transliterator::new(Script::Kannada);
        t.type_str(&mut buf, "paarsel");
        assert_eq!((buf.text().as_str(), t.pending()), ("ಕನ್ನಡ ಪಾರ್ಸೆ", "l"));
        t.backspace_in(&mut buf); // l
        assert_eq!((buf.text().as_str(), t.pending()), ("ಕನ್ನಡ ಪಾರ್ಸೆ", ""));
        t.backspace_in(&mut buf); // ರ್ಸೆ
        assert_eq!(buf.text(), "ಕನ್ನಡ ಪಾ");
        t.backspace_in(&mut buf); // ಪಾ
        t.backspace_in(&mut buf); // the space: not the engine's, the buffer's
        assert_eq!(buf.text(), "ಕನ್ನಡ");
        t.backspace_in(&mut buf); // ಡ
        t.backspace_in(&mut buf); // one code point of ನ್ನ (the editor's Indic rule)
        assert_eq!(buf.text(), "ಕನ್");
    }

    #[test]
    fn a_moved_cursor_is_noticed() {
        let (mut buf, mut t) = typed(Script::Telugu, "mee ArDar ");
        assert_eq!(buf.text(), "మీ ఆర్డర్ ");
        buf.move_to_start();
        buf.move_right(); // after మీ
        t.type_str(&mut buf, "ku");
        t.flush_into(&mut buf);
        assert_eq!(buf.text(), "మీకు ఆర్డర్ ");
        t.backspace_in(&mut buf);
        assert_eq!(buf.text(), "మీ ఆర్డర్ ");
        // The history of the other place is gone: the next Backspace is
        // the buffer's (one code point).
        t.backspace_in(&mut buf);
        assert_eq!(buf.text(), "మ ఆర్డర్ ");
        assert_eq!(buf.cursor(), (0, "మ".len()));
    }

    #[test]
    fn typing_on_after_a_flush_continues_the_word() {
        let (mut buf, mut t) = typed(Script::Kannada, "ArDar");
        t.flush_into(&mut buf); // e.g. the agent pressed Right at the end
        assert_eq!(buf.text(), "ಆರ್ಡರ್");
        t.type_char(&mut buf, 'u');
        assert_eq!((buf.text().as_str(), t.pending()), ("ಆರ್ಡ", "ru"));
        t.flush_into(&mut buf);
        assert_eq!(buf.text(), "ಆರ್ಡರು");
        // Text typed elsewhere ending in a virama is continued the same way.
        let mut buf = TextBuffer::from_text("ಕಾರ್ಡ್");
        let mut t = Transliterator::new(Script::Kannada);
        t.type_str(&mut buf, "u ");
        assert_eq!(buf.text(), "ಕಾರ್ಡು ");
        // ... but Backspace there is the buffer's own.
        let mut buf = TextBuffer::from_text("ಕಾರ್ಡ್");
        t.backspace_in(&mut buf);
        assert_eq!(buf.text(), "ಕಾರ್ಡ");
    }

    #[test]
    fn enter_breaks_the_line_and_flushes() {
        let (buf, t) = typed(Script::Devanagari, "namaste\ndhanyavAd");
        assert_eq!(buf.lines(), ["नमस्ते", "धन्यवा"]);
        assert_eq!(t.pending(), "d");
    }
}
