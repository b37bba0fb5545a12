//! A small world for query tests: customers named in four scripts with
//! phone numbers written every which way, orders with tracking numbers,
//! tickets spread over every status, priority, channel, group, assignee,
//! tag and age, messages in four scripts, CSAT and NPS answers.

use chrono::{Duration, TimeZone, Utc};
use sahaya_protocol::domain::{
    Agent, Author, Channel, ContactHandle, Customer, Delivery, Message, MessageKind, Money, Order,
    PaymentMethod, PaymentStatus, Presence, Priority, Role, Shipment, ShipmentStatus, Sla, Status,
    SurveyKind, SurveyResponse, Ticket, Timestamp,
};
use sahaya_protocol::wire::{Change, Entity};
use sahaya_store::{QueryContext, Store};

pub fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).single().unwrap()
}

/// Agent 1 is "me".
pub fn cx() -> QueryContext {
    QueryContext { me: 1, now: t0() }
}

pub struct World {
    pub agents: Vec<Agent>,
    pub customers: Vec<Customer>,
    pub orders: Vec<Order>,
    pub tickets: Vec<Ticket>,
    pub messages: Vec<Message>,
    pub surveys: Vec<SurveyResponse>,
}

fn agent(id: i64, login: &str, name: &str) -> Agent {
    Agent {
        id,
        login: login.into(),
        name: name.into(),
        role: Role::Agent,
        group: "support".into(),
        languages: vec!["en".into()],
        presence: Presence::Online,
    }
}

fn customer(id: i64, name: &str, lang: &str, handles: &[(Channel, &str)]) -> Customer {
    Customer {
        id,
        name: name.into(),
        handles: handles
            .iter()
            .map(|(channel, value)| ContactHandle {
                channel: *channel,
                value: value.to_string(),
            })
            .collect(),
        preferred_language: lang.into(),
        city: String::new(),
        lifetime_value: Money::inr(100),
        notes: String::new(),
        created_at: t0() - Duration::days(300),
        updated_at: t0() - Duration::days(300),
    }
}

fn order(id: &str, customer_id: i64, tracking: Option<&str>) -> Order {
    Order {
        id: id.into(),
        customer_id,
        placed_at: t0() - Duration::days(5),
        items: vec![],
        total: Money::inr(999),
        payment_method: PaymentMethod::Cod,
        payment_status: PaymentStatus::Pending,
        delivery_address: String::new(),
        shipment: tracking.map(|t| Shipment {
            carrier: "Delhivery".into(),
            tracking_number: t.into(),
            status: ShipmentStatus::InTransit,
            eta: None,
            late: false,
            events: vec![],
        }),
        updated_at: t0() - Duration::days(5),
    }
}

const BODIES: &[&str] = &[
    "Where is my order? The courier never came.",
    "ನನ್ನ ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ, refund ಬೇಕು",
    "నా ఆర్డర్ ఎక్కడ ఉంది? courier రాలేదు",
    "मेरो सामान कहाँ पुग्यो? refund चाहियो",
    "Refund please, the box was damaged",
    "Thanks, the parcel arrived 👍🏽",
    "ಪಾರ್ಸೆಲ್‌ನ ಬಾಕ್ಸ್ ಹರಿದಿದೆ",
];

const SUBJECTS: &[&str] = &[
    "Where is my order",
    "ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ತಲುಪಿಲ್ಲ",
    "ఆర్డర్ ఇంకా రాలేదు",
    "Refund status for COD order",
    "अर्डर अझै आएन",
    "Damaged item received",
];

pub const TICKETS: i64 = 42;

