//! Request Tracker's REST 2 over HTTP: the token header (and a web
//! session for reads, see `session`), JSON in and out, ETags, and RT's
//! errors sorted into [`ClientError`]s.

use std::sync::Arc;

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::session::{self, Door, Session};
use crate::client::ClientError;
use crate::client::error::{carry, parse_retry_after};
use crate::client::http::{
    REQUEST_TIMEOUT, Reply, exchange, http_client, parse_base_url, with_write,
};

/// The REST 2 root below an RT's web address.
const REST2: &str = "REST/2.0";

/// An answer: the decoded body and where a POST put what it created. (A
/// ticket's ETag, the id of its latest transaction, is read from the
/// transactions instead: a single-ticket GET lacks the requestors.)
pub struct Answer<T> {
    pub body: T,
    /// Where a POST put what it created (`/REST/2.0/transaction/42`).
    pub location: Option<String>,
}

#[derive(Clone)]
pub struct RtHttp {
    http: reqwest::Client,
    /// `…/REST/2.0/`
    base: Url,
    auth: HeaderValue,
    timeout: std::time::Duration,
    session: Arc<Session>,
}

impl std::fmt::Debug for RtHttp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RtHttp")
            .field("base", &self.base.as_str())
            .field("token", &"<redacted>")
            .finish()
    }
}

impl RtHttp {
    /// `web_url` is RT's web address (e.g. `https://rt.example.com/` or
    /// `https://example.com/rt`), `token` an RT auth token.
    pub fn new(web_url: &str, token: &str) -> Result<RtHttp, ClientError> {
        let mut base = parse_base_url(web_url)?;
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        // Someone may paste the REST 2 address itself.
        if !base.path().ends_with("/REST/2.0/") {
            base = base
                .join(&format!("{REST2}/"))
                .map_err(|e| ClientError::InvalidUrl {
                    url: web_url.to_string(),
                    reason: e.to_string(),
                })?;
        }
        let token = token.trim();
        if token.is_empty() || !token.chars().all(|c| c.is_ascii_graphic()) {
            return Err(ClientError::InvalidToken {
                reason: "it is empty or has spaces, control or non-ASCII characters".to_string(),
            });
        }
        let mut auth = HeaderValue::from_str(&format!("token {token}")).map_err(|_| {
            ClientError::InvalidToken {
                reason: "it cannot be sent in an HTTP header".to_string(),
            }
        })?;
        auth.set_sensitive(true);
        Ok(RtHttp {
            http: http_client()?,
            base,
            auth,
            timeout: REQUEST_TIMEOUT,
            session: Arc::default(),
        })
    }

    /// The same client with another limit for a whole request.
    pub fn with_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The same client with read sessions opened again after `life`
    /// (`Duration::ZERO`: no sessions, the token on every request).
    pub fn with_session_life(mut self, life: std::time::Duration) -> Self {
        self.session = Arc::new(Session::with_life(life));
        self
    }

    /// The REST 2 root, for messages.
    pub fn base(&self) -> &str {
        self.base.as_str()
    }

    /// RT's web address (the REST 2 root without `REST/2.0/`), for messages.
    pub fn web_url(&self) -> &str {
        let base = self.base();
        base.strip_suffix(&format!("{REST2}/")).unwrap_or(base)
    }

