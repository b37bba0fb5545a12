//! Orders, shipments with tracking events, and refunds/returns/exchanges,
//! shaped to fit the ticket that talks about them.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::catalog::{self, City, PRODUCTS, Product};
use super::{Cust, Gen, OrderInfo, Topic, minutes};
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, AgentId, Money, Order, OrderAction, OrderItem, PaymentMethod,
    PaymentStatus, RefundMethod, Shipment, ShipmentStatus, Status, Timestamp, TrackingEvent,
};

/// How a shipment's story goes; the anchor time is its last event.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
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
    fn product(&mut self, nepal: bool, fits: impl Fn(&Product) -> bool) -> &'static Product {
        let pool: Vec<&'static Product> = PRODUCTS
            .iter()
            .filter(|p| p.sold_in(nepal) && fits(p))
            .collect();
        pool.choose(&mut self.rng).copied().unwrap_or(&PRODUCTS[0])
    }

    fn money(nepal: bool, rupees: i64) -> Money {
        if nepal {
            Money::npr(rupees)
        } else {
            Money::inr(rupees)
        }
    }

    fn item(&mut self, p: &Product, nepal: bool, variant: Option<usize>) -> OrderItem {
        let variant = variant.or_else(|| {
            (!p.variants.is_empty()).then(|| self.rng.random_range(0..p.variants.len()))
        });
        let variant = variant.map(|v| p.variants[v].to_string());
        let code: String = variant
            .as_deref()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        let quantity = if p.inr < 500 && self.rng.random_bool(0.3) {
            2
        } else {
            1
        };
        OrderItem {
            sku: if code.is_empty() {
                p.sku.to_string()
            } else {
                format!("{}-{}", p.sku, code.to_uppercase())
            },
            name: p.name.to_string(),
            quantity,
            unit_price: Self::money(nepal, p.price(nepal)),
            variant,
        }
    }

    /// The focus item plus up to two others, in random order; returns the
    /// items and the focus item's index.
    fn basket(&mut self, focus: OrderItem, nepal: bool) -> (Vec<OrderItem>, usize) {
        let mut items = vec![focus];
        for _ in 0..2 {
            if self.rng.random_bool(0.35) {
                let taken: Vec<String> = items.iter().map(|i| i.name.clone()).collect();
                let p = self.product(nepal, |p| !taken.iter().any(|t| t == p.name));
                let item = self.item(p, nepal, None);
                items.push(item);
            }
        }
        let focus = self.rng.random_range(0..items.len());
        items.swap(0, focus);
        (items, focus)
    }

    fn order_number(&mut self, placed: Timestamp) -> String {
        let since = (placed - (self.now - Duration::days(200))).num_minutes() / 4;
        let mut n = 100_000 + since.clamp(0, 899_000);
        while !self.order_numbers.insert(n) {
            n += 1;
        }
        format!("OD-{n}")
    }

    fn method(&mut self, nepal: bool) -> PaymentMethod {
        let options: &[(PaymentMethod, u32)] = if nepal {
            &[
                (PaymentMethod::Cod, 50),
                (PaymentMethod::Wallet, 35),
                (PaymentMethod::Card, 15),
            ]
        } else {
            &[
                (PaymentMethod::Cod, 35),
                (PaymentMethod::Upi, 30),
                (PaymentMethod::Card, 15),
                (PaymentMethod::NetBanking, 10),
                (PaymentMethod::Wallet, 10),
            ]
        };
        options
            .choose_weighted(&mut self.rng, |o| o.1)
            .map(|o| o.0)
            .unwrap_or(PaymentMethod::Cod)
    }

    /// Courier, tracking number and events for `plan`, ending at `anchor`.
    /// Returns when the order was placed and the shipment.
    fn track(
        &mut self,
        city: &City,
        nepal: bool,
        plan: Plan,
        anchor: Timestamp,
    ) -> (Timestamp, Shipment) {
        let r = &mut self.rng;
        let carriers = if nepal {
            catalog::CARRIERS_NP
        } else {
            catalog::CARRIERS_IN
        };
        let &(carrier, prefix, digits, suffix) = carriers.choose(r).unwrap_or(&carriers[0]);
        let number: String = (0..digits)
            .map(|i| char::from(b'0' + r.random_range(if i == 0 { 1 } else { 0 }..10u8)))
            .collect();
        let tracking_number = format!("{prefix}{number}{suffix}");
        let origins: Vec<&(&str, &str)> = if nepal {
            catalog::ORIGINS_NP
        } else {
            catalog::ORIGINS_IN
        }
        .iter()
        .filter(|o| o.1 != city.hub)
        .collect();
        let &&(origin_city, origin_hub) = origins.choose(r).unwrap_or(&&catalog::ORIGINS_IN[0]);
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

    #[allow(clippy::too_many_arguments)]
    fn push_order(
        &mut self,
        cust: &Cust,
        placed: Timestamp,
        items: Vec<OrderItem>,
        focus: usize,
        variant_new: Option<String>,
        payment: (PaymentMethod, PaymentStatus),
        shipment: Option<Shipment>,
    ) -> usize {
        let total = Money {
            minor: items.iter().map(|i| i.unit_price.minor * i.quantity).sum(),
            currency: items[0].unit_price.currency,
        };
        let updated = shipment
            .as_ref()
            .and_then(|s| s.events.last())
            .map(|e| e.at)
            .unwrap_or(placed);
        let order = Order {
            id: self.order_number(placed),
            customer_id: cust.customer.id,
            placed_at: placed,
            items,
            total,
            payment_method: payment.0,
            payment_status: payment.1,
            delivery_address: cust.address.clone(),
            shipment,
            updated_at: updated.max(placed),
        };
        self.orders.push(order);
        self.info.push(OrderInfo { focus, variant_new });
        self.orders.len() - 1
    }

    /// An order shaped for a ticket about `topic` opened at `opened`, whose
    /// last message was at `last`; with the refund, return or exchange the
    /// conversation mentions.
    pub(super) fn order_for(
        &mut self,
        cust: &Cust,
        topic: Topic,
        (opened, last): (Timestamp, Timestamp),
        status: Status,
        agent: Option<AgentId>,
        replied: bool,
    ) -> usize {
        let nepal = cust.nepal;
        let resolved = !status.is_active();
        let focus_product = match topic {
            Topic::WrongSize | Topic::Exchange => self.product(nepal, |p| p.sized()),
            Topic::Damaged => self.product(nepal, |p| p.fragile),
            Topic::Warranty => self.product(nepal, |p| p.warranty),
            _ => self.product(nepal, |_| true),
        };
        let variant = match (topic, focus_product.variants.len()) {
            (_, 0) => None,
            (Topic::Exchange, n) => Some(self.rng.random_range(0..n - 1)),
            (_, n) => Some(self.rng.random_range(0..n)),
        };
        let variant_new = match (topic, variant) {
            (Topic::Exchange, Some(v)) => Some(focus_product.variants[v + 1].to_string()),
            _ => None,
        };
        let focus_item = self.item(focus_product, nepal, variant);
        let (items, focus) = self.basket(focus_item, nepal);

        let span = last - opened;
        let r = &mut self.rng;
        let before =
            |r: &mut rand::rngs::StdRng, lo: i64, hi: i64| opened - minutes(r.random_range(lo..hi));
        let (plan, anchor) = match topic {
            Topic::PaymentFailed | Topic::General => (None, opened),
            Topic::Late if resolved => (Some(Plan::LateDelivered), opened + span * 3 / 4),
            Topic::Late if r.random_bool(0.25) => (Some(Plan::Failed), before(r, 120, 1200)),
            Topic::Late => (Some(Plan::Transit { late: true }), before(r, 1800, 3600)),
            Topic::AddressChange if resolved => (Some(Plan::Delivered), opened + span * 4 / 5),
            Topic::AddressChange => (Some(Plan::Transit { late: false }), before(r, 60, 600)),
            Topic::Cancel => (Some(Plan::Packed), before(r, 10, 60)),
            Topic::WrongSize | Topic::Damaged => (Some(Plan::Delivered), before(r, 60, 2160)),
            Topic::Exchange => (Some(Plan::Delivered), before(r, 1440, 5760)),
            Topic::Invoice => (Some(Plan::Delivered), before(r, 1440, 14400)),
            Topic::ReturnPickup => (Some(Plan::Delivered), before(r, 4320, 10080)),
            Topic::CodRefund => (Some(Plan::Delivered), before(r, 14400, 23040)),
            Topic::Warranty => (Some(Plan::Delivered), before(r, 64800, 172800)),
        };
        let (placed, shipment) = match plan {
            Some(plan) => {
                let (placed, s) = self.track(cust.city, nepal, plan, anchor);
                (placed, Some(s))
            }
            None => (opened - minutes(self.rng.random_range(5..90)), None),
        };
        let delivered = shipment
            .as_ref()
            .is_some_and(|s| s.status == sahaya_protocol::domain::ShipmentStatus::Delivered);
        let payment = match topic {
            Topic::PaymentFailed => (
                if nepal {
                    PaymentMethod::Wallet
                } else {
                    PaymentMethod::Upi
                },
                if resolved || self.rng.random_bool(0.4) {
                    PaymentStatus::Failed
                } else {
                    PaymentStatus::Pending
                },
            ),
            Topic::CodRefund => (PaymentMethod::Cod, PaymentStatus::Paid),
            Topic::Cancel => {
                let prepaid: &[PaymentMethod] = if nepal {
                    &[PaymentMethod::Wallet, PaymentMethod::Card]
                } else {
                    &[
                        PaymentMethod::Upi,
                        PaymentMethod::Card,
                        PaymentMethod::NetBanking,
                    ]
                };
                let m = prepaid
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or(PaymentMethod::Card);
                (
                    m,
                    if resolved {
                        PaymentStatus::Refunded
                    } else {
                        PaymentStatus::Paid
                    },
                )
            }
            _ => {
                let m = self.method(nepal);
                (
                    m,
                    if m == PaymentMethod::Cod && !delivered {
                        PaymentStatus::Pending
                    } else {
                        PaymentStatus::Paid
                    },
                )
            }
        };
        let o = self.push_order(cust, placed, items, focus, variant_new, payment, shipment);
        if topic == Topic::Cancel
            && let Some(s) = &mut self.orders[o].shipment
        {
            s.late = false;
        }
        self.action_for(
            o,
            cust,
            topic,
            (opened, last),
            status,
            agent.filter(|_| replied),
        );
        o
    }

    /// The refund, return or exchange a ticket about `topic` leads to.
    #[allow(clippy::too_many_arguments)]
    /// `agent` is the agent who replied, if anyone has.
    fn action_for(
        &mut self,
        o: usize,
        cust: &Cust,
        topic: Topic,
        (opened, last): (Timestamp, Timestamp),
        status: Status,
        agent: Option<AgentId>,
    ) {
        let resolved = !status.is_active();
        let replied = agent.is_some();
        let order = &self.orders[o];
        let item = order.items[self.info[o].focus].clone();
        let line = Money {
            minor: item.unit_price.minor * item.quantity,
            currency: item.unit_price.currency,
        };
        let total = order.total;
        let only_item = order.items.len() == 1;
        let r = &mut self.rng;
        let reasons = [
            "Quality not as expected",
            "Colour different from photo",
            "No longer needed",
            "Fabric feels cheap",
        ];
        let reason = reasons.choose(r).copied().unwrap_or(reasons[0]);
        let lang = cust.person.lang;
        let (kind, action_status, amount, method, why, variant, pickup, by) = match topic {
            Topic::CodRefund => (
                ActionKind::Refund,
                if resolved {
                    ActionStatus::Completed
                } else if replied {
                    ActionStatus::Approved
                } else {
                    ActionStatus::Requested
                },
                Some(line),
                Some(if cust.nepal || lang == "te" {
                    RefundMethod::BankTransfer
                } else {
                    RefundMethod::Upi
                }),
                format!("Return picked up – {}", reason.to_lowercase()),
                None,
                None,
                agent,
            ),
            Topic::ReturnPickup => (
                ActionKind::Return,
                if resolved {
                    ActionStatus::PickedUp
                } else if status == Status::Pending {
                    ActionStatus::PickupScheduled
                } else {
                    ActionStatus::PickupMissed
                },
                None,
                None,
                reason.to_string(),
                None,
                Some(if resolved {
                    last + Duration::hours(20)
                } else {
                    opened - Duration::hours(18)
                }),
                None,
            ),
            Topic::Exchange => (
                ActionKind::Exchange,
                if resolved {
                    ActionStatus::Completed
                } else if replied {
                    ActionStatus::PickupScheduled
                } else {
                    ActionStatus::Requested
                },
                None,
                None,
                "Size too small".to_string(),
                self.info[o].variant_new.clone(),
                Some(opened + Duration::days(2)),
                None,
            ),
            Topic::WrongSize if replied && r.random_bool(0.4) => (
                ActionKind::Exchange,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Approved
                },
                None,
                None,
                "Wrong size delivered – seller mislabel".to_string(),
                item.variant.clone(),
                Some(last + Duration::days(1)),
                agent,
            ),
            Topic::Damaged if replied && r.random_bool(0.3) => (
                ActionKind::Exchange,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Approved
                },
                None,
                None,
                "Damaged in transit – replacement, no pickup".to_string(),
                Some(
                    item.variant
                        .clone()
                        .unwrap_or_else(|| "Same item".to_string()),
                ),
                None,
                agent,
            ),
            Topic::PaymentFailed if replied && r.random_bool(0.3) => (
                ActionKind::Refund,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Requested
                },
                Some(total),
                Some(RefundMethod::Source),
                "Amount debited, order not confirmed – reversal".to_string(),
                None,
                None,
                agent,
            ),
            Topic::Cancel if replied && r.random_bool(0.6) => (
                ActionKind::Refund,
                if resolved {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Approved
                },
                Some(total),
                Some(RefundMethod::Source),
                "Cancelled before dispatch".to_string(),
                None,
                None,
                agent,
            ),
            _ => return,
        };
        let created = match kind {
            ActionKind::Return => opened - Duration::days(2),
            _ => opened + (last - opened) / 2,
        };
        let updated = if resolved {
            last
        } else {
            created.max(last.min(self.now))
        };
        if kind == ActionKind::Refund
            && action_status == ActionStatus::Completed
            && topic == Topic::CodRefund
        {
            self.orders[o].payment_status = if only_item {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
        }
        self.orders[o].updated_at = self.orders[o].updated_at.max(updated);
        let id = self.actions.len() as i64 + 1;
        self.actions.push(OrderAction {
            id,
            order_id: self.orders[o].id.clone(),
            customer_id: cust.customer.id,
            kind,
            status: action_status,
            amount,
            refund_method: method,
            skus: if kind == ActionKind::Refund && amount == Some(total) {
                Vec::new()
            } else {
                vec![item.sku.clone()]
            },
            reason: why,
            replacement_variant: variant,
            pickup_at: pickup,
            created_by: by,
            created_at: created,
            updated_at: updated,
        });
    }

    /// Other orders so every customer has one to four.
    pub(super) fn fillers(&mut self, cust: &mut Cust) {
        let want = if cust.orders.is_empty() {
            self.rng.random_range(1..=2)
        } else if cust.orders.len() < 4 && self.rng.random_bool(0.45) {
            1
        } else {
            0
        };
        for _ in 0..want {
            let now = self.now;
            let r = &mut self.rng;
            let roll = r.random_range(0..100);
            let (plan, anchor) = match roll {
                0..75 => (
                    Plan::Delivered,
                    now - minutes(r.random_range(2 * 1440..180 * 1440)),
                ),
                75..83 => (Plan::OutForDelivery, now - minutes(r.random_range(30..240))),
                83..92 => (
                    Plan::Transit { late: false },
                    now - minutes(r.random_range(60..720)),
                ),
                92..97 => (
                    Plan::Rto,
                    now - minutes(r.random_range(3 * 1440..30 * 1440)),
                ),
                _ => (Plan::Failed, now - minutes(r.random_range(120..1200))),
            };
            let p = self.product(cust.nepal, |_| true);
            let item = self.item(p, cust.nepal, None);
            let (items, focus) = self.basket(item, cust.nepal);
            let (placed, shipment) = self.track(cust.city, cust.nepal, plan, anchor);
            let method = if plan == Plan::Rto {
                PaymentMethod::Cod
            } else {
                self.method(cust.nepal)
            };
            let status = if method == PaymentMethod::Cod && plan != Plan::Delivered {
                PaymentStatus::Pending
            } else {
                PaymentStatus::Paid
            };
            let o = self.push_order(
                cust,
                placed,
                items,
                focus,
                None,
                (method, status),
                Some(shipment),
            );
            cust.orders.push(o);
        }
    }
}
