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
    let mut out: Vec<Problem> = app
        .store
        .outbox_problems()?
        .into_iter()
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
    match e.state {
        OutboxState::Conflict => app.t("conflict-title"),
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
