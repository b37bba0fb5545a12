//! The data set of the query bench: a cache filled through
//! `Store::apply_changes` (the sync task's path) with synthetic customers,
//! orders, tickets, messages and surveys, in the proportions of the
//! reference server's `--synthetic-tickets` (about ten messages a ticket).

use std::path::Path;
use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use sahaya_protocol::domain::{
    Agent, Author, Channel, ContactHandle, Customer, Delivery, Message, MessageKind, Money, Order,
    PaymentMethod, PaymentStatus, Presence, Priority, Role, Shipment, ShipmentStatus, Sla, Status,
    SurveyKind, SurveyResponse, Ticket, Timestamp,
};
use sahaya_protocol::wire::{Change, Entity};
use sahaya_store::Store;

/// Bumped when the data set changes, so a kept cache is rebuilt.
const DATA_VERSION: &str = "query-bench-3";

pub fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

pub const AGENTS: i64 = 20;

const FIRST: &[&str] = &[
    "Anil",
    "ಕಾವ್ಯಾ",
    "రమేష్",
    "सरिता",
    "Priya",
    "ಮಂಜುನಾಥ",
    "లక్ష్మి",
    "बिकास",
    "Kavya",
    "Ramesh",
];
const LAST: &[&str] = &[
    "Rao",
    "ಹೆಗಡೆ",
    "రెడ్డి",
    "श्रेष्ठ",
    "Iyer",
    "ಗೌಡ",
    "నాయుడు",
    "थापा",
    "Shetty",
];
const LANGS: &[&str] = &["en", "kn", "te", "ne", "hi"];
const GROUPS: &[&str] = &["logistics", "payments", "returns", "general"];
const TAGS: &[&str] = &["cod", "prepaid", "vip", "fragile", "repeat", "festive"];

const SUBJECTS: &[&str] = &[
    "Where is my order",
    "ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ತಲುಪಿಲ್ಲ",
    "ఆర్డర్ ఇంకా రాలేదు",
    "अर्डर अझै आएन",
    "Refund status for COD order",
    "UPI debited, order failed",
    "Wrong size delivered",
    "ಸೈಜ್ ಬದಲಾಯಿಸಬೇಕು",
    "రిటర్న్ పికప్ రాలేదు",
    "फिर्ता रकम कहिले आउँछ?",
    "Damaged item received",
    "Change delivery address",
];

const LINES: &[&str] = &[
    "Hi, my order has not arrived yet. Can you check?",
    "ನನ್ನ ಆರ್ಡರ್ ಎಲ್ಲಿದೆ ಅಂತ ದಯವಿಟ್ಟು ನೋಡಿ ಹೇಳಿ.",
    "నా ఆర్డర్ ఎక్కడ ఉందో చెప్పగలరా?",
    "मेरो सामान कहाँ पुग्यो, कृपया हेरिदिनुस्।",
    "Money got debited through UPI but the app shows payment failed 🙁",
    "Box was torn and the glass is cracked. Photos attached.",
    "ಡೆಲಿವರಿ ಬಾಯ್ ಫೋನ್ ಮಾಡದೆ ಹೋಗಿದ್ದಾರೆ.",
    "పికప్ కోసం ఎవరూ రాలేదు, రెండు రోజులు ఎదురుచూశాను.",
    "साइज मिलेन, ठूलो साइज चाहियो।",
    "Please change the address to my office, same pin code.",
    "Thanks for the quick help 👍🏽",
    "Order #SYN ಇನ್ನೂ ಬಂದಿಲ್ಲ, please check 🙏",
];

