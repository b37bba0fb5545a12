//! Inbound mail, parsed (mail-parser): threading headers, sender, subject
//! and its `[#123]` ticket tag, readable text (HTML-only mail through
//! html2text), attachments with sanitized names and checksums.
//!
//! Everything here comes from outside and stays data: names are cleaned so
//! they can be shown and used as a file name, but never as a path; text is
//! not made safe for a terminal here (the console sanitizes what it shows).

use std::fmt;

use mail_parser::{Address, HeaderValue, Message, MessageParser, MimeHeaders, PartType};
use sha2::{Digest, Sha256};

use crate::message_id::{SurveyTag, header_id, own_id};
use sahaya_protocol::domain as names;

/// A person in From or Reply-To.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The display name, decoded (`=?UTF-8?...?=` and RFC 6532 both work).
    pub name: Option<String>,
    /// The address, as written (not lower-cased).
    pub address: String,
}

/// A file that came with a message.
#[derive(Clone, PartialEq, Eq)]
pub struct Attachment {
    /// A safe file name (see [`names::sanitize_file_name`]): one path
    /// component, no control or bidi characters, never empty.
    pub name: String,
    /// `type/subtype`, lower-case; `application/octet-stream` when missing
    /// or malformed.
    pub content_type: String,
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`, lower-case hex.
    pub sha256: String,
    /// Whether it was an inline part (an image inside an HTML mail).
    pub inline: bool,
}

impl fmt::Debug for Attachment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attachment")
            .field("name", &self.name)
            .field("content_type", &self.content_type)
            .field("size", &self.bytes.len())
            .field("sha256", &self.sha256)
            .field("inline", &self.inline)
            .finish()
    }
}

/// A customer's email, as the server's `POST /v1/inbound` needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundMail {
    /// Message-ID without the angle brackets.
    pub message_id: Option<String>,
    /// The first In-Reply-To id, without angle brackets.
    pub in_reply_to: Option<String>,
    /// References, oldest first, without angle brackets.
    pub references: Vec<String>,
    pub from: Option<Person>,
    pub reply_to: Option<Person>,
    /// Decoded; empty when there is none.
    pub subject: String,
    /// The ticket id of a `[#123]` in the subject.
    pub ticket_tag: Option<i64>,
    /// The Date header, as seconds since the Unix epoch.
    pub date: Option<i64>,
    /// The text/plain body; for HTML-only mail the HTML as readable text.
    pub text: String,
    /// Whether `text` was made from HTML.
    pub text_from_html: bool,
    pub attachments: Vec<Attachment>,
    /// An automatic message (Auto-Submitted other than "no", a
    /// Precedence of bulk/junk/list/auto_reply, X-Autoreply, a bounce from
    /// MAILER-DAEMON): never answer it automatically.
    pub auto_submitted: bool,
}

impl InboundMail {
    /// Whether this is one of the bridge's own mails (its Message-ID is one
    /// the bridge makes, see [`crate::message_id_for`]), e.g. the copy the
    /// sender Bccs to the support mailbox: to be marked processed, not posted.
    pub fn sahaya_message_id(&self, domain: &str) -> Option<i64> {
        own_id(self.message_id.as_deref()?, domain).map(|own| own.message_id)
    }

    /// The survey this mail answers, if its In-Reply-To or References name
    /// one of the bridge's survey mails: (ticket, what was asked).
    pub fn survey_answered(&self, domain: &str) -> Option<(i64, SurveyTag)> {
        self.in_reply_to
            .iter()
            .chain(self.references.iter().rev())
            .find_map(|id| own_id(id, domain)?.survey)
    }
}

/// Width html2text wraps at: wide, so that the console does the wrapping.
const HTML_WIDTH: usize = 200;

/// Parses a whole message. Never fails: a message that can't be parsed at
/// all (empty input) gives an empty `InboundMail`.
pub fn parse(raw: &[u8]) -> InboundMail {
    let Some(message) = MessageParser::default().parse(raw) else {
        return InboundMail {
            message_id: None,
            in_reply_to: None,
            references: Vec::new(),
            from: None,
            reply_to: None,
            subject: String::new(),
            ticket_tag: None,
            date: None,
            text: String::new(),
            text_from_html: false,
            attachments: Vec::new(),
            auto_submitted: false,
        };
    };
    let subject = message.subject().unwrap_or_default().trim().to_owned();
    let (text, text_from_html) = body_text(&message);
    InboundMail {
        message_id: message.message_id().and_then(header_id),
        in_reply_to: ids(message.in_reply_to()).into_iter().next(),
        references: ids(message.references()),
        from: person(message.from()),
        reply_to: person(message.reply_to()),
        ticket_tag: ticket_tag(&subject),
        subject,
        date: message.date().map(|date| date.to_timestamp()),
        text,
        text_from_html,
        attachments: attachments(&message),
        auto_submitted: auto_submitted(&message),
    }
}

/// The id of the first `[#123]` in a subject.
pub fn ticket_tag(subject: &str) -> Option<i64> {
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && after[digits..].starts_with(']')
            && let Ok(id) = after[..digits].parse::<i64>()
        {
            return Some(id);
        }
        rest = after;
    }
    None
}

