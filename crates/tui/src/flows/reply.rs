//! Replies and notes: the composer, its draft (kept across restarts), and
//! sending with the traffic cop (a warning when the ticket changed since the
//! composer opened).

use sahaya_keymap::Action;
use sahaya_protocol::domain::{MessageKind, Ticket};
use sahaya_store::OutboxOp;
use sahaya_text::TextBuffer;

use super::{Confirmed, confirm, enqueue, need_ticket};
use crate::app::{App, Composer, Pane};

/// Reply or note on the ticket the agent is on.
pub fn start(app: &mut App, kind: MessageKind) {
    let Some(ticket) = need_ticket(app) else {
        return;
    };
    open_composer(app, &ticket, kind, None);
}

/// Opens the composer on `ticket` with `text`, else with its saved draft.
pub fn open_composer(app: &mut App, ticket: &Ticket, kind: MessageKind, text: Option<String>) {
    let mut buffer = TextBuffer::new();
    let mut kind = kind;
    if let Some(text) = text {
        buffer.insert_str(&text);
    } else if let Ok(Some((draft_kind, draft))) = app.store.draft(ticket.id) {
        kind = draft_kind;
        buffer.insert_str(&draft);
    }
    if app.open.as_ref().map(|o| o.ticket.id) != Some(ticket.id) {
        app.open_ticket(ticket.id);
    }
    // What the agent has seen when starting to write (the traffic cop).
    let seen = app
        .store
        .messages(ticket.id)
        .unwrap_or_default()
        .iter()
        .filter(|m| m.id > 0)
        .map(|m| m.id)
        .max();
    let was_active = app
        .store
        .ticket(ticket.id)
        .ok()
        .flatten()
        .is_none_or(|t| t.status.is_active());
    app.composer = Some(Composer {
        ticket_id: ticket.id,
        kind,
        buffer,
        seen_last_message: seen,
        was_active,
        after_send: None,
    });
    app.focus = Pane::Thread;
}

/// Saves the composer's text as a draft (survives restarts).
pub fn save_draft(app: &mut App) {
    let Some(c) = &app.composer else { return };
    let text = c.buffer.text();
    let result = if text.is_empty() {
        app.store.delete_draft(c.ticket_id)
    } else {
        app.store.save_draft(c.ticket_id, c.kind, &text)
    };
    if let Err(e) = result {
        tracing::warn!("draft not saved: {e}");
    }
}

/// Keys bound in the composer.
pub fn composer_action(app: &mut App, action: Action) {
    use Action::*;
    match action {
        Send => send(app, false),
        ToggleReplyNote => {
            if let Some(c) = app.composer.as_mut() {
                c.kind = match c.kind {
                    MessageKind::Reply => MessageKind::Note,
                    MessageKind::Note | MessageKind::Customer => MessageKind::Reply,
                };
            }
            super::after_edit(app);
        }
        Cancel => {
            let empty = app
                .composer
                .as_ref()
                .is_none_or(|c| c.buffer.text().trim().is_empty());
            if empty {
                close_composer(app);
            } else {
                let q = app.t("confirm-discard-draft");
                confirm(app, q, Confirmed::DiscardDraft);
            }
        }
        Quit => super::quit(app),
        // Bound in the composer only by a user's keymap: while writing,
        // keys edit the text; these have nothing to do here.
        MoveDown | MoveUp | PageDown | PageUp | Top | Bottom | Open | NextPane | PrevPane
        | NextView | PrevView | ViewMine | ViewUnassigned | ViewOpen | ViewPending | ViewSolved
        | ViewSlaDue | Reply | Note | SetStatus | SetPriority | Assign | AssignToMe | Tags
        | Macro | OrderActions | ProactiveNotice | ToggleMark | Search | CommandPalette | Help
        | Supervisor | SyncNow | Outbox | ToggleRomanized => {}
    }
}

/// Closes the composer and drops its draft.
pub fn close_composer(app: &mut App) {
    if let Some(c) = app.composer.take()
        && let Err(e) = app.store.delete_draft(c.ticket_id)
    {
        tracing::warn!("draft not deleted: {e}");
    }
}

/// Queues the composer's message. Warns first when the ticket changed since
/// the composer opened (a new customer message, or solved by someone else).
pub fn send(app: &mut App, anyway: bool) {
    let Some(c) = app.composer.as_ref() else {
        return;
    };
    let body = c.buffer.text();
    if body.trim().is_empty() {
        let text = app.t("empty-message");
        app.flash(text);
        return;
    }
    let (ticket_id, kind, after_send) = (c.ticket_id, c.kind, c.after_send.clone());
    if !anyway && kind == MessageKind::Reply {
        let messages = app.store.messages(ticket_id).unwrap_or_default();
        let newest = messages.iter().filter(|m| m.id > 0).map(|m| m.id).max();
        let ticket = app.store.ticket(ticket_id).ok().flatten();
        let new_customer_message = newest > c.seen_last_message
            && messages.iter().any(|m| {
                m.id > c.seen_last_message.unwrap_or(0) && m.kind == MessageKind::Customer
            });
        // Solved or closed by someone else since the composer opened.
        let solved = c.was_active && ticket.as_ref().is_some_and(|t| !t.status.is_active());
        if new_customer_message || solved {
            let q = app.t(if solved {
                "warn-ticket-solved"
            } else {
                "warn-new-customer-message"
            });
            confirm(app, q, Confirmed::SendAnyway);
            return;
        }
    }
    let op = OutboxOp::Message {
        ticket_id,
        kind,
        body,
    };
    if enqueue(app, op) {
        // A macro's status and tags go out after its message, in order.
        if let Some(mut patch) = after_send {
            if let (Some(add), Ok(Some(t))) = (&patch.tags, app.store.ticket(ticket_id)) {
                let mut tags = t.tags.clone();
                tags.extend(add.iter().filter(|a| !t.tags.contains(a)).cloned());
                patch.tags = Some(tags);
            }
            enqueue(app, OutboxOp::Patch { ticket_id, patch });
        }
        close_composer(app);
        app.reload();
        let text = app.t("queued");
        app.flash(text);
    }
}
