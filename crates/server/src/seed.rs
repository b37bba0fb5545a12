//! Seeding: the demo world, its accounts and tokens, and synthetic tickets for
//! scale tests.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use super::db::{Db, Writer};
use super::demo;
use super::repo;
use super::sql;
use super::tokens::{new_token, token_hash};
use sahaya_protocol::domain::{
    Agent, Author, Channel, ContactHandle, Customer, Delivery, Message, MessageKind, Money,
    Priority, Role, Sla, Status, Ticket, Timestamp,
};

/// A demo login and its token, printed by `sahaya serve --demo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAccount {
    pub login: String,
    pub role: Role,
    pub token: String,
}

const DEMO_ACCOUNTS: &str = "demo_accounts";
const BARE_ACCOUNTS: &str = "bare_accounts";
const SYNTHETIC_COUNT: &str = "synthetic_tickets";

/// Seeds the demo data once; later calls return the accounts made the first time.
pub fn demo(db: &mut Db, now: Timestamp) -> anyhow::Result<Vec<DemoAccount>> {
    if let Some(json) = db.meta(DEMO_ACCOUNTS)? {
        return Ok(serde_json::from_str(&json)?);
    }
    if db.meta(BARE_ACCOUNTS)?.is_some() {
        anyhow::bail!(
            "this database was started without --demo and has its own accounts; use another --db for the demo data"
        );
    }
    let data = demo::demo_data(now);
    let (accounts, _) = db.write(|w| -> anyhow::Result<Vec<DemoAccount>> {
        let mut accounts = Vec::new();
        for agent in &data.agents {
            accounts.push(put_account(w, agent)?);
        }
        for c in &data.customers {
            repo::put_customer(w, c)?;
        }
        for o in &data.orders {
            repo::put_order(w, o)?;
        }
        for a in &data.order_actions {
            repo::put_action(w, a)?;
        }
        for t in &data.tickets {
            repo::put_ticket(w, &t.ticket)?;
            for m in &t.messages {
                repo::put_message(w, m)?;
            }
        }
        for m in &data.macros {
            repo::put_macro(w, m)?;
        }
        for s in &data.surveys {
            repo::put_survey(w, s)?;
        }
        w.set_meta(DEMO_ACCOUNTS, &serde_json::to_string(&accounts)?)?;
        Ok(accounts)
    })?;
    Ok(accounts)
}

/// A server started without `--demo` still needs someone to log in: on an
/// empty database it makes one account per role, and later returns those.
pub fn bootstrap(db: &mut Db) -> anyhow::Result<Vec<DemoAccount>> {
    if let Some(json) = db.meta(BARE_ACCOUNTS)? {
        return Ok(serde_json::from_str(&json)?);
    }
    let agents: i64 = db.conn.value("SELECT COUNT(*) FROM agents", &[])?;
    if agents > 0 {
        return Ok(Vec::new());
    }
    let accounts = vec![
        account(db, "agent", "Agent", Role::Agent)?,
        account(db, "supervisor", "Supervisor", Role::Supervisor)?,
        account(db, "bridge", "Channel bridge", Role::Integration)?,
    ];
    let json = serde_json::to_string(&accounts)?;
    db.write(|w| w.set_meta(BARE_ACCOUNTS, &json))?;
    Ok(accounts)
}

/// Adds an account with a fresh token (used by tests and `serve` without `--demo`).
pub fn account(db: &mut Db, login: &str, name: &str, role: Role) -> anyhow::Result<DemoAccount> {
    let (account, _) = db.write(|w| -> sql::Result<DemoAccount> {
        let agent = Agent {
            id: repo::next_id(&w.tx, "agents")?,
            login: login.to_string(),
            name: name.to_string(),
            role,
            group: "general".to_string(),
            languages: vec!["en".to_string()],
            presence: sahaya_protocol::domain::Presence::Offline,
        };
        put_account(w, &agent)
    })?;
    Ok(account)
}

/// Writes `agent` with a fresh login token.
fn put_account(w: &mut Writer<'_>, agent: &Agent) -> sql::Result<DemoAccount> {
    repo::put_agent(w, agent)?;
    let token = new_token();
    repo::put_token(w, &token_hash(&token), agent.id)?;
    Ok(DemoAccount {
        login: agent.login.clone(),
        role: agent.role,
        token,
    })
}

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