/// Message ids from a header: mail-parser gives them without brackets.
fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(id) => header_id(id).into_iter().collect(),
        HeaderValue::TextList(list) => list.iter().filter_map(|id| header_id(id)).collect(),
        _ => Vec::new(),
    }
}

fn person(address: Option<&Address<'_>>) -> Option<Person> {
    let first = address?.first()?;
    let email = first.address()?.trim();
    if email.is_empty() {
        return None;
    }
    let name = first
        .name()
        .map(|name| name.trim().trim_matches('"').trim().to_owned())
        .filter(|name| !name.is_empty() && name != email);
    Some(Person {
        name,
        address: email.to_owned(),
    })
}

/// The text/plain parts, or else the HTML ones as text.
fn body_text(message: &Message<'_>) -> (String, bool) {
    let mut plain = Vec::new();
    let mut html = Vec::new();
    for id in &message.text_body {
        match message.parts.get(*id as usize).map(|part| &part.body) {
            Some(PartType::Text(text)) => plain.push(text.as_ref()),
            Some(PartType::Html(markup)) => html.push(markup.as_ref()),
            _ => {}
        }
    }
    if plain.is_empty() && html.is_empty() {
        for id in &message.html_body {
            if let Some(PartType::Html(markup)) =
                message.parts.get(*id as usize).map(|part| &part.body)
            {
                html.push(markup.as_ref());
            }
        }
    }
    if !plain.is_empty() {
        return (tidy(&plain.join("\n")), false);
    }
    if html.is_empty() {
        return (String::new(), false);
    }
    let text: Vec<String> = html.iter().map(|markup| html_to_text(markup)).collect();
    (tidy(&text.join("\n")), true)
}

fn html_to_text(markup: &str) -> String {
    html2text::config::plain_no_decorate()
        .string_from_read(markup.as_bytes(), HTML_WIDTH)
        .unwrap_or_else(|_| markup.to_owned())
}

/// CRLF to LF, trailing spaces (except the signature line's "-- ") and
/// blank lines at the ends removed.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|line| if line == "-- " { line } else { line.trim_end() })
        .collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

fn attachments(message: &Message<'_>) -> Vec<Attachment> {
    message
        .attachments()
        .enumerate()
        .map(|(index, part)| {
            let bytes = match &part.body {
                PartType::Message(inner) => inner.raw_message.to_vec(),
                _ => part.contents().to_vec(),
            };
            let content_type = part.content_type().map_or_else(
                || "application/octet-stream".to_owned(),
                |ct| names::content_type(ct.ctype(), ct.subtype()),
            );
            Attachment {
                name: names::sanitize_file_name(part.attachment_name(), index + 1),
                sha256: hex::encode(Sha256::digest(&bytes)),
                inline: matches!(part.body, PartType::InlineBinary(_))
                    || part.content_disposition().is_some_and(|cd| cd.is_inline()),
                content_type,
                bytes,
            }
        })
        .collect()
}

