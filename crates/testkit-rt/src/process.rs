//! RT's server process (its own process group, so that stopping it takes its
//! prefork workers too), free loopback ports, and a plain HTTP/1.0 GET over
//! std's TCP for readiness checks and simple probes.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::site::{RT_SERVER, Site};

/// A port on 127.0.0.1 that nobody listens on right now.
pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(Error::io("finding a free loopback port"))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(Error::io("finding a free loopback port"))
}

/// Whether something listens on 127.0.0.1:`port`.
pub fn port_in_use(port: u16) -> bool {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_err()
}

/// A running rt-server and the watchdog that takes it down if this process
/// dies without dropping it (both in one process group).
pub struct Server {
    leader: Child,
    watchdog: Option<Child>,
}

impl Server {
    /// Starts rt-server for `site` on 127.0.0.1:`port`, output appended to the
    /// site's log.
    pub fn spawn(site: &Site, port: u16, workers: u32) -> Result<Server> {
        let log_path = site.log();
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .map_err(Error::io(format!("opening {}", log_path.display())))?;
        let log2 = log
            .try_clone()
            .map_err(Error::io("duplicating the log file"))?;
        let mut cmd = site.command(RT_SERVER);
        cmd.args([
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--max-workers",
            &workers.to_string(),
        ])
        .stdout(Stdio::from(log))
        .stderr(Stdio::from(log2))
        .process_group(0);
        let leader = cmd
            .spawn()
            .map_err(Error::io(format!("starting {RT_SERVER}")))?;
        let pgid = leader.id();
        // If the test process is killed outright (no Drop), the watchdog sees
        // its parent gone and stops the whole group.
        let script = format!(
            "while kill -0 {owner} 2>/dev/null; do sleep 1; done; kill -TERM -- -{pgid}; sleep 5; kill -KILL -- -{pgid}",
            owner = std::process::id()
        );
        let watchdog = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(pgid as i32)
            .spawn()
            .ok();
        Ok(Server { leader, watchdog })
    }

    /// The exit status, if rt-server has exited.
    pub fn exited(&mut self) -> Result<Option<String>> {
        let status = self
            .leader
            .try_wait()
            .map_err(Error::io("checking on rt-server"))?;
        Ok(status.map(|s| s.to_string()))
    }

    /// SIGTERM to the group, up to `grace` for rt-server to go, then SIGKILL
    /// to whatever is left of the group. Reaps what it started.
    pub fn stop(mut self, grace: Duration) -> Result<()> {
        let pgid = self.leader.id() as libc::pid_t;
        signal_group(pgid, libc::SIGTERM);
        let deadline = Instant::now() + grace;
        while self
            .leader
            .try_wait()
            .map_err(Error::io("waiting for rt-server"))?
            .is_none()
        {
            if Instant::now() >= deadline {
                break;
            }
            sleep(Duration::from_millis(50));
        }
        signal_group(pgid, libc::SIGKILL);
        self.leader.wait().map_err(Error::io("reaping rt-server"))?;
        if let Some(mut w) = self.watchdog.take() {
            let _ = w.wait();
        }
        Ok(())
    }
}

fn signal_group(pgid: libc::pid_t, signal: libc::c_int) {
    if pgid > 1 {
        // SAFETY: kill(2) with a negative pid signals that process group; it
        // touches no memory of ours. ESRCH (group already gone) is fine.
        unsafe {
            libc::kill(-pgid, signal);
        }
    }
}

/// An HTTP answer: status, headers (names as sent), body.
#[derive(Clone, Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `GET path` on 127.0.0.1:`port` with an RT token (if any), HTTP/1.0,
/// connection closed after. Only for probes: no redirects, no chunking.
pub fn http_get(
    port: u16,
    path: &str,
    token: Option<&str>,
    timeout: Duration,
) -> Result<HttpResponse> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let what = || format!("GET http://{addr}{path}");
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(Error::io(what()))?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(Error::io(what()))?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(Error::io(what()))?;
    let auth = token
        .map(|t| format!("Authorization: token {t}\r\n"))
        .unwrap_or_default();
    let request =
        format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n{auth}Connection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(Error::io(what()))?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(Error::io(what()))?;
    parse_response(&raw).ok_or_else(|| Error::Unexpected(format!("{}: not an HTTP answer", what())))
}

fn parse_response(raw: &[u8]) -> Option<HttpResponse> {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(HttpResponse {
        status,
        headers,
        body: body.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_answer() {
        let r = parse_response(
            b"HTTP/1.1 412 Precondition Failed\r\nETag: \"7\"\r\n\r\n{\"message\":\"x\"}",
        )
        .unwrap();
        assert_eq!(r.status, 412);
        assert_eq!(r.header("etag"), Some("\"7\""));
        assert_eq!(r.body, "{\"message\":\"x\"}");
        assert!(parse_response(b"garbage").is_none());
    }

    #[test]
    fn finds_a_free_port() {
        let p = free_port().unwrap();
        assert!(p > 0);
        assert!(!port_in_use(p));
    }
}
