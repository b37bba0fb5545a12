//! The demo world: agents, customers in Karnataka, Telangana/Andhra Pradesh and
//! Nepal, their orders, and support tickets written from about fifty
//! hand-written conversation templates (English, Kannada, Telugu, Nepali,
//! mixed and romanised script) filled in with each customer's name, order,
//! item, courier and tracking number.
//!
//! Everything comes from one seeded generator, so the same `now` always gives
//! the same data; all times are relative to `now`.

mod catalog;
mod convo_en;
mod convo_kn;
mod convo_ne;
mod convo_te;
mod extras;
mod finish;
mod orders;
mod people;
mod timeline;

use std::collections::HashSet;

use chrono::Duration;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

use super::{DemoData, DemoTicket};
use sahaya_protocol::domain::{
    AgentId, Author, Channel, ContactHandle, Customer, Delivery, Message, MessageKind, Money,
    Order, OrderAction, Priority, Role, Sla, Status, Ticket, Timestamp,
};
use catalog::City;
use people::{PEOPLE, Person, STAFF};

const SEED: u64 = 0x5A4A_A7A0_0B1E;
const TICKETS: usize = 162;
/// How many tickets of each status, in `Status::ALL` order.
const STATUS_MIX: [usize; 6] = [22, 32, 16, 8, 48, 36];

/// What a ticket is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Topic {
    Late,
    WrongSize,
    Damaged,
    CodRefund,
    PaymentFailed,
    ReturnPickup,
    Exchange,
    AddressChange,
    Cancel,
    Invoice,
    Warranty,
    General,
}

impl Topic {
    const ALL: [Topic; 12] = [
        Topic::Late,
        Topic::WrongSize,
        Topic::Damaged,
        Topic::CodRefund,
        Topic::PaymentFailed,
        Topic::ReturnPickup,
        Topic::Exchange,
        Topic::AddressChange,
        Topic::Cancel,
        Topic::Invoice,
        Topic::Warranty,
        Topic::General,
    ];

    /// How common the topic is, in percent.
    fn weight(self) -> u32 {
        match self {
            Topic::Late => 22,
            Topic::WrongSize | Topic::CodRefund | Topic::Exchange => 8,
            Topic::Damaged | Topic::PaymentFailed => 10,
            Topic::ReturnPickup => 7,
            Topic::AddressChange | Topic::Cancel | Topic::General => 6,
            Topic::Invoice => 5,
            Topic::Warranty => 4,
        }
    }

    fn group(self) -> &'static str {
        match self {
            Topic::Late | Topic::ReturnPickup | Topic::AddressChange | Topic::Cancel => "logistics",
            Topic::CodRefund | Topic::PaymentFailed | Topic::Invoice | Topic::General => "payments",
            Topic::WrongSize | Topic::Damaged | Topic::Exchange | Topic::Warranty => "returns",
        }
    }

    fn tags(self, nepal: bool) -> &'static [&'static str] {
        match self {
            Topic::Late => &["late-delivery"],
            Topic::WrongSize => &["wrong-size"],
            Topic::Damaged => &["damaged"],
            Topic::CodRefund => &["cod-refund"],
            Topic::PaymentFailed if nepal => &["payment-failed", "wallet"],
            Topic::PaymentFailed => &["upi-failed"],
            Topic::ReturnPickup => &["return-pickup"],
            Topic::Exchange => &["exchange"],
            Topic::AddressChange => &["address-change"],
            Topic::Cancel => &["cancellation"],
            Topic::Invoice if nepal => &["vat-bill"],
            Topic::Invoice => &["gst-invoice"],
            Topic::Warranty => &["warranty"],
            Topic::General => &["cod-availability"],
        }
    }

    /// Weights of Low, Normal, High, Urgent.
    fn priorities(self) -> [u32; 4] {
        match self {
            Topic::Late => [5, 45, 35, 15],
            Topic::WrongSize | Topic::ReturnPickup => [10, 55, 30, 5],
            Topic::Damaged => [5, 45, 40, 10],
            Topic::CodRefund => [5, 50, 35, 10],
            Topic::PaymentFailed => [0, 25, 50, 25],
            Topic::Exchange => [25, 60, 15, 0],
            Topic::AddressChange => [10, 50, 35, 5],
            Topic::Cancel => [15, 55, 25, 5],
            Topic::Invoice => [60, 40, 0, 0],
            Topic::Warranty => [40, 50, 10, 0],
            Topic::General => [70, 30, 0, 0],
        }
    }
}

