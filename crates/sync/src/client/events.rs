//! The live event stream (`GET /v1/events`) as a stream of [`StreamEvent`]s.
//!
//! Two layers over the response body:
//! - a byte guard that ends the stream with a network error when nothing at
//!   all (not even a keep-alive comment) arrived for the idle timeout, when the
//!   body is not UTF-8, or when one event grows without bound; it also drops
//!   a leading byte order mark itself and starts the text with an empty line
//!   (which dispatches nothing), because eventsource-stream 0.2.3 panics on a
//!   body that starts with a BOM (it slices one byte off a three-byte char);
//! - the SSE parser (eventsource-stream), whose `change` and `stats` events
//!   are decoded into protocol types; other event names are ignored.
//!
//! Errors that break the connection end the stream after being yielded once;
//! a single undecodable event is yielded as [`ClientError::Decode`] and the
//! stream goes on. Reconnecting is the caller's business.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use eventsource_stream::{EventStream, EventStreamError};
use futures::{Stream, StreamExt};

use super::error::{ClientError, carry};
use sahaya_protocol::wire::{ChangeNotice, EVENT_CHANGE, EVENT_STATS, QueueStats, StreamEvent};

/// Most bytes accepted between two dispatched events. Keep-alive comments
/// count too, but at a few bytes per 15 s they never reach it.
pub(crate) const MAX_EVENT_BYTES: usize = 16 * 1024 * 1024;

/// The item stream handed to callers.
pub(crate) type EventItems = Pin<Box<dyn Stream<Item = Result<StreamEvent, ClientError>> + Send>>;

struct Guard<S> {
    inner: S,
    idle: Duration,
    /// Bytes of a UTF-8 sequence split across chunks (at most 3).
    carry: Vec<u8>,
    /// Bytes since the last dispatched event, shared with the outer layer.
    pending: Arc<AtomicUsize>,
    /// The first bytes, held until it is clear whether they are a BOM;
    /// `None` once they went on.
    head: Option<Vec<u8>>,
    done: bool,
}

const BOM: &[u8] = "\u{feff}".as_bytes();

/// What goes on from `head` once it is known: an empty line, then the
/// bytes without a leading BOM. `None` while they may still be one.
fn settle_head(head: &[u8], ended: bool) -> Option<Vec<u8>> {
    let undecided = head.len() < BOM.len() && BOM.starts_with(head);
    if undecided && !ended {
        return None;
    }
    let rest = head.strip_prefix(BOM).unwrap_or(head);
    Some([b"\n".as_slice(), rest].concat())
}

/// Turns the body into a guarded byte stream (see the module docs).
fn guard<S, B>(
    body: S,
    idle: Duration,
    pending: Arc<AtomicUsize>,
) -> impl Stream<Item = Result<Vec<u8>, ClientError>> + Send
where
    S: Stream<Item = Result<B, reqwest::Error>> + Send + Unpin,
    B: AsRef<[u8]> + Send,
{
    let state = Guard {
        inner: body,
        idle,
        carry: Vec::new(),
        pending,
        head: Some(Vec::new()),
        done: false,
    };
    futures::stream::unfold(state, |mut g| async move {
        loop {
            if g.done {
                return None;
            }
            let item = guard_next(&mut g).await;
            match item {
                // Bytes held back as a possible BOM: read on.
                Some(Ok(bytes)) if bytes.is_empty() => continue,
                Some(item) => return Some((item, g)),
                None => {
                    g.done = true;
                    let head = g.head.take()?;
                    return settle_head(&head, true).map(|bytes| (Ok(bytes), g));
                }
            }
        }
    })
}

/// The next piece of the guarded stream: checked bytes (empty while the
/// head is held back), an error that ends it, or `None` at its end.
async fn guard_next<S, B>(g: &mut Guard<S>) -> Option<Result<Vec<u8>, ClientError>>
where
    S: Stream<Item = Result<B, reqwest::Error>> + Send + Unpin,
    B: AsRef<[u8]> + Send,
{
    let next = match tokio::time::timeout(g.idle, g.inner.next()).await {
        Err(_) => {
            g.done = true;
            return Some(Err(ClientError::Network {
                message: format!(
                    "GET /v1/events: nothing arrived for {} s, not even a keep-alive; \
                     the connection is dead",
                    g.idle.as_secs()
                ),
            }));
        }
        Ok(next) => next,
    };
    match next {
        // The end is reported by the outer layer.
        None => None,
        Some(Err(e)) => {
            g.done = true;
            Some(Err(ClientError::from_reqwest("GET /v1/events", e)))
        }
        Some(Ok(chunk)) => {
            let bytes = chunk.as_ref();
            if let Err(message) = check_utf8(&mut g.carry, bytes) {
                g.done = true;
                return Some(Err(ClientError::Decode { message }));
            }
            let total = g.pending.fetch_add(bytes.len(), Ordering::Relaxed) + bytes.len();
            if total > MAX_EVENT_BYTES {
                g.done = true;
                return Some(Err(ClientError::Decode {
                    message: format!(
                        "GET /v1/events: more than {} MiB without a complete event",
                        MAX_EVENT_BYTES / (1024 * 1024)
                    ),
                }));
            }
            let Some(head) = g.head.as_mut() else {
                return Some(Ok(bytes.to_vec()));
            };
            head.extend_from_slice(bytes);
            match settle_head(head, false) {
                Some(out) => {
                    g.head = None;
                    Some(Ok(out))
                }
                None => Some(Ok(Vec::new())),
            }
        }
    }
}