    fn url(&self, path: &str, query: &[(&str, String)]) -> Result<Url, ClientError> {
        let mut url = self
            .base
            .join(path)
            .map_err(|e| ClientError::InvalidRequest {
                message: format!("{path}: {e}"),
            })?;
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        Ok(url)
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<Answer<T>, ClientError> {
        self.call(Method::GET, path, query, None::<&()>, None).await
    }

    pub async fn post<T: DeserializeOwned, B: Serialize>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<Answer<T>, ClientError> {
        self.call(Method::POST, path, &[], Some(body), None).await
    }

    pub async fn put<T: DeserializeOwned, B: Serialize>(
        &self,
        path: &str,
        body: &B,
        if_match: i64,
    ) -> Result<Answer<T>, ClientError> {
        self.call(Method::PUT, path, &[], Some(body), Some(if_match))
            .await
    }

    async fn call<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
        if_match: Option<i64>,
    ) -> Result<Answer<T>, ClientError> {
        let url = self.url(path, query)?;
        let what = format!("{method} {}", url.path());
        let cookie = if method == Method::GET {
            self.session.cookie(self).await?
        } else {
            None
        };
        let mut req = self
            .http
            .request(method, url)
            .timeout(self.timeout)
            .header(header::AUTHORIZATION, self.auth.clone())
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        let req = with_write(&what, req, if_match, body)?;
        let Reply {
            status,
            headers,
            body: bytes,
        } = exchange(&what, req).await?;
        tracing::debug!(status = status.as_u16(), bytes = bytes.len(), "RT {what}");
        if !status.is_success() {
            return Err(rt_error(&what, status, &headers, &bytes));
        }
        let body = decode(&what, status, &bytes)?;
        Ok(Answer {
            location: headers
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            body,
        })
    }

    /// Whether reads go through an RT web session now (see `session`).
    pub async fn has_session(&self) -> bool {
        self.session.is_open().await
    }
}

impl Door for RtHttp {
    /// Logs in to RT's web side with the token (`GET /REST/1.0/`): the
    /// session's cookie, or `None` where RT gives none for it.
    async fn open_session(&self) -> Result<Option<HeaderValue>, ClientError> {
        let Ok(url) = self.base.join("../1.0/") else {
            return Ok(None);
        };
        let what = format!("GET {}", url.path());
        let req = self
            .http
            .get(url)
            .timeout(self.timeout)
            .header(header::AUTHORIZATION, self.auth.clone());
        let reply = exchange(&what, req).await?;
        tracing::debug!(
            status = reply.status.as_u16(),
            bytes = reply.body.len(),
            "RT {what}"
        );
        let cookie = session::session_cookie(&reply.headers);
        if reply.status.is_success() && session::logged_in(&reply.body) && cookie.is_some() {
            Ok(cookie)
        } else {
            tracing::info!(
                "Request Tracker opened no web session for the token (HTTP {}): reading with the token alone",
                reply.status.as_u16()
            );
            Ok(None)
        }
    }

    /// Logs out of an RT web session (best effort: RT drops unused sessions
    /// itself in the end).
    async fn close_session(&self, cookie: HeaderValue) {
        let Ok(url) = self.base.join("../../NoAuth/Logout.html") else {
            return;
        };
        let what = format!("GET {}", url.path());
        let req = self
            .http
            .get(url)
            .timeout(self.timeout)
            .header(header::COOKIE, cookie);
        match exchange(&what, req).await {
            Ok(reply) => tracing::debug!(
                status = reply.status.as_u16(),
                bytes = reply.body.len(),
                "RT {what}"
            ),
            Err(e) => tracing::debug!("RT session not logged out: {e}"),
        }
    }
}

/// Decodes a success answer of RT into `T`.
pub(super) fn decode<T: DeserializeOwned>(
    what: &str,
    status: StatusCode,
    bytes: &[u8],
) -> Result<T, ClientError> {
    serde_json::from_slice(bytes).map_err(|e| ClientError::Decode {
        message: carry(&format!(
            "{what}: expected Request Tracker's JSON, got HTTP {} ({} bytes): {e}",
            status.as_u16(),
            bytes.len()
        )),
    })
}

/// The RT right a request needs, from its method and path.
fn right_for(what: &str) -> Option<&'static str> {
    let (method, path) = what.split_once(' ')?;
    let path = path.trim_end_matches('/');
    if path.ends_with("/correspond") {
        Some("ReplyToTicket")
    } else if path.ends_with("/comment") {
        Some("CommentOnTicket")
    } else if path.contains("/ticket/") && method == "PUT" {
        Some("ModifyTicket")
    } else if path.contains("/ticket") && method == "GET" {
        Some("ShowTicket")
    } else {
        None
    }
}

