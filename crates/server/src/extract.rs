//! Request parsing that answers in the API's error format: JSON bodies, query
//! strings, path ids, `If-Match` and `Idempotency-Key`.

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Uri, header};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use sahaya_protocol::wire::{IDEMPOTENCY_KEY, MAX_BODY_BYTES, MAX_IDEMPOTENCY_KEY_LEN};

/// A JSON body, parsed whatever its content type says, at most
/// [`MAX_BODY_BYTES`]. Malformed: 400. Too large: 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request<Body>, _state: &S) -> Result<Self, ApiError> {
        let too_large = || {
            ApiError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!(
                    "the request body is larger than {} KiB",
                    MAX_BODY_BYTES / 1024
                ),
            )
        };
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > MAX_BODY_BYTES) {
            return Err(too_large());
        }
        let bytes = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
            .await
            .map_err(|_| too_large())?;
        if bytes.is_empty() {
            return Err(ApiError::bad_request(
                "malformed_json",
                "the request body is empty; send a JSON object",
            ));
        }
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            ApiError::bad_request(
                "malformed_json",
                format!("the request body is not valid here: {e}"),
            )
        })
    }
}

/// The path's parameters, like axum's `Path`, but a segment that does not
/// decode (e.g. `%FF`, not UTF-8) is `400 bad_id` in the API's error body
/// instead of axum's plain-text answer.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|e| {
                ApiError::bad_request(
                    "bad_id",
                    format!(
                        "the id in the path is not usable ({}); send it percent-encoded UTF-8",
                        e.body_text()
                    ),
                )
            })
    }
}

/// Parses the query string into `T`.
pub fn query<T: DeserializeOwned>(uri: &Uri) -> Result<T, ApiError> {
    axum::extract::Query::<T>::try_from_uri(uri)
        .map(|q| q.0)
        .map_err(|e| {
            ApiError::bad_request("bad_query", format!("bad query string: {}", e.body_text()))
        })
}

/// A numeric id from the path.
pub fn id(what: &str, raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().map_err(|_| {
        ApiError::bad_request("bad_id", format!("{what} id must be a number, got {raw:?}"))
    })
}

/// The version in `If-Match`: `3`, `"3"` or `W/"3"`. Missing: 428.
pub fn if_match(headers: &HeaderMap) -> Result<i64, ApiError> {
    let raw = headers.get(header::IF_MATCH).ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::PRECONDITION_REQUIRED,
            "missing_if_match",
            "send `If-Match: <version>` with the ticket version you saw, so concurrent edits are not overwritten",
        )
    })?;
    raw.to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| {
            ApiError::bad_request(
                "bad_if_match",
                "If-Match must hold the ticket version number",
            )
        })
}

/// The `Idempotency-Key` header. Missing or unusable: 400.
pub fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let raw = headers.get(IDEMPOTENCY_KEY).ok_or_else(|| {
        ApiError::bad_request(
            "missing_idempotency_key",
            "send an `Idempotency-Key` header (a fresh UUID per request) so retries cannot duplicate it",
        )
    })?;
    let key = raw.to_str().map(str::trim).unwrap_or("");
    if key.is_empty()
        || key.len() > MAX_IDEMPOTENCY_KEY_LEN
        || !key.chars().all(|c| c.is_ascii_graphic())
    {
        return Err(ApiError::bad_request(
            "bad_idempotency_key",
            format!(
                "the Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY_LEN} visible ASCII characters"
            ),
        ));
    }
    Ok(key.to_string())
}
