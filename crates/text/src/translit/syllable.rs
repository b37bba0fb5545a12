//! Resolving the pending Latin into syllables: splitting it into keys,
//! and committing each syllable once later keys can no longer change it.

use super::Script;
use super::engine::Transliterator;
use super::table::{self, Class, Key, Mark, Sound};
/// A key of the pending Latin, where it is, and whether more keys can no
/// longer change it.
#[derive(Clone, Copy)]
struct Tok {
    key: &'static Key,
    start: usize,
    firm: bool,
}

/// Splits folded Latin into keys, longest first. Once the rest of the text
/// is the start of a longer key, it and everything after it is not firm.
fn tokenize(s: &str, last: bool) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut firm = true;
    while let Some(rest) = s.get(i..).filter(|r| !r.is_empty()) {
        if firm && !last && table::extends(rest) {
            firm = false;
        }
        match table::longest_prefix(rest) {
            Some(key) => {
                out.push(Tok {
                    key,
                    start: i,
                    firm,
                });
                i += key.latin.len();
            }
            // Every scheme character starts a key (a table test says so).
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The consonant `t` stands for inside a consonant cluster (`M` and `H`
/// are m and h there).
fn consonant(t: &Tok) -> Option<(Class, &'static str)> {
    let key = match t.key.sound {
        Sound::Mark(m) => table::mark_fallback(m)?,
        _ => t.key,
    };
    match key.sound {
        Sound::Consonant { class, .. } => Some((class, key.latin)),
        _ => None,
    }
}

fn letter_of(t: &Tok, script: Script) -> &'static str {
    let key = match t.key.sound {
        Sound::Mark(m) => table::mark_fallback(m).unwrap_or(t.key),
        _ => t.key,
    };
    match key.sound {
        Sound::Consonant { letter, .. } | Sound::Vowel { letter, .. } => letter[script.index()],
        _ => "",
    }
}

impl Transliterator {
    /// Commits every syllable of the pending Latin that more keys can no
    /// longer change (all of it when `last`). Returns how much of the Latin
    /// went into marks on text written before, and into how many new units.
    pub(super) fn resolve(&mut self, last: bool, out: &mut String) -> (usize, usize) {
        let typed = self.pending.clone();
        let folded: String = typed.chars().map(table::fold).collect();
        let toks = tokenize(&folded, last);
        let first = self.units.len();
        let mut lead = (0, 0);
        let mut i = 0;
        while i < toks.len() {
            match self.step(&typed, &toks, i, last, out) {
                Some(next) => i = next,
                None => break,
            }
            let new = &self.units[first..];
            if new.iter().all(|u| table::is_marks(&u.text, self.script)) {
                lead = (toks.get(i).map_or(folded.len(), |t| t.start), new.len());
            }
        }
        let done = toks.get(i).map_or(folded.len(), |t| t.start);
        self.pending.drain(..done.min(self.pending.len()));
        lead
    }

    /// Commits what starts at `toks[i]` if it is decided; returns where the
    /// rest starts, `None` to wait for more keys.
    fn step(
        &mut self,
        typed: &str,
        toks: &[Tok],
        i: usize,
        last: bool,
        out: &mut String,
    ) -> Option<usize> {
        let t = toks[i];
        let script = self.script;
        let after_vowel = self.after_vowel();
        match t.key.sound {
            Sound::Separator => return Some(i + 1),
            Sound::Mark(mark) if after_vowel => {
                self.commit_mark(mark, out);
                return Some(i + 1);
            }
            Sound::Mark(Mark::Candrabindu) => {
                self.commit(t.key.latin.to_string(), false, out);
                return Some(i + 1);
            }
            Sound::Vowel { letter, .. } => {
                if !t.firm {
                    return None;
                }
                self.commit(letter[script.index()].to_string(), false, out);
                return Some(i + 1);
            }
            _ => {}
        }
        // A nasal before a stop is the anusvara in Kannada and Telugu.
        let nasal = consonant(&t).map(|(class, _)| class);
        if script != Script::Devanagari
            && after_vowel
            && matches!(nasal, Some(Class::DentalNasal | Class::LabialNasal))
        {
            let next = toks.get(i + 1);
            // Wait until the next key is known (`J` may still become `JN`).
            if !last && next.is_none_or(|n| !n.firm) {
                return None;
            }
            match next.and_then(consonant) {
                Some((next, _))
                    if next == Class::Labial
                        || (next == Class::Stop && nasal == Some(Class::DentalNasal)) =>
                {
                    self.commit_mark(Mark::Anusvara, out);
                    return Some(i + 1);
                }
                _ => {}
            }
        }
        self.cluster(typed, toks, i, last, after_vowel, out)
    }

    /// A consonant cluster starting at `toks[i]`, with its vowel if typed.
    fn cluster(
        &mut self,
        typed: &str,
        toks: &[Tok],
        i: usize,
        last: bool,
        after_vowel: bool,
        out: &mut String,
    ) -> Option<usize> {
        let script = self.script;
        let virama = table::virama(script);
        let mut text = String::new();
        let mut latin = Vec::new();
        let mut explicit = false;
        let mut j = i;
        while let Some(t) = toks.get(j) {
            if let Some((_, key)) = consonant(t) {
                if !text.is_empty() {
                    text.push_str(virama);
                }
                text.push_str(letter_of(t, script));
                latin.push(key);
                explicit = false;
            } else if t.key.sound == Sound::Separator {
                // Only keeps keys apart here; a virama at the word's end.
                explicit = true;
            } else {
                break;
            }
            j += 1;
        }
        if let Some(t) = toks.get(j)
            && let Sound::Vowel { sign, .. } = t.key.sound
        {
            if !t.firm {
                return None;
            }
            text.push_str(sign[script.index()]);
            self.commit(text, false, out);
            return Some(j + 1);
        }
        if toks.get(j).is_none() && !last {
            return None;
        }
        // The word's consonants end here (at the end, or before a literal
        // `~`); typing on right after them takes them back.
        let end = toks.get(j).map_or(typed.len(), |t| t.start);
        let text = self.final_cluster(text, &latin, explicit, after_vowel);
        self.commit(text, false, out);
        if let Some(top) = self.units.last_mut() {
            top.reopen = typed.get(toks[i].start..end).map(str::to_string);
        }
        Some(j)
    }

    /// A cluster with no vowel after it: Kannada and Telugu end it with a
    /// virama, Devanagari only when `_` asks; Telugu writes a lone final
    /// `m` after a vowel as the anusvara (సమయం).
    fn final_cluster(
        &self,
        mut text: String,
        latin: &[&str],
        explicit: bool,
        after_vowel: bool,
    ) -> String {
        let script = self.script;
        if script == Script::Telugu && !explicit && after_vowel && latin == ["m"] {
            return table::mark_text(Mark::Anusvara, script).to_string();
        }
        if explicit || script != Script::Devanagari {
            text.push_str(table::virama(script));
        }
        text
    }
}
