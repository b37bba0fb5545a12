//! The routes of the channel bridges' contract (see `docs/api.md`): the
//! outbound queue, receipts, survey answers, files; and an agent's resend.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use sha2::Digest;

use super::auth::Caller;
use super::error::{ApiError, ApiResult};
use super::extract::{self, ApiJson, ApiPath};
use super::replay::{request_text, stored_response};
use super::state::AppState;
use super::{attachments, ops, outbound};
use sahaya_protocol::domain::{Channel, Role};
use sahaya_protocol::wire::{
    DEFAULT_OUTBOUND_LIMIT, MAX_ATTACHMENT_BYTES, MAX_OUTBOUND_LIMIT, NewReceipt, NewSurveyAnswer,
    OutboundPage, ReceiptAnswer, Resend,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/outbound", get(outbound_page))
        .route("/v1/messages/{id}/receipts", post(post_receipt))
        .route("/v1/messages/{id}/resend", post(resend))
        .route("/v1/surveys", post(survey_answer))
        .route("/v1/attachments", post(upload))
        .route("/v1/attachments/{id}", get(download))
}

#[derive(Deserialize)]
struct OutboundQuery {
    channel: String,
    #[serde(default)]
    after: i64,
    limit: Option<i64>,
}

async fn outbound_page(
    State(state): State<AppState>,
    caller: Caller,
    uri: Uri,
) -> ApiResult<Json<OutboundPage>> {
    caller.require_integration()?;
    let q: OutboundQuery = extract::query(&uri)?;
    let channel: Channel = q.channel.parse().map_err(|_| {
        let names: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
        ApiError::bad_request(
            "bad_channel",
            format!(
                "unknown channel {:?}; use one of {}",
                q.channel,
                names.join(", ")
            ),
        )
    })?;
    let limit = q.limit.unwrap_or(DEFAULT_OUTBOUND_LIMIT);
    if !(1..=MAX_OUTBOUND_LIMIT).contains(&limit) || q.after < 0 {
        return Err(ApiError::bad_request(
            "bad_query",
            format!("limit must be 1 to {MAX_OUTBOUND_LIMIT} and after 0 or a seq you were given"),
        ));
    }
    let page = state
        .read(move |db| Ok(outbound::page(&db.conn, channel, q.after, limit)?))
        .await?;
    Ok(Json(page))
}

async fn post_receipt(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    ApiJson(req): ApiJson<NewReceipt>,
) -> ApiResult<Json<ReceiptAnswer>> {
    caller.require_integration()?;
    let id = extract::id("message", &raw)?;
    let clock = state.clock();
    let answer = state
        .write(move |w| ops::receipt(w, id, req, clock.now()))
        .await?;
    Ok(Json(answer))
}

async fn resend(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<Resend>,
) -> ApiResult<Response> {
    let agent = caller.require_staff()?.clone();
    let id = extract::id("message", &raw)?;
    let key = extract::idempotency_key(&headers)?;
    let text = request_text("POST", &format!("/v1/messages/{id}/resend"), &req)?;
    let stored = state
        .idempotent(agent.id, key, text, StatusCode::OK, move |w, now| {
            ops::resend(w, id, req, now)
        })
        .await?;
    Ok(stored_response(stored))
}

async fn survey_answer(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(req): ApiJson<NewSurveyAnswer>,
) -> ApiResult<Response> {
    let bridge = caller.require_integration()?.clone();
    if headers.contains_key(sahaya_protocol::wire::IDEMPOTENCY_KEY) {
        let key = extract::idempotency_key(&headers)?;
        let text = request_text("POST", "/v1/surveys", &req)?;
        let stored = state
            .idempotent(bridge.id, key, text, StatusCode::CREATED, move |w, now| {
                ops::answer_survey(w, req, now)
            })
            .await?;
        return Ok(stored_response(stored));
    }
    let clock = state.clock();
    let answer = state
        .write(move |w| ops::answer_survey(w, req, clock.now()))
        .await?;
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

#[derive(Deserialize)]
struct UploadQuery {
    name: Option<String>,
}

/// `POST /v1/attachments?name=FILE`: the body is the file.
async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<Response> {
    let owner = caller.0.id;
    let q: UploadQuery = extract::query(&uri)?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_ATTACHMENT_BYTES) {
        return Err(attachments::too_large());
    }
    let bytes = axum::body::to_bytes(body, MAX_ATTACHMENT_BYTES)
        .await
        .map_err(|_| attachments::too_large())?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    // With a key, a retried upload gets the file stored the first time.
    if headers.contains_key(sahaya_protocol::wire::IDEMPOTENCY_KEY) {
        let key = extract::idempotency_key(&headers)?;
        let digest = hex::encode(sha2::Sha256::digest(&bytes));
        let text = format!(
            "POST /v1/attachments\n{:?}\n{content_type:?}\n{digest}",
            q.name
        );
        let stored = state
            .idempotent(owner, key, text, StatusCode::CREATED, move |w, now| {
                attachments::store(
                    w,
                    owner,
                    q.name.as_deref(),
                    content_type.as_deref(),
                    &bytes,
                    now,
                )
            })
            .await?;
        return Ok(stored_response(stored));
    }
    let clock = state.clock();
    let stored = state
        .write(move |w| {
            attachments::store(
                w,
                owner,
                q.name.as_deref(),
                content_type.as_deref(),
                &bytes,
                clock.now(),
            )
        })
        .await?;
    Ok((StatusCode::CREATED, Json(stored)).into_response())
}

/// `GET /v1/attachments/{id}`: agents read any file of a message; a bridge
/// its own uploads and the files of messages its queue hands out.
async fn download(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> ApiResult<Response> {
    let id = extract::id("attachment", &raw)?;
    let me = caller.0.clone();
    let (attachment, bytes) = state
        .read(move |db| {
            let missing = || ApiError::not_found(&format!("attachment {id}"));
            let stored = attachments::get(&db.conn, id)?.ok_or_else(missing)?;
            let allowed = match me.role {
                Role::Agent | Role::Supervisor => {
                    stored.message_id.is_some() || stored.owner_id == me.id
                }
                Role::Integration => {
                    stored.owner_id == me.id
                        || match stored.message_id {
                            Some(m) => outbound::latest(&db.conn, m)?.is_some(),
                            None => false,
                        }
                }
            };
            if !allowed {
                return Err(missing());
            }
            let bytes = attachments::bytes(&db.conn, &stored.attachment.sha256)?
                .ok_or_else(|| ApiError::internal("attachment without its bytes"))?;
            Ok((stored.attachment, bytes))
        })
        .await?;
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&attachment.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    // The name is already one clean file name; percent-encode it for the
    // header (RFC 6266 / 5987) so non-ASCII names survive.
    let encoded: String = attachment
        .name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename*=UTF-8''{encoded}")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    if let Ok(value) = HeaderValue::from_str(&format!("\"{}\"", attachment.sha256)) {
        headers.insert(header::ETAG, value);
    }
    Ok(response)
}
