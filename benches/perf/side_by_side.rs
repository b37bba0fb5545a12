//! The keypress figures of every data set side by side, and a saved view's
//! live count.

use std::path::Path;
use std::time::{Duration, Instant};

use sahaya::protocol::{Change, Entity, View};
use sahaya::store::Store;
use sahaya::store::language::parse;

use super::{ms, p50_p99};

/// One key's figures at one size.
pub struct Row {
    pub what: String,
    pub p50: Duration,
    pub p99: Duration,
}

/// Keys by data set, in the order they were measured.
#[derive(Default)]
pub struct Table {
    sets: Vec<(usize, Vec<Row>)>,
}

impl Table {
    pub fn add(&mut self, tickets: usize, rows: Vec<Row>) {
        self.sets.push((tickets, rows));
    }

    /// p50 / p99 per set, and p99 of the largest set over the one before.
    pub fn print(&self) {
        let Some((_, first)) = self.sets.first() else {
            return;
        };
        println!(
            "\n   side by side: p50 / p99 in ms (ratio: p99 of the largest set / the one before)"
        );
        let mut head = format!("   {:<38}", "key");
        for (n, _) in &self.sets {
            head.push_str(&format!(" {:>17}", format!("{n} tickets")));
        }
        println!("{head}  ratio");
        for (i, row) in first.iter().enumerate() {
            let mut line = format!("   {:<38}", row.what);
            let mut p99s = Vec::new();
            for (_, rows) in &self.sets {
                if let Some(r) = rows.get(i) {
                    line.push_str(&format!(" {:>8.2} / {:>6.2}", ms(r.p50), ms(r.p99)));
                    p99s.push(r.p99);
                }
            }
            if let [.., before, last] = p99s.as_slice() {
                line.push_str(&format!(
                    "  {:.2}",
                    last.as_secs_f64() / before.as_secs_f64().max(1e-9)
                ));
            }
            println!("{line}");
        }
    }
}

/// Saved views as agents write them: fields only, and fields with a word.
const SAVED: &[&str] = &[
    "status:pending priority:urgent",
    "assignee:me status:open",
    "status:open priority:urgent refund",
];

/// A saved view's count: first (the facets of every ticket are read), after
/// each change of the cache (what every sync page costs the UI per saved
/// view), and remembered (a key that changes nothing).
pub fn saved_view_counts(tickets: usize, cache: &Path) {
    let store = Store::open(cache).expect("cache");
    let mut writer = Store::open(cache).expect("cache");
    let cx = sahaya::store::QueryContext {
        me: 1,
        now: chrono::Utc::now(),
    };
    let id = first_ticket(&store);
    for text in SAVED {
        let q = parse(text).expect("query");
        let t = Instant::now();
        let n = store.query_count(&q, &cx).expect("count");
        let first = t.elapsed();
        let mut changed = Vec::new();
        let mut kept = Vec::new();
        for _ in 0..20 {
            let ticket = writer.ticket(id).expect("ticket").expect("cached");
            let cursor = writer.cursor().expect("cursor");
            writer
                .apply_changes(
                    &[Change {
                        seq: cursor,
                        entity: Entity::Ticket(ticket),
                    }],
                    cursor,
                )
                .expect("apply");
            let t = Instant::now();
            store.query_count(&q, &cx).expect("count");
            changed.push(t.elapsed());
            let t = Instant::now();
            store.query_count(&q, &cx).expect("count");
            kept.push(t.elapsed());
        }
        let (c50, c99) = p50_p99(&mut changed);
        let (k50, _) = p50_p99(&mut kept);
        println!(
            "{tickets:>7} tickets  saved view {text:<36} {n:>7} tickets: first {:>7.2} ms; \
             after a change p50 {:>6.2} ms p99 {:>6.2} ms; remembered {:>6.3} ms",
            ms(first),
            ms(c50),
            ms(c99),
            ms(k50)
        );
    }
}

/// The first cached ticket's id.
fn first_ticket(store: &Store) -> i64 {
    let rows = store
        .ticket_rows(View::All, 0, chrono::Utc::now(), 0, 1)
        .expect("rows");
    rows.first().expect("a cached ticket").ticket.id
}
