//! What can go wrong talking to the support API, sorted by what the caller
//! should do about it: retry later, show the agent a conflict, show the agent
//! a refusal, ask for a new token, or report a broken server.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

use sahaya_protocol::domain::Ticket;
use sahaya_protocol::wire::ErrorDetail;

/// Longest server-provided text carried in an error (bytes, cut at a char
/// boundary). The text is carried, never interpreted; the UI sanitizes it.
const MAX_CARRIED_TEXT: usize = 2000;

/// Longest `Retry-After` taken at face value; anything longer is capped.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// An error from [`super::Client`]. Never contains the access token.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server could not be reached or the exchange broke off: connection
    /// refused or reset, timeout, a body cut mid-way, a silent event stream.
    /// Retryable.
    #[error("network error: {message}")]
    Network { message: String },

    /// The server failed (5xx) or asked us to slow down (429, 408).
    /// Retryable, after `retry_after` when given.
    #[error("server error HTTP {status} ({code}): {message}")]
    Server {
        status: u16,
        code: String,
        message: String,
        retry_after: Option<Duration>,
    },

    /// 412: the ticket changed since the version sent in `If-Match` (or
    /// 409 with the ticket: a merge's ticket or target changed).
    /// `current` is the ticket as it is now. Not retryable as is.
    #[error("version conflict: ticket {} is now at version {}", current.id, current.version)]
    Conflict { current: Box<Ticket> },

    /// The server refused the request for good (4xx other than 401, 408, 412,
    /// 429). The write must be shown to the agent, not retried.
    #[error("rejected with HTTP {status} ({code}): {message}")]
    Rejected {
        status: u16,
        code: String,
        message: String,
    },

    /// 401: the token is missing, wrong or revoked.
    #[error("unauthorized: {message}")]
    Unauthorized { message: String },

    /// The server answered something we cannot read: malformed JSON, an
    /// unexpected shape or status, a broken event stream.
    #[error("unexpected answer from the server: {message}")]
    Decode { message: String },

    /// The server address given to [`super::Client::new`] is unusable.
    #[error("invalid server URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },

    /// The access token cannot be sent in an HTTP header (empty, or has
    /// control or non-ASCII characters). The token itself is not shown.
    #[error("invalid access token: {reason}")]
    InvalidToken { reason: String },

    /// The request could not be built or sent as asked (e.g. an idempotency
    /// key with characters that cannot go in a header, an order id that
    /// cannot be a path segment). Nothing was sent; not retryable.
    #[error("invalid request: {message}")]
    InvalidRequest { message: String },
}

