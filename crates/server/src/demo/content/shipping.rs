//! Shipments: the courier, the tracking number and the tracking events of a
//! parcel's story, from the seller's warehouse to the customer (or back).

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::places::{self, City};
use super::world::{Gen, minutes};
use sahaya_protocol::domain::{Shipment, ShipmentStatus, Timestamp, TrackingEvent};

/// How a shipment's story goes; the anchor time is its last event.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Plan {
    Delivered,
    /// Delivered after being held at a hub past the promised date.
    LateDelivered,
    /// Still moving; `late` when it is stuck at a hub.
    Transit {
        late: bool,
    },
    Failed,
    Rto,
    OutForDelivery,
    Packed,
}

fn hours(h: i64) -> Duration {
    Duration::hours(h)
}

/// Minutes between two tracking events: `lo` to `hi` hours.
fn gap(r: &mut rand::rngs::StdRng, lo: i64, hi: i64) -> i64 {
    r.random_range(lo * 60..hi * 60)
}

impl Gen {
    /// Courier, tracking number and events for `plan`, ending at `anchor`.
    /// Returns when the order was placed and the shipment.
    pub(super) fn track(
        &mut self,
        city: &City,
        nepal: bool,
        plan: Plan,
        anchor: Timestamp,
    ) -> (Timestamp, Shipment) {
        let r = &mut self.rng;
        let carriers = if nepal {
            places::CARRIERS_NP
        } else {
            places::CARRIERS_IN
        };
        let &(carrier, prefix, digits, suffix) = carriers.choose(r).unwrap_or(&carriers[0]);
        let number: String = (0..digits)
            .map(|i| char::from(b'0' + r.random_range(if i == 0 { 1 } else { 0 }..10u8)))
            .collect();
        let tracking_number = format!("{prefix}{number}{suffix}");
        let origins: Vec<&(&str, &str)> = if nepal {
            places::ORIGINS_NP
        } else {
            places::ORIGINS_IN
        }
        .iter()
        .filter(|o| o.1 != city.hub)
        .collect();
        let &&(origin_city, origin_hub) = origins.choose(r).unwrap_or(&&places::ORIGINS_IN[0]);
        let centre = format!(
            "{}, {}",
            city.centres.choose(r).copied().unwrap_or(city.hub),
            city.name
        );
        let dest_hub = city.hub.to_string();

        // (status, location, description, minutes since the previous event)
        let mut steps: Vec<(ShipmentStatus, String, String, i64)> = vec![(
            ShipmentStatus::Packed,
            format!("Seller warehouse, {origin_city}"),
            "Packed by seller".into(),
            0,
        )];
        if plan == Plan::Packed {
            let g = gap(r, 1, 3);
            steps.push((
                ShipmentStatus::Packed,
                format!("Seller warehouse, {origin_city}"),
                "Ready to ship – awaiting courier pickup".into(),
                g,
            ));
        } else {
            let g = gap(r, 5, 16);
            steps.push((
                ShipmentStatus::Shipped,
                origin_hub.into(),
                format!("Picked up by {carrier}, received at origin hub"),
                g,
            ));
            match plan {
                Plan::Transit { late } => {
                    let g = gap(r, 3, 8);
                    steps.push((
                        ShipmentStatus::InTransit,
                        origin_hub.into(),
                        format!("Departed origin hub, in transit to {}", city.name),
                        g,
                    ));
                    if late {
                        let g = gap(r, 20, 30);
                        steps.push((
                            ShipmentStatus::InTransit,
                            dest_hub.clone(),
                            "Held at hub – operational delay".into(),
                            g,
                        ));
                    }
                }
                Plan::LateDelivered => {
                    let g = gap(r, 20, 30);
                    steps.push((
                        ShipmentStatus::InTransit,
                        origin_hub.into(),
                        "Held at hub – operational delay".into(),
                        g,
                    ));
                    let g = gap(r, 30, 60);
                    steps.push((
                        ShipmentStatus::InTransit,
                        dest_hub.clone(),
                        "Arrived at destination hub".into(),
                        g,
                    ));
                }
                _ => {
                    let g = gap(r, 18, 36);
                    steps.push((
                        ShipmentStatus::InTransit,
                        dest_hub.clone(),
                        "Arrived at destination hub".into(),
                        g,
                    ));
                }
            }
            if !matches!(plan, Plan::Transit { .. }) {
                let g = gap(r, 8, 16);
                steps.push((
                    ShipmentStatus::OutForDelivery,
                    centre.clone(),
                    "Out for delivery".into(),
                    g,
                ));
            }
            match plan {
                Plan::Delivered | Plan::LateDelivered => {
                    let what = [
                        "Delivered – received by customer",
                        "Delivered – handed over to security",
                        "Delivered – received by family member",
                    ];
                    let g = gap(r, 2, 6);
                    steps.push((
                        ShipmentStatus::Delivered,
                        centre.clone(),
                        what.choose(r).copied().unwrap_or(what[0]).into(),
                        g,
                    ));
                }
                Plan::Failed | Plan::Rto => {
                    let what = [
                        "Delivery attempted – customer not reachable on phone",
                        "Delivery attempted – address incomplete, landmark needed",
                        "Delivery attempted – customer asked to come another day",
                    ];
                    let g = gap(r, 3, 7);
                    steps.push((
                        ShipmentStatus::DeliveryFailed,
                        centre.clone(),
                        what.choose(r).copied().unwrap_or(what[0]).into(),
                        g,
                    ));
                    if plan == Plan::Rto {
                        let g = gap(r, 48, 96);
                        steps.push((
                            ShipmentStatus::ReturnedToOrigin,
                            dest_hub.clone(),
                            "Returned to origin – COD refused by customer".into(),
                            g,
                        ));
                    }
                }
                _ => {}
            }
        }
        let total: i64 = steps.iter().map(|s| s.3).sum();
        let mut at = anchor - minutes(total);
        let placed = at - minutes(r.random_range(120..480));
        let mut events = Vec::with_capacity(steps.len());
        for (status, location, description, g) in steps {
            at += minutes(g);
            events.push(TrackingEvent {
                at,
                location,
                status,
                description,
            });
        }
        let promised = placed
            + Duration::days(if nepal && city.name != "Pokhara" {
                3
            } else {
                4
            });
        let (eta, late) = match plan {
            Plan::Transit { late: true } => (anchor + hours(r.random_range(6..20)), true),
            Plan::Failed => (events[events.len() - 2].at, true),
            Plan::OutForDelivery => (anchor + hours(4), false),
            Plan::LateDelivered => (events[2].at + hours(10), false),
            Plan::Delivered | Plan::Rto => (promised, false),
            Plan::Transit { late: false } | Plan::Packed => (promised, promised < self.now),
        };
        let status = events
            .last()
            .map(|e| e.status)
            .unwrap_or(ShipmentStatus::Packed);
        (
            placed,
            Shipment {
                carrier: carrier.to_string(),
                tracking_number,
                status,
                eta: Some(eta),
                late,
                events,
            },
        )
    }
}
