//! Property tests: any keys, Backspaces, cursor moves and flushes, from an
//! empty buffer or from tricky text, never panic and never leave a broken
//! cluster.

use proptest::prelude::*;
use proptest::sample::select;

use super::{Script, Transliterator, transliterate};
use crate::cluster::{clusters, is_cluster_boundary, is_virama};
use crate::editor::TextBuffer;

#[derive(Clone, Debug)]
enum Op {
    Key(char),
    Backspace,
    Left,
    Right,
    Flush,
}

/// Keys weighted towards letters, with everything that ends a syllable.
const KEYS: &[char] = &[
    'a', 'a', 'A', 'i', 'I', 'u', 'U', 'e', 'E', 'o', 'O', 'R', 'k', 'h', 'g', 'c', 'j', 'T', 'D',
    'N', 't', 'd', 'n', 'n', 'p', 'b', 'm', 'm', 'y', 'r', 's', 'S', 'l', 'L', 'v', 'x', 'G', 'Y',
    'J', 'M', 'H', '~', '_', ' ', '.', '1', '|', '`', '\n', 'ಕ', 'ा', 'B', 'q', 'z',
];

/// Text an agent may already have in the field (from the shared tricky
/// strings: conjuncts, ZWJ/ZWNJ, an orphan virama, emoji, controls, bidi).
const TRICKY: &[&str] = &[
    "",
    "ಗ್ರಾಹಕ ಸೇವೆ",
    "ಸ್ತ್ರೀ",
    "కస్టమర్ సపోర్ట్",
    "ग्राहक सन्तुष्टि",
    "क्\u{200D}ष क्\u{200C}ष",
    "೧೨೩ ౧౨౩ १२३",
    "👍🏽 👨‍👩‍👧 🇳🇵🇮🇳",
    "Order #1042 ದಯವಿಟ್ಟು refund ಮಾಡಿ 🙏 धन्यवाद",
    "\u{0CCD}abc",
    "ಆರ್ಡರ್\u{200B}ಸಂಖ್ಯೆ",
    "line one\r\nline\ttwo\rthree",
    "hi \x1b[2J\x1b[H gotcha",
    "refund \u{202E}amount 0001\u{202C} INR",
    "abc\x08\x08\x08xyz\x00!",
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => select(KEYS).prop_map(Op::Key),
        2 => Just(Op::Backspace),
        1 => Just(Op::Left),
        1 => Just(Op::Right),
        1 => Just(Op::Flush),
    ]
}

fn script() -> impl Strategy<Value = Script> {
    select(&Script::ALL[..])
}

/// Consonant letters of the three scripts (what a virama may follow).
fn is_consonant(c: char) -> bool {
    matches!(c,
        '\u{0915}'..='\u{0939}' | '\u{0958}'..='\u{095F}'
        | '\u{0C15}'..='\u{0C39}' | '\u{0C58}'..='\u{0C5A}'
        | '\u{0C95}'..='\u{0CB9}' | '\u{0CDE}')
}

/// Combining marks of the three scripts (what may not start a cluster).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{093C}' | '\u{093E}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}' | '\u{0962}'..='\u{0963}'
        | '\u{0C00}'..='\u{0C04}' | '\u{0C3C}' | '\u{0C3E}'..='\u{0C56}' | '\u{0C62}'..='\u{0C63}'
        | '\u{0C81}'..='\u{0C83}' | '\u{0CBC}' | '\u{0CBE}'..='\u{0CD6}' | '\u{0CE2}'..='\u{0CE3}')
}

fn run(buf: &mut TextBuffer, t: &mut Transliterator, op: &Op) {
    match *op {
        Op::Key(c) => t.type_char(buf, c),
        Op::Backspace => t.backspace_in(buf),
        Op::Left => {
            t.flush_into(buf);
            buf.move_left();
        }
        Op::Right => {
            t.flush_into(buf);
            buf.move_right();
        }
        Op::Flush => t.flush_into(buf),
    }
}

