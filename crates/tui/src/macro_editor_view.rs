//! The macro editor: the body being written, checked as it is typed. Under
//! it the first malformed placeholder with its line and column (saving
//! waits for it), else the placeholders the console fills and those the
//! agent is asked for when applying the macro.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType};

use crate::app::App;
use crate::draw;
use crate::flows::macro_editor::{line_col, problem_text};
use crate::frames::{framed, title};
use sahaya_keymap::Action;
use sahaya_protocol::domain::macro_rules::{KNOWN_PLACEHOLDERS, check_macro_body};

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let Some(editor) = app.editor.as_ref() else {
        return;
    };
    let border = app.theme.pane_focused;
    let buf = frame.buffer_mut();
    let inner = framed(
        buf,
        area,
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(border),
    );
    let heading = app.i18n.tr_args(
        "macro-editor-heading",
        &[
            ("name", sahaya_text::sanitize_line(&editor.name).into()),
            ("language", editor.language.clone().into()),
        ],
    );
    title(
        buf,
        area,
        &heading,
        border.add_modifier(Modifier::BOLD),
        &app.profile,
    );
    if inner.height < 3 || inner.width == 0 {
        return;
    }
    let [body, check, hint] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let text = editor.buffer.text();
    let (line, style) = match check_macro_body(&text) {
        Err(problem) => (problem_text(app, &text, &problem), app.theme.error),
        Ok(()) => (placeholders_line(app, &text), app.theme.good),
    };
    draw::line(buf, check, &line, style, &app.profile);
    let keys = app.i18n.tr_args(
        "macro-editor-hint",
        &[
            ("save", app.key_for(Action::Send).into()),
            ("back", app.key_for(Action::Cancel).into()),
        ],
    );
    draw::line(buf, hint, &keys, app.theme.dim, &app.profile);
    let width = body.width as usize;
    let lines = editor.buffer.visual_lines(width, &app.profile);
    let (row, col) = editor.buffer.cursor_screen_pos(width, &app.profile);
    let height = body.height as usize;
    let first = (row + 1).saturating_sub(height);
    for (i, l) in lines.iter().skip(first).take(height).enumerate() {
        let r = Rect {
            y: body.y + i as u16,
            height: 1,
            ..body
        };
        draw::line(buf, r, l, app.theme.input, &app.profile);
    }
    if app.overlay.is_none() {
        let x = body.x + (col as u16).min(body.width.saturating_sub(1));
        let y = body.y + (row - first) as u16;
        frame.set_cursor_position(Position { x, y });
    }
}

/// "Filled: customer.name, order.id · Asked: refund.days (line 3, column 9)".
fn placeholders_line(app: &App, text: &str) -> String {
    let mut filled = Vec::new();
    let mut asked = Vec::new();
    for name in sahaya_protocol::domain::placeholders(text) {
        if KNOWN_PLACEHOLDERS.contains(&name.as_str()) {
            filled.push(name);
        } else {
            let at = text
                .find(&format!("{{{{{name}"))
                .or_else(|| text.find(&name))
                .map_or(0, |byte| text[..byte].chars().count());
            let (line, col) = line_col(text, at);
            asked.push(app.i18n.tr_args(
                "macro-editor-asked-at",
                &[
                    (
                        "name",
                        sahaya_text::sanitize_line(&name).into_owned().into(),
                    ),
                    ("line", line.into()),
                    ("column", col.into()),
                ],
            ));
        }
    }
    let none = app.t("macro-editor-none");
    app.i18n.tr_args(
        "macro-editor-placeholders",
        &[
            (
                "filled",
                if filled.is_empty() {
                    none.clone()
                } else {
                    filled.join(", ")
                }
                .into(),
            ),
            (
                "asked",
                if asked.is_empty() {
                    none
                } else {
                    asked.join(", ")
                }
                .into(),
            ),
        ],
    )
}