pub fn world() -> World {
    let agents = vec![
        agent(1, "asha", "Asha Kulkarni"),
        agent(2, "bharat", "Bharat Reddy"),
        agent(3, "chitra", "ಚಿತ್ರಾ ರಾವ್"),
    ];
    let customers = vec![
        customer(
            1,
            "Kavya Rao",
            "kn-IN",
            &[
                (Channel::Phone, "+91 98450 12345"),
                (Channel::Email, "Kavya.Rao@Gmail.Example"),
                (Channel::Instagram, "@kavya_r"),
            ],
        ),
        customer(2, "ಕಾವ್ಯಾ ಹೆಗಡೆ", "kn", &[(Channel::WhatsApp, "09845067890")]),
        customer(
            3,
            "లక్ష్మి రెడ్డి",
            "te",
            &[
                (Channel::Phone, "+91 70123 45678"),
                (Channel::Email, "lakshmi@yahoo.example"),
            ],
        ),
        customer(
            4,
            "सरिता थापा",
            "ne",
            &[
                (Channel::Phone, "+977 9841234567"),
                (Channel::Facebook, "facebook.com/sarita.thapa"),
            ],
        ),
        customer(
            5,
            "Ramesh Iyer",
            "en",
            &[
                (Channel::Phone, "9900011122"),
                (Channel::Email, "ramesh@outlook.example"),
            ],
        ),
        customer(6, "बिकास श्रेष्ठ", "hi", &[(Channel::Phone, "+91 ९८८००११२२३")]),
    ];
    let orders = vec![
        order("OD-100101", 1, Some("DL1234567890IN")),
        order("OD-100102", 1, None),
        order("SH-1001", 2, Some("EK9876543210")),
        order("OD-200301", 3, None),
        order("OD-300401", 4, Some("NP-55512")),
    ];
    let first_order = |customer: i64| orders.iter().find(|o| o.customer_id == customer);
    let mut tickets = Vec::new();
    let mut messages = Vec::new();
    for i in 1..=TICKETS {
        let customer_id = 1 + i % 6;
        let status = Status::ALL[(i % 6) as usize];
        let priority = Priority::ALL[((i / 2) % 4) as usize];
        // Ids grow with time, as the server assigns them.
        let created = t0() - Duration::hours((TICKETS - i) * 3 + 1);
        let mut sla = Sla::for_priority(priority, created);
        if i % 3 == 0 {
            sla.first_responded_at = Some(created + Duration::minutes(10));
        }
        let tags: Vec<String> = match i % 5 {
            0 => vec!["cod".into()],
            1 => vec!["cod".into(), "vip".into()],
            2 => vec!["gift-wrap".into()],
            _ => vec![],
        };
        let order_id = (i % 2 == 0)
            .then(|| first_order(customer_id).map(|o| o.id.clone()))
            .flatten();
        let updated = created + Duration::minutes(i % 5 * 20 + 5);
        tickets.push(Ticket {
            id: i,
            subject: SUBJECTS[(i % 6) as usize].to_string(),
            status,
            priority,
            channel: Channel::ALL[(i % 7) as usize],
            customer_id,
            assignee_id: [Some(1), Some(2), None, Some(3)][(i % 4) as usize],
            group: ["returns", "payments", "Logistics"][(i % 3) as usize].to_string(),
            tags,
            sla,
            order_id,
            version: 1,
            created_at: created,
            updated_at: updated,
            last_customer_message_at: Some(created),
            message_count: 2,
        });
        for k in 0..2 {
            let id = i * 10 + k;
            let _ = id;
            let body = if i == 7 && k == 1 {
                "my order SH-1001 is late, call 98450 12345".to_string()
            } else {
                BODIES[((i + k * 3) % 7) as usize].to_string()
            };
            messages.push(Message {
                id,
                ticket_id: i,
                kind: MessageKind::Customer,
                author: Author::Customer {
                    id: customer_id,
                    name: String::new(),
                },
                channel: Channel::Email,
                body,
                created_at: created + Duration::minutes(k * 5),
                delivery: Delivery::Received,
                delivery_error: None,
                attachments: vec![],
            });
        }
    }
    let survey = |id, ticket_id: i64, kind, score| SurveyResponse {
        id,
        customer_id: 1 + ticket_id % 6,
        ticket_id: Some(ticket_id),
        kind,
        score,
        comment: String::new(),
        created_at: t0(),
    };
    let surveys = vec![
        survey(1, 4, SurveyKind::Csat, 2),
        survey(2, 10, SurveyKind::Csat, 5),
        survey(3, 16, SurveyKind::Csat, 1),
        survey(4, 22, SurveyKind::Nps, 2),
        survey(5, 28, SurveyKind::Csat, 3),
    ];
    World {
        agents,
        customers,
        orders,
        tickets,
        messages,
        surveys,
    }
}

impl World {
    pub fn changes(&self) -> Vec<Change> {
        let mut entities: Vec<Entity> = Vec::new();
        entities.extend(self.agents.iter().cloned().map(Entity::Agent));
        entities.extend(self.customers.iter().cloned().map(Entity::Customer));
        entities.extend(self.orders.iter().cloned().map(Entity::Order));
        entities.extend(self.tickets.iter().cloned().map(Entity::Ticket));
        entities.extend(self.messages.iter().cloned().map(Entity::Message));
        entities.extend(self.surveys.iter().cloned().map(Entity::Survey));
        entities
            .into_iter()
            .enumerate()
            .map(|(i, entity)| Change {
                seq: i as i64 + 1,
                entity,
            })
            .collect()
    }

    pub fn store(&self) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let changes = self.changes();
        let last = changes.len() as i64;
        store.apply_changes(&changes, last).unwrap();
        store
    }
}
