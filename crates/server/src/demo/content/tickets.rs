//! The support tickets: who owns each, how far its conversation has got, its
//! SLA clock, its order, messages and tags.

use chrono::Duration;
use rand::Rng;
use rand::seq::SliceRandom;

use super::people::{self, STAFF};
use super::templates::Turn;
use super::topics::Topic;
use super::world::{Cust, Gen, minutes};
use crate::demo::data::DemoTicket;
use sahaya_protocol::domain::{
    AgentId, Author, Channel, Delivery, Message, MessageKind, Priority, Sla, Status, Ticket,
};

const TICKETS: usize = 162;
/// How many tickets of each status, in `Status::ALL` order.
const STATUS_MIX: [usize; 6] = [22, 32, 16, 8, 48, 36];

/// How close a new or open ticket is to its first-response deadline.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hot {
    No,
    /// First response due within the hour.
    DueSoon,
    /// First response overdue.
    Breached,
}

/// What the tickets made so far have used up.
#[derive(Default)]
struct Counters {
    new_seen: usize,
    open_seen: usize,
    tricky: usize,
    loads: [usize; 8],
    message_id: i64,
    failed_shown: bool,
}

impl Gen {
    /// Every ticket, numbered from 1, each with its conversation.
    pub(super) fn tickets(&mut self, custs: &mut [Cust]) -> Vec<DemoTicket> {
        let owners = self.ticket_owners(custs.len());
        let mut statuses: Vec<Status> = Status::ALL
            .iter()
            .zip(STATUS_MIX)
            .flat_map(|(s, n)| std::iter::repeat_n(*s, n))
            .collect();
        statuses.shuffle(&mut self.rng);
        let mut counters = Counters::default();
        let mut tickets = Vec::with_capacity(TICKETS);
        for (k, (&ci, &status)) in owners.iter().zip(&statuses).enumerate() {
            tickets.push(self.ticket(k as i64 + 1, &mut custs[ci], status, &mut counters));
        }
        tickets
    }

    /// Which customer each ticket belongs to: every customer but four gets
    /// one to four tickets.
    fn ticket_owners(&mut self, n: usize) -> Vec<usize> {
        let mut counts = vec![1usize; n];
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(&mut self.rng);
        for &i in order.iter().take(4) {
            counts[i] = 0;
        }
        let mut total: usize = counts.iter().sum();
        while total < TICKETS {
            let i = self.rng.random_range(0..n);
            if (1..4).contains(&counts[i]) {
                counts[i] += 1;
                total += 1;
            }
        }
        let mut owners: Vec<usize> = counts
            .iter()
            .enumerate()
            .flat_map(|(i, &c)| std::iter::repeat_n(i, c))
            .collect();
        owners.shuffle(&mut self.rng);
        owners
    }

