//! The SMTP sender, which never sends a reply twice.
//!
//! # Exactly once, and what happens on a crash
//!
//! The bridge keeps a local [sent-log](crate::LogState) (SQLite, fsynced
//! commits) keyed by the sahaya message id, and every email of one message
//! carries the same Message-ID, `<sahaya-msg-<id>@<domain>>`. For each reply:
//!
//! 1. the log is asked first: `accepted` → [`Outcome::AlreadySent`], nothing
//!    goes out (a redelivery by the server's queue after a crash, or after a
//!    receipt that did not arrive);
//! 2. the SMTP transaction is opened up to DATA's 354; a failure before it
//!    sends nothing and is an error to retry ([`Error::is_network`]) or a
//!    refusal ([`Error::Rejected`]);
//! 3. `transmitting` is committed, then the bytes go, then on the server's
//!    250 `accepted` is committed ([`Sender::record`]).
//!
//! A kill after step 3 is harmless: the log says `accepted`. The one window
//! left is between the server's 250 and that commit (or a connection cut
//! while waiting for the 250): the row says `transmitting` and nobody knows
//! whether the server took the mail. The bridge then does **not** send again
//! (at most once): it asks the optional [`Witness`] — a mailbox that gets a
//! copy of every reply in the same SMTP transaction (a Bcc to the support
//! address) or a Sent folder the provider fills — for the Message-ID over
//! IMAP. Found → `accepted`, [`Outcome::AlreadySent`]; not found →
//! [`Outcome::Unknown`], for an agent to decide: the server's queue hands
//! the message again with a higher [`attempt`](crate::OutboundReply::attempt)
//! when the agent asks to send it again, and only then is it sent again.
//!
//! A 4xx/5xx answer to the message itself means the server did not take it:
//! the row is removed and [`Error::Rejected`] returned.

use std::path::Path;
use std::time::SystemTime;

use lettre::Address;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::transport::smtp::response::Response;
use sha2::{Digest, Sha256};

use crate::compose::{self, Composed, OutboundReply};
use crate::config::{ImapConfig, Security, SmtpConfig, TeamConfig};
use crate::error::{Error, Result};
use crate::net;
use crate::sent_log::{LogEntry, LogState, SentLog};

/// Where a copy of each reply can be looked for over IMAP.
#[derive(Debug, Clone)]
pub struct Witness {
    /// The mailbox and folder the copies land in.
    pub imap: ImapConfig,
    /// An extra envelope recipient for every reply (not in its headers),
    /// usually the support address itself; `None` when the provider files
    /// sent mail by itself (then `imap.folder` is that Sent folder).
    pub bcc: Option<String>,
}

/// What became of a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The SMTP server accepted it now.
    Sent {
        message_id: String,
        response: String,
    },
    /// It had been accepted before; nothing was sent now.
    AlreadySent {
        message_id: String,
        response: Option<String>,
    },
    /// An earlier try stopped inside the SMTP server's answer and no copy
    /// confirms it: not sent again (see the module's documentation).
    Unknown { message_id: String },
}

/// A reply the server accepted, not recorded yet: hand it to
/// [`Sender::record`]. Dropping it (a crash) leaves the log at
/// `transmitting`.
#[must_use = "the acceptance must be recorded with Sender::record"]
#[derive(Debug)]
pub struct Accepted {
    message_id: i64,
    header_id: String,
    response: String,
}

/// What [`Sender::transmit`] did.
#[derive(Debug)]
pub enum Transmission {
    /// Nothing to record (already sent, or unknown).
    Settled(Outcome),
    /// Accepted by the server now.
    Accepted(Accepted),
}

/// Sends replies over SMTP, with its sent-log.
pub struct Sender {
    smtp: SmtpConfig,
    team: TeamConfig,
    domain: String,
    log: SentLog,
    witness: Option<Witness>,
}

impl std::fmt::Debug for Sender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sender")
            .field("smtp", &self.smtp)
            .field("team", &self.team)
            .field("witness", &self.witness)
            .finish_non_exhaustive()
    }
}

