//! Drawing the open overlay.

use super::app::App;
use super::draw;
use super::frames::{popup, popup_width};
use super::menus::{help_rows, palette_rows};
use super::overlay::Overlay;
use ratatui::Frame;
use ratatui::layout::Rect;
use sahaya_text::{self as text, TextBuffer};

/// Clears and frames a popup of `width_pct` percent of `area`, `height`
/// rows high; returns its inner area.
fn popup_box(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    width_pct: u16,
    height: u16,
    title: &str,
) -> Rect {
    popup(
        &app.profile,
        app.theme.popup,
        frame.buffer_mut(),
        area,
        width_pct,
        height,
        title,
    )
}

/// Draws a scrolled list with the selection kept in view.
fn list(app: &App, frame: &mut Frame<'_>, area: Rect, rows: &[String], selected: usize) {
    let height = area.height as usize;
    let first = (selected + 1).saturating_sub(height);
    let buf = frame.buffer_mut();
    for (i, row) in rows.iter().enumerate().skip(first).take(height) {
        let y = area.y + (i - first) as u16;
        let line = Rect {
            y,
            height: 1,
            ..area
        };
        let style = if i == selected {
            app.theme.highlight
        } else {
            app.theme.plain
        };
        draw::fill(buf, line, style);
        draw::line(buf, line, row, style, &app.profile);
    }
}

