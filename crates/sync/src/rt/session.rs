//! An RT web session for the adapter's reads.
//!
//! RT checks an auth token with bcrypt on every REST 2 request (cost 12 by
//! default: about half a second of RT's CPU per request on a small
//! machine), and writes the token's "last used" time each time. A console
//! polling every few seconds would keep RT busy with that alone. So the
//! adapter logs in once with the token (`GET /REST/1.0/` with the token
//! header opens an RT web session and sets its cookie) and sends the
//! session's cookie with its reads: REST 2 takes a session first. The token
//! goes along on every request as well, so when RT has forgotten the
//! session (expired, logged out, its session store cleared) the token
//! still works and nothing fails.
//!
//! Writes (POST, PUT) carry only the token: RT refuses a session cookie on
//! them without a browser's `Origin` (its CSRF guard).
//!
//! The session is opened again every [`SESSION_LIFE`] (the old one is
//! logged out), so a token revoked in RT stops working for the console
//! within that time. A site where no session can be opened this way
//! (REST 1 switched off, a proxy in front) is read with the token alone.

use std::time::{Duration, Instant};

use reqwest::header::{self, HeaderValue};

use crate::client::ClientError;

/// What opens and closes a session on RT (the adapter's HTTP client).
pub trait Door {
    /// Logs in with the token: the session's cookie, or `None` where RT
    /// gives none.
    async fn open_session(&self) -> Result<Option<HeaderValue>, ClientError>;
    /// Logs out (best effort).
    async fn close_session(&self, cookie: HeaderValue);
}

/// How long one session is used before it is opened again with the token.
pub const SESSION_LIFE: Duration = Duration::from_secs(5 * 60);

/// The session the reads go through, if RT gave one.
#[derive(Debug)]
pub struct Session {
    state: tokio::sync::Mutex<State>,
    life: Duration,
}

impl Default for Session {
    fn default() -> Self {
        Session::with_life(SESSION_LIFE)
    }
}

#[derive(Debug, Default)]
struct State {
    cookie: Option<HeaderValue>,
    /// When a session was last asked for (given or not).
    opened: Option<Instant>,
}

impl Session {
    /// Sessions opened again after `life`; `Duration::ZERO`: none at all,
    /// every read is checked with the token.
    pub fn with_life(life: Duration) -> Session {
        Session {
            state: tokio::sync::Mutex::default(),
            life,
        }
    }

    /// The cookie for a read: the current session's, after opening one when
    /// there is none yet or it is older than its life. `None`: RT
    /// gives no session, read with the token alone. A network error is
    /// returned as such (the read would fail the same way).
    pub async fn cookie(&self, http: &impl Door) -> Result<Option<HeaderValue>, ClientError> {
        if self.life.is_zero() {
            return Ok(None);
        }
        let mut state = self.state.lock().await;
        if state.opened.is_some_and(|at| at.elapsed() < self.life) {
            return Ok(state.cookie.clone());
        }
        let old = state.cookie.take();
        state.opened = None;
        state.cookie = http.open_session().await?;
        state.opened = Some(Instant::now());
        if let Some(old) = old {
            http.close_session(old).await;
        }
        Ok(state.cookie.clone())
    }

    /// Whether reads go through a session now.
    pub async fn is_open(&self) -> bool {
        self.state.lock().await.cookie.is_some()
    }
}

/// RT's session cookie (`RT_SID_<name>.<port>=<id>`) among an answer's
/// `Set-Cookie` headers, as a `Cookie` header.
pub fn session_cookie(headers: &header::HeaderMap) -> Option<HeaderValue> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::trim)
        .find(|pair| {
            pair.split_once('=')
                .is_some_and(|(name, value)| name.starts_with("RT_SID_") && !value.is_empty())
        })
        .and_then(|pair| {
            let mut value = HeaderValue::from_str(pair).ok()?;
            value.set_sensitive(true);
            Some(value)
        })
}

/// Whether REST 1's answer says the login worked (`RT/5.0.3 200 Ok`; a
/// refused token gets `RT/5.0.3 401 Credentials required`, also as HTTP 200).
pub fn logged_in(rest1_answer: &[u8]) -> bool {
    let text = String::from_utf8_lossy(rest1_answer);
    let first = text.lines().next().unwrap_or_default();
    first.starts_with("RT/") && first.split_whitespace().nth(1) == Some("200")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut h = header::HeaderMap::new();
        h.append(
            header::SET_COOKIE,
            HeaderValue::from_static("other=1; path=/"),
        );
        assert!(session_cookie(&h).is_none());
        h.append(
            header::SET_COOKIE,
            HeaderValue::from_static("RT_SID_example.com.443=6209f788; path=/; HttpOnly"),
        );
        let c = session_cookie(&h).unwrap();
        assert_eq!(c.to_str().unwrap(), "RT_SID_example.com.443=6209f788");
        assert!(c.is_sensitive());
        let mut empty = header::HeaderMap::new();
        empty.append(
            header::SET_COOKIE,
            HeaderValue::from_static("RT_SID_x.80=; path=/"),
        );
        assert!(session_cookie(&empty).is_none());
    }

    #[test]
    fn only_a_200_from_rest1_is_a_login() {
        assert!(logged_in(
            b"RT/5.0.3+dfsg-3~deb12u7 200 Ok\n\n# Invalid object"
        ));
        assert!(!logged_in(b"RT/5.0.3 401 Credentials required\n"));
        assert!(!logged_in(b"<html>200</html>"));
        assert!(!logged_in(b""));
    }
}
