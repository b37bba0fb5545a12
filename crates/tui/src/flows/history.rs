//! From the customer pane, another ticket of the same customer: Enter
//! lists the customer's tickets (newest first, the open one left out) and
//! opens the chosen one; the list then offers the way back first.

use sahaya_protocol::domain::TicketId;

use super::{Pick, open_picker};
use crate::app::{App, Pane};

/// The picker of the open ticket's customer's other tickets.
pub fn start(app: &mut App) {
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let current = open.ticket.id;
    let mut items = Vec::new();
    if let Some(back) = app.came_from.filter(|id| *id != current) {
        let subject = match super::cached_ticket(app, back) {
            Some(t) => sahaya_text::sanitize_line(&t.subject).into_owned(),
            None => String::new(),
        };
        let label = app.i18n.tr_args(
            "history-back",
            &[("id", back.to_string().into()), ("subject", subject.into())],
        );
        items.push((label, Pick::PastTicket(back)));
    }
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let mut tickets: Vec<_> = open
        .customer
        .as_ref()
        .map(|c| c.tickets.clone())
        .unwrap_or_default();
    tickets.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    let now = app.now();
    for t in tickets.iter().filter(|t| t.id != current) {
        let label = format!(
            "#{} {} · {} · {}",
            t.id,
            sahaya_text::sanitize_line(&t.subject),
            crate::labels::status_label(app, t.status),
            app.i18n.when(t.created_at, now)
        );
        items.push((label, Pick::PastTicket(t.id)));
    }
    if items.is_empty() {
        let text = app.t("history-none");
        app.flash(text);
        return;
    }
    let title = app.t("picker-history");
    open_picker(app, title, items, 0);
}

/// Opens ticket `id`, remembering the one left for the way back.
pub fn chosen(app: &mut App, id: TicketId) {
    let left = app.open.as_ref().map(|o| o.ticket.id);
    if super::cached_ticket(app, id).is_none() {
        let text = app.t("history-not-cached");
        app.flash(text);
        return;
    }
    app.open_ticket(id);
    app.came_from = left;
    app.focus = Pane::Customer;
}
