//! Making untrusted text inert for a terminal (DESIGN invariant 4).
//!
//! Customer messages, names, subjects and server error strings go through
//! [`sanitize`] (multi-line) or [`sanitize_line`] (one line) before they are
//! stored for display. The output contains no C0 control except `\n`, no DEL,
//! no C1 control, no ESC, and no bidi control, so it can neither drive the
//! terminal nor reorder what the agent sees. Rules:
//!
//! - Escape sequences are removed whole, not just their ESC: CSI
//!   (`ESC [` params/intermediates final-byte), OSC (`ESC ]` … BEL or ST),
//!   DCS / SOS / PM / APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _` … ST), and
//!   two-char or intermediate sequences (`ESC c`, `ESC ( B`, `ESC #8`). The
//!   8-bit forms U+009B (CSI), U+009D (OSC), U+0090, U+0098, U+009E, U+009F
//!   (string starters) are removed with their parameters or strings. A string
//!   ends at BEL, ST (`ESC \` or U+009C), CAN, SUB, at an ESC that starts the
//!   next sequence, or at the end of the text (an unterminated string hides the
//!   rest of the text, as a terminal would). A malformed CSI ends at the first
//!   byte that is not a parameter, intermediate or final byte; that byte is
//!   then treated as text.
//! - Line ends: `\r\n` and a bare `\r` become `\n`; NEL U+0085, LINE SEPARATOR
//!   U+2028 and PARAGRAPH SEPARATOR U+2029 become `\n` too. [`sanitize_line`]
//!   turns each line end into one space.
//! - A tab becomes 1–4 spaces, up to the next multiple of 4 columns (columns
//!   counted with per-character `unicode-width` since the last line end).
//! - Every other C0 control (NUL, BEL, backspace, VT, FF, ...), DEL and every
//!   other C1 control is removed.
//! - Bidi controls (U+202A–U+202E, U+2066–U+2069, LRM U+200E, RLM U+200F,
//!   ALM U+061C), the deprecated format controls U+206A–U+206F, the
//!   interlinear annotation controls U+FFF9–U+FFFB and BOM U+FEFF are removed.
//! - ZWJ U+200D and ZWNJ U+200C (needed by Indic scripts and emoji) and ZWSP
//!   U+200B (a break opportunity) are kept, as is every other character.
//!
//! When nothing has to change the input is returned borrowed. Sanitizing is
//! idempotent.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

use unicode_width::UnicodeWidthChar;

const ESC: char = '\u{1B}';

/// Tab stops every this many columns.
pub const TAB_STOP: usize = 4;

/// Makes multi-line untrusted text inert (see the module documentation).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    run(s, false)
}

/// Like [`sanitize`], for single-line contexts (names, subjects, list rows,
/// status lines): every line end becomes one space.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    run(s, true)
}

/// Bidi formatting controls: embeddings, overrides, isolates and marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

fn is_removed_format(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{206A}'..='\u{206F}' | '\u{FFF9}'..='\u{FFFB}' | '\u{FEFF}'
        )
}

fn needs_work(c: char, line: bool) -> bool {
    match c {
        '\n' => line,
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}' => true,
        _ => is_removed_format(c),
    }
}

fn run(s: &str, line: bool) -> Cow<'_, str> {
    let Some(first) = s.find(|c| needs_work(c, line)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    let clean = &s[..first];
    out.push_str(clean);
    let since_nl = clean.rfind('\n').map_or(clean, |i| &clean[i + 1..]);
    let mut col: usize = since_nl.chars().map(|c| c.width().unwrap_or(0)).sum();
    let mut chars = s[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => while skip_escape(&mut chars) {},
            '\u{9B}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => {
                if skip_string(&mut chars) {
                    while skip_escape(&mut chars) {}
                }
            }
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if line {
                    out.push(' ');
                    col += 1;
                } else {
                    out.push('\n');
                    col = 0;
                }
            }
            '\t' => {
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            c if needs_work(c, line) => {}
            c => {
                out.push(c);
                col += c.width().unwrap_or(0);
            }
        }
    }
    Cow::Owned(out)
}

/// Skips what follows an ESC. Returns true when it consumed another ESC that
/// starts a new sequence (an ESC inside a control string), which the caller
/// then skips too — iteratively, so hostile input cannot recurse deeply.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) -> bool {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
            false
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars)
        }
        Some('\u{20}'..='\u{2F}') => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2F}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7E}').contains(c));
            false
        }
        Some('\u{30}'..='\u{7E}') => {
            chars.next();
            false
        }
        // A lone ESC (at the end, or before a control or non-ASCII char).
        _ => false,
    }
}

/// Skips CSI parameters, intermediates and the final byte.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3F}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7E}').contains(c));
}

