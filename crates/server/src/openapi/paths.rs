//! The ticket routes' descriptions (handlers in `routes.rs`, `events.rs`).
//! The functions only carry the `#[utoipa::path]` attributes; a test checks
//! every route the router registers is described.
#![allow(dead_code)]

use sahaya_protocol::domain::{Macro, Ticket};
use sahaya_protocol::wire::{
    ActionCreated, AgentList, ChangeNotice, ChangesPage, CustomerDetail, ErrorBody, InboundMessage,
    MacroEdit, MacroList, Me, MergeRequest, MessageCreated, NewMessage, NewOrderAction,
    NewOutboundTicket, PresenceNotice, PresenceUpdate, QueueStats, TicketCreated, TicketDetail,
    TicketList, TicketMerged, TicketPatch, View,
};

use super::PresenceAck;

#[utoipa::path(get, path = "/v1/me", tag = "session",
    summary = "Who the token belongs to, the server clock and the latest change seq",
    responses((status = 200, description = "The caller", body = Me)))]
fn me() {}

#[utoipa::path(get, path = "/v1/changes", tag = "sync",
    summary = "One page of the change feed: entities whose latest change is after `since`",
    params(
        ("since" = Option<i64>, Query, minimum = 0, description = "Cursor: 0 or a `next` you were given (default 0)"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 5000, description = "Page size, default 500"),
    ),
    responses(
        (status = 200, description = "Oldest first, each entity in its current state", body = ChangesPage),
        (status = 400, description = "`bad_query`", body = ErrorBody),
    ))]
fn changes() {}

#[utoipa::path(get, path = "/v1/events", tag = "sync",
    summary = "Live notices (Server-Sent Events)",
    description = "`event: change` (id = seq, data ChangeNotice), `event: stats` (no id, data QueueStats; supervisors only), \
`event: presence` (no id, data PresenceNotice), and a `:` keep-alive every 15 s. Resumes after `Last-Event-ID`, else after \
`?since=`, else from now. The shapes of the events' data are in `x-sse-events`.",
    params(
        ("since" = Option<i64>, Query, description = "Resume after this seq when there is no Last-Event-ID"),
        ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this seq (wins over `since`)"),
    ),
    responses(
        (status = 200, description = "The stream", content_type = "text/event-stream", body = String),
        (status = 400, description = "`bad_query`, `bad_last_event_id`", body = ErrorBody),
    ))]
fn events() {}

/// Only so the SSE payloads are components (referenced from `x-sse-events`).
#[derive(utoipa::OpenApi)]
#[openapi(components(schemas(ChangeNotice, QueueStats, PresenceNotice)))]
pub struct SseShapes;

#[utoipa::path(get, path = "/v1/tickets", tag = "tickets",
    summary = "One page of a queue view, plus the caller's count for every view",
    params(
        ("view" = Option<View>, Query, description = "Default `open`"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 1000, description = "Default 100"),
        ("offset" = Option<i64>, Query, minimum = 0, description = "Default 0"),
    ),
    responses(
        (status = 200, description = "The page", body = TicketList),
        (status = 400, description = "`bad_view`, `bad_query`", body = ErrorBody),
    ))]
fn list_tickets() {}

#[utoipa::path(post, path = "/v1/tickets", tag = "tickets",
    summary = "A proactive notice to a customer: opens a ticket with it as the first message",
    params(super::IdempotencyKey),
    request_body = NewOutboundTicket,
    responses(
        (status = 201, description = "The new ticket and its message", body = TicketCreated,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `empty_body`, `body_too_long`, `subject_too_long`, \
`missing_subject`, `unknown_customer`, `no_handle`, `unknown_order`, `wrong_customer`", body = ErrorBody),
    ))]
fn create_outbound() {}