/// Adds generated tickets (about ten messages each) until `n` exist, for scale tests,
/// spread over the last 30 days. Returns the number of messages written.
pub fn synthetic(db: &mut Db, n: usize, now: Timestamp) -> anyhow::Result<usize> {
    // With a kept --db, a restart with the same flag does not add them again.
    let done: usize = db
        .meta(SYNTHETIC_COUNT)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let n = n.saturating_sub(done);
    if n == 0 {
        return Ok(0);
    }
    let mut rng = StdRng::seed_from_u64(0x5A4A_7A00 ^ n as u64);
    let (written, _) = db.write(|w| -> anyhow::Result<usize> {
        let agents: Vec<_> = repo::agents(&w.tx)?
            .into_iter()
            .filter(|a| a.role != Role::Integration)
            .map(|a| (a.id, a.name))
            .collect();
        let customers = synthetic_customers(w, now)?;
        let first_ticket = repo::next_id(&w.tx, "tickets")?;
        let mut message_id = repo::next_id(&w.tx, "messages")?;
        let mut messages = 0;
        for ticket_id in first_ticket..first_ticket + n as i64 {
            let Some((customer_id, customer_name)) = customers.choose(&mut rng).cloned() else {
                anyhow::bail!("no customers to attach synthetic tickets to");
            };
            let created = now - chrono::Duration::minutes(rng.random_range(0..30 * 24 * 60));
            let priority = *Priority::ALL.choose(&mut rng).unwrap_or(&Priority::Normal);
            let status = *Status::ALL.choose(&mut rng).unwrap_or(&Status::Open);
            let channel = *Channel::ALL.choose(&mut rng).unwrap_or(&Channel::Email);
            let assignee = if rng.random_bool(0.7) {
                agents.choose(&mut rng).cloned()
            } else {
                None
            };
            let count = rng.random_range(2..=18);
            let mut at = created;
            let mut ticket = Ticket {
                id: ticket_id,
                subject: SUBJECTS
                    .choose(&mut rng)
                    .unwrap_or(&"Order query")
                    .to_string(),
                status,
                priority,
                channel,
                customer_id,
                assignee_id: assignee.as_ref().map(|a| a.0),
                group: ["logistics", "payments", "returns", "general"][rng.random_range(0..4)]
                    .to_string(),
                tags: vec!["synthetic".to_string()],
                sla: Sla::for_priority(priority, created),
                order_id: None,
                version: 1,
                created_at: created,
                updated_at: created,
                last_customer_message_at: None,
                message_count: count,
            };
            for i in 0..count {
                let customer_turn = i % 2 == 0 || assignee.is_none();
                let (kind, author, body, delivery) = if customer_turn {
                    ticket.last_customer_message_at = Some(at);
                    (
                        MessageKind::Customer,
                        Author::Customer {
                            id: customer_id,
                            name: customer_name.clone(),
                        },
                        LINES.choose(&mut rng).unwrap_or(&"Hello"),
                        Delivery::Received,
                    )
                } else {
                    let (id, name) = assignee.clone().unwrap_or((0, String::new()));
                    if ticket.sla.first_responded_at.is_none() {
                        ticket.sla.first_responded_at = Some(at);
                    }
                    let note = rng.random_bool(0.15);
                    (
                        if note {
                            MessageKind::Note
                        } else {
                            MessageKind::Reply
                        },
                        Author::Agent { id, name },
                        REPLIES.choose(&mut rng).unwrap_or(&"Checking."),
                        if note {
                            Delivery::Internal
                        } else {
                            Delivery::Delivered
                        },
                    )
                };
                repo::put_message(
                    w,
                    &Message {
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
                    },
                )?;
                message_id += 1;
                messages += 1;
                ticket.updated_at = at;
                at += chrono::Duration::minutes(rng.random_range(1..240));
                if at > now {
                    at = now;
                }
            }
            ticket.version = 1 + count;
            repo::put_ticket(w, &ticket)?;
        }
        w.set_meta(SYNTHETIC_COUNT, &(done + n).to_string())?;
        Ok(messages)
    })?;
    Ok(written)
}

/// The customers synthetic tickets belong to: the existing ones, or 1,000 new.
fn synthetic_customers(w: &mut Writer<'_>, now: Timestamp) -> anyhow::Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    {
        let rows = w.tx.query_map("SELECT id, json FROM customers", &[], |r| {
            Ok((r.get::<i64>(0)?, r.get::<String>(1)?))
        })?;
        for (id, json) in rows {
            let c: Customer = serde_json::from_str(&json)?;
            out.push((id, c.name));
        }
    }
    if !out.is_empty() {
        return Ok(out);
    }
    let first = [
        "Anil",
        "ಕಾವ್ಯಾ",
        "రమేష్",
        "सरिता",
        "Priya",
        "ಮಂಜುನಾಥ",
        "లక్ష్మి",
        "बिकास",
    ];
    let last = ["Rao", "ಹೆಗಡೆ", "రెడ్డి", "श्रेष्ठ", "Iyer", "ಗೌಡ", "నాయుడు", "थापा"];
    for i in 0..1000i64 {
        let name = format!(
            "{} {}",
            first[i as usize % first.len()],
            last[(i as usize / 8) % last.len()]
        );
        let c = Customer {
            id: i + 1,
            name: name.clone(),
            handles: vec![ContactHandle {
                channel: Channel::Email,
                value: format!("customer{}@example.in", i + 1),
            }],
            preferred_language: ["en", "kn", "te", "ne"][i as usize % 4].to_string(),
            city: String::new(),
            lifetime_value: Money::inr(1000 + i * 37),
            notes: String::new(),
            created_at: now,
            updated_at: now,
        };
        repo::put_customer(w, &c)?;
        out.push((c.id, name));
    }
    Ok(out)
}
