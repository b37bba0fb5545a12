//! One server process: started in its own process group, with its output
//! appended to its log; ready when its port greets with our instance's id;
//! stopped by signalling the whole group.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::layout::MailUser;

/// How to run one server.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    /// "IMAP (Dovecot)" or "SMTP (aiosmtpd)", for messages.
    pub name: &'static str,
    pub program: PathBuf,
    pub args: Vec<OsString>,
    pub cwd: PathBuf,
    pub log: PathBuf,
    pub port: u16,
    /// The process switches to this user itself when it is `None`.
    pub run_as: Option<MailUser>,
    /// The first line the port sends must start with this and contain `id`.
    pub greeting: &'static str,
    pub id: String,
}

/// A server that can be stopped and started again on the same port.
#[derive(Debug)]
pub(crate) struct Daemon {
    spec: Spec,
    child: Option<Child>,
}

const POLL: Duration = Duration::from_millis(20);
const STOP_GRACE: Duration = Duration::from_secs(5);

impl Daemon {
    pub(crate) fn new(spec: Spec) -> Daemon {
        Daemon { spec, child: None }
    }

    pub(crate) fn name(&self) -> &'static str {
        self.spec.name
    }

    pub(crate) fn port(&self) -> u16 {
        self.spec.port
    }

    pub(crate) fn log(&self) -> &PathBuf {
        &self.spec.log
    }

    pub(crate) fn is_running(&mut self) -> bool {
        matches!(self.child.as_mut().map(Child::try_wait), Some(Ok(None)))
    }

    /// Starts the process and waits until its port greets, or fails with the
    /// log's tail.
    pub(crate) fn start(&mut self, timeout: Duration) -> Result<()> {
        if self.child.is_some() {
            return Err(Error::State {
                server: self.spec.name,
                state: "already running",
            });
        }
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.spec.log)
            .map_err(Error::io(format!("opening {}", self.spec.log.display())))?;
        let log_err = log
            .try_clone()
            .map_err(Error::io("duplicating the log file"))?;
        let mut command = Command::new(&self.spec.program);
        command
            .args(&self.spec.args)
            .current_dir(&self.spec.cwd)
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err)
            .process_group(0);
        if let Some(user) = self.spec.run_as {
            command.uid(user.uid).gid(user.gid);
        }
        let child = command.spawn().map_err(Error::io(format!(
            "starting {} ({})",
            self.spec.name,
            self.spec.program.display()
        )))?;
        self.child = Some(child);
        match self.wait_ready(timeout) {
            Ok(()) => Ok(()),
            Err(error) => {
                self.stop();
                Err(error)
            }
        }
    }

    fn wait_ready(&mut self, timeout: Duration) -> Result<()> {
        let started = Instant::now();
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, self.spec.port));
        loop {
            if let Some(child) = self.child.as_mut() {
                let exited = child
                    .try_wait()
                    .map_err(Error::io(format!("waiting for {}", self.spec.name)))?;
                if let Some(status) = exited {
                    self.child = None;
                    return Err(self.startup_error(format!("it exited ({status})")));
                }
            }
            if let Some(greeting) = greeting(address) {
                if greeting.starts_with(self.spec.greeting) && greeting.contains(&self.spec.id) {
                    return Ok(());
                }
                return Err(self.startup_error(format!(
                    "port {} is another server's: it greeted {greeting:?}",
                    self.spec.port
                )));
            }
            if started.elapsed() >= timeout {
                return Err(self.startup_error(format!(
                    "port {} did not greet within {} ms",
                    self.spec.port,
                    timeout.as_millis()
                )));
            }
            sleep(POLL);
        }
    }

    fn startup_error(&self, reason: String) -> Error {
        Error::Startup {
            server: self.spec.name,
            reason,
            log: self.spec.log.clone(),
            tail: log_tail(&self.spec.log, 20),
        }
    }

    /// Stops the whole process group: SIGTERM, then SIGKILL after a grace
    /// period. Does nothing if not running.
    pub(crate) fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = child.id() as libc::pid_t;
        signal_group(group, libc::SIGTERM);
        let deadline = Instant::now() + STOP_GRACE;
        loop {
            match child.try_wait() {
                Ok(None) if Instant::now() < deadline => sleep(POLL),
                Ok(None) => {
                    signal_group(group, libc::SIGKILL);
                    let _ = child.wait();
                    break;
                }
                Ok(Some(_)) | Err(_) => break,
            }
        }
        // Children that outlived their parent (none expected).
        signal_group(group, libc::SIGKILL);
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.stop();
    }
}

fn signal_group(group: libc::pid_t, signal: libc::c_int) {
    if group > 0 {
        // SAFETY: kill() takes plain integers; a negative pid names the
        // process group that `process_group(0)` made for our child.
        unsafe {
            libc::kill(-group, signal);
        }
    }
}

/// The first line a server sends on connect, if something listens.
fn greeting(address: SocketAddr) -> Option<String> {
    let stream = TcpStream::connect_timeout(&address, Duration::from_millis(200)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).ok()?;
    Some(line.trim_end().to_owned())
}

/// The last `lines` lines of a log (at most its last 16 KiB).
pub(crate) fn log_tail(path: &PathBuf, lines: usize) -> String {
    let read = || -> std::io::Result<String> {
        let mut file = File::open(path)?;
        let length = file.metadata()?.len();
        file.seek(SeekFrom::Start(length.saturating_sub(16 * 1024)))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    match read() {
        Ok(text) => {
            let all: Vec<&str> = text.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(error) => format!("(no log: {error})"),
    }
}

/// Each `(package, path)` is there, else which package to install.
pub(crate) fn installed(needed: &[(&'static str, &str)]) -> Result<()> {
    for &(what, path) in needed {
        if !Path::new(path).exists() {
            return Err(Error::NotInstalled {
                what,
                path: PathBuf::from(path),
            });
        }
    }
    Ok(())
}
