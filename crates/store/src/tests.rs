//! Unit tests that need the store's internals: view semantics against a
//! reference implementation, and query plans on a large cache.

use chrono::{Duration, TimeZone, Utc};

use super::time::millis;
use super::*;
use sahaya_protocol::domain::{
    Agent, Channel, Presence, Priority, Role, Sla, Status, Ticket, Timestamp,
};
use sahaya_protocol::wire::{Change, Entity, View};

pub(crate) fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

fn agent(id: i64, name: &str) -> Agent {
    Agent {
        id,
        login: format!("a{id}"),
        name: name.to_string(),
        role: Role::Agent,
        group: "support".into(),
        languages: vec!["en".into()],
        presence: Presence::Online,
    }
}

const STATUSES: [Status; 6] = [
    Status::New,
    Status::Open,
    Status::Pending,
    Status::OnHold,
    Status::Solved,
    Status::Closed,
];
const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Normal,
    Priority::High,
    Priority::Urgent,
];

/// A deterministic spread of tickets: statuses, assignees (1, 2, none),
/// deadlines around `t0`, equal deadlines and equal update times for ties.
pub(crate) fn synthetic_ticket(i: i64) -> Ticket {
    let status = STATUSES[(i * 7 % 6) as usize];
    let priority = PRIORITIES[(i * 3 % 4) as usize];
    let created = t0() - Duration::hours(i % 97) - Duration::minutes(i % 5 * 15);
    let mut sla = Sla::for_priority(priority, created);
    if i % 4 == 0 {
        sla.first_responded_at = Some(created + Duration::minutes(30));
    }
    Ticket {
        id: i,
        subject: format!("Ticket {i}"),
        status,
        priority,
        channel: Channel::Email,
        customer_id: 1000 + i % 50,
        assignee_id: match i % 3 {
            0 => Some(1),
            1 => Some(2),
            _ => None,
        },
        group: "support".into(),
        tags: vec![],
        sla,
        order_id: None,
        version: 1,
        created_at: created,
        updated_at: created + Duration::minutes(i % 11 * 10),
        last_customer_message_at: None,
        message_count: 0,
    }
}

/// The server's semantics (server::queries) over plain tickets.
fn reference(tickets: &[Ticket], view: View, me: i64, now: Timestamp) -> Vec<i64> {
    let horizon = now + Duration::minutes(SLA_DUE_HORIZON_MINUTES);
    let mut out: Vec<&Ticket> = tickets
        .iter()
        .filter(|t| match view {
            View::Mine => t.assignee_id == Some(me) && t.status.is_active(),
            View::Unassigned => t.assignee_id.is_none() && t.status.is_active(),
            View::Open => matches!(t.status, Status::New | Status::Open),
            View::Pending => matches!(t.status, Status::Pending | Status::OnHold),
            View::Solved => !t.status.is_active(),
            View::SlaDue => t.sla_due_before(horizon),
            View::All => true,
        })
        .collect();
    match view {
        View::Solved | View::All => out.sort_by(|a, b| {
            b.updated_at
                .timestamp_millis()
                .cmp(&a.updated_at.timestamp_millis())
                .then(b.id.cmp(&a.id))
        }),
        _ => out.sort_by(|a, b| {
            a.sla
                .next_due()
                .timestamp_millis()
                .cmp(&b.sla.next_due().timestamp_millis())
                .then(a.id.cmp(&b.id))
        }),
    }
    out.into_iter().map(|t| t.id).collect()
}

pub(crate) fn changes_of(tickets: &[Ticket]) -> Vec<Change> {
    tickets
        .iter()
        .enumerate()
        .map(|(i, t)| Change {
            seq: i as i64 + 1,
            entity: Entity::Ticket(t.clone()),
        })
        .collect()
}

