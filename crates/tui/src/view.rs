//! Drawing the whole screen from the state. Reads only; never changes state
//! except the list's loaded window (which depends on the pane's height).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::app::{App, Pane};
use super::draw::{self, Part};
use super::overlay::PaletteRow;
use sahaya_keymap::Action;
use sahaya_protocol::wire::View;

/// Panes laid out for the terminal's width.
pub struct Areas {
    pub list: Option<Rect>,
    pub thread: Option<Rect>,
    pub customer: Option<Rect>,
}

/// Three panes from 150 columns, two from 100, else the focused one alone.
pub fn layout(app: &App, area: Rect) -> Areas {
    if area.width >= 150 {
        let [l, t, c] = Layout::horizontal([
            Constraint::Percentage(38),
            Constraint::Percentage(37),
            Constraint::Percentage(25),
        ])
        .areas(area);
        Areas {
            list: Some(l),
            thread: Some(t),
            customer: Some(c),
        }
    } else if area.width >= 100 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(area);
        if app.focus == Pane::Customer {
            Areas {
                list: Some(l),
                thread: None,
                customer: Some(r),
            }
        } else {
            Areas {
                list: Some(l),
                thread: Some(r),
                customer: None,
            }
        }
    } else {
        match app.focus {
            Pane::List => Areas {
                list: Some(area),
                thread: None,
                customer: None,
            },
            Pane::Thread => Areas {
                list: None,
                thread: Some(area),
                customer: None,
            },
            Pane::Customer => Areas {
                list: None,
                thread: None,
                customer: Some(area),
            },
        }
    }
}

pub fn render(app: &mut App, frame: &mut Frame<'_>) {
    let area = frame.area();
    app.frame_stats = super::app::FrameStats::default();
    let [tabs, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(app, frame.buffer_mut(), tabs);
    if app.show_supervisor {
        super::supervisor_view::render(app, frame.buffer_mut(), main);
    } else {
        let areas = layout(app, main);
        if let Some(r) = areas.list {
            super::list_view::render(app, frame.buffer_mut(), r);
        }
        if let Some(r) = areas.thread {
            super::thread_view::render(app, frame, r);
        }
        if let Some(r) = areas.customer {
            super::customer_view::render(app, frame.buffer_mut(), r);
        }
    }
    super::status_view::render(app, frame.buffer_mut(), status);
    super::overlay_view::render(app, frame, main);
}

pub fn view_label(app: &App, v: View) -> String {
    app.t(&format!("view-{}", v.as_str().replace('_', "-")))
}

fn render_tabs(app: &App, buf: &mut Buffer, area: Rect) {
    let mut parts = Vec::new();
    for (i, v) in View::ALL.iter().enumerate().take(6) {
        let style = if *v == app.view {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::Gray)
        };
        let label = format!(
            " {} {} {} ",
            i + 1,
            view_label(app, *v),
            app.num(app.counts.get(*v))
        );
        parts.push(Part::new(label, style));
        parts.push(Part::new(" ", Style::new()));
    }
    draw::parts(buf, area, &parts, &app.profile);
}

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
        Style::new().fg(Color::Cyan)
    } else {
        Style::new().fg(Color::DarkGray)
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
    let style = Style::new().fg(Color::Yellow);
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

/// Rows of the command palette for a filter text.
pub fn palette_rows(app: &App, filter: &str) -> Vec<PaletteRow> {
    let filter = filter.trim().to_lowercase();
    Action::ALL
        .iter()
        .filter(|a| super::capability::offered(app, **a))
        .map(|a| PaletteRow {
            action: *a,
            keys: app.keymap.bindings_for(*a).join(", "),
            label: app.t(&a.message_id()),
        })
        .filter(|row| {
            filter.is_empty()
                || row.label.to_lowercase().contains(&filter)
                || row.action.name().contains(&filter)
        })
        .collect()
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
        let inner = popup(&profile, &mut buf, Rect::new(2, 0, 38, 5), 90, 5, "t");
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
