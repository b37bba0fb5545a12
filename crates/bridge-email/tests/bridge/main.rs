//! The email bridge's mail side against real servers: a private Dovecot
//! (IMAP) and aiosmtpd (SMTP) per test, from sahaya-testkit-mail. No mock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod reading;
mod relay;
mod sending;

use sahaya_bridge_email::{ImapConfig, Login, Secret, Security, SmtpConfig, TeamConfig};
use sahaya_testkit_mail::{HOST, MailServers, SUPPORT};

pub fn servers() -> MailServers {
    MailServers::start().unwrap()
}

/// Plaintext IMAP on loopback as `address`.
pub fn imap(servers: &MailServers, address: &str) -> ImapConfig {
    let account = servers.account(address).unwrap();
    let login = Login::new(account.address(), Secret::new(account.password()));
    let mut config = ImapConfig::new(HOST, servers.imap_port(), Security::Plain, login);
    config.timeout_secs = 10;
    config
}

pub fn smtp(servers: &MailServers) -> SmtpConfig {
    let mut config = SmtpConfig::new(HOST, servers.smtp_port(), Security::Plain);
    config.timeout_secs = 10;
    config
}

pub fn team() -> TeamConfig {
    let mut team = TeamConfig::new(SUPPORT);
    team.name = Some("Shop Support".to_owned());
    team.signature = "Shop Support · ಸಹಾಯ · సహాయం · सहायता".to_owned();
    team
}

/// RFC 2047 encoded words (Q encoding), a few characters each.
pub fn encoded_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(6)
        .map(|chunk| {
            let mut word = String::from("=?UTF-8?Q?");
            for byte in chunk.iter().collect::<String>().bytes() {
                match byte {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => word.push(byte as char),
                    b' ' => word.push('_'),
                    _ => word.push_str(&format!("={byte:02X}")),
                }
            }
            word.push_str("?=");
            word
        })
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// Quoted-printable, CRLF line endings, soft breaks before 76 columns.
pub fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("\r\n");
        }
        let mut column = 0;
        for byte in line.trim_end_matches('\r').bytes() {
            let piece = match byte {
                b'=' => "=3D".to_owned(),
                33..=126 | b' ' => (byte as char).to_string(),
                _ => format!("={byte:02X}"),
            };
            if column + piece.len() > 72 {
                out.push_str("=\r\n");
                column = 0;
            }
            column += piece.len();
            out.push_str(&piece);
        }
    }
    out
}

/// Bytes that are the same on every run and cover every byte value.
pub fn pattern(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x1234_5678;
    (0..len)
        .map(|i| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            if i < 256 {
                i as u8
            } else {
                (state >> 24) as u8
            }
        })
        .collect()
}
