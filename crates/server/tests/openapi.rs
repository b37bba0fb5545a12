//! `GET /v1/openapi.json` from a running server: every route the router
//! registers is in it with its roles, every error code the server can answer
//! is listed, the headers and SSE shapes are there and every `$ref` resolves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use sahaya_server::access::ROUTES;
use sahaya_testkit::server::{TestServer, bare_server};
use serde_json::Value;

async fn spec(s: &TestServer) -> Value {
    let resp = s.http.get(s.url("/v1/openapi.json")).send().await.unwrap();
    assert_eq!(resp.status(), 200, "no token needed");
    assert_eq!(resp.headers()["content-type"], "application/json");
    resp.json().await.unwrap()
}

/// The server's source files (not the description's own tables).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 10, "found the server's sources");
    out
}

/// The text of the string literal starting at `text[0] == '"'`.
fn literal(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('"')?;
    rest.find('"').map(|end| &rest[..end])
}

/// `(METHOD, path)` of every `.route("…", get(…).post(…))` in the sources.
fn registered_routes() -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    for (file, text) in sources() {
        for (at, _) in text.match_indices(".route(") {
            let after = text[at + ".route(".len()..].trim_start();
            let path = literal(after).unwrap_or_else(|| panic!("{file}: .route( without a path"));
            // The method router: up to the `.route(`'s closing parenthesis.
            let mut depth = 1;
            let mut end = 0;
            for (i, c) in after.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            let router = &after[path.len() + 2..end];
            let mut found = 0;
            for method in ["get", "post", "put", "patch", "delete"] {
                for (i, _) in router.match_indices(&format!("{method}(")) {
                    let before = router[..i].chars().last();
                    if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
                        routes.insert((method.to_uppercase(), path.to_string()));
                        found += 1;
                    }
                }
            }
            assert!(found > 0, "{file}: no method found for {path}: {router}");
        }
    }
    routes
}