#[utoipa::path(get, path = "/v1/tickets/{id}", tag = "tickets",
    summary = "A ticket with all its messages and who else is viewing it",
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The ticket", body = TicketDetail,
            headers(("ETag" = String, description = "`\"<version>\"`: send it back in If-Match"))),
        (status = 400, description = "`bad_id`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    ))]
fn ticket_detail() {}

#[utoipa::path(patch, path = "/v1/tickets/{id}", tag = "tickets",
    summary = "Change some fields of a ticket",
    params(
        ("id" = i64, Path, description = "Ticket id"),
        ("If-Match" = String, Header, description = "The version you saw: `3`, `\"3\"` or `W/\"3\"`"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 200,
            description = "Optional: a retry with the same key and body gets the first answer"),
    ),
    request_body = TicketPatch,
    responses(
        (status = 200, description = "The ticket after the change", body = Ticket,
            headers(("ETag" = String, description = "The new version"),
                    ("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_id`, `bad_if_match`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 412, description = "`version_conflict`; `current` is the ticket now", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `empty_patch`, `ticket_closed`, `unknown_agent`, \
`bad_assignee`, `bad_group`, `bad_tag`, `too_many_tags`", body = ErrorBody),
        (status = 428, description = "`missing_if_match`", body = ErrorBody),
    ))]
fn patch_ticket() {}

#[utoipa::path(post, path = "/v1/tickets/{id}/messages", tag = "tickets",
    summary = "An agent's reply (goes to the customer) or internal note",
    params(("id" = i64, Path, description = "Ticket id"), super::IdempotencyKey),
    request_body = NewMessage,
    responses(
        (status = 201, description = "The message and the ticket after it", body = MessageCreated,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_id`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `bad_kind`, `empty_body`, `body_too_long`, `ticket_closed`, \
`too_many_files`, `unknown_file`, `file_in_use`", body = ErrorBody),
    ))]
fn post_message() {}

#[utoipa::path(post, path = "/v1/tickets/{id}/merge", tag = "tickets",
    summary = "Merge the ticket into another: messages, customer links and tags move; it is closed with a pointer",
    description = "Both versions in the body are the ones you saw; if either ticket changed since, nothing happens and \
the answer is 409 `merge_conflict` with the changed ticket in `current`. The merged ticket is closed and tagged `merged` \
and `merged-into-<id>`; both threads get a note. Both tickets and every moved message reach the change feed and the \
event stream.",
    params(("id" = i64, Path, description = "The ticket merged away"), super::IdempotencyKey),
    request_body = MergeRequest,
    responses(
        (status = 200, description = "Both tickets after the merge and the messages written", body = TicketMerged,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_id`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found` (the ticket merged away)", body = ErrorBody),
        (status = 409, description = "`merge_conflict`; `current` is the ticket that changed", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `merge_into_itself`, `unknown_ticket`, `already_merged`, \
`target_merged`, `target_closed`, `wrong_customer`, `too_many_tags`", body = ErrorBody),
    ))]
fn merge_ticket() {}

#[utoipa::path(get, path = "/v1/customers/{id}", tag = "customers",
    summary = "Everything about a customer: orders, refunds, returns, exchanges, tickets, surveys",
    params(("id" = i64, Path, description = "Customer id")),
    responses(
        (status = 200, description = "The customer", body = CustomerDetail),
        (status = 400, description = "`bad_id`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    ))]
fn customer_detail() {}

#[utoipa::path(post, path = "/v1/orders/{id}/actions", tag = "customers",
    summary = "A refund, return or exchange on an order",
    params(("id" = String, Path, description = "Order id, e.g. `SH-1001`"), super::IdempotencyKey),
    request_body = NewOrderAction,
    responses(
        (status = 201, description = "The action and the order after it", body = ActionCreated,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_id`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found` (order)", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `missing_reason`, `unknown_item`, `missing_amount`, \
`wrong_currency`, `bad_amount`, `cod_refund_method`, `not_delivered`, `already_open`, `missing_variant`", body = ErrorBody),
    ))]
fn order_action() {}

#[utoipa::path(get, path = "/v1/macros", tag = "tickets", summary = "All macros, by id",
    responses((status = 200, description = "The macros", body = MacroList)))]
fn macros() {}

#[utoipa::path(get, path = "/v1/agents", tag = "session",
    summary = "All accounts, by id, integration accounts included",
    responses((status = 200, description = "The accounts", body = AgentList)))]
fn agents() {}

#[utoipa::path(get, path = "/v1/stats", tag = "supervisor", summary = "Live queue statistics",
    responses((status = 200, description = "The current snapshot", body = QueueStats)))]
fn stats() {}

#[utoipa::path(put, path = "/v1/presence", tag = "session",
    summary = "Which ticket the caller views (or types on); `ticket_id: null` leaves",
    request_body = PresenceUpdate,
    responses(
        (status = 200, description = "Taken", body = PresenceAck),
        (status = 400, description = "`malformed_json`", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
    ))]
fn put_presence() {}

#[utoipa::path(post, path = "/v1/inbound", tag = "bridge",
    summary = "A customer wrote on some channel (a channel bridge posts it)",
    params(("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 200,
        description = "Optional, e.g. the provider's message id: a redelivered webhook is not added twice")),
    request_body = InboundMessage,
    responses(
        (status = 201, description = "The ticket it joined or opened, and the message", body = TicketCreated,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_idempotency_key`", body = ErrorBody),
        (status = 404, description = "`not_found` (`ticket_id`)", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`, `empty_body`, `body_too_long`, `missing_sender`, \
`subject_too_long`, `wrong_customer`, `unknown_order`, `too_many_files`, `unknown_file`, `file_in_use`", body = ErrorBody),
    ))]
fn inbound() {}

const MACRO_422: &str = "`idempotency_key_reused`, `bad_macro_name`, `bad_language`, `bad_macro_body`, \
`unclosed_placeholder`, `empty_placeholder`, `bad_placeholder`, `bad_tag`, `too_many_tags`";

#[utoipa::path(post, path = "/v1/macros", tag = "tickets",
    summary = "A supervisor adds a macro (reaches every console through the change feed)",
    params(super::IdempotencyKey),
    request_body = MacroEdit,
    responses(
        (status = 201, description = "The macro", body = Macro,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a supervisor", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = MACRO_422, body = ErrorBody),
    ))]
fn create_macro() {}

#[utoipa::path(put, path = "/v1/macros/{id}", tag = "tickets",
    summary = "A supervisor changes a macro",
    params(("id" = i64, Path, description = "Macro id"), super::IdempotencyKey),
    request_body = MacroEdit,
    responses(
        (status = 200, description = "The macro now", body = Macro,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`malformed_json`, `bad_id`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a supervisor", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 413, description = "`body_too_large`", body = ErrorBody),
        (status = 422, description = MACRO_422, body = ErrorBody),
    ))]
fn change_macro() {}

#[utoipa::path(delete, path = "/v1/macros/{id}", tag = "tickets",
    summary = "A supervisor deletes a macro (consoles drop it at their next sync)",
    params(("id" = i64, Path, description = "Macro id"), super::IdempotencyKey),
    responses(
        (status = 200, description = "The macro, marked deleted", body = Macro,
            headers(("idempotent-replayed" = String, description = "`true` on a replay"))),
        (status = 400, description = "`bad_id`, `missing_idempotency_key`, `bad_idempotency_key`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a supervisor", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`", body = ErrorBody),
    ))]
fn delete_macro() {}
