//! Real mail servers on loopback for sahaya's email bridge tests: no mock of
//! SMTP or IMAP.
//!
//! [`MailServers::start`] runs a private Dovecot (IMAP) and a private aiosmtpd
//! (SMTP, delivering into the Maildirs that Dovecot serves), each on a free
//! port of 127.0.0.1, with everything in a temporary directory of their own,
//! so that parallel tests may each have theirs. Dropping it stops both and
//! removes the directory. Needs `.ci/install-mail` to have run.
//!
//! ```
//! use sahaya_testkit_mail::{KAVYA, MailServers, SUPPORT, Server};
//! # fn main() -> sahaya_testkit_mail::Result<()> {
//! let mut servers = MailServers::start()?;
//! servers.send(KAVYA, SUPPORT, b"Subject: hi\r\n\r\nhello\r\n")?;
//! assert_eq!(servers.mailbox(SUPPORT)?.len(), 1);
//! servers.stop(Server::Smtp)?;
//! servers.start_again(Server::Smtp)?;
//! # Ok(()) }
//! ```

mod accounts;
mod client;
mod dovecot;
mod error;
mod layout;
mod ports;
mod process;
mod smtp_server;

use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub use accounts::{Account, KAVYA, RAVI, SUPPORT};
pub use error::{BoxError, Error, Result};

use layout::{Layout, MailUser};
use process::{Daemon, Spec};

/// The address both servers listen on.
pub const HOST: &str = "127.0.0.1";

/// How long a server may take to greet on its port when it starts.
pub const DEFAULT_START_TIMEOUT: Duration = Duration::from_secs(20);

/// Tries at a free port before start-up gives up, when another process takes it first.
const PORT_TRIES: usize = 3;

/// One of the two servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    /// Dovecot.
    Imap,
    /// aiosmtpd.
    Smtp,
}

/// A private Dovecot and SMTP server, stopped and removed on drop.
#[derive(Debug)]
pub struct MailServers {
    // Fields drop in this order: the servers before their directory.
    imap: Daemon,
    smtp: Daemon,
    accounts: Vec<Account>,
    layout: Layout,
    start_timeout: Duration,
    _dir: tempfile::TempDir,
}

impl MailServers {
    /// Starts both servers with [`Account::defaults`].
    pub fn start() -> Result<MailServers> {
        MailServers::start_with(Account::defaults(), DEFAULT_START_TIMEOUT)
    }

    /// Starts both servers with these accounts, waiting at most `start_timeout`
    /// for each to greet.
    pub fn start_with(accounts: Vec<Account>, start_timeout: Duration) -> Result<MailServers> {
        let dir = tempfile::Builder::new()
            .prefix("sahaya-mail-")
            .tempdir()
            .map_err(Error::io("creating the instance's temporary directory"))?;
        let layout = Layout::new(dir.path());
        check_path(layout.root())?;
        let id = instance_id(layout.root());
        let user = MailUser::for_this_process();
        layout.prepare(&accounts, user)?;
        // Dovecot takes the longest: start it first, then SMTP while it wakes.
        let imap = launch(start_timeout, |port| {
            dovecot::prepare(&layout, &accounts, user, port, &id)
        })?;
        let smtp = launch(start_timeout, |port| {
            smtp_server::prepare(&layout, &accounts, user, port, &id)
        })?;
        Ok(MailServers {
            imap,
            smtp,
            accounts,
            layout,
            start_timeout,
            _dir: dir,
        })
    }

    /// Always [`HOST`].
    pub fn imap_host(&self) -> &str {
        HOST
    }

    /// Dovecot's port: plaintext IMAP, LOGIN or AUTHENTICATE PLAIN.
    pub fn imap_port(&self) -> u16 {
        self.imap.port()
    }

    /// Always [`HOST`].
    pub fn smtp_host(&self) -> &str {
        HOST
    }

    /// The SMTP port: plaintext; AUTH PLAIN/LOGIN optional.
    pub fn smtp_port(&self) -> u16 {
        self.smtp.port()
    }

    /// The accounts, with their passwords.
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// The account with this address.
    pub fn account(&self, address: &str) -> Result<&Account> {
        accounts::find(&self.accounts, address)
    }

