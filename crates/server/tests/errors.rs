//! Every error answer is the documented JSON body with `application/json`,
//! including the ones decided before a handler runs: a path parameter that
//! does not decode, a body of another content type or not JSON, an unknown
//! route, a wrong method, a body too large, no or a bad token.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reqwest::{Method, RequestBuilder};
use sahaya_protocol::domain::Role;
use sahaya_testkit::server::{TestServer, demo_server};
use serde_json::Value;

/// Sends `req` and checks the answer is the error body; returns status and code.
async fn error_of(req: RequestBuilder) -> (u16, String) {
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let ctype = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string());
    let text = resp.text().await.unwrap();
    assert_eq!(
        ctype.as_deref(),
        Some("application/json"),
        "{status}: {text}"
    );
    let body: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let code = body["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("code: {text}"));
    let message = body["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("message: {text}"));
    assert!(!message.trim().is_empty(), "{text}");
    assert_eq!(body.as_object().unwrap().len(), 1, "only `error`: {text}");
    (status, code.to_string())
}

fn agent(s: &TestServer, method: Method, path: &str) -> RequestBuilder {
    s.req(method, path, Role::Agent)
        .header(
            "idempotency-key",
            format!("errors-{}", rand::random::<u64>()),
        )
        .header("if-match", "1")
}

#[tokio::test]
async fn path_parameters_that_do_not_decode_are_bad_id() {
    let s = demo_server().await;
    // `%FF` is not UTF-8: axum's own answer would be plain text.
    for (method, path, body) in [
        (Method::GET, "/v1/tickets/%FF", None),
        (Method::PATCH, "/v1/tickets/%FF", Some(r#"{"tags":[]}"#)),
        (
            Method::POST,
            "/v1/tickets/%FF/messages",
            Some(r#"{"kind":"note","body":"x"}"#),
        ),
        (Method::GET, "/v1/customers/%C3%28", None),
        (
            Method::POST,
            "/v1/orders/%FF/actions",
            Some(r#"{"kind":"return","reason":"x"}"#),
        ),
        (Method::POST, "/v1/messages/%FF/resend", Some("{}")),
        (Method::GET, "/v1/attachments/%FF", None),
    ] {
        let mut req = agent(&s, method.clone(), path);
        if let Some(body) = body {
            req = req.header("content-type", "application/json").body(body);
        }
        assert_eq!(
            error_of(req).await,
            (400, "bad_id".into()),
            "{method} {path}"
        );
    }
    let receipt = s
        .req(Method::POST, "/v1/messages/%FF/receipts", Role::Integration)
        .body(r#"{"attempt":1,"status":"sent"}"#);
    assert_eq!(error_of(receipt).await, (400, "bad_id".into()));
    // An id that decodes but is no number: the handler's own check.
    let word = agent(&s, Method::GET, "/v1/tickets/one");
    assert_eq!(error_of(word).await, (400, "bad_id".into()));
}

#[tokio::test]
async fn bodies_of_another_type_or_not_json_are_malformed_json() {
    let s = demo_server().await;
    let cases = [
        ("application/xml", "<patch><tags/></patch>"),
        ("text/plain", "tags please"),
        ("application/json", "{\"tags\": [}"),
        ("application/json", ""),
        ("multipart/form-data; boundary=x", "--x\r\n\r\nhi\r\n--x--"),
    ];
    for (ctype, body) in cases {
        let patch = agent(&s, Method::PATCH, "/v1/tickets/1")
            .header("content-type", ctype)
            .body(body);
        assert_eq!(
            error_of(patch).await,
            (400, "malformed_json".into()),
            "{ctype} {body:?}"
        );
        let create = agent(&s, Method::POST, "/v1/tickets")
            .header("content-type", ctype)
            .body(body);
        assert_eq!(
            error_of(create).await,
            (400, "malformed_json".into()),
            "{ctype} {body:?}"
        );
    }
    // A JSON body is read whatever the content type says (docs/api.md).
    let lenient = agent(&s, Method::POST, "/v1/tickets/1/messages")
        .header("content-type", "text/plain")
        .body(r#"{"kind":"note","body":"read anyway"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(lenient.status(), 201);
    // A well-formed body with a field the type does not have.
    let unknown =
        agent(&s, Method::PATCH, "/v1/tickets/1").json(&serde_json::json!({"colour": "red"}));
    assert_eq!(error_of(unknown).await, (400, "malformed_json".into()));
}

#[tokio::test]
async fn unknown_routes_wrong_methods_and_large_bodies() {
    let s = demo_server().await;
    assert_eq!(
        error_of(agent(&s, Method::GET, "/v1/nothing")).await,
        (404, "not_found".into())
    );
    assert_eq!(
        error_of(s.http.get(s.url("/"))).await,
        (404, "not_found".into())
    );
    let resp = agent(&s, Method::DELETE, "/v1/tickets/1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["allow"], "GET,HEAD,PATCH");
    assert_eq!(
        error_of(agent(&s, Method::DELETE, "/v1/tickets/1")).await,
        (405, "method_not_allowed".into())
    );
    assert_eq!(
        error_of(agent(&s, Method::PUT, "/v1/openapi.json")).await,
        (405, "method_not_allowed".into())
    );
    let huge = format!(
        "{{\"kind\":\"note\",\"body\":\"{}\"}}",
        "x".repeat(300 * 1024)
    );
    let big = agent(&s, Method::POST, "/v1/tickets/1/messages")
        .header("content-type", "application/json")
        .body(huge);
    assert_eq!(error_of(big).await, (413, "body_too_large".into()));
}

#[tokio::test]
async fn missing_or_bad_tokens_are_unauthorized_with_the_challenge() {
    let s = demo_server().await;
    for auth in [
        None,
        Some("Bearer sh_0000"),
        Some("Basic YWdlbnQ6eA=="),
        Some("Bearer "),
    ] {
        let mut req = s.http.get(s.url("/v1/tickets/1"));
        if let Some(auth) = auth {
            req = req.header("authorization", auth);
        }
        let resp = req.try_clone().unwrap().send().await.unwrap();
        assert_eq!(resp.headers()["www-authenticate"], "Bearer", "{auth:?}");
        assert_eq!(
            error_of(req).await,
            (401, "unauthorized".into()),
            "{auth:?}"
        );
    }
}
