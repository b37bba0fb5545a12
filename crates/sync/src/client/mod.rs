//! HTTP client for the support API (`protocol`), and the SSE consumer.
//!
//! One method per endpoint, typed with the protocol's request and response
//! shapes. Errors are sorted by what the caller should do (see
//! [`ClientError`]); retrying, backoff and reconnecting belong to the sync
//! task, not here.
//!
//! The access token is sent as `Authorization: Bearer …` on every request and
//! appears nowhere else: not in `Debug`, not in logs, not in errors.

mod bridge;
pub(crate) mod error;
mod events;
pub mod http;
mod macros;
#[cfg(test)]
mod proptests;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::Stream;
use reqwest::header::{self, HeaderValue};
use reqwest::{Method, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::ClientError;
pub use http::{CONNECT_TIMEOUT, MAX_RESPONSE_BYTES, REQUEST_TIMEOUT};
use http::{Reply, decode, exchange, parse_base_url, read_body, with_write};

use sahaya_protocol::domain::{CustomerId, Ticket, TicketId};
use sahaya_protocol::wire::{
    ActionCreated, AgentList, ChangesPage, CustomerDetail, IDEMPOTENCY_KEY, InboundMessage,
    MacroList, Me, MergeRequest, MessageCreated, NewMessage, NewOrderAction, NewOutboundTicket,
    PresenceUpdate, QueueStats, StreamEvent, TicketCreated, TicketDetail, TicketList, TicketMerged,
    TicketPatch, View,
};

/// The event stream is declared dead when nothing, not even one of the
/// server's 15-second keep-alive comments, arrived for this long.
pub const STREAM_IDLE_TIMEOUT: Duration = Duration::from_secs(45);

/// A client of one support server with one access token. Cheap to clone;
/// clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    http: reqwest::Client,
    base: Url,
    /// `Bearer <token>`, marked sensitive.
    auth: HeaderValue,
    request_timeout: Duration,
    stream_idle_timeout: Duration,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base.as_str())
            .field("token", &"<redacted>")
            .field("request_timeout", &self.inner.request_timeout)
            .field("stream_idle_timeout", &self.inner.stream_idle_timeout)
            .finish()
    }
}

/// Extra headers of one request.
#[derive(Default)]
struct Extra<'a> {
    idempotency_key: Option<&'a str>,
    if_match: Option<i64>,
}

impl<'a> Extra<'a> {
    fn key(idempotency_key: &'a str) -> Self {
        Extra {
            idempotency_key: Some(idempotency_key),
            if_match: None,
        }
    }
}

