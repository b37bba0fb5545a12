//! The adapter reads through an RT web session opened with the token, so
//! RT checks the token (bcrypt, and a write of its "last used" time) once
//! per session instead of on every read; when RT forgets the session the
//! token still works; a revoked token stops the console at the next session.

use std::time::Duration;

use sahaya_protocol::Clock;
use sahaya_sync::RtBackend;
use sahaya_sync::backend::Backend;
use sahaya_sync::client::ClientError;
use sahaya_testkit::rt::RtServer;

use super::start_rt;

/// When RT last took `user`'s token (RT keeps it to the second).
fn token_last_used(rt: &RtServer, user: i64) -> String {
    let db = rusqlite::Connection::open_with_flags(
        rt.database(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    db.query_row(
        "SELECT COALESCE(LastUsed, '') FROM AuthTokens WHERE Owner = ?1",
        [user],
        |r| r.get(0),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_go_through_one_session_and_the_token_stands_in_when_rt_forgets_it() {
    let rt = start_rt(3).await;
    let agent = rt.agent().clone();
    let backend = RtBackend::new(&rt.url(), &agent.token, Clock::system()).unwrap();
    let check = backend.check().await.unwrap();
    assert!(check.session, "RT opened a web session for the token");
    assert_eq!(rt.sessions().unwrap(), 1);
    let logged_in = token_last_used(&rt, agent.id);
    assert!(!logged_in.is_empty(), "the login took the token");

    // Into the next second, so that a read checking the token would show.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for _ in 0..3 {
        let page = backend.changes(0).await.unwrap();
        assert!(!page.changes.is_empty());
        backend.me().await.unwrap();
    }
    assert_eq!(
        token_last_used(&rt, agent.id),
        logged_in,
        "the reads were not checked against the token"
    );
    assert_eq!(rt.sessions().unwrap(), 1, "one session for all of them");

    // RT forgets the session (expired, session store cleared): the reads
    // go on with the token.
    rt.forget_sessions().unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let page = backend.changes(0).await.unwrap();
    assert!(
        !page.changes.is_empty(),
        "still read after RT forgot the session"
    );
    assert!(
        token_last_used(&rt, agent.id) > logged_in,
        "the token stood in for the session"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_stops_the_reads_when_the_session_is_renewed() {
    let rt = start_rt(2).await;
    let agent = rt.agent().clone();
    // Sessions renewed at once (the default is minutes).
    let backend = RtBackend::new(&rt.url(), &agent.token, Clock::system())
        .unwrap()
        .with_session_life(Duration::from_millis(1));
    backend.me().await.unwrap();
    assert!(backend.changes(0).await.is_ok());

    // The RT administrator revokes the token.
    let db = rusqlite::Connection::open(rt.database()).unwrap();
    db.busy_timeout(Duration::from_secs(10)).unwrap();
    db.execute("DELETE FROM AuthTokens WHERE Owner = ?1", [agent.id])
        .unwrap();
    drop(db);
    tokio::time::sleep(Duration::from_millis(20)).await;
    let e = backend.changes(0).await.unwrap_err();
    assert!(matches!(e, ClientError::Unauthorized { .. }), "{e:?}");
    assert!(
        e.to_string().contains("Auth Tokens"),
        "says what to do: {e}"
    );

    // A site can do without sessions: the token on every read.
    let plain = RtBackend::new(&rt.url(), &rt.agents[1].token, Clock::system())
        .unwrap()
        .with_session_life(Duration::ZERO);
    assert!(!plain.check().await.unwrap().session);
    assert!(plain.changes(0).await.is_ok());
}