    fn ticket(&mut self, id: i64, cust: &mut Cust, status: Status, k: &mut Counters) -> DemoTicket {
        let lang = cust.person.lang;
        let active = status.is_active();
        let (hot, unassigned, no_reply) = match status {
            Status::New => {
                let n = k.new_seen;
                k.new_seen += 1;
                let hot = match n {
                    0 | 1 => Hot::DueSoon,
                    2 | 3 => Hot::Breached,
                    _ => Hot::No,
                };
                (hot, n % 5 != 4, true)
            }
            Status::Open => {
                let n = k.open_seen;
                k.open_seen += 1;
                match n {
                    0 | 1 => (Hot::Breached, true, true),
                    2 => (Hot::DueSoon, true, true),
                    _ => (Hot::No, false, self.rng.random_bool(0.3)),
                }
            }
            _ => (Hot::No, false, false),
        };

        let (convo, reuse) = self.template(cust, active, &mut k.tricky);
        let topic = convo.topic;
        let vip = cust.person.has('v');
        let priority = match (hot, status) {
            (Hot::DueSoon, Status::New) if k.new_seen == 2 => Priority::High,
            (Hot::DueSoon, _) => Priority::Urgent,
            _ => self.priority(topic, vip),
        };
        let first_hours = match priority {
            Priority::Urgent => 1,
            Priority::High => 4,
            Priority::Normal => 8,
            Priority::Low => 24,
        };
        let len = self.cut(convo.turns, status, no_reply);
        let turns = &convo.turns[..len];
        let needs_agent = turns.iter().any(|t| !matches!(t, Turn::C(_)));
        let assignee = if unassigned && !needs_agent {
            None
        } else {
            Some(self.assign(lang, active, &mut k.loads))
        };

        let r = &mut self.rng;
        let first = first_hours * 60;
        let resolve = Sla::for_priority(priority, self.now).resolution_due - self.now;
        let resolve = resolve.num_minutes();
        let late = r.random_bool(0.12);
        let age = match (hot, status) {
            (Hot::DueSoon, _) => first - r.random_range(12..50),
            (Hot::Breached, _) => first + r.random_range(15..300),
            (_, Status::Open) if !no_reply && late => r.random_range(resolve..resolve * 5 / 4),
            (_, Status::Open) if !no_reply => r.random_range(first + 60..resolve * 9 / 10),
            (_, Status::New | Status::Open) if late => r.random_range(first..first * 3 / 2),
            (_, Status::New | Status::Open) => r.random_range(10..(first * 4 / 5).max(20)),
            (_, Status::Pending) => r.random_range(480..8640),
            (_, Status::OnHold) => r.random_range(1440..12960),
            (_, Status::Solved) => r.random_range(480..19440),
            (_, Status::Closed) => r.random_range(4320..20100),
        };
        let created = self.now - minutes(age) - Duration::seconds(r.random_range(0..60));
        let mut times = self.times(created, turns, first_hours);
        let offset = if cust.nepal { 345 } else { 330 };
        self.daytime(&mut times, offset, if hot == Hot::No { 0 } else { 1 });
        let created = times[0];
        let last = *times.last().unwrap_or(&created);

        let order = match (topic, reuse) {
            (Topic::General, _) => None,
            (_, Some(o)) => Some(o),
            _ => {
                let agent_id = assignee.map(|a| STAFF[a].id);
                let replied = turns.iter().any(|t| matches!(t, Turn::A(_)));
                let o = self.order_for(cust, topic, (created, last), status, agent_id, replied);
                cust.orders.push(o);
                cust.ticket_orders.push((o, topic, active));
                Some(o)
            }
        };
        let channel = self.channel(cust.person, cust.nepal);

        let fill = self.fill(cust, topic, order, assignee);

        let customer_author = Author::Customer {
            id: cust.customer.id,
            name: cust.customer.name.clone(),
        };
        let agent_author = |i: usize| Author::Agent {
            id: STAFF[i].id,
            name: STAFF[i].name.to_string(),
        };
        let last_reply = turns.iter().rposition(|t| matches!(t, Turn::A(_)));
        let mut messages = Vec::with_capacity(turns.len());
        let mut first_reply = None;
        let mut last_customer = None;
        for (i, (turn, &at)) in turns.iter().zip(&times).enumerate() {
            let agent = assignee.unwrap_or(0);
            let (kind, author, delivery, text) = match turn {
                Turn::C(t) => {
                    last_customer = Some(at);
                    (
                        MessageKind::Customer,
                        customer_author.clone(),
                        Delivery::Received,
                        t,
                    )
                }
                Turn::A(t) => {
                    first_reply.get_or_insert(at);
                    let delivery = if Some(i) == last_reply
                        && status == Status::Pending
                        && channel == Channel::WhatsApp
                        // The demo agent's own (they sign in as STAFF[0]),
                        // so their problems list shows it.
                        && agent == 0
                        && !k.failed_shown
                    {
                        k.failed_shown = true;
                        Delivery::Failed
                    } else if self.now - at < minutes(45) {
                        Delivery::Sent
                    } else if matches!(channel, Channel::Email | Channel::WebForm | Channel::Phone)
                    {
                        Delivery::Delivered
                    } else {
                        Delivery::Read
                    };
                    (MessageKind::Reply, agent_author(agent), delivery, t)
                }
                Turn::N(t) => (
                    MessageKind::Note,
                    agent_author(agent),
                    Delivery::Internal,
                    t,
                ),
                Turn::S(t) => (
                    MessageKind::Note,
                    agent_author(people::SUPERVISOR),
                    Delivery::Internal,
                    t,
                ),
            };
            k.message_id += 1;
            messages.push(Message {
                id: k.message_id,
                ticket_id: id,
                kind,
                author,
                channel,
                body: fill.apply(text),
                created_at: at,
                delivery,
                // The reason a chat channel gives (the simulated bridge's).
                delivery_error: (delivery == Delivery::Failed)
                    .then(|| crate::demo::simulate::NOT_ON_WHATSAPP.to_string()),
                attachments: Vec::new(),
            });
        }

        let mut tags: Vec<String> = topic
            .tags(cust.nepal)
            .iter()
            .map(|t| t.to_string())
            .collect();
        if vip {
            tags.push("vip".into());
        }
        if reuse.is_some() {
            tags.push("repeat-contact".into());
        }
        if turns.iter().any(|t| matches!(t, Turn::S(_))) {
            tags.push("escalated".into());
        }
        let mut sla = Sla::for_priority(priority, created);
        sla.first_responded_at = first_reply;
        let count = messages.len() as i64;
        DemoTicket {
            ticket: Ticket {
                id,
                subject: fill.apply(convo.subject),
                status,
                priority,
                channel,
                customer_id: cust.customer.id,
                assignee_id: assignee.map(|a| STAFF[a].id as AgentId),
                group: topic.group().to_string(),
                tags,
                sla,
                order_id: order.map(|o| self.orders[o].id.clone()),
                version: 1 + count,
                created_at: created,
                updated_at: last,
                last_customer_message_at: last_customer,
                message_count: count,
            },
            messages,
        }
    }
}
