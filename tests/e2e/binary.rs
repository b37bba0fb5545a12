//! The real binary in a pseudo-terminal against a real server on loopback.
use sahaya_testkit::server as common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use sahaya::domain::Role;

pub(crate) struct Console {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Console {
    fn start(args: &[&str], cols: u16, rows: u16) -> Console {
        Console::start_env(args, &[], cols, rows)
    }

    /// [`Console::start`] with `env` set for the binary.
    pub(crate) fn start_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Console {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sahaya"));
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "en_IN.UTF-8");
        cmd.env_remove("SAHAYA_TOKEN");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn sahaya");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Console {
            screen,
            raw,
            writer,
            child,
        }
    }

    /// [`Console::start`] at 160×45 off the async runtime's threads.
    async fn start_async(args: &[&str]) -> Console {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            Console::start(&args, 160, 45)
        })
        .await
        .unwrap()
    }

    /// [`Console::start_async`] over the data folder `data` against `server`
    /// as `token`, in English (`backend`'s arguments first); waits until the
    /// console says it is online.
    async fn start_online(
        backend: &[&str],
        server: &str,
        token: &str,
        data: &Path,
        within: Duration,
    ) -> Console {
        let data = data.to_str().unwrap();
        let mut args = backend.to_vec();
        args.extend([
            "--server",
            server,
            "--token",
            token,
            "--data-dir",
            data,
            "--lang",
            "en",
        ]);
        let console = Console::start_async(&args).await;
        console.wait_for("online", within);
        console
    }

    /// Opens the first ticket of the view on `view_key` and sends `text` as
    /// a reply (Ctrl-s): the ticket's id.
    pub(crate) fn reply_to_first(&mut self, view_key: &[u8], text: &str, within: Duration) -> i64 {
        self.keys(view_key);
        self.keys(b"\r");
        let screen = self.wait_for("#", within);
        let id = ticket_id_on(&screen);
        self.keys(b"r");
        self.keys(text.as_bytes());
        self.keys(b"\x13"); // Ctrl-s
        id
    }

    /// Fails, saying `what` did not happen and showing the screen, once
    /// `deadline` has passed; else waits `pause` before the next look.
    async fn before(&self, deadline: Instant, what: impl std::fmt::Display, pause: Duration) {
        assert!(
            Instant::now() < deadline,
            "{what}; screen:\n{}",
            self.contents()
        );
        tokio::time::sleep(pause).await;
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub(crate) fn wait_for(&self, what: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let text = self.contents();
            if text.contains(what) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub(crate) fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Waits for the console to exit successfully.
    pub(crate) fn wait_exit(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status:?}");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "console did not quit; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Everything the console wrote to its terminal, into `file`.
    pub(crate) fn save_screen(&self, file: &Path) {
        std::fs::write(file, &*self.raw.lock().unwrap()).unwrap();
    }
}

/// The first `#123` ticket id on the screen.
fn ticket_id_on(screen: &str) -> i64 {
    screen
        .split('#')
        .skip(1)
        .filter_map(|rest| {
            rest.split(|ch: char| !ch.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .next()
        .expect("a ticket id on screen")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reply_from_the_real_binary_arrives_exactly_once() {
    let s = common::demo_server().await;
    let token = s.token(Role::Agent);
    let data = tempfile::tempdir().unwrap();
    let url = s.server.url();
    let secs = Duration::from_secs;
    let mut console = Console::start_online(&[], &url, &token, data.path(), secs(20)).await;
    let c = &mut console;
    // Mine view, open the first ticket, reply.
    let id = c.reply_to_first(b"1", "Hello from the e2e test ನಮಸ್ಕಾರ", secs(5));
    // The server has it exactly once.
    let is_the_reply = |m: &serde_json::Value| m["body"] == "Hello from the e2e test ನಮಸ್ಕಾರ";
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let n = s.count_messages(id, is_the_reply).await;
        if n == 1 {
            break;
        }
        assert_eq!(n, 0, "never twice");
        c.before(deadline, "reply did not arrive", Duration::from_millis(100))
            .await;
    }
    // Shown as sent in the thread once the change feed brought it back.
    c.wait_for("Hello from the e2e test", Duration::from_secs(10));
    c.keys(b"q");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = c.child.try_wait().unwrap() {
            assert!(status.success(), "exit status {status:?}");
            break;
        }
        c.before(deadline, "console did not quit", Duration::from_millis(50))
            .await;
    }
    // The terminal was restored: the alternate screen was left.
    let raw = c.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("\u{1b}[?1049l"), "left the alternate screen");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let n = s.count_messages(id, is_the_reply).await;
    assert_eq!(n, 1, "exactly once");
}

/// RT's replies, notes and status changes on a ticket, as (type, text or
/// new status), read over REST as RT's admin.
async fn rt_transactions(rt: &sahaya_testkit::rt::RtServer, ticket: i64) -> Vec<(String, String)> {
    let http = reqwest::Client::new();
    // A collection, as JSON.
    let get = async |path: &str, query: Vec<(&str, String)>| -> serde_json::Value {
        let url = reqwest::Url::parse_with_params(&format!("{}REST/2.0/{path}", rt.url()), &query)
            .unwrap();
        http.get(url)
            .header("Authorization", format!("token {}", rt.admin.token))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    };
    let query = format!(
        "ObjectType = 'RT::Ticket' AND ObjectId = {ticket} AND (Type = 'Correspond' OR Type = 'Comment' OR Type = 'Status')"
    );
    let page = get(
        "transactions",
        vec![
            ("query", query),
            ("fields", "Type,NewValue".into()),
            ("orderby", "id".into()),
            ("per_page", "100".into()),
        ],
    )
    .await;
    let id = |v: &serde_json::Value| {
        v.as_str()
            .and_then(|s| s.parse::<i64>().ok())
            .or(v.as_i64())
    };
    let ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| id(&t["id"]))
        .collect();
    // Attachment collections come back with their text decoded.
    let filter = serde_json::json!([
        {"field": "TransactionId", "operator": "IN", "value": ids},
        {"field": "ContentType", "value": "text/plain"},
    ]);
    let atts = get(
        "attachments",
        vec![
            ("query", filter.to_string()),
            ("fields", "TransactionId,Content".into()),
            ("per_page", "100".into()),
        ],
    )
    .await;
    let mut texts = std::collections::HashMap::new();
    for a in atts["items"].as_array().unwrap() {
        let txn = id(&a["TransactionId"]["id"]).or_else(|| id(&a["TransactionId"]));
        if let (Some(txn), Some(text)) = (txn, a["Content"].as_str()) {
            texts.entry(txn).or_insert_with(|| text.trim().to_string());
        }
    }
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let kind = t["Type"].as_str().unwrap_or_default().to_string();
            let text = if kind == "Status" {
                t["NewValue"].as_str().unwrap_or_default().to_string()
            } else {
                id(&t["id"])
                    .and_then(|i| texts.get(&i).cloned())
                    .unwrap_or_default()
            };
            (kind, text)
        })
        .collect()
}

