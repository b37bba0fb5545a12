//! Orders: the basket, payment and shipment, shaped to fit the ticket that
//! talks about them, and the other orders every customer has.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::catalog::{PRODUCTS, Product};
use super::shipping::Plan;
use super::topics::Topic;
use super::world::{Cust, Gen, OrderInfo, minutes};
use sahaya_protocol::domain::{
    AgentId, Money, Order, OrderItem, PaymentMethod, PaymentStatus, Shipment, Status, Timestamp,
};

/// What one line of an order costs: its unit price times its quantity.
pub(super) fn line_total(item: &OrderItem) -> Money {
    Money {
        minor: item.unit_price.minor * item.quantity,
        currency: item.unit_price.currency,
    }
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
            minor: items.iter().map(|i| line_total(i).minor).sum(),
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
