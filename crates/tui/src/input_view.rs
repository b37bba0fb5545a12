//! Drawing what is typed: the composer's text and the one-line inputs of
//! prompts, search and filters, with the Latin still pending (Latin typing
//! on) in the theme's `pending` style right before the cursor.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use sahaya_text::TextBuffer;

use super::app::{App, Composer};
use super::draw;
use super::typing::Typing;

/// The composer's text in `inner`, scrolled to keep the cursor in view;
/// the terminal's cursor goes there unless an overlay has the keyboard.
pub fn composer(app: &App, frame: &mut Frame<'_>, inner: Rect, c: &Composer) {
    let profile = &app.profile;
    let preview = c.typing.preview(&c.buffer);
    let buffer = preview.as_ref().map_or(&c.buffer, |p| &p.buffer);
    let width = inner.width as usize;
    let lines = buffer.visual_lines(width, profile);
    let (row, col) = buffer.cursor_screen_pos(width, profile);
    let height = inner.height as usize;
    let first = (row + 1).saturating_sub(height);
    let buf = frame.buffer_mut();
    for (i, l) in lines.iter().skip(first).take(height).enumerate() {
        draw::put_str(
            buf,
            inner.x,
            inner.y + i as u16,
            inner.right(),
            l,
            app.theme.plain,
            profile,
        );
    }
    if let Some(p) = &preview {
        // The pending Latin runs from its start to the cursor (after it).
        let mut start = p.buffer.clone();
        start.set_cursor(p.line, p.pending.start);
        let from = start.cursor_screen_pos(width, profile);
        let rows = first..first + height;
        for (r, x0, x1) in row_spans(from, (row, col), width) {
            if rows.contains(&r) {
                let y = inner.y + (r - first) as u16;
                restyle(
                    buf,
                    inner.x + x0 as u16,
                    inner.x + x1 as u16,
                    y,
                    app.theme.pending,
                );
            }
        }
    }
    if app.overlay.is_none() {
        let x = inner.x + (col as u16).min(inner.width.saturating_sub(1));
        let y = inner.y + (row - first) as u16;
        frame.set_cursor_position(Position { x, y });
    }
}

/// A one-line input in `area` (the tail when the text is longer) with
/// the terminal's cursor in it.
pub fn line(app: &App, frame: &mut Frame<'_>, area: Rect, buffer: &TextBuffer, typing: &Typing) {
    let profile = &app.profile;
    let preview = typing.preview(buffer);
    let buffer = preview.as_ref().map_or(buffer, |p| &p.buffer);
    let width = area.width.max(1) as usize;
    let (_, col) = buffer.cursor_screen_pos(usize::MAX / 2, profile);
    let text = buffer.text();
    // Keep the cursor visible: show the tail when the text is longer.
    let shown = if col >= width {
        draw::tail(&text, width.saturating_sub(1), profile)
    } else {
        &text
    };
    let cursor_col = if col >= width {
        profile.str_width(shown)
    } else {
        col
    };
    let buf = frame.buffer_mut();
    draw::put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        shown,
        app.theme.input,
        profile,
    );
    if let Some(p) = &preview {
        let line_start: usize = buffer.lines()[..p.line].iter().map(|l| l.len() + 1).sum();
        let skipped = text.len() - shown.len();
        let at = |byte: usize| {
            let i = (line_start + byte).saturating_sub(skipped);
            profile.str_width(shown.get(..i).unwrap_or(shown))
        };
        let (x0, x1) = (at(p.pending.start), at(p.pending.end));
        let right = area.right();
        let x = |cols: usize| (area.x as usize + cols).min(right as usize) as u16;
        restyle(buf, x(x0), x(x1), area.y, app.theme.pending);
    }
    frame.set_cursor_position(Position {
        x: area.x + cursor_col.min(width - 1) as u16,
        y: area.y,
    });
}

/// Marks the chars `range` of a one-line input drawn by [`line`] (what a
/// wrong query points at), when they are on screen.
pub fn mark(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    buffer: &TextBuffer,
    range: std::ops::Range<usize>,
) {
    let profile = &app.profile;
    let text = buffer.text();
    let width = area.width as usize;
    // The tail is shown when the text is longer: nothing to mark reliably.
    if profile.str_width(&text) >= width {
        return;
    }
    let upto = |chars: usize| {
        let end = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i);
        profile.str_width(&text[..end])
    };
    let (x0, x1) = (upto(range.start), upto(range.end.max(range.start + 1)));
    let x = |cols: usize| area.x + cols.min(width) as u16;
    let style = app
        .theme
        .warn
        .add_modifier(ratatui::style::Modifier::UNDERLINED);
    restyle(frame.buffer_mut(), x(x0), x(x1), area.y, style);
}

/// The cells from visual position `from` to `to` (row, column; `to` not
/// included) as (row, first column, end column) per row of a text
/// `width` cells wide.
fn row_spans(
    from: (usize, usize),
    to: (usize, usize),
    width: usize,
) -> impl Iterator<Item = (usize, usize, usize)> {
    (from.0..=to.0).filter_map(move |r| {
        let x0 = if r == from.0 { from.1 } else { 0 };
        let x1 = if r == to.0 { to.1 } else { width };
        (x1 > x0).then_some((r, x0, x1))
    })
}

/// Lays `style` over the cells `x0..x1` of row `y`.
fn restyle(buf: &mut Buffer, x0: u16, x1: u16, y: u16, style: Style) {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() {
        return;
    }
    for x in x0.max(area.left())..x1.min(area.right()) {
        let cell = &mut buf[(x, y)];
        let patched = cell.style().patch(style);
        cell.set_style(patched);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_the_rows() {
        let spans: Vec<_> = row_spans((0, 3), (0, 5), 10).collect();
        assert_eq!(spans, [(0, 3, 5)]);
        // Wrapped: the end of one row, the start of the next.
        let spans: Vec<_> = row_spans((1, 8), (2, 2), 10).collect();
        assert_eq!(spans, [(1, 8, 10), (2, 0, 2)]);
        // Nothing between a position and itself.
        assert_eq!(row_spans((2, 4), (2, 4), 10).count(), 0);
    }
}
