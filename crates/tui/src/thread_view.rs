//! The conversation thread (newest at the bottom) and the composer under it.
//! The visible lines were laid out by `prepare` (virtualized, scrolled);
//! this draws them.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::{App, Pane};
use super::draw::{self, Part};
use super::frames::{framed, framed_pane};
use super::labels::{channel_label, priority_label, status_label};
use super::layout;
use sahaya_text as text;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let (thread_area, composer_area) = layout::thread_and_composer(app, area);
    let Some(open) = app.open.as_ref() else {
        let inner = framed_pane(
            app,
            frame.buffer_mut(),
            thread_area,
            &app.t("pane-conversation"),
            Pane::Thread,
        );
        let text = app.t("select-ticket");
        draw::line(
            frame.buffer_mut(),
            inner,
            &text,
            app.theme.dim,
            &app.profile,
        );
        return;
    };
    let t = &open.ticket;
    let title = format!("#{} {}", t.id, text::sanitize_line(&t.subject));
    let inner = framed_pane(app, frame.buffer_mut(), thread_area, &title, Pane::Thread);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let profile = &app.profile;
    // Header: status, priority, channel, tags, group.
    // A merged ticket says where it went.
    let status = match sahaya_protocol::wire::merged_into(t) {
        Some(into) => app.i18n.tr_args(
            "header-merged-into",
            &[
                ("status", status_label(app, t.status).into()),
                ("id", into.to_string().into()),
            ],
        ),
        None => status_label(app, t.status),
    };
    let header = vec![
        Part::new(status, app.theme.header_status),
        Part::new(" · ", app.theme.plain),
        Part::new(priority_label(app, t.priority), app.theme.header_priority),
        Part::new(" · ", app.theme.plain),
        Part::new(channel_label(app, t.channel), app.theme.header_channel),
        Part::new(" · ", app.theme.plain),
        Part::new(
            t.tags
                .iter()
                .map(|g| format!("#{}", text::sanitize_line(g)))
                .collect::<Vec<_>>()
                .join(" "),
            app.theme.header_tags,
        ),
        // Last: the tags the agent works with come first when space is short.
        Part::new(if t.tags.is_empty() { "" } else { " · " }, app.theme.plain),
        Part::new(
            app.i18n.tr_args(
                "header-group",
                &[(
                    "group",
                    super::supervisor::group_label(app, &t.group).into(),
                )],
            ),
            app.theme.header_channel,
        ),
    ];
    draw::parts(
        frame.buffer_mut(),
        Rect { height: 1, ..inner },
        &header,
        profile,
    );
    if let Some(viewers) = &app.prepared.viewers {
        let row = Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        };
        let parts = [Part::new(viewers.as_str(), app.theme.viewers)];
        draw::parts(frame.buffer_mut(), row, &parts, profile);
    }
    let body = layout::thread_body(inner, app.prepared.viewers.is_some());
    let buf = frame.buffer_mut();
    for (i, line) in app
        .prepared
        .thread
        .iter()
        .take(body.height as usize)
        .enumerate()
    {
        let y = body.y + i as u16;
        let mut x = body.x + line.indent;
        for (s, style) in &line.parts {
            let fitted = text::truncate(s, body.right().saturating_sub(x) as usize, profile);
            x = draw::put_str(buf, x, y, body.right(), &fitted, *style, profile);
        }
    }
    if composer_area.height > 0 {
        render_composer(app, frame, composer_area);
    }
}

fn render_composer(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let Some(c) = app.composer.as_ref() else {
        return;
    };
    let title_id = match c.kind {
        sahaya_protocol::domain::MessageKind::Note => "composer-note",
        _ => "composer-reply",
    };
    let style = app.theme.composer(c.kind);
    let mut title = app.t(title_id);
    for file in &c.files {
        title.push_str(&format!(" · 📎 {}", text::sanitize_line(&file.name)));
    }
    title.push_str(&format!(" · {}", app.t("composer-hint")));
    let block = ratatui::widgets::Block::bordered().border_style(style);
    let inner = framed(frame.buffer_mut(), area, block);
    super::frames::title(frame.buffer_mut(), area, &title, style, &app.profile);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    super::input_view::composer(app, frame, inner, c);
}