fn auto_submitted(message: &Message<'_>) -> bool {
    let header = |name: &str| {
        message
            .header_raw(name)
            .map(|value| value.trim().to_ascii_lowercase())
    };
    let auto = header("Auto-Submitted").is_some_and(|value| !value.starts_with("no"));
    let precedence = header("Precedence")
        .is_some_and(|value| ["bulk", "junk", "list", "auto_reply"].contains(&value.as_str()));
    let autoreply = header("X-Autoreply").is_some() || header("X-Autorespond").is_some();
    let bounce = person(message.from()).is_some_and(|from| {
        let local = from
            .address
            .split('@')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        local == "mailer-daemon" || local == "postmaster"
    });
    auto || precedence || autoreply || bounce
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_well_formed_tag_wins() {
        assert_eq!(ticket_tag("Re: ಆರ್ಡರ್ ತಲುಪಿಲ್ಲ [#42]"), Some(42));
        assert_eq!(ticket_tag("[#x] [#] [#12a] then [#7]"), Some(7));
        assert_eq!(ticket_tag("no tag #5 [5]"), None);
        assert_eq!(ticket_tag("[#99999999999999999999] [#3]"), Some(3));
    }

    #[test]
    fn ids_that_could_inject_headers_are_dropped() {
        assert_eq!(header_id("<a@b>").as_deref(), Some("a@b"));
        assert_eq!(header_id("a b@c"), None);
        assert_eq!(header_id("a@b\r\nBcc: x@y"), None);
        assert_eq!(header_id(""), None);
    }

    #[test]
    fn plain_mail_with_crlf_becomes_lf_text() {
        let raw = b"From: \"Ravi\" <ravi@customer.test>\r\nSubject: hi [#5]\r\n\
                    Message-ID: <m1@customer.test>\r\nIn-Reply-To: <sahaya-msg-3@shop.test>\r\n\
                    References: <a@x> <sahaya-msg-3@shop.test>\r\n\r\nline one  \r\nline two\r\n-- \r\nRavi\r\n\r\n";
        let mail = parse(raw);
        assert_eq!(mail.message_id.as_deref(), Some("m1@customer.test"));
        assert_eq!(mail.in_reply_to.as_deref(), Some("sahaya-msg-3@shop.test"));
        assert_eq!(mail.references, ["a@x", "sahaya-msg-3@shop.test"]);
        assert_eq!(mail.ticket_tag, Some(5));
        assert_eq!(mail.text, "line one\nline two\n-- \nRavi");
        assert_eq!(
            mail.from,
            Some(Person {
                name: Some("Ravi".to_owned()),
                address: "ravi@customer.test".to_owned()
            })
        );
        assert!(!mail.auto_submitted);
        assert_eq!(mail.sahaya_message_id("shop.test"), None);
    }

    #[test]
    fn html_only_mail_is_readable_text() {
        let raw = b"From: a@b.test\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
                    <html><body><p>Hello <b>there</b></p><ul><li>one</li></ul>\
                    <script>alert(1)</script></body></html>\r\n";
        let mail = parse(raw);
        assert!(mail.text_from_html);
        assert!(mail.text.contains("Hello there"), "{:?}", mail.text);
        assert!(!mail.text.contains("**"), "{:?}", mail.text);
        assert!(mail.text.contains("one"), "{:?}", mail.text);
        assert!(!mail.text.contains('<'), "{:?}", mail.text);
        assert!(!mail.text.contains("alert"), "{:?}", mail.text);
    }

    #[test]
    fn automatic_mail_is_recognised() {
        for header in [
            "Auto-Submitted: auto-replied",
            "Precedence: bulk",
            "X-Autoreply: yes",
        ] {
            let raw = format!("From: a@b.test\r\n{header}\r\nSubject: x\r\n\r\nout of office\r\n");
            assert!(parse(raw.as_bytes()).auto_submitted, "{header}");
        }
        let bounce = b"From: MAILER-DAEMON@mx.test\r\nSubject: Undelivered\r\n\r\nx\r\n";
        assert!(parse(bounce).auto_submitted);
        let human = b"From: a@b.test\r\nAuto-Submitted: no\r\n\r\nx\r\n";
        assert!(!parse(human).auto_submitted);
    }

    #[test]
    fn own_replies_are_recognised_by_their_message_id() {
        let raw = b"From: support@shop.test\r\nMessage-ID: <sahaya-msg-17@shop.test>\r\n\r\nx\r\n";
        let mail = parse(raw);
        assert_eq!(mail.sahaya_message_id("shop.test"), Some(17));
        assert_eq!(mail.sahaya_message_id("other.test"), None);
    }

    #[test]
    fn empty_input_is_an_empty_mail() {
        let mail = parse(b"");
        assert_eq!(mail.text, "");
        assert!(mail.attachments.is_empty());
    }
}
