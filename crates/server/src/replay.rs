//! Idempotent requests: the fingerprint a request is stored under with its
//! Idempotency-Key, and the stored answer given again (marked replayed).

use axum::Json;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::error::ApiResult;
use super::state::Stored;

/// The stored answer of an idempotent request; a replay says so in
/// `Idempotent-Replayed: true`.
pub(crate) fn stored_response(stored: Stored) -> Response {
    let mut response = (stored.status, Json(stored.body)).into_response();
    if stored.replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

/// The fingerprint of an idempotent request: method, path and the parsed body.
pub(crate) fn request_text<T: Serialize>(method: &str, path: &str, body: &T) -> ApiResult<String> {
    Ok(format!("{method} {path}\n{}", serde_json::to_string(body)?))
}
