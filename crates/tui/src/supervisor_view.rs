//! The supervisor screen: live queue figures pushed by the server. On the
//! left (or below, when narrow) the counts a supervisor can open as a ticket
//! list, in balanced columns; beside them the figures that are read only
//! (`supervisor_figures`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType};

use crate::app::App;
use crate::draw;
use crate::frames::{framed, title};
use crate::supervisor::{self, Row};
use crate::supervisor_figures::{figure_lines, render_figures};
use sahaya_keymap::Action;
use sahaya_protocol::domain::{Presence, Timestamp};
use sahaya_protocol::events::Connection;

/// Narrowest and widest column of counts.
const COLUMN_MIN: u16 = 34;
const COLUMN_MAX: u16 = 44;
/// Cells for a count (right-aligned) and its alert mark.
const COUNT_W: usize = 9;

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let border = app.theme.supervisor_frame;
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(border);
    let inner = framed(buf, area, block);
    title(
        buf,
        area,
        &app.t("supervisor-title"),
        border.add_modifier(Modifier::BOLD),
        &app.profile,
    );
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let Some(stats) = app.stats.as_deref() else {
        draw::line(
            buf,
            inner,
            &app.t("supervisor-waiting"),
            app.theme.dim,
            &app.profile,
        );
        return;
    };
    let now = app.prepared.now;
    let [state, body, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    render_state(app, buf, state, now);
    render_hint(app, buf, hint);
    if !app.capabilities.stats {
        // Counted from the cache: only the counts; waiting times, arrivals,
        // surveys and presence are the server's to know.
        render_rows(app, buf, body);
        return;
    }
    let figures = figure_lines(app, stats, now);
    let (list, side) = if body.width >= 100 {
        let side_w = (body.width / 3).clamp(48, 60);
        let [list, _, side] = Layout::horizontal([
            Constraint::Min(COLUMN_MIN),
            Constraint::Length(1),
            Constraint::Length(side_w),
        ])
        .areas(body);
        (list, side)
    } else {
        let h = (figures.len() as u16).min(body.height / 2);
        let [side, list] =
            Layout::vertical([Constraint::Length(h), Constraint::Min(0)]).areas(body);
        (list, side)
    };
    render_figures(app, buf, side, &figures);
    render_rows(app, buf, list);
}

/// "Live · figures of 14:05:09 (5s ago)", or that they are stale and why,
/// or that they were counted from the cache.
fn render_state(app: &App, buf: &mut Buffer, area: Rect, now: Timestamp) {
    if !app.capabilities.stats {
        let text = app.t("supervisor-cache");
        draw::line(buf, area, &text, app.theme.figures_from_cache, &app.profile);
        return;
    }
    let Some(stats) = app.stats.as_deref() else {
        return;
    };
    let at = stats.computed_at.or(app.supervisor.received);
    let time = at.map(|t| app.i18n.clock(t)).unwrap_or_default();
    let ago = at
        .map(|t| app.i18n.duration((now - t).num_seconds().max(0)))
        .unwrap_or_default();
    let (text, style) = if supervisor::stale(app, now) {
        let state = connection_label(app);
        (
            app.i18n.tr_args(
                "supervisor-stale",
                &[
                    ("state", state.into()),
                    ("time", time.into()),
                    ("ago", ago.into()),
                ],
            ),
            app.theme.figures_stale,
        )
    } else {
        (
            app.i18n.tr_args(
                "supervisor-live",
                &[("time", time.into()), ("ago", ago.into())],
            ),
            app.theme.figures_live,
        )
    };
    draw::line(buf, area, &text, style, &app.profile);
}

fn connection_label(app: &App) -> String {
    app.t(match app.connection {
        Connection::Connecting => "conn-connecting",
        Connection::Online => "conn-online",
        Connection::Degraded(_) => "conn-degraded",
        Connection::Offline(_) => "conn-offline",
        Connection::Reconnecting => "conn-reconnecting",
        Connection::Unauthorized(_) => "conn-unauthorized",
    })
}

fn render_hint(app: &App, buf: &mut Buffer, area: Rect) {
    let key = |a: Action| app.key_for(a);
    let text = app.i18n.tr_args(
        "supervisor-hint",
        &[
            ("open", key(Action::Open).into()),
            ("back", key(Action::Cancel).into()),
        ],
    );
    draw::line(buf, area, &text, app.theme.dim, &app.profile);
}

