//! Customer mail → the server: a new mail becomes `POST /v1/inbound` (its
//! files uploaded first), an answer to a survey mail `POST /v1/surveys`.
//! The bridge's own copies and automatic mail (out-of-office, bounces) are
//! marked processed and not posted.

use super::{BATCH, Relay, Round, Stop, server_stop};
use crate::answer::read_scores;
use crate::mailbox::RawMail;
use crate::parse::InboundMail;
use sahaya_protocol::domain::{AttachmentId, Channel, SurveyKind};
use sahaya_protocol::wire::{InboundMessage, MAX_MESSAGE_BYTES, NewSurveyAnswer};
use sahaya_sync::client::ClientError;

impl Relay {
    /// Hands every new mail to the server.
    pub(super) fn receive(&mut self, round: &mut Round) -> Result<(), Stop> {
        let mails = self.mailbox.fetch_new(BATCH)?;
        for raw in mails {
            let mail = raw.parse();
            match self.hand_over(&raw, &mail) {
                Ok(Handed::Message) => round.received += 1,
                Ok(Handed::Answer) => round.answers += 1,
                Ok(Handed::Nothing) => {}
                // The server said no for good: keeping the mail would stop
                // every later one behind it. It stays in the mailbox.
                Err(ClientError::Rejected { code, message, .. }) => {
                    tracing::error!(
                        uid = raw.uid,
                        %code,
                        "the server refused a customer mail; it stays in the mailbox, \
                         not posted: {message}"
                    );
                }
                Err(error) => return Err(server_stop(error)),
            }
            self.mailbox.mark_processed(&raw)?;
        }
        Ok(())
    }

    fn hand_over(&self, raw: &RawMail, mail: &InboundMail) -> Result<Handed, ClientError> {
        let domain = self.sender.domain().to_string();
        if mail.sahaya_message_id(&domain).is_some() {
            return Ok(Handed::Nothing);
        }
        if mail.auto_submitted {
            tracing::info!(
                uid = raw.uid,
                "automatic mail (auto-reply or bounce) not posted"
            );
            return Ok(Handed::Nothing);
        }
        let key = raw.idempotency_key();
        if let Some((ticket_id, tag)) = mail.survey_answered(&domain)
            && let Some(scores) = read_scores(&mail.text, tag.nps)
        {
            let comment = Some(scores.comment.clone()).filter(|c| !c.is_empty());
            let mut answers = vec![(SurveyKind::Csat, scores.csat)];
            answers.extend(scores.nps.map(|nps| (SurveyKind::Nps, nps)));
            for (kind, score) in answers {
                let answer = NewSurveyAnswer {
                    ticket_id,
                    kind,
                    score,
                    comment: comment.clone(),
                };
                let key = format!("{key}:{kind}");
                self.call(self.api.answer_survey(&key, &answer))?;
            }
            return Ok(Handed::Answer);
        }
        let Some(from) = mail.reply_to.as_ref().or(mail.from.as_ref()) else {
            tracing::warn!(uid = raw.uid, "a mail without a sender is not posted");
            return Ok(Handed::Nothing);
        };
        if mail.text.trim().is_empty() && mail.attachments.is_empty() {
            tracing::info!(uid = raw.uid, "an empty mail is not posted");
            return Ok(Handed::Nothing);
        }
        let mut files: Vec<AttachmentId> = Vec::new();
        for file in &mail.attachments {
            let stored = self.call(self.api.upload_attachment(
                &file.name,
                &file.content_type,
                file.bytes.clone(),
            ))?;
            files.push(stored.id);
        }
        let mut thread_refs: Vec<String> = mail.in_reply_to.iter().cloned().collect();
        thread_refs.extend(mail.references.iter().rev().cloned());
        let message = InboundMessage {
            name: from.name.clone(),
            subject: Some(mail.subject.clone()).filter(|s| !s.trim().is_empty()),
            ticket_id: mail.ticket_tag,
            external_id: mail.message_id.clone(),
            thread_refs: Some(thread_refs),
            attachments: files,
            ..InboundMessage::new(Channel::Email, from.address.clone(), fit(&mail.text))
        };
        self.call(self.api.inbound(&message, Some(&key)))?;
        Ok(Handed::Message)
    }
}

enum Handed {
    Message,
    Answer,
    Nothing,
}

/// The text cut to what the server takes, at a character boundary.
fn fit(text: &str) -> String {
    const MARK: &str = "\n[…]";
    if text.len() <= MAX_MESSAGE_BYTES {
        return text.to_string();
    }
    let mut end = MAX_MESSAGE_BYTES - MARK.len();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{MARK}", &text[..end])
}
