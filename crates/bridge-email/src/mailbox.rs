//! The IMAP reader: new mail by UID after a durable cursor.
//!
//! [`Mailbox::fetch_new`] returns the messages of the folder that are not
//! handled yet, oldest first; [`Mailbox::mark_processed`] records one as
//! handled once the server has it. Marking first moves the cursor file
//! (UIDVALIDITY + the highest UID below which everything is handled), then
//! flags the message on the server with `\Seen` and the keyword
//! [`PROCESSED_KEYWORD`]. So:
//!
//! - a restart (new process, same cursor file) reads nothing it had marked;
//! - a message fetched but not marked before a crash is read again: the
//!   caller's hand-over must be idempotent (see [`RawMail::idempotency_key`]);
//! - marking needs no network: when the server is away the flags are set
//!   after the next connection;
//! - when the folder's UIDVALIDITY changes (the folder was rebuilt, its UIDs
//!   mean nothing any more), reading starts over at UID 1 but skips the
//!   messages that carry the keyword.
//!
//! Any failure drops the connection; the next call connects again. A network
//! failure on a connection that had been idle is retried once on a fresh one
//! before it is reported.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

use imap::types::Flag;
use sha2::{Digest, Sha256};

use crate::config::ImapConfig;
use crate::cursor::{Cursor, CursorFile};
use crate::error::{Error, Result};
use crate::net::{self, Session};
use crate::parse::{self, InboundMail};

/// The keyword the bridge sets on every message it has handled.
pub const PROCESSED_KEYWORD: &str = "$SahayaProcessed";

/// One message as the server stores it.
#[derive(Clone, PartialEq, Eq)]
pub struct RawMail {
    pub uid: u32,
    pub uid_validity: u32,
    /// The whole message (`BODY[]`), byte for byte.
    pub raw: Vec<u8>,
}

impl RawMail {
    /// The message, parsed.
    pub fn parse(&self) -> InboundMail {
        parse::parse(&self.raw)
    }

    /// A key that is the same every time this message is read, also after
    /// a UIDVALIDITY change: `email-sha256:<hex of the raw bytes>`. For the
    /// hand-over to the server (`Idempotency-Key`).
    pub fn idempotency_key(&self) -> String {
        format!("email-sha256:{}", hex::encode(Sha256::digest(&self.raw)))
    }
}

impl fmt::Debug for RawMail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawMail")
            .field("uid", &self.uid)
            .field("uid_validity", &self.uid_validity)
            .field("bytes", &self.raw.len())
            .finish()
    }
}

/// What SELECT told us.
#[derive(Debug, Clone, Copy)]
struct Selected {
    uid_validity: u32,
    /// Whether the folder keeps our keyword (PERMANENTFLAGS has `\*` or it).
    keywords: bool,
}

/// A reader of one folder, with its cursor file.
pub struct Mailbox {
    config: ImapConfig,
    file: CursorFile,
    /// The cursor as saved.
    cursor: Option<Cursor>,
    session: Option<(Session, Selected)>,
    /// The UIDVALIDITY that `unprocessed` and `done` belong to.
    validity: Option<u32>,
    /// UIDs the last search found not handled (above the cursor).
    unprocessed: BTreeSet<u32>,
    /// UIDs marked above the cursor, waiting for the ones below them.
    done: BTreeSet<u32>,
    /// Marked messages whose flags the server has not got yet, per UIDVALIDITY.
    unflagged: BTreeMap<u32, BTreeSet<u32>>,
}

impl fmt::Debug for Mailbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailbox")
            .field("config", &self.config)
            .field("cursor_file", &self.file.path())
            .field("cursor", &self.cursor)
            .field("connected", &self.session.is_some())
            .finish_non_exhaustive()
    }
}

impl Mailbox {
    /// A reader of `config.folder` that keeps its place in `cursor_file`
    /// (created when first needed). Does not connect yet.
    pub fn open(config: ImapConfig, cursor_file: impl Into<PathBuf>) -> Result<Mailbox> {
        config.validate()?;
        let file = CursorFile::new(cursor_file.into());
        let cursor = file.load()?;
        Ok(Mailbox {
            config,
            file,
            cursor,
            session: None,
            validity: None,
            unprocessed: BTreeSet::new(),
            done: BTreeSet::new(),
            unflagged: BTreeMap::new(),
        })
    }

