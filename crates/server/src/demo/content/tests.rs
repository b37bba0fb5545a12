use std::collections::{HashMap, HashSet};

use chrono::{Duration, TimeZone, Utc};

use super::demo_data;
use crate::demo::DemoData;
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Author, Channel, Delivery, Message, MessageKind, PaymentMethod,
    Priority, RefundMethod, Role, ShipmentStatus, Status, SurveyKind, Timestamp,
};

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0).unwrap()
}

fn data() -> DemoData {
    demo_data(now())
}

fn has_script(text: &str, lo: u32, hi: u32) -> bool {
    text.chars().any(|c| (lo..=hi).contains(&(c as u32)))
}

#[test]
fn sizes() {
    let d = data();
    assert!(d.tickets.len() >= 150, "{} tickets", d.tickets.len());
    assert!(d.customers.len() >= 60);
    assert!(d.orders.len() >= d.customers.len());
    assert!(
        d.order_actions.len() >= 20,
        "{} actions",
        d.order_actions.len()
    );
    assert!(
        (60..=100).contains(&d.surveys.len()),
        "{} surveys",
        d.surveys.len()
    );
}

#[test]
fn agents_as_briefed() {
    let d = data();
    let a = &d.agents[0];
    assert_eq!(
        (a.id, a.login.as_str(), a.name.as_str(), a.role),
        (1, "asha", "Asha Kulkarni", Role::Agent)
    );
    assert_eq!(a.group, "logistics");
    assert_eq!(a.languages, vec!["en", "kn"]);
    assert!(d.agents.iter().filter(|a| a.role == Role::Agent).count() >= 3);
    assert!(
        d.agents
            .iter()
            .any(|a| a.login == "meera" && a.role == Role::Supervisor)
    );
    assert!(
        d.agents.iter().any(|a| a.login == "bridge"
            && a.role == Role::Integration
            && a.name == "Channel bridge")
    );
    let ids: Vec<i64> = d.agents.iter().map(|a| a.id).collect();
    assert_eq!(ids, (1..=d.agents.len() as i64).collect::<Vec<_>>());
}

#[test]
fn every_channel_status_and_priority_used() {
    let d = data();
    for c in Channel::ALL {
        assert!(
            d.tickets.iter().any(|t| t.ticket.channel == *c),
            "no {c} ticket"
        );
    }
    for s in Status::ALL {
        assert!(
            d.tickets.iter().any(|t| t.ticket.status == *s),
            "no {s} ticket"
        );
    }
    for p in Priority::ALL {
        assert!(
            d.tickets.iter().any(|t| t.ticket.priority == *p),
            "no {p} ticket"
        );
    }
}

#[test]
fn foreign_keys_hold() {
    let d = data();
    let customers: HashSet<i64> = d.customers.iter().map(|c| c.id).collect();
    let agents: HashSet<i64> = d.agents.iter().map(|a| a.id).collect();
    let orders: HashMap<&str, i64> = d
        .orders
        .iter()
        .map(|o| (o.id.as_str(), o.customer_id))
        .collect();
    assert_eq!(orders.len(), d.orders.len(), "order ids are unique");
    for (i, c) in d.customers.iter().enumerate() {
        assert_eq!(c.id, i as i64 + 1);
        let n = d.orders.iter().filter(|o| o.customer_id == c.id).count();
        assert!((1..=4).contains(&n), "customer {} has {n} orders", c.id);
    }
    for (i, t) in d.tickets.iter().enumerate() {
        let ticket = &t.ticket;
        assert_eq!(ticket.id, i as i64 + 1);
        assert!(customers.contains(&ticket.customer_id));
        if let Some(a) = ticket.assignee_id {
            assert!(agents.contains(&a));
        }
        if let Some(o) = &ticket.order_id {
            assert_eq!(
                orders.get(o.as_str()),
                Some(&ticket.customer_id),
                "ticket {} order {o}",
                ticket.id
            );
        }
        for m in &t.messages {
            assert_eq!(m.ticket_id, ticket.id);
            assert_eq!(m.channel, ticket.channel);
        }
    }
    for a in &d.order_actions {
        assert_eq!(orders.get(a.order_id.as_str()), Some(&a.customer_id));
        if let Some(by) = a.created_by {
            assert!(agents.contains(&by));
        }
    }
    let tickets: HashMap<i64, i64> = d
        .tickets
        .iter()
        .map(|t| (t.ticket.id, t.ticket.customer_id))
        .collect();
    for s in &d.surveys {
        assert!(customers.contains(&s.customer_id));
        if let Some(t) = s.ticket_id {
            assert_eq!(tickets.get(&t), Some(&s.customer_id));
        }
    }
    let mut message_ids = HashSet::new();
    for m in d.tickets.iter().flat_map(|t| &t.messages) {
        assert!(message_ids.insert(m.id), "duplicate message id {}", m.id);
    }
}

