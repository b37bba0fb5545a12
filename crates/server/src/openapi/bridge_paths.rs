//! The channel bridges' routes' descriptions (handlers in `bridge_routes.rs`)
//! and the API's own description.
#![allow(dead_code)]

use sahaya_protocol::domain::{Attachment, Channel, Message, SurveyResponse};
use sahaya_protocol::wire::{
    ErrorBody, NewReceipt, NewSurveyAnswer, OutboundPage, ReceiptAnswer, Resend,
};

#[utoipa::path(get, path = "/v1/outbound", tag = "bridge",
    summary = "The bridge's queue: replies, notices and survey asks to send on one channel",
    params(
        ("channel" = Channel, Query, description = "The channel this bridge sends on"),
        ("after" = Option<i64>, Query, minimum = 0, description = "Cursor: 0 or a `next_after` you were given"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 500, description = "Default 50"),
    ),
    responses(
        (status = 200, description = "Items after the cursor, oldest first", body = OutboundPage),
        (status = 400, description = "`bad_channel`, `bad_query`", body = ErrorBody),
    ))]
fn outbound_page() {}

#[utoipa::path(post, path = "/v1/messages/{id}/receipts", tag = "bridge",
    summary = "What happened to one attempt of an outbound message: sent, delivered, read or failed",
    params(("id" = i64, Path, description = "Message id")),
    request_body = NewReceipt,
    responses(
        (status = 200, description = "The message now, and whether the receipt changed it", body = ReceiptAnswer),
        (status = 400, description = "`malformed_json`, `bad_id`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`not_outbound`, `unknown_attempt`, `missing_reason`", body = ErrorBody),
    ))]
fn post_receipt() {}

#[utoipa::path(post, path = "/v1/messages/{id}/resend", tag = "tickets",
    summary = "A failed reply goes out once more, optionally on another channel of the customer",
    params(("id" = i64, Path, description = "Message id"), super::IdempotencyKey),
    request_body = Resend,
    responses(
        (status = 200, description = "The message, queued again", body = Message,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_id`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `not_outbound`, `not_failed`, `no_handle`", body = ErrorBody),
    ))]
fn resend() {}

#[utoipa::path(post, path = "/v1/surveys", tag = "bridge",
    summary = "A customer's survey answer (one per ticket and kind; a later one replaces it)",
    params(("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 200,
        description = "Optional: a retried post is stored once")),
    request_body = NewSurveyAnswer,
    responses(
        (status = 201, description = "The stored answer", body = SurveyResponse,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found` (ticket)", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `bad_score`", body = ErrorBody),
    ))]
fn survey_answer() {}

#[utoipa::path(post, path = "/v1/attachments", tag = "files",
    summary = "Upload a file (the body is the file) to attach to a message later",
    params(
        ("name" = Option<String>, Query, description = "File name; cleaned to one name, never a path"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 200,
            description = "Optional: a retried upload gets the file stored the first time"),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file, at most 10 MiB; its Content-Type is kept"),
    responses(
        (status = 201, description = "The stored file", body = Attachment,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`bad_query`, `bad_idempotency_key`", body = ErrorBody),
        (status = 413, description = "`file_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `empty_file`", body = ErrorBody),
    ))]
fn upload() {}

#[utoipa::path(get, path = "/v1/attachments/{id}", tag = "files",
    summary = "Download a file: agents any file of a message, a bridge its uploads and its queue's files",
    params(("id" = i64, Path, description = "Attachment id")),
    responses(
        (status = 200, description = "The file, with the content type it was stored with",
            content_type = "*/*", body = Vec<u8>,
            headers(("Content-Disposition" = String, description = "`attachment; filename*=UTF-8''<name>`"),
                    ("ETag" = String, description = "`\"<sha256>\"`"))),
        (status = 400, description = "`bad_id`", body = ErrorBody),
        (status = 404, description = "`not_found` (also a file the caller may not read)", body = ErrorBody),
    ))]
fn download() {}

#[utoipa::path(get, path = "/v1/openapi.json", tag = "session",
    summary = "This description (OpenAPI 3.1); no token needed",
    responses((status = 200, description = "The OpenAPI document", body = serde_json::Value)))]
fn openapi_json() {}
