//! Connections for IMAP: TCP with timeouts, optionally TLS (rustls with the
//! platform's certificate verifier), then LOGIN.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection, StreamOwned};
use rustls_platform_verifier::BuilderVerifierExt;

use crate::config::{ImapConfig, Security};
use crate::error::{Error, Result};

/// A plaintext or TLS connection.
pub(crate) enum Stream {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(stream) => stream.read(buf),
            Stream::Tls(stream) => stream.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(stream) => stream.write(buf),
            Stream::Tls(stream) => stream.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Plain(stream) => stream.flush(),
            Stream::Tls(stream) => stream.flush(),
        }
    }
}

/// An IMAP session, logged in.
pub(crate) type Session = imap::Session<Stream>;

/// TCP to the first address of `host` that answers, with read and write
/// timeouts set.
pub(crate) fn connect_tcp(host: &str, port: u16, timeout: Duration) -> Result<TcpStream> {
    let context = || format!("connecting to {host}:{port}");
    let addresses = (host, port)
        .to_socket_addrs()
        .map_err(Error::network(context()))?;
    let mut last_error = io::Error::other("the host name has no address");
    for address in addresses {
        match TcpStream::connect_timeout(&address, timeout) {
            Ok(stream) => {
                for result in [
                    stream.set_read_timeout(Some(timeout)),
                    stream.set_write_timeout(Some(timeout)),
                    stream.set_nodelay(true),
                ] {
                    result.map_err(Error::network(context()))?;
                }
                return Ok(stream);
            }
            Err(error) => last_error = error,
        }
    }
    Err(Error::network(context())(last_error))
}

fn tls_config() -> Result<Arc<ClientConfig>> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_platform_verifier())
        .map_err(|error| Error::Config(format!("setting up TLS: {error}")))?
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Wraps `tcp` in TLS for `host`, completing the handshake now so that a
/// certificate problem is reported here, as a network error.
fn tls(host: &str, tcp: TcpStream) -> Result<Stream> {
    let context = || format!("TLS with {host}");
    let name = ServerName::try_from(
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned(),
    )
    .map_err(|error| Error::Config(format!("{host:?} can't be used for TLS: {error}")))?;
    let connection =
        ClientConnection::new(tls_config()?, name).map_err(Error::network(context()))?;
    let mut stream = StreamOwned::new(connection, tcp);
    while stream.conn.is_handshaking() {
        stream
            .conn
            .complete_io(&mut stream.sock)
            .map_err(Error::network(context()))?;
    }
    Ok(Stream::Tls(Box::new(stream)))
}

/// Reads the greeting and asks for STARTTLS on a plaintext connection, before
/// the imap crate sees it.
fn starttls(host: &str, tcp: TcpStream) -> Result<Stream> {
    let context = format!("STARTTLS with {host}");
    let mut reader = BufReader::new(tcp);
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .map_err(Error::network(context.clone()))?;
    if !line.starts_with("* OK") {
        return Err(Error::Imap {
            context,
            source: format!("the greeting was {:?}", line.trim_end()).into(),
        });
    }
    let mut tcp = reader.into_inner();
    tcp.write_all(b"s0 STARTTLS\r\n")
        .map_err(Error::network(context.clone()))?;
    let mut reader = BufReader::new(tcp);
    loop {
        line.clear();
        let read = reader
            .read_line(&mut line)
            .map_err(Error::network(context.clone()))?;
        if read == 0 {
            return Err(Error::network(context)(io::Error::from(
                io::ErrorKind::UnexpectedEof,
            )));
        }
        if line.starts_with("s0 ") {
            break;
        }
    }
    if !line.starts_with("s0 OK") {
        return Err(Error::Imap {
            context,
            source: format!("the server answered {:?}", line.trim_end()).into(),
        });
    }
    // Nothing may follow the tagged OK before the handshake (RFC 3501 6.2.1).
    if !reader.buffer().is_empty() {
        return Err(Error::Imap {
            context,
            source: "the server sent data after its OK, before the TLS handshake".into(),
        });
    }
    tls(host, reader.into_inner())
}

/// Connects, protects the connection as configured, and logs in.
pub(crate) fn imap_session(config: &ImapConfig) -> Result<Session> {
    config.validate()?;
    let (host, port) = (config.host.as_str(), config.port());
    let tcp = connect_tcp(host, port, config.timeout())?;
    let (stream, greeting_read) = match config.security {
        Security::Plain => (Stream::Plain(tcp), false),
        Security::Tls => (tls(host, tcp)?, false),
        Security::StartTls => (starttls(host, tcp)?, true),
    };
    let mut client = imap::Client::new(stream);
    if greeting_read {
        client.greeting_read = true;
    } else {
        client
            .read_greeting()
            .map_err(Error::imap(format!("greeting of {host}:{port}")))?;
    }
    let password = config.login.password()?;
    let username = config.login.username.as_str();
    client
        .login(username, password.expose())
        .map_err(|(error, _client)| {
            Error::imap(format!("login as {username} at {host}:{port}"))(error)
        })
}
