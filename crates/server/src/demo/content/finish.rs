//! The last pass: customers' lifetime values and the survey answers.

use chrono::Duration;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::extras;
use super::world::{Cust, Gen, minutes};
use crate::demo::data::DemoTicket;
use sahaya_protocol::domain::{
    Customer, Money, Order, PaymentStatus, SurveyKind, SurveyResponse, Timestamp,
};

impl Gen {
    /// Sets each customer's lifetime value and timestamps from their orders
    /// and tickets.
    pub(super) fn finish_customers(
        &mut self,
        custs: &mut [Cust],
        tickets: &[DemoTicket],
    ) -> Vec<Customer> {
        let mut out = Vec::with_capacity(custs.len());
        for c in custs.iter_mut() {
            let orders: Vec<&Order> = c.orders.iter().map(|&o| &self.orders[o]).collect();
            let spent: i64 = orders
                .iter()
                .filter(|o| {
                    matches!(
                        o.payment_status,
                        PaymentStatus::Paid | PaymentStatus::PartiallyRefunded
                    )
                })
                .map(|o| o.total.minor / 100)
                .sum();
            let earlier = if c.person.has('v') {
                self.rng.random_range(80_000..300_000)
            } else {
                self.rng.random_range(0..40_000)
            };
            let earlier = if c.nepal { earlier * 16 / 10 } else { earlier };
            let mut cust = c.customer.clone();
            cust.lifetime_value = if c.nepal {
                Money::npr(spent + earlier)
            } else {
                Money::inr(spent + earlier)
            };
            if let Some(first) = orders.iter().map(|o| o.placed_at).min() {
                cust.created_at = cust
                    .created_at
                    .min(first - Duration::days(self.rng.random_range(1..60)));
            }
            let latest_ticket = tickets
                .iter()
                .filter(|t| t.ticket.customer_id == cust.id)
                .map(|t| t.ticket.created_at)
                .max();
            let latest_order = orders.iter().map(|o| o.placed_at).max();
            cust.updated_at = [Some(cust.created_at), latest_ticket, latest_order]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(cust.created_at);
            out.push(cust);
        }
        out
    }

    /// CSAT answers on solved and closed tickets, NPS answers from any
    /// customer; a few of each from the last hours.
    pub(super) fn surveys(
        &mut self,
        tickets: &[DemoTicket],
        customers: &[Customer],
    ) -> Vec<SurveyResponse> {
        let mut done: Vec<&DemoTicket> = tickets
            .iter()
            .filter(|t| !t.ticket.status.is_active())
            .collect();
        done.sort_by_key(|t| std::cmp::Reverse(t.ticket.updated_at));
        let (recent, older) = done.split_at(6.min(done.len()));
        let mut older = older.to_vec();
        older.shuffle(&mut self.rng);
        let mut out = Vec::new();
        for t in recent.iter().chain(older.iter().take(50)) {
            let score = [1i64, 2, 3, 4, 5]
                .choose_weighted(&mut self.rng, |s| [10, 8, 12, 25, 45][*s as usize - 1])
                .copied()
                .unwrap_or(5);
            let mood = match score {
                4 | 5 => 2,
                3 => 1,
                _ => 0,
            };
            let after = self.rng.random_range(3..600);
            let mut at = t.ticket.updated_at + minutes(after);
            if at > self.now {
                at = t.ticket.updated_at + (self.now - t.ticket.updated_at) / 2;
            }
            let lang = customers[t.ticket.customer_id as usize - 1]
                .preferred_language
                .clone();
            out.push(self.survey(
                t.ticket.customer_id,
                Some(t.ticket.id),
                SurveyKind::Csat,
                score,
                &lang,
                mood,
                at,
            ));
        }
        for n in 0..26 {
            let Some(c) = customers.choose(&mut self.rng) else {
                break;
            };
            let ago = if n < 5 {
                self.rng.random_range(5..300)
            } else {
                self.rng.random_range(300..20_100)
            };
            let score = (0..=10i64)
                .collect::<Vec<_>>()
                .choose_weighted(&mut self.rng, |s| {
                    [3, 1, 1, 2, 2, 3, 4, 8, 10, 14, 16][*s as usize]
                })
                .copied()
                .unwrap_or(8);
            let mood = match score {
                9 | 10 => 2,
                7 | 8 => 1,
                _ => 0,
            };
            let at = self.now - minutes(ago);
            out.push(self.survey(
                c.id,
                None,
                SurveyKind::Nps,
                score,
                &c.preferred_language.clone(),
                mood,
                at,
            ));
        }
        out.sort_by_key(|s| s.created_at);
        for (i, s) in out.iter_mut().enumerate() {
            s.id = i as i64 + 1;
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn survey(
        &mut self,
        customer_id: i64,
        ticket_id: Option<i64>,
        kind: SurveyKind,
        score: i64,
        lang: &str,
        mood: u8,
        at: Timestamp,
    ) -> SurveyResponse {
        let pool: Vec<&str> = extras::COMMENTS
            .iter()
            .filter(|c| c.0 == lang && c.1 == mood)
            .map(|c| c.2)
            .collect();
        let comment = if self.rng.random_bool(0.25) {
            ""
        } else {
            pool.choose(&mut self.rng).copied().unwrap_or("")
        };
        SurveyResponse {
            id: 0,
            customer_id,
            ticket_id,
            kind,
            score,
            comment: comment.to_string(),
            created_at: at,
        }
    }
}
