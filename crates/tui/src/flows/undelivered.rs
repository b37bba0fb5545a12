//! Replies a channel could not deliver (the problems list shows them with
//! the channel's reason): send again on the same channel, on another channel
//! the customer has, or open the ticket. Sending again goes through the
//! outbox like every write.

use sahaya_protocol::domain::{Channel, Message, MessageId, TicketId};
use sahaya_store::OutboxOp;

use super::{Pick, enqueue_and_say, open_picker};
use crate::app::{App, Pane};
use crate::labels::channel_label;

/// What to do about an undelivered reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undelivered {
    /// Send it again, on `channel` (None: the one it failed on).
    Resend {
        ticket_id: TicketId,
        message_id: MessageId,
        channel: Option<Channel>,
    },
    /// Look at the ticket first.
    OpenTicket(TicketId),
}

/// The choices for `message` (Enter on it in the problems list).
pub fn menu(app: &mut App, message: &Message) {
    let (ticket_id, message_id) = (message.ticket_id, message.id);
    let mut items = vec![(
        app.i18n.tr_args(
            "resend-same",
            &[("channel", channel_label(app, message.channel).into())],
        ),
        Pick::Undelivered(Undelivered::Resend {
            ticket_id,
            message_id,
            channel: None,
        }),
    )];
    for (channel, handle) in other_channels(app, ticket_id, message.channel) {
        items.push((
            app.i18n.tr_args(
                "resend-other",
                &[
                    ("channel", channel_label(app, channel).into()),
                    (
                        "handle",
                        sahaya_text::sanitize_line(&handle).into_owned().into(),
                    ),
                ],
            ),
            Pick::Undelivered(Undelivered::Resend {
                ticket_id,
                message_id,
                channel: Some(channel),
            }),
        ));
    }
    items.push((
        app.i18n.tr_args("open-ticket", &[("id", ticket_id.into())]),
        Pick::Undelivered(Undelivered::OpenTicket(ticket_id)),
    ));
    let title = app.t("undelivered-title");
    open_picker(app, title, items, 0);
}

/// The customer's channels other than `failed`, with their handles.
fn other_channels(app: &mut App, ticket_id: TicketId, failed: Channel) -> Vec<(Channel, String)> {
    let customer = match app.store.ticket(ticket_id) {
        Ok(Some(t)) => app.store.customer(t.customer_id),
        Ok(None) => Ok(None),
        Err(e) => Err(e),
    };
    match customer {
        Ok(Some(c)) => c
            .handles
            .into_iter()
            .filter(|h| h.channel != failed && !h.value.trim().is_empty())
            .map(|h| (h.channel, h.value))
            .collect(),
        Ok(None) => Vec::new(),
        Err(e) => {
            tracing::warn!("cannot read the customer of {ticket_id}: {e}");
            app.flash_cache_error(&e);
            Vec::new()
        }
    }
}

pub fn chosen(app: &mut App, choice: Undelivered) {
    match choice {
        Undelivered::Resend {
            ticket_id,
            message_id,
            channel,
        } => enqueue_and_say(
            app,
            OutboxOp::Resend {
                ticket_id,
                message_id,
                channel,
            },
        ),
        Undelivered::OpenTicket(id) => {
            app.open_ticket(id);
            app.focus = Pane::Thread;
        }
    }
}