#[test]
fn views_match_the_server_semantics() {
    let mut store = Store::open_in_memory().unwrap();
    let tickets: Vec<Ticket> = (1..=400).map(synthetic_ticket).collect();
    store.apply_changes(&changes_of(&tickets), 400).unwrap();
    store
        .apply_changes(
            &[
                Change {
                    seq: 401,
                    entity: Entity::Agent(agent(1, "Asha")),
                },
                Change {
                    seq: 402,
                    entity: Entity::Agent(agent(2, "Bharat")),
                },
            ],
            402,
        )
        .unwrap();
    for now in [t0(), t0() - Duration::hours(30), t0() + Duration::hours(50)] {
        for me in [1, 2, 3] {
            let counts = store.view_counts(me, now).unwrap();
            for view in View::ALL {
                let expected = reference(&tickets, view, me, now);
                assert_eq!(counts.get(view), expected.len() as i64, "count of {view:?}");
                assert_eq!(
                    store.view_len(view, me, now).unwrap(),
                    expected.len() as i64
                );
                let rows = store.ticket_rows(view, me, now, 0, 1000).unwrap();
                let got: Vec<i64> = rows.iter().map(|r| r.ticket.id).collect();
                assert_eq!(got, expected, "rows of {view:?} for {me} at {now}");
                // Paging gives the same sequence.
                let page = store.ticket_rows(view, me, now, 5, 7).unwrap();
                let got: Vec<i64> = page.iter().map(|r| r.ticket.id).collect();
                let want: Vec<i64> = expected.iter().skip(5).take(7).copied().collect();
                assert_eq!(got, want);
            }
        }
    }
    let rows = store.ticket_rows(View::Mine, 1, t0(), 0, 1).unwrap();
    assert_eq!(rows[0].assignee_name.as_deref(), Some("Asha"));
}

/// The plan of every view query and count walks an index; none scans the
/// table or sorts in a temporary b-tree.
#[test]
fn view_queries_use_indexes_at_100k_tickets() {
    let mut store = Store::open_in_memory().unwrap();
    let started = std::time::Instant::now();
    let tickets: Vec<Ticket> = (1..=100_000).map(synthetic_ticket).collect();
    for (n, chunk) in tickets.chunks(10_000).enumerate() {
        store
            .apply_changes(&changes_of(chunk), (n as i64 + 1) * 10_000)
            .unwrap();
    }
    eprintln!("applied 100k tickets in {:?}", started.elapsed());
    store.conn.execute_batch("ANALYZE").unwrap();

    for view in View::ALL {
        let list = super::page::List {
            name: String::new(),
            condition: super::read::condition(view).to_string(),
            params: vec![
                (":me".to_string(), rusqlite::types::Value::Integer(1)),
                (
                    ":horizon".to_string(),
                    rusqlite::types::Value::Integer(millis(t0())),
                ),
            ],
            order: super::read::order(view),
            len: None,
        };
        for (sql, plan) in super::page::walk_plans(&store.conn, &list) {
            eprintln!("{view:?}: {sql}\n  {plan}");
            let bare_scan = plan.contains("SCAN tickets") && !plan.contains("INDEX");
            assert!(!bare_scan, "{view:?} scans the table: {plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{view:?} sorts: {plan}");
            assert!(!plan.contains("MULTI-INDEX"), "{view:?}: {plan}");
        }
    }
    let total = store.view_len(View::All, 1, t0()).unwrap();
    assert_eq!(total, 100_000);
    let started = std::time::Instant::now();
    let last = store
        .ticket_rows(View::All, 1, t0(), total - 20, 50)
        .unwrap();
    assert_eq!(last.len(), 20);
    let counts = store.view_counts(1, t0()).unwrap();
    eprintln!("last page + counts in {:?}: {counts:?}", started.elapsed());
    let thread = "SELECT id, json, body FROM messages WHERE ticket_id = ?1 ORDER BY id";
    for line in query_plan(&store, thread) {
        assert!(
            !line.contains("SCAN messages") || line.contains("INDEX"),
            "{line}"
        );
        assert!(!line.contains("TEMP B-TREE"), "{line}");
    }
}

