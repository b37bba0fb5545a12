//! Late shipments and the proactive notices sent about them ("outreach").
//!
//! [`Store::late_orders`] finds, in the cached orders, the shipments that are
//! late by a [`LateRule`] (the carrier's ETA has passed, or the parcel has
//! not been scanned for a while) with what the console groups and sends by:
//! carrier, city, the customer and an open ticket about the order.
//!
//! [`Store::enqueue_outreach`] queues one notice per customer of an outreach
//! in one transaction. Each entry's idempotency key is made of the outreach
//! and the customer ([`outreach_key`]), so the server answers any retry with
//! the first result, and queueing the same outreach again adds nothing. The
//! orders notified are remembered in `late_notices` (local bookkeeping,
//! created on first use) so the view says which were told already.

use std::collections::HashMap;

use chrono::Duration;
use rusqlite::{Connection, OptionalExtension, params};

use super::error::{Result, decode};
use super::outbox::insert_entry;
use super::store::Store;
use super::time::{from_millis, millis};
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Channel, Customer, CustomerId, Order, OrderAction, OrderId,
    ShipmentStatus, Ticket, TicketId, Timestamp,
};

use crate::OutboxOp;

/// When a shipment counts as late (the console's `[late]` config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateRule {
    /// A parcel not scanned for this many hours is late, whatever its ETA.
    pub no_scan_hours: i64,
}

impl Default for LateRule {
    fn default() -> Self {
        LateRule { no_scan_hours: 24 }
    }
}

/// Why a shipment is late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    /// The carrier's promised date has passed.
    EtaPassed { eta: Timestamp },
    /// No tracking scan since `last` (or since the order was placed).
    NoScan { last: Timestamp },
}

/// A late order with what the console shows and sends by.
#[derive(Debug, Clone, PartialEq)]
pub struct LateOrder {
    pub order: Order,
    pub customer: Customer,
    pub carrier: String,
    /// From the delivery address, else the last scan's location.
    pub city: String,
    pub lateness: Lateness,
    /// The customer's newest active ticket about this order.
    pub open_ticket: Option<TicketId>,
    /// The channel the customer last wrote on among those they have a
    /// contact handle on (else their first handle's); None: no handle.
    pub channel: Option<Channel>,
    /// When a notice about this order was queued last.
    pub notified_at: Option<Timestamp>,
}

/// One customer's notice of an outreach: the orders it is about and what
/// goes out (a reply on the open ticket or a new ticket).
#[derive(Debug, Clone, PartialEq)]
pub struct OutreachNotice {
    pub customer_id: CustomerId,
    pub order_ids: Vec<OrderId>,
    pub op: OutboxOp,
}

/// What [`Store::enqueue_outreach`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutreachQueued {
    /// Notices put in the outbox now.
    pub queued: usize,
    /// Notices of this outreach that were queued before (left alone).
    pub already: usize,
}

/// The idempotency key of `customer`'s notice in outreach `outreach`.
pub fn outreach_key(outreach: &str, customer: CustomerId) -> String {
    format!("outreach-{outreach}-customer-{customer}")
}

/// The city of a delivery address: its last part, less the PIN or postal
/// code ("HSR Layout, Bengaluru 560102" → "Bengaluru"; "Baneshwor-10,
/// Kathmandu" → "Kathmandu").
pub fn city_of(address: &str) -> Option<String> {
    let last = address.rsplit(',').next()?.trim();
    let city = last
        .trim_end_matches(|c: char| c.is_numeric() || c.is_whitespace() || c == '-')
        .trim();
    (!city.is_empty() && city.chars().any(char::is_alphabetic)).then(|| city.to_string())
}

const ENSURE_SQL: &str = "CREATE TABLE IF NOT EXISTS late_notices (
    outreach TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    order_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (outreach, order_id)
);
CREATE INDEX IF NOT EXISTS late_notices_order ON late_notices (order_id, queued_at);";

