//! What the support API does, as operations on a write transaction. Routes,
//! the demo seed and the traffic simulator all go through these.

use super::db::Writer;
use super::error::{ApiError, ApiResult};
use super::repo;
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Agent, Author, ContactHandle, Customer, Delivery, Message,
    MessageKind, Money, OrderAction, PaymentMethod, PaymentStatus, Priority, RefundMethod, Role,
    Sla, Status, Ticket, TicketId, Timestamp,
};
use sahaya_protocol::wire::{
    ActionCreated, InboundMessage, MAX_MESSAGE_BYTES, MessageCreated, NewMessage, NewOrderAction,
    NewOutboundTicket, TicketCreated, TicketPatch,
};

fn load_ticket(w: &Writer<'_>, id: TicketId) -> ApiResult<Ticket> {
    repo::ticket(&w.tx, id)?.ok_or_else(|| ApiError::not_found(&format!("ticket {id}")))
}

fn check_body(body: &str) -> ApiResult<()> {
    if body.trim().is_empty() {
        return Err(ApiError::unprocessable(
            "empty_body",
            "the message body is empty; write something first",
        ));
    }
    if body.len() > MAX_MESSAGE_BYTES {
        return Err(ApiError::unprocessable(
            "body_too_long",
            format!(
                "the message is longer than {} KiB; shorten it or split it",
                MAX_MESSAGE_BYTES / 1024
            ),
        ));
    }
    Ok(())
}

fn new_message(
    w: &Writer<'_>,
    ticket: &Ticket,
    kind: MessageKind,
    author: Author,
    body: String,
    now: Timestamp,
) -> ApiResult<Message> {
    let delivery = match kind {
        MessageKind::Customer => Delivery::Received,
        MessageKind::Note => Delivery::Internal,
        MessageKind::Reply => Delivery::Sent,
    };
    Ok(Message {
        id: repo::next_id(&w.tx, "messages")?,
        ticket_id: ticket.id,
        kind,
        author,
        channel: ticket.channel,
        body,
        created_at: now,
        delivery,
    })
}

/// Adds `message` to its ticket and updates the ticket around it.
fn append(
    w: &mut Writer<'_>,
    ticket: &mut Ticket,
    message: &Message,
    now: Timestamp,
) -> ApiResult<()> {
    match message.kind {
        MessageKind::Customer => {
            ticket.last_customer_message_at = Some(now);
            if matches!(
                ticket.status,
                Status::Pending | Status::OnHold | Status::Solved
            ) {
                ticket.status = Status::Open;
            }
        }
        MessageKind::Reply => {
            if ticket.sla.first_responded_at.is_none() {
                ticket.sla.first_responded_at = Some(now);
            }
            if ticket.status == Status::New {
                ticket.status = Status::Open;
            }
        }
        MessageKind::Note => {}
    }
    ticket.message_count += 1;
    ticket.updated_at = now;
    ticket.version += 1;
    repo::put_message(w, message)?;
    repo::put_ticket(w, ticket)?;
    Ok(())
}

/// `POST /v1/tickets/{id}/messages`.
pub fn post_message(
    w: &mut Writer<'_>,
    caller: &Agent,
    ticket_id: TicketId,
    req: NewMessage,
    now: Timestamp,
) -> ApiResult<MessageCreated> {
    if req.kind == MessageKind::Customer {
        return Err(ApiError::unprocessable(
            "bad_kind",
            "kind must be \"reply\" or \"note\"; customer messages arrive through /v1/inbound",
        ));
    }
    check_body(&req.body)?;
    let mut ticket = load_ticket(w, ticket_id)?;
    if ticket.status == Status::Closed && req.kind == MessageKind::Reply {
        return Err(ApiError::unprocessable(
            "ticket_closed",
            format!(
                "ticket {ticket_id} is closed; open a new ticket to write to the customer again"
            ),
        ));
    }
    let author = Author::Agent {
        id: caller.id,
        name: caller.name.clone(),
    };
    let message = new_message(w, &ticket, req.kind, author, req.body, now)?;
    append(w, &mut ticket, &message, now)?;
    Ok(MessageCreated { message, ticket })
}

