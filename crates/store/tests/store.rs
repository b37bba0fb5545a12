#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The local cache: change feed, views, outbox, drafts, search, bad files.

use chrono::{Duration, TimeZone, Utc};
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Agent, Author, Channel, ContactHandle, Currency, Customer, Delivery,
    Macro, Message, MessageKind, Money, Order, OrderAction, PaymentMethod, PaymentStatus, Presence,
    Priority, RefundMethod, Role, Shipment, ShipmentStatus, Sla, Status, SurveyKind,
    SurveyResponse, Ticket, Timestamp,
};
use sahaya_protocol::wire::{Change, Entity, NewOrderAction, NewOutboundTicket, TicketPatch, View};
use sahaya_store::{OutboxOp, OutboxState, Store, StoreError};

fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).single().unwrap()
}

fn agent(id: i64, name: &str) -> Agent {
    Agent {
        id,
        login: format!("agent{id}"),
        name: name.to_string(),
        role: Role::Agent,
        group: "support".into(),
        languages: vec!["kn".into(), "en".into()],
        presence: Presence::Online,
    }
}

fn customer(id: i64, name: &str) -> Customer {
    Customer {
        id,
        name: name.to_string(),
        handles: vec![ContactHandle {
            channel: Channel::Email,
            value: format!("c{id}@example.in"),
        }],
        preferred_language: "kn".into(),
        city: "Mysuru".into(),
        lifetime_value: Money::inr(4200),
        notes: String::new(),
        created_at: t0() - Duration::days(100),
        updated_at: t0() - Duration::days(1),
    }
}

fn ticket(
    id: i64,
    subject: &str,
    status: Status,
    assignee: Option<i64>,
    customer_id: i64,
) -> Ticket {
    let created = t0() - Duration::hours(id);
    Ticket {
        id,
        subject: subject.to_string(),
        status,
        priority: Priority::Normal,
        channel: Channel::Email,
        customer_id,
        assignee_id: assignee,
        group: "support".into(),
        tags: vec![],
        sla: Sla::for_priority(Priority::Normal, created),
        order_id: None,
        version: 1,
        created_at: created,
        updated_at: created,
        last_customer_message_at: Some(created),
        message_count: 1,
    }
}

fn message(id: i64, ticket_id: i64, body: &str, minutes: i64) -> Message {
    Message {
        id,
        ticket_id,
        kind: MessageKind::Customer,
        author: Author::Customer {
            id: 10,
            name: "Kavya".into(),
        },
        channel: Channel::Email,
        body: body.to_string(),
        created_at: t0() + Duration::minutes(minutes),
        delivery: Delivery::Received,
        delivery_error: None,
        attachments: Vec::new(),
    }
}

fn order(id: &str, customer_id: i64) -> Order {
    Order {
        id: id.to_string(),
        customer_id,
        placed_at: t0() - Duration::days(3),
        items: vec![],
        total: Money::inr(1299),
        payment_method: PaymentMethod::Upi,
        payment_status: PaymentStatus::Paid,
        delivery_address: "Mysuru".into(),
        shipment: Some(Shipment {
            carrier: "Delhivery".into(),
            tracking_number: "DL123".into(),
            status: ShipmentStatus::InTransit,
            eta: Some(t0() + Duration::days(1)),
            late: false,
            events: vec![],
        }),
        updated_at: t0() - Duration::days(3),
    }
}

fn changes(entities: Vec<Entity>) -> Vec<Change> {
    entities
        .into_iter()
        .enumerate()
        .map(|(i, entity)| Change {
            seq: i as i64 + 1,
            entity,
        })
        .collect()
}

/// A small world: agents 1 and 2, customers 10 and 11, five tickets, messages.
fn seeded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.set_me(&agent(1, "Asha")).unwrap();
    store.apply_changes(&changes(world()), 100).unwrap();
    store
}

