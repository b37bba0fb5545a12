//! The HTTP routes of the support API (see `docs/api.md`).

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::auth::Caller;
use super::error::{ApiError, ApiResult};
use super::extract::{self, ApiJson, ApiPath};
use super::replay::{request_text, stored_response};
use super::state::AppState;
use super::{events, ops, queries, repo};
use sahaya_protocol::wire::{
    AgentList, ChangesPage, CustomerDetail, DEFAULT_CHANGES_LIMIT, InboundMessage,
    MAX_CHANGES_LIMIT, MacroList, Me, NewMessage, NewOrderAction, NewOutboundTicket, TicketDetail,
    TicketList, TicketPatch, View,
};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/me", get(me))
        .route("/v1/changes", get(changes))
        .route("/v1/tickets", get(list_tickets).post(create_outbound))
        .route("/v1/tickets/{id}", get(ticket_detail).patch(patch_ticket))
        .route("/v1/tickets/{id}/messages", post(post_message))
        .route("/v1/customers/{id}", get(customer_detail))
        .route("/v1/orders/{id}/actions", post(order_action))
        .route("/v1/macros", get(macros))
        .route("/v1/agents", get(agents))
        .route("/v1/inbound", post(inbound))
        .route("/v1/events", get(events::stream))
        .route("/v1/stats", get(stats))
        .route("/v1/presence", axum::routing::put(put_presence))
        .merge(super::bridge_routes::router())
        .route("/v1/openapi.json", get(super::openapi::serve))
        .merge(super::macro_routes::router())
        .merge(super::merge_route::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::map_response(
            super::json_errors::json_errors,
        ))
        .with_state(state)
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no such endpoint: {}", uri.path()),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not supported on {}", uri.path()),
    )
}

/// Adds the ticket version as the `ETag` (when there is one).
fn with_etag(mut response: Response, version: Option<i64>) -> Response {
    if let Some(value) = version.and_then(|v| HeaderValue::from_str(&format!("\"{v}\"")).ok()) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

async fn me(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Me>> {
    Ok(Json(Me {
        agent: caller.0,
        server_time: state.now(),
        latest_seq: state.latest_seq(),
    }))
}

#[derive(Deserialize)]
struct ChangesQuery {
    #[serde(default)]
    since: i64,
    limit: Option<i64>,
}

async fn changes(
    State(state): State<AppState>,
    caller: Caller,
    uri: Uri,
) -> ApiResult<Json<ChangesPage>> {
    caller.require_staff()?;
    let q: ChangesQuery = extract::query(&uri)?;
    if q.since < 0 {
        return Err(ApiError::bad_request(
            "bad_query",
            "since must be 0 or a sequence number you were given",
        ));
    }
    let limit = q.limit.unwrap_or(DEFAULT_CHANGES_LIMIT);
    if !(1..=MAX_CHANGES_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            "bad_query",
            format!("limit must be between 1 and {MAX_CHANGES_LIMIT}"),
        ));
    }
    let page = state
        .read(move |db| Ok(events::changes_page(db, q.since, limit)?))
        .await?;
    Ok(Json(page))
}

#[derive(Deserialize)]
struct ListQuery {
    view: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list_tickets(
    State(state): State<AppState>,
    caller: Caller,
    uri: Uri,
) -> ApiResult<Json<TicketList>> {
    let me = caller.require_staff()?.id;
    let q: ListQuery = extract::query(&uri)?;
    let view = match q.view.as_deref() {
        None => View::Open,
        Some(name) => View::parse(name).ok_or_else(|| {
            let names: Vec<&str> = View::ALL.iter().map(|v| v.as_str()).collect();
            ApiError::bad_request(
                "bad_view",
                format!("unknown view {name:?}; use one of {}", names.join(", ")),
            )
        })?,
    };
    let limit = q.limit.unwrap_or(100);
    let offset = q.offset.unwrap_or(0);
    if !(1..=1000).contains(&limit) || offset < 0 {
        return Err(ApiError::bad_request(
            "bad_query",
            "limit must be 1 to 1000 and offset 0 or more",
        ));
    }
    let at = state.now();
    let list = state
        .read(move |db| {
            let counts = queries::counts(&db.conn, me, at)?;
            let tickets = queries::list(&db.conn, view, me, at, limit, offset)?;
            Ok(TicketList {
                view,
                total: counts.get(view),
                tickets,
                offset,
                counts,
            })
        })
        .await?;
    Ok(Json(list))
}

async fn ticket_detail(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> ApiResult<Response> {
    let me = caller.require_staff()?.id;
    let id = extract::id("ticket", &raw)?;
    let viewers = state.presence().viewers(id, me);
    let detail = state
        .read(move |db| {
            let ticket = repo::ticket(&db.conn, id)?
                .ok_or_else(|| ApiError::not_found(&format!("ticket {id}")))?;
            let messages = repo::messages_of(&db.conn, id)?;
            Ok(TicketDetail {
                ticket,
                messages,
                viewers,
            })
        })
        .await?;
    let version = detail.ticket.version;
    Ok(with_etag(Json(detail).into_response(), Some(version)))
}

async fn patch_ticket(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(patch): ApiJson<TicketPatch>,
) -> ApiResult<Response> {
    let agent = caller.require_staff()?.clone();
    let id = extract::id("ticket", &raw)?;
    let expected = extract::if_match(&headers)?;
    // An optional Idempotency-Key makes a retried PATCH safe: when the first
    // attempt was applied but its answer lost, the retry gets that answer
    // instead of a 412 against its own change. If-Match is not part of the
    // fingerprint (a retry may be rebased onto a newer version).
    if headers.contains_key(sahaya_protocol::wire::IDEMPOTENCY_KEY) {
        let key = extract::idempotency_key(&headers)?;
        let text = request_text("PATCH", &format!("/v1/tickets/{id}"), &patch)?;
        let stored = state
            .idempotent(agent.id, key, text, StatusCode::OK, move |w, now| {
                ops::patch_ticket(w, id, expected, patch, now)
            })
            .await?;
        let version = stored.body.get("version").and_then(|v| v.as_i64());
        return Ok(with_etag(stored_response(stored), version));
    }
    let clock = state.clock();
    let ticket = state
        .write(move |w| ops::patch_ticket(w, id, expected, patch, clock.now()))
        .await?;
    let version = ticket.version;
    Ok(with_etag(Json(ticket).into_response(), Some(version)))
}

async fn post_message(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<NewMessage>,
) -> ApiResult<Response> {
    let agent = caller.require_staff()?.clone();
    let id = extract::id("ticket", &raw)?;
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("POST", &format!("/v1/tickets/{id}/messages"), &req)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::CREATED, move |w, now| {
            ops::post_message(w, &agent, id, req, now)
        })
        .await?;
    Ok(stored_response(stored))
}

async fn create_outbound(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(req): ApiJson<NewOutboundTicket>,
) -> ApiResult<Response> {
    let agent = caller.require_staff()?.clone();
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("POST", "/v1/tickets", &req)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::CREATED, move |w, now| {
            ops::notice(w, &agent, req, now)
        })
        .await?;
    Ok(stored_response(stored))
}

