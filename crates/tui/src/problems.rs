//! What needs the agent: writes the server would not take (conflicts,
//! refusals) and replies a channel could not deliver.

use super::app::App;
use sahaya_protocol::domain::Message;
use sahaya_store::{OutboxEntry, OutboxOp, OutboxState, StoreError};

/// One row of the problems list.
pub enum Problem {
    /// A write that needs a decision.
    Write(Box<OutboxEntry>),
    /// A reply of the agent's the channel could not deliver.
    Undelivered(Message),
}

/// Everything in the problems list, writes first (oldest first), then
/// undelivered replies (newest first).
pub fn all(app: &App) -> Result<Vec<Problem>, StoreError> {
    let mut out: Vec<Problem> = grouped(app, app.store.outbox_problems()?)
        .into_iter()
        .flat_map(|(_, entries)| entries)
        .map(|e| Problem::Write(Box::new(e)))
        .collect();
    if app.capabilities.attachments {
        out.extend(
            app.store
                .undelivered(app.my_id())?
                .into_iter()
                .map(Problem::Undelivered),
        );
    }
    Ok(out)
}

/// Writes that need the agent, grouped by why (the groups in the order of
/// their oldest entry, oldest first within each): after a bulk action the
/// tickets refused for one reason are listed together.
pub fn grouped(app: &App, entries: Vec<OutboxEntry>) -> Vec<(String, Vec<OutboxEntry>)> {
    let mut groups: Vec<(String, Vec<OutboxEntry>)> = Vec::new();
    for e in entries {
        let why = reason(app, &e);
        match groups.iter_mut().find(|(w, _)| *w == why) {
            Some((_, list)) => list.push(e),
            None => groups.push((why, vec![e])),
        }
    }
    groups
}

/// One line for a flash: how many writes need the agent, and which
/// tickets for which reason ("The ticket is closed…: #12, #15; …").
pub fn summary(app: &App) -> Result<Option<String>, StoreError> {
    let entries = app.store.outbox_problems()?;
    let count = entries.len();
    if count == 0 {
        return Ok(None);
    }
    let groups: Vec<String> = grouped(app, entries)
        .into_iter()
        .map(|(why, list)| {
            let ids: Vec<String> = list
                .iter()
                .map(|e| match (e.ticket_id(), &e.op) {
                    (Some(id), _) => format!("#{id}"),
                    (None, OutboxOp::OrderAction { order_id, .. }) => order_id.clone(),
                    (None, _) => describe(app, e),
                })
                .collect();
            format!("{why}: {}", ids.join(", "))
        })
        .collect();
    let key = app.key_for(sahaya_keymap::Action::Outbox);
    Ok(Some(
        app.i18n.tr_args(
            "outbox-problems-grouped",
            &[
                ("count", (count as i64).into()),
                (
                    "groups",
                    sahaya_text::sanitize_line(&groups.join("; "))
                        .into_owned()
                        .into(),
                ),
                ("key", key.into()),
            ],
        ),
    ))
}

/// The row's text and why it needs the agent.
pub fn row(app: &App, problem: &Problem) -> (String, String) {
    match problem {
        Problem::Write(e) => (describe(app, e), reason(app, e)),
        Problem::Undelivered(m) => {
            let what = format!(
                "[{}] {} #{} · {}",
                app.t("delivery-failed"),
                app.t("kind-reply"),
                m.ticket_id,
                super::labels::channel_label(app, m.channel)
            );
            let why =
                sahaya_text::sanitize_line(m.delivery_error.as_deref().unwrap_or("")).into_owned();
            let key = app.key_for(sahaya_keymap::Action::Open);
            let hint = app.i18n.tr_args("undelivered-hint", &[("key", key.into())]);
            (what, format!("{why} — {hint}"))
        }
    }
}