fn cursor_on_boundary(buf: &TextBuffer) -> bool {
    let (row, col) = buf.cursor();
    is_cluster_boundary(&buf.lines()[row], col)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// From an empty field, whatever is typed (no pasted marks): the cursor
    /// is on a boundary, every virama follows a consonant, no cluster starts
    /// with a mark, and no virama dangles before the pending syllable.
    #[test]
    fn typing_never_breaks_a_cluster(script in script(), ops in prop::collection::vec(op(), 0..80)) {
        let ops: Vec<Op> = ops.into_iter().filter(|o| !matches!(o, Op::Key('ा'))).collect();
        let mut buf = TextBuffer::new();
        let mut t = Transliterator::new(script);
        for op in &ops {
            run(&mut buf, &mut t, op);
            prop_assert!(cursor_on_boundary(&buf), "{buf:?}");
            let text = buf.text();
            let chars: Vec<char> = text.chars().collect();
            for (k, &c) in chars.iter().enumerate() {
                if is_virama(c) {
                    prop_assert!(k > 0 && is_consonant(chars[k - 1]), "{text:?}");
                }
            }
            for g in clusters(&text) {
                prop_assert!(!g.starts_with(is_mark), "{g:?} in {text:?}");
            }
            // (A literal Latin run may follow a word-final virama.)
            if t.is_composing() && !t.pending().starts_with('`') {
                prop_assert!(!buf.before_cursor().ends_with(is_virama), "{buf:?} {:?}", t.pending());
            }
            let p = t.preview(&buf);
            prop_assert_eq!(&p.buffer.lines()[p.line][p.pending.clone()], t.pending());
        }
    }

    /// In the middle of tricky text, with every key: no panic, the cursor
    /// stays on a boundary, nothing from outside is let through raw.
    #[test]
    fn tricky_text_survives(
        script in script(),
        start in select(TRICKY),
        at in any::<prop::sample::Index>(),
        ops in prop::collection::vec(op(), 0..60),
    ) {
        let mut buf = TextBuffer::from_text(start);
        let line = buf.lines().len() - 1;
        let len = buf.lines()[line].len();
        buf.set_cursor(line, at.index(len + 1));
        let mut t = Transliterator::new(script);
        for op in &ops {
            run(&mut buf, &mut t, op);
            prop_assert!(cursor_on_boundary(&buf), "{buf:?}");
        }
        t.flush_into(&mut buf);
        let text = buf.text();
        prop_assert!(!text.contains(['\x1b', '\x00', '\x08', '\r', '\u{202E}']), "{text:?}");
    }

    /// Without Backspace the committed text only grows, and it ends up what
    /// the whole-string function gives.
    #[test]
    fn commits_only_append(script in script(), keys in prop::collection::vec(select(KEYS), 0..60)) {
        let mut t = Transliterator::new(script);
        let mut text = String::new();
        for &c in &keys {
            let e = t.push(c);
            prop_assert!(e.delete.is_empty());
            text.push_str(&e.insert);
        }
        text.push_str(&t.flush().insert);
        let latin: String = keys.iter().collect();
        prop_assert_eq!(text, transliterate(script, &latin));
    }

    /// Backspace, pressed often enough, takes everything typed away again.
    #[test]
    fn backspace_undoes_everything(script in script(), keys in prop::collection::vec(select(KEYS), 0..40)) {
        let mut buf = TextBuffer::new();
        let mut t = Transliterator::new(script);
        for &c in &keys {
            t.type_char(&mut buf, c);
        }
        for _ in 0..keys.len() * 4 + 1 {
            t.backspace_in(&mut buf);
            prop_assert!(cursor_on_boundary(&buf), "{buf:?}");
        }
        prop_assert!(buf.is_empty(), "{buf:?}");
        prop_assert_eq!(t.pending(), "");
    }
}

#[test]
fn tricky_text_typed_as_keys() {
    // Every tricky string typed key by key through the engine.
    for script in Script::ALL {
        for s in TRICKY {
            let mut buf = TextBuffer::new();
            let mut t = Transliterator::new(script);
            t.type_str(&mut buf, s);
            t.flush_into(&mut buf);
            assert!(cursor_on_boundary(&buf), "{s:?}");
            let text = buf.text();
            assert!(
                !text.contains(['\x1b', '\x00', '\x08', '\u{202E}']),
                "{text:?}"
            );
            // Text in Indic scripts and emoji comes through unchanged.
            for word in s.split(' ').filter(|w| w.chars().all(|c| !c.is_ascii())) {
                assert!(text.contains(word), "{word:?} lost in {text:?}");
            }
        }
    }
}