fn world() -> Vec<Entity> {
    vec![
        Entity::Agent(agent(1, "Asha")),
        Entity::Agent(agent(2, "Bharat")),
        Entity::Customer(customer(10, "Kavya")),
        Entity::Customer(customer(11, "Ravi")),
        Entity::Ticket(ticket(1, "ನನ್ನ ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ", Status::Open, Some(1), 10)),
        Entity::Ticket(ticket(2, "నా ఆర్డర్ రద్దు చేయండి", Status::New, None, 10)),
        Entity::Ticket(ticket(3, "मेरो अर्डर कहाँ छ", Status::Pending, Some(2), 11)),
        Entity::Ticket(ticket(
            4,
            "Refund not received",
            Status::Solved,
            Some(1),
            11,
        )),
        Entity::Ticket(ticket(5, "Wrong size", Status::OnHold, Some(1), 10)),
        Entity::Message(message(1, 1, "ನನ್ನ ಪಾರ್ಸೆಲ್‌ನ ಸ್ಥಿತಿ ಏನು? ಮೂರು ದಿನ ಆಯಿತು.", 1)),
        Entity::Message(message(2, 2, "నా ఆర్డర్‌ను రద్దు చేయండి, డబ్బు తిరిగి ఇవ్వండి", 2)),
        Entity::Message(message(3, 3, "मेरो अर्डरको स्थिति के हो?", 3)),
        Entity::Message(message(
            4,
            4,
            "I still have not got my refund for order 4821",
            4,
        )),
        Entity::Message(message(5, 5, "Please exchange for size M", 5)),
        Entity::Order(order("ORD-1", 10)),
        Entity::Macro(Macro {
            id: 1,
            name: "Thanks".into(),
            language: "en".into(),
            body: "Thanks {{customer.name}}".into(),
            set_status: None,
            add_tags: vec![],
            deleted: false,
        }),
        Entity::Survey(SurveyResponse {
            id: 1,
            customer_id: 10,
            ticket_id: Some(1),
            kind: SurveyKind::Csat,
            score: 4,
            comment: "ಚೆನ್ನಾಗಿದೆ".into(),
            created_at: t0(),
        }),
    ]
}

fn ids(store: &Store, view: View) -> Vec<i64> {
    store
        .ticket_rows(view, 1, t0(), 0, 100)
        .unwrap()
        .into_iter()
        .map(|r| r.ticket.id)
        .collect()
}

#[test]
fn views_counts_and_rows() {
    let store = seeded();
    let counts = store.view_counts(1, t0()).unwrap();
    assert_eq!(counts.mine, 2); // 1 open, 5 on-hold
    assert_eq!(counts.unassigned, 1);
    assert_eq!(counts.open, 2);
    assert_eq!(counts.pending, 2);
    assert_eq!(counts.solved, 1);
    assert_eq!(counts.all, 5);
    // Active views: by next deadline (older tickets are due first).
    assert_eq!(ids(&store, View::Mine), vec![5, 1]);
    assert_eq!(ids(&store, View::Open), vec![2, 1]);
    // All: most recently updated first.
    assert_eq!(ids(&store, View::All), vec![1, 2, 3, 4, 5]);
    let rows = store.ticket_rows(View::Pending, 1, t0(), 0, 10).unwrap();
    assert_eq!(rows[0].ticket.id, 5);
    assert_eq!(rows[0].customer_name, "Kavya");
    assert_eq!(rows[0].assignee_name.as_deref(), Some("Asha"));
    assert_eq!(rows[1].assignee_name.as_deref(), Some("Bharat"));
    assert!(!rows[0].local_changes);
    // SLA due: normal priority answers within 8 h; ticket 5 is 5 h old.
    assert_eq!(store.view_len(View::SlaDue, 1, t0()).unwrap(), 0);
    assert_eq!(
        store
            .view_len(View::SlaDue, 1, t0() + Duration::hours(6))
            .unwrap(),
        2
    );

    assert_eq!(store.agents().unwrap().len(), 2);
    assert_eq!(store.macros().unwrap()[0].name, "Thanks");
    assert_eq!(store.cursor().unwrap(), 100);
    assert_eq!(store.me().unwrap().unwrap().name, "Asha");
}

