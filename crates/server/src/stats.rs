//! Queue statistics for supervisors: the figures that depend on the clock
//! come from the database, each an indexed range — SLA deadlines
//! (`tickets_status_due`), arrivals and first responses of today
//! (`tickets_created`), surveys of the week (`surveys_created`) — and
//! everything else from the running [`Counters`] the database keeps.
//! [`compute_full`] recomputes everything from a full scan; tests check that
//! both agree. Publishing them is `background`'s job.

use std::collections::{BTreeMap, HashMap};

use super::sql::{self, Arg, Conn, args};

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

fn count(conn: &Conn, sql: &str, p: &[Arg<'_>]) -> sql::Result<i64> {
    conn.value(sql, p)
}

fn start_of_day(now: Timestamp) -> Timestamp {
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or(now)
}

/// Breached (deadline passed) and due within 15 / 60 minutes: new and open
/// tickets, three range counts over `tickets_status_due`.
fn sla(conn: &Conn, now: Timestamp) -> sql::Result<SlaStats> {
    let at = |m: i64| millis(now + chrono::Duration::minutes(m));
    let between = "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open')
                   AND next_due >= ?1 AND next_due <= ?2";
    Ok(SlaStats {
        breached: count(
            conn,
            "SELECT COUNT(*) FROM tickets WHERE status IN ('new','open') AND next_due < ?1",
            args![at(0)],
        )?,
        due_15min: count(conn, between, args![at(0), at(15)])?,
        due_60min: count(conn, between, args![at(0), at(60)])?,
    })
}

/// Median seconds to the first reply of the tickets created today.
fn median_first_response(conn: &Conn, now: Timestamp) -> sql::Result<Option<i64>> {
    let mut waits: Vec<i64> = conn.query_map(
        "SELECT first_responded_at - created_at FROM tickets
         WHERE created_at >= ?1 AND first_responded_at IS NOT NULL",
        args![millis(start_of_day(now))],
        |r| r.get(0),
    )?;
    waits.sort_unstable();
    Ok((!waits.is_empty()).then(|| waits[waits.len() / 2] / 1000))
}

/// Tickets created per 10 minutes over the last six hours, oldest first.
fn arrivals(conn: &Conn, now: Timestamp) -> sql::Result<Vec<i64>> {
    let buckets = 36;
    let start = now - chrono::Duration::minutes(10 * buckets);
    let mut arrivals = vec![0i64; buckets as usize];
    let created: Vec<i64> = conn.query_map(
        "SELECT created_at FROM tickets WHERE created_at >= ?1",
        args![millis(start)],
        |r| r.get(0),
    )?;
    for at in created {
        let offset = (at - millis(start)) / (10 * 60 * 1000);
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
fn surveys(conn: &Conn, now: Timestamp) -> sql::Result<(SurveyFigures, SurveyFigures)> {
    let today = millis(start_of_day(now));
    let week = millis(now - chrono::Duration::days(7));
    let mut scores: HashMap<(SurveyKind, bool), Vec<i64>> = HashMap::new();
    let rows = conn.query_map(
        "SELECT kind, score, created_at FROM surveys WHERE created_at >= ?1",
        args![week.min(today)],
        |r| Ok((r.get::<String>(0)?, r.get::<i64>(1)?, r.get::<i64>(2)?)),
    )?;
    for (kind, s, at) in rows {
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

fn agent_loads(conn: &Conn, load: &HashMap<AgentId, i64>) -> sql::Result<Vec<AgentLoad>> {
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
fn snapshot(conn: &Conn, c: &Counters, seq: i64, now: Timestamp) -> sql::Result<QueueStats> {
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
pub fn compute(db: &Db, now: Timestamp) -> sql::Result<QueueStats> {
    let counters = db.counters()?;
    snapshot(&db.conn, &counters, db.latest_seq(), now)
}

/// The statistics from scratch: full scans of the ticket table (the way to
/// check [`compute`]; too slow to run per change on a big database).
pub fn compute_full(conn: &Conn, seq: i64, now: Timestamp) -> sql::Result<QueueStats> {
    let grouped = |column: &str, only_active: bool| -> sql::Result<BTreeMap<String, i64>> {
        let filter = if only_active { ACTIVE } else { "1 = 1" };
        let sql =
            format!("SELECT {column}, COUNT(*) FROM tickets WHERE {filter} GROUP BY {column}");
        conn.query_map(&sql, &[], |r| Ok((r.get::<String>(0)?, r.get::<i64>(1)?)))
            .map(|rows| rows.into_iter().collect())
    };
    let all = queries::counts(conn, 0, now)?;
    let views = ViewCounts { mine: 0, ..all };
    let oldest_waiting = conn.query_opt(
        "SELECT waiting_since, id FROM tickets WHERE waiting_since IS NOT NULL
         AND status IN ('new', 'open') ORDER BY waiting_since ASC, id ASC LIMIT 1",
        &[],
        |r| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?)),
    )?;
    let mut load: HashMap<AgentId, i64> = HashMap::new();
    let rows = conn.query_map(
        &format!(
            "SELECT assignee_id, COUNT(*) FROM tickets WHERE assignee_id IS NOT NULL AND {ACTIVE} GROUP BY assignee_id"
        ),
        &[],
        |r| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?)),
    )?;
    load.extend(rows);
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