/// One turn of a conversation template: C customer, A agent reply, N note by
/// the assignee, S note by the supervisor.
pub(super) enum Turn {
    C(&'static str),
    A(&'static str),
    N(&'static str),
    S(&'static str),
}

/// A conversation template; a ticket uses a prefix of it that fits its status.
pub(super) struct Convo {
    pub topic: Topic,
    pub subject: &'static str,
    pub turns: &'static [Turn],
}

pub(super) const fn cv(topic: Topic, subject: &'static str, turns: &'static [Turn]) -> Convo {
    Convo {
        topic,
        subject,
        turns,
    }
}

fn convos(lang: &str) -> &'static [Convo] {
    match lang {
        "kn" => convo_kn::CONVOS,
        "te" => convo_te::CONVOS,
        "ne" => convo_ne::CONVOS,
        _ => convo_en::CONVOS,
    }
}

/// Preferred language of the demo customer at `index` (0-based, id order).
pub(super) fn customer_language(index: usize) -> Option<&'static str> {
    PEOPLE.get(index).map(|p| p.lang)
}

/// Channels the demo customer at `index` has a handle on.
pub(super) fn customer_channels(index: usize) -> Vec<Channel> {
    let Some(p) = PEOPLE.get(index) else {
        return Vec::new();
    };
    let mut out = vec![Channel::Phone];
    for (flag, channel) in [
        ('e', Channel::Email),
        ('w', Channel::WhatsApp),
        ('f', Channel::Facebook),
        ('i', Channel::Instagram),
    ] {
        if p.has(flag) {
            out.push(channel);
        }
    }
    out
}

/// A customer while the world is being built.
pub(super) struct Cust {
    person: &'static Person,
    city: &'static City,
    nepal: bool,
    /// Locality (with pincode or ward) of the customer's address.
    locality: &'static str,
    address: String,
    customer: Customer,
    orders: Vec<usize>,
    /// Orders tickets are about: (order index, topic, ticket still active).
    ticket_orders: Vec<(usize, Topic, bool)>,
}

/// Extra facts about an order that conversations mention.
pub(super) struct OrderInfo {
    /// Index of the item the ticket is about.
    focus: usize,
    variant_new: Option<String>,
}

pub(super) struct Gen {
    rng: StdRng,
    now: Timestamp,
    orders: Vec<Order>,
    info: Vec<OrderInfo>,
    actions: Vec<OrderAction>,
    order_numbers: HashSet<i64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hot {
    No,
    /// First response due within the hour.
    DueSoon,
    /// First response overdue.
    Breached,
}

#[derive(Default)]
struct Counters {
    new_seen: usize,
    open_seen: usize,
    tricky: usize,
    loads: [usize; 8],
    message_id: i64,
    failed_shown: bool,
}

pub fn demo_data(now: Timestamp) -> DemoData {
    let mut g = Gen {
        rng: StdRng::seed_from_u64(SEED),
        now,
        orders: Vec::new(),
        info: Vec::new(),
        actions: Vec::new(),
        order_numbers: HashSet::new(),
    };
    let agents = STAFF.iter().map(|s| s.agent()).collect();
    let mut custs: Vec<Cust> = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, p)| g.customer(i, p))
        .collect();
    let owners = g.ticket_owners(custs.len());
    let mut statuses: Vec<Status> = Status::ALL
        .iter()
        .zip(STATUS_MIX)
        .flat_map(|(s, n)| std::iter::repeat_n(*s, n))
        .collect();
    statuses.shuffle(&mut g.rng);
    let mut counters = Counters::default();
    let mut tickets = Vec::with_capacity(TICKETS);
    for (k, (&ci, &status)) in owners.iter().zip(&statuses).enumerate() {
        tickets.push(g.ticket(k as i64 + 1, &mut custs[ci], status, &mut counters));
    }
    for c in &mut custs {
        g.fillers(c);
    }
    let customers = g.finish_customers(&mut custs, &tickets);
    let surveys = g.surveys(&tickets, &customers);
    DemoData {
        agents,
        customers,
        orders: g.orders,
        order_actions: g.actions,
        tickets,
        macros: extras::macros(),
        surveys,
    }
}

fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

/// `n` with Indian digit grouping: 1,24,999.
fn grouped(n: i64) -> String {
    let digits = n.abs().to_string();
    let (head, tail) = digits.split_at(digits.len().saturating_sub(3));
    let mut parts: Vec<String> = Vec::new();
    let mut rest = head;
    while rest.len() > 2 {
        let (a, b) = rest.split_at(rest.len() - 2);
        parts.insert(0, b.to_string());
        rest = a;
    }
    if !rest.is_empty() {
        parts.insert(0, rest.to_string());
    }
    parts.push(tail.to_string());
    format!("{}{}", if n < 0 { "-" } else { "" }, parts.join(","))
}

fn format_money(m: Money, lang: &str) -> String {
    let rupees = grouped(m.minor / 100);
    match (m.currency, lang) {
        (sahaya_protocol::domain::Currency::Inr, _) => format!("₹{rupees}"),
        (sahaya_protocol::domain::Currency::Npr, "ne") => format!("रु. {rupees}"),
        (sahaya_protocol::domain::Currency::Npr, _) => format!("Rs. {rupees}"),
    }
}

/// Values for a template's placeholders.
#[derive(Default)]
struct Fill {
    pairs: Vec<(&'static str, String)>,
}

impl Fill {
    fn set(&mut self, key: &'static str, value: impl Into<String>) {
        self.pairs.push((key, value.into()));
    }
    fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (key, value) in &self.pairs {
            out = out.replace(key, value);
        }
        out
    }
}

impl Gen {
    fn customer(&mut self, index: usize, p: &'static Person) -> Cust {
        let city = catalog::city(p.city);
        let nepal = city.nepal;
        let mut handles = Vec::new();
        let mut handle = |channel, value: String| handles.push(ContactHandle { channel, value });
        if p.has('e') {
            handle(Channel::Email, people::email(p, nepal));
        }
        handle(Channel::Phone, people::phone(p, nepal));
        if p.has('w') {
            handle(Channel::WhatsApp, people::phone(p, nepal));
        }
        if p.has('f') {
            handle(Channel::Facebook, format!("facebook.com/{}", p.slug));
        }
        if p.has('i') {
            handle(Channel::Instagram, format!("@{}", p.slug.replace('.', "_")));
        }
        let created = self.now
            - Duration::days(self.rng.random_range(200..1500))
            - minutes(self.rng.random_range(0..1440));
        let locality = city
            .localities
            .choose(&mut self.rng)
            .copied()
            .unwrap_or(city.name);
        let address = self.address(city, locality);
        Cust {
            person: p,
            city,
            nepal,
            locality,
            address,
            customer: Customer {
                id: index as i64 + 1,
                name: p.name.to_string(),
                handles,
                preferred_language: p.lang.to_string(),
                city: city.name.to_string(),
                lifetime_value: if nepal { Money::npr(0) } else { Money::inr(0) },
                notes: p.notes.to_string(),
                created_at: created,
                updated_at: created,
            },
            orders: Vec::new(),
            ticket_orders: Vec::new(),
        }
    }

