//! Describing outbox entries that need the agent (conflicts, rejections).

use super::app::App;
use crate::store::{OutboxEntry, OutboxOp};

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
        OutboxOp::OrderAction { order_id, request } => {
            format!(
                "{} {order_id}",
                app.t(&format!("order-action-{}", request.kind.as_str()))
            )
        }
        OutboxOp::Outbound(n) => format!(
            "{} {}",
            app.t("action-proactive-notice"),
            crate::text::sanitize_line(&n.subject)
        ),
    };
    format!("[{state}] {what}")
}
