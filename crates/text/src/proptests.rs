//! Property tests over mixed Kannada / Telugu / Devanagari / emoji / ASCII
//! text, and over hostile input for the sanitizer.

use proptest::prelude::*;
use proptest::sample::select;

use super::cluster::{
    cluster_indices, ends_in_joiner, is_cluster_boundary, next_cluster_boundary,
    prev_cluster_boundary,
};
use super::editor::TextBuffer;
use super::sanitize::{is_bidi_control, sanitize, sanitize_line};
use super::truncate::{ELLIPSIS, pad_to, truncate};
use super::width::WidthProfile;
use super::wrap::wrap_ranges;

const KN_CONS: &[char] = &['ಕ', 'ಗ', 'ತ', 'ನ', 'ರ', 'ಸ', 'ಹ', 'ಡ', 'ಯ', 'ಖ', 'ಷ', 'ಟ'];
const KN_SIGNS: &[char] = &[
    '\u{0CBE}', '\u{0CBF}', '\u{0CC0}', '\u{0CC1}', '\u{0CC2}', '\u{0CC6}', '\u{0CC7}', '\u{0CC8}',
    '\u{0CCA}', '\u{0CCB}', '\u{0CCC}', '\u{0C82}', '\u{0CD5}',
];
const TE_CONS: &[char] = &['క', 'స', 'ట', 'మ', 'ర', 'శ', 'ప', 'న', 'త'];
const TE_SIGNS: &[char] = &[
    '\u{0C3E}', '\u{0C3F}', '\u{0C40}', '\u{0C41}', '\u{0C42}', '\u{0C47}', '\u{0C4B}', '\u{0C02}',
];
const DE_CONS: &[char] = &['क', 'ग', 'र', 'ह', 'स', 'न', 'त', 'ष', 'ट', 'ध', 'व', 'द'];
const DE_SIGNS: &[char] = &[
    '\u{093E}', '\u{093F}', '\u{0940}', '\u{0941}', '\u{0947}', '\u{094B}', '\u{0902}', '\u{093C}',
];
const VIRAMAS: &[char] = &['\u{0CCD}', '\u{0C4D}', '\u{094D}'];
const ODD: &[&str] = &[
    "\u{200D}", "\u{200C}", "\u{200B}", "\u{0CCD}", "\u{094D}", "\u{0301}", "-", "/", "//", ".",
    "।", "ಅ", "१२", "೧೨",
];
const EMOJI: &[&str] = &["👍", "👍🏽", "👨‍👩‍👧", "🇳🇵", "🇮🇳", "🇳", "❤️", "1️⃣", "🙏", "中"];

/// One syllable: consonant, conjunct tail, optional vowel sign, sometimes a
/// final virama.
fn syllable(cons: &'static [char], signs: &'static [char], virama: char) -> BoxedStrategy<String> {
    (
        select(cons),
        prop::collection::vec(
            (select(&["", "\u{200D}", "\u{200C}"][..]), select(cons)),
            0..3,
        ),
        prop::option::of(select(signs)),
        prop::bool::weighted(0.15),
    )
        .prop_map(move |(c, tail, sign, final_virama)| {
            let mut s = String::new();
            s.push(c);
            for (joiner, c2) in tail {
                s.push(virama);
                s.push_str(joiner);
                s.push(c2);
            }
            if let Some(v) = sign {
                s.push(v);
            }
            if final_virama {
                s.push(virama);
            }
            s
        })
        .boxed()
}

fn atom() -> BoxedStrategy<String> {
    prop_oneof![
        4 => syllable(KN_CONS, KN_SIGNS, '\u{0CCD}'),
        3 => syllable(TE_CONS, TE_SIGNS, '\u{0C4D}'),
        3 => syllable(DE_CONS, DE_SIGNS, '\u{094D}'),
        3 => "[a-zA-Z0-9]{1,12}",
        4 => select(&[" ", " ", "  "][..]).prop_map(str::to_owned),
        1 => Just("\n".to_owned()),
        2 => select(EMOJI).prop_map(str::to_owned),
        2 => select(ODD).prop_map(str::to_owned),
        1 => prop::collection::vec(
            select(
                [KN_CONS, KN_SIGNS, TE_CONS, DE_CONS, DE_SIGNS, VIRAMAS]
                    .concat()
                    .into_iter()
                    .chain(['\u{200D}', '\u{200C}'])
                    .collect::<Vec<char>>()
            ),
            1..6
        )
        .prop_map(|v| v.into_iter().collect()),
    ]
    .boxed()
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..30).prop_map(|v| v.concat())
}

