//! The real binary in a pseudo-terminal against a real server on loopback.

use sahaya_testkit::server as common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use sahaya::domain::Role;

struct Console {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Console {
    fn start(args: &[&str], cols: u16, rows: u16) -> Console {
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

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str, timeout: Duration) -> String {
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

    fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reply_from_the_real_binary_arrives_exactly_once() {
    let s = common::demo_server().await;
    let token = s.token(Role::Agent);
    let data = tempfile::tempdir().unwrap();
    let url = s.server.url();
    let args: Vec<String> = [
        "--server",
        url.as_str(),
        "--token",
        token.as_str(),
        "--data-dir",
        data.path().to_str().unwrap(),
        "--lang",
        "en",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut console = tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Console::start(&args, 160, 45)
    })
    .await
    .unwrap();
    let c = &mut console;
    c.wait_for("online", Duration::from_secs(20));
    // Mine view, open the first ticket, reply.
    c.keys(b"1");
    c.keys(b"\r");
    let screen = c.wait_for("#", Duration::from_secs(5));
    let id: i64 = screen
        .split('#')
        .skip(1)
        .filter_map(|rest| {
            rest.split(|ch: char| !ch.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .next()
        .expect("a ticket id on screen");
    c.keys(b"r");
    c.keys("Hello from the e2e test ನಮಸ್ಕಾರ".as_bytes());
    c.keys(b"\x13"); // Ctrl-s
    // The server has it exactly once.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
        let n = detail["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["body"] == "Hello from the e2e test ನಮಸ್ಕಾರ")
            .count();
        if n == 1 {
            break;
        }
        assert_eq!(n, 0, "never twice");
        assert!(
            Instant::now() < deadline,
            "reply did not arrive; screen:\n{}",
            c.contents()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
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
        assert!(
            Instant::now() < deadline,
            "console did not quit; screen:\n{}",
            c.contents()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // The terminal was restored: the alternate screen was left.
    let raw = c.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("\u{1b}[?1049l"), "left the alternate screen");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let detail = s.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
    let n = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"] == "Hello from the e2e test ನಮಸ್ಕಾರ")
        .count();
    assert_eq!(n, 1, "exactly once");
}