#[test]
fn reapplying_is_harmless_and_later_wins() {
    let mut store = seeded();
    let before = (
        store.view_counts(1, t0()).unwrap(),
        store.messages(1).unwrap(),
    );
    store.apply_changes(&changes(world()), 100).unwrap();
    store.apply_changes(&changes(world()), 100).unwrap();
    assert_eq!(
        (
            store.view_counts(1, t0()).unwrap(),
            store.messages(1).unwrap()
        ),
        before
    );
    assert_eq!(store.search("ಪಾರ್ಸೆಲ್", 10).unwrap().len(), 1);

    // A later version of the ticket wins, also within one page.
    let mut v2 = ticket(2, "నా ఆర్డర్ రద్దు చేయండి", Status::Open, Some(1), 10);
    v2.version = 2;
    let mut v3 = v2.clone();
    v3.version = 3;
    v3.status = Status::Solved;
    v3.subject = "Cancelled".into();
    store
        .apply_changes(
            &[
                Change {
                    seq: 101,
                    entity: Entity::Ticket(v2.clone()),
                },
                Change {
                    seq: 102,
                    entity: Entity::Ticket(v3),
                },
            ],
            102,
        )
        .unwrap();
    assert_eq!(store.ticket(2).unwrap().unwrap().status, Status::Solved);
    assert_eq!(store.view_counts(1, t0()).unwrap().solved, 2);
    // An older copy arriving late (e.g. a replayed answer) does not win.
    store
        .apply_changes(
            &[Change {
                seq: 103,
                entity: Entity::Ticket(v2),
            }],
            103,
        )
        .unwrap();
    assert_eq!(store.ticket(2).unwrap().unwrap().version, 3);
    // The full-text index follows the subject.
    assert!(
        store
            .search("Cancelled", 10)
            .unwrap()
            .iter()
            .any(|h| h.ticket_id == 2)
    );
    assert_eq!(store.cursor().unwrap(), 103);

    // A message edited by the feed (delivery receipts) is replaced, not duplicated.
    let mut m = message(6, 1, "reply", 10);
    m.kind = MessageKind::Reply;
    m.delivery = Delivery::Sent;
    store
        .apply_changes(
            &[Change {
                seq: 104,
                entity: Entity::Message(m.clone()),
            }],
            104,
        )
        .unwrap();
    m.delivery = Delivery::Read;
    store
        .apply_changes(
            &[Change {
                seq: 105,
                entity: Entity::Message(m.clone()),
            }],
            105,
        )
        .unwrap();
    let thread = store.messages(1).unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[1], m);
}

#[test]
fn outbox_entry_survives_a_restart_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let (id, key) = {
        let mut store = Store::open(&path).unwrap();
        store.set_me(&agent(1, "Asha")).unwrap();
        store.apply_changes(&changes(world()), 100).unwrap();
        let entry = store
            .enqueue(OutboxOp::Message {
                ticket_id: 1,
                kind: MessageKind::Reply,
                body: "ಕ್ಷಮಿಸಿ, ಪರಿಶೀಲಿಸುತ್ತೇನೆ".into(),
            })
            .unwrap();
        assert_eq!(entry.state, OutboxState::Pending);
        assert_eq!(entry.base_version, Some(1));
        store.mark_in_flight(entry.id).unwrap();
        // Dropped without any shutdown: like kill -9 after the commit.
        (entry.id, entry.key)
    };
    let store = Store::open(&path).unwrap();
    let pending = store.outbox_pending().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].id, id);
    assert_eq!(pending[0].key, key);
    assert_eq!(pending[0].state, OutboxState::InFlight);
    assert_eq!(pending[0].attempts, 1);
    assert_eq!(store.outbox_counts().unwrap(), (1, 0));
    // The queued message shows in the thread after the restart.
    let thread = store.messages(1).unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[1].id, -id);
    assert_eq!(thread[1].delivery, Delivery::Queued);
    assert_eq!(
        thread[1].author,
        Author::Agent {
            id: 1,
            name: "Asha".into()
        }
    );
    assert!(uuid::Uuid::parse_str(&key).is_ok());
}

#[test]
fn keys_are_fresh_per_entry() {
    let mut store = seeded();
    let a = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: MessageKind::Note,
            body: "x".into(),
        })
        .unwrap();
    let b = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: MessageKind::Note,
            body: "x".into(),
        })
        .unwrap();
    assert_ne!(a.key, b.key);
    let pending = store.outbox_pending().unwrap();
    assert_eq!(
        pending.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![a.id, b.id]
    );
}

