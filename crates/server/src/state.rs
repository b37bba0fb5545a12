//! Shared server state: the database behind a mutex (database work runs on
//! the blocking pool), the clock, the change broadcast, presence and the
//! latest queue statistics.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::http::StatusCode;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tokio::sync::{broadcast, watch};

use super::db::{Db, Writer};
use super::error::{ApiError, ApiResult};
use super::presence::Presence;
use super::{repo, stats};
use sahaya_protocol::Clock;
use sahaya_protocol::domain::{AgentId, Timestamp};
use sahaya_protocol::wire::{ChangeNotice, QueueStats};

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: Mutex<Db>,
    /// The database's newest sequence number (see [`Db::latest_handle`]).
    latest: Arc<AtomicI64>,
    /// Whether writes announce their own changes; on PostgreSQL they come
    /// back from the database for every server alike (`fanout`).
    announce_writes: bool,
    clock: Clock,
    changes: broadcast::Sender<ChangeNotice>,
    stats: watch::Sender<Arc<QueueStats>>,
    /// Set when the server stops, so open event streams end.
    stopping: watch::Sender<bool>,
    presence: Presence,
}

/// What an idempotent POST answered, first time or replayed.
pub struct Stored {
    pub status: StatusCode,
    pub body: serde_json::Value,
    pub replayed: bool,
}

impl AppState {
    pub fn new(db: Db, clock: Clock) -> AppState {
        let (changes, _) = broadcast::channel(4096);
        let (stats, _) = watch::channel(Arc::new(QueueStats::default()));
        let (stopping, _) = watch::channel(false);
        let latest = db.latest_handle();
        let announce_writes = db.conn.dialect() == crate::sql::Dialect::Sqlite;
        AppState {
            inner: Arc::new(Inner {
                db: Mutex::new(db),
                latest,
                announce_writes,
                presence: Presence::new(clock.clone()),
                clock,
                changes,
                stats,
                stopping,
            }),
        }
    }

    /// The time now, by the server's clock.
    pub fn now(&self) -> Timestamp {
        self.inner.clock.now()
    }

    /// The server's clock, for work that reads the time later (inside a
    /// write, once it holds the database).
    pub fn clock(&self) -> Clock {
        self.inner.clock.clone()
    }

    fn lock(&self) -> MutexGuard<'_, Db> {
        // A panic while holding the lock left no half-done transaction behind
        // (SQLite rolled it back), so the database is still usable.
        self.inner
            .db
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs a read on the blocking pool.
    pub async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Db) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || f(&state.lock()))
            .await
            .map_err(ApiError::internal)?
    }

    /// Runs a write transaction on the blocking pool and announces its changes.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Writer<'_>) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || state.write_blocking(f))
            .await
            .map_err(ApiError::internal)?
    }

    /// The same as [`AppState::write`], for code already off the async runtime.
    pub fn write_blocking<T>(
        &self,
        f: impl FnOnce(&mut Writer<'_>) -> ApiResult<T>,
    ) -> ApiResult<T> {
        let mut db = self.lock();
        let (value, notices) = db.write(f)?;
        // Sent while the lock is held, so notices go out in sequence order.
        if self.inner.announce_writes {
            for notice in notices {
                let _ = self.inner.changes.send(notice);
            }
        }
        Ok(value)
    }

    /// Runs `f` at most once per `(caller, key)`: a replay with the same
    /// request gets the first answer, another request under the same key 422.
    /// `f` is given the time by the server's clock once the write started.
    pub async fn idempotent<T: Serialize + 'static>(
        &self,
        caller: AgentId,
        key: String,
        request: String,
        status: StatusCode,
        f: impl FnOnce(&mut Writer<'_>, Timestamp) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<Stored> {
        let fingerprint = hex::encode(Sha256::digest(request.as_bytes()));
        let clock = self.clock();
        self.write(move |w| {
            let now = clock.now();
            if let Some(stored) = repo::idempotent_answer(&w.tx, caller, &key)? {
                if stored.fingerprint != fingerprint {
                    return Err(ApiError::unprocessable(
                        "idempotency_key_reused",
                        "this Idempotency-Key was already used for a different request; use a new key for a new request",
                    ));
                }
                return Ok(Stored {
                    status: StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK),
                    body: serde_json::from_str(&stored.response)?,
                    replayed: true,
                });
            }
            let value = f(w, now)?;
            let body = serde_json::to_value(&value)?;
            let answer = repo::StoredAnswer {
                fingerprint,
                status: status.as_u16(),
                response: body.to_string(),
            };
            repo::put_idempotent_answer(w, caller, &key, &answer, now)?;
            Ok(Stored {
                status,
                body,
                replayed: false,
            })
        })
        .await
    }

    /// Direct access to the database, for seeding and tests. Runs on a
    /// thread of its own: the PostgreSQL client blocks on a runtime of its
    /// own, which cannot start on one of the server's async threads.
    pub fn with_db<T: Send>(&self, f: impl FnOnce(&mut Db) -> T + Send) -> T {
        std::thread::scope(|s| {
            let job = s.spawn(|| f(&mut self.lock()));
            match job.join() {
                Ok(value) => value,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// Announces a change made by any server (PostgreSQL's notifications).
    pub fn announce(&self, notice: ChangeNotice) {
        self.inner.latest.fetch_max(notice.seq, Ordering::SeqCst);
        let _ = self.inner.changes.send(notice);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<ChangeNotice> {
        self.inner.changes.subscribe()
    }

    pub fn stats(&self) -> watch::Receiver<Arc<QueueStats>> {
        self.inner.stats.subscribe()
    }

    /// Ends every open event stream (the server is stopping).
    pub fn stop_streams(&self) {
        self.inner.stopping.send_replace(true);
    }

    pub fn presence(&self) -> &Presence {
        &self.inner.presence
    }

    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.inner.stopping.subscribe()
    }

    /// Recomputes the statistics as of now and publishes them.
    pub async fn refresh_stats(&self) {
        let clock = self.clock();
        match self
            .read(move |db| Ok(stats::compute(db, clock.now())?))
            .await
        {
            Ok(stats) => self.publish_stats(stats),
            Err(e) => tracing::warn!("statistics not refreshed: {}", e.message),
        }
    }

    /// Publishes the statistics, with agents whose console is reporting in
    /// shown online (the stored presence is what the others last set).
    fn publish_stats(&self, mut stats: QueueStats) {
        for a in &mut stats.agents {
            if self.inner.presence.is_connected(a.agent_id) {
                a.presence = sahaya_protocol::domain::Presence::Online;
            }
        }
        self.inner.stats.send_replace(Arc::new(stats));
    }

    pub fn latest_seq(&self) -> i64 {
        self.inner.latest.load(Ordering::SeqCst)
    }

    /// The outbound queue's newest cursor (0 when empty or unreadable).
    pub fn latest_outbound_seq(&self) -> i64 {
        self.with_db(|db| super::outbound::latest_seq(&db.conn).unwrap_or(0))
    }
}