impl Sender {
    /// A sender whose sent-log is the SQLite file `sent_log` (created when
    /// missing). Does not connect yet.
    pub fn open(smtp: SmtpConfig, team: TeamConfig, sent_log: impl AsRef<Path>) -> Result<Sender> {
        smtp.validate()?;
        let domain = team.message_id_domain()?;
        team.address
            .parse::<Address>()
            .map_err(|error| Error::Config(format!("team.address {:?}: {error}", team.address)))?;
        Ok(Sender {
            smtp,
            team,
            domain,
            log: SentLog::open(sent_log.as_ref())?,
            witness: None,
        })
    }

    /// Looks for copies in `witness` when a try's fate is unknown.
    pub fn with_witness(mut self, witness: Witness) -> Result<Sender> {
        witness.imap.validate()?;
        self.witness = Some(witness);
        Ok(self)
    }

    /// The Message-ID (no brackets) `reply` goes out with.
    pub fn message_id_for(&self, reply: &OutboundReply) -> String {
        compose::message_id_for(reply, &self.domain)
    }

    /// The domain of the bridge's Message-IDs.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// What the sent-log says about a message.
    pub fn log_entry(&self, sahaya_message_id: i64) -> Result<Option<LogEntry>> {
        self.log.get(sahaya_message_id)
    }

    /// Sends `reply` unless it was sent already: [`transmit`](Self::transmit)
    /// then [`record`](Self::record).
    pub fn send(&mut self, reply: &OutboundReply) -> Result<Outcome> {
        match self.transmit(reply)? {
            Transmission::Settled(outcome) => Ok(outcome),
            Transmission::Accepted(accepted) => self.record(accepted),
        }
    }

    /// Records an acceptance in the sent-log.
    pub fn record(&mut self, accepted: Accepted) -> Result<Outcome> {
        self.log.accepted(accepted.message_id, &accepted.response)?;
        Ok(Outcome::Sent {
            message_id: accepted.header_id,
            response: accepted.response,
        })
    }

    /// Steps 1–3 of the module's protocol, without the final record.
    pub fn transmit(&mut self, reply: &OutboundReply) -> Result<Transmission> {
        let id = reply.message_id;
        let header_id = self.message_id_for(reply);
        if let Some(entry) = self.log.get(id)? {
            if entry.attempt >= reply.attempt {
                return self.settle(id, entry);
            }
            tracing::info!(
                message = id,
                attempt = reply.attempt,
                "sending again as asked"
            );
        }
        let composed = compose::compose(&self.team, reply, SystemTime::now())?;
        let mut connection = self.open_transaction(id, reply.attempt, &composed)?;
        let sent = connection.message(&composed.bytes);
        match sent {
            Ok(response) => {
                let _ = connection.quit();
                Ok(Transmission::Accepted(Accepted {
                    message_id: id,
                    header_id,
                    response: describe(&response),
                }))
            }
            Err(error) if error.is_permanent() || error.is_transient() => {
                // The server answered no: the message was not taken.
                self.log.forget(id)?;
                Err(Error::Rejected {
                    message_id: id,
                    permanent: error.is_permanent(),
                    reason: error.to_string(),
                })
            }
            Err(error) => {
                tracing::warn!(message = id, %error, "connection lost while the server was taking the message");
                let entry = LogEntry {
                    attempt: reply.attempt,
                    header_id,
                    state: LogState::Transmitting,
                    response: None,
                };
                self.settle(id, entry)
            }
        }
    }

    /// The outcome for a message the log knows.
    fn settle(&mut self, id: i64, entry: LogEntry) -> Result<Transmission> {
        match entry.state {
            LogState::Accepted => Ok(Transmission::Settled(Outcome::AlreadySent {
                message_id: entry.header_id,
                response: entry.response,
            })),
            LogState::Transmitting => {
                if let Some(folder) = self.witness_has(&entry.header_id) {
                    let response = format!("a copy is in {folder}");
                    self.log.accepted(id, &response)?;
                    return Ok(Transmission::Settled(Outcome::AlreadySent {
                        message_id: entry.header_id,
                        response: Some(response),
                    }));
                }
                Ok(Transmission::Settled(Outcome::Unknown {
                    message_id: entry.header_id,
                }))
            }
        }
    }

