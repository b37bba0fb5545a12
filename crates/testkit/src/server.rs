//! Shared test helpers: a real server on a loopback port and an HTTP client.

use reqwest::{Client, Method, RequestBuilder, Response};
use sahaya_protocol::domain::Role;
use sahaya_server::{RunningServer, ServeOptions, start};
use serde_json::Value;

pub struct TestServer {
    pub server: RunningServer,
    pub http: Client,
}

/// Options for a server on a free loopback port, in memory, without demo
/// data: the start of every test server's options. With
/// `SAHAYA_TEST_DB=postgres` (the `pg` test target), on a fresh database of
/// the test cluster instead ([`crate::pg`]).
pub fn loopback() -> ServeOptions {
    ServeOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        postgres: crate::pg::wanted().then(crate::pg::database),
        ..Default::default()
    }
}

pub async fn demo_server() -> TestServer {
    server_with(ServeOptions {
        demo: true,
        ..loopback()
    })
    .await
}

pub async fn bare_server() -> TestServer {
    server_with(loopback()).await
}

pub async fn server_with(opts: ServeOptions) -> TestServer {
    let server = start(opts).await.expect("server starts");
    TestServer {
        server,
        http: Client::new(),
    }
}

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.url(), path)
    }

    pub fn token(&self, role: Role) -> String {
        self.server
            .token(role)
            .expect("account with role")
            .to_string()
    }

    pub fn req(&self, method: Method, path: &str, role: Role) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .bearer_auth(self.token(role))
    }

    pub async fn get(&self, path: &str, role: Role) -> Value {
        let resp = self
            .req(Method::GET, path, role)
            .send()
            .await
            .expect("request");
        let status = resp.status();
        let body: Value = resp.json().await.expect("json body");
        assert!(status.is_success(), "GET {path}: {status} {body}");
        body
    }

    /// How many messages of ticket `id` `pred` accepts (read as an agent).
    pub async fn count_messages(&self, id: i64, pred: impl Fn(&Value) -> bool) -> usize {
        let detail = self.get(&format!("/v1/tickets/{id}"), Role::Agent).await;
        detail["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .filter(|m| pred(m))
            .count()
    }

    /// Posts an inbound customer message as the integration account.
    pub async fn inbound(&self, from: &str, body: &str) -> Value {
        let resp = self
            .req(Method::POST, "/v1/inbound", Role::Integration)
            .json(&serde_json::json!({"channel": "whatsapp", "from": from, "name": from, "body": body}))
            .send()
            .await
            .expect("inbound");
        assert_eq!(resp.status(), 201);
        resp.json().await.expect("json")
    }
}

/// Sends `req`, which the server must refuse: see [`error_code`].
pub async fn refused(req: RequestBuilder) -> (u16, String, Value) {
    error_code(req.send().await.expect("request")).await
}

pub async fn error_code(resp: Response) -> (u16, String, Value) {
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.expect("error body is JSON");
    let code = body["error"]["code"]
        .as_str()
        .expect("error.code")
        .to_string();
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "error.message present: {body}"
    );
    (status, code, body)
}