#[test]
fn done_message_replaces_the_queued_one() {
    let mut store = seeded();
    let entry = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: MessageKind::Reply,
            body: "On its way!".into(),
        })
        .unwrap();
    let thread = store.messages(1).unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[1].body, "On its way!");
    store.mark_in_flight(entry.id).unwrap();

    let server_msg = Message {
        id: 77,
        ticket_id: 1,
        kind: MessageKind::Reply,
        author: Author::Agent {
            id: 1,
            name: "Asha".into(),
        },
        channel: Channel::Email,
        body: "On its way!".into(),
        created_at: t0() + Duration::minutes(20),
        delivery: Delivery::Sent,
        delivery_error: None,
        attachments: Vec::new(),
    };
    store
        .mark_done(entry.id, &Entity::Message(server_msg.clone()))
        .unwrap();
    let thread = store.messages(1).unwrap();
    assert_eq!(thread.len(), 2, "no duplicate: {thread:?}");
    assert_eq!(thread[1], server_msg);
    assert_eq!(store.outbox_counts().unwrap(), (0, 0));
    assert!(store.outbox_pending().unwrap().is_empty());
    // The change feed bringing the same message later changes nothing.
    store
        .apply_changes(
            &[Change {
                seq: 200,
                entity: Entity::Message(server_msg.clone()),
            }],
            200,
        )
        .unwrap();
    assert_eq!(store.messages(1).unwrap().len(), 2);
    // Recording the answer twice is harmless.
    store
        .mark_done(entry.id, &Entity::Message(server_msg))
        .unwrap();
    assert_eq!(store.messages(1).unwrap().len(), 2);
}

#[test]
fn an_answer_older_than_the_feed_does_not_win() {
    let mut store = seeded();
    let entry = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: MessageKind::Reply,
            body: "Hi".into(),
        })
        .unwrap();
    let mut m = message(50, 1, "Hi", 30);
    m.kind = MessageKind::Reply;
    m.delivery = Delivery::Read;
    store
        .apply_changes(
            &[Change {
                seq: 300,
                entity: Entity::Message(m.clone()),
            }],
            300,
        )
        .unwrap();
    let mut answer = m.clone();
    answer.delivery = Delivery::Sent;
    store.mark_done(entry.id, &Entity::Message(answer)).unwrap();
    assert_eq!(
        store.messages(1).unwrap().last().unwrap().delivery,
        Delivery::Read
    );
}

#[test]
fn optimistic_patch_shows_then_reverts_when_rejected() {
    let mut store = seeded();
    let patch = TicketPatch {
        status: Some(Status::Solved),
        ..Default::default()
    };
    let entry = store
        .enqueue(OutboxOp::Patch {
            ticket_id: 1,
            patch,
        })
        .unwrap();
    assert_eq!(entry.base_version, Some(1));
    // At once: the list shows the new status.
    assert_eq!(store.ticket(1).unwrap().unwrap().status, Status::Solved);
    assert_eq!(store.view_counts(1, t0()).unwrap().solved, 2);
    assert!(!ids(&store, View::Mine).contains(&1));
    let row = store.ticket_rows(View::Solved, 1, t0(), 0, 10).unwrap();
    assert!(row.iter().any(|r| r.ticket.id == 1 && r.local_changes));
    assert_eq!(
        store.server_ticket(1).unwrap().unwrap().status,
        Status::Open
    );
    assert_eq!(store.server_version(1).unwrap(), Some(1));

    // The feed brings a newer server copy (someone added a tag): the pending
    // patch is applied over it.
    let mut v2 = ticket(1, "ನನ್ನ ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ", Status::Open, Some(1), 10);
    v2.version = 2;
    v2.tags = vec!["courier".into()];
    store
        .apply_changes(
            &[Change {
                seq: 101,
                entity: Entity::Ticket(v2.clone()),
            }],
            101,
        )
        .unwrap();
    let shown = store.ticket(1).unwrap().unwrap();
    assert_eq!(
        (shown.status, shown.tags.clone(), shown.version),
        (Status::Solved, vec!["courier".to_string()], 2)
    );

    store.mark_in_flight(entry.id).unwrap();
    store
        .mark_rejected(entry.id, "ticket_closed", "ticket 1 is closed")
        .unwrap();
    // Server truth is back; the refused change is kept as a problem.
    assert_eq!(store.ticket(1).unwrap().unwrap(), v2);
    assert_eq!(store.view_counts(1, t0()).unwrap().solved, 1);
    assert_eq!(store.outbox_counts().unwrap(), (0, 1));
    let problems = store.outbox_problems().unwrap();
    assert_eq!(problems[0].state, OutboxState::Rejected);
    assert_eq!(problems[0].error_code.as_deref(), Some("ticket_closed"));
    assert!(
        matches!(&problems[0].op, OutboxOp::Patch { patch, .. } if patch.status == Some(Status::Solved))
    );

    // Retry shows it again, based on the current server version.
    store.retry(entry.id).unwrap();
    let retried = store.outbox_entry(entry.id).unwrap().unwrap();
    assert_eq!(
        (retried.state, retried.base_version, retried.key.clone()),
        (OutboxState::Pending, Some(2), entry.key)
    );
    assert_eq!(store.ticket(1).unwrap().unwrap().status, Status::Solved);
    // Discarding reverts for good.
    store.discard(entry.id).unwrap();
    assert_eq!(store.ticket(1).unwrap().unwrap(), v2);
    assert_eq!(store.outbox_counts().unwrap(), (0, 0));
}

