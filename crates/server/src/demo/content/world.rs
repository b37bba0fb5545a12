//! The world while it is being built: the one seeded generator with the
//! orders made so far, and each customer's working record.

use std::collections::HashSet;

use chrono::Duration;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::people::Person;
use super::places::City;
use super::topics::Topic;
use sahaya_protocol::domain::{Customer, Order, OrderAction, Timestamp};

const SEED: u64 = 0x5A4A_A7A0_0B1E;

/// A customer while the world is being built.
pub(super) struct Cust {
    pub(super) person: &'static Person,
    pub(super) city: &'static City,
    pub(super) nepal: bool,
    /// Locality (with pincode or ward) of the customer's address.
    pub(super) locality: &'static str,
    pub(super) address: String,
    pub(super) customer: Customer,
    pub(super) orders: Vec<usize>,
    /// Orders tickets are about: (order index, topic, ticket still active).
    pub(super) ticket_orders: Vec<(usize, Topic, bool)>,
}

/// Extra facts about an order that conversations mention.
pub(super) struct OrderInfo {
    /// Index of the item the ticket is about.
    pub(super) focus: usize,
    pub(super) variant_new: Option<String>,
}

/// The generator: everything comes from its seeded `rng`, so the same `now`
/// always gives the same data.
pub(super) struct Gen {
    pub(super) rng: StdRng,
    pub(super) now: Timestamp,
    pub(super) orders: Vec<Order>,
    pub(super) info: Vec<OrderInfo>,
    pub(super) actions: Vec<OrderAction>,
    pub(super) order_numbers: HashSet<i64>,
}

impl Gen {
    pub(super) fn new(now: Timestamp) -> Gen {
        Gen {
            rng: StdRng::seed_from_u64(SEED),
            now,
            orders: Vec::new(),
            info: Vec::new(),
            actions: Vec::new(),
            order_numbers: HashSet::new(),
        }
    }
}

pub(super) fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}
