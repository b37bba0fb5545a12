//! Queue statistics for supervisors, pushed to SSE subscribers as they change.
//!
//! Served incrementally: [`Counters`] keeps the per status / priority /
//! channel / group / assignee counts and the waiting queue in memory, updated
//! from every ticket write (`repo::put_ticket` reports the row before and
//! after, the [`super::db::Db`] applies the deltas once the transaction
//! commits). A refresh then only asks SQLite for the figures that depend on
//! the clock, each an indexed range: SLA deadlines (`tickets_status_due`),
//! arrivals and first responses of today (`tickets_created`) and surveys of
//! the week (`surveys_created`). [`compute_full`] recomputes everything from a
//! full scan; tests check that both agree.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension};

use super::db::{Db, millis};
use super::queries;
use super::repo;
use super::state::AppState;
use sahaya_protocol::domain::{AgentId, Role, SurveyKind, Ticket, TicketId, Timestamp};
use sahaya_protocol::wire::{AgentLoad, OldestWaiting, QueueStats, SlaStats, SurveyFigures, ViewCounts};

const ACTIVE: &str = "status NOT IN ('solved', 'closed')";

/// At most this many refreshes per second, however busy the server is.
const MIN_GAP: Duration = Duration::from_millis(250);
/// Without changes, the clock-driven figures (SLA) are refreshed this often.
const TICK: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------
// Running counters
// ---------------------------------------------------------------------------

/// The columns of a ticket row the counters follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketFacts {
    pub status: String,
    pub priority: String,
    pub channel: String,
    pub group: String,
    pub assignee: Option<AgentId>,
    /// As stored: the last customer message while the ticket is active.
    pub waiting_since: Option<i64>,
}

impl TicketFacts {
    pub fn of(t: &Ticket) -> TicketFacts {
        TicketFacts {
            status: t.status.as_str().to_string(),
            priority: t.priority.as_str().to_string(),
            channel: t.channel.as_str().to_string(),
            group: t.group.clone(),
            assignee: t.assignee_id,
            waiting_since: if t.status.is_active() {
                t.last_customer_message_at.map(millis)
            } else {
                None
            },
        }
    }

    /// The row as stored now (a primary-key lookup), before a write replaces it.
    pub fn read(conn: &Connection, id: TicketId) -> rusqlite::Result<Option<TicketFacts>> {
        conn.prepare_cached(
            "SELECT status, priority, channel, grp, assignee_id, waiting_since
             FROM tickets WHERE id = ?1",
        )?
        .query_row([id], facts_from_row)
        .optional()
    }

    fn active(&self) -> bool {
        is_active(&self.status)
    }

    fn waiting(&self) -> bool {
        matches!(self.status.as_str(), "new" | "open") && self.waiting_since.is_some()
    }
}

fn facts_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TicketFacts> {
    Ok(TicketFacts {
        status: r.get(0)?,
        priority: r.get(1)?,
        channel: r.get(2)?,
        group: r.get(3)?,
        assignee: r.get(4)?,
        waiting_since: r.get(5)?,
    })
}

fn is_active(status: &str) -> bool {
    !matches!(status, "solved" | "closed")
}

/// One ticket write: the row before (None when new) and after.
#[derive(Debug, Clone)]
pub struct TicketDelta {
    pub id: TicketId,
    pub old: Option<TicketFacts>,
    pub new: TicketFacts,
}

/// Counts over the whole ticket table, kept up to date write by write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counters {
    total: i64,
    /// Every ticket, by status.
    by_status: HashMap<String, i64>,
    /// Active tickets only, from here on.
    by_priority: HashMap<String, i64>,
    by_channel: HashMap<String, i64>,
    by_group: HashMap<String, i64>,
    unassigned: i64,
    load: HashMap<AgentId, i64>,
    /// New or open tickets whose customer waits, oldest first.
    waiting: BTreeSet<(i64, TicketId)>,
}

fn bump<K: std::hash::Hash + Eq + Clone>(map: &mut HashMap<K, i64>, key: &K, by: i64) {
    if let Some(n) = map.get_mut(key) {
        *n += by;
        if *n == 0 {
            map.remove(key);
        }
    } else if by != 0 {
        map.insert(key.clone(), by);
    }
}

impl Counters {
    /// Counts the table once (opening the database); from then on
    /// [`Counters::apply`] keeps the counts current.
    pub fn scan(conn: &Connection) -> rusqlite::Result<Counters> {
        let mut counters = Counters::default();
        let mut stmt = conn.prepare(
            "SELECT status, priority, channel, grp, assignee_id, waiting_since, id FROM tickets",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let facts = facts_from_row(row)?;
            let id: TicketId = row.get(6)?;
            counters.add(id, &facts, 1);
        }
        Ok(counters)
    }