/// What to say when RT refuses for want of a right.
pub(crate) fn no_right(what: &str, said: &str) -> String {
    let right = right_for(what).map_or_else(
        || "the right for this".to_string(),
        |r| format!("the right {r}"),
    );
    format!(
        "Request Tracker says your RT user may not do this ({said}): ask an RT administrator to \
         grant it {right} on the ticket's queue (Admin → Queues → the queue → Group Rights or \
         User Rights)"
    )
}

/// RT's error answers are `{"message": "…"}`.
pub(super) fn rt_error(
    what: &str,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> ClientError {
    let said = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(carry))
        .unwrap_or_else(|| {
            format!(
                "HTTP {}{}",
                status.as_u16(),
                status
                    .canonical_reason()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default()
            )
        });
    let code = status.as_u16();
    // RT says "Permission Denied" with a 400 where a right is missing.
    let denied = code == 403 || said.to_ascii_lowercase().contains("permission denied");
    match code {
        401 => ClientError::Unauthorized {
            message: format!(
                "Request Tracker refused the token ({said}): it is wrong, expired or revoked, or \
                 its user is disabled; make a new one in RT (logged in as the agent: Settings → \
                 Auth Tokens)"
            ),
        },
        400..=499 if denied => ClientError::Rejected {
            status: code,
            code: "forbidden".to_string(),
            message: no_right(what, &said),
        },
        404 => ClientError::Rejected {
            status: code,
            code: "not_found".to_string(),
            message: format!("{what}: not found in Request Tracker ({said})"),
        },
        412 => ClientError::Rejected {
            status: code,
            code: "version_conflict".to_string(),
            message: format!("{what}: changed meanwhile ({said})"),
        },
        408 | 429 | 500..=599 => ClientError::Server {
            status: code,
            code: format!("http_{code}"),
            message: said,
            retry_after: parse_retry_after(headers, chrono::Utc::now()),
        },
        400..=499 => ClientError::Rejected {
            status: code,
            code: "refused".to_string(),
            message: format!("Request Tracker refused it: {said}"),
        },
        _ => ClientError::Decode {
            message: format!("{what}: unexpected HTTP status {code}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rest2_root_is_found_from_the_web_address() {
        for (given, want) in [
            ("http://rt.test", "http://rt.test/REST/2.0/"),
            ("http://rt.test/", "http://rt.test/REST/2.0/"),
            ("http://h.test/rt", "http://h.test/rt/REST/2.0/"),
            ("http://h.test/rt/REST/2.0", "http://h.test/rt/REST/2.0/"),
        ] {
            assert_eq!(
                RtHttp::new(given, "1-2-abc").unwrap().base(),
                want,
                "{given}"
            );
        }
        assert!(RtHttp::new("http://rt.test", "a b").is_err());
        let shown = format!("{:?}", RtHttp::new("http://rt.test", "1-2-secret").unwrap());
        assert!(!shown.contains("secret"));
    }

    #[test]
    fn errors_say_what_rt_said() {
        let h = HeaderMap::new();
        let e = rt_error(
            "GET /x",
            StatusCode::UNAUTHORIZED,
            &h,
            br#"{"message":"Unauthorized"}"#,
        );
        assert!(matches!(e, ClientError::Unauthorized { .. }));
        let e = rt_error("GET /x", StatusCode::FORBIDDEN, &h, b"");
        assert_eq!(e.code(), Some("forbidden"));
        let e = rt_error(
            "POST /REST/2.0/ticket/1/comment",
            StatusCode::BAD_REQUEST,
            &h,
            br#"{"message":"Permission Denied"}"#,
        );
        assert_eq!(e.code(), Some("forbidden"));
        assert!(e.to_string().contains("CommentOnTicket"), "{e}");
        let e = rt_error("GET /x", StatusCode::BAD_GATEWAY, &h, b"<html>");
        assert!(e.is_retryable());
    }
}
