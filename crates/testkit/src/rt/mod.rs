//! A real Request Tracker 5 for the tests: its own site config and SQLite
//! database in a temp dir, on a free loopback port, with two agents and an
//! admin holding auth tokens. Nothing under /etc is touched: RT reads the
//! config named by `RT_SITE_CONFIG` (and `RT_SITE_CONFIG_DIR`, pointed at an
//! empty directory so the Debian package's own settings stay out).
//!
//! Needs Debian's request-tracker5, rt5-db-sqlite and rt5-standalone
//! (`.ci/install-rt` installs them).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod seeded;

const SHARE: &str = "/usr/share/request-tracker5";
const SETUP_DATABASE: &str = "/usr/sbin/rt-setup-database";
const SETUP: &str = include_str!("setup.pl");
const SEED: &str = include_str!("seed.pl");
const ADD_USER: &str = include_str!("add-user.pl");
const GROUP: &str = include_str!("group.pl");

/// One RT user with a token.
#[derive(Debug, Clone)]
pub struct RtUser {
    pub login: String,
    pub id: i64,
    pub token: String,
}

/// A running RT. Dropping it stops RT and removes its files.
pub struct RtServer {
    dir: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
    /// Two agents (`kavya`, `ravi`) and `root`.
    pub agents: Vec<RtUser>,
    pub admin: RtUser,
}

/// The options of a test RT.
#[derive(Debug, Clone, Copy)]
pub struct RtOptions {
    /// Create the `sahaya-key` transaction custom field (sites may not have it).
    pub key_field: bool,
}

impl Default for RtOptions {
    fn default() -> Self {
        RtOptions { key_field: true }
    }
}

fn err(what: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(what.to_string())
}

/// `login\tid\ttoken` lines as users.
fn parse_users(out: &str) -> Vec<RtUser> {
    out.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(RtUser {
                login: f.next()?.to_string(),
                id: f.next()?.parse().ok()?,
                token: f.next()?.to_string(),
            })
        })
        .collect()
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(25)..].join("\n")
}

impl RtServer {
    pub fn start() -> std::io::Result<RtServer> {
        Self::start_with(RtOptions::default())
    }

    pub fn start_with(opts: RtOptions) -> std::io::Result<RtServer> {
        let mut server = RtServer::prepare()?;
        server.run_tool(
            "setup-database.log",
            Command::new(SETUP_DATABASE).args(["--action", "init", "--skip-create"]),
        )?;
        let setup = server.dir.path().join("setup.pl");
        std::fs::write(&setup, SETUP)?;
        let out = server.run_tool(
            "setup.log",
            Command::new("perl")
                .arg(format!("-I{SHARE}/lib"))
                .arg(&setup)
                .arg(if opts.key_field { "1" } else { "0" }),
        )?;
        server.set_users(parse_users(&out))?;
        server.start_again()?;
        Ok(server)
    }

    /// A directory with RT's site config for a free port; no database yet,
    /// not running.
    fn prepare() -> std::io::Result<RtServer> {
        if !Path::new(SHARE).join("libexec/rt-server").exists() {
            return Err(err(
                "Request Tracker 5 is not installed: run .ci/install-rt (Debian's request-tracker5, rt5-db-sqlite, rt5-standalone)",
            ));
        }
        let dir = tempfile::Builder::new().prefix("sahaya-rt-").tempdir()?;
        let port = free_port()?;
        std::fs::create_dir_all(dir.path().join("site.d"))?;
        std::fs::create_dir_all(dir.path().join("sessions"))?;
        std::fs::write(
            dir.path().join("RT_SiteConfig.pm"),
            site_config(dir.path(), port),
        )?;
        Ok(RtServer {
            dir,
            port,
            child: None,
            agents: Vec::new(),
            admin: RtUser {
                login: String::new(),
                id: 0,
                token: String::new(),
            },
        })
    }

    /// The users setup.pl made: `root` is the admin, the others agents.
    fn set_users(&mut self, users: Vec<RtUser>) -> std::io::Result<()> {
        let (admins, agents): (Vec<RtUser>, Vec<RtUser>) =
            users.into_iter().partition(|u| u.login == "root");
        self.admin = admins
            .into_iter()
            .next()
            .ok_or_else(|| err("setup.pl made no admin token"))?;
        self.agents = agents;
        Ok(())
    }

    /// RT's web address (REST 2 is below it at `/REST/2.0/`).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The first agent (`kavya`).
    pub fn agent(&self) -> &RtUser {
        &self.agents[0]
    }

    fn env(&self, cmd: &mut Command) {
        cmd.env("RT_SITE_CONFIG", self.dir.path().join("RT_SiteConfig.pm"))
            .env("RT_SITE_CONFIG_DIR", self.dir.path().join("site.d"))
            .current_dir(self.dir.path());
    }

    /// Runs an RT tool to completion; its output goes to `log`.
    fn run_tool(&self, log: &str, cmd: &mut Command) -> std::io::Result<String> {
        self.env(cmd);
        let out = cmd.stdin(Stdio::null()).output()?;
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        std::fs::write(
            self.dir.path().join(log),
            [&out.stdout[..], &out.stderr[..]].concat(),
        )?;
        if !out.status.success() {
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            return Err(err(format!("{cmd:?} failed ({}):\n{text}", out.status)));
        }
        Ok(text)
    }

