//! The mail side of sahaya's email bridge, for `sahaya bridge email` to drive:
//!
//! - [`Mailbox`] reads new mail from an IMAP folder after a durable cursor
//!   (UIDVALIDITY + last UID), so that a restart neither loses nor re-reads
//!   mail; [`RawMail::parse`] turns a message into an [`InboundMail`]
//!   (threading headers, `[#id]` tag, readable text, attachments);
//! - [`Sender`] sends an [`OutboundReply`] over SMTP with a Message-ID derived
//!   from the sahaya message id, threaded to the customer's mail, and keeps a
//!   sent-log so that a crash never makes it send a reply twice (the
//!   protocol is in [`sender`]'s documentation).
//!
//! Both are blocking (run them on a thread of their own, or in
//! `tokio::task::spawn_blocking`). Credentials come from the config or the
//! environment ([`Login::from_env`]) and never appear in `Debug` output,
//! errors or logs.
//!
//! # Wiring (`sahaya bridge email`)
//!
//! Inbound, in a loop: `mailbox.fetch_new(n)`; for each mail, skip it if
//! [`InboundMail::sahaya_message_id`] says it is the bridge's own copy, else
//! `POST /v1/inbound` with [`RawMail::idempotency_key`] as its
//! `Idempotency-Key` (a crash before marking re-reads the mail once);
//! then `mailbox.mark_processed(&mail)`. On [`Error::is_network`] wait and
//! loop; other errors need a person (bad login, bad folder).
//!
//! Outbound: take the queue's items after a saved cursor, map each to an
//! [`OutboundReply`], `sender.send(&reply)`, and post a receipt:
//! [`Outcome::Sent`] and [`Outcome::AlreadySent`] → `sent` (receipts must be
//! idempotent per message); [`Outcome::Unknown`] → `failed` with the
//! reason "unknown whether the mail server took it"; [`Error::Rejected`]
//! with `permanent` → `failed` with its reason; network errors → retry later
//! without a receipt.

mod answer;
mod compose;
mod config;
mod cursor;
mod error;
mod mailbox;
mod message_id;
mod net;
mod parse;
pub mod relay;
mod secret;
pub mod sender;
mod sent_log;

pub use answer::{SurveyScores, read_scores};
pub use compose::{
    Composed, OutboundAttachment, OutboundReply, Quoted, body_text, compose, message_id_for,
    reply_subject,
};
pub use config::{ImapConfig, Login, Security, SmtpConfig, TeamConfig};
pub use cursor::Cursor;
pub use error::{BoxError, Error, Result};
pub use mailbox::{Mailbox, PROCESSED_KEYWORD, RawMail};
pub use message_id::{OwnId, SurveyTag, own_id};
pub use parse::{Attachment, InboundMail, Person, parse, ticket_tag};
pub use sahaya_protocol::domain::{content_type, sanitize_file_name};
pub use secret::Secret;
pub use sender::{Accepted, Outcome, Sender, Transmission, Witness};
pub use sent_log::{LogEntry, LogState};
