//! Drawing the whole screen from the state. Views take `&App` and read
//! only; what a frame shows was loaded by `update` and, for what depends on
//! the terminal's size, by `prepare` just before the frame.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::App;
use super::draw::{self, Part};
use super::layout;
use sahaya_protocol::wire::View;

pub use super::frames::{framed, framed_pane, popup, popup_width, title};
pub use super::labels::view_label;
pub use super::layout::{Areas, layout};
pub use super::menus::palette_rows;

/// One frame: `prepare` loads into the state what the frame shows (it
/// depends on the terminal's size), then [`draw`] draws it.
pub fn render(app: &mut App, frame: &mut Frame<'_>) {
    super::prepare::prepare(app, frame.area());
    draw(app, frame);
}

/// Draws the whole screen from the state; reads only.
pub fn draw(app: &App, frame: &mut Frame<'_>) {
    let [tabs, main, status] = layout::screen(frame.area());
    render_tabs(app, frame.buffer_mut(), tabs);
    if app.editor.is_some() {
        super::macro_editor_view::render(app, frame, main);
    } else if app.late.screen.is_some() {
        super::late_view::render(app, frame.buffer_mut(), main);
    } else if app.show_supervisor {
        super::supervisor_view::render(app, frame.buffer_mut(), main);
    } else {
        let areas = layout::layout(app, main);
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

fn render_tabs(app: &App, buf: &mut Buffer, area: Rect) {
    let mut parts = Vec::new();
    for (i, v) in View::ALL.iter().enumerate().take(6) {
        let style = if *v == app.view && app.query.is_none() {
            app.theme.tab_active
        } else {
            app.theme.tab
        };
        let label = format!(
            " {} {} {} ",
            i + 1,
            view_label(app, *v),
            app.num(app.counts.get(*v))
        );
        parts.push(Part::new(label, style));
        parts.push(Part::new(" ", app.theme.plain));
    }
    // Saved views, with their keys and live counts.
    let shown = app.query.as_ref().and_then(|q| q.saved);
    for (i, view) in app.saved.views.iter().enumerate() {
        let style = if shown == Some(i) {
            app.theme.tab_active
        } else {
            app.theme.tab
        };
        let label = format!(
            " {} {} {} ",
            sahaya_text::sanitize_line(&view.key),
            sahaya_text::sanitize_line(&view.name),
            app.num(app.saved.counts.get(i).copied().unwrap_or(0))
        );
        parts.push(Part::new(label, style));
        parts.push(Part::new(" ", app.theme.plain));
    }
    draw::parts(buf, area, &parts, &app.profile);
}