    fn add(&mut self, id: TicketId, f: &TicketFacts, by: i64) {
        self.total += by;
        bump(&mut self.by_status, &f.status, by);
        if f.active() {
            bump(&mut self.by_priority, &f.priority, by);
            bump(&mut self.by_channel, &f.channel, by);
            bump(&mut self.by_group, &f.group, by);
            match f.assignee {
                Some(a) => bump(&mut self.load, &a, by),
                None => self.unassigned += by,
            }
        }
        if f.waiting() {
            let entry = (f.waiting_since.unwrap_or_default(), id);
            if by > 0 {
                self.waiting.insert(entry);
            } else {
                self.waiting.remove(&entry);
            }
        }
    }

    /// Takes one committed ticket write into account.
    pub fn apply(&mut self, d: &TicketDelta) {
        if d.old.as_ref() == Some(&d.new) {
            return;
        }
        if let Some(old) = &d.old {
            self.add(d.id, old, -1);
        }
        self.add(d.id, &d.new, 1);
    }

    fn sorted<K: ToString>(map: &HashMap<K, i64>) -> BTreeMap<String, i64> {
        map.iter()
            .filter(|(_, n)| **n != 0)
            .map(|(k, n)| (k.to_string(), *n))
            .collect()
    }

    fn status(&self, s: &str) -> i64 {
        self.by_status.get(s).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------
// Computing a snapshot
// ---------------------------------------------------------------------------

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
    snapshot(&db.conn, &db.counters, db.latest_seq(), now)
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

// ---------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------

/// Keeps the published statistics fresh: the first change after a quiet
/// spell is published at once, a burst at most every [`MIN_GAP`], and the
/// clock-driven SLA figures every [`TICK`] without changes. Notices that the
/// published figures already include (the tail of a write whose first
/// notice woke this loop) cause no refresh.
pub async fn run(state: AppState) {
    use tokio::sync::broadcast::error::{RecvError, TryRecvError};
    let mut changes = state.subscribe();
    let published = state.stats();
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<Instant> = None;
    // The newest sequence number announced and not yet drained.
    let drain = |changes: &mut tokio::sync::broadcast::Receiver<_>, newest: &mut i64| loop {
        match changes.try_recv() {
            Ok(sahaya_protocol::wire::ChangeNotice { seq, .. }) => *newest = (*newest).max(seq),
            Err(TryRecvError::Lagged(_)) => *newest = i64::MAX,
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Closed) => return false,
        }
    };
    loop {
        tokio::select! {
            received = changes.recv() => {
                let mut newest = match received {
                    Ok(notice) => notice.seq,
                    Err(RecvError::Lagged(_)) => i64::MAX,
                    Err(RecvError::Closed) => return,
                };
                if !drain(&mut changes, &mut newest) {
                    return;
                }
                if newest <= published.borrow().seq {
                    continue;
                }
                let wait = last.map_or(Duration::ZERO, |l| {
                    (l + MIN_GAP).saturating_duration_since(Instant::now())
                });
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                    // Everything announced meanwhile is in this refresh.
                    if !drain(&mut changes, &mut newest) {
                        return;
                    }
                }
            }
            _ = tick.tick() => {}
        }
        last = Some(Instant::now());
        refresh(&state).await;
        tick.reset();
    }
}

pub async fn refresh(state: &AppState) {
    let result = state.read(|db| Ok(compute(db, chrono::Utc::now())?)).await;
    match result {
        Ok(stats) => state.publish_stats(stats),
        Err(e) => tracing::warn!("statistics not refreshed: {}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: &str, assignee: Option<AgentId>, waiting: Option<i64>) -> TicketFacts {
        TicketFacts {
            status: status.into(),
            priority: "high".into(),
            channel: "chat".into(),
            group: "payments".into(),
            assignee,
            waiting_since: waiting,
        }
    }

    #[test]
    fn deltas_move_counts_between_keys_and_drop_zeros() {
        let mut c = Counters::default();
        c.apply(&TicketDelta {
            id: 1,
            old: None,
            new: facts("new", None, Some(5)),
        });
        assert_eq!(c.unassigned, 1);
        assert_eq!(c.waiting.first(), Some(&(5, 1)));
        c.apply(&TicketDelta {
            id: 1,
            old: Some(facts("new", None, Some(5))),
            new: facts("open", Some(7), Some(5)),
        });
        assert_eq!((c.unassigned, c.load.get(&7).copied()), (0, Some(1)));
        c.apply(&TicketDelta {
            id: 1,
            old: Some(facts("open", Some(7), Some(5))),
            new: facts("solved", Some(7), None),
        });
        assert!(c.load.is_empty() && c.by_priority.is_empty() && c.waiting.is_empty());
        assert_eq!(Counters::sorted(&c.by_status).get("solved"), Some(&1));
        assert_eq!(Counters::sorted(&c.by_status).len(), 1);
        assert_eq!(c.total, 1);
    }
}
