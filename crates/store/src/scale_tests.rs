//! The counts the writers keep equal a full recount, and keyset paging
//! returns the rows `OFFSET` paging returned, ties included.

use chrono::Duration;
use proptest::prelude::*;
use rusqlite::types::Value;

use super::read::{condition, horizon};
use super::tests::{changes_of, synthetic_ticket, t0};
use super::*;
use sahaya_protocol::domain::{AgentId, Status, Ticket, Timestamp};
use sahaya_protocol::wire::{Change, Entity, TicketPatch, View};

/// `COUNT(*)` of `view` over the rows, as the store counted before.
fn recount(store: &Store, view: View, me: AgentId, now: Timestamp) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM tickets WHERE {}", condition(view));
    let mut stmt = store.conn.prepare(&sql).unwrap();
    for (name, value) in [(":me", me), (":horizon", horizon(now))] {
        if let Some(i) = stmt.parameter_index(name).unwrap() {
            stmt.raw_bind_parameter(i, value).unwrap();
        }
    }
    let mut rows = stmt.raw_query();
    rows.next().unwrap().unwrap().get(0).unwrap()
}

/// Rows `offset .. offset + limit` of `view` by `LIMIT … OFFSET`, in the
/// server's order (the store's reads before keyset paging).
fn offset_page(
    store: &Store,
    view: View,
    me: AgentId,
    now: Timestamp,
    offset: i64,
    limit: i64,
) -> Vec<i64> {
    let order = match view {
        View::Solved | View::All => "updated_at DESC, id DESC",
        _ => "next_due ASC, id ASC",
    };
    let sql = format!(
        "SELECT id FROM tickets WHERE {} ORDER BY {order} LIMIT :limit OFFSET :offset",
        condition(view)
    );
    let mut stmt = store.conn.prepare(&sql).unwrap();
    for (name, value) in [
        (":me", me),
        (":horizon", horizon(now)),
        (":limit", limit),
        (":offset", offset),
    ] {
        if let Some(i) = stmt.parameter_index(name).unwrap() {
            stmt.raw_bind_parameter(i, Value::Integer(value)).unwrap();
        }
    }
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        out.push(row.get(0).unwrap());
    }
    out
}

fn ids(
    store: &Store,
    view: View,
    me: AgentId,
    now: Timestamp,
    offset: i64,
    limit: i64,
) -> Vec<i64> {
    store
        .ticket_rows(view, me, now, offset, limit)
        .unwrap()
        .iter()
        .map(|r| r.ticket.id)
        .collect()
}

fn assert_counts_recounted(store: &Store, now: Timestamp) -> Result<(), TestCaseError> {
    for me in [1, 2, 3] {
        let counts = store.view_counts(me, now).unwrap();
        for view in View::ALL {
            prop_assert_eq!(
                counts.get(view),
                recount(store, view, me, now),
                "{:?} for agent {} at {}",
                view,
                me,
                now
            );
        }
    }
    Ok(())
}

/// Saved views of a ticket's own fields (their counts are kept across
/// changes).
const SAVED: &[&str] = &[
    "status:open",
    "status:pending assignee:me",
    "-status:solved assignee:none",
    "priority:urgent -assignee:1",
    "group:support channel:email",
];

/// One step of a random history of the cache.
#[derive(Debug, Clone)]
enum Step {
    /// The feed brings ticket `id` (a newer or an older version).
    Feed {
        id: i64,
        status: usize,
        assignee: Option<AgentId>,
        due_minutes: i64,
        version: i64,
    },
    /// The agent changes a ticket (status and/or assignee), queued.
    Patch {
        id: i64,
        status: Option<usize>,
        assignee: Option<Option<AgentId>>,
    },
    /// The server refuses the oldest queued change: it is reverted.
    Reject,
    /// The clock moves (the SLA horizon with it).
    Clock(i64),
    /// The server was reset: the cache is emptied.
    Reset,
}

const STATUSES: [Status; 6] = [
    Status::New,
    Status::Open,
    Status::Pending,
    Status::OnHold,
    Status::Solved,
    Status::Closed,
];

