//! HTTP plumbing every backend's client shares: one reqwest client set up
//! the same way (timeouts, no redirects), bounded answer bodies, JSON
//! decoding that names what was expected, and base-URL checks that never
//! echo credentials.

use std::time::Duration;

use reqwest::header::{self, HeaderMap};
use reqwest::{RequestBuilder, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{self, ClientError};

/// Time allowed to open a TCP (and TLS) connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Time allowed for a whole ordinary request, answer body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Largest answer body read (a change page of 5,000 entities fits easily).
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// The HTTP client: bounded connect time, no redirects (the APIs never
/// redirect; following one could send the token elsewhere or replay a POST
/// as a GET).
pub fn http_client() -> Result<reqwest::Client, ClientError> {
    reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("sahaya/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ClientError::InvalidRequest {
            message: format!("cannot set up HTTP: {e}"),
        })
}

/// An answer, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// Adds what a write carries: the version it is based on (`If-Match`) and
/// its body as JSON.
pub fn with_write<B: Serialize + ?Sized>(
    what: &str,
    mut req: RequestBuilder,
    if_match: Option<i64>,
    body: Option<&B>,
) -> Result<RequestBuilder, ClientError> {
    if let Some(version) = if_match {
        req = req.header(header::IF_MATCH, format!("\"{version}\""));
    }
    if let Some(body) = body {
        let bytes = serde_json::to_vec(body).map_err(|e| ClientError::InvalidRequest {
            message: format!("{what}: cannot encode the request: {e}"),
        })?;
        req = req
            .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
            .body(bytes);
    }
    Ok(req)
}

/// Sends the request and reads the whole answer (any status). `what` names
/// the request in errors.
pub async fn exchange(what: &str, req: RequestBuilder) -> Result<Reply, ClientError> {
    let resp = req
        .send()
        .await
        .map_err(|e| ClientError::from_reqwest(what, e))?;
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = read_body(what, resp).await?;
    Ok(Reply {
        status,
        headers,
        body,
    })
}

/// Reads the whole answer body, at most [`MAX_RESPONSE_BYTES`].
pub async fn read_body(what: &str, mut resp: reqwest::Response) -> Result<Vec<u8>, ClientError> {
    let too_large = || ClientError::Decode {
        message: format!(
            "{what}: the answer is larger than {} MiB",
            MAX_RESPONSE_BYTES / (1024 * 1024)
        ),
    };
    if resp
        .content_length()
        .is_some_and(|n| n > MAX_RESPONSE_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut out = Vec::new();
    while let Some(chunk) = resp
        .chunk()
        .await
        .map_err(|e| ClientError::from_reqwest(what, e))?
    {
        if out.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(too_large());
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

/// Decodes a success answer, naming what was expected when it does not fit.
pub fn decode<T: DeserializeOwned>(
    what: &str,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    expected: &str,
) -> Result<T, ClientError> {
    serde_json::from_slice(body).map_err(|e| {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("no content type");
        let why = if body.is_empty() {
            "the body is empty".to_string()
        } else {
            e.to_string()
        };
        ClientError::Decode {
            message: error::carry(&format!(
                "{what}: expected JSON with {expected}, got HTTP {} ({content_type}, {} bytes): {why}",
                status.as_u16(),
                body.len()
            )),
        }
    })
}

/// Checks and normalizes the server's base URL.
pub fn parse_base_url(raw: &str) -> Result<Url, ClientError> {
    let raw = raw.trim();
    // Do not echo what might hold credentials.
    let shown = if raw.contains('@') || raw.len() > 200 {
        "<not shown>".to_string()
    } else {
        raw.to_string()
    };
    let invalid = |reason: &str| ClientError::InvalidUrl {
        url: shown.clone(),
        reason: reason.to_string(),
    };
    let url = Url::parse(raw).map_err(|e| invalid(&e.to_string()))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "it must not contain a user name or password; the token is given separately",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("it must not have a query (?…) or fragment (#…)"));
    }
    if url.cannot_be_a_base() {
        return Err(invalid("it cannot have a path"));
    }
    Ok(url)
}
