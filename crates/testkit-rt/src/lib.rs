//! A real Request Tracker 5 (Debian's `request-tracker5`) on loopback, for
//! sahaya's integration tests and benchmarks. No mock: each [`RtServer`] is
//! RT's own `rt-server` with a fresh SQLite database of its own in a temp dir.
//!
//! ```no_run
//! # fn main() -> Result<(), sahaya_testkit_rt::Error> {
//! let rt = sahaya_testkit_rt::RtServer::start()?;
//! let asha = &rt.agents()[0];
//! let answer = rt.get("/REST/2.0/queues/all", Some(&asha.token))?;
//! assert_eq!(answer.status, 200);
//! # Ok(()) }
//! ```
//!
//! Each server has:
//! - queues `General` and `Returns` (where the agents work) and `Restricted`
//!   (where they have no rights at all);
//! - ticket custom fields `Order` and `Channel` and the transaction custom
//!   field `sahaya-key` (see docs/backends.md for what it is for), applied to
//!   all three queues;
//! - two agents, `asha` and `ravi` (real names in Kannada and Telugu), members
//!   of group `Agents`, which may see, reply to, comment on, take/steal/
//!   reassign and modify tickets (status, owner, priority, custom fields) in
//!   the work queues; `root` as the admin; an API token for each;
//! - 120 customers, `customer0001@customers.sahaya.test` …, as requestors;
//! - no mail: what RT would send is appended to [`RtServer::outgoing_mail`].
//!
//! Isolation: RT reads only the instance's own config (`RT_SITE_CONFIG`,
//! `RT_SITE_CONFIG_DIR`), so nothing in /etc is read or changed, and its
//! database, Mason cache, sessions, log and mail are in the instance's temp
//! dir. The one thing shared is the template database under the system temp
//! dir (built once per machine under a file lock, then only copied).
//! Requires `.ci/install-rt` to have run.

mod error;
mod process;
mod seed;
mod site;
mod template;

use std::fs;
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub use error::{Error, Result};
pub use process::HttpResponse;
pub use seed::{SeedOptions, SeedReport};
pub use template::{Queue, RtUser};

use process::Server;
use site::Site;

/// Ticket custom field for the order id.
pub const ORDER_FIELD: &str = "Order";
/// Ticket custom field for the channel (email, chat, phone, whatsapp, web…).
pub const CHANNEL_FIELD: &str = "Channel";
/// Transaction custom field for the key of the write that made a transaction.
pub const KEY_FIELD: &str = "sahaya-key";

/// How to start a server.
#[derive(Clone, Debug)]
pub struct Options {
    /// How long to wait for RT to answer (default 60 s).
    pub ready_timeout: Duration,
    /// RT's prefork workers (default 2; each is a ~200 MB Perl process).
    pub workers: u32,
    /// Build this server's database from scratch (rt-setup-database and
    /// setup.pl, ~6 s) instead of copying the machine's template.
    pub fresh_database: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ready_timeout: Duration::from_secs(60),
            workers: 2,
            fresh_database: false,
        }
    }
}

/// One running RT. Dropping it stops RT (its whole process group) and deletes
/// its directory.
pub struct RtServer {
    server: Option<Server>,
    site: Site,
    port: u16,
    base_url: String,
    facts: template::Facts,
    admin: RtUser,
    options: Options,
    // Last, so it is deleted after the server is stopped.
    _dir: TempDir,
}

impl RtServer {
    /// Starts an RT with a fresh database on a free loopback port, ready.
    pub fn start() -> Result<RtServer> {
        RtServer::start_with(Options::default())
    }

    pub fn start_with(options: Options) -> Result<RtServer> {
        let version = site::rt_version()?;
        let dir = tempfile::Builder::new()
            .prefix("sahaya-rt-")
            .tempdir()
            .map_err(Error::io("creating the RT instance directory"))?;
        let site = Site::new(dir.path());
        let facts = if options.fresh_database {
            template::Facts::parse(&template::provision(&site)?)?
        } else {
            let t = template::ensure(&version)?;
            fs::copy(t.database(), site.database())
                .map_err(Error::io("copying the template database"))?;
            t.facts
        };
        let admin = facts
            .admin
            .clone()
            .ok_or_else(|| Error::Unexpected("setup.pl made no admin".into()))?;
        let mut rt = RtServer {
            server: None,
            site,
            port: 0,
            base_url: String::new(),
            facts,
            admin,
            options,
            _dir: dir,
        };
        // Another process may take the free port between our look and RT's
        // bind; then RT exits saying so and we try another port.
        let mut attempts = 0;
        loop {
            attempts += 1;
            rt.port = process::free_port()?;
            rt.base_url = format!("http://127.0.0.1:{}", rt.port);
            match rt.launch() {
                Err(Error::Exited { log_tail, .. })
                    if attempts < 5 && log_tail.contains("couldn't start up a web server") =>
                {
                    continue;
                }
                other => return other.map(|()| rt),
            }
        }
    }