    fn address(&mut self, city: &City, locality: &str) -> String {
        let r = &mut self.rng;
        if city.nepal {
            let landmark = catalog::LANDMARKS.choose(r).copied().unwrap_or("");
            return format!("{landmark}, {locality}");
        }
        if r.random_bool(0.4) {
            let apartment = catalog::APARTMENTS.choose(r).copied().unwrap_or("");
            return format!(
                "Flat {}{:02}, {apartment}, {locality}",
                r.random_range(1..9),
                r.random_range(1..12)
            );
        }
        if matches!(city.name, "Hyderabad" | "Vijayawada" | "Visakhapatnam") {
            return format!(
                "H.No. {}-{}-{}, Road No. {}, {locality}",
                r.random_range(1..17),
                r.random_range(1..9),
                r.random_range(10..400),
                r.random_range(1..14)
            );
        }
        format!(
            "#{}, {} Cross, {} Main, {locality}",
            r.random_range(1..240),
            ordinal(r.random_range(1..14)),
            ordinal(r.random_range(1..9))
        )
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

    fn topic(&mut self) -> Topic {
        *Topic::ALL
            .choose_weighted(&mut self.rng, |t| t.weight())
            .unwrap_or(&Topic::Late)
    }

    fn priority(&mut self, topic: Topic, vip: bool) -> Priority {
        let weights = topic.priorities();
        let i = (0..4)
            .collect::<Vec<usize>>()
            .choose_weighted(&mut self.rng, |&i| weights[i])
            .copied()
            .unwrap_or(1);
        let i = if vip && self.rng.random_bool(0.6) {
            (i + 1).min(3)
        } else {
            i
        };
        [
            Priority::Low,
            Priority::Normal,
            Priority::High,
            Priority::Urgent,
        ][i]
    }

    fn channel(&mut self, p: &Person, nepal: bool) -> Channel {
        let options: [(Channel, u32, bool); 7] = [
            (Channel::WhatsApp, 30, p.has('w')),
            (Channel::Email, 18, p.has('e')),
            (Channel::Chat, 14, true),
            (Channel::Phone, 10, true),
            (Channel::Facebook, if nepal { 30 } else { 8 }, p.has('f')),
            (Channel::Instagram, 8, p.has('i')),
            (Channel::WebForm, 8, true),
        ];
        let usable: Vec<(Channel, u32)> =
            options.iter().filter(|o| o.2).map(|o| (o.0, o.1)).collect();
        usable
            .choose_weighted(&mut self.rng, |o| o.1)
            .map(|o| o.0)
            .unwrap_or(Channel::Chat)
    }

    /// Picks the agent for a ticket in `lang`; active tickets go to whoever
    /// is furthest below their usual load.
    fn assign(&mut self, lang: &str, active: bool, loads: &mut [usize; 8]) -> usize {
        let candidates: Vec<usize> = (0..STAFF.len())
            .filter(|&i| STAFF[i].role == Role::Agent && STAFF[i].speaks(lang))
            .collect();
        let pick = if active {
            candidates
                .iter()
                .copied()
                .max_by_key(|&i| (STAFF[i].load as i64 - loads[i] as i64, std::cmp::Reverse(i)))
                .unwrap_or(0)
        } else {
            candidates.choose(&mut self.rng).copied().unwrap_or(0)
        };
        if active {
            loads[pick] += 1;
        }
        pick
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

        let mut reuse = None;
        let convo: &'static Convo = if lang == "en"
            && !cust.nepal
            && k.tricky < convo_en::TRICKY.len()
            && cust.ticket_orders.len() < 3
        {
            k.tricky += 1;
            &convo_en::TRICKY[k.tricky - 1]
        } else {
            let same_state: Vec<(usize, Topic)> = cust
                .ticket_orders
                .iter()
                .filter(|t| t.2 == active)
                .map(|t| (t.0, t.1))
                .collect();
            let topic = match same_state.choose(&mut self.rng) {
                Some(&(o, t)) if self.rng.random_bool(0.15) => {
                    reuse = Some(o);
                    t
                }
                _ => self.topic(),
            };
            let regional: &'static [Convo] = if cust.nepal && lang == "en" {
                convo_en::NEPAL
            } else {
                &[]
            };
            let mut pool: Vec<&'static Convo> =
                regional.iter().filter(|c| c.topic == topic).collect();
            if pool.is_empty() {
                pool = convos(lang).iter().filter(|c| c.topic == topic).collect();
            }
            pool.choose(&mut self.rng)
                .copied()
                .unwrap_or(&convo_en::CONVOS[0])
        };
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

        let mut fill = Fill::default();
        let first_name = cust
            .person
            .name
            .split_whitespace()
            .next()
            .unwrap_or(cust.person.name);
        fill.set("{name}", first_name);
        if let Some(o) = order {
            let ord = &self.orders[o];
            let info = &self.info[o];
            let item = &ord.items[info.focus.min(ord.items.len() - 1)];
            let amount = match topic {
                Topic::CodRefund => Money {
                    minor: item.unit_price.minor * item.quantity,
                    currency: item.unit_price.currency,
                },
                _ => ord.total,
            };
            fill.set("{order}", ord.id.clone());
            fill.set("{item}", item.name.clone());
            fill.set(
                "{variant_new}",
                info.variant_new.clone().unwrap_or_default(),
            );
            fill.set("{variant}", item.variant.clone().unwrap_or_default());
            fill.set("{amount}", format_money(amount, lang));
            let (carrier, tracking) = match &ord.shipment {
                Some(s) => (s.carrier.clone(), s.tracking_number.clone()),
                None => (String::from("the courier"), String::from("—")),
            };
            fill.set("{carrier}", carrier);
            fill.set("{tracking}", tracking);
        }
        let newaddr = self.address(cust.city, cust.locality);
        fill.set("{newaddr}", newaddr);
        if let Some(a) = assignee {
            fill.set("{agent}", STAFF[a].sign(lang));
            fill.set("{login}", STAFF[a].login);
        }

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

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests;
