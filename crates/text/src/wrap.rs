//! Word wrapping on display clusters.
//!
//! Rules:
//! - `\n` ends a line (the input is expected to be sanitized: no `\r`, tabs
//!   expanded). An empty input is one empty line; a trailing `\n` gives a
//!   trailing empty line.
//! - Lines break after a run of spaces (U+0020), after ZWSP U+200B, after a
//!   single `/` (not inside `//`) and after `-` (unless it follows a space or
//!   precedes a digit or another `-`).
//! - The spaces at a break are dropped (not shown at the end of the line nor
//!   at the start of the next). Spaces at the end of a hard line are kept as
//!   far as they fit. Leading spaces of a hard line (indentation) are kept and
//!   stick to the first word.
//! - A word wider than the line is broken between display clusters, preferring
//!   a boundary that does not follow a virama or ZWJ.
//! - A display cluster is never split; a single cluster wider than the line
//!   (an emoji in a 1-cell pane) gets a line of its own rather than being
//!   dropped.
//! - Every line is a contiguous slice of the input, so [`wrap`] does not
//!   allocate strings and [`wrap_ranges`] gives byte ranges for cursors.
//! - `width == 0` behaves like "nothing fits": one visible cluster per line.

use std::ops::Range;

use super::cluster::{cluster_indices, ends_in_joiner};
use super::width::WidthProfile;

/// Wraps `s` into lines of at most `width` cells (see the module docs).
pub fn wrap<'a>(s: &'a str, width: usize, profile: &WidthProfile) -> Vec<&'a str> {
    wrap_ranges(s, width, profile)
        .into_iter()
        .map(|r| &s[r])
        .collect()
}

/// Like [`wrap`], but returns the byte range of each line in `s`.
pub fn wrap_ranges(s: &str, width: usize, profile: &WidthProfile) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut base = 0;
    for line in s.split('\n') {
        wrap_line(line, base, width, profile, &mut out);
        base += line.len() + 1;
    }
    out
}

/// What kind of cluster came last, for break opportunities.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Space,
    Zwsp,
    Hyphen { after_space: bool },
    Slash { double: bool },
    Other { joiner: bool },
}