/// Tags are lower-case words joined by dashes, at most 40 characters.
pub fn check_tags(tags: &[String]) -> ApiResult<()> {
    let tags = sahaya_protocol::wire::normalize_tags(tags);
    if let Some(t) = tags
        .iter()
        .find(|t| t.chars().count() > 40 || t.chars().any(|c| c.is_control()))
    {
        return Err(ApiError::unprocessable(
            "bad_tag",
            format!(
                "tag {t:?} is too long or has control characters; use at most 40 plain characters"
            ),
        ));
    }
    if tags.len() > 30 {
        return Err(ApiError::unprocessable(
            "too_many_tags",
            "a ticket can carry at most 30 tags",
        ));
    }
    Ok(())
}

/// `PATCH /v1/tickets/{id}` with `If-Match: expected_version`.
pub fn patch_ticket(
    w: &mut Writer<'_>,
    ticket_id: TicketId,
    expected_version: i64,
    patch: TicketPatch,
    now: Timestamp,
) -> ApiResult<Ticket> {
    let mut ticket = load_ticket(w, ticket_id)?;
    if ticket.version != expected_version {
        return Err(ApiError::conflict(ticket));
    }
    if patch.is_empty() {
        return Err(ApiError::unprocessable(
            "empty_patch",
            "nothing to change: send at least one field",
        ));
    }
    if let Some(status) = patch.status
        && ticket.status == Status::Closed
        && status != Status::Closed
    {
        return Err(ApiError::unprocessable(
            "ticket_closed",
            format!(
                "ticket {ticket_id} is closed and cannot be reopened; open a new ticket instead"
            ),
        ));
    }
    if let Some(Some(id)) = patch.assignee_id {
        let agent = repo::agent(&w.tx, id)?.ok_or_else(|| {
            ApiError::unprocessable("unknown_agent", format!("agent {id} does not exist"))
        })?;
        if agent.role == Role::Integration {
            return Err(ApiError::unprocessable(
                "bad_assignee",
                format!(
                    "{} is an integration account and cannot own tickets",
                    agent.login
                ),
            ));
        }
    }
    if let Some(group) = &patch.group {
        let group = group.trim();
        if group.is_empty() || group.chars().count() > 40 {
            return Err(ApiError::unprocessable(
                "bad_group",
                "group must be 1 to 40 characters",
            ));
        }
    }
    if let Some(tags) = &patch.tags {
        check_tags(tags)?;
    }
    patch.apply_to(&mut ticket);
    ticket.version += 1;
    ticket.updated_at = now;
    repo::put_ticket(w, &ticket)?;
    Ok(ticket)
}

fn check_subject(subject: &str) -> ApiResult<String> {
    let s = subject.trim();
    if s.chars().count() > 200 {
        return Err(ApiError::unprocessable(
            "subject_too_long",
            "the subject is longer than 200 characters",
        ));
    }
    Ok(s.to_string())
}

/// A message may name an order only of its own customer; `other` says who
/// else owns it in the error.
fn check_order_of(
    w: &Writer<'_>,
    order_id: &str,
    customer: &Customer,
    other: &str,
) -> ApiResult<()> {
    let order = repo::order(&w.tx, order_id)?.ok_or_else(|| {
        ApiError::unprocessable("unknown_order", format!("order {order_id} does not exist"))
    })?;
    if order.customer_id != customer.id {
        return Err(ApiError::unprocessable(
            "wrong_customer",
            format!("order {order_id} belongs to {other}"),
        ));
    }
    Ok(())
}

