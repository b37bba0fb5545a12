//! The SMTP server: aiosmtpd (Debian's python3-aiosmtpd) run by
//! /usr/bin/python3 with `smtp/deliver.py`, which delivers every accepted
//! message into the recipient's Maildir, the one Dovecot serves.

use std::path::PathBuf;

use crate::accounts::Account;
use crate::error::Result;
use crate::layout::{self, Layout, MailUser};
use crate::process::{self, Spec};

const PYTHON: &str = "/usr/bin/python3";
const AIOSMTPD: &str = "/usr/lib/python3/dist-packages/aiosmtpd";
const SCRIPT: &str = include_str!("../smtp/deliver.py");

/// Writes the script and its accounts file, and says how to run it on `port`.
pub(crate) fn prepare(
    layout: &Layout,
    accounts: &[Account],
    user: MailUser,
    port: u16,
    id: &str,
) -> Result<Spec> {
    process::installed(&[("python3", PYTHON), ("python3-aiosmtpd", AIOSMTPD)])?;
    layout::write_readable(&layout.smtp_script(), SCRIPT.as_bytes())?;
    let lines: String = accounts
        .iter()
        .map(|account| {
            format!(
                "{}\t{}\t{}\n",
                account.address(),
                account.password(),
                layout.maildir(account).display()
            )
        })
        .collect();
    layout::write_readable(&layout.smtp_accounts(), lines.as_bytes())?;
    Ok(Spec {
        name: "SMTP (aiosmtpd)",
        program: PathBuf::from(PYTHON),
        args: vec![
            // Isolated: no PYTHON* variables, no user site-packages.
            "-I".into(),
            layout.smtp_script().into(),
            "--listen".into(),
            "127.0.0.1".into(),
            "--port".into(),
            port.to_string().into(),
            "--accounts".into(),
            layout.smtp_accounts().into(),
            "--ident".into(),
            format!("sahaya-testkit-mail {id}").into(),
        ],
        cwd: layout.root().to_owned(),
        log: layout.smtp_log(),
        port,
        run_as: user.as_root.then_some(user),
        greeting: "220 ",
        id: id.to_owned(),
    })
}