fn ensure_table(conn: &Connection) -> Result<()> {
    conn.execute_batch(ENSURE_SQL)?;
    Ok(())
}

fn lateness(order: &Order, rule: LateRule, now: Timestamp) -> Option<Lateness> {
    let shipment = order.shipment.as_ref()?;
    if matches!(
        shipment.status,
        ShipmentStatus::Delivered | ShipmentStatus::ReturnedToOrigin
    ) {
        return None;
    }
    if let Some(eta) = shipment.eta.filter(|eta| *eta < now) {
        return Some(Lateness::EtaPassed { eta });
    }
    let last = shipment
        .events
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(order.placed_at);
    (now - last > Duration::hours(rule.no_scan_hours)).then_some(Lateness::NoScan { last })
}

impl Store {
    /// Cached orders whose shipment is late at `now` by `rule`, by carrier,
    /// city and order id. Cancelled orders (on the server or queued here)
    /// are left out.
    pub fn late_orders(&self, now: Timestamp, rule: LateRule) -> Result<Vec<LateOrder>> {
        ensure_table(&self.conn)?;
        let cancelled = self.cancelled_orders()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, json FROM orders
             WHERE json_valid(json) AND json_extract(json, '$.shipment') IS NOT NULL
                 AND json_extract(json, '$.shipment.status') NOT IN ('delivered', 'rto')",
        )?;
        let mut rows = stmt.query([])?;
        let mut customers: HashMap<CustomerId, Option<(Customer, Option<Channel>)>> =
            HashMap::new();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let order: Order = decode("order", &id, &row.get::<_, String>(1)?)?;
            if cancelled.contains(&order.id) {
                continue;
            }
            let Some(lateness) = lateness(&order, rule, now) else {
                continue;
            };
            let known = match customers.get(&order.customer_id) {
                Some(known) => known.clone(),
                None => {
                    let found = self.outreach_customer(order.customer_id)?;
                    customers.insert(order.customer_id, found.clone());
                    found
                }
            };
            let Some((customer, channel)) = known else {
                continue;
            };
            let Some(shipment) = order.shipment.as_ref() else {
                continue;
            };
            let city = city_of(&order.delivery_address)
                .or_else(|| {
                    let scan = shipment.events.iter().max_by_key(|e| e.at)?;
                    city_of(&scan.location)
                })
                .unwrap_or_default();
            out.push(LateOrder {
                carrier: shipment.carrier.clone(),
                city,
                lateness,
                open_ticket: self.open_ticket_about(order.customer_id, &order.id)?,
                notified_at: self.notified_at(&order.id)?,
                channel,
                customer,
                order,
            });
        }
        out.sort_by(|a, b| {
            (&a.carrier, &a.city, &a.order.id).cmp(&(&b.carrier, &b.city, &b.order.id))
        });
        Ok(out)
    }

    /// Queues every notice of outreach `outreach` (an id the caller makes
    /// once per outreach) in one transaction, each with the idempotency key
    /// of (outreach, customer). A notice of this outreach queued before is
    /// not queued again.
    pub fn enqueue_outreach(
        &mut self,
        outreach: &str,
        notices: &[OutreachNotice],
    ) -> Result<OutreachQueued> {
        ensure_table(&self.conn)?;
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut done = OutreachQueued::default();
        for notice in notices {
            let key = outreach_key(outreach, notice.customer_id);
            let seen: Option<i64> = tx
                .prepare_cached(
                    "SELECT 1 FROM late_notices WHERE idempotency_key = ?1
                     UNION ALL SELECT 1 FROM outbox WHERE idempotency_key = ?1 LIMIT 1",
                )?
                .query_row(params![key], |r| r.get(0))
                .optional()?;
            if seen.is_some() {
                done.already += 1;
                continue;
            }
            insert_entry(&tx, &key, &notice.op, now)?;
            for order_id in &notice.order_ids {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO late_notices
                         (outreach, customer_id, order_id, idempotency_key, queued_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    outreach,
                    notice.customer_id,
                    order_id,
                    key,
                    millis(now)
                ])?;
            }
            done.queued += 1;
        }
        tx.commit()?;
        self.wrote();
        Ok(done)
    }

    /// Orders with a cancellation that was not refused, on the server or
    /// queued here.
    fn cancelled_orders(&self) -> Result<std::collections::HashSet<OrderId>> {
        let mut out = std::collections::HashSet::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, json FROM order_actions
             WHERE json_valid(json) AND json_extract(json, '$.kind') = 'cancel'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let action: OrderAction = decode("order action", id, &row.get::<_, String>(1)?)?;
            if action.kind == ActionKind::Cancel && action.status != ActionStatus::Rejected {
                out.insert(action.order_id);
            }
        }
        for entry in self.open_entries_of_kind("order_action")? {
            if let OutboxOp::OrderAction { order_id, request } = entry.op
                && request.kind == ActionKind::Cancel
                && !entry.state.is_problem()
            {
                out.insert(order_id);
            }
        }
        Ok(out)
    }

    /// The customer and the channel to reach them on: the channel of their
    /// latest ticket that they have a contact handle on, else their first
    /// handle's (a notice goes only where the server can deliver it).
    fn outreach_customer(&self, id: CustomerId) -> Result<Option<(Customer, Option<Channel>)>> {
        let Some(customer) = self.customer(id)? else {
            return Ok(None);
        };
        let reachable = |c: Channel| customer.handles.iter().any(|h| h.channel == c);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, json FROM tickets WHERE customer_id = ?1
             ORDER BY updated_at DESC, id DESC LIMIT 50",
        )?;
        let mut rows = stmt.query(params![id])?;
        let mut channel = None;
        while let Some(row) = rows.next()? {
            let ticket_id: i64 = row.get(0)?;
            let ticket: Ticket = decode("ticket", ticket_id, &row.get::<_, String>(1)?)?;
            if reachable(ticket.channel) {
                channel = Some(ticket.channel);
                break;
            }
        }
        let channel = channel.or_else(|| customer.handles.first().map(|h| h.channel));
        Ok(Some((customer, channel)))
    }

    /// The customer's newest active (not solved or closed) ticket about
    /// `order_id`.
    fn open_ticket_about(&self, customer: CustomerId, order_id: &str) -> Result<Option<TicketId>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM tickets
                 WHERE customer_id = ?1 AND active = 1 AND json_valid(json)
                     AND json_extract(json, '$.order_id') = ?2
                 ORDER BY updated_at DESC, id DESC LIMIT 1",
            )?
            .query_row(params![customer, order_id], |r| r.get(0))
            .optional()?)
    }

    fn notified_at(&self, order_id: &str) -> Result<Option<Timestamp>> {
        let ms: Option<i64> = self
            .conn
            .prepare_cached("SELECT MAX(queued_at) FROM late_notices WHERE order_id = ?1")?
            .query_row(params![order_id], |r| r.get(0))?;
        ms.map(|ms| from_millis("late notice", order_id, ms))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_come_from_the_last_part_of_the_address() {
        assert_eq!(
            city_of("Flat 304, Prestige Lakeside, HSR Layout Sector 2, Bengaluru 560102")
                .as_deref(),
            Some("Bengaluru")
        );
        assert_eq!(
            city_of("Near Bhatbhateni, Baneshwor-10, Kathmandu").as_deref(),
            Some("Kathmandu")
        );
        assert_eq!(
            city_of("Kukatpally DC, Hyderabad").as_deref(),
            Some("Hyderabad")
        );
        assert_eq!(city_of("ಜಯನಗರ, ಬೆಂಗಳೂರು ೫೬೦೦೧೧").as_deref(), Some("ಬೆಂಗಳೂರು"));
        assert_eq!(city_of("560102"), None);
        assert_eq!(city_of(""), None);
    }
}