/// Draws a one-line input and puts the terminal cursor in it.
fn input(app: &App, frame: &mut Frame<'_>, area: Rect, buffer: &TextBuffer) {
    super::input_view::line(app, frame, area, buffer, &app.typing);
}

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let Some(overlay) = &app.overlay else { return };
    match overlay {
        Overlay::Help { scroll } => {
            let inner = popup_box(
                app,
                frame,
                area,
                80,
                area.height.saturating_sub(2),
                &app.t("help-title"),
            );
            let rows = help_rows(app);
            let buf = frame.buffer_mut();
            for (i, (row, head)) in rows
                .iter()
                .skip(*scroll)
                .take(inner.height as usize)
                .enumerate()
            {
                let style = if *head {
                    app.theme.heading
                } else {
                    app.theme.plain
                };
                draw::line(
                    buf,
                    Rect {
                        y: inner.y + i as u16,
                        height: 1,
                        ..inner
                    },
                    row,
                    style,
                    &app.profile,
                );
            }
        }
        Overlay::Palette { filter, selected } => {
            let rows: Vec<String> = palette_rows(app, &filter.text())
                .into_iter()
                .map(|r| {
                    format!(
                        "{} {}",
                        sahaya_text::pad_to(&r.keys, 18, &app.profile),
                        r.label
                    )
                })
                .collect();
            let inner = popup_box(
                app,
                frame,
                area,
                70,
                area.height.saturating_sub(4).min(24),
                &app.t("palette-title"),
            );
            if inner.height < 2 {
                return;
            }
            list(app, frame, under_filter(inner), &rows, *selected);
            if filter.is_empty() {
                let hint = app.t("palette-hint");
                let row = Rect {
                    y: inner.y + 1,
                    height: 1,
                    ..inner
                };
                draw::line(frame.buffer_mut(), row, &hint, app.theme.dim, &app.profile);
            }
            input(app, frame, Rect { height: 1, ..inner }, filter);
        }
        Overlay::Picker(p) => {
            let rows: Vec<String> = p
                .visible()
                .into_iter()
                .map(|i| p.items[i].0.clone())
                .collect();
            let filtering = !p.filter.is_empty();
            // A row under the list for the highlighted item's note (why a
            // macro is suggested), when any item has one.
            let noted = p.items.iter().any(|(_, pick)| pick.note().is_some());
            // The full list keeps its height while it narrows.
            let h = (p.items.len() as u16 + 2 + u16::from(filtering) + u16::from(noted))
                .min(area.height.saturating_sub(2));
            let mut inner = popup_box(app, frame, area, 60, h, &p.title);
            if noted && inner.height > 1 {
                inner.height -= 1;
                let row = Rect {
                    y: inner.y + inner.height,
                    height: 1,
                    ..inner
                };
                if let Some(note) = p.current().and_then(|(_, pick)| pick.note()) {
                    draw::line(frame.buffer_mut(), row, note, app.theme.dim, &app.profile);
                }
            }
            if filtering && inner.height > 0 {
                input(app, frame, Rect { height: 1, ..inner }, &p.filter);
                let below = Rect {
                    y: inner.y + 1,
                    height: inner.height - 1,
                    ..inner
                };
                if rows.is_empty() {
                    draw::line(
                        frame.buffer_mut(),
                        below,
                        &app.t("picker-no-match"),
                        app.theme.dim,
                        &app.profile,
                    );
                } else {
                    list(app, frame, below, &rows, p.selected);
                }
            } else {
                list(app, frame, inner, &rows, p.selected);
            }
        }
        Overlay::Prompt(p) => {
            let inner = popup_box(app, frame, area, 60, 5, &p.title);
            if inner.height == 0 {
                return;
            }
            if let Some(err) = &p.error {
                draw::line(
                    frame.buffer_mut(),
                    Rect {
                        y: inner.y + 1.min(inner.height - 1),
                        height: 1,
                        ..inner
                    },
                    err,
                    app.theme.error,
                    &app.profile,
                );
            }
            input(app, frame, Rect { height: 1, ..inner }, &p.input);
        }
        Overlay::Confirm(c) => {
            let width = (area.width * 60 / 100).max(30) as usize;
            let lines = text::wrap(&c.question, width.saturating_sub(2), &app.profile);
            let inner = popup_box(
                app,
                frame,
                area,
                60,
                lines.len() as u16 + 3,
                &app.t("confirm-title"),
            );
            let buf = frame.buffer_mut();
            for (i, l) in lines.iter().enumerate().take(inner.height as usize) {
                draw::line(
                    buf,
                    Rect {
                        y: inner.y + i as u16,
                        height: 1,
                        ..inner
                    },
                    l,
                    app.theme.plain,
                    &app.profile,
                );
            }
            let hint = app.t("confirm-hint");
            if inner.height > 0 {
                draw::line(
                    buf,
                    Rect {
                        y: inner.bottom() - 1,
                        height: 1,
                        ..inner
                    },
                    &hint,
                    app.theme.warn,
                    &app.profile,
                );
            }
        }
        Overlay::Search(s) => {
            let title = app.t("search-title");
            let inner = popup_box(app, frame, area, 80, area.height.saturating_sub(4), &title);
            if inner.height < 3 {
                return;
            }
            let rows: Vec<String> = s
                .results
                .iter()
                .map(|h| {
                    format!(
                        "#{} {} — {}",
                        h.ticket_id,
                        text::sanitize_line(&h.subject),
                        text::sanitize_line(&h.snippet)
                    )
                })
                .collect();
            let query = s.input.text();
            let count = if let Some(e) = &s.error {
                super::query_text::error_text(app, e)
            } else if query.trim().is_empty() {
                app.t("search-hint")
            } else if !super::flows::search::search_ready(&query) {
                app.t("search-too-short")
            } else if s.pending {
                app.t("search-searching")
            } else {
                app.i18n
                    .tr_args("search-results", &[("count", (rows.len() as i64).into())])
            };
            draw::line(
                frame.buffer_mut(),
                Rect {
                    y: inner.y + 1,
                    height: 1,
                    ..inner
                },
                &count,
                if s.error.is_some() {
                    app.theme.warn
                } else {
                    app.theme.dim
                },
                &app.profile,
            );
            list(app, frame, under_filter(inner), &rows, s.selected);
            let line = Rect { height: 1, ..inner };
            input(app, frame, line, &s.input);
            if let Some(e) = &s.error {
                super::input_view::mark(app, frame, line, &s.input, e.range());
            }
        }
        Overlay::Problems { selected } => {
            let problems = &app.prepared.problems;
            let rows: Vec<String> = problems.iter().map(|(what, _)| what.clone()).collect();
            // Below the list, the highlighted entry's reason, wrapped: it says
            // what to do, so it must not be cut at the popup's edge.
            let text_width = popup_width(area, 80).saturating_sub(2).max(1) as usize;
            let reason = problems
                .get(*selected)
                .map(|(_, why)| why.clone())
                .unwrap_or_default();
            let reason_lines: Vec<&str> = text::wrap(&reason, text_width, &app.profile)
                .into_iter()
                .take(4)
                .collect();
            let detail = if reason_lines.is_empty() {
                0
            } else {
                reason_lines.len() as u16 + 1
            };
            let inner = popup_box(
                app,
                frame,
                area,
                80,
                (rows.len() as u16 + 2 + detail).max(4),
                &app.t("problems-title"),
            );
            let detail = detail.min(inner.height.saturating_sub(1));
            let list_area = Rect {
                height: inner.height - detail,
                ..inner
            };
            list(app, frame, list_area, &rows, *selected);
            for (i, line) in reason_lines
                .iter()
                .take(detail.saturating_sub(1) as usize)
                .enumerate()
            {
                draw::line(
                    frame.buffer_mut(),
                    Rect {
                        y: list_area.bottom() + 1 + i as u16,
                        height: 1,
                        ..inner
                    },
                    line,
                    app.theme.warn,
                    &app.profile,
                );
            }
        }
    }
}

/// The rows' area of a pane whose first two lines are its filter.
fn under_filter(inner: Rect) -> Rect {
    Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    }
}
