//! The conversation thread (newest at the bottom) and the composer under it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use super::app::{App, Pane};
use super::draw::{self, Part};
use super::view::{framed, framed_pane};
use sahaya_protocol::domain::{Delivery, Message, MessageKind, Timestamp};
use sahaya_text as text;

/// One drawn line of the thread.
struct Line {
    parts: Vec<(String, Style)>,
    indent: u16,
}

fn kind_style(kind: MessageKind) -> Style {
    match kind {
        MessageKind::Customer => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        MessageKind::Reply => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        MessageKind::Note => Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
    }
}

fn delivery_style(d: Delivery) -> Style {
    match d {
        Delivery::Queued => Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::ITALIC),
        Delivery::Failed => Style::new().fg(Color::Red),
        _ => Style::new().fg(Color::DarkGray),
    }
}

pub fn render(app: &mut App, frame: &mut Frame<'_>, area: Rect) {
    let composer_h = if app.composer.is_some() {
        (area.height / 3).clamp(5, 12)
    } else {
        0
    };
    let thread_area = Rect {
        height: area.height.saturating_sub(composer_h),
        ..area
    };
    let composer_area = Rect {
        y: area.y + thread_area.height,
        height: composer_h,
        ..area
    };
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
            Style::new().fg(Color::DarkGray),
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
    let profile = app.profile.clone();
    let now = chrono::Utc::now();
    // Header: status, priority, assignee, tags.
    let header = vec![
        Part::new(
            super::labels::status_label(app, t.status),
            Style::new().fg(Color::Cyan),
        ),
        Part::new(" · ", Style::new()),
        Part::new(
            super::labels::priority_label(app, t.priority),
            Style::new().fg(Color::LightRed),
        ),
        Part::new(" · ", Style::new()),
        Part::new(
            super::labels::channel_label(app, t.channel),
            Style::new().fg(Color::Blue),
        ),
        Part::new(" · ", Style::new()),
        Part::new(
            t.tags
                .iter()
                .map(|g| format!("#{}", text::sanitize_line(g)))
                .collect::<Vec<_>>()
                .join(" "),
            Style::new().fg(Color::Magenta),
        ),
    ];
    draw::parts(
        frame.buffer_mut(),
        Rect { height: 1, ..inner },
        &header,
        &profile,
    );
    // Who else has this ticket open gets a row of its own, so a long subject
    // line or many tags can never push the traffic-cop warning off the edge.
    let mut top = 1;
    if let Some(viewers) = app.viewers.get(&t.id).filter(|v| !v.is_empty())
        && inner.height > 2
    {
        let names: Vec<String> = viewers
            .iter()
            .map(|v| {
                let name = text::sanitize_line(&v.name).into_owned();
                if v.typing {
                    app.i18n
                        .tr_args("presence-typing", &[("name", name.into())])
                } else {
                    name
                }
            })
            .collect();
        draw::parts(
            frame.buffer_mut(),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
            &[Part::new(
                format!("👁 {}", names.join(", ")),
                Style::new().fg(Color::LightMagenta),
            )],
            &profile,
        );
        top = 2;
    }
    let body_area = Rect {
        y: inner.y + top,
        height: inner.height.saturating_sub(top),
        ..inner
    };

    // Virtualized: messages are laid out from the newest up, only until the
    // window (the pane's height plus what is scrolled) is filled, so a frame
    // costs the same for a thread of 5 messages or of 5,000.
    let width = body_area.width.saturating_sub(2) as usize;
    let height = body_area.height as usize;
    let wanted = height.saturating_add(open.thread_scroll);
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut built = 0usize;
    for m in open.messages.iter().rev() {
        if built >= wanted {
            break;
        }
        let block = message_lines(app, m, width.max(1), now);
        built += block.len();
        blocks.push(block);
    }
    let lines: Vec<Line> = blocks.into_iter().rev().flatten().collect();
    app.frame_stats.thread_lines = lines.len();
    // Scrolling past the top stops there, so the way back is one key.
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = open.thread_scroll.min(max_scroll);
    let start = lines.len().saturating_sub(height + scroll);
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().skip(start).take(height).enumerate() {
        let y = body_area.y + i as u16;
        let mut x = body_area.x + line.indent;
        for (s, style) in &line.parts {
            let fitted = text::truncate(s, body_area.right().saturating_sub(x) as usize, &profile);
            x = draw::put_str(buf, x, y, body_area.right(), &fitted, *style, &profile);
        }
    }
    if let Some(open) = app.open.as_mut() {
        open.thread_scroll = scroll;
        open.thread_rows = height;
    }
    if composer_h > 0 {
        render_composer(app, frame, composer_area);
    }
}

/// The lines of one message: its header line, its wrapped body and a blank.
fn message_lines(app: &App, m: &Message, width: usize, now: Timestamp) -> Vec<Line> {
    let label = app.t(&format!("kind-{}", m.kind.as_str()));
    let delivery = app.t(&format!("delivery-{}", m.delivery.as_str()));
    let mut lines = vec![Line {
        parts: vec![
            (format!(" {label} "), kind_style(m.kind)),
            (
                format!(" {} ", text::sanitize_line(m.author.name())),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            (
                format!(
                    "· {} · {} ",
                    app.i18n.when(m.created_at, now),
                    app.t(&format!("channel-{}", m.channel.as_str()))
                ),
                Style::new().fg(Color::DarkGray),
            ),
            (format!("· {delivery}"), delivery_style(m.delivery)),
        ],
        indent: 0,
    }];
    let body = text::sanitize(&m.body);
    let style = if m.kind == MessageKind::Note {
        Style::new().fg(Color::Yellow)
    } else {
        Style::new()
    };
    for l in text::wrap(&body, width, &app.profile) {
        lines.push(Line {
            parts: vec![(l.to_string(), style)],
            indent: 2,
        });
    }
    lines.push(Line {
        parts: Vec::new(),
        indent: 0,
    });
    lines
}

fn render_composer(app: &mut App, frame: &mut Frame<'_>, area: Rect) {
    let Some(c) = app.composer.as_ref() else {
        return;
    };
    let (title_id, color) = match c.kind {
        MessageKind::Note => ("composer-note", Color::Yellow),
        _ => ("composer-reply", Color::Green),
    };
    let title = format!("{} · {}", app.t(title_id), app.t("composer-hint"));
    let block = ratatui::widgets::Block::bordered().border_style(Style::new().fg(color));
    let inner = framed(frame.buffer_mut(), area, block);
    super::view::title(
        frame.buffer_mut(),
        area,
        &title,
        Style::new().fg(color),
        &app.profile,
    );
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    app.composer_width = width;
    let Some(c) = app.composer.as_ref() else {
        return;
    };
    let lines = c.buffer.visual_lines(width, &app.profile);
    let (row, col) = c.buffer.cursor_screen_pos(width, &app.profile);
    let height = inner.height as usize;
    let first = (row + 1).saturating_sub(height);
    let buf = frame.buffer_mut();
    for (i, l) in lines.iter().skip(first).take(height).enumerate() {
        draw::put_str(
            buf,
            inner.x,
            inner.y + i as u16,
            inner.right(),
            l,
            Style::new(),
            &app.profile,
        );
    }
    if app.overlay.is_none() {
        let x = inner.x + (col as u16).min(inner.width.saturating_sub(1));
        let y = inner.y + (row - first) as u16;
        frame.set_cursor_position(Position { x, y });
    }
}
