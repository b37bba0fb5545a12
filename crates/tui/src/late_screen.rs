//! The late-shipment screen's state: the rule from the config, the late
//! orders shown, the marks, the selection, and its rows (headings by
//! carrier and city, then orders). The flow is `flows::late`.

use std::collections::BTreeSet;

use sahaya_protocol::domain::OrderId;
use sahaya_store::{LateOrder, LateRule};

/// The late-shipment screen's rule and, while it is shown, its state.
#[derive(Debug, Default)]
pub struct Late {
    pub rule: LateRule,
    pub screen: Option<LateScreen>,
}

/// What the late-shipment screen shows.
#[derive(Debug, Default)]
pub struct LateScreen {
    /// By carrier, city and order id.
    pub orders: Vec<LateOrder>,
    pub marked: BTreeSet<OrderId>,
    /// Index into [`rows`].
    pub selected: usize,
}

/// One row of the screen: a carrier and city heading (its orders are
/// `orders[range]`) or an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LateRow {
    Group {
        carrier: String,
        city: String,
        range: std::ops::Range<usize>,
    },
    Order(usize),
}

/// The screen's rows: each group's heading followed by its orders.
pub fn rows(screen: &LateScreen) -> Vec<LateRow> {
    let mut out = Vec::new();
    let mut start = 0;
    let orders = &screen.orders;
    while start < orders.len() {
        let (carrier, city) = (&orders[start].carrier, &orders[start].city);
        let end = start
            + orders[start..]
                .iter()
                .take_while(|o| &o.carrier == carrier && &o.city == city)
                .count();
        out.push(LateRow::Group {
            carrier: carrier.clone(),
            city: city.clone(),
            range: start..end,
        });
        out.extend((start..end).map(LateRow::Order));
        start = end;
    }
    out
}

/// The marked orders, in the screen's order.
pub fn marked_orders(screen: &LateScreen) -> Vec<&LateOrder> {
    screen
        .orders
        .iter()
        .filter(|o| screen.marked.contains(&o.order.id))
        .collect()
}