/// `POST /v1/inbound`: a customer wrote to us.
pub fn inbound(
    w: &mut Writer<'_>,
    req: InboundMessage,
    now: Timestamp,
) -> ApiResult<TicketCreated> {
    check_body(&req.body)?;
    let from = req.from.trim();
    if from.is_empty() {
        return Err(ApiError::unprocessable(
            "missing_sender",
            "`from` must name the sender's handle on the channel",
        ));
    }
    let subject = check_subject(req.subject.as_deref().unwrap_or(""))?;
    let customer = match repo::customer_by_handle(&w.tx, req.channel, from)? {
        Some(id) => {
            repo::customer(&w.tx, id)?.ok_or_else(|| ApiError::internal("dangling handle"))?
        }
        None => {
            let customer = Customer {
                id: repo::next_id(&w.tx, "customers")?,
                name: req
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| from.to_string()),
                handles: vec![ContactHandle {
                    channel: req.channel,
                    value: from.to_string(),
                }],
                preferred_language: req.language.clone().unwrap_or_else(|| "en".to_string()),
                city: String::new(),
                lifetime_value: if from.starts_with("+977") || req.language.as_deref() == Some("ne")
                {
                    Money::npr(0)
                } else {
                    Money::inr(0)
                },
                notes: String::new(),
                created_at: now,
                updated_at: now,
            };
            repo::put_customer(w, &customer)?;
            customer
        }
    };
    if let Some(order_id) = &req.order_id {
        check_order_of(
            w,
            order_id,
            &customer,
            &format!("another customer than {from}"),
        )?;
    }
    // The named ticket, unless it is closed; then (or without one) the
    // customer's latest active ticket on this channel.
    let named = match req.ticket_id {
        Some(id) => {
            let t = load_ticket(w, id)?;
            if t.customer_id != customer.id {
                return Err(ApiError::unprocessable(
                    "wrong_customer",
                    format!("ticket {id} belongs to another customer than {from}"),
                ));
            }
            (t.status != Status::Closed).then_some(t)
        }
        None => None,
    };
    let existing = match named {
        Some(t) => Some(t),
        None => match repo::latest_open_ticket(&w.tx, customer.id, req.channel)? {
            Some(id) => Some(load_ticket(w, id)?),
            None => None,
        },
    };
    let author = Author::Customer {
        id: customer.id,
        name: customer.name.clone(),
    };
    let (mut ticket, created) = match existing {
        Some(t) => (t, false),
        None => {
            let subject = if subject.is_empty() {
                first_line(&req.body)
            } else {
                subject
            };
            let ticket = Ticket {
                id: repo::next_id(&w.tx, "tickets")?,
                subject,
                status: Status::New,
                priority: Priority::Normal,
                channel: req.channel,
                customer_id: customer.id,
                assignee_id: None,
                group: "general".to_string(),
                tags: Vec::new(),
                sla: Sla::for_priority(Priority::Normal, now),
                order_id: req.order_id.clone(),
                version: 0,
                created_at: now,
                updated_at: now,
                last_customer_message_at: Some(now),
                message_count: 0,
            };
            (ticket, true)
        }
    };
    let message = new_message(w, &ticket, MessageKind::Customer, author, req.body, now)?;
    append(w, &mut ticket, &message, now)?;
    Ok(TicketCreated {
        ticket,
        message,
        created,
    })
}