#[test]
fn ticket_bookkeeping_matches_messages() {
    let d = data();
    let now = now();
    for t in &d.tickets {
        let ticket = &t.ticket;
        let msgs = &t.messages;
        assert!(!msgs.is_empty() && msgs.len() <= 6);
        assert_eq!(ticket.message_count, msgs.len() as i64);
        assert!(
            msgs.windows(2).all(|w| w[0].created_at < w[1].created_at),
            "ticket {} unsorted",
            ticket.id
        );
        assert_eq!(ticket.created_at, msgs[0].created_at);
        assert_eq!(ticket.updated_at, msgs.last().unwrap().created_at);
        assert!(ticket.updated_at <= now);
        assert!(ticket.created_at >= now - Duration::days(14));
        assert_eq!(msgs[0].kind, MessageKind::Customer);
        let last_customer = msgs
            .iter()
            .filter(|m| m.kind == MessageKind::Customer)
            .map(|m| m.created_at)
            .max();
        assert_eq!(ticket.last_customer_message_at, last_customer);
        let first_reply = msgs
            .iter()
            .find(|m| m.kind == MessageKind::Reply)
            .map(|m| m.created_at);
        assert_eq!(ticket.sla.first_responded_at, first_reply);
        let fresh = sahaya_protocol::domain::Sla::for_priority(ticket.priority, ticket.created_at);
        assert_eq!(ticket.sla.first_response_due, fresh.first_response_due);
        assert_eq!(ticket.sla.resolution_due, fresh.resolution_due);
        for m in msgs {
            match m.kind {
                MessageKind::Customer => assert_eq!(m.delivery, Delivery::Received),
                MessageKind::Note => assert_eq!(m.delivery, Delivery::Internal),
                MessageKind::Reply => assert!(matches!(
                    m.delivery,
                    Delivery::Sent | Delivery::Delivered | Delivery::Read | Delivery::Failed
                )),
            }
            if m.kind != MessageKind::Customer {
                assert!(
                    ticket.assignee_id.is_some(),
                    "ticket {} has agent messages but no assignee",
                    ticket.id
                );
            }
            assert!(
                !m.body.contains("{name}")
                    && !m.body.contains("{order}")
                    && !m.body.contains("{agent}"),
                "unfilled: {}",
                m.body
            );
        }
        assert!(
            !ticket.subject.contains('{'),
            "unfilled subject {}",
            ticket.subject
        );
        if matches!(ticket.status, Status::Solved | Status::Closed) {
            assert!(ticket.assignee_id.is_some());
        }
    }
}

#[test]
fn sla_has_breached_and_due_soon_tickets() {
    let d = data();
    let now = now();
    let waiting = || {
        d.tickets.iter().map(|t| &t.ticket).filter(|t| {
            matches!(t.status, Status::New | Status::Open) && t.sla.first_responded_at.is_none()
        })
    };
    assert!(
        waiting().any(|t| t.sla.first_response_due < now),
        "no breached ticket"
    );
    assert!(
        waiting().any(|t| t.sla.first_response_due > now
            && t.sla.first_response_due <= now + Duration::hours(1)),
        "nothing due within the hour"
    );
}

#[test]
fn workload_is_shaped() {
    let d = data();
    let active: Vec<_> = d
        .tickets
        .iter()
        .map(|t| &t.ticket)
        .filter(|t| t.status.is_active())
        .collect();
    let asha = active.iter().filter(|t| t.assignee_id == Some(1)).count();
    let unassigned = active.iter().filter(|t| t.assignee_id.is_none()).count();
    assert!((12..=18).contains(&asha), "asha has {asha} active tickets");
    assert!(
        (16..=24).contains(&unassigned),
        "{unassigned} active unassigned"
    );
}

