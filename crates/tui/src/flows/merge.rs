//! Merging the open ticket, or every marked one, into another: the target
//! is typed as its number or found with the search language, a
//! confirmation says what moves, and each ticket merged is its own outbox
//! entry (its own idempotency key, both tickets' versions as the cache has
//! them). The rules are the server's (`sahaya_protocol::wire::check_merge`),
//! checked here first so a refusal is said before anything is queued.

use sahaya_protocol::domain::{Status, Ticket, TicketId};
use sahaya_protocol::wire::{MergeRefusal, check_merge, merged_into};
use sahaya_store::OutboxOp;

use super::{Ask, Confirmed, Pick, cached_ticket, confirm, need_ticket, open_picker, prompt};
use crate::app::{App, Effect};

/// Most tickets a search offers as the target.
const MAX_CANDIDATES: usize = 50;

/// Tickets to merge and where to.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub tickets: Vec<TicketId>,
    pub into: TicketId,
}

/// Asks for the target of the open ticket, or of the marked ones.
pub fn start(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let tickets: Vec<TicketId> = if app.marked.is_empty() {
        vec![t.id]
    } else {
        app.marked.iter().copied().collect()
    };
    let title = match tickets.as_slice() {
        [one] => app
            .i18n
            .tr_args("prompt-merge", &[("id", one.to_string().into())]),
        many => app
            .i18n
            .tr_args("prompt-merge-marked", &[("count", many.len().into())]),
    };
    prompt(app, title, "", Ask::MergeTarget(tickets));
}

/// The target typed: a ticket number (`12`, `#12`, in any script's
/// digits) goes straight to the confirmation; words search the cache and
/// the matches that can take the merge are offered in a picker.
pub fn target_answered(app: &mut App, tickets: Vec<TicketId>, value: &str) -> Result<(), String> {
    let value = super::required(app, value)?;
    let digits = sahaya_i18n::ascii_digits(value.trim_start_matches('#'));
    if let Ok(id) = digits.parse::<TicketId>() {
        if cached_ticket(app, id).is_none() {
            return Err(app
                .i18n
                .tr_args("error-merge-no-ticket", &[("id", id.to_string().into())]));
        }
        return ask_confirm(app, Plan { tickets, into: id });
    }
    let query = sahaya_store::language::parse(&value)
        .map_err(|e| crate::query_text::error_text(app, &e))?;
    let ids = app
        .store
        .query_ids(&query, &app.query_context(), 0, MAX_CANDIDATES * 4)
        .map_err(|e| e.to_string())?;
    let mut items = Vec::new();
    for id in ids {
        if tickets.contains(&id) {
            continue;
        }
        let Some(t) = cached_ticket(app, id) else {
            continue;
        };
        if t.status == Status::Closed || merged_into(&t).is_some() {
            continue;
        }
        items.push((label(app, &t), Pick::MergeTarget(tickets.clone(), id)));
        if items.len() == MAX_CANDIDATES {
            break;
        }
    }
    if items.is_empty() {
        return Err(app.t("error-merge-no-match"));
    }
    let title = app
        .i18n
        .tr_args("picker-merge-target", &[("count", items.len().into())]);
    open_picker(app, title, items, 0);
    Ok(())
}

/// A target chosen in the picker.
pub fn target_chosen(app: &mut App, tickets: Vec<TicketId>, into: TicketId) {
    if let Err(text) = ask_confirm(app, Plan { tickets, into }) {
        app.flash(text);
    }
}

/// "#12 Parcel late · Open · Kavya".
fn label(app: &App, t: &Ticket) -> String {
    let customer = app
        .store
        .customer(t.customer_id)
        .ok()
        .flatten()
        .map(|c| c.name)
        .unwrap_or_default();
    sahaya_text::sanitize_line(&format!(
        "#{} {} · {} · {customer}",
        t.id,
        t.subject,
        crate::labels::status_label(app, t.status)
    ))
    .into_owned()
}

/// Why `refusal` stops a merge, in the agent's language.
pub fn refusal_text(app: &App, refusal: &MergeRefusal) -> String {
    app.t(&reason_id(refusal.code()))
}

