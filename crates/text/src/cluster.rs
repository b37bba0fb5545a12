//! Display clusters: the unit that width, wrapping, truncation and the cursor
//! work on.
//!
//! A display cluster is an extended grapheme cluster (UAX #29, as implemented
//! by `unicode-segmentation`), glued to the following one when the first ends
//! in a virama (optionally followed by ZWJ) or in a ZWJ, and the next one
//! starts with a consonant of the same script. Unicode's rule GB9c already
//! keeps Devanagari and Telugu conjuncts together, but not Kannada (U+0CCD is
//! not an `InCB=Linker`), so `ಕನ್ನಡ` segments as `ಕ | ನ್ | ನ | ಡ`; as display
//! clusters it is `ಕ | ನ್ನ | ಡ`. The glue rule is applied to Kannada, Telugu and
//! Devanagari alike, so the result does not depend on the Unicode version of
//! the segmentation tables.
//!
//! ZWNJ after a virama asks for an explicit (visible) virama: `क्‌ष` is two
//! display clusters, `क्‌ | ष`, and a line may break between them.

use unicode_segmentation::{GraphemeCursor, GraphemeIndices, UnicodeSegmentation};

/// ZERO WIDTH JOINER.
pub const ZWJ: char = '\u{200D}';
/// ZERO WIDTH NON-JOINER.
pub const ZWNJ: char = '\u{200C}';
/// ZERO WIDTH SPACE: an invisible line-break opportunity.
pub const ZWSP: char = '\u{200B}';

/// The Indic scripts whose conjuncts are glued into one display cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Devanagari,
    Telugu,
    Kannada,
}

fn script_of(c: char) -> Option<Script> {
    match c {
        '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => Some(Script::Devanagari),
        '\u{0C00}'..='\u{0C7F}' => Some(Script::Telugu),
        '\u{0C80}'..='\u{0CFF}' => Some(Script::Kannada),
        _ => None,
    }
}

/// The script of `c` if it is a consonant that can follow a virama in a
/// conjunct (Devanagari, Telugu or Kannada).
fn consonant_script(c: char) -> Option<Script> {
    match c {
        '\u{0915}'..='\u{0939}' | '\u{0958}'..='\u{095F}' | '\u{0978}'..='\u{097F}' => {
            Some(Script::Devanagari)
        }
        '\u{0C15}'..='\u{0C39}' | '\u{0C58}'..='\u{0C5A}' => Some(Script::Telugu),
        '\u{0C95}'..='\u{0CB9}' | '\u{0CDE}' => Some(Script::Kannada),
        _ => None,
    }
}

fn virama_script(c: char) -> Option<Script> {
    match c {
        '\u{094D}' => Some(Script::Devanagari),
        '\u{0C4D}' => Some(Script::Telugu),
        '\u{0CCD}' => Some(Script::Kannada),
        _ => None,
    }
}

/// Whether `c` is the virama (halant) of Devanagari, Telugu or Kannada.
pub fn is_virama(c: char) -> bool {
    virama_script(c).is_some()
}

/// Whether `s` ends in a virama or a ZWJ: text that asks to be joined to
/// what follows. A line break or an ellipsis must not come right after it.
pub fn ends_in_joiner(s: &str) -> bool {
    s.chars()
        .next_back()
        .is_some_and(|c| c == ZWJ || is_virama(c))
}

/// Whether `c` belongs to a Brahmic (Indic) script block: Devanagari through
/// Sinhala, Devanagari Extended and Vedic Extensions. Used by the editor's
/// Backspace rule.
pub fn is_indic(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0DFF}' | '\u{A8E0}'..='\u{A8FF}' | '\u{1CD0}'..='\u{1CFF}')
}

/// Whether the extended grapheme clusters meeting at byte `p` of `s` are
/// glued into one display cluster. `p` must be a grapheme boundary strictly
/// inside `s`.
fn glues_at(s: &str, p: usize) -> bool {
    let (Some(before), Some(after)) = (s.get(..p), s.get(p..)) else {
        return false;
    };
    let Some(script) = after.chars().next().and_then(consonant_script) else {
        return false;
    };
    let mut rev = before.chars().rev();
    let Some(last) = rev.next() else {
        return false;
    };
    if last == ZWJ {
        // virama + ZWJ (explicit half form) or consonant + ZWJ.
        return rev
            .next()
            .is_some_and(|prev| script_of(prev) == Some(script));
    }
    if virama_script(last) != Some(script) {
        return false;
    }
    // A virama that does not follow a letter of its script (or a ZWJ, as in
    // the eyelash RA `र‍्`) is an orphan: do not glue it to anything.
    match rev.next() {
        Some(prev) => prev == ZWJ || (script_of(prev) == Some(script) && !is_virama(prev)),
        None => false,
    }
}