fn profile() -> impl Strategy<Value = WidthProfile> {
    prop_oneof![
        Just(WidthProfile::spacing_marks()),
        Just(WidthProfile::cluster_base())
    ]
}

/// Hostile input: text mixed with escape sequences, C0/C1 controls and bidi
/// controls.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => atom(),
        2 => select(&[
            "\u{1b}", "\u{1b}[", "\u{1b}]", "\u{1b}P", "\u{1b}\\", "\u{1b}[2J", "\u{1b}]0;x\u{7}",
            "\u{7}", "\u{0}", "\u{8}", "\r", "\r\n", "\t", "\u{7f}", "\u{85}", "\u{9b}", "\u{9c}",
            "\u{9d}", "\u{90}", "\u{202e}", "\u{2066}", "\u{200f}", "\u{61c}", "\u{feff}",
            "\u{2028}", "\u{18}", ";", "[", "]", "\\", "m", "0",
        ][..])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn assert_inert(out: &str, line: bool) -> Result<(), TestCaseError> {
    for c in out.chars() {
        let newline_ok = c == '\n' && !line;
        let bad = (c < ' ' && !newline_ok)
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || is_bidi_control(c)
            || c == '\u{feff}';
        prop_assert!(!bad, "char U+{:04X} survived in {:?}", c as u32, out);
    }
    Ok(())
}

/// Both sanitizers make `s` inert, and a second pass changes nothing.
fn inert_and_idempotent(s: &str) -> Result<(), TestCaseError> {
    let out = sanitize(s);
    assert_inert(&out, false)?;
    prop_assert!(matches!(sanitize(&out), std::borrow::Cow::Borrowed(_)));
    let line = sanitize_line(s);
    assert_inert(&line, true)?;
    prop_assert!(matches!(
        sanitize_line(&line),
        std::borrow::Cow::Borrowed(_)
    ));
    Ok(())
}

