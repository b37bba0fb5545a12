//! Late shipments found in the cache, and outreach queued exactly once.

use chrono::{Duration, TimeZone, Utc};

use super::*;
use sahaya_protocol::domain::{
    Channel, ContactHandle, Customer, Money, Order, PaymentMethod, PaymentStatus, Priority,
    Shipment, ShipmentStatus, Sla, Status, Ticket, Timestamp, TrackingEvent,
};
use sahaya_protocol::wire::{Change, Entity, NewOutboundTicket};

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

fn customer(id: i64) -> Customer {
    Customer {
        id,
        name: format!("Customer {id}"),
        handles: vec![ContactHandle {
            channel: Channel::WhatsApp,
            value: format!("+9198450{id:05}"),
        }],
        preferred_language: "kn".into(),
        city: String::new(),
        lifetime_value: Money::inr(0),
        notes: String::new(),
        created_at: now(),
        updated_at: now(),
    }
}

/// An order of customer `id` whose last scan was `scan_hours` ago, with an
/// ETA `eta_hours` from now (negative: passed), in `status`.
fn order(
    id: &str,
    customer: i64,
    scan_hours: i64,
    eta_hours: i64,
    status: ShipmentStatus,
) -> Order {
    let placed = now() - Duration::days(5);
    Order {
        id: id.into(),
        customer_id: customer,
        placed_at: placed,
        items: Vec::new(),
        total: Money::inr(999),
        payment_method: PaymentMethod::Upi,
        payment_status: PaymentStatus::Paid,
        delivery_address: "Flat 2, Jayanagar 4th Block, Bengaluru 560011".into(),
        shipment: Some(Shipment {
            carrier: "Delhivery".into(),
            tracking_number: format!("T{id}"),
            status,
            eta: Some(now() + Duration::hours(eta_hours)),
            late: false,
            events: vec![TrackingEvent {
                at: now() - Duration::hours(scan_hours),
                location: "Bengaluru Hoskote Mother Hub".into(),
                status,
                description: "scan".into(),
            }],
        }),
        updated_at: placed,
    }
}

fn ticket(id: i64, customer: i64, order: &str, status: Status) -> Ticket {
    Ticket {
        id,
        subject: "Where is my order".into(),
        status,
        priority: Priority::Normal,
        channel: Channel::Email,
        customer_id: customer,
        assignee_id: None,
        group: "support".into(),
        tags: Vec::new(),
        sla: Sla::for_priority(Priority::Normal, now()),
        order_id: Some(order.into()),
        version: 1,
        created_at: now() - Duration::hours(3),
        updated_at: now() - Duration::hours(2),
        last_customer_message_at: None,
        message_count: 1,
    }
}

fn cache(entities: Vec<Entity>) -> Store {
    let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    // The cache's "now" (notices queued) is the tests' fixed one.
    store.set_clock(sahaya_protocol::Clock::manual(now()));
    let changes: Vec<Change> = entities
        .into_iter()
        .enumerate()
        .map(|(i, entity)| Change {
            seq: i as i64 + 1,
            entity,
        })
        .collect();
    store
        .apply_changes(&changes, changes.len() as i64)
        .unwrap_or_else(|e| panic!("{e}"));
    store
}

#[test]
fn late_by_eta_or_by_silence_and_never_when_delivered() {
    let mut both = customer(1);
    both.handles.push(ContactHandle {
        channel: Channel::Email,
        value: "c1@example.in".into(),
    });
    let store = cache(vec![
        Entity::Customer(both),
        Entity::Customer(customer(2)),
        // ETA passed an hour ago, scanned recently.
        Entity::Order(order("OD-1", 1, 2, -1, ShipmentStatus::InTransit)),
        // ETA ahead, but no scan for 30 hours.
        Entity::Order(order("OD-2", 2, 30, 48, ShipmentStatus::InTransit)),
        // ETA ahead, scanned 20 hours ago: on time under a 24-hour rule.
        Entity::Order(order("OD-3", 2, 20, 48, ShipmentStatus::Shipped)),
        // Delivered: never late.
        Entity::Order(order("OD-4", 2, 90, -40, ShipmentStatus::Delivered)),
        Entity::Ticket(ticket(7, 1, "OD-1", Status::Open)),
        Entity::Ticket(ticket(8, 2, "OD-2", Status::Solved)),
    ]);
    let late = store
        .late_orders(now(), LateRule::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = late.iter().map(|l| l.order.id.as_str()).collect();
    assert_eq!(ids, ["OD-1", "OD-2"]);
    assert!(matches!(late[0].lateness, Lateness::EtaPassed { .. }));
    assert!(matches!(late[1].lateness, Lateness::NoScan { .. }));
    assert_eq!(late[0].city, "Bengaluru");
    assert_eq!(late[0].carrier, "Delhivery");
    assert_eq!(
        late[0].open_ticket,
        Some(7),
        "an open ticket about the order"
    );
    assert_eq!(late[1].open_ticket, None, "a solved ticket does not count");
    assert_eq!(late[0].channel, Some(Channel::Email), "last written on");
    // Customer 2 wrote by email too but has only a WhatsApp handle.
    assert_eq!(
        late[1].channel,
        Some(Channel::WhatsApp),
        "a channel with a handle"
    );
    // A stricter rule finds OD-3 too.
    let strict = store
        .late_orders(now(), LateRule { no_scan_hours: 12 })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(strict.len(), 3);
}

#[test]
fn an_outreach_is_queued_once_per_customer_with_its_own_key() {
    let mut store = cache(vec![
        Entity::Customer(customer(1)),
        Entity::Order(order("OD-1", 1, 2, -1, ShipmentStatus::InTransit)),
    ]);
    let notice = OutreachNotice {
        customer_id: 1,
        order_ids: vec!["OD-1".into()],
        op: OutboxOp::Outbound(NewOutboundTicket {
            customer_id: 1,
            channel: Channel::WhatsApp,
            subject: "ನಿಮ್ಮ ಆರ್ಡರ್ OD-1".into(),
            body: "ತಡವಾಗಿದೆ".into(),
            order_id: Some("OD-1".into()),
            priority: None,
        }),
    };
    let first = store
        .enqueue_outreach("o1", std::slice::from_ref(&notice))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        first,
        OutreachQueued {
            queued: 1,
            already: 0
        }
    );
    let again = store
        .enqueue_outreach("o1", std::slice::from_ref(&notice))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        again,
        OutreachQueued {
            queued: 0,
            already: 1
        }
    );
    let pending = store.outbox_pending().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].key, outreach_key("o1", 1));
    let late = store
        .late_orders(now(), LateRule::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(late[0].notified_at, Some(now()));
}