fn query_plan(store: &Store, sql: &str) -> Vec<String> {
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let count = stmt.parameter_count();
    for i in 1..=count {
        stmt.raw_bind_parameter(i, 1i64).unwrap();
    }
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        out.push(row.get::<_, String>(3).unwrap());
    }
    out
}

#[test]
fn unicode61_without_marks_would_mangle_indic_words() {
    // Why the tokenizer adds the M* categories: the default one reduces
    // ಪಾರ್ಸೆಲ್ to its bare consonants.
    let mut store = Store::open_in_memory().unwrap();
    store
        .conn
        .execute_batch(
            "CREATE VIRTUAL TABLE plain USING fts5(b, tokenize='unicode61 remove_diacritics 0');
             CREATE VIRTUAL TABLE plain_vocab USING fts5vocab(plain, 'row');
             INSERT INTO plain (b) VALUES ('ಪಾರ್ಸೆಲ್');
             CREATE VIRTUAL TABLE ours_vocab USING fts5vocab(messages_fts, 'row');",
        )
        .unwrap();
    fn terms(store: &Store, table: &str) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare(&format!("SELECT term FROM {table}"))
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.map(|r| r.unwrap()).collect()
    }
    assert_eq!(terms(&store, "plain_vocab"), vec!["ಪ", "ರ", "ಲ", "ಸ"]);
    let m = sahaya_protocol::domain::Message {
        id: 1,
        ticket_id: 1,
        kind: sahaya_protocol::domain::MessageKind::Customer,
        author: sahaya_protocol::domain::Author::System,
        channel: Channel::Email,
        body: "ನನ್ನ ಪಾರ್ಸೆಲ್‌ನ ಸ್ಥಿತಿ".into(),
        created_at: t0(),
        delivery: sahaya_protocol::domain::Delivery::Received,
        delivery_error: None,
        attachments: Vec::new(),
    };
    store
        .apply_changes(
            &[Change {
                seq: 1,
                entity: Entity::Message(m),
            }],
            1,
        )
        .unwrap();
    assert_eq!(
        terms(&store, "ours_vocab"),
        vec!["ನ", "ನನ್ನ", "ಪಾರ್ಸೆಲ್", "ಸ್ಥಿತಿ"]
    );
}

#[test]
fn outbox_op_round_trips_through_json() {
    use sahaya_protocol::wire::TicketPatch;
    let op = OutboxOp::Patch {
        ticket_id: 4,
        patch: TicketPatch {
            assignee_id: Some(None),
            status: Some(Status::Pending),
            ..Default::default()
        },
    };
    let json = serde_json::to_string(&op).unwrap();
    assert_eq!(serde_json::from_str::<OutboxOp>(&json).unwrap(), op);
    let op = OutboxOp::Patch {
        ticket_id: 4,
        patch: TicketPatch {
            priority: Some(Priority::High),
            ..Default::default()
        },
    };
    let json = serde_json::to_string(&op).unwrap();
    assert_eq!(serde_json::from_str::<OutboxOp>(&json).unwrap(), op);
}

#[test]
fn store_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
}

#[test]
fn search_queries_start_from_the_full_text_index() {
    let store = Store::open_in_memory().unwrap();
    for sql in [
        "SELECT m.ticket_id, MAX(m.created_at), m.id
         FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
         WHERE messages_fts MATCH ?1
         GROUP BY m.ticket_id ORDER BY 2 DESC, m.ticket_id DESC LIMIT ?2",
        "SELECT t.id, t.updated_at FROM tickets_fts JOIN tickets t ON t.id = tickets_fts.rowid
         WHERE tickets_fts MATCH ?1 ORDER BY t.updated_at DESC, t.id DESC LIMIT ?2",
    ] {
        let plan = query_plan(&store, sql);
        eprintln!("{}", plan.join("\n"));
        assert!(
            plan.iter().any(|l| l.contains("VIRTUAL TABLE INDEX")),
            "{plan:?}"
        );
        assert!(
            !plan
                .iter()
                .any(|l| l.as_str() == "SCAN m" || l.as_str() == "SCAN t"),
            "{plan:?}"
        );
    }
}