async fn order_action(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(order_id): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<NewOrderAction>,
) -> ApiResult<Response> {
    let agent = caller.require_staff()?.clone();
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("POST", &format!("/v1/orders/{order_id}/actions"), &req)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::CREATED, move |w, now| {
            ops::order_action(w, &agent, &order_id, req, now)
        })
        .await?;
    Ok(stored_response(stored))
}

async fn inbound(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(req): ApiJson<InboundMessage>,
) -> ApiResult<Response> {
    let bridge = caller.require_integration()?.clone();
    // Channel bridges may send a key (e.g. the provider's message id) so a
    // redelivered webhook does not add the message twice; it is optional.
    if headers.contains_key(sahaya_protocol::wire::IDEMPOTENCY_KEY) {
        let key = extract::idempotency_key(&headers)?;
        let text = request_text("POST", "/v1/inbound", &req)?;
        let stored = state
            .idempotent(bridge.id, key, text, StatusCode::CREATED, move |w, now| {
                ops::inbound(w, Some(bridge.id), req, now)
            })
            .await?;
        return Ok(stored_response(stored));
    }
    let clock = state.clock();
    let created = state
        .write(move |w| ops::inbound(w, Some(bridge.id), req, clock.now()))
        .await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

async fn customer_detail(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> ApiResult<Json<CustomerDetail>> {
    caller.require_staff()?;
    let id = extract::id("customer", &raw)?;
    let detail = state
        .read(move |db| {
            let c = &db.conn;
            let customer = repo::customer(c, id)?
                .ok_or_else(|| ApiError::not_found(&format!("customer {id}")))?;
            let actions = repo::actions_of_customer(c, id)?;
            let of = |kind| {
                actions
                    .iter()
                    .filter(|a| a.kind == kind)
                    .cloned()
                    .collect::<Vec<_>>()
            };
            use sahaya_protocol::domain::ActionKind;
            Ok(CustomerDetail {
                orders: repo::orders_of(c, id)?,
                refunds: of(ActionKind::Refund),
                returns: of(ActionKind::Return),
                exchanges: of(ActionKind::Exchange),
                changes: actions
                    .iter()
                    .filter(|a| {
                        matches!(
                            a.kind,
                            ActionKind::Cancel | ActionKind::AddressChange | ActionKind::Reattempt
                        )
                    })
                    .cloned()
                    .collect(),
                tickets: repo::tickets_of_customer(c, id)?,
                surveys: repo::surveys_of(c, id)?,
                customer,
            })
        })
        .await?;
    Ok(Json(detail))
}

async fn macros(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<MacroList>> {
    caller.require_staff()?;
    let macros = state.read(|db| Ok(repo::macros(&db.conn)?)).await?;
    Ok(Json(MacroList { macros }))
}

async fn agents(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<AgentList>> {
    caller.require_staff()?;
    let agents = state.read(|db| Ok(repo::agents(&db.conn)?)).await?;
    Ok(Json(AgentList { agents }))
}

async fn stats(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<sahaya_protocol::wire::QueueStats>> {
    caller.require_supervisor()?;
    let seq = state.latest_seq();
    let current = state.stats().borrow().clone();
    if current.seq == seq && current.computed_at.is_some() {
        return Ok(Json((*current).clone()));
    }
    state.refresh_stats().await;
    let fresh = state.stats().borrow().clone();
    Ok(Json((*fresh).clone()))
}

/// `PUT /v1/presence`: the caller views (or types on) a ticket, or none.
async fn put_presence(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(update): ApiJson<sahaya_protocol::wire::PresenceUpdate>,
) -> ApiResult<Json<serde_json::Value>> {
    let agent = caller.require_staff()?.clone();
    state
        .presence()
        .set(agent.id, &agent.name, update.ticket_id, update.typing);
    if state.presence().touch(agent.id) {
        // The agent came online: supervisors see it now, not at the next tick.
        state.refresh_stats().await;
    }
    Ok(Json(serde_json::json!({ "ok": true })))
}
