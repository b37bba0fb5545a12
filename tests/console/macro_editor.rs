//! The macro editor against the real server: a supervisor's console makes a
//! macro in Kannada (a malformed placeholder is shown with its line and
//! column as it is typed and saving is refused with the message; the server
//! refuses the same body with the same rule), writes it in Hindi too and
//! deletes a version; an agent's console on its own cache gets each change
//! through the change feed, and is not offered the editor.

use std::time::Duration;

use sahaya_testkit::ui::{Console, LiveServer};

use sahaya::domain::Role;
use sahaya::domain::macro_rules::{BodyProblem, check_macro_body};
use sahaya::store::{OutboxOp, Store};
use sahaya::ui::view::palette_rows;

use super::late::{Sync, pick};

const NAME: &str = "Parcel delayed";
const BAD: &str = "ನಮಸ್ಕಾರ {{customer.name}},\nನಿಮ್ಮ ಆರ್ಡರ್ {{Order.Id}} ತಡವಾಗಿದೆ";
const GOOD: &str = "ನಮಸ್ಕಾರ {{customer.name}},\nನಿಮ್ಮ ಆರ್ಡರ್ {{order.id}} ತಡವಾಗಿದೆ, ಕ್ಷಮಿಸಿ.";
const HINDI: &str = "नमस्ते {{customer.name}}, आपका ऑर्डर {{order.id}} देर से चल रहा है।";

fn macros_named(store: &Store) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = store
        .macros()
        .unwrap()
        .into_iter()
        .filter(|m| m.name == NAME)
        .map(|m| (m.language, m.body))
        .collect();
    out.sort();
    out
}

