//! An outbound reply as an email: a Message-ID derived from the sahaya
//! message id (the same on every attempt), threading headers, the `[#id]`
//! subject tag, the agent's name in From, the team's signature, the quoted
//! history, attachments.

use std::fmt;
use std::time::SystemTime;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};

use crate::config::TeamConfig;
use crate::error::{Error, Result};
use crate::message_id::{SurveyTag, header_id, message_id};
use crate::parse::Person;

/// One earlier message of the thread, to quote under the reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub author: String,
    /// As it should read in the intro line (already formatted for the
    /// customer's language).
    pub date: String,
    pub text: String,
}

/// A file to attach.
#[derive(Clone, PartialEq, Eq)]
pub struct OutboundAttachment {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl fmt::Debug for OutboundAttachment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutboundAttachment")
            .field("name", &self.name)
            .field("content_type", &self.content_type)
            .field("size", &self.bytes.len())
            .finish()
    }
}

/// A reply (or proactive notice) the server's outbound queue hands to the
/// bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundReply {
    /// The sahaya message id: the Message-ID and the sent-log key.
    pub message_id: i64,
    /// 1 for the first try; the server raises it when an agent asks to send
    /// again a message whose fate was unknown or that failed (see
    /// [`Sender::send`](crate::Sender::send)).
    pub attempt: u32,
    pub ticket_id: i64,
    pub ticket_subject: String,
    pub to: Person,
    pub agent_name: String,
    pub body: String,
    /// The customer's mail this answers (its Message-ID, no brackets).
    pub in_reply_to: Option<String>,
    /// The thread's References so far, oldest first (no brackets).
    pub references: Vec<String>,
    /// Earlier messages to quote, newest first.
    pub history: Vec<Quoted>,
    pub attachments: Vec<OutboundAttachment>,
    /// Set when the message is a survey: its Message-ID then says so, and
    /// the customer's answer is recognized by its In-Reply-To alone.
    pub survey: Option<SurveyTag>,
}

/// The email, ready for SMTP.
#[derive(Clone)]
pub struct Composed {
    /// Without angle brackets: `sahaya-msg-<id>@<domain>`.
    pub message_id: String,
    pub from: Address,
    pub to: Address,
    /// RFC 5322, CRLF line endings, no final CRLF (SMTP adds it).
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Composed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Composed")
            .field("message_id", &self.message_id)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("size", &self.bytes.len())
            .finish()
    }
}

/// The Message-ID (no brackets) `reply` goes out with, the same on every
/// attempt (see [`crate::message_id::message_id`]).
pub fn message_id_for(reply: &OutboundReply, domain: &str) -> String {
    message_id(reply.message_id, reply.ticket_id, reply.survey, domain)
}

/// The subject of a reply: `Re: ` when it answers a mail (unless there
/// already), and ` [#<ticket>]` unless the tag is already in it.
pub fn reply_subject(subject: &str, ticket_id: i64, is_reply: bool) -> String {
    let subject = one_line(subject);
    let mut out = String::new();
    let has_re = subject
        .get(..3)
        .is_some_and(|start| start.eq_ignore_ascii_case("re:"));
    if is_reply && !has_re {
        out.push_str("Re: ");
    }
    out.push_str(subject.trim());
    let tag = format!("[#{ticket_id}]");
    if !subject.contains(&tag) {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(&tag);
    }
    out
}

/// The text part: the reply, the signature after "-- ", the quoted history.
pub fn body_text(team: &TeamConfig, reply: &OutboundReply) -> String {
    let mut text = reply.body.trim_end().replace("\r\n", "\n");
    if !team.signature.trim().is_empty() {
        text.push_str("\n\n-- \n");
        text.push_str(team.signature.trim_end());
    }
    for quoted in &reply.history {
        let intro = team
            .quote_intro
            .replace("{author}", &one_line(&quoted.author))
            .replace("{date}", &one_line(&quoted.date));
        text.push_str("\n\n");
        text.push_str(&intro);
        for line in quoted.text.trim_end().lines() {
            text.push('\n');
            text.push('>');
            if !line.is_empty() {
                text.push(' ');
                text.push_str(line);
            }
        }
    }
    text.push('\n');
    text
}

/// Builds the email, dated `date`.
pub fn compose(team: &TeamConfig, reply: &OutboundReply, date: SystemTime) -> Result<Composed> {
    let bad = |reason: String| Error::Compose {
        message_id: reply.message_id,
        reason,
    };
    let domain = team.message_id_domain()?;
    let message_id = message_id_for(reply, &domain);
    let from_address: Address = team
        .address
        .parse()
        .map_err(|error| Error::Config(format!("team.address {:?}: {error}", team.address)))?;
    let to_address: Address = reply.to.address.trim().parse().map_err(|error| {
        bad(format!(
            "the customer's address {:?}: {error}",
            reply.to.address
        ))
    })?;
    let agent = one_line(&reply.agent_name);
    let display = match (agent.trim(), team.name.as_deref().map(one_line)) {
        ("", None) => None,
        ("", Some(team)) => Some(team),
        (agent, None) => Some(agent.to_owned()),
        (agent, Some(team)) => Some(format!("{agent} ({team})")),
    };
    let to_name = reply
        .to
        .name
        .as_deref()
        .map(one_line)
        .filter(|name| !name.trim().is_empty());

    let mut builder = Message::builder()
        .from(Mailbox::new(display, from_address.clone()))
        .to(Mailbox::new(to_name, to_address.clone()))
        .subject(reply_subject(
            &reply.ticket_subject,
            reply.ticket_id,
            reply.in_reply_to.is_some(),
        ))
        .date(date)
        .message_id(Some(format!("<{message_id}>")))
        .user_agent("sahaya".to_owned());
    let in_reply_to = reply.in_reply_to.as_deref().and_then(header_id);
    let mut references: Vec<String> = reply
        .references
        .iter()
        .filter_map(|id| header_id(id))
        .collect();
    if let Some(parent) = &in_reply_to {
        if !references.contains(parent) {
            references.push(parent.clone());
        }
        builder = builder.in_reply_to(format!("<{parent}>"));
    }
    if !references.is_empty() {
        let list: Vec<String> = references.iter().map(|id| format!("<{id}>")).collect();
        builder = builder.references(list.join(" "));
    }

    let text = SinglePart::plain(body_text(team, reply));
    let message = if reply.attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut parts = MultiPart::mixed().singlepart(text);
        for attachment in &reply.attachments {
            let content_type = ContentType::parse(&attachment.content_type)
                .or_else(|_| ContentType::parse("application/octet-stream"))
                .map_err(|error| bad(format!("attachment type: {error}")))?;
            let name = sahaya_protocol::domain::sanitize_file_name(Some(&attachment.name), 1);
            parts = parts
                .singlepart(Attachment::new(name).body(attachment.bytes.clone(), content_type));
        }
        builder.multipart(parts)
    }
    .map_err(|error| bad(error.to_string()))?;
    let mut bytes = message.formatted();
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    }
    Ok(Composed {
        message_id,
        from: from_address,
        to: to_address,
        bytes,
    })
}