/// Largest char boundary `<= i` (clamped to `s.len()`).
pub(crate) fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn egc_is_boundary(s: &str, i: usize) -> bool {
    GraphemeCursor::new(i, s.len(), true)
        .is_boundary(s, 0)
        .unwrap_or(true)
}

fn egc_next(s: &str, i: usize) -> usize {
    match GraphemeCursor::new(i, s.len(), true).next_boundary(s, 0) {
        Ok(Some(n)) => n,
        Ok(None) => s.len(),
        Err(_) => s[i..].chars().next().map_or(s.len(), |c| i + c.len_utf8()),
    }
}

fn egc_prev(s: &str, i: usize) -> usize {
    match GraphemeCursor::new(i, s.len(), true).prev_boundary(s, 0) {
        Ok(Some(p)) => p,
        Ok(None) => 0,
        Err(_) => s[..i].chars().next_back().map_or(0, |c| i - c.len_utf8()),
    }
}

/// Whether byte offset `i` of `s` is a display-cluster boundary. `0` and
/// `s.len()` always are; offsets past the end or inside a char are not.
pub fn is_cluster_boundary(s: &str, i: usize) -> bool {
    if i == 0 || i == s.len() {
        return true;
    }
    i < s.len() && s.is_char_boundary(i) && egc_is_boundary(s, i) && !glues_at(s, i)
}

/// The first display-cluster boundary after `i` (`s.len()` at the end).
pub fn next_cluster_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut n = egc_next(s, floor_char(s, i));
    while n < s.len() && glues_at(s, n) {
        n = egc_next(s, n);
    }
    n
}

/// The last display-cluster boundary before `i` (`0` at the start).
pub fn prev_cluster_boundary(s: &str, i: usize) -> usize {
    let i = i.min(s.len());
    if i == 0 {
        return 0;
    }
    let start = floor_char(s, i);
    if start < i && is_cluster_boundary(s, start) {
        // `i` was inside a char that starts a cluster.
        return start;
    }
    let mut p = egc_prev(s, start);
    while p > 0 && glues_at(s, p) {
        p = egc_prev(s, p);
    }
    p
}

/// The nearest display-cluster boundary at or after `i`.
pub fn snap_forward(s: &str, i: usize) -> usize {
    if is_cluster_boundary(s, i) {
        i
    } else {
        next_cluster_boundary(s, i)
    }
}

/// The nearest display-cluster boundary at or before `i`.
pub fn snap_backward(s: &str, i: usize) -> usize {
    if is_cluster_boundary(s, i) {
        i
    } else {
        prev_cluster_boundary(s, i)
    }
}

/// Display clusters of `s` with their byte offsets.
pub fn cluster_indices(s: &str) -> ClusterIndices<'_> {
    ClusterIndices {
        s,
        inner: s.grapheme_indices(true),
        peeked: None,
    }
}

/// Display clusters of `s` (see the module documentation).
pub fn clusters(s: &str) -> Clusters<'_> {
    Clusters(cluster_indices(s))
}

/// Iterator over `(byte offset, display cluster)`; see [`cluster_indices`].
#[derive(Clone, Debug)]
pub struct ClusterIndices<'a> {
    s: &'a str,
    inner: GraphemeIndices<'a>,
    peeked: Option<(usize, &'a str)>,
}

impl<'a> Iterator for ClusterIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (start, first) = match self.peeked.take() {
            Some(p) => p,
            None => self.inner.next()?,
        };
        let mut end = start + first.len();
        while ends_in_joiner(&self.s[start..end]) {
            match self.inner.next() {
                Some((i, g)) if glues_at(self.s, i) => end = i + g.len(),
                Some(other) => {
                    self.peeked = Some(other);
                    break;
                }
                None => break,
            }
        }
        Some((start, &self.s[start..end]))
    }
}

/// Iterator over display clusters; see [`clusters`].
#[derive(Clone, Debug)]
pub struct Clusters<'a>(ClusterIndices<'a>);