    /// Connects, logs in, and runs MAIL, RCPT and DATA; commits
    /// `transmitting` once the server waits for the bytes.
    fn open_transaction(
        &mut self,
        id: i64,
        attempt: u32,
        composed: &Composed,
    ) -> Result<SmtpConnection> {
        let smtp = &self.smtp;
        let (host, port) = (smtp.host.as_str(), smtp.port());
        let context = format!("SMTP {host}:{port}");
        let hello = ClientId::Domain(self.domain.clone());
        let tls = match smtp.security {
            Security::Plain => None,
            Security::Tls | Security::StartTls => Some(
                TlsParameters::new(host.to_owned())
                    .map_err(|error| Error::Config(format!("TLS for {host}: {error}")))?,
            ),
        };
        let wrapper = tls.as_ref().filter(|_| smtp.security == Security::Tls);
        let mut connection =
            SmtpConnection::connect((host, port), Some(smtp.timeout()), &hello, wrapper, None)
                .map_err(Error::network(format!("connecting to {context}")))?;
        if let (Security::StartTls, Some(parameters)) = (smtp.security, &tls) {
            if !connection.can_starttls() {
                return Err(Error::Config(format!("{context} offers no STARTTLS")));
            }
            connection
                .starttls(parameters, &hello)
                .map_err(Error::network(format!("STARTTLS with {context}")))?;
        }
        if let Some(login) = &smtp.login {
            let password = login.password()?;
            let credentials =
                Credentials::new(login.username.clone(), password.expose().to_owned());
            connection
                .auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
                .map_err(|error| {
                    if error.is_permanent() {
                        Error::Config(format!(
                            "{context} refused the login {}: {error}",
                            login.username
                        ))
                    } else {
                        Error::network(format!("login at {context}"))(error)
                    }
                })?;
        }
        let refused = |error: lettre::transport::smtp::Error| {
            if error.is_permanent() || error.is_transient() {
                Error::Rejected {
                    message_id: id,
                    permanent: error.is_permanent(),
                    reason: error.to_string(),
                }
            } else {
                Error::network(context.clone())(error)
            }
        };
        let mut parameters = Vec::new();
        let bcc = self
            .witness
            .as_ref()
            .and_then(|witness| witness.bcc.as_deref());
        let bcc: Option<Address> = bcc.and_then(|address| address.parse().ok());
        let all_ascii = [&composed.from, &composed.to]
            .into_iter()
            .chain(bcc.as_ref())
            .all(|address| AsRef::<str>::as_ref(address).is_ascii());
        if !all_ascii {
            if !connection
                .server_info()
                .supports_feature(Extension::SmtpUtfEight)
            {
                return Err(Error::Compose {
                    message_id: id,
                    reason: format!("{context} takes no UTF-8 addresses (SMTPUTF8)"),
                });
            }
            parameters.push(MailParameter::SmtpUtfEight);
        }
        if !composed.bytes.is_ascii() {
            parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        connection
            .command(Mail::new(Some(composed.from.clone()), parameters))
            .map_err(refused)?;
        connection
            .command(Rcpt::new(composed.to.clone(), Vec::new()))
            .map_err(refused)?;
        if let Some(bcc) = bcc
            && let Err(error) = connection.command(Rcpt::new(bcc.clone(), Vec::new()))
        {
            tracing::warn!(%error, "the witness copy to {bcc} was refused; sending without it");
        }
        connection.command(Data).map_err(refused)?;
        let digest = hex::encode(Sha256::digest(&composed.bytes));
        self.log.begin(id, attempt, &composed.message_id, &digest)?;
        Ok(connection)
    }

    /// The witness folder that holds a message with this Message-ID, if any
    /// (a failure to look is logged and counts as not found).
    fn witness_has(&self, header_id: &str) -> Option<String> {
        let witness = self.witness.as_ref()?;
        let look = || -> Result<bool> {
            let mut session = net::imap_session(&witness.imap)?;
            let folder = &witness.imap.folder;
            session
                .examine(folder)
                .map_err(Error::imap(format!("EXAMINE {folder}")))?;
            let found = session
                .uid_search(format!("HEADER Message-ID \"{header_id}\""))
                .map_err(Error::imap(format!("UID SEARCH in {folder}")))?;
            let _ = session.logout();
            Ok(!found.is_empty())
        };
        match look() {
            Ok(true) => Some(witness.imap.folder.clone()),
            Ok(false) => None,
            Err(error) => {
                tracing::warn!(%error, "could not look for {header_id} in the witness folder");
                None
            }
        }
    }
}

fn describe(response: &Response) -> String {
    let text: Vec<&str> = response.message().collect();
    format!("{} {}", response.code(), text.join(" "))
        .trim_end()
        .to_owned()
}