    fn launch(&mut self) -> Result<()> {
        self.site.write_config(self.port)?;
        self.server = Some(Server::spawn(&self.site, self.port, self.options.workers)?);
        self.wait_ready(self.options.ready_timeout)
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
    /// `http://127.0.0.1:PORT/REST/2.0`
    pub fn rest_url(&self) -> String {
        format!("{}/REST/2.0", self.base_url)
    }
    pub fn port(&self) -> u16 {
        self.port
    }
    /// The two agents (asha, ravi), with tokens.
    pub fn agents(&self) -> &[RtUser] {
        &self.facts.agents
    }
    /// root (SuperUser), with a token.
    pub fn admin(&self) -> &RtUser {
        &self.admin
    }
    /// The work queues: General, Returns.
    pub fn queues(&self) -> Vec<Queue> {
        self.facts
            .queues
            .iter()
            .filter(|q| q.name != "Restricted")
            .cloned()
            .collect()
    }
    /// The queue the agents have no rights in.
    pub fn restricted_queue(&self) -> Option<&Queue> {
        self.facts.queues.iter().find(|q| q.name == "Restricted")
    }
    /// A custom field's id by name (ORDER_FIELD, CHANNEL_FIELD, KEY_FIELD).
    pub fn custom_field_id(&self, name: &str) -> Option<u64> {
        self.facts
            .custom_fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }
    /// How many customers there are (`customer0001@customers.sahaya.test` …).
    pub fn customers(&self) -> usize {
        self.facts.customers
    }
    /// The instance directory (config, rt.db, rt.log, outgoing.mbox).
    pub fn dir(&self) -> &Path {
        &self.site.root
    }

    /// The last `lines` lines of RT's log (its stderr and stdout).
    pub fn log_tail(&self, lines: usize) -> String {
        fs::read_to_string(self.site.log())
            .map(|t| site::tail(&t, lines))
            .unwrap_or_default()
    }

    /// Everything RT would have mailed so far, as an mbox ("" if nothing).
    pub fn outgoing_mail(&self) -> Result<String> {
        match fs::read(self.site.outgoing_mail()) {
            Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
            Err(e) => Err(Error::Io {
                what: "reading outgoing.mbox".into(),
                source: e,
            }),
        }
    }

    /// A plain `GET` (path like `/REST/2.0/rt`) with a token, for probes.
    pub fn get(&self, path: &str, token: Option<&str>) -> Result<HttpResponse> {
        process::http_get(self.port, path, token, Duration::from_secs(30))
    }

    /// Waits until RT answers `GET /REST/2.0/rt` with 200 for the admin's
    /// token. Fails early, with the log's tail, if rt-server exits.
    pub fn wait_ready(&mut self, timeout: Duration) -> Result<()> {
        let started = Instant::now();
        let token = self.admin().token.clone();
        loop {
            let exited = match self.server.as_mut() {
                Some(s) => s.exited()?,
                None => Some("it is stopped".to_string()),
            };
            if let Some(status) = exited {
                self.server = None;
                return Err(Error::Exited {
                    status,
                    log_tail: self.log_tail(30),
                });
            }
            let probe = process::http_get(
                self.port,
                "/REST/2.0/rt",
                Some(&token),
                Duration::from_secs(2),
            );
            if matches!(probe, Ok(ref r) if r.status == 200) {
                return Ok(());
            }
            if started.elapsed() >= timeout {
                return Err(Error::NotReady {
                    url: format!("{}/REST/2.0/rt", self.base_url),
                    waited: started.elapsed(),
                    log_tail: self.log_tail(30),
                });
            }
            sleep(Duration::from_millis(100));
        }
    }

    /// Whether rt-server is running (started and not exited).
    pub fn is_running(&mut self) -> bool {
        matches!(self.server.as_mut().map(Server::exited), Some(Ok(None)))
    }

    /// Stops RT (SIGTERM to its process group, SIGKILL after 10 s), keeping
    /// its database and port for [`RtServer::start_again`]. Waits until the
    /// port is free.
    pub fn stop(&mut self) -> Result<()> {
        if let Some(server) = self.server.take() {
            server.stop(Duration::from_secs(10))?;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while process::port_in_use(self.port) {
            if Instant::now() >= deadline {
                return Err(Error::Unexpected(format!(
                    "port {} still in use after RT stopped",
                    self.port
                )));
            }
            sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// Starts RT again after [`RtServer::stop`], on the same port with the
    /// same database, and waits until it is ready.
    pub fn start_again(&mut self) -> Result<()> {
        if self.is_running() {
            return Ok(());
        }
        self.stop()?;
        if process::port_in_use(self.port) {
            return Err(Error::Unexpected(format!(
                "port {} was taken while RT was stopped",
                self.port
            )));
        }
        self.launch()
    }

    /// Creates `n` tickets (with requestors, messages, owners, statuses;
    /// subjects and bodies in Kannada, Telugu, Nepali and English) straight in
    /// the database. Works while RT runs. ~1 s per 2,000 tickets with 3 replies.
    pub fn seed_tickets(&self, n: usize, options: &SeedOptions) -> Result<SeedReport> {
        let queues = if options.queues.is_empty() {
            self.queues().into_iter().map(|q| q.name).collect()
        } else {
            options.queues.clone()
        };
        seed::seed(&self.site, n, &queues, options)
    }

    /// Runs Perl code against this RT's database, after `use RT;
    /// RT::LoadConfig(); RT::Init();` (so `RT->SystemUser`, `RT::Ticket`… are
    /// there; `@ARGV` is `args`). Returns its standard output.
    pub fn run_perl(&self, code: &str, args: &[&str]) -> Result<String> {
        let script = tempfile::Builder::new()
            .prefix("snippet-")
            .suffix(".pl")
            .tempfile_in(&self.site.root)
            .map_err(Error::io("creating a Perl snippet"))?;
        let text = format!(
            "use strict; use warnings; use utf8;\nuse lib '{}/lib';\nuse RT; RT::LoadConfig(); RT::Init();\n\
             binmode STDOUT, ':encoding(UTF-8)';\n#line 1 \"snippet\"\n{code}\n",
            site::RT_SHARE
        );
        fs::write(script.path(), text).map_err(Error::io("writing a Perl snippet"))?;
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        self.site.run_perl(script.path(), &args)
    }
}

impl Drop for RtServer {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            let _ = server.stop(Duration::from_secs(5));
        }
    }
}

#[cfg(test)]
mod tests;
