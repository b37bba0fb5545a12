//! Who may call which route: one row per method and path. The OpenAPI
//! description publishes it (`x-roles`), and a table test sends every route
//! with every kind of token, so a new route cannot ship without its roles
//! decided here.

use sahaya_protocol::domain::Role;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// No token needed (the API's own description).
    Public,
    /// A valid token of one of these roles; any other valid token gets 403.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a valid token of `role` gets past the role check.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public => true,
            Access::Roles(roles) => roles.contains(&role),
        }
    }

    /// The role names, or `public`, as published in `x-roles`.
    pub fn names(self) -> Vec<&'static str> {
        match self {
            Access::Public => vec!["public"],
            Access::Roles(roles) => roles.iter().map(|r| r.as_str()).collect(),
        }
    }
}

/// One route of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteAccess {
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// The path as registered in the router (`{id}` for parameters).
    pub path: &'static str,
    pub access: Access,
}

const STAFF: &[Role] = &[Role::Agent, Role::Supervisor];
const ANY: &[Role] = &[Role::Agent, Role::Supervisor, Role::Integration];
const SUPERVISOR: &[Role] = &[Role::Supervisor];
const BRIDGE: &[Role] = &[Role::Integration];

const fn route(method: &'static str, path: &'static str, roles: &'static [Role]) -> RouteAccess {
    RouteAccess {
        method,
        path,
        access: Access::Roles(roles),
    }
}

/// Every route the server registers.
pub const ROUTES: &[RouteAccess] = &[
    route("GET", "/v1/me", ANY),
    route("GET", "/v1/changes", STAFF),
    route("GET", "/v1/events", STAFF),
    route("GET", "/v1/tickets", STAFF),
    route("POST", "/v1/tickets", STAFF),
    route("GET", "/v1/tickets/{id}", STAFF),
    route("PATCH", "/v1/tickets/{id}", STAFF),
    route("POST", "/v1/tickets/{id}/messages", STAFF),
    route("POST", "/v1/tickets/{id}/merge", STAFF),
    route("GET", "/v1/customers/{id}", STAFF),
    route("POST", "/v1/orders/{id}/actions", STAFF),
    route("GET", "/v1/macros", STAFF),
    route("POST", "/v1/macros", SUPERVISOR),
    route("PUT", "/v1/macros/{id}", SUPERVISOR),
    route("DELETE", "/v1/macros/{id}", SUPERVISOR),
    route("GET", "/v1/agents", STAFF),
    route("GET", "/v1/stats", SUPERVISOR),
    route("PUT", "/v1/presence", STAFF),
    route("POST", "/v1/inbound", BRIDGE),
    route("GET", "/v1/outbound", BRIDGE),
    route("POST", "/v1/messages/{id}/receipts", BRIDGE),
    route("POST", "/v1/messages/{id}/resend", STAFF),
    route("POST", "/v1/surveys", BRIDGE),
    route("POST", "/v1/attachments", ANY),
    route("GET", "/v1/attachments/{id}", ANY),
    RouteAccess {
        method: "GET",
        path: "/v1/openapi.json",
        access: Access::Public,
    },
];

/// The row of `method` and `path`, if the route exists.
pub fn lookup(method: &str, path: &str) -> Option<RouteAccess> {
    ROUTES
        .iter()
        .find(|r| r.method.eq_ignore_ascii_case(method) && r.path == path)
        .copied()
}
