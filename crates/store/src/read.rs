//! What the UI reads: views and their counts, tickets, threads, customers.
//!
//! Every query here walks an index for exactly the rows it returns (lists
//! from the nearest known position, see `page`), and counts come from what
//! the writers keep (`counts`), so the cost of a frame does not grow with
//! the size of the cache (invariant 5).

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

use super::counts;
use super::entry::{OutboxOp, OutboxState};
use super::error::{Result, corrupt, decode};
use super::page::{self, List};
use super::store::{CountsMemo, Store};
use super::time::millis;
use sahaya_protocol::domain::{
    ActionKind, ActionStatus, Agent, AgentId, Author, Channel, Customer, CustomerId, Delivery,
    Macro, Message, Order, OrderAction, SurveyResponse, Ticket, TicketId, Timestamp,
};
use sahaya_protocol::wire::{CustomerDetail, TicketSummary, View, ViewCounts};

/// One line of a ticket list.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketRow {
    /// The ticket as the agent sees it (with pending changes of theirs).
    pub ticket: Ticket,
    /// Empty when the customer is not cached (yet).
    pub customer_name: String,
    /// None when unassigned (or the agent is not cached).
    pub assignee_name: Option<String>,
    /// The agent has changes to this ticket the server has not confirmed.
    pub local_changes: bool,
}

/// SQL condition of a view over the cache's `tickets` columns; the same sets
/// as `server::queries`. `:me` is the agent, `:horizon` the SLA horizon.
pub(crate) fn condition(view: View) -> &'static str {
    match view {
        View::Mine => "assignee_id = :me AND active = 1",
        View::Unassigned => "assignee_id IS NULL AND active = 1",
        View::Open => "open_class = 0",
        View::Pending => "open_class = 1",
        View::Solved => "open_class = 2",
        View::SlaDue => "open_class = 0 AND next_due <= :horizon",
        View::All => "1 = 1",
    }
}

/// The server's order per view.
pub(crate) fn order(view: View) -> page::Order {
    match view {
        View::Solved | View::All => page::Order::UpdatedDesc,
        _ => page::Order::DueAsc,
    }
}

/// How far ahead "SLA due" looks; the same as the server's
/// `server::queries::SLA_DUE_HORIZON_MINUTES`.
pub const SLA_DUE_HORIZON_MINUTES: i64 = 60;

/// The SLA-due view's bound, to the whole second: the count and the rows
/// agree, and the count is remembered for the rest of that second.
pub(crate) fn horizon(now: Timestamp) -> i64 {
    let now = chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now);
    millis(now + chrono::Duration::minutes(SLA_DUE_HORIZON_MINUTES))
}

fn many<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    what: &'static str,
    sql: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(p)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: rusqlite::types::Value = row.get(0)?;
        let json: String = row.get(1)?;
        out.push(decode(what, value_text(&id), &json)?);
    }
    Ok(out)
}

fn one<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    what: &'static str,
    sql: &str,
    id: impl rusqlite::ToSql + ToString,
) -> Result<Option<T>> {
    let json: Option<String> = conn
        .prepare_cached(sql)?
        .query_row(params![id], |r| r.get(0))
        .optional()?;
    json.map(|j| decode(what, id.to_string(), &j)).transpose()
}

fn value_text(v: &rusqlite::types::Value) -> String {
    match v {
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Text(t) => t.clone(),
        other => format!("{other:?}"),
    }
}

impl Store {
    /// How many tickets each view holds for agent `me` at `now`: read from
    /// the counts the writers keep (`store::counts`), remembered until the
    /// cache changes (see [`Store::generation`]).
    pub fn view_counts(&self, me: AgentId, now: Timestamp) -> Result<ViewCounts> {
        let mut counts = self.clock_free_counts(me)?;
        counts.sla_due = self.sla_due_count(me, now)?;
        Ok(counts)
    }

    /// How many tickets `view` holds.
    pub fn view_len(&self, view: View, me: AgentId, now: Timestamp) -> Result<i64> {
        match view {
            View::SlaDue => self.sla_due_count(me, now),
            other => Ok(self.clock_free_counts(me)?.get(other)),
        }
    }