#[test]
fn a_supervisor_edits_macros_and_every_console_gets_them() {
    let server = LiveServer::demo();
    let dir = tempfile::tempdir().unwrap();
    let (sup_cache, agent_cache) = (dir.path().join("sup.db"), dir.path().join("agent.db"));
    let sup_token = server.token(Role::Supervisor);
    let agent_token = server.token(Role::Agent);
    let sup_sync = Sync::start(&server.url(), &sup_token, &sup_cache);
    let agent_sync = Sync::start(&server.url(), &agent_token, &agent_cache);
    let known = |cache: &std::path::Path| {
        Store::open(cache).is_ok_and(|s| {
            s.me().ok().flatten().is_some() && !s.macros().unwrap_or_default().is_empty()
        })
    };
    sup_sync.until("supervisor's sync", Duration::from_secs(60), || {
        known(&sup_cache)
    });
    agent_sync.until("agent's sync", Duration::from_secs(60), || {
        known(&agent_cache)
    });
    let mut sup = Console::open(&sup_cache, "en", (160, 45));
    let mut agent = Console::open(&agent_cache, "kn", (160, 45));

    // The agent is not offered the editor, and its key says why.
    assert!(
        palette_rows(&agent.app, "")
            .iter()
            .all(|r| r.action.name() != "edit_macros")
    );
    agent.press("E");
    agent
        .render()
        .assert_has("ಮ್ಯಾಕ್ರೋಗಳನ್ನು ಮೇಲ್ವಿಚಾರಕರು ಮಾತ್ರ ಬದಲಿಸಬಹುದು");
    assert!(agent.app.editor.is_none());

    // A new macro: name, tags, language, then the body.
    sup.press("E");
    pick(&mut sup, "+ New macro");
    sup.type_text(NAME).press("enter");
    sup.type_text("late-parcel").press("enter");
    pick(&mut sup, "kn · ಕನ್ನಡ");
    assert!(sup.app.editor.is_some(), "the editor is open");
    sup.type_text(BAD);
    // Checked as typed: the error names line and column.
    let s = sup.render();
    s.assert_has("Macro: Parcel delayed [kn]");
    s.assert_has(
        "Line 2, column 14: “Order.Id” is not a placeholder name; use lower-case words joined by dots, such as order.id",
    );
    // Saving is refused with the message; nothing is queued.
    sup.press("ctrl-s");
    assert!(sup.app.editor.is_some());
    assert!(sup.store().outbox_pending().unwrap().is_empty());
    sup.render().assert_has("Line 2, column 14: “Order.Id”");
    // The server refuses the same body under the same rule.
    let problem = check_macro_body(BAD).unwrap_err();
    assert!(matches!(problem, BodyProblem::BadName { .. }));
    let refused = server.block_on(async {
        reqwest::Client::new()
            .post(format!("{}/v1/macros", server.url()))
            .bearer_auth(&sup_token)
            .header("Idempotency-Key", "bad-body-1")
            .json(&serde_json::json!({"name": NAME, "language": "kn", "body": BAD, "add_tags": []}))
            .send()
            .await
            .unwrap()
    });
    assert_eq!(refused.status(), 422);
    let body: serde_json::Value = server.block_on(refused.json()).unwrap();
    assert_eq!(body["error"]["code"], "bad_placeholder");
    assert_eq!(body["error"]["message"], problem.message());

    // Fixed: ctrl-u clears, the right body is typed and saved.
    sup.press("ctrl-u");
    sup.type_text(GOOD);
    sup.render()
        .assert_has("Filled from the cache: customer.name, order.id · asked of the agent: none");
    sup.press("ctrl-s");
    assert!(sup.app.editor.is_none());
    let pending = sup.store().outbox_pending().unwrap();
    assert!(
        matches!(&pending[..], [e] if matches!(&e.op, OutboxOp::MacroSave { id: None, .. })),
        "{pending:?}"
    );
    sup_sync.until("macro saved", Duration::from_secs(30), || {
        Store::open(&sup_cache).is_ok_and(|s| s.outbox_counts().unwrap() == (0, 0))
    });
    // The agent's console gets it from the change feed.
    agent_sync.until("the agent gets the macro", Duration::from_secs(30), || {
        Store::open(&agent_cache).is_ok_and(|s| macros_named(&s).len() == 1)
    });
    assert_eq!(
        macros_named(agent.store()),
        [("kn".to_string(), GOOD.to_string())]
    );

    // The same macro in Hindi.
    sup.press("E");
    pick(&mut sup, "Parcel delayed — kn");
    pick(&mut sup, "Write Parcel delayed in [hi] (new)");
    sup.type_text(HINDI);
    sup.press("ctrl-s");
    sup_sync.until("Hindi saved", Duration::from_secs(30), || {
        Store::open(&sup_cache).is_ok_and(|s| s.outbox_counts().unwrap() == (0, 0))
    });
    agent_sync.until("the agent gets Hindi", Duration::from_secs(30), || {
        Store::open(&agent_cache).is_ok_and(|s| macros_named(&s).len() == 2)
    });
    let langs: Vec<String> = macros_named(agent.store())
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(langs, ["hi", "kn"]);
    let hi = agent
        .store()
        .macros()
        .unwrap()
        .into_iter()
        .find(|m| m.name == NAME && m.language == "hi")
        .unwrap();
    assert_eq!(hi.add_tags, ["late-parcel"], "the tags come along");

    // Deleting the Kannada version removes it from every console.
    sup.press("E");
    pick(&mut sup, "Parcel delayed — hi, kn");
    pick(&mut sup, "Delete the [kn] version of Parcel delayed");
    sup.render()
        .assert_has("Delete the [kn] version of “Parcel delayed” for every console?");
    sup.press("y");
    sup_sync.until("deletion sent", Duration::from_secs(30), || {
        Store::open(&sup_cache).is_ok_and(|s| s.outbox_counts().unwrap() == (0, 0))
    });
    agent_sync.until("the agent loses kn", Duration::from_secs(30), || {
        Store::open(&agent_cache).is_ok_and(|s| macros_named(&s).len() == 1)
    });
    assert_eq!(macros_named(agent.store())[0].0, "hi");
    sup_sync.stop();
    agent_sync.stop();
}