#[test]
fn patch_done_takes_the_server_copy_and_rebases_the_next_patch() {
    let mut store = seeded();
    let first = store
        .enqueue(OutboxOp::Patch {
            ticket_id: 2,
            patch: TicketPatch {
                assignee_id: Some(Some(1)),
                priority: Some(Priority::Urgent),
                ..Default::default()
            },
        })
        .unwrap();
    let second = store
        .enqueue(OutboxOp::Patch {
            ticket_id: 2,
            patch: TicketPatch {
                status: Some(Status::Pending),
                ..Default::default()
            },
        })
        .unwrap();
    let shown = store.ticket(2).unwrap().unwrap();
    assert_eq!(
        (shown.assignee_id, shown.priority, shown.status),
        (Some(1), Priority::Urgent, Status::Pending)
    );
    assert_eq!(
        shown.sla,
        Sla::for_priority(Priority::Urgent, shown.created_at)
    );
    assert!(ids(&store, View::Mine).contains(&2));
    assert_eq!(store.view_counts(1, t0()).unwrap().unassigned, 0);

    let mut server = ticket(2, "నా ఆర్డర్ రద్దు చేయండి", Status::New, Some(1), 10);
    server.priority = Priority::Urgent;
    server.sla = Sla::for_priority(Priority::Urgent, server.created_at);
    server.version = 2;
    store.mark_in_flight(first.id).unwrap();
    store
        .mark_done(first.id, &Entity::Ticket(server.clone()))
        .unwrap();
    assert_eq!(store.server_ticket(2).unwrap().unwrap(), server);
    // The second patch still shows, now based on version 2.
    assert_eq!(store.ticket(2).unwrap().unwrap().status, Status::Pending);
    assert_eq!(
        store.outbox_entry(second.id).unwrap().unwrap().base_version,
        Some(2)
    );
}

#[test]
fn conflict_keeps_both_sides() {
    let mut store = seeded();
    let entry = store
        .enqueue(OutboxOp::Patch {
            ticket_id: 3,
            patch: TicketPatch {
                status: Some(Status::Solved),
                ..Default::default()
            },
        })
        .unwrap();
    let mut current = ticket(3, "मेरो अर्डर कहाँ छ", Status::Open, Some(2), 11);
    current.version = 4;
    store.mark_in_flight(entry.id).unwrap();
    store
        .mark_conflict(entry.id, &current, "ticket 3 changed meanwhile")
        .unwrap();
    assert_eq!(store.ticket(3).unwrap().unwrap(), current);
    let problem = &store.outbox_problems().unwrap()[0];
    assert_eq!(problem.state, OutboxState::Conflict);
    assert_eq!(problem.conflict.as_ref(), Some(&current));
    assert_eq!(problem.base_version, Some(1));
    // Re-apply mine: based on the server's current version.
    store.retry(entry.id).unwrap();
    let e = store.outbox_entry(entry.id).unwrap().unwrap();
    assert_eq!(
        (e.state, e.base_version, e.conflict),
        (OutboxState::Pending, Some(4), None)
    );
    assert_eq!(store.ticket(3).unwrap().unwrap().status, Status::Solved);
}

