//! The demo world: agents, customers in Karnataka, Telangana/Andhra Pradesh and
//! Nepal, their orders, and support tickets written from about fifty
//! hand-written conversation templates (English, Kannada, Telugu, Nepali,
//! mixed and romanised script) filled in with each customer's name, order,
//! item, courier and tracking number.
//!
//! Everything comes from one seeded generator, so the same `now` always gives
//! the same data; all times are relative to `now`.

mod actions;
mod catalog;
mod convo_en;
mod convo_kn;
mod convo_ne;
mod convo_te;
mod customers;
mod extras;
mod finish;
mod orders;
mod people;
mod placeholders;
mod places;
mod shipping;
mod templates;
mod tickets;
mod timeline;
mod topics;
mod triage;
mod world;

use super::data::DemoData;
use people::{PEOPLE, STAFF};
use sahaya_protocol::domain::Timestamp;
use world::{Cust, Gen};

pub(super) use customers::{customer_channels, customer_language};

pub fn demo_data(now: Timestamp) -> DemoData {
    let mut g = Gen::new(now);
    let agents = STAFF.iter().map(|s| s.agent()).collect();
    let mut custs: Vec<Cust> = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, p)| g.customer(i, p))
        .collect();
    let tickets = g.tickets(&mut custs);
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

#[cfg(test)]
mod tests;
