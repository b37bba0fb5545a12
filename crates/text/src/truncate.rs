//! Fitting one line of text into a fixed number of cells.
//!
//! [`truncate`] keeps the longest prefix (on a display-cluster boundary) that
//! fits together with a trailing `…` (one cell). Before the ellipsis it drops
//! trailing spaces and any cluster ending in a virama or ZWJ, so a conjunct in
//! progress never dangles before the `…`. The text is meant to be one line:
//! a `\n` counts as a cut (what follows is replaced by the ellipsis).
//! [`pad_to`] then pads with spaces to exactly the width, for table columns.

use std::borrow::Cow;

use super::cluster::{cluster_indices, ends_in_joiner, prev_cluster_boundary};
use super::width::WidthProfile;

/// The ellipsis appended when text is cut. One cell wide.
pub const ELLIPSIS: char = '…';

/// Fits `s` into `width` cells, ending with `…` when something was cut.
/// Returns `s` borrowed when it fits. With `width == 0` a cut gives "".
pub fn truncate<'a>(s: &'a str, width: usize, profile: &WidthProfile) -> Cow<'a, str> {
    let (line, cut_at_newline) = match s.find('\n') {
        Some(i) => (&s[..i], true),
        None => (s, false),
    };
    if !cut_at_newline && s.len() <= width && profile.overrides().is_empty() {
        return Cow::Borrowed(s);
    }
    let budget = width.saturating_sub(1);
    let mut keep_end = 0;
    let mut keep_full = false;
    let mut total = 0;
    let mut overflow = false;
    for (i, g) in cluster_indices(line) {
        let cw = profile.cluster_width(g);
        total += cw;
        if !keep_full && total <= budget {
            keep_end = i + g.len();
        } else {
            keep_full = true;
        }
        if total > width {
            overflow = true;
            break;
        }
    }
    if !overflow && !cut_at_newline {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    if !overflow && total < width {
        // Cut only at a newline and the whole first line fits with the `…`.
        keep_end = line.len();
    }
    loop {
        let kept = &line[..keep_end];
        if kept.ends_with(' ') {
            keep_end -= 1;
        } else if ends_in_joiner(kept) {
            keep_end = prev_cluster_boundary(line, keep_end);
        } else {
            break;
        }
    }
    let mut out = String::with_capacity(keep_end + ELLIPSIS.len_utf8());
    out.push_str(&line[..keep_end]);
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// [`truncate`]s `s` to `width` cells, then pads it with spaces to exactly
/// `width` cells (a too-wide cluster cut off can leave one cell to pad).
pub fn pad_to<'a>(s: &'a str, width: usize, profile: &WidthProfile) -> Cow<'a, str> {
    let t = truncate(s, width, profile);
    let w = profile.str_width(&t);
    if w >= width {
        return t;
    }
    let mut out = t.into_owned();
    out.extend(std::iter::repeat_n(' ', width - w));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::width::default_profile;

    fn t(s: &str, w: usize) -> String {
        truncate(s, w, default_profile()).into_owned()
    }

    #[test]
    fn fits_is_borrowed() {
        assert!(matches!(
            truncate("hello", 5, default_profile()),
            Cow::Borrowed("hello")
        ));
        assert!(matches!(
            truncate("ಕನ್ನಡ", 4, default_profile()),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            truncate("", 0, default_profile()),
            Cow::Borrowed("")
        ));
    }

    #[test]
    fn ascii_cut() {
        assert_eq!(t("hello world", 8), "hello w…");
        assert_eq!(t("hello world", 7), "hello…");
        assert_eq!(t("hello world", 6), "hello…");
        assert_eq!(t("hello", 4), "hel…");
        assert_eq!(t("hello", 1), "…");
        assert_eq!(t("hello", 0), "");
    }

    #[test]
    fn never_splits_or_dangles() {
        // ಕ | ನ್ನ | ಡ : widths 1 2 1
        assert_eq!(t("ಕನ್ನಡ", 3), "ಕ…");
        assert_eq!(t("ಕನ್ನಡ ಗ್ರಾಹಕ", 5), "ಕನ್ನಡ…");
        assert_eq!(t("ಸ್ತ್ರೀ ಕ", 3), "…");
        // word-final virama is dropped before the ellipsis
        assert_eq!(t("కస్టమర్ సపోర్ట్", 7), "కస్టమ…");
        assert_eq!(t("ಕ್ಅಬಬಬ", 3), "ಕ್ಅ…");
        assert_eq!(t("ಕ್ ಅಬಬಬ", 3), "…");
        assert_eq!(t("क्\u{200D}ष क्\u{200D}ष", 4), "क्\u{200D}ष…");
        assert_eq!(t("a👍🏽b", 3), "a…");
        assert_eq!(t("🇳🇵🇮🇳", 3), "🇳🇵…");
    }

    #[test]
    fn newline_is_a_cut() {
        assert_eq!(t("first\nsecond", 20), "first…");
        assert_eq!(t("first\nsecond", 5), "firs…");
        assert_eq!(t("\nsecond", 5), "…");
    }

    #[test]
    fn pad() {
        let p = default_profile();
        assert_eq!(pad_to("ab", 4, p), "ab  ");
        assert_eq!(pad_to("abcdef", 4, p), "abc…");
        assert_eq!(pad_to("👍👍", 3, p), "👍…");
        assert_eq!(pad_to("a👍b", 3, p), "a… ");
        assert_eq!(p.str_width(&pad_to("ಕನ್ನಡ", 3, p)), 3);
        assert_eq!(pad_to("abcd", 4, p), "abcd");
        assert_eq!(pad_to("", 0, p), "");
    }
}