#[test]
fn orders_are_consistent() {
    let d = data();
    let now = now();
    for o in &d.orders {
        assert!(o.id.starts_with("OD-") && o.id.len() == 9, "{}", o.id);
        assert!(!o.items.is_empty());
        let sum: i64 = o
            .items
            .iter()
            .map(|i| i.unit_price.minor * i.quantity)
            .sum();
        assert_eq!(o.total.minor, sum);
        assert!(
            o.items
                .iter()
                .all(|i| i.unit_price.currency == o.total.currency)
        );
        assert!(o.placed_at <= now && o.updated_at <= now && o.placed_at <= o.updated_at);
        if let Some(s) = &o.shipment {
            assert!(
                (2..=6).contains(&s.events.len()),
                "{} has {} events",
                o.id,
                s.events.len()
            );
            assert!(s.events.windows(2).all(|w| w[0].at < w[1].at));
            assert!(s.events.iter().all(|e| e.at <= now && e.at > o.placed_at));
            assert_eq!(s.status, s.events.last().unwrap().status);
            if s.late {
                assert_ne!(s.status, ShipmentStatus::Delivered);
            }
        }
    }
    let statuses: HashSet<_> = d
        .orders
        .iter()
        .filter_map(|o| o.shipment.as_ref())
        .map(|s| s.status)
        .collect();
    for s in [
        ShipmentStatus::Delivered,
        ShipmentStatus::InTransit,
        ShipmentStatus::DeliveryFailed,
        ShipmentStatus::Packed,
    ] {
        assert!(statuses.contains(&s), "no {s} shipment");
    }
    assert!(
        d.orders
            .iter()
            .any(|o| o.shipment.as_ref().is_some_and(|s| s.late))
    );
    let methods: HashSet<_> = d.orders.iter().map(|o| o.payment_method).collect();
    assert_eq!(methods.len(), PaymentMethod::ALL.len());
    for a in &d.order_actions {
        let order = d.orders.iter().find(|o| o.id == a.order_id).unwrap();
        if a.kind == ActionKind::Refund && order.payment_method == PaymentMethod::Cod {
            assert!(matches!(
                a.refund_method,
                Some(RefundMethod::BankTransfer | RefundMethod::Upi)
            ));
        }
        if a.kind == ActionKind::Exchange {
            assert!(a.replacement_variant.is_some());
        }
        assert!(a.created_at <= a.updated_at && a.updated_at <= now);
    }
    assert!(
        d.order_actions
            .iter()
            .any(|a| a.status == ActionStatus::PickupMissed)
    );
}

#[test]
fn scripts_and_languages_present() {
    let d = data();
    let texts: Vec<&str> = d
        .tickets
        .iter()
        .flat_map(|t| t.messages.iter().map(|m| m.body.as_str()))
        .collect();
    for (lo, hi, name) in [
        (0x0C80, 0x0CFF, "Kannada"),
        (0x0C00, 0x0C7F, "Telugu"),
        (0x0900, 0x097F, "Devanagari"),
    ] {
        assert!(
            texts.iter().filter(|t| has_script(t, lo, hi)).count() >= 20,
            "too little {name}"
        );
        assert!(
            d.customers.iter().any(|c| has_script(&c.name, lo, hi)),
            "no {name} customer name"
        );
        assert!(d.macros.iter().any(|m| has_script(&m.body, lo, hi)));
        assert!(
            d.surveys.iter().any(|s| has_script(&s.comment, lo, hi)),
            "no {name} survey comment"
        );
    }
    for lang in ["en", "kn", "te", "ne"] {
        assert!(d.customers.iter().any(|c| c.preferred_language == lang));
    }
    // mixed script: Kannada and Latin letters in one message
    assert!(
        texts
            .iter()
            .any(|t| has_script(t, 0x0C80, 0x0CFF) && t.contains("Order"))
    );
}

#[test]
fn hostile_texts_present() {
    let d = data();
    let texts: Vec<&str> = d
        .tickets
        .iter()
        .flat_map(|t| t.messages.iter().map(|m| m.body.as_str()))
        .collect();
    assert!(texts.iter().any(|t| t.contains("\u{1b}[2J")));
    assert!(texts.iter().any(|t| t.contains("\u{1b}]0;")));
    assert!(texts.iter().any(|t| t.contains('\u{202E}')));
    assert!(texts.iter().any(|t| t.contains("👨\u{200d}👩\u{200d}👧")));
    assert!(texts.iter().any(|t| t.contains("👍🏽")));
    assert!(texts.iter().any(|t| t.contains("\r\n") && t.contains('\t')));
    assert!(texts.iter().any(|t| {
        t.split_whitespace()
            .any(|w| w.starts_with("https://") && w.len() > 200)
    }));
}