impl<'a> Iterator for Clusters<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.0.next().map(|(_, g)| g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cl(s: &str) -> Vec<&str> {
        clusters(s).collect()
    }

    #[test]
    fn kannada_conjuncts_are_one_cluster() {
        assert_eq!(cl("ಕನ್ನಡ"), ["ಕ", "ನ್ನ", "ಡ"]);
        assert_eq!(cl("ಗ್ರಾಹಕ"), ["ಗ್ರಾ", "ಹ", "ಕ"]);
        assert_eq!(cl("ಸ್ತ್ರೀ"), ["ಸ್ತ್ರೀ"]);
        assert_eq!(cl("ದಯವಿಟ್ಟು"), ["ದ", "ಯ", "ವಿ", "ಟ್ಟು"]);
        assert_eq!(cl("ಕ್\u{200D}ಷ"), ["ಕ್\u{200D}ಷ"]);
    }

    #[test]
    fn telugu_and_devanagari_conjuncts() {
        assert_eq!(cl("శ్రీ"), ["శ్రీ"]);
        assert_eq!(cl("క్స్ట"), ["క్స్ట"]);
        assert_eq!(cl("కస్టమర్ సపోర్ట్"), ["క", "స్ట", "మ", "ర్", " ", "స", "పో", "ర్ట్"]);
        assert_eq!(cl("ग्राहक"), ["ग्रा", "ह", "क"]);
        assert_eq!(cl("सन्तुष्टि"), ["स", "न्तु", "ष्टि"]);
    }

    #[test]
    fn zwj_joins_zwnj_breaks() {
        assert_eq!(cl("क्\u{200D}ष"), ["क्\u{200D}ष"]);
        assert_eq!(cl("क्\u{200C}ष"), ["क्\u{200C}", "ष"]);
    }

    #[test]
    fn virama_does_not_glue_across_scripts_or_non_consonants() {
        assert_eq!(cl("ಕ್ক"), ["ಕ್", "ক"]);
        assert_eq!(cl("ಕ್त"), ["ಕ್", "त"]);
        assert_eq!(cl("ಕ್a"), ["ಕ್", "a"]);
        assert_eq!(cl("ಕ್ಅ"), ["ಕ್", "ಅ"]);
        // orphan virama at the start stays alone
        assert_eq!(cl("\u{0CCD}ಕ"), ["\u{0CCD}", "ಕ"]);
        assert_eq!(cl("\u{0CCD}abc"), ["\u{0CCD}", "a", "b", "c"]);
    }

    #[test]
    fn emoji_sequences_are_one_cluster() {
        assert_eq!(cl("👍🏽"), ["👍🏽"]);
        assert_eq!(cl("👨‍👩‍👧"), ["👨‍👩‍👧"]);
        assert_eq!(cl("🇳🇵🇮🇳"), ["🇳🇵", "🇮🇳"]);
        assert_eq!(cl("a\r\nb"), ["a", "\r\n", "b"]);
    }

    #[test]
    fn boundaries_agree_with_iterator() {
        let samples = [
            "ಕನ್ನಡ ಗ್ರಾಹಕ ಸ್ತ್ರೀ",
            "శ్రీ క్స్ట",
            "ग्राहक सन्तुष्टि क्\u{200D}ष क्\u{200C}ष",
            "👍🏽 👨‍👩‍👧 🇳🇵🇮🇳",
            "\u{0CCD}abc",
            "",
        ];
        for s in samples {
            let starts: Vec<usize> = cluster_indices(s).map(|(i, _)| i).collect();
            for i in 0..=s.len() {
                let expected = i == s.len() || starts.contains(&i);
                assert_eq!(is_cluster_boundary(s, i), expected, "{s:?} at {i}");
            }
            // walking forward and backward visits the same boundaries
            let mut fwd = vec![0];
            let mut i = 0;
            while i < s.len() {
                i = next_cluster_boundary(s, i);
                fwd.push(i);
            }
            let mut back = vec![s.len()];
            let mut i = s.len();
            while i > 0 {
                i = prev_cluster_boundary(s, i);
                back.push(i);
            }
            back.reverse();
            if s.is_empty() {
                assert_eq!(fwd, [0]);
            } else {
                assert_eq!(fwd, back, "{s:?}");
                let mut all = starts.clone();
                all.push(s.len());
                assert_eq!(fwd, all, "{s:?}");
            }
        }
    }

    #[test]
    fn snapping_inside_a_conjunct() {
        let s = "ಕನ್ನಡ";
        // inside ನ್ನ (starts at 3, ends at 12)
        assert_eq!(snap_forward(s, 9), 12);
        assert_eq!(snap_backward(s, 9), 3);
        assert_eq!(snap_backward(s, 10), 3); // inside a char
        assert_eq!(next_cluster_boundary(s, 10), 12);
        assert_eq!(prev_cluster_boundary(s, 100), 12);
    }

    #[test]
    fn joiner_predicates() {
        assert!(ends_in_joiner("ಕ್"));
        assert!(ends_in_joiner("क्\u{200D}"));
        assert!(!ends_in_joiner("क्\u{200C}"));
        assert!(!ends_in_joiner(""));
        assert!(is_indic('ಕ') && is_indic('\u{0C4D}') && !is_indic('a'));
    }
}