/// Validates `chunk` as the continuation of a UTF-8 text whose unfinished
/// last sequence is in `carry`.
fn check_utf8(carry: &mut Vec<u8>, chunk: &[u8]) -> Result<(), String> {
    let joined;
    let bytes: &[u8] = if carry.is_empty() {
        chunk
    } else {
        joined = [carry.as_slice(), chunk].concat();
        &joined
    };
    match std::str::from_utf8(bytes) {
        Ok(_) => {
            carry.clear();
            Ok(())
        }
        Err(e) if e.error_len().is_none() => {
            *carry = bytes[e.valid_up_to()..].to_vec();
            Ok(())
        }
        Err(_) => Err("GET /v1/events: the event stream is not valid UTF-8".to_string()),
    }
}

struct Outer<S> {
    events: EventStream<S>,
    pending: Arc<AtomicUsize>,
    done: bool,
}

/// Parses the guarded body into events.
pub(crate) fn event_stream<S, B>(body: S, idle: Duration) -> EventItems
where
    S: Stream<Item = Result<B, reqwest::Error>> + Send + Unpin + 'static,
    B: AsRef<[u8]> + Send + 'static,
{
    let pending = Arc::new(AtomicUsize::new(0));
    let bytes = Box::pin(guard(body, idle, pending.clone()));
    let state = Outer {
        events: EventStream::new(bytes),
        pending,
        done: false,
    };
    let items = futures::stream::unfold(state, |mut st| async move {
        if st.done {
            return None;
        }
        loop {
            let item = match st.events.next().await {
                None => {
                    st.done = true;
                    Err(ClientError::Network {
                        message: "GET /v1/events: the server closed the event stream".to_string(),
                    })
                }
                Some(Err(EventStreamError::Transport(e))) => {
                    st.done = true;
                    Err(e)
                }
                Some(Err(EventStreamError::Utf8(_))) => {
                    st.done = true;
                    Err(ClientError::Decode {
                        message: "GET /v1/events: the event stream is not valid UTF-8".to_string(),
                    })
                }
                Some(Err(EventStreamError::Parser(e))) => {
                    st.done = true;
                    Err(ClientError::Decode {
                        message: format!(
                            "GET /v1/events: not a valid event stream: {}",
                            carry(&format!("{:?}", e.code))
                        ),
                    })
                }
                Some(Ok(event)) => {
                    st.pending.store(0, Ordering::Relaxed);
                    match decode_event(&event.event, &event.data) {
                        Some(item) => item,
                        None => continue,
                    }
                }
            };
            return Some((item, st));
        }
    });
    Box::pin(items)
}

/// Decodes one SSE event; None for event names we do not know.
fn decode_event(name: &str, data: &str) -> Option<Result<StreamEvent, ClientError>> {
    match name {
        EVENT_CHANGE => Some(
            serde_json::from_str::<ChangeNotice>(data)
                .map(StreamEvent::Change)
                .map_err(|e| ClientError::Decode {
                    message: format!(
                        "GET /v1/events: expected a change notice in a `change` event: {}",
                        carry(&e.to_string())
                    ),
                }),
        ),
        EVENT_STATS => Some(
            serde_json::from_str::<QueueStats>(data)
                .map(|s| StreamEvent::Stats(Box::new(s)))
                .map_err(|e| ClientError::Decode {
                    message: format!(
                        "GET /v1/events: expected queue statistics in a `stats` event: {}",
                        carry(&e.to_string())
                    ),
                }),
        ),
        sahaya_protocol::wire::EVENT_PRESENCE => Some(
            serde_json::from_str::<sahaya_protocol::wire::PresenceNotice>(data)
                .map(StreamEvent::Presence)
                .map_err(|e| ClientError::Decode {
                    message: format!(
                        "GET /v1/events: expected who is on a ticket in a `presence` event: {}",
                        carry(&e.to_string())
                    ),
                }),
        ),
        other => {
            tracing::debug!(event = %carry(other), "ignoring unknown SSE event");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_split_across_chunks_is_fine_and_garbage_is_not() {
        let text = "ಕನ್ನಡ".as_bytes();
        let mut carry = Vec::new();
        assert!(check_utf8(&mut carry, &text[..2]).is_ok());
        assert_eq!(carry.len(), 2);
        assert!(check_utf8(&mut carry, &text[2..]).is_ok());
        assert!(carry.is_empty());
        assert!(check_utf8(&mut carry, b"ok \xff\xfe more").is_err());
    }

    #[test]
    fn events_decode_or_are_ignored() {
        let ok = decode_event("change", r#"{"seq":4,"type":"ticket","id":"7"}"#);
        assert!(matches!(ok, Some(Ok(StreamEvent::Change(n))) if n.seq == 4 && n.id == "7"));
        assert!(matches!(
            decode_event("change", "{not json"),
            Some(Err(ClientError::Decode { .. }))
        ));
        assert!(decode_event("typing-indicator-v2", "{}").is_none());
        let presence = decode_event(
            "presence",
            r#"{"ticket_id":7,"viewers":[{"agent_id":2,"name":"Ravi","typing":true}]}"#,
        );
        assert!(
            matches!(presence, Some(Ok(StreamEvent::Presence(p))) if p.ticket_id == 7 && p.viewers.len() == 1)
        );
    }
}