impl ClientError {
    /// Trying the same request again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ClientError::Network { .. } | ClientError::Server { .. }
        )
    }

    /// How long the server asked us to wait (`Retry-After`), if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ClientError::Server { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The HTTP status the server answered with, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Server { status, .. } | ClientError::Rejected { status, .. } => {
                Some(*status)
            }
            ClientError::Conflict { .. } => Some(412),
            ClientError::Unauthorized { .. } => Some(401),
            _ => None,
        }
    }

    /// The server's machine-readable error code, when it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Server { code, .. } | ClientError::Rejected { code, .. } => Some(code),
            ClientError::Conflict { .. } => Some("version_conflict"),
            ClientError::Unauthorized { .. } => Some("unauthorized"),
            _ => None,
        }
    }

    /// The technical detail, without our own (English) wording: what the
    /// status line shows in brackets after its translated sentence.
    /// Server-provided text inside it is untrusted: sanitize before display.
    pub fn detail(&self) -> String {
        match self {
            // The innermost cause ("Connection refused (os error 111)",
            // "timed out waiting for the server to answer"): the request
            // and the layers above it do not fit a status line.
            ClientError::Network { message } => {
                message.rsplit(": ").next().unwrap_or(message).to_string()
            }
            ClientError::Unauthorized { message } | ClientError::Decode { message } => {
                message.clone()
            }
            ClientError::Server { status, .. } | ClientError::Rejected { status, .. } => {
                format!("HTTP {status}")
            }
            ClientError::Conflict { .. } => "HTTP 412".to_string(),
            other => other.to_string(),
        }
    }

    /// A short sentence for the agent: what is wrong and what to do.
    /// Server-provided text inside it is untrusted and must be sanitized
    /// before display.
    pub fn user_message(&self) -> String {
        match self {
            ClientError::Network { .. } => "Cannot reach the support server. Check the network \
                 connection; sahaya keeps trying on its own."
                .to_string(),
            ClientError::Server {
                status,
                retry_after,
                ..
            } => {
                let when = match retry_after {
                    Some(d) => format!("in {} s", d.as_secs().max(1)),
                    None => "shortly".to_string(),
                };
                if *status == 429 {
                    format!("The support server is busy; trying again {when}.")
                } else {
                    format!(
                        "The support server had a problem (HTTP {status}); trying again {when}."
                    )
                }
            }
            ClientError::Conflict { current } => format!(
                "Ticket #{} was changed by someone else; review its current state and apply \
                 your change again.",
                current.id
            ),
            ClientError::Rejected { message, .. } => {
                format!("The server refused this: {message}")
            }
            ClientError::Unauthorized { .. } => "The server did not accept your access token; \
                 sign in again or ask an administrator for a new token."
                .to_string(),
            ClientError::Decode { .. } => "The support server sent an answer sahaya cannot \
                 read; try again later, and report it if it keeps happening."
                .to_string(),
            ClientError::InvalidUrl { url, reason } => format!(
                "The server address {url:?} is not usable ({reason}); use a URL such as \
                 https://support.example.com."
            ),
            ClientError::InvalidToken { reason } => {
                format!("The access token is not usable ({reason}); paste it again.")
            }
            ClientError::InvalidRequest { message } => {
                format!("This request cannot be sent ({message}); change it and try again.")
            }
        }
    }

    /// Maps a transport error from reqwest. `what` names the request
    /// (method and path), never a header.
    pub(crate) fn from_reqwest(what: &str, err: reqwest::Error) -> ClientError {
        let err = err.without_url();
        if err.is_builder() {
            return ClientError::InvalidRequest {
                message: format!("{what}: {}", chain(&err)),
            };
        }
        let kind = if err.is_timeout() {
            "timed out"
        } else if err.is_connect() {
            "cannot connect"
        } else if err.is_body() || err.is_decode() {
            "the answer broke off"
        } else {
            "the exchange failed"
        };
        ClientError::Network {
            message: format!("{what}: {kind}: {}", chain(&err)),
        }
    }

    /// Builds the error for a non-success answer from its status, headers
    /// and body (the body may be anything; it is parsed defensively).
    pub(crate) fn from_response(
        what: &str,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> ClientError {
        let parsed: Option<serde_json::Value> = serde_json::from_slice(body).ok();
        let detail: Option<ErrorDetail> = parsed
            .as_ref()
            .and_then(|v| v.get("error"))
            .and_then(|e| serde_json::from_value(e.clone()).ok());
        let code_num = status.as_u16();
        let (code, message) = match detail {
            Some(d) => (carry(&d.code), carry(&d.message)),
            None => (
                format!("http_{code_num}"),
                format!(
                    "the server answered HTTP {code_num}{} without an error description",
                    status
                        .canonical_reason()
                        .map(|r| format!(" {r}"))
                        .unwrap_or_default()
                ),
            ),
        };
        match code_num {
            401 => ClientError::Unauthorized { message },
            // A merge whose ticket or target changed: like a 412.
            409 if parsed.as_ref().is_some_and(|v| v.get("current").is_some()) => {
                match parsed
                    .as_ref()
                    .and_then(|v| v.get("current"))
                    .map(|c| serde_json::from_value::<Ticket>(c.clone()))
                {
                    Some(Ok(ticket)) => ClientError::Conflict {
                        current: Box::new(ticket),
                    },
                    _ => ClientError::Decode {
                        message: format!("{what}: expected the current ticket in the 409 answer"),
                    },
                }
            }
            412 => {
                let current = parsed
                    .as_ref()
                    .and_then(|v| v.get("current"))
                    .map(|c| serde_json::from_value::<Ticket>(c.clone()));
                match current {
                    Some(Ok(ticket)) => ClientError::Conflict {
                        current: Box::new(ticket),
                    },
                    Some(Err(e)) => ClientError::Decode {
                        message: format!(
                            "{what}: expected the current ticket in the 412 answer: {}",
                            carry(&e.to_string())
                        ),
                    },
                    None => ClientError::Decode {
                        message: format!(
                            "{what}: a 412 answer without the current ticket ({code}: {message})"
                        ),
                    },
                }
            }
            408 | 429 | 500..=599 => ClientError::Server {
                status: code_num,
                code,
                message,
                retry_after: parse_retry_after(headers, chrono::Utc::now()),
            },
            400..=499 => ClientError::Rejected {
                status: code_num,
                code,
                message,
            },
            _ => ClientError::Decode {
                message: format!("{what}: unexpected HTTP status {code_num}"),
            },
        }
    }
}

/// The error and its sources, joined, so that "connection refused" is not
/// hidden behind "error sending request".
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    carry(&out)
}

