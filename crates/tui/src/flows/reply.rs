//! Replies and notes: the composer, its draft (kept across restarts), and
//! sending with the traffic cop (a warning when the ticket changed since the
//! composer opened).

use sahaya_keymap::Action;
use sahaya_protocol::domain::{Message, MessageKind, Ticket, TicketId};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::{OutboxOp, StoreError};
use sahaya_text::TextBuffer;

use super::{Confirmed, confirm, enqueue, enqueue_with, need_ticket};
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
    } else {
        match app.store.draft(ticket.id) {
            Ok(Some((draft_kind, draft))) => {
                kind = draft_kind;
                buffer.insert_str(&draft);
            }
            Ok(None) => {}
            Err(e) => {
                tracing::warn!("cannot read the draft of {}: {e}", ticket.id);
                app.flash_cache_error(&e);
            }
        }
    }
    if app.open.as_ref().map(|o| o.ticket.id) != Some(ticket.id) {
        app.open_ticket(ticket.id);
    }
    // What the agent has seen when starting to write (the traffic cop).
    let (seen_last_message, was_active, unchecked) = match seen(app, ticket.id) {
        Ok((seen, active)) => (seen, active, None),
        Err(e) => {
            tracing::warn!("cannot read ticket {} for the traffic cop: {e}", ticket.id);
            (None, true, Some(e.to_string()))
        }
    };
    app.composer = Some(Composer {
        ticket_id: ticket.id,
        kind,
        buffer,
        typing: crate::typing_focus::for_reply(app, ticket.id),
        seen_last_message,
        was_active,
        unchecked,
        after_send: None,
        files: Vec::new(),
    });
    app.focus = Pane::Thread;
}

/// Saves the composer's text as a draft (survives restarts).
pub fn save_draft(app: &mut App) {
    let Some(c) = &app.composer else { return };
    // With the Latin still pending: nothing typed is lost.
    let text = c.typing.shown_text(&c.buffer);
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
        AttachFile => super::files::ask_path(app),
        // Bound in the composer only by a user's keymap: while writing,
        // keys edit the text; these have nothing to do here.
        MoveDown
        | MoveUp
        | PageDown
        | PageUp
        | Top
        | Bottom
        | Open
        | NextPane
        | PrevPane
        | NextView
        | PrevView
        | ViewMine
        | ViewUnassigned
        | ViewOpen
        | ViewPending
        | ViewSolved
        | ViewSlaDue
        | Reply
        | Note
        | SetStatus
        | SetPriority
        | Assign
        | AssignToMe
        | Tags
        | Macro
        | OrderActions
        | ProactiveNotice
        | ToggleMark
        | Search
        | CommandPalette
        | Help
        | Supervisor
        | SyncNow
        | Outbox
        | ToggleRomanized
        | Files
        | ToggleTransliteration
        | NextScript
        | ShowResults
        | SaveView
        | MarkAll
        | InvertMarks
        | ClearMarks
        | SetGroup
        | LateShipments
        | EditMacros
        | Merge => {}
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
    if body.trim().is_empty() && c.files.is_empty() {
        let text = app.t("empty-message");
        app.flash(text);
        return;
    }
    let (ticket_id, kind, after_send) = (c.ticket_id, c.kind, c.after_send.clone());
    let files = c.files.clone();
    if !anyway && kind == MessageKind::Reply {
        // A cache that cannot be read is said, never taken for "nothing
        // changed".
        let warning = match &c.unchecked {
            Some(error) => Err(error.clone()),
            None => changed(app, c).map_err(|e| {
                tracing::warn!("cannot read ticket {ticket_id} for the traffic cop: {e}");
                e.to_string()
            }),
        };
        let question = match warning {
            Ok(None) => None,
            Ok(Some(id)) => Some(app.t(id)),
            Err(error) => Some(
                app.i18n
                    .tr_args("warn-cannot-check", &[("error", error.into())]),
            ),
        };
        if let Some(q) = question {
            confirm(app, q, Confirmed::SendAnyway);
            return;
        }
    }
    let op = OutboxOp::Message {
        ticket_id,
        kind,
        body,
    };
    if enqueue_with(app, op, files) {
        // A macro's status and tags go out after its message, in order.
        let mut problem = None;
        if let Some(patch) = after_send {
            match with_ticket_tags(app, ticket_id, patch) {
                Ok(patch) => {
                    enqueue(app, OutboxOp::Patch { ticket_id, patch });
                }
                Err(e) => {
                    tracing::warn!("macro's changes to {ticket_id} not queued: {e}");
                    problem = Some(e);
                }
            }
        }
        close_composer(app);
        app.reload();
        match problem {
            Some(e) => app.flash_cache_error(&e),
            None => {
                let text = app.t("queued");
                app.flash(text);
            }
        }
    }
}

/// The id of the newest message the server gave (queued ones have none).
fn newest(messages: &[Message]) -> Option<i64> {
    messages.iter().filter(|m| m.id > 0).map(|m| m.id).max()
}

/// The newest message and whether the ticket is active, as cached now.
fn seen(app: &App, ticket_id: TicketId) -> Result<(Option<i64>, bool), StoreError> {
    let newest = newest(&app.store.messages(ticket_id)?);
    let active = app
        .store
        .ticket(ticket_id)?
        .is_none_or(|t| t.status.is_active());
    Ok((newest, active))
}

/// What changed since the composer opened, as the message id of its
/// warning: a new customer message, or the ticket solved or closed by
/// someone else.
fn changed(app: &App, c: &Composer) -> Result<Option<&'static str>, StoreError> {
    let messages = app.store.messages(c.ticket_id)?;
    let ticket = app.store.ticket(c.ticket_id)?;
    let new_customer_message = newest(&messages) > c.seen_last_message
        && messages
            .iter()
            .any(|m| m.id > c.seen_last_message.unwrap_or(0) && m.kind == MessageKind::Customer);
    let solved = c.was_active && ticket.as_ref().is_some_and(|t| !t.status.is_active());
    Ok(if solved {
        Some("warn-ticket-solved")
    } else if new_customer_message {
        Some("warn-new-customer-message")
    } else {
        None
    })
}

/// A macro's patch with its tags added to the ticket's (the patch holds
/// only the tags to add).
fn with_ticket_tags(
    app: &App,
    ticket_id: TicketId,
    mut patch: TicketPatch,
) -> Result<TicketPatch, StoreError> {
    if let Some(add) = &patch.tags
        && let Some(t) = app.store.ticket(ticket_id)?
    {
        let mut tags = t.tags.clone();
        tags.extend(add.iter().filter(|a| !t.tags.contains(a)).cloned());
        patch.tags = Some(tags);
    }
    Ok(patch)
}
