//! Shared server state: the database behind a mutex (SQLite work runs on the
//! blocking pool), the change broadcast and the latest queue statistics.

use std::sync::{Arc, Mutex, MutexGuard};

use axum::http::StatusCode;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tokio::sync::{broadcast, watch};

use super::db::{Db, Writer};
use super::error::{ApiError, ApiResult};
use sahaya_protocol::domain::AgentId;
use sahaya_protocol::wire::{ChangeNotice, QueueStats};

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: Mutex<Db>,
    changes: broadcast::Sender<ChangeNotice>,
    stats: watch::Sender<Arc<QueueStats>>,
    /// Set when the server stops, so open event streams end.
    stopping: watch::Sender<bool>,
    presence: super::presence::Presence,
}

/// What an idempotent POST answered, first time or replayed.
pub struct Stored {
    pub status: StatusCode,
    pub body: serde_json::Value,
    pub replayed: bool,
}

impl AppState {
    pub fn new(db: Db) -> AppState {
        let (changes, _) = broadcast::channel(4096);
        let (stats, _) = watch::channel(Arc::new(QueueStats::default()));
        let (stopping, _) = watch::channel(false);
        AppState {
            inner: Arc::new(Inner {
                db: Mutex::new(db),
                changes,
                stats,
                stopping,
                presence: Default::default(),
            }),
        }
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
        for notice in notices {
            let _ = self.inner.changes.send(notice);
        }
        Ok(value)
    }

    /// Runs `f` at most once per `(caller, key)`: a replay with the same
    /// request gets the first answer, another request under the same key 422.
    pub async fn idempotent<T: Serialize + 'static>(
        &self,
        caller: AgentId,
        key: String,
        request: String,
        status: StatusCode,
        f: impl FnOnce(&mut Writer<'_>) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<Stored> {
        let fingerprint = hex::encode(Sha256::digest(request.as_bytes()));
        self.write(move |w| {
            let existing: Option<(String, u16, String)> = w
                .tx
                .query_row(
                    "SELECT fingerprint, status, response FROM idempotency
                     WHERE agent_id = ?1 AND key = ?2",
                    rusqlite::params![caller, key],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    other => Err(other),
                })?;
            if let Some((stored_fingerprint, stored_status, response)) = existing {
                if stored_fingerprint != fingerprint {
                    return Err(ApiError::unprocessable(
                        "idempotency_key_reused",
                        "this Idempotency-Key was already used for a different request; use a new key for a new request",
                    ));
                }
                return Ok(Stored {
                    status: StatusCode::from_u16(stored_status).unwrap_or(StatusCode::OK),
                    body: serde_json::from_str(&response)?,
                    replayed: true,
                });
            }
            let value = f(w)?;
            let body = serde_json::to_value(&value)?;
            w.tx.execute(
                "INSERT INTO idempotency (agent_id, key, fingerprint, status, response, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    caller,
                    key,
                    fingerprint,
                    status.as_u16(),
                    body.to_string(),
                    chrono::Utc::now().timestamp_millis()
                ],
            )?;
            Ok(Stored { status, body, replayed: false })
        })
        .await
    }

    /// Direct access to the database, for seeding and tests.
    pub fn with_db<T>(&self, f: impl FnOnce(&mut Db) -> T) -> T {
        f(&mut self.lock())
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

    pub fn presence(&self) -> &super::presence::Presence {
        &self.inner.presence
    }

    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.inner.stopping.subscribe()
    }

    /// Publishes the statistics, with agents whose console is reporting in
    /// shown online (the stored presence is what the others last set).
    pub fn publish_stats(&self, mut stats: QueueStats) {
        for a in &mut stats.agents {
            if self.inner.presence.is_connected(a.agent_id) {
                a.presence = sahaya_protocol::domain::Presence::Online;
            }
        }
        self.inner.stats.send_replace(Arc::new(stats));
    }

    pub fn latest_seq(&self) -> i64 {
        self.lock().latest_seq()
    }
}
