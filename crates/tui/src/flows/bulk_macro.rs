//! A macro on every marked ticket: its reply, with each ticket's own
//! placeholders filled from the cache, then its status and tags; each
//! ticket its own outbox entries. A ticket whose placeholders the cache
//! cannot fill is left out and named (the agent applies the macro to it
//! alone, typing what is missing).

use sahaya_protocol::domain::{Macro, MessageKind, TicketId};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::OutboxOp;

use super::{Pick, cached_ticket, open_picker};
use crate::app::{App, Effect};

/// The macro picker for the marked tickets; its title says how many.
pub fn start(app: &mut App) {
    let macros = match app.store.macros() {
        Ok(macros) => macros,
        Err(e) => {
            app.flash_cache_error(&e);
            return;
        }
    };
    if macros.is_empty() {
        let text = app.t("no-macros");
        app.flash(text);
        return;
    }
    let items = macros
        .iter()
        .map(|m| {
            (
                format!("[{}] {}", m.language, sahaya_text::sanitize_line(&m.name)),
                Pick::BulkMacro(m.id),
            )
        })
        .collect();
    let title = app
        .i18n
        .tr_args("picker-macro-marked", &[("count", app.marked.len().into())]);
    open_picker(app, title, items, 0);
}

/// The reply of `m` for `ticket_id` with every placeholder filled, or None
/// when the cache does not know one of them.
fn body_for(app: &mut App, m: &Macro, ticket_id: TicketId) -> Option<String> {
    let ticket = cached_ticket(app, ticket_id)?;
    let mut body = m.body.clone();
    for name in m.placeholders() {
        let value = crate::macros::fill(app, &name, &ticket)?;
        body = crate::macros::substitute(&body, &name, &value);
    }
    Some(body)
}

/// Queues macro `macro_id` on every marked ticket it can be filled for.
pub fn chosen(app: &mut App, macro_id: i64) {
    let m = match app.store.macros() {
        Ok(macros) => macros.into_iter().find(|m| m.id == macro_id),
        Err(e) => {
            app.flash_cache_error(&e);
            return;
        }
    };
    let Some(m) = m else { return };
    let mut queued = 0i64;
    let mut left_out = Vec::new();
    for ticket_id in super::bulk::marked(app) {
        let Some(body) = body_for(app, &m, ticket_id) else {
            left_out.push(format!("#{ticket_id}"));
            continue;
        };
        let message = OutboxOp::Message {
            ticket_id,
            kind: MessageKind::Reply,
            body,
        };
        if let Err(e) = app.store.enqueue(message) {
            let text = app
                .i18n
                .tr_args("error-cache-write", &[("error", e.to_string().into())]);
            app.flash(text);
            app.effects.push(Effect::Kick);
            app.reload();
            return;
        }
        if let Some(patch) = after(app, &m, ticket_id)
            && let Err(e) = app.store.enqueue(OutboxOp::Patch { ticket_id, patch })
        {
            tracing::warn!("macro's changes to {ticket_id} not queued: {e}");
        }
        queued += 1;
        app.marked.remove(&ticket_id);
    }
    app.effects.push(Effect::Kick);
    app.reload();
    let text = if left_out.is_empty() {
        app.i18n
            .tr_args("macro-queued-marked", &[("count", queued.into())])
    } else {
        app.i18n.tr_args(
            "macro-queued-marked-some",
            &[
                ("count", queued.into()),
                ("left", (left_out.len() as i64).into()),
                ("tickets", left_out.join(" ").into()),
            ],
        )
    };
    app.flash(text);
}

/// The macro's status and tags for `ticket_id` (its tags added to the
/// ticket's), if it sets any.
fn after(app: &mut App, m: &Macro, ticket_id: TicketId) -> Option<TicketPatch> {
    if m.set_status.is_none() && m.add_tags.is_empty() {
        return None;
    }
    let tags = (!m.add_tags.is_empty()).then(|| {
        let mut tags = cached_ticket(app, ticket_id)
            .map(|t| t.tags)
            .unwrap_or_default();
        for tag in &m.add_tags {
            let tag = sahaya_protocol::wire::normalize_tag(tag);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    });
    Some(TicketPatch {
        status: m.set_status,
        tags,
        ..Default::default()
    })
}