fn step() -> impl Strategy<Value = Step> {
    let assignee = prop_oneof![Just(None), (1i64..=3).prop_map(Some)];
    prop_oneof![
        6 => (1i64..=25, 0usize..6, assignee.clone(), -180i64..180, 1i64..6).prop_map(
            |(id, status, assignee, due, version)| Step::Feed {
                id,
                status,
                assignee,
                // Deadlines on a 30-minute grid: many ties.
                due_minutes: due / 30 * 30,
                version,
            }
        ),
        3 => (1i64..=25, proptest::option::of(0usize..6), proptest::option::of(assignee))
            .prop_map(|(id, status, assignee)| Step::Patch { id, status, assignee }),
        1 => Just(Step::Reject),
        2 => (-120i64..240).prop_map(Step::Clock),
        1 => Just(Step::Reset),
    ]
}

fn run_step(store: &mut Store, now: &mut Timestamp, cursor: &mut i64, s: &Step) {
    match s {
        Step::Feed {
            id,
            status,
            assignee,
            due_minutes,
            version,
        } => {
            let mut t: Ticket = synthetic_ticket(*id);
            t.status = STATUSES[*status];
            t.assignee_id = *assignee;
            t.sla.first_response_due = t0() + Duration::minutes(*due_minutes);
            t.sla.first_responded_at = None;
            t.sla.resolution_due = t0() + Duration::hours(24);
            t.version = *version;
            *cursor += 1;
            store
                .apply_changes(
                    &[Change {
                        seq: *cursor,
                        entity: Entity::Ticket(t),
                    }],
                    *cursor,
                )
                .unwrap();
        }
        Step::Patch {
            id,
            status,
            assignee,
        } => {
            if store.ticket(*id).unwrap().is_none() {
                return;
            }
            let patch = TicketPatch {
                status: status.map(|s| STATUSES[s]),
                assignee_id: *assignee,
                ..TicketPatch::default()
            };
            store
                .enqueue(OutboxOp::Patch {
                    ticket_id: *id,
                    patch,
                })
                .unwrap();
        }
        Step::Reject => {
            if let Some(entry) = store.outbox_pending().unwrap().first() {
                store.mark_rejected(entry.id, "invalid", "refused").unwrap();
            }
        }
        Step::Clock(minutes) => {
            *now = t0() + Duration::minutes(*minutes);
            store.set_clock(sahaya_protocol::Clock::manual(*now));
        }
        Step::Reset => store.reset_cache().unwrap(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// After any sequence of feed pages, queued and refused changes, clock
    /// moves and resets, every view's count equals a full recount, for
    /// every agent, and a second connection reads the same.
    #[test]
    fn counts_kept_by_writers_equal_a_recount(steps in proptest::collection::vec(step(), 1..60)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.db");
        let mut store = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        let mut now = t0();
        store.set_clock(sahaya_protocol::Clock::manual(now));
        let mut cursor = 0;
        for s in &steps {
            run_step(&mut store, &mut now, &mut cursor, s);
            assert_counts_recounted(&store, now)?;
            // Saved views' counts, kept across changes, equal a count by a
            // cache opened afresh.
            let fresh = Store::open(&path).unwrap();
            for text in SAVED {
                let q = language::parse(text).unwrap();
                let cx = QueryContext { me: 2, now };
                prop_assert_eq!(
                    reader.query_count(&q, &cx).unwrap(),
                    fresh.query_count(&q, &cx).unwrap(),
                    "{}", text
                );
            }
            // The reader remembers counts between changes and moves its
            // SLA count with the clock.
            for minutes in [-30, 0, 45] {
                let at = now + Duration::minutes(minutes);
                assert_counts_recounted(&reader, at)?;
            }
        }
    }
}

/// Tickets with many equal deadlines and equal update times.
fn tied_store(n: i64) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let tickets: Vec<Ticket> = (1..=n)
        .map(|i| {
            let mut t = synthetic_ticket(i);
            // Ten deadlines and seven update times for all of them.
            t.sla.first_responded_at = None;
            t.sla.first_response_due = t0() + Duration::minutes(i % 10 * 15);
            t.sla.resolution_due = t0() + Duration::hours(48);
            t.updated_at = t0() - Duration::minutes(i % 7);
            t
        })
        .collect();
    store.apply_changes(&changes_of(&tickets), n).unwrap();
    store
}

/// Moving down row by row, jumping to the end, moving back up, paging and
/// jumping anywhere: every window is the one `OFFSET` gave, ties included.
#[test]
fn keyset_pages_equal_offset_pages_across_ties() {
    let store = tied_store(700);
    let now = t0();
    let h = 20;
    for view in View::ALL {
        for me in [1, 2] {
            let len = store.view_len(view, me, now).unwrap();
            let check = |offset: i64| {
                assert_eq!(
                    ids(&store, view, me, now, offset, h),
                    offset_page(&store, view, me, now, offset, h),
                    "{view:?} for {me} at row {offset} of {len}"
                );
            };
            // Down one row at a time, then the end, back up, page by page.
            for offset in 0..60 {
                check(offset);
            }
            check((len - h).max(0));
            for offset in (len - h - 60..len - h).rev() {
                check(offset.max(0));
            }
            for offset in (0..len).step_by(h as usize) {
                check(offset);
            }
            for offset in (0..len).rev().step_by(h as usize) {
                check(offset);
            }
            // Jumps: top, end, middle, a screen up and down from there.
            for offset in [
                0,
                len - h,
                len / 2,
                len / 2 - h,
                len / 2 + h,
                1,
                len - 1,
                len + 5,
            ] {
                check(offset.max(0));
            }
        }
    }
}

/// A change before the anchor of a list read near its top: the next read is
/// the one `OFFSET` gives (rows that entered above push the window down).
#[test]
fn keyset_pages_follow_changes_above_them() {
    let mut store = tied_store(300);
    let now = t0();
    let (view, h) = (View::Open, 15);
    for offset in 0..40 {
        ids(&store, view, 1, now, offset, h);
    }
    for (i, id) in [(0, 1_001), (1, 1_002), (2, 7)].into_iter() {
        let mut t = synthetic_ticket(id);
        t.status = if i == 2 { Status::Solved } else { Status::New };
        t.sla.first_responded_at = None;
        t.sla.first_response_due = t0() - Duration::days(1);
        t.version = 5;
        store.apply_changes(&changes_of(&[t]), 400 + i).unwrap();
        for offset in [39, 40, 38, 0, 39] {
            assert_eq!(
                ids(&store, view, 1, now, offset, h),
                offset_page(&store, view, 1, now, offset, h),
                "row {offset} after change {i}"
            );
        }
    }
}

/// The drill-downs page by keyset too: the same rows as `OFFSET`.
#[test]
fn filtered_pages_equal_offset_pages() {
    let store = tied_store(500);
    let now = t0();
    let filters = [
        TicketFilter::Status(Status::Solved),
        TicketFilter::Status(Status::New),
        TicketFilter::Assignee(1),
        TicketFilter::SlaBreached,
    ];
    for f in filters {
        let len = store.filtered_count(&f, now).unwrap();
        let all: Vec<i64> = store
            .filtered_rows(&f, now, 0, len + 10)
            .unwrap()
            .iter()
            .map(|r| r.ticket.id)
            .collect();
        assert_eq!(all.len() as i64, len, "{f:?}");
        let mut offsets: Vec<i64> = (0..30).collect();
        offsets.extend([len - 10, len - 11, len / 2, len / 2 - 1, 0, len - 1]);
        for offset in offsets {
            let offset = offset.max(0);
            let got: Vec<i64> = store
                .filtered_rows(&f, now, offset, 10)
                .unwrap()
                .iter()
                .map(|r| r.ticket.id)
                .collect();
            let want: Vec<i64> = all.iter().skip(offset as usize).take(10).copied().collect();
            assert_eq!(got, want, "{f:?} at {offset}");
        }
    }
}
