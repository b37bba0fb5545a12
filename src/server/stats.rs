//! Queue statistics for supervisors, recomputed after changes (debounced) and
//! pushed to SSE subscribers.

use std::collections::BTreeMap;
use std::time::Duration;

use rusqlite::Connection;

use super::db::millis;
use super::queries;
use super::repo;
use super::state::AppState;
use crate::domain::{Role, SurveyKind, Timestamp};
use crate::protocol::{AgentLoad, OldestWaiting, QueueStats, SlaStats, SurveyFigures, ViewCounts};

const ACTIVE: &str = "status NOT IN ('solved', 'closed')";

fn grouped(
    conn: &Connection,
    column: &str,
    only_active: bool,
) -> rusqlite::Result<BTreeMap<String, i64>> {
    let filter = if only_active { ACTIVE } else { "1 = 1" };
    let sql = format!("SELECT {column}, COUNT(*) FROM tickets WHERE {filter} GROUP BY {column}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    rows.collect()
}

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> rusqlite::Result<i64> {
    conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))
}

fn survey(
    conn: &Connection,
    kind: SurveyKind,
    since: Timestamp,
) -> rusqlite::Result<(Option<f64>, i64)> {
    let mut stmt =
        conn.prepare_cached("SELECT score FROM surveys WHERE kind = ?1 AND created_at >= ?2")?;
    let scores: Vec<i64> = stmt
        .query_map(rusqlite::params![kind.as_str(), millis(since)], |r| {
            r.get(0)
        })?
        .collect::<Result<_, _>>()?;
    let n = scores.len() as i64;
    if n == 0 {
        return Ok((None, 0));
    }
    let score = match kind {
        SurveyKind::Csat => 100.0 * scores.iter().filter(|s| **s >= 4).count() as f64 / n as f64,
        SurveyKind::Nps => {
            let promoters = scores.iter().filter(|s| **s >= 9).count() as f64;
            let detractors = scores.iter().filter(|s| **s <= 6).count() as f64;
            100.0 * (promoters - detractors) / n as f64
        }
    };
    Ok((Some((score * 10.0).round() / 10.0), n))
}

fn figures(
    conn: &Connection,
    kind: SurveyKind,
    today: Timestamp,
    week: Timestamp,
) -> rusqlite::Result<SurveyFigures> {
    let (today_score, today_responses) = survey(conn, kind, today)?;
    let (week_score, week_responses) = survey(conn, kind, week)?;
    Ok(SurveyFigures {
        today_score,
        today_responses,
        week_score,
        week_responses,
    })
}

/// Computes the whole statistics snapshot from the database.
pub fn compute(conn: &Connection, seq: i64, now: Timestamp) -> rusqlite::Result<QueueStats> {
    let all = queries::counts(conn, 0, now)?;
    let views = ViewCounts { mine: 0, ..all };
    let at = |m: i64| millis(now + chrono::Duration::minutes(m));
    let sla = SlaStats {
        breached: count(
            conn,
            "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open') AND next_due < ?1",
            [at(0)],
        )?,
        due_15min: count(
            conn,
            "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open') AND next_due >= ?1 AND next_due <= ?2",
            [at(0), at(15)],
        )?,
        due_60min: count(
            conn,
            "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open') AND next_due >= ?1 AND next_due <= ?2",
            [at(0), at(60)],
        )?,
    };
    let oldest_waiting = conn
        .prepare_cached(
            "SELECT id, waiting_since FROM tickets WHERE waiting_since IS NOT NULL
             AND status IN ('new', 'open') ORDER BY waiting_since ASC LIMIT 1",
        )?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
        .next()
        .transpose()?
        .and_then(|(id, ms)| {
            chrono::DateTime::from_timestamp_millis(ms).map(|since| OldestWaiting {
                ticket_id: id,
                since,
            })
        });
    let today = now
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or(now);
    let mut stmt = conn.prepare_cached(
        "SELECT first_responded_at - created_at FROM tickets
         WHERE created_at >= ?1 AND first_responded_at IS NOT NULL",
    )?;
    let mut waits: Vec<i64> = stmt
        .query_map([millis(today)], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    waits.sort_unstable();
    let median_first_response_secs_today =
        (!waits.is_empty()).then(|| waits[waits.len() / 2] / 1000);

    let mut load: BTreeMap<i64, i64> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT assignee_id, COUNT(*) FROM tickets WHERE assignee_id IS NOT NULL AND {ACTIVE} GROUP BY assignee_id"
    ))?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, n) = row?;
        load.insert(id, n);
    }
    let agents = repo::agents(conn)?
        .into_iter()
        .filter(|a| a.role != Role::Integration)
        .map(|a| AgentLoad {
            agent_id: a.id,
            open_tickets: load.get(&a.id).copied().unwrap_or(0),
            name: a.name,
            presence: a.presence,
        })
        .collect();

    let buckets = 36;
    let start = now - chrono::Duration::minutes(10 * buckets);
    let mut arrivals = vec![0i64; buckets as usize];
    let mut stmt = conn.prepare_cached("SELECT created_at FROM tickets WHERE created_at >= ?1")?;
    for row in stmt.query_map([millis(start)], |r| r.get::<_, i64>(0))? {
        let offset = (row? - millis(start)) / (10 * 60 * 1000);
        if let Some(slot) = usize::try_from(offset)
            .ok()
            .and_then(|i| arrivals.get_mut(i))
        {
            *slot += 1;
        }
    }
    let week = now - chrono::Duration::days(7);
    Ok(QueueStats {
        seq,
        computed_at: Some(now),
        views,
        by_status: grouped(conn, "status", false)?,
        by_priority: grouped(conn, "priority", true)?,
        by_channel: grouped(conn, "channel", true)?,
        by_group: grouped(conn, "grp", true)?,
        sla,
        oldest_waiting,
        median_first_response_secs_today,
        agents,
        arrivals_per_10min: arrivals,
        csat: figures(conn, SurveyKind::Csat, today, week)?,
        nps: figures(conn, SurveyKind::Nps, today, week)?,
    })
}

/// Keeps the published statistics fresh: after a burst of changes (at most
/// every 250 ms) and every 30 s for the clock-driven SLA figures.
pub async fn run(state: AppState) {
    let mut changes = state.subscribe();
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tokio::select! {
            received = changes.recv() => {
                if let Err(tokio::sync::broadcast::error::RecvError::Closed) = received {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
                while changes.try_recv().is_ok() {}
            }
            _ = tick.tick() => {}
        }
        refresh(&state).await;
    }
}

pub async fn refresh(state: &AppState) {
    let result = state
        .read(|db| Ok(compute(&db.conn, db.latest_seq(), chrono::Utc::now())?))
        .await;
    match result {
        Ok(stats) => state.publish_stats(stats),
        Err(e) => tracing::warn!("statistics not refreshed: {}", e.message),
    }
}
