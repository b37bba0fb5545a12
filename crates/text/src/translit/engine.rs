//! The incremental engine: one Latin key at a time in, committed native
//! text and the still-pending Latin out (rules in the [module
//! documentation](super)).

use super::Script;
use super::table::{self, Mark};
use crate::cluster::prev_cluster_boundary;

/// What a key does to the text before the cursor: remove exactly `delete`
/// (text that ends right at the cursor), then insert `insert` at the cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edit {
    pub delete: String,
    pub insert: String,
}

impl Edit {
    /// Whether the text is left as it is (only the pending Latin changed).
    pub fn is_empty(&self) -> bool {
        self.delete.is_empty() && self.insert.is_empty()
    }
}

/// Units kept for Backspace (a long reply's worth of syllables).
const HISTORY: usize = 256;

/// One piece of committed text Backspace removes as a whole.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    pub(super) text: String,
    /// Written by a flush: the Latin that was pending then. Deleting the
    /// key that caused the flush (a space, say) puts it back as pending.
    pub(super) reopen: Option<String>,
    /// A key that ended the syllable and was inserted as it is.
    passthrough: bool,
    /// Not typed here: a virama-final cluster found before the cursor,
    /// which typing on continues (Backspace leaves it to the buffer).
    found: bool,
}

/// Latin keys in, Kannada / Telugu / Devanagari out, as the agent types.
///
/// The committed text is append-only between Backspaces: every [`Edit`] of
/// [`push`](Self::push) and [`flush`](Self::flush) only inserts.
#[derive(Clone, Debug)]
pub struct Transliterator {
    pub(super) script: Script,
    /// Latin typed but not resolved yet; starts with `` ` `` for a literal run.
    pub(super) pending: String,
    /// Committed text, newest last; ends right before the cursor.
    pub(super) units: Vec<Unit>,
    /// The character before the first unit (decides whether a mark has a
    /// vowel to sit on).
    context: Option<char>,
}

impl Transliterator {
    /// An engine typing `script`, with nothing pending.
    pub fn new(script: Script) -> Self {
        Self {
            script,
            pending: String::new(),
            units: Vec::new(),
            context: None,
        }
    }

    pub fn script(&self) -> Script {
        self.script
    }

    /// Switches the script; what was pending is committed in the old one.
    pub fn set_script(&mut self, script: Script) -> Edit {
        let edit = self.flush();
        self.script = script;
        edit
    }

    /// The Latin typed but not resolved yet (to show at the cursor).
    pub fn pending(&self) -> &str {
        &self.pending
    }

