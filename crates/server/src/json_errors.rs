//! The last line of the error contract: any error answer that did not come
//! from [`ApiError`] (a rejection axum or tower produce before a handler runs,
//! in a route added later without the API's extractors) is rewritten into the
//! documented `{"error":{"code","message"}}` body with `application/json`.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;

/// Framework error messages are short; anything longer is cut.
const MAX_FRAMEWORK_MESSAGE: usize = 4 * 1024;

/// `axum::middleware::map_response` function for the whole router.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_json(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, MAX_FRAMEWORK_MESSAGE)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("the request failed")
            .to_string()
    } else {
        text
    };
    let mut rewritten = ApiError::new(status, code_for(status), message).into_response();
    // Keep what the framework said besides the body (e.g. `Allow` on a 405).
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rewritten.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rewritten
}

fn is_json(response: &Response<Body>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The API's code for a status the framework chose.
fn code_for(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "malformed_json",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(response: Response) -> (StatusCode, String, serde_json::Value) {
        let status = response.status();
        let ctype = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, ctype, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn plain_text_rejections_become_the_error_body() {
        let plain = (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            [(header::ALLOW, "GET")],
            "Expected request with `Content-Type: application/json`",
        )
            .into_response();
        let rewritten = json_errors(plain).await;
        assert_eq!(rewritten.headers()[header::ALLOW], "GET");
        let (status, ctype, body) = body_of(rewritten).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(ctype, "application/json");
        assert_eq!(body["error"]["code"], "unsupported_media_type");
        assert_eq!(
            body["error"]["message"],
            "Expected request with `Content-Type: application/json`"
        );
    }

    #[tokio::test]
    async fn an_empty_error_gets_the_status_reason_and_success_is_untouched() {
        let (_, _, body) =
            body_of(json_errors(StatusCode::BAD_REQUEST.into_response()).await).await;
        assert_eq!(body["error"]["code"], "bad_request");
        assert_eq!(body["error"]["message"], "Bad Request");
        let ok = json_errors((StatusCode::OK, "plain file").into_response()).await;
        let bytes = axum::body::to_bytes(ok.into_body(), 1024).await.unwrap();
        assert_eq!(&bytes[..], b"plain file");
    }
}
