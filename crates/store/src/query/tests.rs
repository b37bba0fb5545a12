//! The engine's internals: a cache written by the previous version is
//! migrated for queries, and every statement the engine runs reads an index.

use chrono::{Duration, TimeZone, Utc};

use super::QueryContext;
use crate::Store;
use crate::time::millis;
use sahaya_protocol::domain::{
    Channel, ContactHandle, Customer, Money, Order, PaymentMethod, PaymentStatus, Priority,
    Shipment, ShipmentStatus, Sla, Status, SurveyKind, SurveyResponse, Ticket, Timestamp,
};
use sahaya_protocol::wire::{Change, Entity};
use sahaya_query::parse;

fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

fn cx() -> QueryContext {
    QueryContext { me: 1, now: t0() }
}

fn ticket(id: i64, customer_id: i64, tags: &[&str], order_id: Option<&str>) -> Ticket {
    Ticket {
        id,
        subject: format!("ಪಾರ್ಸೆಲ್ {id}"),
        status: Status::Solved,
        priority: Priority::High,
        channel: Channel::WhatsApp,
        customer_id,
        assignee_id: Some(1),
        group: "Returns".into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        sla: Sla::for_priority(Priority::High, t0() - Duration::days(1)),
        order_id: order_id.map(str::to_string),
        version: 1,
        created_at: t0() - Duration::days(1),
        updated_at: t0() - Duration::hours(id),
        last_customer_message_at: None,
        message_count: 0,
    }
}

fn ids(store: &Store, text: &str) -> Vec<i64> {
    let q = parse(text).unwrap();
    let mut v = store.query_ids(&q, &cx(), 0, 100).unwrap();
    v.sort();
    v
}

