//! Drawing text into the buffer cluster by cluster, each at the width the
//! width profile says the terminal uses (ratatui's forced cell width), never
//! left to a widget's own measure. All text drawn here has been sanitized.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use sahaya_text::{self as text, WidthProfile};

/// Draws `s` at (x, y), clipped to `max_x` (exclusive); returns the column
/// after the last drawn cluster. A cluster that does not fit is not drawn.
pub fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    s: &str,
    style: Style,
    profile: &WidthProfile,
) -> u16 {
    text::draw_str(
        buf,
        x,
        y,
        s,
        max_x.saturating_sub(x) as usize,
        style,
        profile,
    )
}

/// Draws `s` truncated with an ellipsis to fit `area`'s first row.
pub fn line(buf: &mut Buffer, area: Rect, s: &str, style: Style, profile: &WidthProfile) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let fitted = text::truncate(s, area.width as usize, profile);
    put_str(buf, area.x, area.y, area.right(), &fitted, style, profile);
}

/// Fills a row segment with spaces in `style` (for highlighted rows).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// A run of text with one style, for composing a row from parts.
pub struct Part<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub style: Style,
}

impl<'a> Part<'a> {
    pub fn new(text: impl Into<std::borrow::Cow<'a, str>>, style: Style) -> Part<'a> {
        Part {
            text: text.into(),
            style,
        }
    }
}

/// Draws parts one after the other on a row, truncating the last that does
/// not fit with an ellipsis.
pub fn parts(buf: &mut Buffer, area: Rect, parts: &[Part<'_>], profile: &WidthProfile) {
    let mut x = area.x;
    for part in parts {
        if x >= area.right() {
            break;
        }
        let room = (area.right() - x) as usize;
        let fitted = text::truncate(&part.text, room, profile);
        x = put_str(buf, x, area.y, area.right(), &fitted, part.style, profile);
    }
}

/// The end of `s` that fits in `width` cells (for inputs scrolled to the cursor).
pub fn tail<'a>(s: &'a str, width: usize, profile: &WidthProfile) -> &'a str {
    let mut used = 0;
    let mut start = s.len();
    let parts: Vec<(usize, &str)> = text::cluster_indices(s).collect();
    for (i, g) in parts.into_iter().rev() {
        let w = profile.cluster_width(g);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    &s[start..]
}
