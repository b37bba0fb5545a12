//! Supervisors edit macros over real HTTP on loopback: create, change,
//! delete, each idempotent; bodies checked placeholder by placeholder;
//! agents may not; every change reaches the change feed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reqwest::Method;
use sahaya_protocol::domain::{Macro, Role};
use sahaya_protocol::wire::{ChangesPage, Entity, MacroList};
use sahaya_testkit::server::{TestServer, bare_server};
use serde_json::{Value, json};

async fn send(
    s: &TestServer,
    method: Method,
    path: &str,
    role: Role,
    key: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = s.req(method, path, role).header("idempotency-key", key);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn listed(s: &TestServer) -> Vec<Macro> {
    let list: MacroList = serde_json::from_value(s.get("/v1/macros", Role::Agent).await).unwrap();
    list.macros
}

/// The macros in the change feed from the start, as the feed has them now.
async fn in_feed(s: &TestServer) -> Vec<Macro> {
    let page: ChangesPage =
        serde_json::from_value(s.get("/v1/changes?since=0&limit=5000", Role::Agent).await).unwrap();
    page.changes
        .into_iter()
        .filter_map(|c| match c.entity {
            Entity::Macro(m) => Some(m),
            _ => None,
        })
        .collect()
}

fn late_macro(body: &str) -> Value {
    json!({"name": "ತಡವಾದ ಡೆಲಿವರಿ", "language": "kn", "body": body,
           "set_status": "pending", "add_tags": ["late-delivery"]})
}

#[tokio::test]
async fn supervisors_create_change_and_delete_macros() {
    let s = bare_server().await;
    let body = "ನಮಸ್ಕಾರ {{customer.name}}, ಆರ್ಡರ್ {{ order.id }} ತಡವಾಗಿದೆ. {{refund.days}}";
    let (code, created) = send(
        &s,
        Method::POST,
        "/v1/macros",
        Role::Supervisor,
        "m-1",
        Some(late_macro(body)),
    )
    .await;
    assert_eq!(code, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    // A retry under the same key makes no second macro.
    let (code, again) = send(
        &s,
        Method::POST,
        "/v1/macros",
        Role::Supervisor,
        "m-1",
        Some(late_macro(body)),
    )
    .await;
    assert_eq!((code, again["id"].as_i64()), (201, Some(id)));
    let now = listed(&s).await;
    assert_eq!(now.iter().filter(|m| m.name == "ತಡವಾದ ಡೆಲಿವರಿ").count(), 1);

    let changed = late_macro("ನಮಸ್ಕಾರ {{customer.first_name}}");
    let (code, after) = send(
        &s,
        Method::PUT,
        &format!("/v1/macros/{id}"),
        Role::Supervisor,
        "m-2",
        Some(changed),
    )
    .await;
    assert_eq!(code, 200, "{after}");
    let m = listed(&s).await.into_iter().find(|m| m.id == id).unwrap();
    assert_eq!(m.body, "ನಮಸ್ಕಾರ {{customer.first_name}}");
    assert_eq!(m.add_tags, ["late-delivery"]);

    let (code, gone) = send(
        &s,
        Method::DELETE,
        &format!("/v1/macros/{id}"),
        Role::Supervisor,
        "m-3",
        None,
    )
    .await;
    assert_eq!(code, 200, "{gone}");
    assert!(
        listed(&s).await.iter().all(|m| m.id != id),
        "deleted macros are not listed"
    );
    // Consoles learn of the deletion from the feed.
    let tomb = in_feed(&s).await.into_iter().find(|m| m.id == id).unwrap();
    assert!(tomb.deleted);
    let (code, err) = send(
        &s,
        Method::PUT,
        &format!("/v1/macros/{id}"),
        Role::Supervisor,
        "m-4",
        Some(late_macro("x")),
    )
    .await;
    assert_eq!(
        (code, err["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    s.server.stop().await;
}

#[tokio::test]
async fn bodies_names_languages_and_roles_are_checked() {
    let s = bare_server().await;
    let cases = [
        (late_macro("ನಮಸ್ಕಾರ {{customer.name"), "unclosed_placeholder"),
        (late_macro("ನಮಸ್ಕಾರ {{ }}"), "empty_placeholder"),
        (late_macro("ನಮಸ್ಕಾರ {{Customer Name}}"), "bad_placeholder"),
        (late_macro("   "), "bad_macro_body"),
        (
            json!({"name": " ", "language": "kn", "body": "hi"}),
            "bad_macro_name",
        ),
        (
            json!({"name": "Hi", "language": "Kannada", "body": "hi"}),
            "bad_language",
        ),
        (
            json!({"name": "Hi", "language": "kn", "body": "hi", "add_tags": ["x".repeat(41)]}),
            "bad_tag",
        ),
    ];
    for (i, (body, want)) in cases.into_iter().enumerate() {
        let (code, err) = send(
            &s,
            Method::POST,
            "/v1/macros",
            Role::Supervisor,
            &format!("bad-{i}"),
            Some(body),
        )
        .await;
        assert_eq!(code, 422, "{err}");
        assert_eq!(err["error"]["code"], want, "{err}");
        assert!(!err["error"]["message"].as_str().unwrap().is_empty());
    }
    let (code, err) = send(
        &s,
        Method::POST,
        "/v1/macros",
        Role::Agent,
        "agent-1",
        Some(late_macro("hi")),
    )
    .await;
    assert_eq!(code, 403, "{err}");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("supervisors")
    );
    let (code, _) = send(
        &s,
        Method::DELETE,
        "/v1/macros/999",
        Role::Supervisor,
        "d-1",
        None,
    )
    .await;
    assert_eq!(code, 404);
    assert!(
        listed(&s).await.iter().all(|m| m.name != "ತಡವಾದ ಡೆಲಿವರಿ"),
        "nothing was saved"
    );
    s.server.stop().await;
}