#[test]
fn macros_per_language() {
    let d = data();
    for lang in ["en", "kn", "te", "ne", "hi"] {
        assert!(
            d.macros.iter().filter(|m| m.language == lang).count() >= 3,
            "{lang}"
        );
    }
    let names: HashSet<String> = d.macros.iter().flat_map(|m| m.placeholders()).collect();
    for p in [
        "customer.name",
        "order.id",
        "tracking.number",
        "agent.name",
        "refund.days",
    ] {
        assert!(names.contains(p), "{p}");
    }
    assert!(
        d.macros
            .iter()
            .any(|m| m.set_status == Some(Status::Pending) && !m.add_tags.is_empty())
    );
}

#[test]
fn surveys_spread_with_some_today() {
    let d = data();
    let now = now();
    assert!(
        d.surveys
            .iter()
            .all(|s| s.created_at <= now && s.created_at >= now - Duration::days(14))
    );
    assert!(
        d.surveys
            .iter()
            .filter(|s| s.created_at > now - Duration::hours(12))
            .count()
            >= 4
    );
    for s in &d.surveys {
        match s.kind {
            SurveyKind::Csat => assert!((1..=5).contains(&s.score)),
            SurveyKind::Nps => assert!((0..=10).contains(&s.score)),
        }
    }
    assert!(d.surveys.iter().any(|s| s.kind == SurveyKind::Nps));
}

#[test]
fn deterministic() {
    let a = data();
    let b = data();
    assert_eq!(a.tickets.len(), b.tickets.len());
    assert_eq!(a.tickets[0].ticket.subject, b.tickets[0].ticket.subject);
    assert_eq!(
        a.tickets.iter().map(|t| &t.ticket).collect::<Vec<_>>(),
        b.tickets.iter().map(|t| &t.ticket).collect::<Vec<_>>()
    );
    assert_eq!(a.orders, b.orders);
    let c = demo_data(now() + Duration::days(3));
    assert_eq!(a.tickets.len(), c.tickets.len());
    assert_eq!(a.tickets[0].ticket.subject, c.tickets[0].ticket.subject);
}

#[test]
fn customers_have_regional_handles_and_currency() {
    use sahaya_protocol::domain::Currency;
    let d = data();
    for c in &d.customers {
        let nepal = matches!(c.city.as_str(), "Kathmandu" | "Lalitpur" | "Pokhara");
        let currency = if nepal { Currency::Npr } else { Currency::Inr };
        assert_eq!(c.lifetime_value.currency, currency, "{}", c.name);
        let phone = c
            .handles
            .iter()
            .find(|h| h.channel == Channel::Phone)
            .expect("phone");
        assert!(
            phone
                .value
                .starts_with(if nepal { "+977 " } else { "+91 " }),
            "{}",
            phone.value
        );
        for h in c.handles.iter().filter(|h| h.channel == Channel::Email) {
            assert!(
                h.value.ends_with(".example"),
                "{} is not a reserved address",
                h.value
            );
        }
        assert!(["en", "kn", "te", "ne"].contains(&c.preferred_language.as_str()));
        for o in d.orders.iter().filter(|o| o.customer_id == c.id) {
            assert_eq!(o.total.currency, currency);
        }
    }
    let channels: HashSet<Channel> = d
        .customers
        .iter()
        .flat_map(|c| c.handles.iter().map(|h| h.channel))
        .collect();
    for c in [
        Channel::Email,
        Channel::Phone,
        Channel::WhatsApp,
        Channel::Facebook,
        Channel::Instagram,
    ] {
        assert!(channels.contains(&c));
    }
    assert!(
        d.customers.iter().any(|c| c.notes.is_empty())
            && d.customers.iter().any(|c| !c.notes.is_empty())
    );
}

/// The demo agent always has one reply WhatsApp could not deliver, with the
/// channel's reason (their problems list shows it), whatever the hour.
#[test]
fn the_demo_agent_has_one_undelivered_reply_at_any_hour() {
    for hour in [0, 5, 9, 13, 18, 23] {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, hour, 17, 0).unwrap();
        let d = demo_data(at);
        let failed: Vec<&Message> = d
            .tickets
            .iter()
            .flat_map(|t| &t.messages)
            .filter(|m| m.delivery == Delivery::Failed)
            .collect();
        assert_eq!(failed.len(), 1, "at {hour}h");
        let m = failed[0];
        assert_eq!(m.channel, Channel::WhatsApp);
        assert!(m.delivery_error.is_some());
        let Author::Agent { id, .. } = &m.author else {
            panic!("a reply by an agent")
        };
        assert_eq!(*id, d.agents[0].id, "at {hour}h: the demo agent's");
    }
}
