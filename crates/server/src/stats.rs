//! Queue statistics for supervisors: the figures that depend on the clock
//! come from SQLite, each an indexed range — SLA deadlines
//! (`tickets_status_due`), arrivals and first responses of today
//! (`tickets_created`), surveys of the week (`surveys_created`) — and
//! everything else from the running [`Counters`] the database keeps.
//! [`compute_full`] recomputes everything from a full scan; tests check that
//! both agree. Publishing them is `background`'s job.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, OptionalExtension};

use super::codec::millis;
use super::counters::Counters;
use super::db::Db;
use super::queries;
use super::repo;
use sahaya_protocol::domain::{AgentId, Role, SurveyKind, TicketId, Timestamp};
use sahaya_protocol::wire::{
    AgentLoad, OldestWaiting, QueueStats, SlaStats, SurveyFigures, ViewCounts,
};

const ACTIVE: &str = "status NOT IN ('solved', 'closed')";

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> rusqlite::Result<i64> {
    conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))
}

fn start_of_day(now: Timestamp) -> Timestamp {
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or(now)
}

/// Breached (deadline passed) and due within 15 / 60 minutes: new and open
/// tickets, three range counts over `tickets_status_due`.
fn sla(conn: &Connection, now: Timestamp) -> rusqlite::Result<SlaStats> {
    let at = |m: i64| millis(now + chrono::Duration::minutes(m));
    let between = "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open')
                   AND next_due >= ?1 AND next_due <= ?2";
    Ok(SlaStats {
        breached: count(
            conn,
            "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open') AND next_due < ?1",
            [at(0)],
        )?,
        due_15min: count(conn, between, [at(0), at(15)])?,
        due_60min: count(conn, between, [at(0), at(60)])?,
    })
}

/// Median seconds to the first reply of the tickets created today.
fn median_first_response(conn: &Connection, now: Timestamp) -> rusqlite::Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT first_responded_at - created_at FROM tickets
         WHERE created_at >= ?1 AND first_responded_at IS NOT NULL",
    )?;
    let mut waits: Vec<i64> = stmt
        .query_map([millis(start_of_day(now))], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    waits.sort_unstable();
    Ok((!waits.is_empty()).then(|| waits[waits.len() / 2] / 1000))
}

/// Tickets created per 10 minutes over the last six hours, oldest first.
fn arrivals(conn: &Connection, now: Timestamp) -> rusqlite::Result<Vec<i64>> {
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
    Ok(arrivals)
}

fn score(kind: SurveyKind, scores: &[i64]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let n = scores.len() as f64;
    let score = match kind {
        SurveyKind::Csat => 100.0 * scores.iter().filter(|s| **s >= 4).count() as f64 / n,
        SurveyKind::Nps => {
            let promoters = scores.iter().filter(|s| **s >= 9).count() as f64;
            let detractors = scores.iter().filter(|s| **s <= 6).count() as f64;
            100.0 * (promoters - detractors) / n
        }
    };
    Some((score * 10.0).round() / 10.0)
}

