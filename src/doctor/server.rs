//! The server section: does the configured server answer, and to whom does
//! the token belong.

use std::time::{Duration, Instant};

use super::{DoctorOptions, Report, env};

pub(super) fn server_section(report: &mut Report, opts: &DoctorOptions, config: &crate::config::Config) {
    report.section("Server");
    let Some(url) = opts.server.clone().or_else(|| config.server.clone()) else {
        report.line("no server configured: the console runs its embedded demo server");
        return;
    };
    let token = opts
        .token
        .clone()
        .or_else(|| env("SAHAYA_TOKEN").filter(|t| !t.trim().is_empty()))
        .or_else(|| config.token.clone());
    let Some(token) = token else {
        report.problem(format!(
            "{url}: no token (pass --token, set SAHAYA_TOKEN or put `token = \"…\"` in the config file)"
        ));
        return;
    };
    let client = match sahaya_sync::client::Client::new(&url, token) {
        Ok(c) => c,
        Err(e) => {
            report.problem(format!("{url}: {e}"));
            return;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            report.problem(format!("cannot check the server: {e}"));
            return;
        }
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

