//! The frames every view draws in: bordered panes with width-aware titles
//! and centred popups. The views import these; `view` composes the views.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::app::{App, Pane};
use super::draw;

/// Draws a title on the top border of `area` with our width-aware drawing
/// (ratatui's own titles measure Indic text with unicode-width and can lose
/// a final vowel sign).
pub fn title(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    style: Style,
    profile: &sahaya_text::WidthProfile,
) {
    if area.width < 5 || area.height == 0 {
        return;
    }
    let text = format!(" {} ", sahaya_text::sanitize_line(title));
    let room = (area.width - 2) as usize;
    let fitted = sahaya_text::truncate(&text, room, profile);
    draw::put_str(
        buf,
        area.x + 1,
        area.y,
        area.right() - 1,
        &fitted,
        style,
        profile,
    );
}

/// A bordered pane with its title; the focused one is highlighted. Returns
/// the inner area.
pub fn framed_pane(app: &App, buf: &mut Buffer, area: Rect, text: &str, pane: Pane) -> Rect {
    let focused = app.focus == pane && app.overlay.is_none();
    let style = if focused {
        app.theme.pane_focused
    } else {
        app.theme.pane
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style);
    let inner = framed(buf, area, block);
    title(
        buf,
        area,
        text,
        style.add_modifier(Modifier::BOLD),
        &app.profile,
    );
    inner
}

/// Draws the block and returns its inner area.
pub fn framed(buf: &mut Buffer, area: Rect, block: Block<'_>) -> Rect {
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Clears and frames an overlay box centred in `area`.
/// The outer width of a [`popup`] of `width_pct` percent over `area`.
pub fn popup_width(area: Rect, width_pct: u16) -> u16 {
    (area.width * width_pct / 100).max(30).min(area.width)
}

pub fn popup(
    profile: &sahaya_text::WidthProfile,
    style: Style,
    buf: &mut Buffer,
    area: Rect,
    width_pct: u16,
    height: u16,
    text: &str,
) -> Rect {
    let w = popup_width(area, width_pct);
    let h = height.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    unstraddle(buf, r);
    Clear.render(r, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(style);
    let inner = framed(buf, r, block);
    title(buf, r, text, style.add_modifier(Modifier::BOLD), profile);
    inner
}

/// Keeps wide clusters from crossing `r`'s edges before a box is drawn
/// there: a cluster that starts left of `r` and reaches into it is blanked
/// (the terminal would draw it across the left border), and cells right of
/// `r` covered by a cluster inside it become blanks (else they are holes).
fn unstraddle(buf: &mut Buffer, r: Rect) {
    use ratatui::buffer::CellWidth;
    for y in r.top()..r.bottom() {
        let mut x = r.x;
        while x > buf.area.x {
            x -= 1;
            let cell = &buf[(x, y)];
            if cell.symbol().is_empty() {
                continue; // covered by a cluster further left
            }
            if x + cell.cell_width() > r.x {
                // The cluster and the cells it covered left of `r` become
                // blanks (a blank differs from a covered cell, so the
                // terminal gets them all rewritten).
                let style = cell.style();
                for cx in x..r.x {
                    let cell = &mut buf[(cx, y)];
                    cell.reset();
                    cell.set_style(style);
                }
            }
            break;
        }
        // Right edge: cells just outside the box that a cluster inside it
        // covered would be left as holes once the box is cleared.
        let mut x = r.right();
        while x < buf.area.right() && buf[(x, y)].symbol().is_empty() {
            let style = buf[(x, y)].style();
            let cell = &mut buf[(x, y)];
            cell.reset();
            cell.set_style(style);
            x += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_popup_border_is_not_drawn_over_by_a_cluster_from_the_left() {
        let profile = sahaya_text::WidthProfile::spacing_marks();
        let area = Rect::new(0, 0, 40, 5);
        let mut buf = Buffer::empty(area);
        // ಕ್ಷ್ಮೀ is one display cluster several cells wide.
        let end = sahaya_text::draw_str(&mut buf, 0, 1, "ಲಕ್ಷ್ಮೀ", 20, Style::new(), &profile);
        assert!(end >= 4);
        let inner = popup(
            &profile,
            Style::new(),
            &mut buf,
            Rect::new(2, 0, 38, 5),
            90,
            5,
            "t",
        );
        assert!(inner.x > 2);
        let popup_x = 2 + (38 - 34) / 2; // where the 90 % box starts
        for x in 0..popup_x {
            let cell = &buf[(x, 1)];
            assert!(
                cell.symbol() == " " || ratatui::buffer::CellWidth::cell_width(cell) + x <= popup_x,
                "cell {x} reaches under the popup: {:?}",
                cell.symbol()
            );
        }
        assert_eq!(buf[(popup_x, 1)].symbol(), "│");
    }
}