/// Server text, carried as is but bounded in length.
pub(crate) fn carry(text: &str) -> String {
    if text.len() <= MAX_CARRIED_TEXT {
        return text.to_string();
    }
    let mut end = MAX_CARRIED_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// `Retry-After`: delay seconds or an HTTP date (relative to `now`).
pub(crate) fn parse_retry_after(
    headers: &HeaderMap,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Duration> {
    let raw = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = raw.parse::<u64>() {
        return Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER));
    }
    let at = chrono::DateTime::parse_from_rfc2822(raw).ok()?;
    let delta = at.with_timezone(&chrono::Utc) - now;
    let wait = delta.to_std().unwrap_or(Duration::ZERO);
    Some(wait.min(MAX_RETRY_AFTER))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_str(retry_after).unwrap());
        h
    }

    #[test]
    fn the_detail_is_the_innermost_cause_or_the_status() {
        let net = ClientError::Network {
            message: "GET /v1/me: connect: tcp connect error: Connection refused (os error 111)"
                .into(),
        };
        assert_eq!(net.detail(), "Connection refused (os error 111)");
        let server = ClientError::Server {
            status: 503,
            code: "unavailable".into(),
            message: "down for maintenance".into(),
            retry_after: None,
        };
        assert_eq!(server.detail(), "HTTP 503");
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            parse_retry_after(&headers("120"), now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after(&headers("Fri, 20 Nov 2026 10:00:30 GMT"), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after(&headers("Fri, 20 Nov 2026 09:00:00 GMT"), now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after(&headers("99999999999"), now),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(parse_retry_after(&headers("soon"), now), None);
        assert_eq!(parse_retry_after(&HeaderMap::new(), now), None);
    }

    #[test]
    fn a_409_with_the_ticket_is_a_conflict_without_it_a_refusal() {
        let none = HeaderMap::new();
        let ticket = serde_json::json!({
            "id": 9, "subject": "s", "status": "open", "priority": "normal", "channel": "email",
            "customer_id": 1, "assignee_id": null, "group": "g", "tags": [],
            "sla": {"first_response_due": "2026-11-23T20:24:03Z", "resolution_due": "2026-11-24T16:24:03Z",
                    "first_responded_at": null},
            "order_id": null, "version": 4, "created_at": "2026-11-23T16:24:03Z",
            "updated_at": "2026-11-23T16:24:03Z", "last_customer_message_at": null, "message_count": 1
        });
        let body = serde_json::json!({"error": {"code": "merge_conflict", "message": "changed"},
                                      "current": ticket})
        .to_string();
        let e = ClientError::from_response("POST /m", StatusCode::CONFLICT, &none, body.as_bytes());
        assert!(
            matches!(&e, ClientError::Conflict { current } if current.id == 9 && current.version == 4),
            "{e:?}"
        );
        let body = br#"{"error":{"code":"busy","message":"another merge"}}"#;
        let e = ClientError::from_response("POST /m", StatusCode::CONFLICT, &none, body);
        assert!(
            matches!(&e, ClientError::Rejected { status: 409, .. }),
            "{e:?}"
        );
    }

    #[test]
    fn statuses_map_to_kinds() {
        let body = br#"{"error":{"code":"bad_amount","message":"too much"}}"#;
        let none = HeaderMap::new();
        let e =
            ClientError::from_response("POST /x", StatusCode::UNPROCESSABLE_ENTITY, &none, body);
        assert!(
            matches!(&e, ClientError::Rejected { status: 422, code, .. } if code == "bad_amount")
        );
        assert!(!e.is_retryable());
        let e = ClientError::from_response(
            "GET /x",
            StatusCode::SERVICE_UNAVAILABLE,
            &headers("3"),
            b"<html>",
        );
        assert!(matches!(&e, ClientError::Server { status: 503, code, .. } if code == "http_503"));
        assert!(e.is_retryable());
        assert_eq!(e.retry_after(), Some(Duration::from_secs(3)));
        let e = ClientError::from_response("GET /x", StatusCode::UNAUTHORIZED, &none, b"");
        assert!(matches!(e, ClientError::Unauthorized { .. }));
        let e = ClientError::from_response("GET /x", StatusCode::PRECONDITION_FAILED, &none, body);
        assert!(matches!(e, ClientError::Decode { .. }));
        let e = ClientError::from_response("GET /x", StatusCode::FOUND, &none, b"");
        assert!(matches!(e, ClientError::Decode { .. }));
    }

    #[test]
    fn long_server_text_is_bounded() {
        let long = "ಕ".repeat(5000);
        let out = carry(&long);
        assert!(out.len() <= MAX_CARRIED_TEXT + 3);
        assert!(out.ends_with('…'));
    }
}
