//! Marking tickets in the list (one by one, all of the list, inverted,
//! none), so that one change covers many: status, priority, assignee,
//! group, tags. Each ticket still gets its own outbox entry.

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
    let patches = marked(app)
        .into_iter()
        .map(|id| (id, patch.clone()))
        .collect();
    queue_each(app, patches);
}

/// Every ticket of the list, in its order: the view, the drill-down, or
/// all the search matches (not only the rows loaded).
fn list_ids(app: &App) -> sahaya_store::Result<Vec<TicketId>> {
    let (me, now) = (app.my_id(), app.now());
    let len = app.list.len;
    let rows = match (&app.query, &app.filter) {
        (Some(q), _) => return app.store.query_ids(&q.query, &app.query_context(), 0, len),
        (None, Some(f)) => app.store.filtered_rows(f, now, 0, len as i64)?,
        (None, None) => app.store.ticket_rows(app.view, me, now, 0, len as i64)?,
    };
    Ok(rows.into_iter().map(|r| r.ticket.id).collect())
}

/// Marks every ticket of the list (`all`), or inverts the marks within it.
fn mark_list(app: &mut App, all: bool) {
    let ids = match list_ids(app) {
        Ok(ids) => ids,
        Err(e) => {
            app.flash_cache_error(&e);
            return;
        }
    };
    for id in ids {
        if all || !app.marked.remove(&id) {
            app.marked.insert(id);
        }
    }
    let text = app
        .i18n
        .tr_args("list-marked", &[("count", app.marked.len().into())]);
    app.flash(text);
}

/// Marks every ticket of the list: the view's, or all the search matches.
pub fn mark_all(app: &mut App) {
    mark_list(app, true);
}

/// The list's marked tickets become unmarked, the others marked.
pub fn invert_marks(app: &mut App) {
    mark_list(app, false);
}

pub fn clear_marks(app: &mut App) {
    app.marked.clear();
}

/// Asks which tags to add (`cod`, `+cod`) and remove (`-vip`) on every
/// marked ticket.
pub fn tags(app: &mut App) {
    let title = app
        .i18n
        .tr_args("prompt-tags-marked", &[("count", app.marked.len().into())]);
    super::prompt(app, title, "", super::Ask::BulkTags);
}

/// Tags to add and to remove, as typed: blanks or commas between them, a
/// leading `-` removes, a leading `+` (or none) adds.
pub fn tag_changes(value: &str) -> (Vec<String>, Vec<String>) {
    let (mut add, mut remove) = (Vec::new(), Vec::new());
    for word in value.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
        match word.strip_prefix('-') {
            Some(tag) => remove.push(sahaya_protocol::wire::normalize_tag(tag)),
            None => add.push(sahaya_protocol::wire::normalize_tag(
                word.strip_prefix('+').unwrap_or(word),
            )),
        }
    }
    add.retain(|t| !t.is_empty());
    remove.retain(|t| !t.is_empty());
    (add, remove)
}

/// Queues, per marked ticket whose tags change, its new tag list (each
/// its own outbox entry, based on the version the cache has).
pub fn tags_answered(app: &mut App, value: &str) -> Result<(), String> {
    let (add, remove) = tag_changes(value);
    if add.is_empty() && remove.is_empty() {
        return Err(app.t("error-tags-marked"));
    }
    let mut patches = Vec::new();
    for id in marked(app) {
        let Some(ticket) = super::cached_ticket(app, id) else {
            continue;
        };
        let mut tags: Vec<String> = ticket
            .tags
            .iter()
            .filter(|t| !remove.contains(t))
            .cloned()
            .collect();
        for tag in &add {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        if tags != ticket.tags {
            patches.push((
                id,
                TicketPatch {
                    tags: Some(tags),
                    ..Default::default()
                },
            ));
        }
    }
    queue_each(app, patches);
    Ok(())
}

/// Queues each ticket's own patch, one outbox entry each; the marks of
/// the tickets queued are cleared.
fn queue_each(app: &mut App, patches: Vec<(TicketId, TicketPatch)>) {
    let mut queued = 0i64;
    let mut failed = false;
    for (ticket_id, patch) in patches {
        match app.store.enqueue(OutboxOp::Patch { ticket_id, patch }) {
            Ok(_) => {
                queued += 1;
                app.marked.remove(&ticket_id);
            }
            Err(e) => {
                let text = app
                    .i18n
                    .tr_args("error-cache-write", &[("error", e.to_string().into())]);
                app.flash(text);
                failed = true;
                break;
            }
        }
    }
    app.effects.push(Effect::Kick);
    app.reload();
    if !failed {
        let text = app.i18n.tr_args("queued-many", &[("count", queued.into())]);
        app.flash(text);
    }
}
