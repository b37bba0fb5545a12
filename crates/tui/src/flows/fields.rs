//! Status, priority, assignee and tags of the highlighted ticket, or of
//! every marked one (status, priority and assignee; see `bulk`).

use sahaya_protocol::domain::{AgentId, Priority, Role, Status, TicketId};
use sahaya_protocol::wire::TicketPatch;
use sahaya_store::OutboxOp;

use super::{Ask, Pick, cached_ticket, enqueue_and_say, need_ticket, open_picker, picker, prompt};
use crate::app::App;
use crate::labels::{priority_label, status_label};

/// Which tickets a change goes to, decided when its picker opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tickets {
    One(TicketId),
    /// Every ticket marked in the list (each its own outbox entry).
    Marked,
}

/// A field change chosen in a picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status(Status),
    Priority(Priority),
    /// None: unassigned.
    Assignee(Option<AgentId>),
}

impl Field {
    pub fn patch(self) -> TicketPatch {
        match self {
            Field::Status(s) => TicketPatch {
                status: Some(s),
                ..Default::default()
            },
            Field::Priority(p) => TicketPatch {
                priority: Some(p),
                ..Default::default()
            },
            Field::Assignee(a) => TicketPatch {
                assignee_id: Some(a),
                ..Default::default()
            },
        }
    }
}

/// The marked tickets if any, else `id`.
pub(super) fn tickets(app: &App, id: TicketId) -> Tickets {
    if app.marked.is_empty() {
        Tickets::One(id)
    } else {
        Tickets::Marked
    }
}

/// A picker of field values for `tickets`: with marks, the title says how
/// many (`{title_id}-marked`).
fn field_picker(
    app: &mut App,
    title_id: &str,
    tickets: Tickets,
    values: Vec<(String, Field)>,
    at: usize,
) {
    let items = values
        .into_iter()
        .map(|(label, field)| (label, Pick::Field(tickets, field)))
        .collect();
    match tickets {
        Tickets::One(_) => picker(app, title_id, items, at),
        Tickets::Marked => {
            let count = app.marked.len();
            let title = app
                .i18n
                .tr_args(&format!("{title_id}-marked"), &[("count", count.into())]);
            open_picker(app, title, items, at);
        }
    }
}

pub fn set_status(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let values = Status::ALL
        .iter()
        .map(|s| (status_label(app, *s), Field::Status(*s)))
        .collect();
    let at = Status::ALL.iter().position(|s| *s == t.status).unwrap_or(0);
    let tickets = tickets(app, t.id);
    field_picker(app, "picker-status", tickets, values, at);
}

pub fn set_priority(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let values = Priority::ALL
        .iter()
        .map(|p| (priority_label(app, *p), Field::Priority(*p)))
        .collect();
    let at = Priority::ALL
        .iter()
        .position(|p| *p == t.priority)
        .unwrap_or(0);
    let tickets = tickets(app, t.id);
    field_picker(app, "picker-priority", tickets, values, at);
}

pub fn assign(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let agents = match app.store.agents() {
        Ok(agents) => agents,
        Err(e) => {
            tracing::warn!("cannot read agents: {e}");
            app.flash_cache_error(&e);
            return;
        }
    };
    let mut values = vec![(app.t("unassigned"), Field::Assignee(None))];
    for agent in agents {
        if agent.role != Role::Integration {
            let label = format!(
                "{} ({})",
                sahaya_text::sanitize_line(&agent.name),
                agent.login
            );
            values.push((label, Field::Assignee(Some(agent.id))));
        }
    }
    let tickets = tickets(app, t.id);
    let at = match tickets {
        Tickets::One(_) => values
            .iter()
            .position(|(_, v)| *v == Field::Assignee(t.assignee_id))
            .unwrap_or(0),
        Tickets::Marked => 0,
    };
    field_picker(app, "picker-assign", tickets, values, at);
}

pub fn assign_to_me(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let me = Field::Assignee(Some(app.my_id()));
    let tickets = tickets(app, t.id);
    chosen(app, tickets, me);
}

/// Queues the change for its tickets.
pub fn chosen(app: &mut App, tickets: Tickets, field: Field) {
    match tickets {
        Tickets::Marked => super::bulk::patch_marked(app, field.patch()),
        Tickets::One(id) => {
            if cached_ticket(app, id).is_some() {
                let op = OutboxOp::Patch {
                    ticket_id: id,
                    patch: field.patch(),
                };
                enqueue_and_say(app, op);
            }
        }
    }
}

pub fn tags(app: &mut App) {
    if !app.marked.is_empty() {
        return super::bulk::tags(app);
    }
    let Some(t) = need_ticket(app) else { return };
    let title = app.t("prompt-tags");
    prompt(app, title, &t.tags.join(", "), Ask::Tags(t.id));
}

/// The tags typed replace the ticket's.
pub fn tags_answered(app: &mut App, id: TicketId, value: &str) {
    let tags: Vec<String> = value
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if cached_ticket(app, id).is_some() {
        let op = OutboxOp::Patch {
            ticket_id: id,
            patch: TicketPatch {
                tags: Some(tags),
                ..Default::default()
            },
        };
        enqueue_and_say(app, op);
    }
}