    /// Counts of the views that do not depend on the clock (`sla_due` is 0).
    fn clock_free_counts(&self, me: AgentId) -> Result<ViewCounts> {
        let generation = self.generation()?;
        let memo = self
            .counts_memo
            .borrow()
            .as_ref()
            .and_then(|m| (m.generation == generation && m.me == me).then(|| m.counts.clone()));
        if let Some(counts) = memo {
            return Ok(counts);
        }
        let [mine, unassigned, open, pending, solved] = counts::class_counts(&self.conn, me)?;
        let counts = ViewCounts {
            mine,
            unassigned,
            open,
            pending,
            solved,
            sla_due: 0,
            all: open + pending + solved,
        };
        let sla_due = self
            .counts_memo
            .borrow()
            .as_ref()
            .and_then(|m| (m.generation == generation).then_some(m.sla_due))
            .flatten();
        self.counts_memo.replace(Some(CountsMemo {
            generation,
            me,
            counts: counts.clone(),
            sla_due,
        }));
        Ok(counts)
    }

    /// The SLA-due count: from the last one read while the cache has not
    /// changed (the horizon moved: only the deadlines between are counted),
    /// else from the base the writers keep.
    fn sla_due_count(&self, me: AgentId, now: Timestamp) -> Result<i64> {
        let generation = self.generation()?;
        let key = horizon(now);
        let memo = self
            .counts_memo
            .borrow()
            .as_ref()
            .and_then(|m| m.sla_due.filter(|_| m.generation == generation));
        let n = match memo {
            Some((h, n)) if h == key => return Ok(n),
            Some((h, n)) if h < key => n + counts::due_between(&self.conn, h, key)?,
            Some((h, n)) => n - counts::due_between(&self.conn, key, h)?,
            None => counts::sla_due_at(&self.conn, key)?,
        };
        if self
            .counts_memo
            .borrow()
            .as_ref()
            .is_none_or(|m| m.generation != generation)
        {
            self.clock_free_counts(me)?;
        }
        if let Some(m) = self.counts_memo.borrow_mut().as_mut()
            && m.generation == generation
        {
            m.sla_due = Some((key, n));
        }
        Ok(n)
    }