#[test]
fn outbox_state_rules() {
    let mut store = seeded();
    let e = store
        .enqueue(OutboxOp::Message {
            ticket_id: 1,
            kind: MessageKind::Note,
            body: "n".into(),
        })
        .unwrap();
    store.mark_in_flight(e.id).unwrap();
    assert!(matches!(
        store.discard(e.id),
        Err(StoreError::InvalidState { .. })
    ));
    store.mark_failed(e.id, "connection refused").unwrap();
    let back = store.outbox_entry(e.id).unwrap().unwrap();
    assert_eq!(
        (back.state, back.last_error.as_deref()),
        (OutboxState::Pending, Some("connection refused"))
    );
    store.discard(e.id).unwrap();
    assert!(matches!(
        store.mark_in_flight(e.id),
        Err(StoreError::NoSuchEntry(_))
    ));
    assert!(store.messages(1).unwrap().iter().all(|m| m.id > 0));
    // A patch needs the ticket's version.
    let err = store
        .enqueue(OutboxOp::Patch {
            ticket_id: 999,
            patch: TicketPatch {
                status: Some(Status::Open),
                ..Default::default()
            },
        })
        .unwrap_err();
    assert!(err.to_string().contains("ticket 999"), "{err}");
    // A refused reply stays in the thread, marked failed.
    let r = store
        .enqueue(OutboxOp::Message {
            ticket_id: 4,
            kind: MessageKind::Reply,
            body: "late".into(),
        })
        .unwrap();
    store
        .mark_rejected(r.id, "ticket_closed", "closed")
        .unwrap();
    let last = store.messages(4).unwrap().pop().unwrap();
    assert_eq!((last.id, last.delivery), (-r.id, Delivery::Failed));
}

#[test]
fn queued_order_action_and_outbound() {
    let mut store = seeded();
    let request = NewOrderAction {
        amount: Some(Money {
            minor: 50_000,
            currency: Currency::Inr,
        }),
        refund_method: Some(RefundMethod::Upi),
        ..NewOrderAction::new(ActionKind::Refund, "damaged")
    };
    let e = store
        .enqueue(OutboxOp::OrderAction {
            order_id: "ORD-1".into(),
            request,
        })
        .unwrap();
    let detail = store.customer_detail(10).unwrap().unwrap();
    assert_eq!(detail.refunds.len(), 1);
    assert_eq!(
        (detail.refunds[0].id, detail.refunds[0].status),
        (-e.id, ActionStatus::Requested)
    );
    let action = OrderAction {
        id: 9,
        amount: Some(Money::inr(500)),
        refund_method: Some(RefundMethod::Upi),
        created_by: Some(1),
        ..OrderAction::new(
            "ORD-1",
            10,
            ActionKind::Refund,
            ActionStatus::Approved,
            "damaged",
            t0(),
        )
    };
    store
        .mark_done(e.id, &Entity::OrderAction(action.clone()))
        .unwrap();
    let detail = store.customer_detail(10).unwrap().unwrap();
    assert_eq!(detail.refunds, vec![action]);
    assert_eq!(detail.orders.len(), 1);
    assert!(detail.orders[0].shipment.is_some());
    assert_eq!(
        detail.tickets.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![1, 2, 5]
    );
    assert_eq!(detail.surveys.len(), 1);
    assert!(store.customer_detail(999).unwrap().is_none());

    let out = store
        .enqueue(OutboxOp::Outbound(NewOutboundTicket {
            customer_id: 11,
            channel: Channel::WhatsApp,
            subject: "Delay".into(),
            body: "ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ತಡವಾಗಿದೆ".into(),
            order_id: None,
            priority: None,
        }))
        .unwrap();
    assert_eq!(out.base_version, None);
    let mut created = ticket(6, "Delay", Status::Pending, Some(1), 11);
    created.channel = Channel::WhatsApp;
    store.mark_done(out.id, &Entity::Ticket(created)).unwrap();
    assert_eq!(store.ticket(6).unwrap().unwrap().subject, "Delay");
    assert_eq!(store.outbox_counts().unwrap(), (0, 0));
}