/// Skips a control string (OSC, DCS, SOS, PM, APC) up to its terminator.
/// Returns true if it ended at an ESC that starts another sequence.
fn skip_string(chars: &mut Peekable<Chars<'_>>) -> bool {
    while let Some(c) = chars.next() {
        match c {
            '\u{07}' | '\u{9C}' | '\u{18}' | '\u{1A}' => return false,
            ESC => {
                if chars.next_if_eq(&'\\').is_some() {
                    return false;
                }
                return true;
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn san(s: &str) -> String {
        sanitize(s).into_owned()
    }

    #[test]
    fn clean_text_is_borrowed() {
        for s in [
            "hello",
            "ಗ್ರಾಹಕ ಸೇವೆ\nనమస్తే",
            "क्\u{200D}ष क्\u{200C}ष ಆರ್ಡರ್\u{200B}ಸಂಖ್ಯೆ",
            "👨‍👩‍👧 🇳🇵",
            "",
        ] {
            assert!(matches!(sanitize(s), Cow::Borrowed(_)), "{s:?}");
        }
        assert!(matches!(sanitize_line("a b"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("a\nb"), Cow::Owned(_)));
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(san("hi \u{1b}[2J\u{1b}[H gotcha"), "hi  gotcha");
        assert_eq!(san("\u{1b}[38;5;196mred\u{1b}[0m"), "red");
        assert_eq!(san("\u{1b}[?1049h"), "");
        assert_eq!(san("a\u{9b}2Jb"), "ab");
        // malformed: stops at the first non-CSI byte, which stays as text
        assert_eq!(san("\u{1b}[12ಕ"), "ಕ");
        assert_eq!(san("\u{1b}[2\u{7}J"), "J");
    }

    #[test]
    fn osc_and_strings_are_removed_whole() {
        assert_eq!(san("\u{1b}]0;pwned\u{7} hello"), " hello");
        assert_eq!(
            san("\u{1b}]52;c;cm0gLXJmIH4=\u{7} please check"),
            " please check"
        );
        assert_eq!(
            san("\u{1b}]8;;https://evil.example/\u{1b}\\click\u{1b}]8;;\u{1b}\\"),
            "click"
        );
        assert_eq!(san("\u{1b}Pq#0;2;0;0;0\u{1b}\\after"), "after");
        assert_eq!(san("\u{1b}_Gf=100;AAAA\u{1b}\\x"), "x");
        assert_eq!(san("\u{1b}^pm\u{1b}\\x\u{1b}Xsos\u{1b}\\y"), "xy");
        assert_eq!(san("a\u{9d}0;title\u{9c}b"), "ab");
        assert_eq!(san("a\u{90}dcs\u{1b}\\b"), "ab");
        // unterminated: the rest is swallowed
        assert_eq!(san("ok\u{1b}]0;never ends"), "ok");
        // an ESC inside a string starts the next sequence
        assert_eq!(san("\u{1b}]0;t\u{1b}[2Jvisible"), "visible");
        // CAN aborts
        assert_eq!(san("\u{1b}]0;t\u{18}visible"), "visible");
    }

    #[test]
    fn short_escapes() {
        assert_eq!(san("a\u{1b}cb"), "ab"); // RIS
        assert_eq!(san("a\u{1b}(Bb"), "ab"); // charset
        assert_eq!(san("a\u{1b}#8b"), "ab"); // DECALN
        assert_eq!(san("a\u{1b}\\b"), "ab"); // stray ST
        assert_eq!(san("a\u{1b}"), "a");
        assert_eq!(san("a\u{1b}\u{1b}[Kb"), "ab");
        assert_eq!(san("a\u{1b}ಕ"), "aಕ");
    }

    #[test]
    fn deeply_nested_strings_do_not_recurse() {
        let s = "\u{1b}]\u{1b}P".repeat(100_000) + "\u{7}end";
        assert_eq!(san(&s), "end");
    }

    #[test]
    fn controls_and_line_ends() {
        assert_eq!(san("abc\u{8}\u{8}\u{8}xyz\u{0}!"), "abcxyz!");
        assert_eq!(
            san("line one\r\nline\ttwo\rthree"),
            "line one\nline    two\nthree"
        );
        assert_eq!(san("a\u{7f}b\u{85}c\u{2028}d\u{2029}e"), "ab\nc\nd\ne");
        assert_eq!(san("bell\u{7}\u{c}\u{b}"), "bell");
        assert_eq!(san("\r\r\n"), "\n\n");
        assert_eq!(sanitize_line("a\r\nb\nc\rd"), "a b c d");
    }

    #[test]
    fn tabs_go_to_next_stop() {
        assert_eq!(san("\tx"), "    x");
        assert_eq!(san("ab\tx"), "ab  x");
        assert_eq!(san("abcd\tx"), "abcd    x");
        assert_eq!(san("a\nbc\tx"), "a\nbc  x");
        assert_eq!(san("👍\tx"), "👍  x");
    }

    #[test]
    fn bidi_controls_removed_joiners_kept() {
        assert_eq!(
            san("refund \u{202e}amount 0001\u{202c} INR"),
            "refund amount 0001 INR"
        );
        assert_eq!(san("\u{2066}a\u{2069}\u{200e}\u{200f}\u{61c}"), "a");
        assert_eq!(san("\u{feff}hi\u{206a}"), "hi");
        assert_eq!(san("क्\u{200D}ष\u{202e}"), "क्\u{200D}ष");
        assert_eq!(san("क्\u{200C}ष\u{200B}\u{7}"), "क्\u{200C}ष\u{200B}");
    }

    #[test]
    fn idempotent_on_examples() {
        for s in [
            "\u{1b}]8;;x\u{1b}\\a\tb\r\nc\u{9b}1m",
            "ab\tc\td",
            "x\u{1b}\u{1b}\u{1b}",
            "\u{1b}[1;2",
        ] {
            let once = san(s);
            assert!(matches!(sanitize(&once), Cow::Borrowed(_)), "{s:?}");
            let line = sanitize_line(s).into_owned();
            assert!(matches!(sanitize_line(&line), Cow::Borrowed(_)), "{s:?}");
        }
    }
}
