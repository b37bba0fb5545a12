//! `POST /v1/tickets/{id}/merge` (see `docs/api.md`, "Merging tickets"):
//! staff merge a ticket into another, once per Idempotency-Key.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::post;

use super::auth::Caller;
use super::error::ApiResult;
use super::extract::{self, ApiJson, ApiPath};
use super::ops;
use super::replay::{request_text, stored_response};
use super::state::AppState;
use sahaya_protocol::wire::MergeRequest;

pub fn router() -> Router<AppState> {
    Router::new().route("/v1/tickets/{id}/merge", post(merge))
}

async fn merge(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<MergeRequest>,
) -> ApiResult<Response> {
    let agent = caller.require_staff()?.clone();
    let id = extract::id("ticket", &raw)?;
    let key = extract::idempotency_key(&headers)?;
    // The versions are not part of the fingerprint: a retry after a
    // conflict may be based on newer ones (as with PATCH's If-Match).
    let text = request_text("POST", &format!("/v1/tickets/{id}/merge"), &req.into)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::OK, move |w, now| {
            ops::merge(w, &agent, id, req, now)
        })
        .await?;
    Ok(stored_response(stored))
}