#[tokio::test]
async fn every_registered_route_is_described_with_its_roles() {
    let s = bare_server().await;
    let doc = spec(&s).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let registered = registered_routes();
    assert!(registered.len() >= 20, "{registered:?}");
    let described: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(|m| (m.to_uppercase(), path.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let table: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect();
    let undocumented: Vec<_> = registered.difference(&described).collect();
    assert!(
        undocumented.is_empty(),
        "routes without a description in src/openapi: {undocumented:?}"
    );
    let without_roles: Vec<_> = registered.difference(&table).collect();
    assert!(
        without_roles.is_empty(),
        "routes missing from access::ROUTES: {without_roles:?}"
    );
    let stale: Vec<_> = described.symmetric_difference(&table).collect();
    assert!(
        stale.is_empty(),
        "description and access table disagree: {stale:?}"
    );
    for (method, path) in &described {
        let op = &doc["paths"][path][method.to_lowercase()];
        let roles = op["x-roles"]
            .as_array()
            .unwrap_or_else(|| panic!("{method} {path}: x-roles"));
        assert!(!roles.is_empty());
        for status in ["500", "503"] {
            assert!(
                op["responses"][status].is_object(),
                "{method} {path}: {status}"
            );
        }
        if roles != &["public"] {
            assert!(op["responses"]["401"]["headers"]["WWW-Authenticate"].is_object());
        }
    }
}

/// Every `code` the server's source answers with: the first string literal
/// after each way of making an `ApiError`.
fn codes_in_source() -> BTreeSet<String> {
    let makers = [
        "unprocessable(",
        "bad_request(",
        "ApiError::new(",
        "code: \"",
    ];
    let mut codes = BTreeSet::new();
    for (file, text) in sources() {
        if file.contains("openapi") {
            continue;
        }
        // json_errors.rs maps statuses to codes in a `match`.
        let table: &[&str] = if file.ends_with("json_errors.rs") {
            &["=> \""]
        } else {
            &[]
        };
        for maker in makers.iter().chain(table) {
            for (at, _) in text.match_indices(maker) {
                let after = &text[at + maker.len() - usize::from(maker.ends_with('"'))..];
                let Some(start) = after.find('"') else {
                    continue;
                };
                // `ApiError::new(status, code, …)`: the status is not a literal.
                let head = &after[..start];
                if head.contains(';') || head.contains('{') {
                    continue;
                }
                if let Some(code) = literal(&after[start..])
                    && !code.is_empty()
                    && code.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                {
                    codes.insert(code.to_string());
                }
            }
        }
    }
    // Refusals the protocol's shared rules name (orders, macro bodies, merges).
    for rules in [
        "domain/order_rules.rs",
        "domain/macro_rules.rs",
        "wire/merge.rs",
    ] {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../protocol/src/");
        let text = std::fs::read_to_string(format!("{path}{rules}")).unwrap();
        let start = text
            .find("fn code(")
            .unwrap_or_else(|| panic!("{rules}: fn code"));
        let body = &text[start..];
        let body = &body[..body[8..].find("fn ").map_or(body.len(), |e| e + 8)];
        for (at, _) in body.match_indices("=> \"") {
            if let Some(code) = literal(&body[at + 3..]) {
                codes.insert(code.to_string());
            }
        }
    }
    // The fixed codes of error.rs's constructors.
    for fixed in [
        "not_found",
        "forbidden",
        "unauthorized",
        "internal",
        "version_conflict",
    ] {
        codes.insert(fixed.to_string());
    }
    codes
}

#[tokio::test]
async fn every_error_code_the_server_uses_is_listed() {
    let s = bare_server().await;
    let doc = spec(&s).await;
    let listed: BTreeSet<String> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let used = codes_in_source();
    assert!(used.len() > 40, "{used:?}");
    let unlisted: Vec<_> = used.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "codes missing from openapi/codes.rs: {unlisted:?}"
    );
    let unused: Vec<_> = listed.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "codes listed but never answered: {unused:?}"
    );
    assert_eq!(
        doc["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
}

/// Names of the header parameters of one operation.
fn header_params(op: &Value) -> Vec<String> {
    op["parameters"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter(|p| p["in"] == "header")
                .map(|p| p["name"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn headers_sse_shapes_and_references_are_described() {
    let s = bare_server().await;
    let doc = spec(&s).await;
    let paths = &doc["paths"];
    for (path, method) in [
        ("/v1/tickets", "post"),
        ("/v1/tickets/{id}/messages", "post"),
        ("/v1/orders/{id}/actions", "post"),
        ("/v1/messages/{id}/resend", "post"),
    ] {
        let op = &paths[path][method];
        assert!(
            header_params(op).contains(&"Idempotency-Key".to_string()),
            "{path}"
        );
        let key = op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "Idempotency-Key")
            .unwrap();
        assert_eq!(key["required"], true, "{path}");
    }
    let patch = &paths["/v1/tickets/{id}"]["patch"];
    assert!(header_params(patch).contains(&"If-Match".to_string()));
    assert!(patch["responses"]["200"]["headers"]["ETag"].is_object());
    assert!(paths["/v1/tickets/{id}"]["get"]["responses"]["200"]["headers"]["ETag"].is_object());
    let events = &paths["/v1/events"]["get"];
    assert!(header_params(events).contains(&"Last-Event-ID".to_string()));
    assert!(events["responses"]["200"]["content"]["text/event-stream"].is_object());
    for event in ["change", "stats", "presence"] {
        assert!(
            events["x-sse-events"][event]["data"]["$ref"].is_string(),
            "{event}"
        );
    }
    assert!(doc["components"]["headers"]["Retry-After"].is_object());
    // Every reference points at something in the document.
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() > 100, "{}", refs.len());
    for r in refs {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external ref {r}"));
        assert!(doc.pointer(pointer).is_some(), "dangling {r}");
    }
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}