/// Control characters (CR, LF, escapes) replaced by spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply() -> OutboundReply {
        OutboundReply {
            message_id: 9,
            attempt: 1,
            ticket_id: 42,
            ticket_subject: "ಆರ್ಡರ್ ತಲುಪಿಲ್ಲ [#42]".to_owned(),
            to: Person {
                name: Some("Kavya".to_owned()),
                address: "kavya@customer.test".to_owned(),
            },
            agent_name: "Asha".to_owned(),
            body: "ನಮಸ್ಕಾರ!\nWe are on it.".to_owned(),
            in_reply_to: Some("m1@customer.test".to_owned()),
            references: vec!["m0@customer.test".to_owned()],
            history: vec![Quoted {
                author: "Kavya".to_owned(),
                date: "4 Dec 2026".to_owned(),
                text: "Where is it?\n\nThanks".to_owned(),
            }],
            attachments: Vec::new(),
            survey: None,
        }
    }

    fn team() -> TeamConfig {
        let mut team = TeamConfig::new("support@shop.test");
        team.name = Some("Shop Support".to_owned());
        team.signature = "Shop Support · ಸಹಾಯ".to_owned();
        team
    }

    #[test]
    fn subjects_get_re_and_the_tag_once() {
        assert_eq!(reply_subject("Order late", 7, true), "Re: Order late [#7]");
        assert_eq!(
            reply_subject("RE: Order late [#7]", 7, true),
            "RE: Order late [#7]"
        );
        assert_eq!(reply_subject("Your refund", 7, false), "Your refund [#7]");
        assert_eq!(reply_subject("", 7, false), "[#7]");
        assert_eq!(reply_subject("a\r\nBcc: x", 7, false), "a  Bcc: x [#7]");
    }

    #[test]
    fn the_body_has_signature_and_quoted_history() {
        assert_eq!(
            body_text(&team(), &reply()),
            "ನಮಸ್ಕಾರ!\nWe are on it.\n\n-- \nShop Support · ಸಹಾಯ\n\n\
             On 4 Dec 2026, Kavya wrote:\n> Where is it?\n>\n> Thanks\n"
        );
    }

    #[test]
    fn the_email_threads_and_carries_a_stable_message_id() {
        let date = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_800_000_000);
        let composed = compose(&team(), &reply(), date).unwrap();
        assert_eq!(composed.message_id, "sahaya-msg-9@shop.test");
        let again = compose(&team(), &reply(), date).unwrap();
        assert_eq!(composed.bytes, again.bytes);
        let parsed = crate::parse::parse(&composed.bytes);
        assert_eq!(parsed.message_id.as_deref(), Some("sahaya-msg-9@shop.test"));
        assert_eq!(parsed.in_reply_to.as_deref(), Some("m1@customer.test"));
        assert_eq!(parsed.references, ["m0@customer.test", "m1@customer.test"]);
        assert_eq!(parsed.subject, "Re: ಆರ್ಡರ್ ತಲುಪಿಲ್ಲ [#42]");
        assert_eq!(parsed.ticket_tag, Some(42));
        let from = parsed.from.unwrap();
        assert_eq!(from.name.as_deref(), Some("Asha (Shop Support)"));
        assert_eq!(from.address, "support@shop.test");
        assert!(
            parsed.text.starts_with("ನಮಸ್ಕಾರ!\nWe are on it."),
            "{:?}",
            parsed.text
        );
        assert!(!composed.bytes.windows(2).any(|w| w == b"\n\n"), "bare LFs");
    }

    #[test]
    fn bad_ids_and_addresses_do_not_reach_headers() {
        let mut reply = reply();
        reply.in_reply_to = Some("x\r\nBcc: evil@x.test".to_owned());
        reply.references = vec!["ok@x".to_owned(), "bad id".to_owned()];
        let date = SystemTime::UNIX_EPOCH;
        let composed = compose(&team(), &reply, date).unwrap();
        let text = String::from_utf8_lossy(&composed.bytes);
        assert!(!text.contains("evil"), "{text}");
        assert!(!text.contains("In-Reply-To"), "{text}");
        reply.to.address = "not an address".to_owned();
        assert!(matches!(
            compose(&team(), &reply, date),
            Err(Error::Compose { message_id: 9, .. })
        ));
    }
}