#[test]
fn file_cache_is_durable_wal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("c.sqlite")).unwrap();
    let get = |name: &str| -> String {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(get("journal_mode"), "Text(\"wal\")");
    assert_eq!(get("synchronous"), "Integer(2)"); // FULL
    assert_eq!(get("foreign_keys"), "Integer(1)");
    assert_eq!(
        get("user_version"),
        format!("Integer({})", schema_version())
    );
    assert!(
        store
            .conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .is_ok()
    );
}

#[test]
fn old_confirmed_entries_are_pruned_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let clock = sahaya_protocol::Clock::manual(t0());
    let mut store = Store::open_with_clock(&path, clock.clone()).unwrap();
    let t = synthetic_ticket(1);
    store
        .apply_changes(&changes_of(std::slice::from_ref(&t)), 1)
        .unwrap();
    let a = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: sahaya_protocol::domain::MessageKind::Note,
            body: "a".into(),
        })
        .unwrap();
    let b = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: sahaya_protocol::domain::MessageKind::Note,
            body: "b".into(),
        })
        .unwrap();
    store.mark_done(a.id, &Entity::Ticket(t.clone())).unwrap();
    store.mark_done(b.id, &Entity::Ticket(t)).unwrap();
    assert_eq!(store.outbox_entry(a.id).unwrap().unwrap().updated_at, t0());
    let old = millis(t0() - Duration::days(30));
    store
        .conn
        .execute(
            "UPDATE outbox SET updated_at = ?1 WHERE id = ?2",
            rusqlite::params![old, a.id],
        )
        .unwrap();
    drop(store);
    // A week on, by the same clock: only the entry done a month ago goes.
    clock.advance(Duration::days(6));
    let store = Store::open_with_clock(&path, clock).unwrap();
    assert!(store.outbox_entry(a.id).unwrap().is_none());
    assert_eq!(
        store.outbox_entry(b.id).unwrap().unwrap().state,
        OutboxState::Done
    );
}

fn fts_message(id: i64, ticket_id: i64, body: &str) -> Entity {
    Entity::Message(sahaya_protocol::domain::Message {
        id,
        ticket_id,
        kind: sahaya_protocol::domain::MessageKind::Customer,
        author: sahaya_protocol::domain::Author::System,
        channel: Channel::Email,
        body: body.into(),
        created_at: t0() + Duration::minutes(id),
        delivery: sahaya_protocol::domain::Delivery::Received,
        delivery_error: None,
        attachments: Vec::new(),
    })
}

/// FTS5's own check that an external-content index matches its table.
fn fts_intact(store: &Store) {
    for fts in ["tickets_fts", "messages_fts"] {
        store
            .conn
            .execute(
                &format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"),
                [],
            )
            .unwrap_or_else(|e| panic!("{fts} does not match its table: {e}"));
    }
}