    /// Rows `offset .. offset + limit` of `view`, in the server's order,
    /// read by keyset from the nearest known position (`store::page`).
    pub fn ticket_rows(
        &self,
        view: View,
        me: AgentId,
        now: Timestamp,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<TicketRow>> {
        if limit <= 0 {
            return Ok(Vec::new());
        }
        let h = horizon(now);
        let (name, params) = match view {
            View::Mine => (
                format!("{view:?}/{me}"),
                vec![(":me".to_string(), Value::Integer(me))],
            ),
            View::SlaDue => (
                format!("{view:?}/{h}"),
                vec![(":horizon".to_string(), Value::Integer(h))],
            ),
            _ => (format!("{view:?}"), Vec::new()),
        };
        let list = List {
            name,
            condition: condition(view).to_string(),
            params,
            order: order(view),
            len: Some(self.view_len(view, me, now)?),
        };
        let ids = self.page(&list, offset, limit)?;
        self.rows_of(ids)
    }

    /// List rows of tickets `ids`, in that order (missing ones are skipped).
    pub(super) fn rows_of(&self, ids: Vec<TicketId>) -> Result<Vec<TicketRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.json, t.server_json IS NOT NULL, c.name, a.name FROM tickets t
             LEFT JOIN customers c ON c.id = t.customer_id
             LEFT JOIN agents a ON a.id = t.assignee_id
             WHERE t.id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row: Option<(String, bool, Option<String>, Option<String>)> = stmt
                .query_row(params![id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            if let Some((json, local_changes, customer_name, assignee_name)) = row {
                out.push(TicketRow {
                    ticket: decode("ticket", id, &json)?,
                    customer_name: customer_name.unwrap_or_default(),
                    assignee_name,
                    local_changes,
                });
            }
        }
        Ok(out)
    }

    /// The ticket as the agent sees it: the server's copy plus the agent's
    /// unconfirmed changes.
    pub fn ticket(&self, id: TicketId) -> Result<Option<Ticket>> {
        one(
            &self.conn,
            "ticket",
            "SELECT json FROM tickets WHERE id = ?1",
            id,
        )
    }

    /// The ticket as the server last sent it.
    pub fn server_ticket(&self, id: TicketId) -> Result<Option<Ticket>> {
        one(
            &self.conn,
            "ticket",
            "SELECT COALESCE(server_json, json) FROM tickets WHERE id = ?1",
            id,
        )
    }

    /// The thread: the server's messages by id, then this agent's messages
    /// not confirmed yet, in the order they were written. Those have id
    /// `-(outbox entry id)` and delivery `Queued` (or `Failed` when the server
    /// refused them; the outbox entry says why).
    pub fn messages(&self, ticket_id: TicketId) -> Result<Vec<Message>> {
        let mut out = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, json, body FROM messages WHERE ticket_id = ?1 ORDER BY id",
            )?;
            let mut rows = stmt.query(params![ticket_id])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                let json: String = row.get(1)?;
                let mut value: serde_json::Value = decode("message", id, &json)?;
                match value.as_object_mut() {
                    Some(map) => {
                        map.insert("body".to_string(), serde_json::Value::String(row.get(2)?));
                    }
                    None => return Err(corrupt("message", id, "not a JSON object")),
                }
                let message: Message =
                    serde_json::from_value(value).map_err(|e| corrupt("message", id, e))?;
                out.push(message);
            }
        }
        let queued = self.open_entries_of_ticket(ticket_id, "message")?;
        if queued.is_empty() {
            return Ok(out);
        }
        let author = match self.me()? {
            Some(me) => Author::Agent {
                id: me.id,
                name: me.name,
            },
            None => Author::Agent {
                id: 0,
                name: String::new(),
            },
        };
        let channel: Channel = match self.ticket(ticket_id)? {
            Some(t) => t.channel,
            None => Channel::Email,
        };
        for entry in queued {
            let OutboxOp::Message { kind, body, .. } = entry.op else {
                continue;
            };
            // Sent, but the answer was lost: the change feed already brought
            // the server's copy (same author, kind and text, not older than
            // the entry). Show that one only; the retry will confirm it.
            let my_id = match &author {
                Author::Agent { id, .. } => *id,
                _ => 0,
            };
            let delivered = out.iter().any(|m| {
                m.id > 0
                    && m.kind == kind
                    && m.body == body
                    && matches!(&m.author, Author::Agent { id, .. } if *id == my_id)
                    && m.created_at.timestamp_millis() >= entry.created_at.timestamp_millis() - 1000
            });
            if delivered && !entry.state.is_problem() {
                continue;
            }
            let delivery = if entry.state.is_problem() {
                Delivery::Failed
            } else {
                Delivery::Queued
            };
            out.push(Message {
                id: -entry.id,
                ticket_id,
                kind,
                author: author.clone(),
                channel,
                body,
                created_at: entry.created_at,
                delivery,
                delivery_error: None,
                // Not on the server yet: no id to fetch them by.
                attachments: self
                    .outbox_file_list(entry.id)?
                    .into_iter()
                    .map(|f| sahaya_protocol::domain::Attachment {
                        id: 0,
                        name: f.name,
                        content_type: f.content_type,
                        size: f.size,
                        sha256: f.sha256,
                    })
                    .collect(),
            });
        }
        Ok(out)
    }

    pub fn customer(&self, id: CustomerId) -> Result<Option<Customer>> {
        one(
            &self.conn,
            "customer",
            "SELECT json FROM customers WHERE id = ?1",
            id,
        )
    }

    pub fn order(&self, id: &str) -> Result<Option<Order>> {
        one(
            &self.conn,
            "order",
            "SELECT json FROM orders WHERE id = ?1",
            id,
        )
    }

    /// The customer pane: orders (newest first) with their shipments,
    /// refunds/returns/exchanges (newest first; this agent's unconfirmed
    /// requests first, with id `-(outbox entry id)` and status `Requested`,
    /// or `Rejected` when the server refused them), past tickets and surveys.
    pub fn customer_detail(&self, customer_id: CustomerId) -> Result<Option<CustomerDetail>> {
        let Some(customer) = self.customer(customer_id)? else {
            return Ok(None);
        };
        let orders: Vec<Order> = many(
            &self.conn,
            "order",
            "SELECT id, json FROM orders WHERE customer_id = ?1 ORDER BY placed_at DESC, id DESC",
            params![customer_id],
        )?;
        let mut actions = self.queued_actions(customer_id, &orders)?;
        actions.extend(many::<OrderAction>(
            &self.conn,
            "order action",
            "SELECT id, json FROM order_actions WHERE customer_id = ?1 ORDER BY id DESC",
            params![customer_id],
        )?);
        let (mut refunds, mut returns, mut exchanges) = (Vec::new(), Vec::new(), Vec::new());
        let mut changes = Vec::new();
        for a in actions {
            match a.kind {
                ActionKind::Refund => refunds.push(a),
                ActionKind::Return => returns.push(a),
                ActionKind::Exchange => exchanges.push(a),
                ActionKind::Cancel | ActionKind::AddressChange | ActionKind::Reattempt => {
                    changes.push(a)
                }
            }
        }
        let tickets: Vec<Ticket> = many(
            &self.conn,
            "ticket",
            "SELECT id, json FROM tickets WHERE customer_id = ?1 ORDER BY created_at DESC, id DESC LIMIT 200",
            params![customer_id],
        )?;
        let tickets = tickets.iter().map(TicketSummary::from).collect();
        let surveys: Vec<SurveyResponse> = many(
            &self.conn,
            "survey",
            "SELECT id, json FROM surveys WHERE customer_id = ?1 ORDER BY created_at DESC, id DESC",
            params![customer_id],
        )?;
        Ok(Some(CustomerDetail {
            customer,
            orders,
            refunds,
            returns,
            exchanges,
            changes,
            tickets,
            surveys,
        }))
    }

    /// This agent's unconfirmed order actions on `orders`, newest first.
    fn queued_actions(
        &self,
        customer_id: CustomerId,
        orders: &[Order],
    ) -> Result<Vec<OrderAction>> {
        let entries = self.open_entries_of_kind("order_action")?;
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let me = self.me()?.map(|a| a.id);
        let mut out = Vec::new();
        for entry in entries.into_iter().rev() {
            let OutboxOp::OrderAction { order_id, request } = entry.op else {
                continue;
            };
            if !orders.iter().any(|o| o.id == order_id) {
                continue;
            }
            out.push(OrderAction {
                id: -entry.id,
                order_id,
                customer_id,
                kind: request.kind,
                status: if entry.state == OutboxState::Rejected {
                    ActionStatus::Rejected
                } else {
                    ActionStatus::Requested
                },
                amount: request.amount,
                refund_method: request.refund_method,
                skus: request.skus,
                reason: request.reason,
                replacement_variant: request.replacement_variant,
                pickup_at: None,
                items: request.items,
                address: request.address,
                slot: request.slot,
                refund_to: request.refund_to.map(|t| t.masked()),
                created_by: me,
                created_at: entry.created_at,
                updated_at: entry.updated_at,
            });
        }
        Ok(out)
    }

    pub fn agents(&self) -> Result<Vec<Agent>> {
        many(
            &self.conn,
            "agent",
            "SELECT id, json FROM agents ORDER BY id",
            [],
        )
    }

    pub fn agent(&self, id: AgentId) -> Result<Option<Agent>> {
        one(
            &self.conn,
            "agent",
            "SELECT json FROM agents WHERE id = ?1",
            id,
        )
    }

    /// The groups (teams) tickets can be given to: every group a cached
    /// ticket or agent has, sorted.
    pub fn groups(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g FROM (SELECT DISTINCT grp AS g FROM tickets \
             UNION SELECT json_extract(json, '$.group') FROM agents WHERE json_valid(json)) \
             WHERE g IS NOT NULL AND g <> '' ORDER BY g",
        )?;
        let groups = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(groups)
    }

    pub fn macros(&self) -> Result<Vec<Macro>> {
        many(
            &self.conn,
            "macro",
            "SELECT id, json FROM macros ORDER BY id",
            [],
        )
    }
}