#[test]
fn a_version_5_cache_is_migrated_for_queries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let customer = Customer {
        id: 5,
        name: "ಕಾವ್ಯಾ Rao".into(),
        handles: vec![ContactHandle {
            channel: Channel::WhatsApp,
            value: "+91 98450 12345".into(),
        }],
        preferred_language: "kn-IN".into(),
        city: String::new(),
        lifetime_value: Money::inr(1),
        notes: String::new(),
        created_at: t0(),
        updated_at: t0(),
    };
    let order = Order {
        id: "SH-1001".into(),
        customer_id: 5,
        placed_at: t0(),
        items: vec![],
        total: Money::inr(1),
        payment_method: PaymentMethod::Cod,
        payment_status: PaymentStatus::Pending,
        delivery_address: String::new(),
        shipment: Some(Shipment {
            carrier: "Delhivery".into(),
            tracking_number: "DL-777".into(),
            status: ShipmentStatus::Shipped,
            eta: None,
            late: false,
            events: vec![],
        }),
        updated_at: t0(),
    };
    let survey = SurveyResponse {
        id: 1,
        customer_id: 5,
        ticket_id: Some(2),
        kind: SurveyKind::Csat,
        score: 2,
        comment: String::new(),
        created_at: t0(),
    };
    let tickets = [
        ticket(1, 5, &["COD", "vip"], Some("SH-1001")),
        ticket(2, 6, &[], None),
    ];
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &super::super::schema::migrations()[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        for t in &tickets {
            conn.execute(
                "INSERT INTO tickets (id, subject, status, open_class, active, assignee_id,
                     customer_id, next_due, created_at, updated_at, version, json, priority,
                     channel, grp)
                 VALUES (?1, ?2, 'solved', 2, 0, 1, ?3, ?4, ?5, ?6, 1, ?7, 'high', 'whatsapp',
                     'Returns')",
                rusqlite::params![
                    t.id,
                    t.subject,
                    t.customer_id,
                    millis(t.sla.next_due()),
                    millis(t.created_at),
                    millis(t.updated_at),
                    serde_json::to_string(t).unwrap()
                ],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO tickets_fts (rowid, subject) VALUES (?1, ?2)",
                rusqlite::params![t.id, t.subject],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO customers (id, name, updated_at, json) VALUES (5, ?1, 0, ?2)",
            rusqlite::params![customer.name, serde_json::to_string(&customer).unwrap()],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO orders (id, customer_id, placed_at, updated_at, json) VALUES ('SH-1001', 5, 0, 0, ?1)",
            rusqlite::params![serde_json::to_string(&order).unwrap()],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO surveys (id, customer_id, created_at, json) VALUES (1, 5, 0, ?1)",
            rusqlite::params![serde_json::to_string(&survey).unwrap()],
        )
        .unwrap();
        // A damaged customer row stays readable and is skipped.
        conn.execute(
            "INSERT INTO customers (id, name, updated_at, json) VALUES (9, 'x', 0, 'not json')",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(ids(&store, "tag:cod"), vec![1]);
    assert_eq!(ids(&store, "order:sh1001"), vec![1]);
    assert_eq!(ids(&store, "order:dl777"), vec![1]);
    assert_eq!(ids(&store, "phone:9845012345"), vec![1]);
    assert_eq!(ids(&store, "customer:ಕಾವ್ಯಾ"), vec![1]);
    assert_eq!(ids(&store, "lang:kn"), vec![1]);
    assert_eq!(ids(&store, "csat:<3"), vec![2]);
    assert_eq!(ids(&store, "group:returns channel:whatsapp"), vec![1, 2]);
    assert_eq!(ids(&store, "ಪಾರ್ಸೆಲ್ -tag:vip"), vec![2]);
    // Written again after the migration: seen with its new values.
    let mut t = tickets[1].clone();
    t.tags = vec!["late".into()];
    t.version = 2;
    store
        .apply_changes(
            &[Change {
                seq: 1,
                entity: Entity::Ticket(t),
            }],
            1,
        )
        .unwrap();
    assert_eq!(ids(&store, "tag:late"), vec![2]);
    assert_eq!(ids(&store, "tag:cod OR tag:late"), vec![1, 2]);
}

fn plan(store: &Store, sql: &str) -> String {
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let n = stmt.parameter_count();
    let params: Vec<rusqlite::types::Value> = (0..n)
        .map(|_| rusqlite::types::Value::Text("\"x\"*".into()))
        .collect();
    let rows: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(params), |r| r.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows.join(" | ")
}

/// The engine's statements read indexes, never a whole table of rows.
#[test]
fn statements_read_indexes() {
    let store = Store::open_in_memory().unwrap();
    for (sql, want) in [
        (
            "SELECT id, status, priority, channel, grp, assignee_id, customer_id, created_at,
                 updated_at, next_due, order_id, tags, rev
             FROM tickets INDEXED BY tickets_facets WHERE rev > ?1 ORDER BY rev",
            "COVERING INDEX tickets_facets",
        ),
        (
            "SELECT IFNULL(MAX(rev), 0) + 1 FROM tickets",
            "COVERING INDEX tickets_facets",
        ),
        (
            "SELECT f.rowid, m.ticket_id, m.created_at
             FROM messages_fts f JOIN messages m INDEXED BY messages_owner ON m.id = f.rowid
             WHERE messages_fts MATCH ?1 ORDER BY f.rowid DESC",
            "COVERING INDEX messages_owner",
        ),
        (
            "SELECT DISTINCT customer_id FROM lookup_keys WHERE key >= ?1 AND key < ?2 AND kind = ?3",
            "COVERING INDEX lookup_keys_key",
        ),
        (
            "SELECT ticket_id, score FROM surveys
             WHERE kind = 'csat' AND ticket_id IS NOT NULL AND score IS NOT NULL",
            "COVERING INDEX surveys_kind",
        ),
        (
            "SELECT id FROM customers WHERE lang = ?1",
            "COVERING INDEX customers_lang",
        ),
        (
            "DELETE FROM lookup_keys WHERE customer_id = ?1 AND order_id IS NULL",
            "INDEX lookup_keys_customer",
        ),
        (
            "DELETE FROM lookup_keys WHERE order_id = ?1",
            "INDEX lookup_keys_order",
        ),
        (
            "SELECT MIN(id), MAX(id) FROM messages WHERE ticket_id = ?1",
            "COVERING INDEX messages_ticket",
        ),
    ] {
        let p = plan(&store, sql);
        assert!(p.contains(want), "{sql}\n{p}");
        assert!(
            !p.contains("SCAN") || p.contains("VIRTUAL TABLE"),
            "{sql}\n{p}"
        );
    }
}
