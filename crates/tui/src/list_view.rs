//! The ticket list: only the visible rows are loaded and drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::app::{App, Pane};
use super::draw;
use super::frames::framed_pane;
use super::theme::Theme;
use sahaya_protocol::domain::{Channel, Priority, Status};
use sahaya_text as text;

pub fn priority_mark(theme: &Theme, p: Priority) -> (&'static str, Style) {
    let mark = match p {
        Priority::Urgent => "!!",
        Priority::High => "! ",
        Priority::Normal => "· ",
        Priority::Low => "  ",
    };
    (mark, theme.priority(p))
}

pub fn channel_code(c: Channel) -> &'static str {
    match c {
        Channel::Email => "EM",
        Channel::Chat => "CH",
        Channel::Phone => "PH",
        Channel::WhatsApp => "WA",
        Channel::Facebook => "FB",
        Channel::Instagram => "IG",
        Channel::WebForm => "WF",
    }
}

/// Draws the rows `prepare` loaded for this pane's height.
pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let inner = framed_pane(app, buf, area, &app.prepared.list_title, Pane::List);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if app.list.len == 0 {
        let text = app.t("empty-view");
        draw::line(buf, inner, &text, app.theme.dim, &app.profile);
        return;
    }
    let now = app.prepared.now;
    let w = inner.width as usize;
    // Columns that fit: priority 2, channel 3, SLA 7 always; customer and
    // assignee when there is room; the subject takes the rest.
    let customer_w = if w >= 60 {
        16
    } else if w >= 40 {
        10
    } else {
        0
    };
    let assignee_w = if w >= 90 { 10 } else { 0 };
    let profile = &app.profile;
    for (i, row) in app.list.rows.iter().enumerate().take(inner.height as usize) {
        let y = inner.y + i as u16;
        let index = app.list.offset + i;
        let selected = index == app.list.selected;
        let base = if selected {
            app.theme.selected
        } else {
            app.theme.plain
        };
        let line = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        draw::fill(buf, line, base);
        let t = &row.ticket;
        let (mut mark, mark_style) = priority_mark(&app.theme, t.priority);
        let marked = app.marked.contains(&t.id);
        let base = if marked {
            let over = if selected {
                app.theme.marked_selected
            } else {
                app.theme.marked
            };
            let base = base.patch(over);
            draw::fill(buf, line, base);
            mark = match t.priority {
                Priority::Urgent => "!*",
                Priority::High => "!*",
                Priority::Normal => "·*",
                Priority::Low => " *",
            };
            base
        } else {
            base
        };
        let mut x = draw::put_str(
            buf,
            inner.x,
            y,
            inner.right(),
            mark,
            base.patch(mark_style),
            profile,
        );
        x = draw::put_str(
            buf,
            x,
            y,
            inner.right(),
            channel_code(t.channel),
            base.patch(app.theme.channel),
            profile,
        );
        x += 1;
        // SLA countdown or age, right-aligned at the end.
        let (sla, sla_style) = sla_text(app, t, now);
        let sla_cell = text::pad_to(&sla, 7, profile);
        let right = inner.right().saturating_sub(7);
        draw::put_str(
            buf,
            right,
            y,
            inner.right(),
            &sla_cell,
            base.patch(sla_style),
            profile,
        );
        let mut end = right.saturating_sub(1);
        if assignee_w > 0 {
            let name = row
                .assignee_name
                .as_deref()
                .map(text::sanitize_line)
                .unwrap_or_default();
            let cell = text::pad_to(&name, assignee_w, profile);
            let ax = end.saturating_sub(assignee_w as u16);
            draw::put_str(
                buf,
                ax,
                y,
                end,
                &cell,
                base.patch(app.theme.assignee),
                profile,
            );
            end = ax.saturating_sub(1);
        }
        if customer_w > 0 {
            let name = text::sanitize_line(&row.customer_name);
            let cell = text::pad_to(&name, customer_w, profile);
            x = draw::put_str(
                buf,
                x,
                y,
                end,
                &cell,
                base.patch(app.theme.customer),
                profile,
            ) + 1;
        }
        let status = if t.status == Status::New { "● " } else { "" };
        let subject = format!("{status}{}", text::sanitize_line(&t.subject));
        let room = end.saturating_sub(x) as usize;
        let fitted = text::truncate(&subject, room, profile);
        draw::put_str(buf, x, y, end, &fitted, base, profile);
    }
}

/// "12m" until the next SLA deadline, "-3h" when breached, age when solved.
pub fn sla_text(
    app: &App,
    t: &sahaya_protocol::domain::Ticket,
    now: sahaya_protocol::domain::Timestamp,
) -> (String, Style) {
    if !t.status.is_active() {
        let age = (now - t.updated_at).num_seconds();
        return (app.i18n.duration(age), app.theme.dim);
    }
    if matches!(t.status, Status::Pending | Status::OnHold) {
        return (
            app.t(&format!("status-{}", t.status.as_str())),
            app.theme.dim,
        );
    }
    let left = (t.sla.next_due() - now).num_seconds();
    if left < 0 {
        (
            format!("-{}", app.i18n.duration(left)),
            app.theme.sla_breached,
        )
    } else if left < 3600 {
        (app.i18n.duration(left), app.theme.sla_soon)
    } else {
        (app.i18n.duration(left), app.theme.sla_later)
    }
}