    /// The cursor as saved.
    pub fn cursor(&self) -> Option<Cursor> {
        self.cursor
    }

    /// At most `max` messages not handled yet, oldest first. A message
    /// returned and not marked is returned again by the next call.
    pub fn fetch_new(&mut self, max: usize) -> Result<Vec<RawMail>> {
        let reused = self.session.is_some();
        match self.try_fetch(max) {
            Err(error) if reused && error.is_network() => {
                tracing::debug!(%error, "IMAP connection lost while idle; connecting again");
                self.try_fetch(max)
            }
            result => result,
        }
    }

    /// Records that `mail` is handled: the cursor file first (durably), then
    /// the flags on the server (now if connected, else after the next
    /// connection). Fails only when the cursor file can't be written.
    pub fn mark_processed(&mut self, mail: &RawMail) -> Result<()> {
        if self.validity != Some(mail.uid_validity) {
            // Read under an older UIDVALIDITY: its UID means nothing now.
            return Ok(());
        }
        if !self.done.contains(&mail.uid) && self.base(mail.uid_validity) < mail.uid {
            self.done.insert(mail.uid);
        }
        self.unprocessed.remove(&mail.uid);
        self.advance()?;
        self.unflagged
            .entry(mail.uid_validity)
            .or_default()
            .insert(mail.uid);
        if self.session.is_some()
            && let Err(error) = self.flush_flags()
        {
            tracing::debug!(%error, "flags not set yet; set after the next connection");
            self.session = None;
        }
        Ok(())
    }

    /// Logs out (the next call connects again).
    pub fn disconnect(&mut self) {
        if let Some((mut session, _)) = self.session.take() {
            let _ = session.logout();
        }
    }

    fn try_fetch(&mut self, max: usize) -> Result<Vec<RawMail>> {
        let result = self.fetch_on_session(max);
        if result.is_err() {
            // The connection's state is unknown after any failure.
            self.session = None;
        }
        result
    }

    fn fetch_on_session(&mut self, max: usize) -> Result<Vec<RawMail>> {
        let reused = self.session.is_some();
        let selected = self.connect()?;
        if reused {
            // Servers (Dovecot) look for new mail at NOOP, not at SEARCH.
            let folder = self.config.folder.clone();
            self.session_mut()?
                .noop()
                .map_err(Error::imap(format!("NOOP in {folder}")))?;
        }
        let validity = selected.uid_validity;
        if self.validity != Some(validity) {
            if self.validity.is_some() || self.cursor.is_some_and(|c| c.uid_validity != validity) {
                tracing::warn!(
                    folder = %self.config.folder,
                    "UIDVALIDITY changed; reading again from UID 1, skipping messages flagged {PROCESSED_KEYWORD}"
                );
            }
            self.validity = Some(validity);
            self.unprocessed.clear();
            self.done.clear();
        }
        self.flush_flags()?;
        let base = self.base(validity);
        let query = if selected.keywords {
            format!(
                "UID {}:* UNKEYWORD {PROCESSED_KEYWORD}",
                base.saturating_add(1)
            )
        } else {
            format!("UID {}:*", base.saturating_add(1))
        };
        let folder = self.config.folder.clone();
        let session = self.session_mut()?;
        let found = session
            .uid_search(&query)
            .map_err(Error::imap(format!("UID SEARCH in {folder}")))?;
        // `n:*` always includes the highest UID, even below n.
        let mut uids: Vec<u32> = found
            .into_iter()
            .filter(|uid| *uid > base && !self.done.contains(uid))
            .collect();
        uids.sort_unstable();
        self.unprocessed = uids.iter().copied().collect();
        let wanted: Vec<u32> = uids.into_iter().take(max).collect();
        let mut mails = Vec::with_capacity(wanted.len());
        if !wanted.is_empty() {
            let set = wanted
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let session = self.session_mut()?;
            let fetches = session
                .uid_fetch(&set, "(UID BODY.PEEK[])")
                .map_err(Error::imap(format!("UID FETCH in {folder}")))?;
            for fetch in fetches.iter() {
                if let (Some(uid), Some(body)) = (fetch.uid, fetch.body())
                    && wanted.binary_search(&uid).is_ok()
                {
                    mails.push(RawMail {
                        uid,
                        uid_validity: validity,
                        raw: body.to_vec(),
                    });
                }
            }
            drop(fetches);
            // Unsolicited EXISTS/FETCH lines would pile up otherwise.
            session.take_all_unsolicited().for_each(drop);
            mails.sort_by_key(|mail| mail.uid);
            mails.dedup_by_key(|mail| mail.uid);
            // Expunged between SEARCH and FETCH: gone, not waited for.
            let got: BTreeSet<u32> = mails.iter().map(|mail| mail.uid).collect();
            for uid in &wanted {
                if !got.contains(uid) {
                    self.unprocessed.remove(uid);
                }
            }
        }
        self.advance()?;
        Ok(mails)
    }