/// Where each row goes, section by section (a section moves to the next
/// column rather than being split, unless it is taller than a column);
/// None when the rows need more than `max_cols` columns.
fn place(rows: &[Row], height: usize, max_cols: usize) -> Option<Vec<(usize, usize)>> {
    let mut at = Vec::with_capacity(rows.len());
    let (mut col, mut line) = (0, 0);
    let mut i = 0;
    while i < rows.len() {
        let end = (i + 1..rows.len())
            .find(|k| rows[*k].heading)
            .unwrap_or(rows.len());
        if line > 0 && line + (end - i) > height {
            col += 1;
            line = 0;
        }
        for _ in i..end {
            if line == height {
                col += 1;
                line = 0;
            }
            at.push((col, line));
            line += 1;
        }
        i = end;
    }
    (col < max_cols).then_some(at)
}

/// The rows in balanced columns, section by section; when
/// they do not fit even then, they flow through the columns and the window
/// scrolls with the selection.
fn render_rows(app: &App, buf: &mut Buffer, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let rows = supervisor::rows(app);
    let selected = supervisor::selected_index(app, &rows);
    let height = area.height as usize;
    let max_cols = (area.width / COLUMN_MIN).clamp(1, 4) as usize;
    // As few columns as hold everything, of balanced height.
    let fitted = (1..=max_cols)
        .find(|c| place(&rows, height, *c).is_some())
        .and_then(|c| (1..=height).find_map(|h| place(&rows, h, c)));
    let (places, offset) = match fitted {
        Some(p) => (p, 0),
        None => {
            let capacity = max_cols * height;
            let offset = match selected {
                Some(s) if s >= capacity => s + 1 - capacity,
                _ => 0,
            };
            let flow = (0..rows.len())
                .map(|i| {
                    let slot = i.saturating_sub(offset);
                    (slot / height, slot % height)
                })
                .collect();
            (flow, offset)
        }
    };
    let cols = places
        .iter()
        .skip(offset)
        .map(|(c, _)| c + 1)
        .max()
        .unwrap_or(1)
        .min(max_cols);
    let col_w = (area.width / cols as u16).min(COLUMN_MAX);
    for (i, row) in rows.iter().enumerate().skip(offset) {
        let (col, line) = places[i];
        if col >= cols {
            break;
        }
        let x = area.x + col as u16 * col_w;
        let width = (col_w - 1).min(area.right() - x);
        let r = Rect {
            x,
            y: area.y + line as u16,
            width,
            height: 1,
        };
        render_row(app, buf, r, row, Some(i) == selected);
    }
}

fn render_row(app: &App, buf: &mut Buffer, r: Rect, row: &Row, selected: bool) {
    let profile = &app.profile;
    if row.heading {
        let head = app.theme.heading;
        draw::line(buf, r, &row.label, head, profile);
        return;
    }
    let mut base = if selected {
        app.theme.selected
    } else {
        app.theme.plain
    };
    if row.alert {
        base = base.patch(app.theme.alert);
    }
    draw::fill(buf, r, base);
    let w = r.width as usize;
    let count = format!(
        "{:>w$}{}",
        app.num(row.count),
        if row.alert { " !" } else { "  " },
        w = COUNT_W - 2
    );
    let count_w = profile.str_width(&count).min(w);
    let count_x = r.right().saturating_sub(count_w as u16);
    let count_style = if row.count == 0 && !row.alert {
        base.patch(app.theme.dim)
    } else {
        base
    };
    draw::put_str(buf, count_x, r.y, r.right(), &count, count_style, profile);
    let end = count_x.saturating_sub(1);
    let x = r.x + 2;
    if !row.detail.is_empty() {
        let detail_w = 10usize.min(end.saturating_sub(x) as usize / 2);
        let detail = sahaya_text::pad_to(&row.detail, detail_w, profile);
        let dx = end.saturating_sub(detail_w as u16);
        draw::put_str(
            buf,
            dx,
            r.y,
            end,
            &detail,
            base.patch(
                app.theme
                    .presence(row.presence.unwrap_or(Presence::Offline)),
            ),
            profile,
        );
        let label = sahaya_text::truncate(&row.label, dx.saturating_sub(x + 1) as usize, profile);
        draw::put_str(buf, x, r.y, dx, &label, base, profile);
    } else {
        let label = sahaya_text::truncate(&row.label, end.saturating_sub(x) as usize, profile);
        draw::put_str(buf, x, r.y, end, &label, base, profile);
    }
}