fn found(store: &Store, q: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .search(q, 50)
        .unwrap()
        .into_iter()
        .map(|h| h.ticket_id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn full_text_index_follows_inserts_edits_and_resets() {
    let mut store = Store::open_in_memory().unwrap();
    let mut seq = 0;
    let mut page = |store: &mut Store, entities: Vec<Entity>| {
        let changes: Vec<Change> = entities
            .into_iter()
            .map(|entity| {
                seq += 1;
                Change { seq, entity }
            })
            .collect();
        store.apply_changes(&changes, seq).unwrap();
    };
    let mut t1 = synthetic_ticket(1);
    t1.subject = "parcel ಪಾರ್ಸೆಲ್ late".into();
    page(
        &mut store,
        vec![
            Entity::Ticket(t1.clone()),
            Entity::Ticket(synthetic_ticket(2)),
            fts_message(10, 1, "where is my refund"),
            fts_message(11, 2, "ఆర్డర్ రాలేదు"),
            // The same message twice in one page, edited in between.
            fts_message(12, 2, "first words"),
            fts_message(12, 2, "second words"),
        ],
    );
    fts_intact(&store);
    assert_eq!(found(&store, "refund"), vec![1]);
    assert_eq!(found(&store, "ಪಾರ್ಸೆಲ್"), vec![1]);
    assert_eq!(found(&store, "ఆర్డర్"), vec![2]);
    assert_eq!(found(&store, "first"), Vec::<i64>::new());
    assert_eq!(found(&store, "second"), vec![2]);

    // A later page edits a subject and a body, and repeats one unchanged.
    t1.subject = "damaged box".into();
    t1.version += 1;
    page(
        &mut store,
        vec![
            Entity::Ticket(t1.clone()),
            fts_message(10, 1, "refund sent to UPI"),
            fts_message(11, 2, "ఆర్డర్ రాలేదు"),
        ],
    );
    fts_intact(&store);
    assert_eq!(found(&store, "parcel"), Vec::<i64>::new());
    assert_eq!(found(&store, "damaged"), vec![1]);
    assert_eq!(found(&store, "where"), Vec::<i64>::new());
    assert_eq!(found(&store, "UPI"), vec![1]);
    assert_eq!(found(&store, "ఆర్డర్"), vec![2]);

    // Our own reply, confirmed by the server: the answer is indexed too,
    // and the feed bringing the same message later changes nothing.
    let entry = store
        .enqueue(OutboxOp::Message {
            ticket_id: 2,
            kind: sahaya_protocol::domain::MessageKind::Reply,
            body: "replacement dispatched".into(),
        })
        .unwrap();
    store
        .mark_done(entry.id, &fts_message(30, 2, "replacement dispatched"))
        .unwrap();
    fts_intact(&store);
    assert_eq!(found(&store, "dispatched"), vec![2]);
    page(
        &mut store,
        vec![fts_message(30, 2, "replacement dispatched")],
    );
    fts_intact(&store);
    assert_eq!(found(&store, "replacement"), vec![2]);

    // The server was reset: everything goes, then comes back.
    store.reset_cache().unwrap();
    fts_intact(&store);
    assert_eq!(found(&store, "damaged"), Vec::<i64>::new());
    page(
        &mut store,
        vec![Entity::Ticket(t1), fts_message(10, 1, "refund again")],
    );
    fts_intact(&store);
    assert_eq!(found(&store, "refund"), vec![1]);
}

#[test]
fn a_version_2_cache_is_migrated_with_its_index_and_drill_down_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let mut t = synthetic_ticket(7);
    t.subject = "ಪಾರ್ಸೆಲ್ delayed".into();
    t.priority = Priority::Urgent;
    t.status = Status::Open;
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &super::schema::migrations()[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        // Rows as version 2 wrote them (its triggers fill the FTS tables).
        conn.execute(
            "INSERT INTO tickets (id, subject, status, open_class, active, assignee_id,
                 customer_id, next_due, created_at, updated_at, version, json)
             VALUES (?1, ?2, 'open', 0, 1, NULL, ?3, ?4, ?5, ?6, 1, ?7)",
            rusqlite::params![
                t.id,
                t.subject,
                t.customer_id,
                millis(t.sla.next_due()),
                millis(t.created_at),
                millis(t.updated_at),
                serde_json::to_string(&t).unwrap()
            ],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO messages (id, ticket_id, created_at, body, json) VALUES (1, 7, 0, 'where is my refund', '{}')",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    fts_intact(&store);
    assert_eq!(found(&store, "ಪಾರ್ಸೆಲ್"), vec![7]);
    assert_eq!(found(&store, "refund"), vec![7]);
    let urgent = TicketFilter::Priority(Priority::Urgent);
    let rows = store.filtered_rows(&urgent, t0(), 0, 10).unwrap();
    assert_eq!(
        rows.iter().map(|r| r.ticket.id).collect::<Vec<_>>(),
        vec![7]
    );
    // And it keeps working: a new message is indexed.
    store
        .apply_changes(
            &[Change {
                seq: 1,
                entity: fts_message(2, 7, "courier called"),
            }],
            1,
        )
        .unwrap();
    fts_intact(&store);
    assert_eq!(found(&store, "courier"), vec![7]);
}