/// A subject made from the first line of a message, at most 80 characters.
fn first_line(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// `POST /v1/tickets`: a proactive notice from an agent to a customer.
pub fn outbound(
    w: &mut Writer<'_>,
    caller: &Agent,
    req: NewOutboundTicket,
    now: Timestamp,
) -> ApiResult<TicketCreated> {
    check_body(&req.body)?;
    let subject = check_subject(&req.subject)?;
    if subject.is_empty() {
        return Err(ApiError::unprocessable(
            "missing_subject",
            "a proactive notice needs a subject",
        ));
    }
    let customer = repo::customer(&w.tx, req.customer_id)?.ok_or_else(|| {
        ApiError::unprocessable(
            "unknown_customer",
            format!("customer {} does not exist", req.customer_id),
        )
    })?;
    if !customer.handles.iter().any(|h| h.channel == req.channel) {
        return Err(ApiError::unprocessable(
            "no_handle",
            format!(
                "{} has no {} contact; pick a channel the customer uses",
                customer.name, req.channel
            ),
        ));
    }
    if let Some(order_id) = &req.order_id {
        check_order_of(w, order_id, &customer, "another customer")?;
    }
    let priority = req.priority.unwrap_or(Priority::Normal);
    let mut ticket = Ticket {
        id: repo::next_id(&w.tx, "tickets")?,
        subject,
        status: Status::Pending,
        priority,
        channel: req.channel,
        customer_id: customer.id,
        assignee_id: Some(caller.id),
        group: caller.group.clone(),
        tags: vec!["proactive".to_string()],
        sla: Sla::for_priority(priority, now),
        order_id: req.order_id,
        version: 0,
        created_at: now,
        updated_at: now,
        last_customer_message_at: None,
        message_count: 0,
    };
    let author = Author::Agent {
        id: caller.id,
        name: caller.name.clone(),
    };
    let message = new_message(w, &ticket, MessageKind::Reply, author, req.body, now)?;
    append(w, &mut ticket, &message, now)?;
    Ok(TicketCreated {
        ticket,
        message,
        created: true,
    })
}

/// `POST /v1/orders/{id}/actions`: refund, return or exchange.
pub fn order_action(
    w: &mut Writer<'_>,
    caller: &Agent,
    order_id: &str,
    req: NewOrderAction,
    now: Timestamp,
) -> ApiResult<ActionCreated> {
    let mut order = repo::order(&w.tx, order_id)?
        .ok_or_else(|| ApiError::not_found(&format!("order {order_id}")))?;
    if req.reason.trim().is_empty() {
        return Err(ApiError::unprocessable(
            "missing_reason",
            "say why: the reason is kept with the order",
        ));
    }
    for sku in &req.skus {
        if !order.items.iter().any(|i| &i.sku == sku) {
            return Err(ApiError::unprocessable(
                "unknown_item",
                format!("order {order_id} has no item {sku}"),
            ));
        }
    }
    let earlier = repo::actions_of_order(&w.tx, order_id)?;
    let open_of = |kind: ActionKind| order.has_open(kind, &earlier);
    let delivered = order.is_delivered();
    let mut amount = None;
    let mut refund_method = None;
    let mut replacement = None;
    let status;
    match req.kind {
        ActionKind::Refund => {
            let money = req.amount.ok_or_else(|| {
                ApiError::unprocessable("missing_amount", "a refund needs an amount")
            })?;
            if money.currency != order.total.currency {
                return Err(ApiError::unprocessable(
                    "wrong_currency",
                    format!(
                        "order {order_id} was paid in {}, not {}",
                        order.total.currency, money.currency
                    ),
                ));
            }
            let left = order.refundable(&earlier).minor;
            if money.minor <= 0 || money.minor > left {
                return Err(ApiError::unprocessable(
                    "bad_amount",
                    format!(
                        "the refund must be more than 0 and at most {} (minor units) still refundable",
                        left
                    ),
                ));
            }
            let method = req.refund_method.unwrap_or(match order.payment_method {
                PaymentMethod::Cod => RefundMethod::BankTransfer,
                _ => RefundMethod::Source,
            });
            if order.payment_method == PaymentMethod::Cod && method == RefundMethod::Source {
                return Err(ApiError::unprocessable(
                    "cod_refund_method",
                    "a cash-on-delivery order cannot be refunded to source; choose UPI, bank transfer or store credit",
                ));
            }
            order.payment_status = if money.minor == left {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
            amount = Some(money);
            refund_method = Some(method);
            status = ActionStatus::Approved;
        }
        ActionKind::Return | ActionKind::Exchange => {
            if !delivered {
                return Err(ApiError::unprocessable(
                    "not_delivered",
                    format!(
                        "order {order_id} has not been delivered yet; a {} needs a delivered order",
                        req.kind
                    ),
                ));
            }
            if open_of(req.kind) {
                return Err(ApiError::unprocessable(
                    "already_open",
                    format!(
                        "order {order_id} already has an open {}; update that one",
                        req.kind
                    ),
                ));
            }
            if req.kind == ActionKind::Exchange {
                let variant = req
                    .replacement_variant
                    .as_deref()
                    .map(str::trim)
                    .unwrap_or("");
                if variant.is_empty() {
                    return Err(ApiError::unprocessable(
                        "missing_variant",
                        "an exchange needs the size or variant the customer wants instead",
                    ));
                }
                replacement = Some(variant.to_string());
            }
            status = ActionStatus::PickupScheduled;
        }
    }
    let pickup_at = (req.kind != ActionKind::Refund).then(|| now + chrono::Duration::days(2));
    let action = OrderAction {
        id: repo::next_id(&w.tx, "order_actions")?,
        order_id: order.id.clone(),
        customer_id: order.customer_id,
        kind: req.kind,
        status,
        amount,
        refund_method,
        skus: req.skus,
        reason: req.reason.trim().to_string(),
        replacement_variant: replacement,
        pickup_at,
        created_by: Some(caller.id),
        created_at: now,
        updated_at: now,
    };
    repo::put_action(w, &action)?;
    order.updated_at = now;
    repo::put_order(w, &order)?;
    Ok(ActionCreated { action, order })
}
