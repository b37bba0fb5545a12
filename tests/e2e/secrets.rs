//! Tokens stay secret: the server as its own process and the console in a
//! pseudo-terminal log at trace level into a temp folder, work through a
//! reply, a wrong token and a token file others can read, and then every
//! log, screen, error and cache file is searched for every token used.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sahaya_testkit::secrets::Secrets;

use crate::binary::Console;

/// `sahaya serve --demo` on a free loopback port, logging at trace level (the most they say)
/// to `log`; its stdout lines (the address and the demo tokens) are
/// collected as they come.
struct ServeProcess {
    child: Child,
    stdout: Arc<Mutex<Vec<String>>>,
    url: String,
}

impl ServeProcess {
    fn start(log: &Path) -> ServeProcess {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_sahaya"))
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
            .env("SAHAYA_LOG", "trace")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log).unwrap())
            .spawn()
            .unwrap();
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let lines = stdout.clone();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let server = ServeProcess {
            child,
            stdout,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.token("agent").is_none() {
            assert!(Instant::now() < deadline, "sahaya serve printed no tokens");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The demo tokens printed so far, as (login and role, token).
    fn tokens(&self) -> Vec<(String, String)> {
        self.stdout
            .lock()
            .unwrap()
            .iter()
            .filter_map(|l| {
                let mut f = l.split('\t');
                (f.next()? == "token").then_some(())?;
                let (login, role, token) = (f.next()?, f.next()?, f.next()?);
                Some((format!("{login} ({role})"), token.to_string()))
            })
            .collect()
    }

    fn token(&self, role: &str) -> Option<String> {
        self.tokens()
            .into_iter()
            .find(|(who, _)| who.ends_with(&format!("({role})")))
            .map(|(_, t)| t)
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A config dir holding `config.toml` (server and nothing else) and, when
/// given, the token file with `mode`.
fn config_dir(url: &str, token: Option<(&str, u32)>) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("server = \"{url}\"\n"),
    )
    .unwrap();
    if let Some((token, mode)) = token {
        let file = dir.path().join("token");
        std::fs::write(&file, format!("{token}\n")).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    dir
}

/// Console arguments for a config dir and a data dir, in English.
fn args(config: &Path, data: &Path) -> Vec<String> {
    let config = config.join("config.toml");
    [
        "--config",
        config.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "--lang",
        "en",
    ]
    .map(str::to_string)
    .to_vec()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn no_token_reaches_a_log_a_screen_an_error_or_the_cache() {
    let secrets = Secrets::new();
    let logs = tempfile::tempdir().unwrap();
    secrets.wrote_to(logs.path());
    let server = ServeProcess::start(&logs.path().join("serve.log"));
    let agent = server.token("agent").unwrap();
    let secs = Duration::from_secs;
    let env = [("SAHAYA_LOG", "trace")];

    // The agent's token in the token file (0600): the console finds it
    // there, goes online, sends a reply and sees it come back.
    let config = config_dir(&server.url, Some((&agent, 0o600)));
    let data = tempfile::tempdir().unwrap();
    secrets.wrote_to(config.path());
    secrets.wrote_to(data.path());
    let mut c = Console::start_env(&strs(&args(config.path(), data.path())), &env, 160, 45);
    c.wait_for("online", secs(20));
    c.reply_to_first(b"1", "token test ನಮಸ್ಕಾರ", secs(5));
    c.wait_for("token test", secs(20));
    c.keys(b"/");
    c.keys(b"status:open");
    c.keys(b"\r");
    c.keys(b"q");
    c.wait_exit(secs(10));
    c.save_screen(&logs.path().join("console.raw"));
    let log = std::fs::read_to_string(data.path().join("sahaya.log")).unwrap();
    let from = format!(
        "access token from {}",
        config.path().join("token").display()
    );
    assert!(
        log.contains(&from),
        "the log says where the token came from:\n{log}"
    );

    // A token the server does not know: refused, said so, not shown.
    let wrong = format!("sh_wrong_{}", std::process::id());
    secrets.minted("a wrong token", &wrong);
    let wrong_data = tempfile::tempdir().unwrap();
    secrets.wrote_to(wrong_data.path());
    let mut wrong_args = args(config.path(), wrong_data.path());
    wrong_args.extend(["--token".to_string(), wrong.clone()]);
    let mut w = Console::start_env(&strs(&wrong_args), &env, 160, 45);
    w.wait_for("refused the token", secs(20));
    w.keys(b"q");
    w.wait_exit(secs(10));
    w.save_screen(&logs.path().join("console-wrong.raw"));

    // A token file others can read: refused with the chmod to run.
    let open = config_dir(&server.url, Some((&agent, 0o644)));
    let out = Command::new(env!("CARGO_BIN_EXE_sahaya"))
        .args(args(open.path(), wrong_data.path()))
        .env_remove("SAHAYA_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("chmod 600"), "{err}");
    std::fs::write(logs.path().join("open-file.stderr"), &out.stderr).unwrap();
    std::fs::write(logs.path().join("open-file.stdout"), &out.stdout).unwrap();

    // Every token the server minted, and every place written: nothing.
    for (who, token) in server.tokens() {
        secrets.minted(&who, &token);
    }
    assert!(secrets.tokens() >= 4, "the demo's tokens and the wrong one");
    let files = secrets.files();
    for name in ["serve.log", "sahaya.log", "console.raw", "open-file.stderr"] {
        assert!(
            files.iter().any(|(f, size)| f.ends_with(name) && *size > 0),
            "{name} was written and is scanned: {files:?}"
        );
    }
    assert!(
        files
            .iter()
            .any(|(f, _)| f.to_string_lossy().contains("cache-") && f.extension().is_some()),
        "the cache is scanned: {files:?}"
    );
    let leaks = secrets.scan();
    assert!(leaks.is_empty(), "tokens found: {leaks:#?}");
}

/// `sahaya` with no server set up runs the embedded demo: it writes the
/// demo agent's token file itself, readable by its owner only, keeps the
/// demo server's database (its accounts' tokens) the same, and the token
/// is in no other file it writes.
#[test]
fn the_demo_keeps_its_token_in_a_0600_file_and_nowhere_else() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let config = data.path().join("no-config").join("config.toml");
    let mut c = Console::start_env(
        &[
            "--config",
            config.to_str().unwrap(),
            "--data-dir",
            data.path().to_str().unwrap(),
            "--lang",
            "en",
        ],
        &[("SAHAYA_LOG", "trace")],
        160,
        45,
    );
    c.wait_for("online", Duration::from_secs(30));
    c.keys(b"q");
    c.wait_exit(Duration::from_secs(10));
    c.save_screen(&logs.path().join("console.raw"));
    let mode = |name: &str| {
        std::fs::metadata(data.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("demo-token"), 0o600);
    // The demo server's database holds its accounts' tokens: owner only.
    for entry in std::fs::read_dir(data.path()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("demo-server.db") {
            assert_eq!(mode(&name), 0o600, "{name}");
        }
    }
    let file = data.path().join("demo-token");
    let token = std::fs::read_to_string(&file).unwrap();
    let secrets = Secrets::new();
    secrets.minted("the demo agent", token.trim());
    secrets.wrote_to(data.path());
    secrets.wrote_to(logs.path());
    let files = secrets.files();
    assert!(
        files.iter().any(|(f, _)| f.ends_with("sahaya.log")),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|(f, _)| f.to_string_lossy().contains("cache-demo.db")),
        "{files:?}"
    );
    let leaks = secrets.scan();
    assert!(leaks.is_empty(), "tokens found: {leaks:#?}");
}
