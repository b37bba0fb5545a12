//! The supervisor screen: live queue figures pushed by the server.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::app::App;
use super::draw;
use super::view::{framed, view_label};
use crate::protocol::View;

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let inner = framed(buf, area, ratatui::widgets::Block::bordered());
    super::view::title(
        buf,
        area,
        &app.t("supervisor-title"),
        Style::new().add_modifier(Modifier::BOLD),
        &app.profile,
    );
    let Some(stats) = &app.stats else {
        draw::line(
            buf,
            inner,
            &app.t("supervisor-waiting"),
            Style::new().fg(Color::DarkGray),
            &app.profile,
        );
        return;
    };
    let mut rows: Vec<(String, Style)> = Vec::new();
    let head = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    rows.push((app.t("supervisor-views"), head));
    for v in View::ALL.iter().filter(|v| **v != View::Mine) {
        rows.push((
            format!(
                "  {} {}",
                pad(app, &view_label(app, *v), 16),
                app.num(stats.views.get(*v))
            ),
            Style::new(),
        ));
    }
    rows.push((app.t("supervisor-sla"), head));
    rows.push((
        format!(
            "  {} {} · {} {} · {} {}",
            app.t("supervisor-breached"),
            app.num(stats.sla.breached),
            app.i18n.duration(15 * 60),
            app.num(stats.sla.due_15min),
            app.i18n.duration(60 * 60),
            app.num(stats.sla.due_60min)
        ),
        if stats.sla.breached > 0 {
            Style::new().fg(Color::Red)
        } else {
            Style::new()
        },
    ));
    rows.push((app.t("supervisor-agents"), head));
    for a in &stats.agents {
        rows.push((
            format!(
                "  {} {} {}",
                pad(app, &crate::text::sanitize_line(&a.name), 20),
                pad(
                    app,
                    &app.t(&format!("presence-{}", a.presence.as_str())),
                    10
                ),
                app.num(a.open_tickets)
            ),
            Style::new(),
        ));
    }
    for (i, (s, style)) in rows.iter().take(inner.height as usize).enumerate() {
        draw::line(
            buf,
            Rect {
                y: inner.y + i as u16,
                height: 1,
                ..inner
            },
            s,
            *style,
            &app.profile,
        );
    }
}

/// Pads (or truncates) to `width` terminal cells, not characters.
fn pad(app: &App, s: &str, width: usize) -> String {
    crate::text::pad_to(s, width, &app.profile).into_owned()
}