/// The release binary with `--backend rt` against a real Request Tracker:
/// a Telugu reply lands; RT goes away; a note and a status change wait in
/// the outbox and land, once each, when RT is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_works_an_rt_ticket_through_an_outage() {
    let mut rt = tokio::task::spawn_blocking(|| {
        let rt = sahaya_testkit::rt::RtServer::start().expect("start RT");
        rt.seed_tickets(3, false).expect("seed RT");
        rt
    })
    .await
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let secs = Duration::from_secs;
    let (url, token) = (rt.url(), rt.agent().token.clone());
    let mut console =
        Console::start_online(&["--backend", "rt"], &url, &token, data.path(), secs(30)).await;
    let c = &mut console;
    // Unassigned view: RT's seeded tickets have no owner.
    let reply = "మీ రీఫండ్ రేపు వస్తుంది 🙏";
    let id = c.reply_to_first(b"2", reply, secs(10));
    let deadline = Instant::now() + Duration::from_secs(30);
    while !rt_transactions(&rt, id)
        .await
        .iter()
        .any(|(_, t)| t == reply)
    {
        c.before(
            deadline,
            "reply did not reach RT",
            Duration::from_millis(200),
        )
        .await;
    }

    // RT goes away; the agent keeps working.
    rt = tokio::task::spawn_blocking(move || {
        rt.stop();
        rt
    })
    .await
    .unwrap();
    let note = "ಕೊರಿಯರ್‌ಗೆ ಕರೆ ಮಾಡಿದೆ";
    c.keys(b"n");
    c.keys(note.as_bytes());
    c.keys(b"\x13");
    c.keys(b"s");
    c.wait_for("Solved", Duration::from_secs(5));
    // The status picker: type-to-filter is not assumed; walk to "Solved".
    for _ in 0..6 {
        if picker_highlight_is(c, "Solved") {
            break;
        }
        c.keys(b"\x1b[B");
    }
    assert!(picker_highlight_is(c, "Solved"), "{}", c.contents());
    c.keys(b"\r");
    c.wait_for("offline", Duration::from_secs(30));
    c.wait_for("2 waiting", Duration::from_secs(10));

    rt = tokio::task::spawn_blocking(move || {
        rt.start_again().expect("RT starts again");
        rt
    })
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let txns = rt_transactions(&rt, id).await;
        let replies = txns.iter().filter(|(_, t)| t == reply).count();
        let notes = txns
            .iter()
            .filter(|(k, t)| k == "Comment" && t == note)
            .count();
        let solved = txns
            .iter()
            .filter(|(k, t)| k == "Status" && t == "resolved")
            .count();
        assert!(replies <= 1 && notes <= 1 && solved <= 1, "twice: {txns:?}");
        if replies == 1 && notes == 1 && solved == 1 {
            break;
        }
        c.before(
            deadline,
            format!("the outbox did not drain into RT: {txns:?}"),
            Duration::from_millis(300),
        )
        .await;
    }
    c.wait_for("online", Duration::from_secs(30));
    c.keys(b"q");
    tokio::time::sleep(Duration::from_secs(6)).await;
    let txns = rt_transactions(&rt, id).await;
    assert_eq!(
        txns.iter().filter(|(_, t)| t == reply || t == note).count(),
        2,
        "{txns:?}"
    );
}

/// Whether the picker's highlighted row (drawn inverted) says `label`.
fn picker_highlight_is(c: &Console, label: &str) -> bool {
    let parser = c.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows).any(|r| {
        let mut line = String::new();
        for col in 0..cols {
            if let Some(cell) = screen.cell(r, col)
                && (cell.inverse() || cell.bgcolor() != vt100::Color::Default)
            {
                line.push_str(cell.contents());
            }
        }
        line.contains(label)
    })
}

#[test]
fn backend_rt_without_a_server_says_what_to_pass() {
    let data = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sahaya"))
        .args(["--backend", "rt", "--token", "1-2-abc", "--data-dir"])
        .arg(data.path())
        .args(["--config", "/nonexistent/config.toml"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--server URL"), "{err}");
}