/// Why the entry needs the agent, in the agent's language: a conflict says
/// so (the fields are shown beside it); a refusal the console knows the code
/// of says what is wrong and what to do; any other refusal quotes the
/// server's own words, made inert.
pub fn reason(app: &App, e: &OutboxEntry) -> String {
    let server_text =
        || sahaya_text::sanitize_line(e.last_error.as_deref().unwrap_or("")).into_owned();
    let merge = matches!(e.op, OutboxOp::Merge { .. });
    match e.state {
        OutboxState::Conflict if merge => {
            let id = e.conflict.as_ref().map_or(0, |t| t.id);
            app.i18n
                .tr_args("conflict-merge", &[("id", id.to_string().into())])
        }
        OutboxState::Conflict => app.t("conflict-title"),
        OutboxState::Rejected
            if merge
                && e.error_code
                    .as_deref()
                    .is_some_and(|c| app.i18n.has(&super::flows::merge::reason_id(c))) =>
        {
            let code = e.error_code.as_deref().unwrap_or_default();
            app.t(&super::flows::merge::reason_id(code))
        }
        OutboxState::Rejected => {
            let id = e
                .error_code
                .as_deref()
                .filter(|c| !c.is_empty() && c.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .map(|c| format!("rejected-{}", c.replace('_', "-")));
            match id {
                Some(id) if app.i18n.has(&id) => app.t(&id),
                _ => app
                    .i18n
                    .tr_args("error-rejected", &[("reason", server_text().into())]),
            }
        }
        _ => server_text(),
    }
}

pub fn describe(app: &App, e: &OutboxEntry) -> String {
    let state = app.t(&format!(
        "outbox-state-{}",
        format!("{:?}", e.state).to_lowercase()
    ));
    let what = match &e.op {
        OutboxOp::Message {
            ticket_id, kind, ..
        } => {
            format!("{} #{ticket_id}", app.t(&format!("kind-{}", kind.as_str())))
        }
        OutboxOp::Patch { ticket_id, .. } => format!("{} #{ticket_id}", app.t("outbox-change")),
        OutboxOp::Resend { ticket_id, .. } => {
            format!("{} #{ticket_id}", app.t("outbox-resend"))
        }
        OutboxOp::OrderAction { order_id, request } => {
            format!(
                "{} {order_id}",
                app.t(&format!("order-action-{}", request.kind.as_str()))
            )
        }
        OutboxOp::Merge {
            ticket_id, into, ..
        } => app.i18n.tr_args(
            "outbox-merge",
            &[
                ("id", ticket_id.to_string().into()),
                ("into", into.to_string().into()),
            ],
        ),
        OutboxOp::Outbound(n) => format!(
            "{} {}",
            app.t("action-proactive-notice"),
            sahaya_text::sanitize_line(&n.subject)
        ),
        OutboxOp::MacroSave { edit, .. } => format!(
            "{} [{}] {}",
            app.t("action-edit-macros"),
            sahaya_text::sanitize_line(&edit.language),
            sahaya_text::sanitize_line(&edit.name)
        ),
        OutboxOp::MacroDelete { id } => {
            format!("{} #{id}", app.t("macro-editor-deleted"))
        }
    };
    let mut out = format!("[{state}] {what}");
    if let (OutboxOp::Patch { patch, .. }, Some(theirs)) = (&e.op, &e.conflict) {
        out.push_str(&format!(" — {}", theirs_vs_mine(app, patch, theirs)));
    }
    out
}

/// "Status: theirs Solved / mine Pending" for each field the patch changes.
pub fn theirs_vs_mine(
    app: &App,
    patch: &sahaya_protocol::wire::TicketPatch,
    theirs: &sahaya_protocol::domain::Ticket,
) -> String {
    let t = app.t("conflict-theirs");
    let m = app.t("conflict-mine");
    let mut parts = Vec::new();
    if let Some(s) = patch.status {
        parts.push(format!(
            "{}: {t} {} / {m} {}",
            app.t("label-status"),
            app.t(&format!("status-{}", theirs.status.as_str())),
            app.t(&format!("status-{}", s.as_str()))
        ));
    }
    if let Some(p) = patch.priority {
        parts.push(format!(
            "{}: {t} {} / {m} {}",
            app.t("label-priority"),
            app.t(&format!("priority-{}", theirs.priority.as_str())),
            app.t(&format!("priority-{}", p.as_str()))
        ));
    }
    if let Some(a) = patch.assignee_id {
        let name = |id: Option<i64>| match id {
            Some(id) => app
                .store
                .agent(id)
                .unwrap_or_else(|e| {
                    tracing::warn!("cannot read agent {id}: {e}");
                    None
                })
                .map(|a| a.name)
                .unwrap_or_else(|| format!("#{id}")),
            None => app.t("unassigned"),
        };
        parts.push(format!(
            "{}: {t} {} / {m} {}",
            app.t("label-assignee"),
            name(theirs.assignee_id),
            name(a)
        ));
    }
    if let Some(tags) = &patch.tags {
        parts.push(format!(
            "{}: {t} {} / {m} {}",
            app.t("label-tags"),
            theirs.tags.join(", "),
            tags.join(", ")
        ));
    }
    sahaya_text::sanitize_line(&parts.join("; ")).into_owned()
}
