//! The demo data of the reference server, pulled into a cache over HTTP:
//! each field's answer against what the server itself says.
//!
//! - Views (`GET /v1/tickets?view=`): the same tickets as the equivalent
//!   query, not just the same total.
//! - Queue statistics (`GET /v1/stats`): per status, per priority, channel
//!   and group (active tickets), per agent (active, assigned), SLA breached.
//! - Lookups (the server has no search): every customer's every phone
//!   number, written as stored, in digits of Kannada, Telugu and
//!   Devanagari, without the country code and with a trunk 0, and every
//!   order id and tracking number in other case, find exactly the tickets
//!   the server lists for that customer or order.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{TimeZone, Utc};
use reqwest::Method;
use sahaya_protocol::Clock;
use sahaya_protocol::domain::{Channel, Customer, Order, Role, Ticket};
use sahaya_protocol::wire::{ChangesPage, Entity, Me, QueueStats, TicketList, View};
use sahaya_query::{keys, parse};
use sahaya_server::ServeOptions;
use sahaya_store::{QueryContext, Store};
use sahaya_testkit::server::{TestServer, server_with};

struct Pulled {
    store: Store,
    customers: Vec<Customer>,
    orders: Vec<Order>,
}

async fn pull(server: &TestServer) -> Pulled {
    let mut store = Store::open_in_memory().unwrap();
    let (mut customers, mut orders) = (Vec::new(), Vec::new());
    let mut since = 0;
    loop {
        let page: ChangesPage = server
            .req(
                Method::GET,
                &format!("/v1/changes?since={since}&limit=1000"),
                Role::Agent,
            )
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for change in &page.changes {
            match &change.entity {
                Entity::Customer(c) => customers.push(c.clone()),
                Entity::Order(o) => orders.push(o.clone()),
                _ => {}
            }
        }
        store.apply_changes(&page.changes, page.next).unwrap();
        since = page.next;
        if !page.has_more {
            break;
        }
    }
    Pulled {
        store,
        customers,
        orders,
    }
}

async fn get<T: serde::de::DeserializeOwned>(server: &TestServer, path: &str, role: Role) -> T {
    serde_json::from_value(server.get(path, role).await).unwrap()
}

async fn view(server: &TestServer, view: View) -> (i64, BTreeSet<i64>) {
    let list: TicketList = get(
        server,
        &format!("/v1/tickets?view={}&limit=1000", view.as_str()),
        Role::Agent,
    )
    .await;
    (list.total, list.tickets.iter().map(|t| t.id).collect())
}

fn found(store: &Store, text: &str, cx: &QueryContext) -> BTreeSet<i64> {
    let q = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let ids: BTreeSet<i64> = store
        .query_ids(&q, cx, 0, 100_000)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(
        store.query_count(&q, cx).unwrap(),
        ids.len() as i64,
        "{text}"
    );
    ids
}

fn count(store: &Store, text: &str, cx: &QueryContext) -> i64 {
    store.query_count(&parse(text).unwrap(), cx).unwrap()
}

/// Whether one of `c`'s phone numbers is found by `typed` (the rule of
/// `keys::phone_lookups`).
fn phone_matches(c: &Customer, typed: &str) -> bool {
    c.handles.iter().any(|h| {
        let stored = keys::phone_keys(&h.value);
        keys::phone_lookups(typed).iter().any(|(kind, p)| {
            stored
                .iter()
                .any(|(k, key)| k == kind && key.starts_with(p.as_str()))
        })
    })
}

