//! Marking tickets in the list, so that one status, priority or assignee
//! change covers many (each still its own outbox entry).

use sahaya_protocol::domain::TicketId;
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::OutboxOp;

use crate::app::{App, Effect, Pane};

/// Marks or unmarks the selected ticket of the list and moves down.
pub fn toggle_mark(app: &mut App) {
    if app.focus != Pane::List {
        return;
    }
    let Some(id) = app.selected_row().map(|r| r.ticket.id) else {
        return;
    };
    if !app.marked.remove(&id) {
        app.marked.insert(id);
    }
    if app.list.selected + 1 < app.list.len {
        app.list.selected += 1;
        let height = app.list.height;
        app.load_rows(height);
    }
}

/// The tickets a change from the list applies to: the marked ones, if any.
pub fn marked(app: &App) -> Vec<TicketId> {
    app.marked.iter().copied().collect()
}

/// Queues `patch` for every marked ticket, each as its own outbox entry
/// (own idempotency key, own base version), then clears the marks.
pub fn patch_marked(app: &mut App, patch: TicketPatch) {
    let ids = marked(app);
    let mut queued = 0i64;
    for ticket_id in ids {
        let op = OutboxOp::Patch {
            ticket_id,
            patch: patch.clone(),
        };
        match app.store.enqueue(op) {
            Ok(_) => {
                queued += 1;
                app.marked.remove(&ticket_id);
            }
            Err(e) => {
                let text = app
                    .i18n
                    .tr_args("error-cache-write", &[("error", e.to_string().into())]);
                app.flash(text);
                app.effects.push(Effect::Kick);
                app.reload();
                return;
            }
        }
    }
    app.effects.push(Effect::Kick);
    app.reload();
    let text = app.i18n.tr_args("queued-many", &[("count", queued.into())]);
    app.flash(text);
}
