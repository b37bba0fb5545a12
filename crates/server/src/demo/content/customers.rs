//! The demo's customers as the world knows them: contact handles, address,
//! when they signed up.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::people::{self, PEOPLE, Person};
use super::places::{self, City};
use super::world::{Cust, Gen, minutes};
use sahaya_protocol::domain::{Channel, ContactHandle, Customer, Money};

/// Preferred language of the demo customer at `index` (0-based, id order).
pub(in crate::demo) fn customer_language(index: usize) -> Option<&'static str> {
    PEOPLE.get(index).map(|p| p.lang)
}

/// Channels the demo customer at `index` has a handle on.
pub(in crate::demo) fn customer_channels(index: usize) -> Vec<Channel> {
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

impl Gen {
    pub(super) fn customer(&mut self, index: usize, p: &'static Person) -> Cust {
        let city = places::city(p.city);
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

    pub(super) fn address(&mut self, city: &City, locality: &str) -> String {
        let r = &mut self.rng;
        if city.nepal {
            let landmark = places::LANDMARKS.choose(r).copied().unwrap_or("");
            return format!("{landmark}, {locality}");
        }
        if r.random_bool(0.4) {
            let apartment = places::APARTMENTS.choose(r).copied().unwrap_or("");
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