/// `digits` in the decimal digits starting at `zero`.
fn in_script(text: &str, zero: char) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(u32::from(zero) + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fields_agree_with_the_reference_server_on_the_demo_data() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
        .single()
        .unwrap();
    let server = server_with(ServeOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        demo: true,
        clock: Clock::manual(now),
        ..ServeOptions::default()
    })
    .await;
    let pulled = pull(&server).await;
    let store = &pulled.store;
    let me: Me = get(&server, "/v1/me", Role::Agent).await;
    let cx = QueryContext {
        me: me.agent.id,
        now,
    };

    // Views: the same tickets.
    for (v, text) in [
        (View::Mine, "assignee:me -status:solved -status:closed"),
        (
            View::Unassigned,
            "assignee:none -status:solved -status:closed",
        ),
        (View::Open, "status:new OR status:open"),
        (View::Pending, "status:pending OR status:on-hold"),
        (View::Solved, "status:solved OR status:closed"),
        (View::All, ""),
    ] {
        let (total, ids) = view(&server, v).await;
        assert!(total > 0, "{v:?} is empty in the demo");
        assert_eq!(total, ids.len() as i64, "{v:?} has more than a page");
        assert_eq!(found(store, text, &cx), ids, "{v:?} vs {text:?}");
    }

    // Queue statistics: counts per status, priority, channel, group, agent.
    let stats: QueueStats = get(&server, "/v1/stats", Role::Supervisor).await;
    let active = "-status:solved -status:closed";
    for (status, n) in &stats.by_status {
        assert_eq!(
            count(store, &format!("status:{status}"), &cx),
            *n,
            "status {status}"
        );
    }
    for (priority, n) in &stats.by_priority {
        let text = format!("priority:{priority} {active}");
        assert_eq!(count(store, &text, &cx), *n, "{text}");
    }
    for (channel, n) in &stats.by_channel {
        let text = format!("channel:{channel} {active}");
        assert_eq!(count(store, &text, &cx), *n, "{text}");
    }
    for (group, n) in &stats.by_group {
        let text = format!("group:\"{group}\" {active}");
        assert_eq!(count(store, &text, &cx), *n, "{text}");
    }
    for load in &stats.agents {
        let text = format!("assignee:{} {active}", load.agent_id);
        assert_eq!(count(store, &text, &cx), load.open_tickets, "{text}");
    }
    assert!(stats.sla.breached > 0, "the demo has breached tickets");
    assert_eq!(count(store, "late:yes", &cx), stats.sla.breached);
    // Every status, priority and channel the demo uses was compared.
    let statuses: i64 = stats.by_status.values().sum();
    assert_eq!(statuses, count(store, "", &cx));

    // Lookups: the server's tickets of each customer and order.
    let (_, all) = view(&server, View::All).await;
    let tickets: Vec<Ticket> = all
        .iter()
        .map(|id| pulled.store.ticket(*id).unwrap().unwrap())
        .collect();
    let mut by_customer: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for t in &tickets {
        by_customer.entry(t.customer_id).or_default().insert(t.id);
    }
    let mut phones_checked = 0;
    for c in &pulled.customers {
        let want = by_customer.get(&c.id).cloned().unwrap_or_default();
        // Customers sharing the number (a family's phone) share the answer.
        for h in c
            .handles
            .iter()
            .filter(|h| matches!(h.channel, Channel::Phone | Channel::WhatsApp))
        {
            let same: BTreeSet<i64> = pulled
                .customers
                .iter()
                .filter(|o| {
                    o.handles
                        .iter()
                        .any(|x| keys::phone_keys(&x.value) == keys::phone_keys(&h.value))
                })
                .flat_map(|o| by_customer.get(&o.id).cloned().unwrap_or_default())
                .collect();
            assert!(same.is_superset(&want));
            let digits: String = h.value.chars().filter(char::is_ascii_digit).collect();
            let Some(national) = digits.get(digits.len().saturating_sub(10)..) else {
                continue;
            };
            for typed in [
                format!("phone:\"{}\"", h.value),
                format!("phone:{national}"),
                format!("phone:0{national}"),
                format!("phone:\"{}\"", in_script(&h.value, '೦')),
                format!("phone:\"{}\"", in_script(&h.value, '౦')),
                format!("phone:\"{}\"", in_script(&h.value, '०')),
                national.to_string(),
            ] {
                let got = found(store, &typed, &cx);
                assert!(got.is_superset(&same), "{typed} for customer {}", c.id);
                if let Some(value) = typed.strip_prefix("phone:") {
                    // Others found have a number that starts so.
                    let value = value.trim_matches('"');
                    for id in got.difference(&same) {
                        let t = tickets.iter().find(|t| t.id == *id).unwrap();
                        let oc = pulled
                            .customers
                            .iter()
                            .find(|x| x.id == t.customer_id)
                            .unwrap();
                        assert!(phone_matches(oc, value), "{typed} found ticket {id}");
                    }
                }
            }
            phones_checked += 1;
        }
    }
    assert!(phones_checked > 20, "{phones_checked} phone numbers");
    let mut orders_checked = 0;
    for o in &pulled.orders {
        let mut want: BTreeSet<i64> = by_customer.get(&o.customer_id).cloned().unwrap_or_default();
        want.extend(
            tickets
                .iter()
                .filter(|t| t.order_id.as_deref() == Some(o.id.as_str()))
                .map(|t| t.id),
        );
        let mut typed = vec![
            format!("order:{}", o.id.to_lowercase()),
            format!("order:\"{}\"", o.id.replace('-', " ")),
            format!("order:{}", in_script(&o.id, '०')),
            o.id.to_lowercase(),
        ];
        if let Some(s) = &o.shipment {
            typed.push(format!("order:{}", s.tracking_number.to_lowercase()));
        }
        for text in typed {
            let got = found(store, &text, &cx);
            assert!(got.is_superset(&want), "{text}");
            let Some(value) = text.strip_prefix("order:") else {
                continue;
            };
            // Others found have an order or tracking number starting so.
            let key = keys::order_key(value.trim_matches('"'));
            for id in got.difference(&want) {
                let t = tickets.iter().find(|t| t.id == *id).unwrap();
                let starts = |x: &str| keys::order_key(x).starts_with(&key);
                let explained = t.order_id.as_deref().is_some_and(starts)
                    || pulled.orders.iter().any(|x| {
                        x.customer_id == t.customer_id
                            && (starts(&x.id)
                                || x.shipment
                                    .as_ref()
                                    .is_some_and(|s| starts(&s.tracking_number)))
                    });
                assert!(explained, "{text} found {id}");
            }
        }
        orders_checked += 1;
    }
    assert!(orders_checked > 20, "{orders_checked} orders");
    // Names in every script the demo has.
    for c in &pulled.customers {
        let want = by_customer.get(&c.id).cloned().unwrap_or_default();
        let got = found(store, &format!("customer:\"{}\"", c.name), &cx);
        assert!(got.is_superset(&want), "customer:{:?}", c.name);
    }
    // Languages: the demo's customers' preferred languages.
    for lang in ["en", "kn", "te", "ne", "hi"] {
        let want: BTreeSet<i64> = pulled
            .customers
            .iter()
            .filter(|c| c.preferred_language.split('-').next() == Some(lang))
            .flat_map(|c| by_customer.get(&c.id).cloned().unwrap_or_default())
            .collect();
        assert_eq!(
            found(store, &format!("lang:{lang}"), &cx),
            want,
            "lang:{lang}"
        );
    }
}
