//! Drawing text into a ratatui [`Buffer`] at the widths of a [`WidthProfile`].
//!
//! ratatui measures cells with `unicode-width` alone, which under-counts
//! Kannada vowel signs on most terminals (and over-counts conjuncts on
//! kitty-like ones); everything after such a cluster would be drawn one cell
//! off. [`draw_str`] puts each display cluster in one cell and, when the
//! profile's width differs from ratatui's, marks the cell with
//! [`CellDiffOption::ForcedWidth`] so ratatui skips the covered cells and
//! repositions the terminal cursor after the cluster.
//!
//! Invisible clusters (ZWSP, a lone ZWJ, ...) are not drawn, nor is anything
//! containing a control character (text should be sanitized already; this is
//! a second line of defence). An orphan non-spacing mark (a virama at the
//! start of a message) is drawn on a dotted circle U+25CC, as fonts do.
//!
//! With a [romanized](WidthProfile::romanized) profile, a Kannada, Telugu or
//! Devanagari cluster is drawn as its ISO 15919 Latin letters, one grapheme
//! cluster per cell, in the cells its romanized width takes.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_width::UnicodeWidthChar;

use unicode_segmentation::UnicodeSegmentation;

use super::cluster::clusters;
use super::romanize::romanize_cluster;
use super::width::WidthProfile;

/// The base an orphan combining mark is drawn on.
pub const DOTTED_CIRCLE: char = '\u{25CC}';

/// Draws `s` from (`x`, `y`) in at most `max_width` cells (and within the
/// buffer's area), cluster by cluster; stops before a cluster that does not
/// fit. Returns the x after the last cell drawn.
pub fn draw_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    s: &str,
    max_width: usize,
    style: Style,
    profile: &WidthProfile,
) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    let limit = usize::from(area.right() - x).min(max_width);
    let mut used = 0usize;
    let mut symbol = String::new();
    for g in clusters(s) {
        let w = profile.cluster_width(g);
        if w == 0 || g.contains(char::is_control) {
            continue;
        }
        if used + w > limit {
            break;
        }
        let Ok(w16) = u16::try_from(w) else {
            break;
        };
        let cx = x + used as u16;
        if profile.romanized()
            && let Some(latin) = romanize_cluster(g)
        {
            draw_latin(buf, cx, y, &latin, w16, style, profile);
            used += w;
            continue;
        }
        let orphan = w == 1
            && g.chars().next().is_some_and(|c| c.width() == Some(0))
            && profile.raw_width(g) == 0;
        let sym: &str = if orphan {
            symbol.clear();
            symbol.push(DOTTED_CIRCLE);
            symbol.push_str(g);
            &symbol
        } else {
            g
        };
        let natural = sym.cell_width();
        let Some(cell) = buf.cell_mut((cx, y)) else {
            break;
        };
        cell.set_symbol(sym).set_style(style);
        let option = match NonZeroU16::new(w16) {
            Some(forced) if natural != w16 => CellDiffOption::ForcedWidth(forced),
            _ => CellDiffOption::None,
        };
        cell.set_diff_option(option);
        // Cells covered by the cluster hold an empty symbol, not a blank:
        // terminals such as tmux keep the second half of a conjunct in its
        // own cell, so when the cluster goes away those cells must differ
        // from a blank to be redrawn (ratatui's diff skips equal cells).
        for k in 1..w16 {
            if let Some(covered) = buf.cell_mut((cx + k, y)) {
                covered.reset();
                covered.set_symbol("");
                covered.set_style(style);
            }
        }
        used += w;
    }
    x + used as u16
}

