//! The outbound queue → SMTP → receipts. The queue cursor moves past an item
//! only once its receipt is posted; an item met again (a crash, a receipt
//! that did not arrive) is settled from the sender's sent-log, never mailed
//! twice.

use serde::{Deserialize, Serialize};

use super::{BATCH, Relay, Round, Stop, server_stop};
use crate::compose::{OutboundAttachment, OutboundReply, Quoted};
use crate::error::Error;
use crate::message_id::SurveyTag;
use crate::parse::Person;
use crate::sender::Outcome;
use sahaya_protocol::domain::Channel;
use sahaya_protocol::wire::{NewReceipt, OutboundItem, ReceiptStatus};

/// The queue cursor as saved.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct QueueCursor {
    after: i64,
}

/// What to tell the server about one item.
struct Verdict {
    status: ReceiptStatus,
    reason: Option<String>,
    external_id: Option<String>,
}

impl Relay {
    /// Sends what the queue holds for email.
    pub(super) fn send(&mut self, round: &mut Round) -> Result<(), Stop> {
        let mut cursor: QueueCursor = self.queue.load()?.unwrap_or_default();
        loop {
            let page = self
                .call(
                    self.api
                        .outbound_page(Channel::Email, cursor.after, BATCH as i64),
                )
                .map_err(server_stop)?;
            for item in &page.items {
                let verdict = self.settle(item)?;
                let receipt = NewReceipt {
                    attempt: item.attempt,
                    status: verdict.status,
                    reason: verdict.reason,
                    external_id: verdict.external_id,
                };
                self.call(self.api.post_receipt(item.message_id, &receipt))
                    .map_err(server_stop)?;
                round.settled += 1;
                cursor.after = item.seq;
                self.queue.save(&cursor)?;
            }
            if cursor.after < page.next_after {
                // Items the server dropped from the page (their message is gone).
                cursor.after = page.next_after;
                self.queue.save(&cursor)?;
            }
            if !page.more {
                return Ok(());
            }
        }
    }

    /// Mails one item unless that was done, and says what became of it.
    /// Network trouble (server or mail server away) stops the round.
    fn settle(&mut self, item: &OutboundItem) -> Result<Verdict, Stop> {
        let failed = |reason: String| Verdict {
            status: ReceiptStatus::Failed,
            reason: Some(reason),
            external_id: None,
        };
        if item.to.handle.trim().is_empty() {
            return Ok(failed(
                "the customer has no email address; answer on another channel".to_string(),
            ));
        }
        let reply = self.reply_for(item)?;
        match self.sender.send(&reply) {
            Ok(Outcome::Sent { message_id, .. } | Outcome::AlreadySent { message_id, .. }) => {
                Ok(Verdict {
                    status: ReceiptStatus::Sent,
                    reason: None,
                    external_id: Some(message_id),
                })
            }
            Ok(Outcome::Unknown { message_id }) => Ok(Verdict {
                external_id: Some(message_id),
                ..failed(
                    "the mail server's answer was lost: it may or may not have taken this \
                     reply; send it again only if the customer did not get it"
                        .to_string(),
                )
            }),
            Err(Error::Rejected {
                permanent: true,
                reason,
                ..
            }) => Ok(failed(format!("the mail server refused it: {reason}"))),
            Err(Error::Compose { reason, .. }) => Ok(failed(reason)),
            Err(Error::Rejected {
                permanent: false,
                reason,
                ..
            }) => Err(Stop::Later(format!(
                "the mail server deferred a reply ({reason})"
            ))),
            Err(error) => Err(error.into()),
        }
    }

    /// The item as a mail, its files fetched.
    fn reply_for(&self, item: &OutboundItem) -> Result<OutboundReply, Stop> {
        let mut attachments = Vec::new();
        for file in &item.attachments {
            let bytes = self
                .call(self.api.download_attachment(file.id))
                .map_err(server_stop)?;
            attachments.push(OutboundAttachment {
                name: file.name.clone(),
                content_type: file.content_type.clone(),
                bytes,
            });
        }
        Ok(OutboundReply {
            message_id: item.message_id,
            attempt: item.attempt,
            ticket_id: item.ticket_id,
            ticket_subject: item.subject.clone(),
            to: Person {
                name: Some(item.to.name.clone()).filter(|n| !n.trim().is_empty()),
                address: item.to.handle.trim().to_string(),
            },
            agent_name: item.author_name.clone().unwrap_or_default(),
            body: item.body.clone(),
            in_reply_to: item.in_reply_to.clone(),
            references: item.references.clone(),
            history: item
                .history
                .iter()
                .map(|h| Quoted {
                    author: h.author.clone(),
                    date: h.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    text: h.body.clone(),
                })
                .collect(),
            attachments,
            survey: item.survey.map(|ask| SurveyTag { nps: ask.nps }),
        })
    }
}
