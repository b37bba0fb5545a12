//! Every error `code` the server answers with, its status and when. Published
//! as the `ErrorCode` schema; a test checks the server's source uses no code
//! missing here.

/// `(code, status, when)`.
pub const ERROR_CODES: &[(&str, u16, &str)] = &[
    (
        "bad_request",
        400,
        "the request could not be read (framework-level)",
    ),
    (
        "malformed_json",
        400,
        "body empty, not JSON, unknown field, wrong type, unknown enum value",
    ),
    (
        "bad_query",
        400,
        "query string does not parse, or a value is out of range",
    ),
    ("bad_view", 400, "GET /v1/tickets?view= names no view"),
    (
        "bad_channel",
        400,
        "GET /v1/outbound?channel= names no channel",
    ),
    (
        "bad_id",
        400,
        "an id in the path is not an integer, or not UTF-8",
    ),
    ("bad_if_match", 400, "If-Match is not a version number"),
    (
        "missing_idempotency_key",
        400,
        "a request that needs Idempotency-Key has none",
    ),
    (
        "bad_idempotency_key",
        400,
        "key empty, longer than 200, or not visible ASCII",
    ),
    ("bad_last_event_id", 400, "Last-Event-ID is not an integer"),
    ("unauthorized", 401, "no, malformed or unknown bearer token"),
    ("forbidden", 403, "the token's role may not do this"),
    (
        "not_found",
        404,
        "no such endpoint, ticket, customer, order, message or file",
    ),
    (
        "method_not_allowed",
        405,
        "known path, wrong method (Allow lists the right ones)",
    ),
    (
        "version_conflict",
        412,
        "If-Match is not the ticket's current version; body has current",
    ),
    (
        "merge_conflict",
        409,
        "a merge's ticket or target changed since the versions sent; body has current",
    ),
    ("body_too_large", 413, "request body over 256 KiB"),
    ("file_too_large", 413, "uploaded file over 10 MiB"),
    (
        "unsupported_media_type",
        415,
        "a content type the route cannot read (framework-level)",
    ),
    (
        "idempotency_key_reused",
        422,
        "the key was used before for a different request",
    ),
    (
        "missing_if_match",
        428,
        "PATCH /v1/tickets/{id} without If-Match",
    ),
    (
        "internal",
        500,
        "server fault; retrying is safe for idempotent requests",
    ),
    // 422: well-formed but not allowed.
    ("empty_body", 422, "message body blank"),
    ("body_too_long", 422, "message body over 64 KiB"),
    ("bad_kind", 422, "an agent may post only reply or note"),
    (
        "bad_macro_name",
        422,
        "a macro's name blank or over its length",
    ),
    ("bad_language", 422, "not a BCP 47 language tag"),
    (
        "bad_macro_body",
        422,
        "a macro's body blank or over its length",
    ),
    (
        "unclosed_placeholder",
        422,
        "a macro body's `{` is never closed",
    ),
    ("empty_placeholder", 422, "a macro body has `{}`"),
    (
        "bad_placeholder",
        422,
        "a macro body names a placeholder that does not exist",
    ),
    (
        "ticket_closed",
        422,
        "reply on, or status change of, a closed ticket",
    ),
    ("empty_patch", 422, "PATCH with no field"),
    ("merge_into_itself", 422, "a ticket merged into itself"),
    (
        "unknown_ticket",
        422,
        "the ticket to merge into does not exist",
    ),
    (
        "already_merged",
        422,
        "the ticket was merged into another already",
    ),
    (
        "target_merged",
        422,
        "the ticket to merge into was merged away",
    ),
    ("target_closed", 422, "the ticket to merge into is closed"),
    ("unknown_agent", 422, "assignee does not exist"),
    ("bad_assignee", 422, "assignee is an integration account"),
    ("bad_group", 422, "group blank or over 40 characters"),
    (
        "bad_tag",
        422,
        "tag over 40 characters or with control characters",
    ),
    (
        "too_many_tags",
        422,
        "more than 30 tags (on one ticket, or two merged)",
    ),
    ("subject_too_long", 422, "subject over 200 characters"),
    ("missing_subject", 422, "outbound notice without subject"),
    ("missing_sender", 422, "inbound message without from"),
    (
        "wrong_customer",
        422,
        "ticket or order belongs to another customer; a merge of two customers' tickets",
    ),
    (
        "unknown_customer",
        422,
        "outbound notice to a customer that does not exist",
    ),
    (
        "no_handle",
        422,
        "the customer has no handle on that channel",
    ),
    ("unknown_order", 422, "order_id does not exist"),
    (
        "missing_reason",
        422,
        "order action or failed receipt without a reason",
    ),
    ("unknown_item", 422, "a sku is not an item of the order"),
    ("order_cancelled", 422, "the order is cancelled"),
    (
        "already_dispatched",
        422,
        "cancel or address change after dispatch",
    ),
    (
        "not_failed_delivery",
        422,
        "reattempt of a delivery that did not fail",
    ),
    ("not_paid", 422, "refund of an order never paid"),
    (
        "cod_not_delivered",
        422,
        "cash-on-delivery refund before delivery",
    ),
    (
        "refund_to_source",
        422,
        "a prepaid order's refund sent elsewhere than its source",
    ),
    (
        "missing_refund_destination",
        422,
        "cash-on-delivery refund without a bank account or UPI id",
    ),
    (
        "wrong_refund_destination",
        422,
        "a refund destination the payment method does not take",
    ),
    (
        "bad_ifsc",
        422,
        "IFSC not 4 letters, 0, 6 letters or digits",
    ),
    (
        "bad_account_number",
        422,
        "bank account number not 9 to 18 digits",
    ),
    ("bad_upi_id", 422, "UPI id not name@bank"),
    ("missing_address", 422, "address change without the address"),
    ("bad_pin_code", 422, "Indian PIN code not 6 digits"),
    ("bad_postal_code", 422, "Nepali postal code not 5 digits"),
    ("missing_slot", 422, "reattempt without a slot"),
    (
        "bad_slot",
        422,
        "reattempt slot not tomorrow to 7 days ahead",
    ),
    (
        "bad_quantity",
        422,
        "more pieces than are left to return or exchange",
    ),
    (
        "nothing_left",
        422,
        "nothing left to return, exchange or refund",
    ),
    ("missing_amount", 422, "refund without amount"),
    (
        "wrong_currency",
        422,
        "refund in another currency than the order's",
    ),
    ("bad_amount", 422, "refund amount 0 or more than is left"),
    (
        "cod_refund_method",
        422,
        "refund to source of a cash-on-delivery order",
    ),
    (
        "not_delivered",
        422,
        "return or exchange of an order not delivered",
    ),
    (
        "already_open",
        422,
        "another open action of that kind on the order",
    ),
    (
        "missing_variant",
        422,
        "exchange without replacement_variant",
    ),
    (
        "not_outbound",
        422,
        "receipt or resend for a message never queued to a channel",
    ),
    (
        "unknown_attempt",
        422,
        "receipt for an attempt that was not handed out",
    ),
    ("not_failed", 422, "resend of a message that did not fail"),
    (
        "bad_score",
        422,
        "survey score out of range (CSAT 1-5, NPS 0-10)",
    ),
    ("empty_file", 422, "uploaded file is empty"),
    ("too_many_files", 422, "more than 10 files on one message"),
    (
        "unknown_file",
        422,
        "attachment id unknown or not the caller's",
    ),
    (
        "file_in_use",
        422,
        "attachment already belongs to another message",
    ),
];
