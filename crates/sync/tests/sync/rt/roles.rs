//! RT has no supervisors: the members of the RT group `Supervisors` (and of
//! groups inside it) are sahaya supervisors, everyone else an agent.

use sahaya_protocol::Clock;
use sahaya_protocol::domain::Role;
use sahaya_store::Store;
use sahaya_sync::RtBackend;
use sahaya_sync::backend::Backend;
use serde_json::json;

use super::{Rest, console, kick_until, start_rt};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_of_the_supervisors_group_are_supervisors() {
    let rt = start_rt(2).await;
    let backend = |token: &str| RtBackend::new(&rt.url(), token, Clock::system()).unwrap();
    let (kavya, ravi) = (rt.agents[0].clone(), rt.agents[1].clone());

    // No such group yet: everyone is an agent, and doctor says why.
    let check = backend(&kavya.token).check().await.unwrap();
    assert_eq!(check.role, Role::Agent);
    assert!(!check.supervisor_group_visible);
    assert_eq!(check.supervisor_group, "Supervisors");

    // kavya is in it; ravi through a group inside it.
    rt.add_to_group("Supervisors", &["kavya", "group:Shift leads"])
        .unwrap();
    rt.add_to_group("Shift leads", &["ravi"]).unwrap();
    let meera = rt
        .add_user("meera", "Meera", &["ShowTicket", "SeeQueue", "SeeGroup"])
        .unwrap();
    let arun = rt
        .add_user("arun", "Arun", &["ShowTicket", "SeeQueue"])
        .unwrap();
    assert_eq!(
        backend(&kavya.token).me().await.unwrap().role,
        Role::Supervisor
    );
    assert_eq!(
        backend(&ravi.token).me().await.unwrap().role,
        Role::Supervisor
    );
    let check = backend(&meera.token).check().await.unwrap();
    assert_eq!(
        (check.role, check.supervisor_group_visible),
        (Role::Agent, true),
        "not a member"
    );
    let check = backend(&arun.token).check().await.unwrap();
    assert_eq!(
        (check.role, check.supervisor_group_visible),
        (Role::Agent, false),
        "may not see the group (no SeeGroup)"
    );
    // Another group name, from the site's config.
    let other = backend(&kavya.token).with_supervisor_group("Shift leads");
    assert_eq!(other.me().await.unwrap().role, Role::Agent);

    // The console: kavya's own role, and ravi's where he owns a ticket.
    Rest::new(&rt, &rt.admin.token)
        .put("ticket/1", json!({"Owner": "ravi"}))
        .await;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let ui = Store::open(&cache).unwrap();
    let sync = console(&rt, 0, &cache, None);
    kick_until(&sync, "ravi in kavya's cache", 60, || {
        ui.agent(ravi.id).ok().flatten().is_some() && ui.me().ok().flatten().is_some()
    })
    .await;
    assert_eq!(ui.me().unwrap().unwrap().role, Role::Supervisor);
    assert_eq!(ui.agent(ravi.id).unwrap().unwrap().role, Role::Supervisor);
}