    /// Stops RT (as if the network went away); the database stays.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // The server forks workers into its own process group.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts RT again on the same port with the same database.
    pub fn start_again(&mut self) -> std::io::Result<()> {
        if self.child.is_some() {
            return Ok(());
        }
        let log = std::fs::File::create(self.dir.path().join("server.log"))?;
        let mut cmd = Command::new(format!("{SHARE}/libexec/rt-server"));
        cmd.args([
            "--host",
            "127.0.0.1",
            "--port",
            &self.port.to_string(),
            "--max-workers",
            "3",
        ]);
        self.env(&mut cmd);
        use std::os::unix::process::CommandExt;
        cmd.process_group(0)
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        self.child = Some(cmd.spawn()?);
        self.wait_ready(Duration::from_secs(60))
    }

    fn wait_ready(&mut self, limit: Duration) -> std::io::Result<()> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(err(format!(
                    "RT exited ({status}) on port {}:\n{}",
                    self.port,
                    tail(&self.dir.path().join("server.log"))
                )));
            }
            if http_status(self.port, "/REST/2.0/rt").is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err(err(format!(
            "RT did not answer on port {} within {limit:?}:\n{}",
            self.port,
            tail(&self.dir.path().join("server.log"))
        )))
    }

    /// Creates `n` tickets (half with an agent's reply and a customer's
    /// answer when `replies`), directly through RT's API. Returns how many.
    pub fn seed_tickets(&self, n: usize, replies: bool) -> std::io::Result<usize> {
        let seed = self.dir.path().join("seed.pl");
        std::fs::write(&seed, SEED)?;
        let out = self.run_tool(
            "seed.log",
            Command::new("perl")
                .arg(format!("-I{SHARE}/lib"))
                .arg(&seed)
                .arg(n.to_string())
                .arg(if replies { "1" } else { "0" }),
        )?;
        out.trim()
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .ok_or_else(|| err(format!("seed.pl said {out:?}")))
    }

    /// Adds an agent with a token and only these rights: `"ShowTicket"` on
    /// every queue, `"ShowTicket@General"` on one. (The agents made at start
    /// get theirs from the group Support; this one is not in it.)
    pub fn add_user(
        &self,
        login: &str,
        real_name: &str,
        rights: &[&str],
    ) -> std::io::Result<RtUser> {
        let script = self.dir.path().join("add-user.pl");
        std::fs::write(&script, ADD_USER)?;
        let out = self.run_tool(
            &format!("add-user-{login}.log"),
            Command::new("perl")
                .arg(format!("-I{SHARE}/lib"))
                .arg(&script)
                .arg(login)
                .arg(real_name)
                .args(rights),
        )?;
        parse_users(&out)
            .into_iter()
            .next()
            .ok_or_else(|| err(format!("add-user.pl said {out:?}")))
    }

    /// Puts `members` (logins, or `group:<name>` for a group, made if
    /// missing) into the RT group `name`, made if missing. Returns its id.
    pub fn add_to_group(&self, name: &str, members: &[&str]) -> std::io::Result<i64> {
        let script = self.dir.path().join("group.pl");
        std::fs::write(&script, GROUP)?;
        let out = self.run_tool(
            &format!("group-{name}.log"),
            Command::new("perl")
                .arg(format!("-I{SHARE}/lib"))
                .arg(&script)
                .arg(name)
                .args(members),
        )?;
        out.trim()
            .parse()
            .map_err(|_| err(format!("group.pl said {out:?}")))
    }

    /// Makes RT forget every web session (as an expiry or a cleared
    /// session store would): the session files go.
    pub fn forget_sessions(&self) -> std::io::Result<()> {
        for e in std::fs::read_dir(self.dir.path().join("sessions"))? {
            std::fs::remove_file(e?.path())?;
        }
        Ok(())
    }

    /// How many web sessions RT holds (each a file, with its lock file).
    pub fn sessions(&self) -> std::io::Result<usize> {
        Ok(std::fs::read_dir(self.dir.path().join("sessions"))?
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().ends_with(".lock"))
            .count())
    }

    /// RT's SQLite database (to look at what the API does not show).
    pub fn database(&self) -> PathBuf {
        self.dir.path().join("rt.db")
    }

    /// What RT's own log says (for failing tests).
    pub fn log_tail(&self) -> String {
        tail(&self.dir.path().join("server.log"))
    }

    /// The directory RT runs in.
    pub fn dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
}

impl Drop for RtServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn site_config(dir: &Path, port: u16) -> String {
    format!(
        r#"Set($rtname, 'sahaya-test');
Set($Organization, 'sahaya-test');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, '{db}');
Set($WebDomain, '127.0.0.1');
Set($WebPort, {port});
Set($WebPath, '');
Set($WebBaseURL, 'http://127.0.0.1:{port}');
Set($MailCommand, 'testfile');
Set($LogToSTDERR, 'warning');
Set($LogToSyslog, undef);
Set($LogToFile, undef);
Set($CorrespondAddress, 'support@shop.test');
Set($CommentAddress, 'support-comment@shop.test');
Set(%WebSessionProperties, Directory => '{sessions}', LockDirectory => '{sessions}', Transaction => 1);
1;
"#,
        db = dir.join("rt.db").display(),
        sessions = dir.join("sessions").display()
    )
}

/// The status of a plain HTTP GET, if anything answered.
fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut head = [0u8; 12];
    s.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}
