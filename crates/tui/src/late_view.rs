//! The late-shipment screen: orders whose shipment is late, under a heading
//! per carrier and city; marks, why each is late, an open ticket about it,
//! whether a notice went already. Only the visible rows are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType};

use crate::app::App;
use crate::draw::{self, Part};
use crate::frames::{framed, title};
use crate::late_screen::{LateRow, LateScreen, marked_orders, rows};
use sahaya_keymap::Action;
use sahaya_store::{LateOrder, Lateness};

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let Some(screen) = app.late.screen.as_ref() else {
        return;
    };
    let border = app.theme.pane_focused;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border);
    let inner = framed(buf, area, block);
    let heading = app.i18n.tr_args(
        "late-title",
        &[
            ("orders", screen.orders.len().into()),
            ("marked", marked_orders(screen).len().into()),
            ("hours", app.late.rule.no_scan_hours.into()),
        ],
    );
    title(
        buf,
        area,
        &heading,
        border.add_modifier(Modifier::BOLD),
        &app.profile,
    );
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let [body, hint] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    render_hint(app, buf, hint);
    if screen.orders.is_empty() {
        let text = app.i18n.tr_args(
            "late-none",
            &[("hours", app.late.rule.no_scan_hours.into())],
        );
        draw::line(buf, body, &text, app.theme.dim, &app.profile);
        return;
    }
    let rows = rows(screen);
    let height = body.height as usize;
    let offset = screen.selected.saturating_sub(height.saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let r = Rect {
            y: body.y + (i - offset) as u16,
            height: 1,
            ..body
        };
        let selected = i == screen.selected;
        if selected {
            draw::fill(buf, r, app.theme.selected);
        }
        let parts = match row {
            LateRow::Group {
                carrier,
                city,
                range,
            } => group_parts(app, screen, carrier, city, range.clone()),
            LateRow::Order(at) => order_parts(app, screen, &screen.orders[*at]),
        };
        let parts: Vec<Part<'_>> = parts
            .into_iter()
            .map(|(text, style)| {
                let style = if selected {
                    app.theme.selected.patch(style)
                } else {
                    style
                };
                Part::new(text, style)
            })
            .collect();
        draw::parts(buf, r, &parts, &app.profile);
    }
}

fn group_parts(
    app: &App,
    screen: &LateScreen,
    carrier: &str,
    city: &str,
    range: std::ops::Range<usize>,
) -> Vec<(String, Style)> {
    let orders = &screen.orders[range];
    let marked = orders
        .iter()
        .filter(|o| screen.marked.contains(&o.order.id))
        .count();
    let mark = if marked == orders.len() {
        "[x] "
    } else if marked > 0 {
        "[-] "
    } else {
        "[ ] "
    };
    let city = if city.is_empty() {
        app.t("late-city-unknown")
    } else {
        sahaya_text::sanitize_line(city).into_owned()
    };
    let count = app.i18n.tr_args(
        "late-group-count",
        &[("count", orders.len().into()), ("marked", marked.into())],
    );
    vec![
        (mark.to_string(), app.theme.heading),
        (
            format!("{} · {}  ", sahaya_text::sanitize_line(carrier), city),
            app.theme.heading,
        ),
        (count, app.theme.dim),
    ]
}

fn order_parts(app: &App, screen: &LateScreen, o: &LateOrder) -> Vec<(String, Style)> {
    let now = app.prepared.now;
    let mark = if screen.marked.contains(&o.order.id) {
        ("  [x] ".to_string(), app.theme.marked)
    } else {
        ("  [ ] ".to_string(), app.theme.plain)
    };
    let why = match o.lateness {
        Lateness::EtaPassed { eta } => app.i18n.tr_args(
            "late-eta-passed",
            &[("ago", app.i18n.duration((now - eta).num_seconds()).into())],
        ),
        Lateness::NoScan { last } => app.i18n.tr_args(
            "late-no-scan",
            &[("ago", app.i18n.duration((now - last).num_seconds()).into())],
        ),
    };
    let mut parts = vec![
        mark,
        (
            format!("{}  ", sahaya_text::sanitize_line(&o.order.id)),
            app.theme.plain,
        ),
        (
            format!("{}  ", sahaya_text::sanitize_line(&o.customer.name)),
            app.theme.customer,
        ),
        (format!("{why}  "), app.theme.bad),
    ];
    if let Some(t) = o.open_ticket {
        let text = app
            .i18n
            .tr_args("late-open-ticket", &[("id", app.num(t).into())]);
        parts.push((format!("{text}  "), app.theme.label));
    }
    if let Some(at) = o.notified_at {
        let text = app
            .i18n
            .tr_args("late-notified", &[("when", app.i18n.when(at, now).into())]);
        parts.push((text, app.theme.good));
    }
    parts
}

fn render_hint(app: &App, buf: &mut Buffer, area: Rect) {
    let text = app.i18n.tr_args(
        "late-hint",
        &[
            ("mark", app.key_for(Action::ToggleMark).into()),
            ("all", app.key_for(Action::MarkAll).into()),
            ("none", app.key_for(Action::ClearMarks).into()),
            ("send", app.key_for(Action::Macro).into()),
            ("back", app.key_for(Action::Cancel).into()),
        ],
    );
    draw::line(buf, area, &text, app.theme.dim, &app.profile);
}