/// CSAT and NPS of today and of the last seven days: one range over
/// `surveys_created`.
fn surveys(conn: &Connection, now: Timestamp) -> rusqlite::Result<(SurveyFigures, SurveyFigures)> {
    let today = millis(start_of_day(now));
    let week = millis(now - chrono::Duration::days(7));
    let mut stmt =
        conn.prepare_cached("SELECT kind, score, created_at FROM surveys WHERE created_at >= ?1")?;
    let mut scores: HashMap<(SurveyKind, bool), Vec<i64>> = HashMap::new();
    let rows = stmt.query_map([week.min(today)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (kind, s, at) = row?;
        let Ok(kind) = kind.parse::<SurveyKind>() else {
            continue;
        };
        if at >= today {
            scores.entry((kind, true)).or_default().push(s);
        }
        if at >= week {
            scores.entry((kind, false)).or_default().push(s);
        }
    }
    let figures = |kind| {
        let today = scores.get(&(kind, true)).map_or(&[][..], |v| v);
        let week = scores.get(&(kind, false)).map_or(&[][..], |v| v);
        SurveyFigures {
            today_score: score(kind, today),
            today_responses: today.len() as i64,
            week_score: score(kind, week),
            week_responses: week.len() as i64,
        }
    };
    Ok((figures(SurveyKind::Csat), figures(SurveyKind::Nps)))
}

fn agent_loads(
    conn: &Connection,
    load: &HashMap<AgentId, i64>,
) -> rusqlite::Result<Vec<AgentLoad>> {
    Ok(repo::agents(conn)?
        .into_iter()
        .filter(|a| a.role != Role::Integration)
        .map(|a| AgentLoad {
            agent_id: a.id,
            open_tickets: load.get(&a.id).copied().unwrap_or(0),
            name: a.name,
            presence: a.presence,
        })
        .collect())
}

fn oldest(entry: Option<(i64, TicketId)>) -> Option<OldestWaiting> {
    let (ms, id) = entry?;
    chrono::DateTime::from_timestamp_millis(ms).map(|since| OldestWaiting {
        ticket_id: id,
        since,
    })
}

/// The figures that depend on the clock, plus everything else from `counters`.
fn snapshot(
    conn: &Connection,
    c: &Counters,
    seq: i64,
    now: Timestamp,
) -> rusqlite::Result<QueueStats> {
    let sla = sla(conn, now)?;
    let views = ViewCounts {
        mine: 0,
        unassigned: c.unassigned,
        open: c.status("new") + c.status("open"),
        pending: c.status("pending") + c.status("on-hold"),
        solved: c.status("solved") + c.status("closed"),
        sla_due: sla.breached + sla.due_60min,
        all: c.total,
    };
    let (csat, nps) = surveys(conn, now)?;
    Ok(QueueStats {
        seq,
        computed_at: Some(now),
        views,
        by_status: Counters::sorted(&c.by_status),
        by_priority: Counters::sorted(&c.by_priority),
        by_channel: Counters::sorted(&c.by_channel),
        by_group: Counters::sorted(&c.by_group),
        sla,
        oldest_waiting: oldest(c.waiting.first().copied()),
        median_first_response_secs_today: median_first_response(conn, now)?,
        agents: agent_loads(conn, &c.load)?,
        arrivals_per_10min: arrivals(conn, now)?,
        csat,
        nps,
    })
}

/// The statistics from the running counters: what the server publishes.
pub fn compute(db: &Db, now: Timestamp) -> rusqlite::Result<QueueStats> {
    snapshot(&db.conn, db.counters(), db.latest_seq(), now)
}

/// The statistics from scratch: full scans of the ticket table (the way to
/// check [`compute`]; too slow to run per change on a big database).
pub fn compute_full(conn: &Connection, seq: i64, now: Timestamp) -> rusqlite::Result<QueueStats> {
    let grouped = |column: &str, only_active: bool| -> rusqlite::Result<BTreeMap<String, i64>> {
        let filter = if only_active { ACTIVE } else { "1 = 1" };
        let sql =
            format!("SELECT {column}, COUNT(*) FROM tickets WHERE {filter} GROUP BY {column}");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        rows.collect()
    };
    let all = queries::counts(conn, 0, now)?;
    let views = ViewCounts { mine: 0, ..all };
    let oldest_waiting = conn
        .prepare_cached(
            "SELECT waiting_since, id FROM tickets WHERE waiting_since IS NOT NULL
             AND status IN ('new', 'open') ORDER BY waiting_since ASC, id ASC LIMIT 1",
        )?
        .query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .optional()?;
    let mut load: HashMap<AgentId, i64> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT assignee_id, COUNT(*) FROM tickets WHERE assignee_id IS NOT NULL AND {ACTIVE} GROUP BY assignee_id"
    ))?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, n) = row?;
        load.insert(id, n);
    }
    let (csat, nps) = surveys(conn, now)?;
    Ok(QueueStats {
        seq,
        computed_at: Some(now),
        views,
        by_status: grouped("status", false)?,
        by_priority: grouped("priority", true)?,
        by_channel: grouped("channel", true)?,
        by_group: grouped("grp", true)?,
        sla: sla(conn, now)?,
        oldest_waiting: oldest(oldest_waiting),
        median_first_response_secs_today: median_first_response(conn, now)?,
        agents: agent_loads(conn, &load)?,
        arrivals_per_10min: arrivals(conn, now)?,
        csat,
        nps,
    })
}
