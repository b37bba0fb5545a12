//! The tests' own clients: raw messages out over SMTP (lettre), raw messages
//! in over IMAP (imap 3), plaintext on loopback.

use std::net::TcpStream;
use std::time::Duration;

use lettre::address::{Address, Envelope};
use lettre::{SmtpTransport, Transport};

use crate::accounts::Account;
use crate::error::{Error, Result};

const TIMEOUT: Duration = Duration::from_secs(10);

/// Sends `raw` (a whole RFC 5322 message, CRLF line endings) as is, with
/// the envelope `from` → `to`. SMTP ends every message with a line break, so
/// a message without a final CRLF is stored with one.
pub(crate) fn send(host: &str, port: u16, from: &str, to: &[&str], raw: &[u8]) -> Result<()> {
    if let Some(at) = bare_line_feed(raw) {
        return Err(Error::BareLineFeed(at));
    }
    let parse = |address: &str| {
        address
            .parse::<Address>()
            .map_err(Error::smtp(format!("address {address:?}")))
    };
    let recipients = to
        .iter()
        .map(|address| parse(address))
        .collect::<Result<Vec<_>>>()?;
    let envelope =
        Envelope::new(Some(parse(from)?), recipients).map_err(Error::smtp("envelope"))?;
    // lettre ends DATA with CRLF "." CRLF itself, whose first CRLF would
    // otherwise be an extra empty line after the message's own last one.
    let raw = raw.strip_suffix(b"\r\n").unwrap_or(raw);
    let transport = SmtpTransport::builder_dangerous(host)
        .port(port)
        .timeout(Some(TIMEOUT))
        .build();
    transport
        .send_raw(&envelope, raw)
        .map_err(Error::smtp(format!(
            "sending {from} → {} via {host}:{port}",
            to.join(", ")
        )))?;
    Ok(())
}

/// The offset of the first LF that has no CR before it.
fn bare_line_feed(raw: &[u8]) -> Option<usize> {
    raw.iter()
        .enumerate()
        .find(|&(at, &byte)| byte == b'\n' && (at == 0 || raw[at - 1] != b'\r'))
        .map(|(at, _)| at)
}

/// Every message in the account's INBOX, oldest (lowest UID) first, each as
/// the server's `BODY[]`. Read-only (EXAMINE, BODY.PEEK): flags stay as they were.
pub(crate) fn mailbox(host: &str, port: u16, account: &Account) -> Result<Vec<Vec<u8>>> {
    let address = account.address();
    let stream = TcpStream::connect((host, port))
        .map_err(Error::imap(format!("connecting to {host}:{port}")))?;
    for result in [
        stream.set_read_timeout(Some(TIMEOUT)),
        stream.set_write_timeout(Some(TIMEOUT)),
    ] {
        result.map_err(Error::imap("setting timeouts"))?;
    }
    let mut client = imap::Client::new(stream);
    client.read_greeting().map_err(Error::imap("greeting"))?;
    let mut session = client
        .login(address, account.password())
        .map_err(|(error, _client)| Error::imap(format!("login as {address}"))(error))?;
    let inbox = session
        .examine("INBOX")
        .map_err(Error::imap(format!("EXAMINE INBOX of {address}")))?;
    let mut messages = Vec::new();
    if inbox.exists > 0 {
        let fetches = session
            .fetch("1:*", "(UID BODY.PEEK[])")
            .map_err(Error::imap(format!("FETCH of {address}")))?;
        for fetch in fetches.iter() {
            let body = fetch.body().ok_or_else(|| Error::Imap {
                context: format!("FETCH of {address}"),
                source: format!("message {} came without BODY[]", fetch.message).into(),
            })?;
            messages.push((fetch.uid.unwrap_or(0), body.to_vec()));
        }
    }
    // The answer is read; a failed LOGOUT changes nothing.
    let _ = session.logout();
    messages.sort_by_key(|(uid, _)| *uid);
    Ok(messages.into_iter().map(|(_, body)| body).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_line_feeds_are_found() {
        assert_eq!(bare_line_feed(b"a\r\nb\r\n"), None);
        assert_eq!(bare_line_feed(b"a\r\nb\nc"), Some(4));
        assert_eq!(bare_line_feed(b"\n"), Some(0));
    }
}