#[test]
fn drafts_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        store.save_draft(1, MessageKind::Reply, "ನಮಸ್ಕಾರ, ").unwrap();
        store
            .save_draft(2, MessageKind::Note, "check courier")
            .unwrap();
        store.save_draft(2, MessageKind::Reply, "updated").unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.draft(1).unwrap(),
        Some((MessageKind::Reply, "ನಮಸ್ಕಾರ, ".to_string()))
    );
    assert_eq!(
        store.draft(2).unwrap(),
        Some((MessageKind::Reply, "updated".to_string()))
    );
    store.delete_draft(1).unwrap();
    assert_eq!(store.draft(1).unwrap(), None);
    store.save_draft(2, MessageKind::Reply, "   ").unwrap();
    assert_eq!(store.draft(2).unwrap(), None);
}

#[test]
fn search_in_four_scripts() {
    let store = seeded();
    let hit_ids = |q: &str| -> Vec<i64> {
        store
            .search(q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.ticket_id)
            .collect()
    };
    assert_eq!(hit_ids("ಪಾರ್ಸೆಲ್"), vec![1]);
    assert_eq!(hit_ids("ఆర్డర్"), vec![2]);
    assert_eq!(hit_ids("अर्डर"), vec![3]);
    assert_eq!(hit_ids("refund"), vec![4]);
    assert_eq!(hit_ids("REFUND 4821"), vec![4]);
    // A prefix finds words with suffixes (ಪಾರ್ಸೆಲ್‌ನ, अर्डरको).
    assert_eq!(hit_ids("ಸ್ಥಿತಿ"), vec![1]);
    assert_eq!(hit_ids("अर्डरको"), vec![3]);
    // Vowel signs matter: ಪಾಲು shares consonants with ಪಾರ್ಸೆಲ್ but is another word.
    assert!(hit_ids("ಪಲ").is_empty());
    assert!(hit_ids("ಪಾಲು").is_empty());
    let hit = &store.search("ಪಾರ್ಸೆಲ್", 5).unwrap()[0];
    assert_eq!(hit.subject, "ನನ್ನ ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ");
    assert_eq!(hit.message_id, Some(1));
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|r| &hit.snippet[r.clone()])
        .collect();
    assert_eq!(marked, vec!["ಪಾರ್ಸೆಲ್"]);
    // Subject-only matches carry the subject as snippet.
    let hit = &store.search("wrong", 5).unwrap()[0];
    assert_eq!(
        (hit.ticket_id, hit.message_id, hit.snippet.as_str()),
        (5, None, "Wrong size")
    );
    assert_eq!(&hit.snippet[hit.highlights[0].clone()], "Wrong");
}

#[test]
fn search_sorts_by_recency_and_survives_hostile_queries() {
    let mut store = seeded();
    store
        .apply_changes(
            &[
                Change {
                    seq: 101,
                    entity: Entity::Message(message(20, 5, "refund please", 50)),
                },
                Change {
                    seq: 102,
                    entity: Entity::Message(message(21, 3, "refund? \"quoted\" AND -x", 40)),
                },
            ],
            102,
        )
        .unwrap();
    let hits: Vec<i64> = store
        .search("refund", 10)
        .unwrap()
        .into_iter()
        .map(|h| h.ticket_id)
        .collect();
    assert_eq!(hits, vec![5, 3, 4]);
    for q in [
        "\"",
        "\"\"",
        "*",
        "refund*",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "a AND",
        "-refund",
        "refund -",
        "(",
        ")",
        ":",
        "col:refund",
        "^refund",
        "{body}",
        "'",
        "\\",
        "\0",
        "\u{202e}refund",
        "\"unterminated",
        "+-*/",
        "..",
        "NEAR(refund please, 2)",
        "refund OR",
        "ಪಾರ್ಸೆಲ್\"*",
    ] {
        let result = store.search(q, 10);
        assert!(result.is_ok(), "query {q:?}: {result:?}");
    }
    assert_eq!(store.search("\"quoted\"", 10).unwrap()[0].ticket_id, 3);
    assert_eq!(store.search("AND", 10).unwrap()[0].ticket_id, 3);
    assert!(store.search("   ", 10).unwrap().is_empty());
}