const REPLIES: &[&str] = &[
    "Sorry for the delay. I have raised this with the courier and will update you today.",
    "ತಡವಾಗಿದ್ದಕ್ಕೆ ಕ್ಷಮಿಸಿ, ಕೊರಿಯರ್ ಜೊತೆ ಮಾತಾಡಿ ಇವತ್ತೇ ತಿಳಿಸುತ್ತೇನೆ.",
    "ఆలస్యానికి క్షమించండి, ఈరోజే అప్‌డేట్ ఇస్తాను.",
    "ढिलाइको लागि माफ गर्नुहोस्, आजै जानकारी दिन्छु।",
    "Your refund has been initiated; it reaches your account in 5–7 working days.",
];

/// The phone number of customer `i` as the channel wrote it.
pub fn phone_of(i: i64) -> String {
    if i % 5 == 3 {
        format!("+977 98{:08}", 41_000_000 + i * 7)
    } else {
        let n = 9_845_000_000 + i * 37;
        format!("+91 {} {:05}", n / 100_000, n % 100_000)
    }
}

pub fn order_of(i: i64) -> String {
    format!("OD-{}", 100_000 + i)
}

/// Opens the cache at `path`, filling it first unless it holds this data set
/// for `tickets` already.
pub fn open(path: &Path, tickets: i64) -> Store {
    let mut store = Store::open(path).expect("cache");
    let want = format!("{DATA_VERSION}/{tickets}");
    if store.get_meta("bench_data").expect("meta").as_deref() == Some(want.as_str()) {
        return store;
    }
    store.reset_cache().expect("reset");
    store.use_large_page_cache().expect("pragma");
    let started = Instant::now();
    let messages = fill(&mut store, tickets);
    store.set_meta("bench_data", &want).expect("meta");
    println!(
        "filled {} with {tickets} tickets, {messages} messages in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    store
}

struct Pages<'a> {
    store: &'a mut Store,
    page: Vec<Change>,
    seq: i64,
}

impl Pages<'_> {
    fn push(&mut self, entity: Entity) {
        self.seq += 1;
        self.page.push(Change {
            seq: self.seq,
            entity,
        });
        if self.page.len() >= 2000 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.page.is_empty() {
            self.store
                .apply_changes(&self.page, self.seq)
                .expect("apply");
            self.page.clear();
        }
    }
}

