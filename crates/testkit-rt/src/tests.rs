//! These start real RTs (each ~1 s from the template; the template itself is
//! built once per machine, ~7 s). They run in parallel, which is part of what
//! they check.

use super::*;

fn queue_ids(body: &str) -> Vec<String> {
    body.split("\"id\" : \"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn starts_rt_and_its_tokens_work() {
    let mut rt = RtServer::start().unwrap();
    assert!(rt.is_running());
    assert_eq!(rt.agents().len(), 2);
    assert_ne!(rt.agents()[0].name, rt.agents()[1].name);
    let names: Vec<String> = rt.queues().into_iter().map(|q| q.name).collect();
    assert_eq!(names, ["General", "Returns"]);
    for (name, id) in [(ORDER_FIELD, 2), (CHANNEL_FIELD, 3), (KEY_FIELD, 4)] {
        assert_eq!(rt.custom_field_id(name), Some(id), "{name}");
    }

    for agent in rt.agents() {
        let r = rt.get("/REST/2.0/queues/all", Some(&agent.token)).unwrap();
        assert_eq!(r.status, 200, "{}: {}", agent.name, r.body);
        let ids = queue_ids(&r.body);
        let want: Vec<String> = rt.queues().iter().map(|q| q.id.to_string()).collect();
        assert_eq!(ids, want, "{}", r.body);
    }
    // The admin sees the restricted queue too.
    let r = rt
        .get("/REST/2.0/queues/all", Some(&rt.admin().token))
        .unwrap();
    assert_eq!(r.status, 200);
    let restricted = rt.restricted_queue().unwrap().id.to_string();
    assert!(queue_ids(&r.body).contains(&restricted), "{}", r.body);

    let r = rt
        .get(
            "/REST/2.0/queues/all",
            Some("1-36-00000000000000000000000000000000"),
        )
        .unwrap();
    assert_eq!(r.status, 401, "{}", r.body);
    let r = rt.get("/REST/2.0/rt", Some(&rt.admin().token)).unwrap();
    assert!(r.body.contains("\"Version\" : \"5.0.3"), "{}", r.body);

    rt.stop().unwrap();
    assert!(!rt.is_running());
    assert!(rt.get("/REST/2.0/rt", None).is_err());
}

#[test]
fn stops_and_starts_again_with_the_same_port_and_data() {
    let mut rt = RtServer::start().unwrap();
    let seeded = rt.seed_tickets(300, &SeedOptions::default()).unwrap();
    assert_eq!((seeded.first, seeded.last, seeded.tickets), (1, 300, 300));
    assert!(seeded.transactions > 300);
    let port = rt.port();
    let token = rt.agents()[1].token.clone();

    rt.stop().unwrap();
    let err = rt.wait_ready(Duration::from_secs(1)).unwrap_err();
    assert!(matches!(err, Error::Exited { .. }), "{err}");
    rt.start_again().unwrap();
    assert_eq!(rt.port(), port);
    let r = rt.get("/REST/2.0/ticket/300", Some(&token)).unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.header("ETag").is_some());
    let r = rt
        .get("/REST/2.0/tickets?query=id>0&per_page=1", Some(&token))
        .unwrap();
    assert!(r.body.contains("\"total\" : 300"), "{}", r.body);
}

#[test]
fn several_at_once_do_not_clash() {
    let servers: Vec<RtServer> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..3).map(|_| s.spawn(RtServer::start)).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap().unwrap())
            .collect()
    });
    let mut ports: Vec<u16> = servers.iter().map(RtServer::port).collect();
    ports.sort();
    ports.dedup();
    assert_eq!(ports.len(), 3);
    // A ticket in one is not in the others.
    servers[0].seed_tickets(1, &SeedOptions::default()).unwrap();
    for (i, rt) in servers.iter().enumerate() {
        let r = rt
            .get("/REST/2.0/ticket/1", Some(&rt.admin().token))
            .unwrap();
        assert_eq!(r.status, if i == 0 { 200 } else { 404 }, "{i}: {}", r.body);
    }
    let dirs: Vec<_> = servers.iter().map(|s| s.dir().to_path_buf()).collect();
    drop(servers);
    assert!(dirs.iter().all(|d| !d.exists()));
}

#[test]
fn a_fresh_database_works_too() {
    let started = Instant::now();
    let rt = RtServer::start_with(Options {
        fresh_database: true,
        ..Options::default()
    })
    .unwrap();
    eprintln!(
        "fresh database and start: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let r = rt
        .get("/REST/2.0/queues/all", Some(&rt.agents()[0].token))
        .unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    let out = rt.run_perl(
        "my $q = RT::Queue->new(RT->SystemUser); $q->Load($ARGV[0]); print $q->Id;",
        &["Returns"],
    );
    assert_eq!(out.unwrap(), rt.queues()[1].id.to_string());
}

/// Measures: `cargo test -- --ignored --nocapture measure`.
#[test]
#[ignore]
fn measure_start_and_seeding() {
    let started = Instant::now();
    let rt = RtServer::start().unwrap();
    eprintln!(
        "start from the template: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let r = rt.seed_tickets(5000, &SeedOptions::default()).unwrap();
    eprintln!(
        "seeded {} tickets, {} transactions in {:.2} s ({:.0} tickets/s)",
        r.tickets,
        r.transactions,
        r.elapsed.as_secs_f64(),
        r.tickets as f64 / r.elapsed.as_secs_f64()
    );
    let t = rt
        .get(
            "/REST/2.0/tickets?query=id>0&per_page=1",
            Some(&rt.admin().token),
        )
        .unwrap();
    assert!(t.body.contains("\"total\" : 5000"), "{}", t.body);
}
