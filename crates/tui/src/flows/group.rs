//! The group (team) of the highlighted ticket, or of every marked one:
//! chosen from the groups the cache knows.

use sahaya_protocol::wire::TicketPatch;
use sahaya_store::OutboxOp;

use super::fields::Tickets;
use super::{Pick, cached_ticket, enqueue_and_say, need_ticket, open_picker};
use crate::app::App;

/// Opens the picker of groups, at the ticket's own.
pub fn start(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let groups = match app.store.groups() {
        Ok(groups) => groups,
        Err(e) => {
            tracing::warn!("cannot read groups: {e}");
            app.flash_cache_error(&e);
            return;
        }
    };
    let tickets = super::fields::tickets(app, t.id);
    let at = groups.iter().position(|g| *g == t.group).unwrap_or(0);
    let items = groups
        .into_iter()
        .map(|g| {
            (
                crate::supervisor::group_label(app, &g),
                Pick::Group(tickets, g),
            )
        })
        .collect();
    let title = match tickets {
        Tickets::One(_) => app.t("picker-group"),
        Tickets::Marked => app
            .i18n
            .tr_args("picker-group-marked", &[("count", app.marked.len().into())]),
    };
    open_picker(app, title, items, at);
}

/// Queues the group for its tickets.
pub fn chosen(app: &mut App, tickets: Tickets, group: String) {
    let patch = TicketPatch {
        group: Some(group),
        ..Default::default()
    };
    match tickets {
        Tickets::Marked => super::bulk::patch_marked(app, patch),
        Tickets::One(id) => {
            if cached_ticket(app, id).is_some() {
                enqueue_and_say(
                    app,
                    OutboxOp::Patch {
                        ticket_id: id,
                        patch,
                    },
                );
            }
        }
    }
}
