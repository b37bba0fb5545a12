//! The server section: does the configured server answer, and to whom does
//! the token belong.

use std::time::{Duration, Instant};

use super::report::{DoctorOptions, Report, env};

pub(super) fn server_section(
    report: &mut Report,
    opts: &DoctorOptions,
    config: &crate::config::Config,
) {
    report.section("Server");
    let Some(url) = opts.server.clone().or_else(|| config.server.clone()) else {
        report.line("no server configured: the console runs its embedded demo server");
        return;
    };
    let config_file = opts
        .config
        .clone()
        .or_else(crate::config::default_config_path);
    let found = crate::credentials::find(crate::credentials::Given {
        flag: opts.token.as_ref(),
        env: env("SAHAYA_TOKEN").and_then(|t| crate::credentials::Token::new(&t)),
        config: config.token.as_ref(),
        server: &url,
        config_file: config_file.as_deref(),
        keyring: true,
    });
    let token = match found {
        Ok(Some((token, source))) => {
            report.line(format!("{url}: the access token comes from {source}"));
            token
        }
        Ok(None) => {
            report.problem(format!(
                "{url}: no token (store it in the OS keyring, service `sahaya`, user `{url}`, or in the file `token` beside the config file with chmod 600; or pass --token or set SAHAYA_TOKEN)"
            ));
            return;
        }
        Err(e) => {
            report.problem(e.to_string());
            return;
        }
    };
    let token = token.expose();
    let backend = opts.backend.or(config.backend).unwrap_or_default();
    if backend == crate::config::BackendKind::Rt {
        rt_section(report, &url, token);
        return;
    }
    let client = match sahaya_sync::client::Client::new(&url, token) {
        Ok(c) => c,
        Err(e) => {
            report.problem(format!("{url}: {e}"));
            return;
        }
    };
    let Some(runtime) = runtime(report) else {
        return;
    };
    let started = Instant::now();
    let result =
        runtime.block_on(async { tokio::time::timeout(Duration::from_secs(5), client.me()).await });
    let ms = started.elapsed().as_millis();
    match result {
        Ok(Ok(me)) => report.line(format!(
            "{url}: reachable in {ms} ms, signed in as {} ({}, {})",
            sahaya_text::sanitize_line(&me.agent.name),
            sahaya_text::sanitize_line(&me.agent.login),
            me.agent.role.as_str()
        )),
        Ok(Err(e)) => report.problem(format!(
            "{url}: {} (the console still starts and works from its cache)",
            sahaya_text::sanitize_line(&e.to_string())
        )),
        Err(_) => report.problem(format!(
            "{url}: no answer within 5 s (the console still starts and works from its cache)"
        )),
    }
}

/// A Request Tracker server: RT 5 with REST 2, the token's user, the queues
/// it can see and whether replies can carry their outbox key.
fn rt_section(report: &mut Report, url: &str, token: &str) {
    let clock = sahaya_protocol::Clock::system();
    let rt = match sahaya_sync::RtBackend::new(url, token, clock) {
        Ok(rt) => rt.with_request_timeout(Duration::from_secs(5)),
        Err(e) => {
            report.problem(format!("{url}: {e}"));
            return;
        }
    };
    let Some(runtime) = runtime(report) else {
        return;
    };
    let started = Instant::now();
    let result = runtime.block_on(rt.check());
    let ms = started.elapsed().as_millis();
    let check = match result {
        Ok(c) => c,
        Err(e) => {
            report.problem(format!(
                "{url}: {} (the console still starts and works from its cache)",
                sahaya_text::sanitize_line(&e.to_string())
            ));
            return;
        }
    };
    report.line(format!(
        "{url}: Request Tracker {} reachable in {ms} ms, signed in as {}",
        sahaya_text::sanitize_line(&check.version),
        sahaya_text::sanitize_line(&check.user)
    ));
    if check.queues.is_empty() {
        report.problem(
            "the token's user sees no queue: in RT, Admin → Queues → (queue) → User Rights or Group Rights, grant it ShowTicket, ReplyToTicket, CommentOnTicket and ModifyTicket",
        );
    } else {
        let names: Vec<String> = check
            .queues
            .iter()
            .map(|q| sahaya_text::sanitize_line(q).into_owned())
            .collect();
        report.line(format!("queues it can see: {}", names.join(", ")));
    }
    if check.key_field {
        report.line(format!(
            "replies carry their outbox key in the transaction custom field {:?}",
            sahaya_sync::rt::KEY_FIELD
        ));
    } else {
        report.line(format!(
            "no transaction custom field {:?}: a resent reply is recognised by its text instead (see docs/backends.md to add the field)",
            sahaya_sync::rt::KEY_FIELD
        ));
    }
}

/// A runtime for one check, or the problem reported.
fn runtime(report: &mut Report) -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => Some(r),
        Err(e) => {
            report.problem(format!("cannot check the server: {e}"));
            None
        }
    }
}