impl Client {
    /// A client for the server at `base_url` (`http` or `https`, optionally
    /// with a path prefix, e.g. `https://support.example.com/api`).
    pub fn new(base_url: &str, token: impl Into<String>) -> Result<Client, ClientError> {
        let base = parse_base_url(base_url)?;
        let token = token.into();
        let token = token.trim();
        if token.is_empty() {
            return Err(ClientError::InvalidToken {
                reason: "it is empty".to_string(),
            });
        }
        if !token.chars().all(|c| c.is_ascii_graphic()) {
            return Err(ClientError::InvalidToken {
                reason: "it contains spaces, control or non-ASCII characters".to_string(),
            });
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
            ClientError::InvalidToken {
                reason: "it cannot be sent in an HTTP header".to_string(),
            }
        })?;
        auth.set_sensitive(true);
        let http = http::http_client()?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                auth,
                request_timeout: REQUEST_TIMEOUT,
                stream_idle_timeout: STREAM_IDLE_TIMEOUT,
            }),
        })
    }

    /// The same client with another limit for ordinary requests.
    pub fn with_request_timeout(mut self, timeout: Duration) -> Client {
        Arc::make_mut(&mut self.inner).request_timeout = timeout;
        self
    }

    /// The same client with another silence limit for the event stream.
    pub fn with_stream_idle_timeout(mut self, timeout: Duration) -> Client {
        Arc::make_mut(&mut self.inner).stream_idle_timeout = timeout;
        self
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        self.inner.base.as_str()
    }

    /// `GET /v1/me`: who the token belongs to.
    pub async fn me(&self) -> Result<Me, ClientError> {
        self.get(&["v1", "me"], &[], "your account (Me)").await
    }

    /// `GET /v1/changes?since=&limit=`: one page of the change feed.
    pub async fn changes(&self, since: i64, limit: i64) -> Result<ChangesPage, ClientError> {
        let query = [("since", since.to_string()), ("limit", limit.to_string())];
        self.get(
            &["v1", "changes"],
            &query,
            "a page of changes (ChangesPage)",
        )
        .await
    }

    /// `GET /v1/tickets?view=&limit=&offset=`: one page of a queue view.
    pub async fn tickets(
        &self,
        view: View,
        limit: i64,
        offset: i64,
    ) -> Result<TicketList, ClientError> {
        let query = [
            ("view", view.as_str().to_string()),
            ("limit", limit.to_string()),
            ("offset", offset.to_string()),
        ];
        self.get(&["v1", "tickets"], &query, "a ticket list (TicketList)")
            .await
    }

    /// `GET /v1/tickets/{id}`: a ticket with its messages.
    pub async fn ticket(&self, id: TicketId) -> Result<TicketDetail, ClientError> {
        let id = id.to_string();
        self.get(&["v1", "tickets", &id], &[], "a ticket (TicketDetail)")
            .await
    }

    /// `POST /v1/tickets/{id}/messages` with `Idempotency-Key`: a reply or
    /// note. A replay with the same key answers the original message.
    pub async fn post_message(
        &self,
        ticket_id: TicketId,
        idempotency_key: &str,
        message: &NewMessage,
    ) -> Result<MessageCreated, ClientError> {
        let id = ticket_id.to_string();
        let path = ["v1", "tickets", &id, "messages"];
        let extra = Extra::key(idempotency_key);
        let expected = "the created message (MessageCreated)";
        self.send(Method::POST, &path, extra, message, expected)
            .await
    }

    /// `PATCH /v1/tickets/{id}` with `If-Match: <version>`. A stale version
    /// gives [`ClientError::Conflict`] with the current ticket.
    pub async fn patch_ticket(
        &self,
        id: TicketId,
        if_match_version: i64,
        patch: &TicketPatch,
    ) -> Result<Ticket, ClientError> {
        let extra = Extra {
            if_match: Some(if_match_version),
            ..Extra::default()
        };
        self.patch(id, extra, patch).await
    }

    /// `PATCH /v1/tickets/{id}` with an Idempotency-Key, so a retry after a
    /// lost answer gets that answer instead of a conflict with itself.
    pub async fn patch_ticket_once(
        &self,
        id: TicketId,
        if_match_version: i64,
        idempotency_key: &str,
        patch: &TicketPatch,
    ) -> Result<Ticket, ClientError> {
        let extra = Extra {
            if_match: Some(if_match_version),
            idempotency_key: Some(idempotency_key),
        };
        self.patch(id, extra, patch).await
    }

    async fn patch(
        &self,
        id: TicketId,
        extra: Extra<'_>,
        patch: &TicketPatch,
    ) -> Result<Ticket, ClientError> {
        let id = id.to_string();
        let expected = "the updated ticket (Ticket)";
        self.send(
            Method::PATCH,
            &["v1", "tickets", &id],
            extra,
            patch,
            expected,
        )
        .await
    }

    /// `POST /v1/tickets/{id}/merge` with `Idempotency-Key`: ticket `id`
    /// goes into `req.into`. Either ticket changed since the versions sent
    /// gives [`ClientError::Conflict`] with the ticket now.
    pub async fn merge_ticket(
        &self,
        id: TicketId,
        idempotency_key: &str,
        req: &MergeRequest,
    ) -> Result<TicketMerged, ClientError> {
        let id = id.to_string();
        let path = ["v1", "tickets", &id, "merge"];
        let expected = "the merged tickets (TicketMerged)";
        self.send(
            Method::POST,
            &path,
            Extra::key(idempotency_key),
            req,
            expected,
        )
        .await
    }

    /// `GET /v1/customers/{id}`: a customer with orders, actions, tickets.
    pub async fn customer(&self, id: CustomerId) -> Result<CustomerDetail, ClientError> {
        let id = id.to_string();
        self.get(
            &["v1", "customers", &id],
            &[],
            "a customer (CustomerDetail)",
        )
        .await
    }

    /// `POST /v1/orders/{order_id}/actions` with `Idempotency-Key`: a refund,
    /// return or exchange.
    pub async fn order_action(
        &self,
        order_id: &str,
        idempotency_key: &str,
        action: &NewOrderAction,
    ) -> Result<ActionCreated, ClientError> {
        if order_id.is_empty() || order_id == "." || order_id == ".." {
            return Err(ClientError::InvalidRequest {
                message: format!("{order_id:?} is not an order id"),
            });
        }
        let path = ["v1", "orders", order_id, "actions"];
        let expected = "the created order action (ActionCreated)";
        self.send(
            Method::POST,
            &path,
            Extra::key(idempotency_key),
            action,
            expected,
        )
        .await
    }

    /// `POST /v1/tickets` with `Idempotency-Key`: a proactive notice.
    pub async fn outbound(
        &self,
        idempotency_key: &str,
        ticket: &NewOutboundTicket,
    ) -> Result<TicketCreated, ClientError> {
        let expected = "the created ticket (TicketCreated)";
        let extra = Extra::key(idempotency_key);
        self.send(Method::POST, &["v1", "tickets"], extra, ticket, expected)
            .await
    }

    /// `POST /v1/inbound` (integration token): a customer wrote in. The key
    /// is optional (e.g. the provider's message id).
    pub async fn inbound(
        &self,
        message: &InboundMessage,
        idempotency_key: Option<&str>,
    ) -> Result<TicketCreated, ClientError> {
        let extra = Extra {
            idempotency_key,
            ..Extra::default()
        };
        let expected = "the ticket the message joined (TicketCreated)";
        self.send(Method::POST, &["v1", "inbound"], extra, message, expected)
            .await
    }

    /// `GET /v1/macros`.
    pub async fn macros(&self) -> Result<MacroList, ClientError> {
        self.get(&["v1", "macros"], &[], "the macros (MacroList)")
            .await
    }

    /// `GET /v1/agents`.
    pub async fn agents(&self) -> Result<AgentList, ClientError> {
        self.get(&["v1", "agents"], &[], "the agents (AgentList)")
            .await
    }

    /// `PUT /v1/presence`: tell others which ticket we are on (None: none).
    pub async fn put_presence(&self, update: &PresenceUpdate) -> Result<(), ClientError> {
        let path = ["v1", "presence"];
        let _: serde_json::Value = self
            .send(
                Method::PUT,
                &path,
                Extra::default(),
                update,
                "an acknowledgement",
            )
            .await?;
        Ok(())
    }

    /// `GET /v1/stats` (supervisors).
    pub async fn stats(&self) -> Result<QueueStats, ClientError> {
        self.get(&["v1", "stats"], &[], "queue statistics (QueueStats)")
            .await
    }

    /// `GET /v1/events`: the live stream of change notices (and, for
    /// supervisors, queue statistics). With `last_event_id` the server first
    /// sends every change after it.
    ///
    /// Opening the stream fails like any request. Once open, the stream
    /// yields an error and ends when the connection breaks, the server closes
    /// it, or nothing (not even a keep-alive) arrived for the idle timeout; a
    /// single undecodable event is yielded as [`ClientError::Decode`] and the
    /// stream goes on. The stream never reconnects by itself.
    pub async fn events(
        &self,
        last_event_id: Option<i64>,
    ) -> Result<
        impl Stream<Item = Result<StreamEvent, ClientError>> + Send + Unpin + 'static + use<>,
        ClientError,
    > {
        const WHAT: &str = "GET /v1/events";
        let url = self.url(&["v1", "events"], &[])?;
        let mut req = self
            .inner
            .http
            .get(url)
            .header(header::AUTHORIZATION, self.inner.auth.clone())
            .header(header::ACCEPT, "text/event-stream")
            .header(header::CACHE_CONTROL, "no-cache");
        if let Some(id) = last_event_id {
            req = req.header("last-event-id", id.to_string());
        }
        // No overall timeout: the stream lives for hours. Only waiting for
        // the answer's head is bounded; silence afterwards is caught by the
        // idle guard.
        let resp = match tokio::time::timeout(self.inner.request_timeout, req.send()).await {
            Err(_) => {
                return Err(ClientError::Network {
                    message: format!("{WHAT}: timed out waiting for the server to answer"),
                });
            }
            Ok(sent) => sent.map_err(|e| ClientError::from_reqwest(WHAT, e))?,
        };
        let status = resp.status();
        tracing::debug!(status = status.as_u16(), "{WHAT}");
        if !status.is_success() {
            let headers = resp.headers().clone();
            let body = tokio::time::timeout(self.inner.request_timeout, read_body(WHAT, resp))
                .await
                .map_err(|_| ClientError::Network {
                    message: format!("{WHAT}: timed out reading the error answer"),
                })??;
            return Err(ClientError::from_response(WHAT, status, &headers, &body));
        }
        let content_type = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        if !content_type
            .to_ascii_lowercase()
            .starts_with("text/event-stream")
        {
            return Err(ClientError::Decode {
                message: format!(
                    "{WHAT}: expected an event stream (text/event-stream), got {:?}",
                    error::carry(&content_type)
                ),
            });
        }
        Ok(events::event_stream(
            Box::pin(resp.bytes_stream()),
            self.inner.stream_idle_timeout,
        ))
    }

    /// A `GET` of `segments` with `query`, decoded into `T`.
    async fn get<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &[(&str, String)],
        expected: &str,
    ) -> Result<T, ClientError> {
        let url = self.url(segments, query)?;
        self.call(Method::GET, url, Extra::default(), None::<&()>, expected)
            .await
    }

    /// A request with a JSON body to `segments`, decoded into `T`.
    async fn send<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        segments: &[&str],
        extra: Extra<'_>,
        body: &B,
        expected: &str,
    ) -> Result<T, ClientError> {
        let url = self.url(segments, &[])?;
        self.call(method, url, extra, Some(body), expected).await
    }

    /// The endpoint URL: base path + percent-encoded `segments` + query.
    fn url(&self, segments: &[&str], query: &[(&str, String)]) -> Result<Url, ClientError> {
        let mut url = self.inner.base.clone();
        {
            let mut path = url
                .path_segments_mut()
                .map_err(|_| ClientError::InvalidUrl {
                    url: self.inner.base.to_string(),
                    reason: "it cannot have a path".to_string(),
                })?;
            path.pop_if_empty();
            for segment in segments {
                // Percent-encodes `/`, `?`, `#`, `%`, spaces and non-ASCII, so a
                // value (an order id) stays one segment.
                path.push(segment);
            }
        }
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        Ok(url)
    }

    /// A request to `url` with the token, the timeout and `extra`'s headers.
    fn request(
        &self,
        method: Method,
        url: Url,
        extra: Extra<'_>,
        what: &str,
    ) -> Result<reqwest::RequestBuilder, ClientError> {
        let mut req = self
            .inner
            .http
            .request(method, url)
            .timeout(self.inner.request_timeout)
            .header(header::AUTHORIZATION, self.inner.auth.clone())
            .header(header::ACCEPT, "application/json");
        if let Some(key) = extra.idempotency_key {
            let value = HeaderValue::from_str(key).map_err(|_| ClientError::InvalidRequest {
                message: format!(
                    "{what}: the idempotency key has characters that cannot go in a header"
                ),
            })?;
            req = req.header(IDEMPOTENCY_KEY, value);
        }
        Ok(req)
    }

    /// Sends one ordinary request and decodes the JSON answer into `T`.
    async fn call<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        url: Url,
        extra: Extra<'_>,
        body: Option<&B>,
        expected: &str,
    ) -> Result<T, ClientError> {
        let what = format!("{method} {}", url.path());
        let if_match = extra.if_match;
        let req = self.request(method, url, extra, &what)?;
        let req = with_write(&what, req, if_match, body)?;
        let (status, headers, bytes) = self.exchange(req, &what).await?;
        decode(&what, status, &headers, &bytes, expected)
    }

    /// Sends `req` and reads a success answer's body; any other answer
    /// becomes the error it means.
    async fn exchange(
        &self,
        req: reqwest::RequestBuilder,
        what: &str,
    ) -> Result<(reqwest::StatusCode, header::HeaderMap, Vec<u8>), ClientError> {
        let Reply {
            status,
            headers,
            body: bytes,
        } = exchange(what, req).await?;
        tracing::debug!(status = status.as_u16(), bytes = bytes.len(), "{what}");
        if !status.is_success() {
            return Err(ClientError::from_response(what, status, &headers, &bytes));
        }
        Ok((status, headers, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded_and_prefix_kept() {
        let c = Client::new("https://support.example.com/api/", "sh_x").unwrap();
        let url = c
            .url(&["v1", "orders", "ORD/1 ?#%ಕ", "actions"], &[])
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://support.example.com/api/v1/orders/ORD%2F1%20%3F%23%25%E0%B2%95/actions"
        );
        let url = c.url(&["v1", "orders", "%2e%2e", "actions"], &[]).unwrap();
        assert_eq!(url.path(), "/api/v1/orders/%252e%252e/actions");
        let c = Client::new("http://127.0.0.1:7878", "sh_x").unwrap();
        let url = c
            .url(
                &["v1", "changes"],
                &[("since", "5".into()), ("limit", "10".into())],
            )
            .unwrap();
        assert_eq!(
            url.as_str(),
            "http://127.0.0.1:7878/v1/changes?since=5&limit=10"
        );
    }

    #[test]
    fn bad_urls_and_tokens_are_refused_without_echoing_secrets() {
        for bad in [
            "",
            "localhost:7878",
            "ftp://x",
            "http://",
            "http://u:p@host",
            "http://h/?a=1",
        ] {
            let err = Client::new(bad, "sh_x").unwrap_err();
            assert!(
                matches!(err, ClientError::InvalidUrl { .. }),
                "{bad}: {err:?}"
            );
            assert!(!format!("{err} {err:?}").contains("u:p"));
        }
        let err = Client::new("http://h", "sh_sec ret").unwrap_err();
        assert!(matches!(err, ClientError::InvalidToken { .. }));
        assert!(!format!("{err} {err:?} {}", err.user_message()).contains("sec"));
        assert!(matches!(
            Client::new("http://h", " ").unwrap_err(),
            ClientError::InvalidToken { .. }
        ));
    }

    #[test]
    fn debug_redacts_the_token() {
        let c = Client::new("http://127.0.0.1:1", "sh_topsecret").unwrap();
        let shown = format!(
            "{c:?} {:?}",
            c.clone().with_request_timeout(Duration::from_secs(1))
        );
        assert!(!shown.contains("topsecret"), "{shown}");
        assert!(shown.contains("redacted"));
    }
}