/// Whether a line may break between a cluster of kind `prev` and `next`.
fn soft_break(prev: Prev, next: &str) -> bool {
    match prev {
        Prev::Zwsp => true,
        Prev::Slash { double } => !double && next != "/",
        Prev::Hyphen { after_space } => {
            !after_space && next != "-" && !next.starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    }
}

struct LineState {
    /// Start of the current visual line.
    line_start: usize,
    /// End of the words committed to the current line.
    committed_end: usize,
    committed_w: usize,
    has_words: bool,
    /// Width of the spaces between the committed words and the current word.
    spaces_w: usize,
    /// The word being accumulated: `word_start..` up to the current cluster.
    word_start: usize,
    word_w: usize,
    /// The last position inside the word where a forced break is allowed
    /// (not right after a virama or ZWJ), with the word's width before it.
    good_break: Option<(usize, usize)>,
}

impl LineState {
    fn commit_word(&mut self, end: usize) {
        if end > self.word_start {
            self.committed_w += self.spaces_w + self.word_w;
            self.committed_end = end;
            self.has_words = true;
            self.spaces_w = 0;
        }
        self.word_start = end;
        self.word_w = 0;
        self.good_break = None;
    }
}

fn wrap_line(
    line: &str,
    base: usize,
    width: usize,
    profile: &WidthProfile,
    out: &mut Vec<Range<usize>>,
) {
    // Fast path: every cluster is at most as wide as its byte length when no
    // overrides are set, so a short line fits as it is.
    if line.len() <= width && profile.overrides().is_empty() {
        out.push(base..base + line.len());
        return;
    }
    let mut st = LineState {
        line_start: base,
        committed_end: base,
        committed_w: 0,
        has_words: false,
        spaces_w: 0,
        word_start: base,
        word_w: 0,
        good_break: None,
    };
    let mut prev = Prev::Start;
    let mut indent = true;
    for (rel, g) in cluster_indices(line) {
        let i = base + rel;
        let cw = profile.cluster_width(g);
        if g == " " && !indent {
            st.commit_word(i);
            st.word_start = i + g.len();
            st.spaces_w += cw;
            prev = Prev::Space;
            continue;
        }
        indent &= g == " ";
        if soft_break(prev, g) {
            st.commit_word(i);
        }
        if st.has_words && st.committed_w + st.spaces_w + st.word_w + cw > width {
            // The word does not fit after the committed ones: new line, and
            // the spaces before the word are dropped.
            out.push(st.line_start..st.committed_end);
            st.line_start = st.word_start;
            st.committed_end = st.word_start;
            st.committed_w = 0;
            st.has_words = false;
            st.spaces_w = 0;
        }
        if i > st.word_start && !matches!(prev, Prev::Other { joiner: true }) {
            st.good_break = Some((i, st.word_w));
        }
        if !st.has_words {
            // The word is alone on its line: break it if it is too wide.
            while st.word_w > 0 && st.word_w + cw > width {
                let (bp, bw) = match st.good_break {
                    Some((p, w)) if p > st.word_start => (p, w),
                    _ => (i, st.word_w),
                };
                out.push(st.line_start..bp);
                st.line_start = bp;
                st.committed_end = bp;
                st.word_start = bp;
                st.word_w -= bw;
                st.good_break = None;
            }
        }
        st.word_w += cw;
        prev = match g {
            "-" => Prev::Hyphen {
                after_space: matches!(prev, Prev::Space | Prev::Start),
            },
            "/" => Prev::Slash {
                double: matches!(prev, Prev::Slash { .. }),
            },
            "\u{200B}" => Prev::Zwsp,
            _ => Prev::Other {
                joiner: ends_in_joiner(g),
            },
        };
    }
    let end = base + line.len();
    st.commit_word(end);
    // Trailing spaces of the hard line: keep those that fit.
    if st.spaces_w > 0 {
        let space_w = profile.cluster_width(" ");
        while st.committed_end < end && st.committed_w + space_w <= width {
            st.committed_end += 1;
            st.committed_w += space_w;
        }
    }
    out.push(st.line_start..st.committed_end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::width::default_profile;

    fn w(s: &str, width: usize) -> Vec<&str> {
        wrap(s, width, default_profile())
    }

    #[test]
    fn simple_words() {
        assert_eq!(w("hello world", 20), ["hello world"]);
        assert_eq!(w("hello world", 5), ["hello", "world"]);
        assert_eq!(w("hello world", 7), ["hello", "world"]);
        assert_eq!(w("hello  world  ", 11), ["hello", "world  "]);
        assert_eq!(w("a b c d", 3), ["a b", "c d"]);
        assert_eq!(w("", 10), [""]);
        assert_eq!(w("a\n\nb\n", 10), ["a", "", "b", ""]);
    }

    #[test]
    fn spaces_at_breaks_are_dropped_indent_kept() {
        assert_eq!(w("aaa   bbb", 4), ["aaa", "bbb"]);
        assert_eq!(w("  aaa bbb", 6), ["  aaa", "bbb"]);
        assert_eq!(w("aaa    ", 5), ["aaa  "]);
        assert_eq!(w("     ", 3), ["   ", "  "]);
    }

    #[test]
    fn long_words_break_at_clusters() {
        assert_eq!(w("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(w("xy abcdefgh", 4), ["xy", "abcd", "efgh"]);
        let url = "https://track.example.in/shipment/AWB1234567890?ref=xxxxxxxxxx";
        let lines = w(url, 20);
        assert_eq!(lines.concat(), url);
        assert!(lines.iter().all(|l| default_profile().str_width(l) <= 20));
        assert_eq!(lines[0], "https://track.exampl");
        assert_eq!(lines[1], "e.in/shipment/");
    }

    #[test]
    fn soft_breaks() {
        assert_eq!(w("ಆರ್ಡರ್\u{200B}ಸಂಖ್ಯೆ", 6), ["ಆರ್ಡರ್\u{200B}", "ಸಂಖ್ಯೆ"]);
        assert_eq!(w("well-known thing", 8), ["well-", "known", "thing"]);
        assert_eq!(w("pay -500 now", 5), ["pay", "-500", "now"]);
        assert_eq!(w("a/b/c/d", 4), ["a/b/", "c/d"]);
    }

    #[test]
    fn too_wide_cluster_gets_its_own_line() {
        assert_eq!(w("a👍🏽b", 1), ["a", "👍🏽", "b"]);
        assert_eq!(w("👨‍👩‍👧", 1), ["👨‍👩‍👧"]);
        assert_eq!(w("ab", 0), ["a", "b"]);
        assert_eq!(w("a b", 0), ["a", "b"]);
        assert_eq!(w("", 0), [""]);
    }

    #[test]
    fn indic_never_split_inside_cluster() {
        // ಕನ್ನಡ = ಕ | ನ್ನ | ಡ (widths 1, 2, 1)
        assert_eq!(w("ಕನ್ನಡ", 2), ["ಕ", "ನ್ನ", "ಡ"]);
        assert_eq!(w("ಕನ್ನಡ", 3), ["ಕನ್ನ", "ಡ"]);
        assert_eq!(w("ಸ್ತ್ರೀ", 1), ["ಸ್ತ್ರೀ"]);
        assert_eq!(w("ग्राहक सन्तुष्टि", 6), ["ग्राहक", "सन्तुष्टि"]);
        assert_eq!(w("क्\u{200C}षक्\u{200D}ष", 2), ["क्\u{200C}ष", "क्\u{200D}ष"]);
        assert_eq!(
            w("क्\u{200C}षक्\u{200D}ष", 1),
            ["क्\u{200C}", "ष", "क्\u{200D}ष"]
        );
        assert_eq!(w("కస్టమర్ సపోర్ట్", 7), ["కస్టమర్", "సపోర్ట్"]);
    }

    #[test]
    fn forced_break_avoids_position_after_virama() {
        // ಕ್ followed by a non-consonant is its own cluster ending in virama:
        // prefer not to break right after it.
        let lines = w("abಕ್ಅcd", 3);
        assert_eq!(lines, ["ab", "ಕ್ಅc", "d"]);
    }

    #[test]
    fn ranges_are_slices() {
        let s = "hello big world\nsecond";
        let r = wrap_ranges(s, 9, default_profile());
        assert_eq!(r, [0..9, 10..15, 16..22]);
    }
}
