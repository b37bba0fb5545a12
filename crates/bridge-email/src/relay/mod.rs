//! `sahaya bridge email`: moves mail between a mailbox and a sahaya server.
//!
//! Each round: new customer mail is read over IMAP and posted to
//! `POST /v1/inbound` (files uploaded first; an answer to a survey mail goes
//! to `POST /v1/surveys` instead), then the outbound queue's new items are
//! sent over SMTP and a receipt is posted for each. Both directions keep a
//! durable place (the IMAP cursor and flags; the queue cursor plus the
//! sender's sent-log), so a crash or a restart of the bridge, the server or
//! a mail server neither loses nor repeats a message:
//!
//! - inbound: a mail is marked processed only after the server took it,
//!   under an idempotency key made from its bytes, so reading it again after
//!   a crash changes nothing on the server;
//! - outbound: the queue cursor moves past an item only after its receipt
//!   was posted; an item met again is looked up in the sent-log first, so it
//!   is never mailed twice (see [`crate::sender`]).
//!
//! The mail side is blocking; the server side runs on the tokio runtime the
//! caller hands in (`Handle::block_on`), so the whole relay runs on a thread
//! of its own.

mod inbound;
mod outbound;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Deserialize;
use tokio::runtime::Handle;

use crate::config::{ImapConfig, SmtpConfig, TeamConfig};
use crate::cursor::CursorFile;
use crate::error::{Error, Result};
use crate::mailbox::Mailbox;
use crate::sender::{Sender, Witness};
use sahaya_sync::client::{Client, ClientError};

/// Mails read, and queue items taken, per round.
const BATCH: usize = 20;

fn default_poll_secs() -> u64 {
    10
}

/// A copy of each reply, looked for when a sending's fate is unknown.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WitnessConfig {
    /// An address every reply is also sent to (not shown in its headers),
    /// usually the support address itself.
    #[serde(default)]
    pub bcc: Option<String>,
    /// The folder of the IMAP account where the copies land.
    pub folder: String,
}

/// `[bridge.email]` in sahaya's config file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayConfig {
    pub imap: ImapConfig,
    pub smtp: SmtpConfig,
    pub team: TeamConfig,
    #[serde(default)]
    pub witness: Option<WitnessConfig>,
    /// Where the bridge keeps its cursors and sent-log (default: the data
    /// dir's `bridge-email`).
    #[serde(default)]
    pub state_dir: Option<PathBuf>,
    /// Seconds between rounds. Default: 10.
    #[serde(default = "default_poll_secs")]
    pub poll_secs: u64,
}

/// The relay between one mailbox and one sahaya server.
pub struct Relay {
    api: Client,
    runtime: Handle,
    mailbox: Mailbox,
    sender: Sender,
    queue: CursorFile,
    poll: Duration,
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    /// Customer mails handed to the server.
    pub received: usize,
    /// Survey answers recorded.
    pub answers: usize,
    /// Queue items settled (sent, found sent before, or failed with a receipt).
    pub settled: usize,
}

impl Relay {
    /// A relay keeping its state in `state_dir`. Does not connect yet.
    pub fn open(
        config: RelayConfig,
        state_dir: PathBuf,
        api: Client,
        runtime: Handle,
    ) -> Result<Relay> {
        std::fs::create_dir_all(&state_dir).map_err(Error::state(format!(
            "creating the bridge's state directory {}",
            state_dir.display()
        )))?;
        let mut sender = Sender::open(
            config.smtp.clone(),
            config.team.clone(),
            state_dir.join("sent-log.sqlite"),
        )?;
        if let Some(witness) = &config.witness {
            let mut imap = config.imap.clone();
            imap.folder = witness.folder.clone();
            sender = sender.with_witness(Witness {
                imap,
                bcc: witness.bcc.clone(),
            })?;
        }
        let mailbox = Mailbox::open(config.imap.clone(), state_dir.join("imap-cursor.json"))?;
        Ok(Relay {
            api,
            runtime,
            mailbox,
            sender,
            queue: CursorFile::named(state_dir.join("outbound-cursor.json"), "the queue cursor"),
            poll: Duration::from_secs(config.poll_secs.max(1)),
        })
    }

    /// The same relay, going round every `poll`.
    pub fn with_poll(mut self, poll: Duration) -> Relay {
        self.poll = poll;
        self
    }

    /// Goes round until `stop` is set. Failures of the network (server or
    /// mail servers away) are logged and retried next round; an error that
    /// needs a person (a refused login, a broken state file) ends the run.
    pub fn run(&mut self, stop: &Arc<AtomicBool>) -> Result<()> {
        while !stop.load(Ordering::Relaxed) {
            let started = Instant::now();
            match self.round() {
                Ok(round) if round != Round::default() => {
                    tracing::info!(?round, "email bridge round");
                }
                Ok(_) => {}
                Err(Stop::Later(why)) => tracing::warn!("email bridge: {why}; trying again"),
                Err(Stop::Fatal(error)) => return Err(error),
            }
            while started.elapsed() < self.poll && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Ok(())
    }

    /// One round: mail in, then the queue out.
    pub fn round(&mut self) -> std::result::Result<Round, Stop> {
        let mut round = Round::default();
        self.receive(&mut round)?;
        self.send(&mut round)?;
        Ok(round)
    }

    /// Runs a server call on the runtime.
    fn call<T>(
        &self,
        future: impl Future<Output = std::result::Result<T, ClientError>>,
    ) -> std::result::Result<T, ClientError> {
        self.runtime.block_on(future)
    }
}

/// Why a round stopped early.
#[derive(Debug)]
pub enum Stop {
    /// A server or the network is away: the next round picks up here.
    Later(String),
    /// A person must act (the message says what).
    Fatal(Error),
}

impl From<Error> for Stop {
    fn from(error: Error) -> Stop {
        if error.is_network() {
            Stop::Later(error.to_string())
        } else {
            Stop::Fatal(error)
        }
    }
}

/// Sorts a server error: retried later, or a person must act.
fn server_stop(error: ClientError) -> Stop {
    match &error {
        ClientError::Unauthorized { .. } => Stop::Fatal(Error::Config(format!(
            "the sahaya server refused the bridge's token ({}); give it the integration \
             account's token (--token or SAHAYA_TOKEN)",
            error.detail()
        ))),
        ClientError::Rejected { status: 403, .. } => Stop::Fatal(Error::Config(
            "the token is not the integration account's; bridges need that one".to_string(),
        )),
        _ => Stop::Later(format!("sahaya server: {}", error.detail())),
    }
}