/// The message id of a merge refusal's code.
pub fn reason_id(code: &str) -> String {
    format!("merge-refused-{}", code.replace('_', "-"))
}

/// The confirmation saying what moves; the tickets the rules refuse are
/// named and left out (all refused: the reason, nothing asked).
fn ask_confirm(app: &mut App, plan: Plan) -> Result<(), String> {
    let into = cached_ticket(app, plan.into).ok_or_else(|| {
        app.i18n.tr_args(
            "error-merge-no-ticket",
            &[("id", plan.into.to_string().into())],
        )
    })?;
    let mut ok: Vec<Ticket> = Vec::new();
    let mut refused: Vec<String> = Vec::new();
    for id in &plan.tickets {
        let Some(t) = cached_ticket(app, *id) else {
            continue;
        };
        match check_merge(&t, &into) {
            Ok(()) => ok.push(t),
            Err(r) => refused.push(format!("#{id}: {}", refusal_text(app, &r))),
        }
    }
    if ok.is_empty() {
        return Err(refused.join("; "));
    }
    let messages: i64 = ok.iter().map(|t| t.message_count).sum();
    let mut new_tags: Vec<String> = Vec::new();
    for tag in ok.iter().flat_map(|t| &t.tags) {
        if !into.tags.contains(tag) && !new_tags.contains(tag) {
            new_tags.push(tag.clone());
        }
    }
    let tags_text = if new_tags.is_empty() {
        app.t("merge-no-new-tags")
    } else {
        new_tags.join(", ")
    };
    let subject = sahaya_text::sanitize_line(&into.subject).into_owned();
    let mut question = match ok.as_slice() {
        [one] => app.i18n.tr_args(
            "confirm-merge",
            &[
                ("id", one.id.to_string().into()),
                ("into", into.id.to_string().into()),
                ("subject", subject.into()),
                ("messages", messages.into()),
                ("tags", tags_text.into()),
            ],
        ),
        many => app.i18n.tr_args(
            "confirm-merge-marked",
            &[
                ("count", many.len().into()),
                ("into", into.id.to_string().into()),
                ("subject", subject.into()),
                ("messages", messages.into()),
                ("tags", tags_text.into()),
            ],
        ),
    };
    if !refused.is_empty() {
        let skipped = app
            .i18n
            .tr_args("merge-skipped", &[("list", refused.join("; ").into())]);
        question.push_str(&format!(" ({skipped})"));
    }
    let plan = Plan {
        tickets: ok.iter().map(|t| t.id).collect(),
        into: into.id,
    };
    confirm(app, question, Confirmed::Merge(plan));
    Ok(())
}

/// Yes: one outbox entry per ticket merged, based on the versions the
/// cache has; the marks of the tickets queued are cleared.
pub fn confirmed(app: &mut App, plan: Plan) {
    let into_version = match app.store.server_version(plan.into) {
        Ok(Some(v)) => v,
        Ok(None) => {
            let text = app.i18n.tr_args(
                "error-merge-no-ticket",
                &[("id", plan.into.to_string().into())],
            );
            app.flash(text);
            return;
        }
        Err(e) => {
            app.flash_cache_error(&e);
            return;
        }
    };
    let mut queued = 0i64;
    for ticket_id in &plan.tickets {
        let op = OutboxOp::Merge {
            ticket_id: *ticket_id,
            into: plan.into,
            into_version,
        };
        match app.store.enqueue(op) {
            Ok(_) => {
                queued += 1;
                app.marked.remove(ticket_id);
            }
            Err(e) => {
                let text = app
                    .i18n
                    .tr_args("error-cache-write", &[("error", e.to_string().into())]);
                app.flash(text);
                break;
            }
        }
    }
    app.effects.push(Effect::Kick);
    app.reload();
    if queued == 0 {
        return;
    }
    let text = match plan.tickets.as_slice() {
        [one] => app.i18n.tr_args(
            "queued-merge",
            &[
                ("id", one.to_string().into()),
                ("into", plan.into.to_string().into()),
            ],
        ),
        _ => app.i18n.tr_args(
            "queued-merge-many",
            &[
                ("count", queued.into()),
                ("into", plan.into.to_string().into()),
            ],
        ),
    };
    app.flash(text);
}