    /// Connects and selects the folder unless connected.
    fn connect(&mut self) -> Result<Selected> {
        if let Some((_, selected)) = &self.session {
            return Ok(*selected);
        }
        let mut session = net::imap_session(&self.config)?;
        let folder = &self.config.folder;
        let mailbox = session
            .select(folder)
            .map_err(Error::imap(format!("SELECT {folder}")))?;
        let uid_validity = mailbox.uid_validity.ok_or_else(|| Error::Imap {
            context: format!("SELECT {folder}"),
            source: "the server gave no UIDVALIDITY".into(),
        })?;
        let keywords = mailbox.permanent_flags.iter().any(|flag| match flag {
            Flag::MayCreate => true,
            Flag::Custom(name) => name.eq_ignore_ascii_case(PROCESSED_KEYWORD),
            _ => false,
        });
        if !keywords {
            tracing::warn!(%folder, "the folder keeps no keywords; after a UIDVALIDITY change all its mail is read again");
        }
        let selected = Selected {
            uid_validity,
            keywords,
        };
        self.session = Some((session, selected));
        Ok(selected)
    }

    fn session_mut(&mut self) -> Result<&mut Session> {
        match &mut self.session {
            Some((session, _)) => Ok(session),
            None => Err(Error::Imap {
                context: "reading".to_owned(),
                source: "not connected".into(),
            }),
        }
    }

    /// Sets the flags of marked messages on the server (current UIDVALIDITY
    /// only; the others' UIDs mean nothing now).
    fn flush_flags(&mut self) -> Result<()> {
        let Some((session, selected)) = &mut self.session else {
            return Ok(());
        };
        self.unflagged
            .retain(|validity, _| *validity == selected.uid_validity);
        let Some(uids) = self.unflagged.get(&selected.uid_validity) else {
            return Ok(());
        };
        if uids.is_empty() {
            return Ok(());
        }
        let set = uids
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let flags = if selected.keywords {
            format!("+FLAGS.SILENT (\\Seen {PROCESSED_KEYWORD})")
        } else {
            "+FLAGS.SILENT (\\Seen)".to_owned()
        };
        let folder = &self.config.folder;
        session
            .uid_store(&set, &flags)
            .map_err(Error::imap(format!("UID STORE in {folder}")))?;
        session.take_all_unsolicited().for_each(drop);
        self.unflagged.remove(&selected.uid_validity);
        Ok(())
    }

    /// The last UID handled under `validity` (0 when the cursor is for
    /// another UIDVALIDITY or there is none).
    fn base(&self, validity: u32) -> u32 {
        match self.cursor {
            Some(cursor) if cursor.uid_validity == validity => cursor.last_uid,
            _ => 0,
        }
    }

    /// Moves the cursor over every marked UID below the first one not handled.
    fn advance(&mut self) -> Result<()> {
        let Some(validity) = self.validity else {
            return Ok(());
        };
        let base = self.base(validity);
        let limit = self.unprocessed.first().copied();
        let reach = self
            .done
            .iter()
            .copied()
            .filter(|uid| limit.is_none_or(|limit| *uid < limit))
            .max();
        if let Some(last_uid) = reach.filter(|uid| *uid > base) {
            let cursor = Cursor {
                uid_validity: validity,
                last_uid,
            };
            self.file.save(&cursor)?;
            self.cursor = Some(cursor);
            self.done.retain(|uid| *uid > last_uid);
        }
        Ok(())
    }
}