    /// Where this account's Maildir is (for tests that look at the files).
    pub fn maildir(&self, address: &str) -> Result<PathBuf> {
        Ok(self.layout.maildir(self.account(address)?))
    }

    /// Sends a raw message (CRLF line endings) over SMTP from `from` to `to`.
    pub fn send(&self, from: &str, to: &str, raw_message: &[u8]) -> Result<()> {
        self.send_to_all(from, &[to], raw_message)
    }

    /// Sends a raw message over SMTP in one transaction to several recipients.
    pub fn send_to_all(&self, from: &str, to: &[&str], raw_message: &[u8]) -> Result<()> {
        client::send(HOST, self.smtp_port(), from, to, raw_message)
    }

    /// The raw messages in the account's INBOX, read over IMAP, oldest first.
    /// The SMTP server stores what it received byte for byte; IMAP gives it
    /// back the same, so a message sent with CRLF line endings comes back
    /// identical.
    pub fn mailbox(&self, address: &str) -> Result<Vec<Vec<u8>>> {
        client::mailbox(HOST, self.imap_port(), self.account(address)?)
    }

    /// Polls [`mailbox`](Self::mailbox) until it has at least `count` messages.
    pub fn wait_for_mailbox(
        &self,
        address: &str,
        count: usize,
        timeout: Duration,
    ) -> Result<Vec<Vec<u8>>> {
        let started = Instant::now();
        loop {
            let messages = self.mailbox(address)?;
            if messages.len() >= count {
                return Ok(messages);
            }
            if started.elapsed() >= timeout {
                return Err(Error::MailboxTimeout {
                    address: address.to_owned(),
                    found: messages.len(),
                    wanted: count,
                    waited_ms: started.elapsed().as_millis(),
                });
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// Stops one server (its whole process group); its port and mail stay.
    pub fn stop(&mut self, server: Server) -> Result<()> {
        let daemon = self.daemon(server);
        if !daemon.is_running() {
            return Err(Error::State {
                server: daemon.name(),
                state: "not running",
            });
        }
        daemon.stop();
        Ok(())
    }

    /// Starts a stopped server again on the same port, with the same mail.
    pub fn start_again(&mut self, server: Server) -> Result<()> {
        let timeout = self.start_timeout;
        self.daemon(server).start(timeout)
    }

    /// Whether the server is running (not stopped, not dead).
    pub fn is_running(&mut self, server: Server) -> bool {
        self.daemon(server).is_running()
    }

    /// The last lines of a server's log, to print when a test fails.
    pub fn log_tail(&self, server: Server, lines: usize) -> String {
        let daemon = match server {
            Server::Imap => &self.imap,
            Server::Smtp => &self.smtp,
        };
        process::log_tail(daemon.log(), lines)
    }

    fn daemon(&mut self, server: Server) -> &mut Daemon {
        match server {
            Server::Imap => &mut self.imap,
            Server::Smtp => &mut self.smtp,
        }
    }
}

/// Starts a server on a free port, trying another port when someone else
/// took the one we picked before the server could bind it.
fn launch(timeout: Duration, prepare: impl Fn(u16) -> Result<Spec>) -> Result<Daemon> {
    let mut tries = 0;
    loop {
        tries += 1;
        let mut daemon = Daemon::new(prepare(ports::free_port()?)?);
        match daemon.start(timeout) {
            Ok(()) => return Ok(daemon),
            Err(error) if error.is_address_in_use() && tries < PORT_TRIES => continue,
            Err(error) => return Err(error),
        }
    }
}

/// A name unique to this instance, in its greetings and process titles.
fn instance_id(root: &Path) -> String {
    let name = root
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    name.unwrap_or_default()
        .trim_start_matches("sahaya-mail-")
        .to_owned()
}

/// Dovecot's config takes paths unquoted: allow only plain characters.
fn check_path(root: &Path) -> Result<()> {
    let text = root.to_string_lossy();
    if text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b))
    {
        Ok(())
    } else {
        Err(Error::Io {
            context: format!("using {text} for the servers' files"),
            source: std::io::Error::other("set TMPDIR to a path of letters, digits and / . _ -"),
        })
    }
}
