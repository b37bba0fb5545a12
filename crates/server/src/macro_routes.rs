//! Supervisors edit the macros every console uses (see `docs/api.md`,
//! "Editing macros"): create, change, delete; each with an idempotency key,
//! each change reaching the consoles through the change feed.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{post, put};

use super::auth::Caller;
use super::error::{ApiError, ApiResult};
use super::extract::{self, ApiJson};
use super::ops;
use super::replay::{request_text, stored_response};
use super::state::AppState;
use sahaya_protocol::domain::{Agent, Role};
use sahaya_protocol::wire::MacroEdit;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/macros", post(create))
        .route("/v1/macros/{id}", put(change).delete(delete))
}

fn supervisor(caller: &Caller) -> ApiResult<Agent> {
    match caller.0.role {
        Role::Supervisor => Ok(caller.0.clone()),
        _ => Err(ApiError::forbidden(
            "macros are edited by supervisors; ask one to make this change",
        )),
    }
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(req): ApiJson<MacroEdit>,
) -> ApiResult<Response> {
    let agent = supervisor(&caller)?;
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("POST", "/v1/macros", &req)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::CREATED, move |w, _| {
            ops::save_macro(w, None, req)
        })
        .await?;
    Ok(stored_response(stored))
}

async fn change(
    State(state): State<AppState>,
    caller: Caller,
    Path(raw): Path<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<MacroEdit>,
) -> ApiResult<Response> {
    let agent = supervisor(&caller)?;
    let id = extract::id("macro", &raw)?;
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("PUT", &format!("/v1/macros/{id}"), &req)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::OK, move |w, _| {
            ops::save_macro(w, Some(id), req)
        })
        .await?;
    Ok(stored_response(stored))
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let agent = supervisor(&caller)?;
    let id = extract::id("macro", &raw)?;
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("DELETE", &format!("/v1/macros/{id}"), &())?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::OK, move |w, _| {
            ops::delete_macro(w, id)
        })
        .await?;
    Ok(stored_response(stored))
}