// 256 cases each by default; set PROPTEST_CASES for a longer run.
proptest! {
    #[test]
    fn sanitize_output_is_inert_and_idempotent(s in hostile()) {
        inert_and_idempotent(&s)?;
    }

    #[test]
    fn sanitize_leaves_clean_text_alone(s in text()) {
        prop_assert!(matches!(sanitize(&s), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn clusters_cover_the_text_and_agree_with_boundaries(s in text()) {
        let mut next = 0;
        for (i, g) in cluster_indices(&s) {
            prop_assert_eq!(i, next);
            prop_assert!(!g.is_empty());
            prop_assert!(is_cluster_boundary(&s, i));
            prop_assert_eq!(next_cluster_boundary(&s, i), i + g.len());
            prop_assert_eq!(prev_cluster_boundary(&s, i + g.len()), i);
            // not glued inside: no boundary strictly inside a cluster
            for (k, _) in g.char_indices().skip(1) {
                prop_assert!(!is_cluster_boundary(&s, i + k), "{:?} at {}", s, i + k);
            }
            next = i + g.len();
        }
        prop_assert_eq!(next, s.len());
    }

    #[test]
    fn widths_are_sums_of_clusters(s in text(), p in profile()) {
        let sum: usize = cluster_indices(&s).map(|(_, g)| p.cluster_width(g)).sum();
        prop_assert_eq!(p.str_width(&s), sum);
    }

    #[test]
    fn wrap_respects_width_and_loses_nothing(s in text(), width in 0usize..30, p in profile()) {
        let ranges = wrap_ranges(&s, width, &p);
        prop_assert!(!ranges.is_empty());
        prop_assert_eq!(ranges[0].start, 0);
        let mut prev_end = 0;
        for (k, r) in ranges.iter().enumerate() {
            prop_assert!(r.start <= r.end);
            prop_assert!(prev_end <= r.start || k == 0);
            let gap = &s[prev_end..r.start];
            prop_assert!(gap.chars().all(|c| c == ' ' || c == '\n'), "gap {:?}", gap);
            prop_assert!(gap.matches('\n').count() <= 1);
            let line = &s[r.clone()];
            prop_assert!(!line.contains('\n'));
            prop_assert!(is_cluster_boundary(&s, r.start) && is_cluster_boundary(&s, r.end));
            let w = p.str_width(line);
            if w > width {
                let visible: Vec<&str> = cluster_indices(line)
                    .map(|(_, g)| g)
                    .filter(|g| p.cluster_width(g) > 0)
                    .collect();
                prop_assert_eq!(visible.len(), 1, "line {:?} width {} > {}", line, w, width);
            }
            // a line followed by another in the same hard line does not end in
            // a space, unless it is all indentation
            let continues = ranges.get(k + 1).is_some_and(|n| !s[r.end..n.start].contains('\n'));
            if continues && line.ends_with(' ') {
                prop_assert!(line.chars().all(|c| c == ' '), "{:?}", line);
            }
            prev_end = r.end;
        }
        let tail = &s[prev_end..];
        prop_assert!(tail.chars().all(|c| c == ' '), "tail {:?}", tail);
        // one more visual line per hard line break
        let gaps_nl: usize = ranges
            .windows(2)
            .map(|w| s[w[0].end..w[1].start].matches('\n').count())
            .sum();
        prop_assert_eq!(gaps_nl, s.matches('\n').count());
    }

    #[test]
    fn truncate_fits_and_is_a_clean_prefix(s in text(), width in 0usize..30, p in profile()) {
        let t = truncate(&s, width, &p);
        prop_assert!(p.str_width(&t) <= width, "{:?} -> {:?}", s, t);
        if !s.contains('\n') && p.str_width(&s) <= width {
            prop_assert_eq!(t.as_ref(), s.as_str());
        } else if width == 0 {
            prop_assert_eq!(t.as_ref(), "");
        } else {
            let kept = t.strip_suffix(ELLIPSIS);
            prop_assert!(kept.is_some(), "{:?}", t);
            let kept = kept.unwrap_or_default();
            prop_assert!(s.starts_with(kept));
            prop_assert!(is_cluster_boundary(&s, kept.len()));
            prop_assert!(!ends_in_joiner(kept), "{:?}", kept);
            prop_assert!(!kept.ends_with(' '));
        }
        let padded = pad_to(&s, width, &p);
        prop_assert_eq!(p.str_width(&padded), width);
    }

    #[test]
    fn draw_stays_inside_its_width(s in text(), max in 0usize..40, p in profile()) {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let line = s.replace('\n', " ");
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        let end = super::draw::draw_str(&mut buf, 2, 0, &line, max, Default::default(), &p);
        let used = usize::from(end - 2);
        prop_assert!(used <= max.min(28));
        let w = p.str_width(&line);
        if w <= max.min(28) {
            prop_assert_eq!(used, w);
        }
    }

    #[test]
    fn editor_ops_keep_the_cursor_on_a_boundary(
        ops in prop::collection::vec(op(), 0..60),
        width in 0usize..24,
        p in profile(),
    ) {
        let mut b = TextBuffer::new();
        for o in ops {
            apply(&mut b, &o, width, &p);
            let (row, col) = b.cursor();
            prop_assert!(!b.lines().is_empty());
            prop_assert!(row < b.lines().len());
            let line = &b.lines()[row];
            prop_assert!(col <= line.len());
            prop_assert!(is_cluster_boundary(line, col), "{:?} at {} after {:?}", line, col, o);
            for l in b.lines() {
                assert_inert(l, true)?;
            }
            prop_assert_eq!(b.text(), b.lines().join("\n"));
            let rows = b.visual_lines(width, &p);
            let (vr, vc) = b.cursor_screen_pos(width, &p);
            prop_assert!(vr < rows.len(), "row {} of {}", vr, rows.len());
            if width > 0 {
                prop_assert!(vc < width);
            }
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Char(char),
    Paste(String),
    Newline,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    WordLeft,
    WordRight,
    Backspace,
    Delete,
    DeleteWordBack,
    SetCursor(usize, usize),
    Clear,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => atom().prop_flat_map(|a| {
            let chars: Vec<char> = a.chars().collect();
            select(chars).prop_map(Op::Char)
        }),
        2 => hostile().prop_map(Op::Paste),
        1 => Just(Op::Newline),
        2 => Just(Op::Left),
        2 => Just(Op::Right),
        1 => Just(Op::Up),
        1 => Just(Op::Down),
        1 => Just(Op::Home),
        1 => Just(Op::End),
        1 => Just(Op::WordLeft),
        1 => Just(Op::WordRight),
        3 => Just(Op::Backspace),
        2 => Just(Op::Delete),
        1 => Just(Op::DeleteWordBack),
        1 => (0usize..4, 0usize..60).prop_map(|(l, b)| Op::SetCursor(l, b)),
        1 => Just(Op::Clear),
    ]
}

fn apply(b: &mut TextBuffer, o: &Op, width: usize, p: &WidthProfile) {
    match o {
        Op::Char(c) => b.insert_char(*c),
        Op::Paste(s) => b.insert_str(s),
        Op::Newline => b.newline(),
        Op::Left => b.move_left(),
        Op::Right => b.move_right(),
        Op::Up => b.move_up(width, p),
        Op::Down => b.move_down(width, p),
        Op::Home => b.home(),
        Op::End => b.end(),
        Op::WordLeft => b.word_left(),
        Op::WordRight => b.word_right(),
        Op::Backspace => b.backspace(),
        Op::Delete => b.delete(),
        Op::DeleteWordBack => b.delete_word_back(),
        Op::SetCursor(l, c) => b.set_cursor(*l, *c),
        Op::Clear => b.clear(),
    }
}

#[test]
fn typed_text_round_trips_through_backspace() {
    // Typing then Backspacing everything always empties the buffer, one code
    // point or one cluster at a time.
    let samples = [
        "ಕನ್ನಡ ಗ್ರಾಹಕ ಸ್ತ್ರೀ",
        "శ్రీ క్స్ట కస్టమర్",
        "ग्राहक सन्तुष्टि क्\u{200D}ष क्\u{200C}ष",
        "👍🏽 👨‍👩‍👧 🇳🇵🇮🇳",
        "\u{0CCD}abc",
    ];
    for s in samples {
        let mut b = TextBuffer::new();
        b.insert_str(s);
        assert_eq!(b.text(), s);
        let mut n = 0;
        while !b.is_empty() {
            b.backspace();
            n += 1;
            assert!(n <= s.chars().count(), "{s:?}");
        }
    }
}

/// Server bytes as the console turns them into text: arbitrary bytes,
/// decoded lossily, then sanitized.
fn server_bytes() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        prop::collection::vec(
            select(
                &[
                    0x1bu8, b'[', b']', b'P', b'\\', 0x07, 0xc2, 0x9b, 0x9d, b'0', b';', b'\n',
                    b'\r', 0xe2, 0x80, 0xae
                ][..]
            ),
            0..400
        ),
    ]
    .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever bytes a server sends, the sanitized text is inert and a
    /// second pass changes nothing.
    #[test]
    fn sanitize_makes_any_bytes_inert(s in server_bytes()) {
        inert_and_idempotent(&s)?;
    }

    /// The text after an unterminated string or a runaway CSI: hidden (a
    /// string runs to the end, as in a terminal) or kept (a CSI ends at
    /// its first byte that is not part of one), never let through raw.
    #[test]
    fn long_sequences_end_cleanly(n in 0usize..5000, tail in text()) {
        let osc = format!("\u{1b}]0;{}{tail}", "x".repeat(n));
        prop_assert_eq!(sanitize(&osc).into_owned(), "");
        let csi = format!("\u{1b}[{}m{tail}", "1;".repeat(n));
        prop_assert_eq!(sanitize(&csi).into_owned(), sanitize(&tail).into_owned());
    }
}

/// A megabyte of escape sequences and controls goes through in one pass
/// (the sanitizer is linear: this finishing is the check).
#[test]
fn a_megabyte_of_escapes_is_sanitized() {
    let piece = "\u{1b}[31mಕ\u{1b}]8;;http://x\u{7}\u{202e}\r\n\u{9b}2J";
    let s = piece.repeat(1 << 20 >> 5);
    let out = sanitize(&s);
    assert_eq!(out.matches('ಕ').count(), (1 << 20) >> 5);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'));
}