fn fill(store: &mut Store, tickets: i64) -> i64 {
    let now = now();
    let mut rng = StdRng::seed_from_u64(0x5EA2C4);
    let customers = (tickets / 10).max(50);
    let orders = customers * 3 / 2;
    let mut pages = Pages {
        store,
        page: Vec::new(),
        seq: 0,
    };
    for id in 1..=AGENTS {
        pages.push(Entity::Agent(Agent {
            id,
            login: format!("agent{id}"),
            name: format!(
                "{} {}",
                FIRST[id as usize % FIRST.len()],
                LAST[id as usize % 3]
            ),
            role: Role::Agent,
            group: GROUPS[id as usize % GROUPS.len()].to_string(),
            languages: vec!["en".into()],
            presence: Presence::Online,
        }));
    }
    for i in 1..=customers {
        let first = FIRST[i as usize % FIRST.len()];
        let last = LAST[(i as usize / FIRST.len()) % LAST.len()];
        let mut handles = vec![
            ContactHandle {
                channel: Channel::Phone,
                value: phone_of(i),
            },
            ContactHandle {
                channel: Channel::Email,
                value: format!("customer{i}@example.in"),
            },
        ];
        if i % 3 == 0 {
            handles.push(ContactHandle {
                channel: Channel::Instagram,
                value: format!("@shopper_{i}"),
            });
        }
        pages.push(Entity::Customer(Customer {
            id: i,
            name: format!("{first} {last}"),
            handles,
            preferred_language: LANGS[i as usize % LANGS.len()].to_string(),
            city: String::new(),
            lifetime_value: Money::inr(1000 + i),
            notes: String::new(),
            created_at: now - Duration::days(400),
            updated_at: now - Duration::days(400),
        }));
    }
    for i in 1..=orders {
        let placed = now - Duration::minutes(rng.random_range(0..40 * 24 * 60));
        pages.push(Entity::Order(Order {
            id: order_of(i),
            customer_id: 1 + (i - 1) % customers,
            placed_at: placed,
            items: Vec::new(),
            total: Money::inr(500 + i % 3000),
            payment_method: PaymentMethod::Cod,
            payment_status: PaymentStatus::Pending,
            delivery_address: String::new(),
            shipment: Some(Shipment {
                carrier: "Delhivery".into(),
                tracking_number: format!("DL{:010}IN", 3_000_000_000i64 + i * 13),
                status: ShipmentStatus::InTransit,
                eta: None,
                late: false,
                events: Vec::new(),
            }),
            updated_at: placed,
        }));
    }
    let mut message_id = 1;
    let mut survey_id = 1;
    for ticket_id in 1..=tickets {
        let customer_id = rng.random_range(1..=customers);
        let created = now - Duration::minutes(rng.random_range(0..30 * 24 * 60));
        let priority = *Priority::ALL.choose(&mut rng).unwrap_or(&Priority::Normal);
        let status = *Status::ALL.choose(&mut rng).unwrap_or(&Status::Open);
        let channel = *Channel::ALL.choose(&mut rng).unwrap_or(&Channel::Email);
        let assignee = rng.random_bool(0.7).then(|| rng.random_range(1..=AGENTS));
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..rng.random_range(0..3) {
            let t = TAGS.choose(&mut rng).unwrap_or(&"cod").to_string();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let count = rng.random_range(2..=18);
        let mut ticket = Ticket {
            id: ticket_id,
            subject: SUBJECTS.choose(&mut rng).unwrap_or(&"Order").to_string(),
            status,
            priority,
            channel,
            customer_id,
            assignee_id: assignee,
            group: GROUPS.choose(&mut rng).unwrap_or(&"general").to_string(),
            tags,
            sla: Sla::for_priority(priority, created),
            order_id: rng.random_bool(0.5).then(|| {
                let k = customer_id + customers * rng.random_range(0..2);
                order_of(if k <= orders { k } else { customer_id })
            }),
            version: 1,
            created_at: created,
            updated_at: created,
            last_customer_message_at: None,
            message_count: count,
        };
        let mut at = created;
        for i in 0..count {
            let customer_turn = i % 2 == 0 || assignee.is_none();
            let (kind, author, body, delivery) = if customer_turn {
                (
                    MessageKind::Customer,
                    Author::Customer {
                        id: customer_id,
                        name: String::new(),
                    },
                    *LINES.choose(&mut rng).unwrap_or(&"Hello"),
                    Delivery::Received,
                )
            } else {
                if ticket.sla.first_responded_at.is_none() {
                    ticket.sla.first_responded_at = Some(at);
                }
                (
                    MessageKind::Reply,
                    Author::Agent {
                        id: assignee.unwrap_or(0),
                        name: String::new(),
                    },
                    *REPLIES.choose(&mut rng).unwrap_or(&"Checking."),
                    Delivery::Delivered,
                )
            };
            pages.push(Entity::Message(Message {
                id: message_id,
                ticket_id,
                kind,
                author,
                channel,
                body: body.to_string(),
                created_at: at,
                delivery,
                delivery_error: None,
                attachments: Vec::new(),
            }));
            message_id += 1;
            ticket.updated_at = at;
            at = (at + Duration::minutes(rng.random_range(1..240))).min(now);
        }
        ticket.version = 1 + count;
        if !status.is_active() && rng.random_bool(0.3) {
            pages.push(Entity::Survey(SurveyResponse {
                id: survey_id,
                customer_id,
                ticket_id: Some(ticket_id),
                kind: SurveyKind::Csat,
                score: rng.random_range(1..=5),
                comment: String::new(),
                created_at: ticket.updated_at,
            }));
            survey_id += 1;
        }
        pages.push(Entity::Ticket(ticket));
    }
    pages.flush();
    message_id - 1
}
