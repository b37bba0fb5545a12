//! Every field against a populated cache: the engine's answer equals the
//! reference meaning, lookups work however the number or id is written and
//! in every script, and the answers follow the cache as it changes.

use std::collections::BTreeSet;

use chrono::Duration;
use proptest::prelude::*;
use sahaya_protocol::domain::{Channel, ContactHandle, Status};
use sahaya_protocol::wire::{Change, Entity, TicketPatch};
use sahaya_query::{Query, parse};
use sahaya_store::{OutboxOp, QueryContext, Store};

use super::fixture::{TICKETS, World, cx, t0, world};

fn q(text: &str) -> Query {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn ids(store: &Store, query: &Query, cx: &QueryContext) -> BTreeSet<i64> {
    store
        .query_ids(query, cx, 0, 1000)
        .unwrap()
        .into_iter()
        .collect()
}

/// The engine and the reference agree on `text`, rows and count; returns
/// the tickets.
fn agree(world: &World, store: &Store, text: &str, cx: &QueryContext) -> BTreeSet<i64> {
    let query = q(text);
    let want = world.reference(&query, cx);
    let got = ids(store, &query, cx);
    assert_eq!(got, want, "{text:?}");
    assert_eq!(
        store.query_count(&query, cx).unwrap(),
        want.len() as i64,
        "count of {text:?}"
    );
    want
}

fn tickets_of(world: &World, customers: &[i64]) -> BTreeSet<i64> {
    world
        .tickets
        .iter()
        .filter(|t| customers.contains(&t.customer_id))
        .map(|t| t.id)
        .collect()
}

#[test]
fn every_field_matches_its_meaning() {
    let world = world();
    let store = world.store();
    let table = [
        "status:pending",
        "status:new OR status:open",
        "-status:solved -status:closed",
        "priority:urgent",
        "priority:low OR priority:high",
        "channel:whatsapp",
        "channel:web",
        "group:returns",
        "group:logistics",
        "group:LOGISTICS",
        "assignee:me",
        "assignee:none",
        "assignee:2",
        "assignee:bharat",
        "assignee:ಚಿತ್ರಾ",
        "assignee:kul",
        "tag:cod",
        "tag:VIP",
        "-tag:cod",
        "tag:gift-wrap OR tag:vip",
        "order:OD-100101",
        "order:od100",
        "order:SH-1001",
        "order:dl1234567890in",
        "order:NP",
        "phone:9845",
        "phone:\"+91 98450 12345\"",
        "phone:09845067890",
        "phone:9779841234567",
        "phone:9880011223",
        "email:KAVYA.rao@gmail.example",
        "email:lak",
        "handle:@kavya",
        "handle:sarita",
        "customer:Kavya",
        "customer:\"kavya rao\"",
        "customer:ಕಾವ್ಯಾ",
        "customer:లక్ష్మి",
        "customer:सरिता",
        "customer:rao OR customer:iyer",
        "lang:kn",
        "lang:te",
        "lang:नेपाली",
        "-lang:en",
        "late:yes",
        "late:no",
        "created:<1d",
        "created:>2d",
        "created:<=36h",
        "updated:>4d",
        "updated:<2d",
        "csat:<3",
        "csat:5",
        "csat:>=3",
        "refund",
        "ಪಾರ್ಸೆಲ್",
        "ఆర్డర్",
        "सामान",
        "courier order",
        "courier ఆర్డర్",
        "\"never came\"",
        "refund OR ಪಾರ್ಸೆಲ್",
        "-refund",
        "refund OR tag:vip",
        "Kavya",
        "kavya refund",
        "ಕಾವ್ಯಾ",
        "SH-1001",
        "9845",
        "kavya.rao@gmail",
        "status:open priority:urgent refund",
        "channel:email -tag:cod courier",
        "assignee:me late:yes",
        "status:solved csat:<3",
    ];
    let all = world.tickets.len();
    for text in table {
        let found = agree(&world, &store, text, &cx());
        assert!(!found.is_empty(), "{text:?} finds nothing in the fixture");
        if text != "-refund" {
            assert!(found.len() < all, "{text:?} finds every ticket");
        }
    }
}

#[test]
fn phones_are_found_however_written_in_every_script() {
    let world = world();
    let store = world.store();
    let kavya = tickets_of(&world, &[1]);
    for typed in [
        "phone:\"+91 98450 12345\"",
        "phone:+919845012345",
        "phone:09845012345",
        "phone:9845012345",
        "phone:98450-12345",
        "phone:\"(98450) 12345\"",
        "phone:९८४५०१२३४५",
        "phone:೯೮೪೫೦೧೨೩೪೫",
        "phone:౯౮౪౫౦౧౨౩౪౫",
        "9845012345",
        "+919845012345",
    ] {
        assert_eq!(ids(&store, &q(typed), &cx()), kavya, "{typed}");
    }
    // A prefix finds every number that starts with it, written any way.
    let both = tickets_of(&world, &[1, 2]);
    for typed in ["phone:98450", "phone:०९८४५०", "phone:\"+91 9845\""] {
        assert_eq!(ids(&store, &q(typed), &cx()), both, "{typed}");
    }
    // Stored with Devanagari digits, found with ASCII ones; Nepal's code.
    assert_eq!(
        ids(&store, &q("phone:98800"), &cx()),
        tickets_of(&world, &[6])
    );
    // A number stored without a country code may be from any country.
    assert_eq!(
        ids(&store, &q("phone:+977984"), &cx()),
        tickets_of(&world, &[2, 4])
    );
    assert!(ids(&store, &q("phone:12345"), &cx()).is_empty());
}

#[test]
fn order_ids_and_emails_ignore_case_and_punctuation() {
    let world = world();
    let store = world.store();
    let of_customer_1 = tickets_of(&world, &[1]);
    for typed in [
        "order:OD-100101",
        "order:od-100101",
        "order:OD100101",
        "order:\"od 100101\"",
        "order:OD-१००१०१",
        "order:DL1234567890IN",
        "order:dl12345",
        "OD-100101",
        "od-100101",
    ] {
        assert_eq!(ids(&store, &q(typed), &cx()), of_customer_1, "{typed}");
    }
    // The ticket mentioning SH-1001 in a message, and customer 2's tickets.
    let sh = ids(&store, &q("SH-1001"), &cx());
    let mut want = tickets_of(&world, &[2]);
    want.insert(7);
    assert_eq!(sh, want);
    for typed in [
        "email:kavya.rao@gmail.example",
        "email:KAVYA.RAO@GMAIL.EXAMPLE",
        "email:kavya",
    ] {
        assert_eq!(ids(&store, &q(typed), &cx()), of_customer_1, "{typed}");
    }
}

#[test]
fn customer_names_in_four_scripts() {
    let world = world();
    let store = world.store();
    for (typed, customers) in [
        ("customer:ಕಾವ್ಯಾ", vec![2]),
        ("customer:ಕಾವ್", vec![2]),
        ("customer:\"ಕಾವ್ಯಾ ಹೆಗಡೆ\"", vec![2]),
        ("customer:లక్ష్మి", vec![3]),
        ("customer:रेड्डी OR customer:రెడ్డి", vec![3]),
        ("customer:सरिता", vec![4]),
        ("customer:श्रेष्ठ", vec![6]),
        ("customer:kavya", vec![1]),
        ("customer:\"Kavya R\"", vec![1]),
        ("customer:iy", vec![5]),
    ] {
        assert_eq!(
            ids(&store, &q(typed), &cx()),
            tickets_of(&world, &customers),
            "{typed}"
        );
    }
}

#[test]
fn pages_are_newest_first_and_add_up() {
    let world = world();
    let store = world.store();
    for text in ["-status:closed", "refund", "tag:cod OR refund", ""] {
        let query = q(text);
        let all = store.query_ids(&query, &cx(), 0, 1000).unwrap();
        let mut paged = Vec::new();
        for page in 0.. {
            let ids = store.query_ids(&query, &cx(), page * 5, 5).unwrap();
            if ids.is_empty() {
                break;
            }
            paged.extend(ids);
        }
        assert_eq!(paged, all, "{text:?}");
        let rows = store.query_rows(&query, &cx(), 0, 1000).unwrap();
        assert_eq!(rows.iter().map(|r| r.ticket.id).collect::<Vec<_>>(), all);
        if !text.contains("refund") {
            let updated: Vec<_> = rows.iter().map(|r| r.ticket.updated_at).collect();
            assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{text:?}");
        }
    }
    assert_eq!(store.query_count(&q(""), &cx()).unwrap(), TICKETS);
    // Hits of a word carry the matching message's text, marked.
    let hits = store
        .query_hits(&q("status:pending refund"), &cx(), 10)
        .unwrap();
    assert!(!hits.is_empty());
    for h in &hits {
        assert!(h.message_id.is_some() || h.subject.to_lowercase().contains("refund"));
        let marked: String = h.highlights.iter().map(|r| &h.snippet[r.clone()]).collect();
        assert!(marked.to_lowercase().contains("refund"), "{h:?}");
    }
    // Hits of fields only: the subject, unmarked.
    let hits = store.query_hits(&q("tag:vip"), &cx(), 3).unwrap();
    assert_eq!(hits.len(), 3);
    assert!(
        hits.iter()
            .all(|h| h.snippet == h.subject && h.highlights.is_empty())
    );
}

#[test]
fn answers_follow_the_cache() {
    let mut world = world();
    let mut store = world.store();
    let pending = q("status:pending");
    let before = store.query_count(&pending, &cx()).unwrap();
    // The feed moves a ticket to pending.
    let mut t = world
        .tickets
        .iter()
        .find(|t| t.status == Status::Open)
        .unwrap()
        .clone();
    t.status = Status::Pending;
    t.version += 1;
    store
        .apply_changes(
            &[Change {
                seq: 1000,
                entity: Entity::Ticket(t.clone()),
            }],
            1000,
        )
        .unwrap();
    assert_eq!(store.query_count(&pending, &cx()).unwrap(), before + 1);
    assert!(ids(&store, &pending, &cx()).contains(&t.id));
    // The agent tags it; the tag shows before the server confirms it.
    store
        .enqueue(OutboxOp::Patch {
            ticket_id: t.id,
            patch: TicketPatch {
                tags: Some(vec!["Escalated".into()]),
                ..TicketPatch::default()
            },
        })
        .unwrap();
    assert_eq!(
        ids(&store, &q("tag:escalated"), &cx()),
        BTreeSet::from([t.id])
    );
    // A customer's new number is found, the old one no more.
    let mut c = world.customers[4].clone();
    c.handles = vec![ContactHandle {
        channel: Channel::WhatsApp,
        value: "+91 63000 11111".into(),
    }];
    c.updated_at = t0();
    world.customers[4] = c.clone();
    store
        .apply_changes(
            &[Change {
                seq: 1001,
                entity: Entity::Customer(c),
            }],
            1001,
        )
        .unwrap();
    assert_eq!(
        ids(&store, &q("phone:63000"), &cx()),
        tickets_of(&world, &[5])
    );
    assert!(ids(&store, &q("phone:99000"), &cx()).is_empty());
    // Another connection's writes are seen too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let mut writer = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    assert_eq!(reader.query_count(&q(""), &cx()).unwrap(), 0);
    let changes = world.changes();
    writer
        .apply_changes(&changes, changes.len() as i64)
        .unwrap();
    assert_eq!(reader.query_count(&q(""), &cx()).unwrap(), TICKETS);
    writer.reset_cache().unwrap();
    assert_eq!(reader.query_count(&q(""), &cx()).unwrap(), 0);
    assert!(
        reader
            .query_ids(&q("refund"), &cx(), 0, 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn time_terms_use_the_time_given() {
    let world = world();
    let store = world.store();
    let later = QueryContext {
        me: 1,
        now: t0() + Duration::days(10),
    };
    for text in ["created:<2d", "late:yes", "updated:>1w"] {
        let now = agree(&world, &store, text, &cx());
        let then = agree(&world, &store, text, &later);
        assert_ne!(now, then, "{text}");
    }
    // Another agent's "me".
    let other = QueryContext { me: 2, now: t0() };
    assert_eq!(
        agree(&world, &store, "assignee:me", &other),
        agree(&world, &store, "assignee:2", &cx())
    );
}

/// Pieces of queries with answers in the fixture.
fn piece() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "status:open",
        "status:pending",
        "status:solved",
        "priority:urgent",
        "priority:low",
        "channel:email",
        "channel:whatsapp",
        "group:returns",
        "group:logistics",
        "assignee:me",
        "assignee:none",
        "assignee:bharat",
        "tag:cod",
        "tag:vip",
        "order:OD-1001",
        "order:sh",
        "phone:9845",
        "phone:+977",
        "email:lakshmi",
        "handle:kavya",
        "customer:kavya",
        "customer:ಕಾವ್ಯಾ",
        "customer:లక్ష్మి",
        "customer:सरिता",
        "lang:kn",
        "lang:ne",
        "late:yes",
        "created:<1d",
        "created:>3d",
        "updated:<2d",
        "csat:<3",
        "refund",
        "courier",
        "ಪಾರ್ಸೆಲ್",
        "ఆర్డర్",
        "सामान",
        "\"never came\"",
        "kavya",
        "9845",
        "SH-1001",
        "order",
    ])
}

fn random_query() -> impl Strategy<Value = String> {
    let term = (any::<bool>(), piece()).prop_map(
        |(neg, p)| {
            if neg { format!("-{p}") } else { p.to_string() }
        },
    );
    let clause = proptest::collection::vec(term, 1..3).prop_map(|t| t.join(" OR "));
    proptest::collection::vec(clause, 1..4).prop_map(|c| c.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random combinations of fields, words, OR and exclusion: the engine
    /// agrees with the reference.
    #[test]
    fn random_queries_agree_with_the_reference(text in random_query()) {
        thread_local! {
            static WORLD: (World, Store) = {
                let w = world();
                let s = w.store();
                (w, s)
            };
        }
        WORLD.with(|(world, store)| {
            let query = q(&text);
            let want = world.reference(&query, &cx());
            prop_assert_eq!(ids(store, &query, &cx()), want.clone(), "{}", text);
            prop_assert_eq!(store.query_count(&query, &cx()).unwrap(), want.len() as i64);
            Ok(())
        })?;
    }
}
