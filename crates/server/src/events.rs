//! The change feed (`GET /v1/changes`) and the live stream (`GET /v1/events`).

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::Stream;
use serde::Deserialize;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;

use super::auth::Caller;
use super::db::Db;
use super::error::{ApiError, ApiResult};
use super::extract;
use super::repo;
use super::sql::{self, args};
use super::state::AppState;
use sahaya_protocol::domain::Role;
use sahaya_protocol::wire::{
    Change, ChangeNotice, ChangesPage, EVENT_CHANGE, EVENT_STATS, EntityKind,
};

/// One page of the change feed after `since`.
pub fn changes_page(db: &Db, since: i64, limit: i64) -> sql::Result<ChangesPage> {
    let latest = db.committed_seq()?;
    let notices = notices_after(db, since, limit + 1)?;
    let has_more = notices.len() as i64 > limit;
    let mut changes = Vec::with_capacity(notices.len());
    let mut next = since;
    for notice in notices.into_iter().take(limit as usize) {
        next = notice.seq;
        if let Some(entity) = repo::entity(&db.conn, notice.kind, &notice.id)? {
            changes.push(Change {
                seq: notice.seq,
                entity,
            });
        }
    }
    if !has_more {
        next = next.max(latest);
    }
    Ok(ChangesPage {
        changes,
        next,
        has_more,
        latest,
    })
}

/// The change log after `since`, oldest first.
pub fn notices_after(db: &Db, since: i64, limit: i64) -> sql::Result<Vec<ChangeNotice>> {
    let rows = db.conn.query_map(
        "SELECT seq, kind, entity_id FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        args![since, limit],
        |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?, r.get::<String>(2)?)),
    )?;
    let mut out = Vec::new();
    for (seq, kind, id) in rows {
        if let Some(kind) = EntityKind::parse(&kind) {
            out.push(ChangeNotice { seq, kind, id });
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
struct EventsQuery {
    since: Option<i64>,
}

fn change_event(notice: &ChangeNotice) -> Event {
    Event::default()
        .id(notice.seq.to_string())
        .event(EVENT_CHANGE)
        .json_data(notice)
        .unwrap_or_else(|_| Event::default().comment("unserializable change"))
}

/// `GET /v1/events`: change notices (event `change`, id = sequence number)
/// and, for supervisors, queue statistics (event `stats`, no id). Resumes
/// after `Last-Event-ID` (or `?since=`); without either starts from now.
pub async fn stream(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let agent = caller.0;
    if agent.role == Role::Integration {
        return Err(ApiError::forbidden(
            "the integration account has no event stream",
        ));
    }
    let q: EventsQuery = extract::query(&uri)?;
    let resume = match headers.get("last-event-id") {
        Some(v) => Some(
            v.to_str()
                .ok()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "bad_last_event_id",
                        "Last-Event-ID must be a sequence number",
                    )
                })?,
        ),
        None => q.since,
    };
    // Subscribe before reading the backlog so nothing falls between the two.
    let live = state.subscribe();
    let cursor = resume.unwrap_or_else(|| state.latest_seq());
    let (tx, rx) = mpsc::channel::<Result<Event, Infallible>>(256);
    let with_stats = agent.role == Role::Supervisor;
    tokio::spawn(pump(state, live, cursor, with_stats, tx));
    Ok(Sse::new(ReceiverStream::new(rx))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// Feeds one SSE client until it goes away.
async fn pump(
    state: AppState,
    mut live: broadcast::Receiver<ChangeNotice>,
    mut cursor: i64,
    with_stats: bool,
    tx: mpsc::Sender<Result<Event, Infallible>>,
) {
    let mut stats = state.stats();
    let mut presence = state.presence().subscribe();
    let mut stopping = state.stopping();
    if *stopping.borrow_and_update() {
        return;
    }
    if with_stats {
        let current = stats.borrow_and_update().clone();
        if current.computed_at.is_none() {
            state.refresh_stats().await;
        }
        let current = stats.borrow_and_update().clone();
        if send_stats(&tx, &current).await.is_err() {
            return;
        }
    }
    // Backlog first, from the change log.
    if catch_up(&state, &mut cursor, &tx).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            received = live.recv() => match received {
                Ok(notice) => {
                    if notice.seq <= cursor {
                        continue;
                    }
                    cursor = notice.seq;
                    if tx.send(Ok(change_event(&notice))).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    if catch_up(&state, &mut cursor, &tx).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Closed) => return,
            },
            changed = stats.changed(), if with_stats => {
                if changed.is_err() {
                    return;
                }
                let current = stats.borrow_and_update().clone();
                if send_stats(&tx, &current).await.is_err() {
                    return;
                }
            }
            notice = presence.recv() => {
                if let Ok(notice) = notice {
                    let event = Event::default()
                        .event(sahaya_protocol::wire::EVENT_PRESENCE)
                        .json_data(&notice)
                        .unwrap_or_else(|_| Event::default().comment("unserializable presence"));
                    if tx.send(Ok(event)).await.is_err() {
                        return;
                    }
                }
            }
            _ = tx.closed() => return,
            _ = stopping.changed() => return,
        }
    }
}

async fn send_stats(
    tx: &mpsc::Sender<Result<Event, Infallible>>,
    stats: &sahaya_protocol::wire::QueueStats,
) -> Result<(), ()> {
    let event = Event::default()
        .event(EVENT_STATS)
        .json_data(stats)
        .unwrap_or_else(|_| Event::default().comment("unserializable stats"));
    tx.send(Ok(event)).await.map_err(|_| ())
}

/// Sends every change after `cursor` from the database, page by page.
async fn catch_up(
    state: &AppState,
    cursor: &mut i64,
    tx: &mpsc::Sender<Result<Event, Infallible>>,
) -> Result<(), ()> {
    loop {
        let since = *cursor;
        let page = state
            .read(move |db| Ok(notices_after(db, since, 1000)?))
            .await
            .map_err(|_| ())?;
        if page.is_empty() {
            return Ok(());
        }
        for notice in &page {
            *cursor = notice.seq;
            tx.send(Ok(change_event(notice))).await.map_err(|_| ())?;
        }
    }
}
