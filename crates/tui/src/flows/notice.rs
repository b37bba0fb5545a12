//! A proactive notice: a message to the customer that opens a new ticket
//! (a delay, a recall). Channel, subject, then the message.

use sahaya_protocol::domain::{Channel, CustomerId};
use sahaya_protocol::wire::{CustomerDetail, NewOutboundTicket};
use sahaya_store::OutboxOp;

use super::{Ask, Pick, enqueue_and_say, need_ticket, picker, prompt, required};
use crate::app::App;
use crate::labels::channel_label;

/// Whom the notice goes to, and the order it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub customer_id: CustomerId,
    pub order_id: Option<String>,
}

/// A notice with everything but its message.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub notice: Notice,
    pub channel: Channel,
    pub subject: String,
}

/// The customer of the selected ticket, about its order.
pub fn start(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let notice = Notice {
        customer_id: t.customer_id,
        order_id: t.order_id.clone(),
    };
    let Some(customer) = customer(app, &notice) else {
        return;
    };
    let mut channels: Vec<Channel> = customer
        .customer
        .handles
        .iter()
        .map(|h| h.channel)
        .collect();
    channels.dedup();
    let items = channels
        .iter()
        .map(|c| {
            (
                channel_label(app, *c),
                Pick::NoticeChannel(notice.clone(), *c),
            )
        })
        .collect();
    picker(app, "picker-notice-channel", items, 0);
}

/// The customer as cached (None: gone, and the notice goes nowhere; or the
/// cache cannot be read, and a flash says so).
fn customer(app: &mut App, notice: &Notice) -> Option<CustomerDetail> {
    match app.store.customer_detail(notice.customer_id) {
        Ok(customer) => customer,
        Err(e) => {
            tracing::warn!("cannot read customer {}: {e}", notice.customer_id);
            app.flash_cache_error(&e);
            None
        }
    }
}

pub fn channel_chosen(app: &mut App, notice: Notice, channel: Channel) {
    if customer(app, &notice).is_none() {
        return;
    }
    let title = app.t("prompt-notice-subject");
    prompt(app, title, "", Ask::NoticeSubject(notice, channel));
}

pub fn subject_answered(
    app: &mut App,
    notice: Notice,
    channel: Channel,
    value: &str,
) -> Result<(), String> {
    let subject = required(app, value)?;
    if customer(app, &notice).is_none() {
        return Ok(());
    }
    let title = app.t("prompt-notice-body");
    let draft = Draft {
        notice,
        channel,
        subject,
    };
    prompt(app, title, "", Ask::NoticeBody(draft));
    Ok(())
}

/// Queues the notice with the message typed last.
pub fn body_answered(app: &mut App, draft: Draft, body: String) -> Result<(), String> {
    required(app, &body)?;
    let request = NewOutboundTicket {
        customer_id: draft.notice.customer_id,
        channel: draft.channel,
        subject: draft.subject,
        body,
        order_id: draft.notice.order_id,
        priority: None,
    };
    enqueue_and_say(app, OutboxOp::Outbound(request));
    Ok(())
}
