//! Before each frame, the state it shows is prepared here: the list's
//! visible rows for the pane's height, the thread's and the customer pane's
//! visible lines with their scroll limits, the composer's width, the list's
//! title, the problems list. Views then draw from `&App` alone.

use ratatui::layout::Rect;

use super::app::{App, FrameStats, Line};
use super::layout;
use super::overlay::Overlay;
use sahaya_protocol::domain::{Message, MessageKind, Timestamp};
use sahaya_text as text;

/// Lays out the next frame for a terminal of `area`.
pub fn prepare(app: &mut App, area: Rect) {
    app.frame_stats = FrameStats::default();
    app.prepared.now = app.now();
    app.prepared.viewers = None;
    app.prepared.thread.clear();
    app.prepared.customer.clear();
    problems(app);
    if app.show_supervisor {
        return;
    }
    let [_, main, _] = layout::screen(area);
    let areas = layout::layout(app, main);
    if let Some(r) = areas.list {
        list(app, r);
    }
    if let Some(r) = areas.thread {
        thread(app, r);
    }
    if let Some(r) = areas.customer {
        customer(app, r);
    }
}

/// The list's title and its visible rows: only what fits is loaded.
fn list(app: &mut App, area: Rect) {
    let shown = match (&app.query, &app.filter) {
        (Some(q), _) => match q.saved.and_then(|i| app.saved.views.get(i)) {
            Some(view) => text::sanitize_line(&view.name).into_owned(),
            None => app.i18n.tr_args(
                "list-search",
                &[("query", text::sanitize_line(&q.text).into_owned().into())],
            ),
        },
        (None, Some(f)) => super::supervisor::filter_label(app, f),
        (None, None) => super::labels::view_label(app, app.view),
    };
    let mut title = format!("{} · {}", app.t("pane-tickets"), shown);
    if !app.marked.is_empty() {
        let marked = app
            .i18n
            .tr_args("list-marked", &[("count", app.marked.len().into())]);
        title = format!("{title} · {marked}");
    }
    app.prepared.list_title = title;
    let inner = layout::inner(area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    app.load_rows(inner.height as usize);
    app.frame_stats.list_rows = app.list.rows.len();
}

/// The thread's visible lines, virtualized: messages are laid out from the
/// newest up, only until the window (the pane's height plus what is
/// scrolled) is filled, so a frame costs the same for a thread of 5
/// messages or of 5,000.
fn thread(app: &mut App, area: Rect) {
    let (thread_area, composer_area) = layout::thread_and_composer(app, area);
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let inner = layout::inner(thread_area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let id = open.ticket.id;
    // Who else has this ticket open gets a row of its own, so a long subject
    // line or many tags can never push the traffic-cop warning off the edge.
    if let Some(viewers) = app.viewers.get(&id).filter(|v| !v.is_empty())
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
        app.prepared.viewers = Some(format!("👁 {}", names.join(", ")));
    }
    let body = layout::thread_body(inner, app.prepared.viewers.is_some());
    let width = body.width.saturating_sub(2) as usize;
    let height = body.height as usize;
    let now = app.prepared.now;
    let Some(open) = app.open.as_ref() else {
        return;
    };
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
    app.prepared.thread = lines.into_iter().skip(start).take(height).collect();
    if let Some(open) = app.open.as_mut() {
        open.thread_scroll = scroll;
        open.thread_rows = height;
    }
    if composer_area.height > 0 {
        let inner = layout::inner(composer_area);
        if inner.width > 0 && inner.height > 0 {
            app.composer_width = inner.width as usize;
        }
    }
}

/// The lines of one message: its header line, its wrapped body and a blank.
fn message_lines(app: &App, m: &Message, width: usize, now: Timestamp) -> Vec<Line> {
    let label = app.t(&format!("kind-{}", m.kind.as_str()));
    // A message still in this console's outbox (negative id) is not on the
    // server yet: "waiting to send", or refused (the problems list says why).
    let delivery = match (m.id < 0, m.delivery) {
        (true, sahaya_protocol::domain::Delivery::Queued) => app.t("delivery-waiting"),
        (true, sahaya_protocol::domain::Delivery::Failed) => app.t("delivery-refused"),
        _ => app.t(&format!("delivery-{}", m.delivery.as_str())),
    };
    let mut parts = vec![
        (format!(" {label} "), app.theme.message_kind(m.kind)),
        (
            format!(" {} ", text::sanitize_line(m.author.name())),
            app.theme.bold,
        ),
        (
            format!(
                "· {} · {} ",
                app.i18n.when(m.created_at, now),
                app.t(&format!("channel-{}", m.channel.as_str()))
            ),
            app.theme.dim,
        ),
        (format!("· {delivery}"), app.theme.delivery(m.delivery)),
    ];
    // A reply that is not on its way yet, or did not reach the customer,
    // says so first, where a narrow thread cannot cut it off.
    if m.id < 0 || m.delivery == sahaya_protocol::domain::Delivery::Failed {
        let state = parts.remove(3);
        parts.insert(1, (format!(" {delivery} "), state.1));
    }
    let mut lines = vec![Line { parts, indent: 0 }];
    if let Some(reason) = m.delivery_error.as_deref().filter(|_| m.id > 0) {
        let reason = text::sanitize_line(reason);
        for l in text::wrap(&format!("⚠ {reason}"), width, &app.profile) {
            lines.push(Line {
                parts: vec![(l.to_string(), app.theme.delivery(m.delivery))],
                indent: 2,
            });
        }
    }
    let body = text::sanitize(&m.body);
    let style = match m.kind {
        MessageKind::Note => app.theme.note_body,
        MessageKind::Customer | MessageKind::Reply => app.theme.plain,
    };
    for l in text::wrap(&body, width, &app.profile) {
        lines.push(Line {
            parts: vec![(l.to_string(), style)],
            indent: 2,
        });
    }
    for file in &m.attachments {
        let row = format!(
            "📎 {} · {}",
            text::sanitize_line(&file.name),
            super::fmt::file_size(&app.i18n, file.size)
        );
        lines.push(Line {
            parts: vec![(
                text::truncate(&row, width, &app.profile).into_owned(),
                app.theme.dim,
            )],
            indent: 2,
        });
    }
    lines.push(Line {
        parts: Vec::new(),
        indent: 0,
    });
    lines
}

/// The customer pane's rows, wrapped to its width, from its scroll.
fn customer(app: &mut App, area: Rect) {
    let inner = layout::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let mut rows: Vec<(String, ratatui::style::Style)> = Vec::new();
    for (s, style) in super::customer_lines::lines(app) {
        if s.is_empty() {
            rows.push((String::new(), style));
            continue;
        }
        for l in text::wrap(&s, inner.width as usize, &app.profile) {
            rows.push((l.to_string(), style));
        }
    }
    let height = inner.height as usize;
    let max_scroll = rows.len().saturating_sub(height);
    let scroll = app
        .open
        .as_ref()
        .map_or(0, |o| o.customer_scroll)
        .min(max_scroll);
    if let Some(open) = app.open.as_mut() {
        open.customer_scroll = scroll;
        open.customer_rows = height;
    }
    app.prepared.customer = rows.into_iter().skip(scroll).take(height).collect();
}

/// The problems overlay's rows: each write and why it needs the agent.
fn problems(app: &mut App) {
    app.prepared.problems.clear();
    if !matches!(app.overlay, Some(Overlay::Problems { .. })) {
        return;
    }
    app.prepared.problems = match super::problems::all(app) {
        Ok(problems) => problems
            .iter()
            .map(|p| super::problems::row(app, p))
            .collect(),
        // Shown in the overlay itself, not an empty list.
        Err(e) => vec![(
            app.i18n
                .tr_args("error-cache-read", &[("error", e.to_string().into())]),
            String::new(),
        )],
    };
}