    /// Whether Latin is pending: flush before moving the cursor or running
    /// any key the engine does not take.
    pub fn is_composing(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Types one key. Letters, `_` and `~` go into the pending syllable;
    /// `` ` `` starts a literal Latin run; anything else (space, Enter,
    /// digits, punctuation, other scripts) commits the pending syllable and
    /// is inserted as it is (`|` is the danda `।` in Devanagari).
    ///
    /// A letter typed right after a word's unresolved end (a flushed
    /// `ArDar` is ಆರ್ಡರ್, a virama-final cluster before the cursor) takes
    /// that end back into the pending Latin: the edit deletes it.
    pub fn push(&mut self, c: char) -> Edit {
        let mut out = String::new();
        let mut delete = String::new();
        if self.reopens_on(c).is_some()
            && let Some(top) = self.units.pop()
        {
            delete = top.text;
            self.pending = top.reopen.unwrap_or_default();
        }
        if self.pending.starts_with('`') {
            if c.is_whitespace() {
                self.flush_pending(&mut out);
                self.pass(c, &mut out);
            } else if c == '`' && self.pending == "`" {
                self.pending.clear();
                self.commit("`".to_string(), true, &mut out);
            } else {
                self.pending.push(c);
            }
        } else if c == '`' {
            self.flush_pending(&mut out);
            self.pending.push('`');
        } else if table::is_scheme_char(c) {
            self.pending.push(c);
            self.resolve(false, &mut out);
        } else {
            self.flush_pending(&mut out);
            self.pass(c, &mut out);
        }
        self.trim_history();
        Edit {
            delete,
            insert: out,
        }
    }

    /// The committed text [`push`](Self::push)`(c)` would take back into the
    /// pending Latin.
    pub fn reopens_on(&self, c: char) -> Option<&str> {
        if !self.pending.is_empty() {
            return None;
        }
        let top = self.units.last()?;
        let latin = top.reopen.as_deref()?;
        let continues = if latin.starts_with('`') {
            !c.is_whitespace()
        } else {
            table::is_scheme_char(c)
        };
        continues.then_some(top.text.as_str())
    }

    /// Keeps the committed text as it is: the next key does not take it back.
    pub fn seal(&mut self) {
        if let Some(top) = self.units.last_mut() {
            top.reopen = None;
        }
    }

    /// Commits the pending syllable as it stands (a final consonant gets a
    /// virama in Kannada and Telugu, none in Devanagari).
    pub fn flush(&mut self) -> Edit {
        let mut out = String::new();
        self.flush_pending(&mut out);
        self.trim_history();
        Edit {
            delete: String::new(),
            insert: out,
        }
    }

    /// Backspace: removes the last pending Latin letter, or else the last
    /// committed syllable (deleting the space or mark that ended a word
    /// puts that word's unresolved end back as pending Latin). `None` when
    /// the engine has nothing to undo: do the ordinary Backspace then.
    pub fn backspace(&mut self) -> Option<Edit> {
        if self.pending.pop().is_some() {
            return Some(Edit::default());
        }
        let delete = self.backspace_text()?;
        let top = self.units.pop()?;
        if top.passthrough
            && self.units.last().is_some_and(|u| u.reopen.is_some())
            && let Some(prev) = self.units.pop()
        {
            self.pending = prev.reopen.unwrap_or_default();
        }
        Some(Edit {
            delete,
            insert: String::new(),
        })
    }

    /// What [`backspace`](Self::backspace) would delete from the text, when
    /// nothing is pending.
    pub fn backspace_text(&self) -> Option<String> {
        if !self.pending.is_empty() {
            return None;
        }
        let (top, rest) = self.units.split_last()?;
        if top.found {
            return None;
        }
        match rest.last() {
            Some(prev) if top.passthrough && prev.reopen.is_some() => {
                Some(format!("{}{}", prev.text, top.text))
            }
            _ => Some(top.text.clone()),
        }
    }

    /// Tells the engine what is before the cursor now (on the cursor's
    /// line). Its Backspace history is kept only when that text still ends
    /// with what it committed (the cursor did not move, nothing else edited
    /// the text); otherwise a virama-final cluster there is taken as the
    /// unresolved end of a word that typing continues.
    pub fn resync(&mut self, before_cursor: &str) {
        let total: usize = self.units.iter().map(|u| u.text.len()).sum();
        let start = before_cursor.len().checked_sub(total);
        let matches = start.is_some_and(|start| {
            before_cursor.get(..start).is_some_and(|head| {
                head.chars().next_back() == self.context
                    && self
                        .units
                        .iter()
                        .try_fold(start, |at, u| {
                            let end = at + u.text.len();
                            (before_cursor.get(at..end) == Some(u.text.as_str())).then_some(end)
                        })
                        .is_some()
            })
        });
        if matches {
            return;
        }
        self.units.clear();
        let start = prev_cluster_boundary(before_cursor, before_cursor.len());
        let last = &before_cursor[start..];
        match table::latin_of_cluster(last, self.script) {
            Some(latin) => {
                self.context = before_cursor[..start].chars().next_back();
                self.units.push(Unit {
                    text: last.to_string(),
                    reopen: Some(latin),
                    passthrough: false,
                    found: true,
                });
            }
            None => self.context = before_cursor.chars().next_back(),
        }
    }

    fn last_char(&self) -> Option<char> {
        match self.units.last() {
            Some(u) => u.text.chars().next_back(),
            None => self.context,
        }
    }

    /// Whether the committed text ends in a vowel a mark can sit on.
    pub(super) fn after_vowel(&self) -> bool {
        self.last_char()
            .is_some_and(|c| table::ends_in_vowel(c, self.script))
    }

    pub(super) fn commit(&mut self, text: String, passthrough: bool, out: &mut String) {
        if text.is_empty() {
            return;
        }
        out.push_str(&text);
        self.units.push(Unit {
            text,
            reopen: None,
            passthrough,
            found: false,
        });
    }

    /// A mark joins the syllable it sits on (one Backspace removes both).
    pub(super) fn commit_mark(&mut self, mark: Mark, out: &mut String) {
        let text = table::mark_text(mark, self.script);
        match self.units.last_mut() {
            Some(top) => {
                out.push_str(text);
                top.text.push_str(text);
                top.reopen = None;
            }
            _ => self.commit(text.to_string(), false, out),
        }
    }

    fn pass(&mut self, c: char, out: &mut String) {
        if c == '\n' {
            // Backspace history stays on one line.
            out.push('\n');
            self.units.clear();
            self.context = None;
            return;
        }
        let text = match (c, self.script) {
            ('|', Script::Devanagari) => "।".to_string(),
            _ => c.to_string(),
        };
        self.commit(text, true, out);
    }

    fn flush_pending(&mut self, out: &mut String) {
        if self.pending.is_empty() {
            return;
        }
        let latin = self.pending.clone();
        let first = self.units.len();
        let (mut lead, mut marks) = (0, 0);
        if let Some(literal) = latin.strip_prefix('`') {
            self.commit(literal.to_string(), false, out);
        } else {
            (lead, marks) = self.resolve(true, out);
        }
        self.pending.clear();
        // What the flush wrote, as one unit typing on can take back (less
        // a mark it put on text written before, `n` of `ank`).
        let text: String = self.units.drain(first + marks..).map(|u| u.text).collect();
        if !text.is_empty() {
            self.units.push(Unit {
                text,
                reopen: latin.get(lead..).map(str::to_string),
                passthrough: false,
                found: false,
            });
        }
    }

    fn trim_history(&mut self) {
        if self.units.len() > HISTORY {
            let n = self.units.len() - HISTORY;
            self.context = self.units[n - 1].text.chars().next_back();
            self.units.drain(..n);
        }
    }
}

/// `latin` typed key by key into a fresh engine and flushed: the text an
/// agent gets by typing it.
pub fn transliterate(script: Script, latin: &str) -> String {
    let mut t = Transliterator::new(script);
    let mut out = String::new();
    for c in latin.chars() {
        out.push_str(&t.push(c).insert);
    }
    out.push_str(&t.flush().insert);
    out
}