#[test]
fn malformed_rows_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        store.apply_changes(&changes(world()), 100).unwrap();
        store
            .enqueue(OutboxOp::Message {
                ticket_id: 1,
                kind: MessageKind::Note,
                body: "x".into(),
            })
            .unwrap();
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE tickets SET json = '{\"id\": 1, \"subj' WHERE id = 1",
            [],
        )
        .unwrap();
        conn.execute("UPDATE outbox SET op = '{\"op\":\"teleport\"}'", [])
            .unwrap();
        conn.execute("UPDATE customers SET json = '[]' WHERE id = 10", [])
            .unwrap();
        conn.execute("UPDATE meta SET value = '{' WHERE key = 'cursor'", [])
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let err = store.ticket(1).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("malformed ticket"), "{err}");
    assert!(store.ticket_rows(View::All, 1, t0(), 0, 10).is_err());
    assert!(store.outbox_pending().is_err());
    assert!(store.messages(1).is_err());
    assert!(store.customer_detail(10).is_err());
    assert!(store.cursor().is_err());
    // Other rows still read.
    assert_eq!(store.ticket(2).unwrap().unwrap().id, 2);
}

#[test]
fn bad_files_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    {
        Store::open(&path).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).err().unwrap();
    let text = err.to_string();
    assert!(
        text.contains("newer sahaya") && text.contains(&path.display().to_string()),
        "{text}"
    );

    let junk = dir.path().join("junk.sqlite");
    std::fs::write(
        &junk,
        b"this is not a database, just some text that is long enough",
    )
    .unwrap();
    let err = Store::open(&junk).err().unwrap();
    assert!(err.to_string().contains("junk.sqlite"), "{err}");
}

#[test]
fn two_connections_share_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let ui = Store::open(&path).unwrap();
    let mut sync = Store::open(&path).unwrap();
    let journal: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(ui.view_counts(1, t0()).unwrap().all, 0);
    let g = ui.generation().unwrap();
    sync.apply_changes(&changes(world()), 100).unwrap();
    assert_ne!(ui.generation().unwrap(), g);
    // The UI's remembered counts follow the other connection's commit.
    assert_eq!(ui.view_counts(1, t0()).unwrap().all, 5);
    assert_eq!(ui.ticket(1).unwrap().unwrap().id, 1);
}

#[test]
fn reset_keeps_the_outbox() {
    let mut store = seeded();
    let e = store
        .enqueue(OutboxOp::Patch {
            ticket_id: 1,
            patch: TicketPatch {
                status: Some(Status::Pending),
                ..Default::default()
            },
        })
        .unwrap();
    store.save_draft(1, MessageKind::Reply, "hi").unwrap();
    store.reset_cache().unwrap();
    assert_eq!(store.cursor().unwrap(), 0);
    assert_eq!(store.view_counts(1, t0()).unwrap().all, 0);
    assert!(store.search("ಪಾರ್ಸೆಲ್", 10).unwrap().is_empty());
    assert_eq!(store.outbox_pending().unwrap()[0].id, e.id);
    assert!(store.draft(1).unwrap().is_some());
    assert!(store.me().unwrap().is_some());
    // The patch shows again once the ticket is back.
    store.apply_changes(&changes(world()), 100).unwrap();
    assert_eq!(store.ticket(1).unwrap().unwrap().status, Status::Pending);
}

#[test]
fn ten_thousand_changes_in_one_call() {
    let mut store = Store::open_in_memory().unwrap();
    let mut entities = Vec::new();
    for i in 1..=5_000 {
        entities.push(Entity::Ticket(ticket(
            i,
            &format!("Order {i} ಪಾರ್ಸೆಲ್"),
            Status::Open,
            None,
            10,
        )));
        entities.push(Entity::Message(message(
            i,
            i,
            &format!("message {i} refund ఆర్డర్"),
            i,
        )));
    }
    let started = std::time::Instant::now();
    store.apply_changes(&changes(entities), 10_000).unwrap();
    eprintln!("10k changes in {:?}", started.elapsed());
    assert_eq!(store.view_len(View::All, 1, t0()).unwrap(), 5_000);
    let hits = store.search("refund", 3).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.ticket_id).collect::<Vec<_>>(),
        vec![5000, 4999, 4998]
    );
}

#[test]
fn a_deleted_macros_tombstone_removes_it() {
    let mut store = seeded();
    let mut m = store.macros().unwrap().remove(0);
    m.deleted = true;
    store
        .apply_changes(&changes(vec![Entity::Macro(m)]), 200)
        .unwrap();
    assert!(store.macros().unwrap().is_empty());
}