/// Draws the romanized form of a cluster from `x` in exactly `w` cells
/// (its [`WidthProfile::cluster_width`]): one grapheme cluster per cell.
fn draw_latin(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    latin: &str,
    w: u16,
    style: Style,
    profile: &WidthProfile,
) {
    let mut cx = x;
    let end = x.saturating_add(w);
    for egc in latin.graphemes(true) {
        let ew = profile.raw_width(egc);
        let Ok(ew) = u16::try_from(ew) else {
            break;
        };
        if ew == 0 || egc.contains(char::is_control) {
            continue;
        }
        if cx.saturating_add(ew) > end {
            break;
        }
        let Some(cell) = buf.cell_mut((cx, y)) else {
            break;
        };
        cell.set_symbol(egc).set_style(style);
        let option = match NonZeroU16::new(ew) {
            Some(forced) if egc.cell_width() != ew => CellDiffOption::ForcedWidth(forced),
            _ => CellDiffOption::None,
        };
        cell.set_diff_option(option);
        for k in 1..ew {
            if let Some(covered) = buf.cell_mut((cx + k, y)) {
                covered.reset();
                covered.set_symbol("");
                covered.set_style(style);
            }
        }
        cx += ew;
    }
    // Whatever the Latin form left of its width stays blank.
    for bx in cx..end {
        if let Some(cell) = buf.cell_mut((bx, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// Draws a styled [`Line`] (left-aligned; span styles patched onto the line
/// style) like [`draw_str`]. Returns the x after the last cell drawn.
pub fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    line: &Line<'_>,
    max_width: usize,
    profile: &WidthProfile,
) -> u16 {
    let mut cx = x;
    for span in &line.spans {
        let used = usize::from(cx - x);
        if used >= max_width {
            break;
        }
        let style = line.style.patch(span.style);
        let next = draw_str(buf, cx, y, &span.content, max_width - used, style, profile);
        if next == cx && !span.content.is_empty() && profile.str_width(&span.content) > 0 {
            // Nothing of this span fit: later spans do not either.
            break;
        }
        cx = next;
    }
    cx
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Stylize};

    fn row(buf: &Buffer, y: u16) -> Vec<String> {
        (buf.area.left()..buf.area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn kannada_vowel_sign_takes_two_cells_with_spacing_marks() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let end = draw_str(
            &mut buf,
            0,
            0,
            "ರೀa",
            6,
            Style::default(),
            &WidthProfile::spacing_marks(),
        );
        assert_eq!(end, 3);
        assert_eq!(row(&buf, 0), ["ರೀ", "", "a", " ", " ", " "]);
        assert_eq!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::new(2).expect("nonzero"))
        );
        assert_eq!(buf[(2, 0)].diff_option, CellDiffOption::None);
    }

    #[test]
    fn conjunct_is_one_cell_with_cluster_base() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let end = draw_str(
            &mut buf,
            0,
            0,
            "ग्राहक",
            6,
            Style::default(),
            &WidthProfile::cluster_base(),
        );
        assert_eq!(end, 3);
        assert_eq!(row(&buf, 0)[..3], ["ग्रा", "ह", "क"]);
        assert_eq!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::new(1).expect("nonzero"))
        );
    }

    #[test]
    fn stops_before_a_cluster_that_does_not_fit() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        let p = WidthProfile::spacing_marks();
        assert_eq!(
            draw_str(&mut buf, 0, 0, "ab👍🏽c", 3, Style::default(), &p),
            2
        );
        assert_eq!(draw_str(&mut buf, 3, 0, "👍", 9, Style::default(), &p), 3);
        assert_eq!(draw_str(&mut buf, 9, 0, "x", 9, Style::default(), &p), 9);
    }

    #[test]
    fn orphans_invisibles_and_controls() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let p = WidthProfile::spacing_marks();
        let end = draw_str(
            &mut buf,
            0,
            0,
            "\u{0CCD}a\u{200B}b\u{1b}c",
            6,
            Style::default(),
            &p,
        );
        assert_eq!(end, 4);
        assert_eq!(row(&buf, 0)[..4], ["\u{25CC}\u{0CCD}", "a", "b", "c"]);
    }

    #[test]
    fn covered_cells_are_redrawn_when_the_cluster_goes() {
        // tmux keeps the second ನ of ನ್ನ in its own cell; clearing the line
        // must rewrite that cell too, not only the cluster's first cell.
        let area = Rect::new(0, 0, 4, 1);
        let mut before = Buffer::empty(area);
        draw_str(
            &mut before,
            0,
            0,
            "ನ್ನ",
            4,
            Style::default(),
            &WidthProfile::spacing_marks(),
        );
        let after = Buffer::empty(area);
        let updated: Vec<u16> = before.diff(&after).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(updated, [0, 1]);
    }

    #[test]
    fn romanized_clusters_are_drawn_in_latin_letters() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let p = WidthProfile::spacing_marks().with_romanized(true);
        let end = draw_str(&mut buf, 0, 0, "ಕ್ಷ ಕೃ a", 12, Style::default(), &p);
        assert_eq!(end, 8);
        assert_eq!(
            row(&buf, 0)[..8],
            ["k", "ṣ", "a", " ", "k", "r\u{0325}", " ", "a"]
        );
        assert!(
            (0..8).all(|x| buf[(x, 0)].diff_option == CellDiffOption::None),
            "Latin letters need no forced width"
        );
        // Clipping works on whole clusters: `kṣa` does not fit in 2 cells.
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        assert_eq!(draw_str(&mut buf, 0, 0, "ಕ್ಷ", 2, Style::default(), &p), 0);
    }

    #[test]
    fn styled_line() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        let line = Line::from(vec!["ಕನ್ನಡ".red(), " ok".into()]);
        let end = draw_line(&mut buf, 0, 0, &line, 6, &WidthProfile::spacing_marks());
        assert_eq!(end, 6);
        assert_eq!(row(&buf, 0)[..6], ["ಕ", "ನ್ನ", "", "ಡ", " ", "o"]);
        assert_eq!(buf[(0, 0)].fg, Color::Red);
        assert_eq!(buf[(5, 0)].fg, Color::Reset);
    }
}
