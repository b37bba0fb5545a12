//! Reading and writing entities in the server database. Every `put_*` records
//! the change in the change log through [`Writer::touch`].

use super::sql::{self, Arg, Conn, args};

use super::codec::{from_json, millis, to_json};
use super::counters::{TicketDelta, TicketFacts};
use super::db::Writer;
use sahaya_protocol::domain::{
    Agent, AgentId, Customer, Macro, Message, MessageId, Order, OrderAction, SurveyResponse,
    Ticket, TicketId,
};
use sahaya_protocol::wire::{Entity, EntityKind, TicketSummary};

/// Writes a row through the statement cache (seeding runs millions) and
/// records the entity as changed.
fn upsert(
    w: &mut Writer<'_>,
    sql: &str,
    p: &[Arg<'_>],
    kind: EntityKind,
    id: &str,
) -> sql::Result<()> {
    w.tx.execute(sql, p)?;
    w.touch(kind, id)?;
    Ok(())
}

pub fn put_ticket(w: &mut Writer<'_>, t: &Ticket) -> sql::Result<()> {
    let old = TicketFacts::read(&w.tx, t.id)?;
    let new = TicketFacts::of(t);
    let json = to_json(t)?;
    upsert(
        w,
        "INSERT INTO tickets (id, status, priority, channel, grp, customer_id, assignee_id,
             next_due, first_responded_at, created_at, updated_at, waiting_since, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, priority = excluded.priority,
             channel = excluded.channel, grp = excluded.grp, customer_id = excluded.customer_id,
             assignee_id = excluded.assignee_id, next_due = excluded.next_due,
             first_responded_at = excluded.first_responded_at, created_at = excluded.created_at,
             updated_at = excluded.updated_at, waiting_since = excluded.waiting_since,
             json = excluded.json",
        args![
            t.id,
            t.status.as_str(),
            t.priority.as_str(),
            t.channel.as_str(),
            t.group,
            t.customer_id,
            t.assignee_id,
            millis(t.sla.next_due()),
            t.sla.first_responded_at.map(millis),
            millis(t.created_at),
            millis(t.updated_at),
            new.waiting_since,
            json
        ],
        EntityKind::Ticket,
        &t.id.to_string(),
    )?;
    w.ticket_written(TicketDelta { id: t.id, old, new });
    Ok(())
}

pub fn put_message(w: &mut Writer<'_>, m: &Message) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO messages (id, ticket_id, json) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET ticket_id = excluded.ticket_id, json = excluded.json",
        args![m.id, m.ticket_id, to_json(m)?],
        EntityKind::Message,
        &m.id.to_string(),
    )
}

pub fn put_customer(w: &mut Writer<'_>, c: &Customer) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO customers (id, json) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        args![c.id, to_json(c)?],
        EntityKind::Customer,
        &c.id.to_string(),
    )?;
    for h in &c.handles {
        w.tx.execute(
            "INSERT INTO customer_handles (channel, value, customer_id) VALUES (?1, ?2, ?3)
             ON CONFLICT (channel, value) DO UPDATE SET customer_id = excluded.customer_id",
            args![h.channel.as_str(), normalize_handle(&h.value), c.id],
        )?;
    }
    Ok(())
}

/// Handles compare case-insensitively and without surrounding blanks.
pub fn normalize_handle(value: &str) -> String {
    value.trim().to_lowercase()
}

pub fn put_order(w: &mut Writer<'_>, o: &Order) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO orders (id, customer_id, json) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, json = excluded.json",
        args![o.id, o.customer_id, to_json(o)?],
        EntityKind::Order,
        &o.id,
    )
}

pub fn put_action(w: &mut Writer<'_>, a: &OrderAction) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO order_actions (id, order_id, customer_id, json) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        args![a.id, a.order_id, a.customer_id, to_json(a)?],
        EntityKind::OrderAction,
        &a.id.to_string(),
    )
}

pub fn put_agent(w: &mut Writer<'_>, a: &Agent) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO agents (id, login, role, json) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET login = excluded.login, role = excluded.role,
             json = excluded.json",
        args![a.id, a.login, a.role.as_str(), to_json(a)?],
        EntityKind::Agent,
        &a.id.to_string(),
    )
}

/// Lets `token_hash` log in as `agent_id`.
pub fn put_token(w: &Writer<'_>, token_hash: &str, agent_id: AgentId) -> sql::Result<()> {
    w.tx.execute(
        "INSERT INTO tokens (token_hash, agent_id) VALUES (?1, ?2)",
        args![token_hash, agent_id],
    )?;
    Ok(())
}

pub fn put_macro(w: &mut Writer<'_>, m: &Macro) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO macros (id, json) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        args![m.id, to_json(m)?],
        EntityKind::Macro,
        &m.id.to_string(),
    )
}

pub fn put_survey(w: &mut Writer<'_>, s: &SurveyResponse) -> sql::Result<()> {
    upsert(
        w,
        "INSERT INTO surveys (id, customer_id, kind, score, created_at, json, ticket_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json, score = excluded.score,
             created_at = excluded.created_at",
        args![
            s.id,
            s.customer_id,
            s.kind.as_str(),
            s.score,
            millis(s.created_at),
            to_json(s)?,
            s.ticket_id
        ],
        EntityKind::Survey,
        &s.id.to_string(),
    )
}

/// The answer kept for an idempotent request, with the fingerprint of the
/// request it answered.
pub struct StoredAnswer {
    pub fingerprint: String,
    pub status: u16,
    pub response: String,
}

/// What `caller` was answered the first time it sent `key`, if it has.
pub fn idempotent_answer(
    conn: &Conn,
    caller: AgentId,
    key: &str,
) -> sql::Result<Option<StoredAnswer>> {
    conn.query_opt(
        "SELECT fingerprint, status, response FROM idempotency WHERE agent_id = ?1 AND key = ?2",
        args![caller, key],
        |r| {
            Ok(StoredAnswer {
                fingerprint: r.get(0)?,
                status: r.get(1)?,
                response: r.get(2)?,
            })
        },
    )
}

/// Keeps the answer to `caller`'s request under `key` for replays.
pub fn put_idempotent_answer(
    w: &Writer<'_>,
    caller: AgentId,
    key: &str,
    answer: &StoredAnswer,
    at: sahaya_protocol::domain::Timestamp,
) -> sql::Result<()> {
    w.tx.execute(
        "INSERT INTO idempotency (agent_id, key, fingerprint, status, response, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        args![
            caller,
            key,
            answer.fingerprint,
            answer.status,
            answer.response,
            millis(at)
        ],
    )?;
    Ok(())
}

/// The next free integer id of `table`.
pub fn next_id(conn: &Conn, table: &str) -> sql::Result<i64> {
    // `table` is always one of our own constant names, never user input.
    conn.value(
        &format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"),
        &[],
    )
}

fn one<T: serde::de::DeserializeOwned>(
    conn: &Conn,
    sql: &str,
    p: &[Arg<'_>],
) -> sql::Result<Option<T>> {
    let json: Option<String> = conn.query_opt(sql, p, |r| r.get(0))?;
    json.map(|j| from_json(&j)).transpose()
}

fn many<T: serde::de::DeserializeOwned>(
    conn: &Conn,
    sql: &str,
    p: &[Arg<'_>],
) -> sql::Result<Vec<T>> {
    conn.query_map(sql, p, |r| from_json(&r.get::<String>(0)?))
}

pub fn ticket(conn: &Conn, id: TicketId) -> sql::Result<Option<Ticket>> {
    one(conn, "SELECT json FROM tickets WHERE id = ?1", args![id])
}

pub fn message(conn: &Conn, id: MessageId) -> sql::Result<Option<Message>> {
    one(conn, "SELECT json FROM messages WHERE id = ?1", args![id])
}

pub fn messages_of(conn: &Conn, ticket_id: TicketId) -> sql::Result<Vec<Message>> {
    many(
        conn,
        "SELECT json FROM messages WHERE ticket_id = ?1 ORDER BY id",
        args![ticket_id],
    )
}

pub fn customer(conn: &Conn, id: i64) -> sql::Result<Option<Customer>> {
    one(conn, "SELECT json FROM customers WHERE id = ?1", args![id])
}

pub fn customer_by_handle(
    conn: &Conn,
    channel: sahaya_protocol::domain::Channel,
    value: &str,
) -> sql::Result<Option<i64>> {
    conn.query_opt(
        "SELECT customer_id FROM customer_handles WHERE channel = ?1 AND value = ?2",
        args![channel.as_str(), normalize_handle(value)],
        |r| r.get(0),
    )
}

/// Every customer's id, in order.
pub fn customer_ids(conn: &Conn) -> sql::Result<Vec<i64>> {
    conn.query_map("SELECT id FROM customers ORDER BY id", &[], |r| r.get(0))
}

/// The customer's most recently updated ticket on `channel` that is not
/// closed: where a new message from them goes.
pub fn latest_open_ticket(
    conn: &Conn,
    customer_id: i64,
    channel: sahaya_protocol::domain::Channel,
) -> sql::Result<Option<TicketId>> {
    conn.query_opt(
        "SELECT id FROM tickets WHERE customer_id = ?1 AND channel = ?2
         AND status NOT IN ('closed') ORDER BY updated_at DESC LIMIT 1",
        args![customer_id, channel.as_str()],
        |r| r.get(0),
    )
}

pub fn order(conn: &Conn, id: &str) -> sql::Result<Option<Order>> {
    one(conn, "SELECT json FROM orders WHERE id = ?1", args![id])
}

pub fn orders_of(conn: &Conn, customer_id: i64) -> sql::Result<Vec<Order>> {
    let mut orders: Vec<Order> = many(
        conn,
        "SELECT json FROM orders WHERE customer_id = ?1",
        args![customer_id],
    )?;
    orders.sort_by_key(|o| std::cmp::Reverse(o.placed_at));
    Ok(orders)
}

pub fn actions_of_customer(conn: &Conn, customer_id: i64) -> sql::Result<Vec<OrderAction>> {
    many(
        conn,
        "SELECT json FROM order_actions WHERE customer_id = ?1 ORDER BY id DESC",
        args![customer_id],
    )
}

pub fn actions_of_order(conn: &Conn, order_id: &str) -> sql::Result<Vec<OrderAction>> {
    many(
        conn,
        "SELECT json FROM order_actions WHERE order_id = ?1 ORDER BY id",
        args![order_id],
    )
}

pub fn surveys_of(conn: &Conn, customer_id: i64) -> sql::Result<Vec<SurveyResponse>> {
    many(
        conn,
        "SELECT json FROM surveys WHERE customer_id = ?1 ORDER BY created_at DESC",
        args![customer_id],
    )
}

pub fn tickets_of_customer(conn: &Conn, customer_id: i64) -> sql::Result<Vec<TicketSummary>> {
    let tickets: Vec<Ticket> = many(
        conn,
        "SELECT json FROM tickets WHERE customer_id = ?1 ORDER BY created_at DESC LIMIT 200",
        args![customer_id],
    )?;
    Ok(tickets.iter().map(TicketSummary::from).collect())
}

pub fn agent(conn: &Conn, id: i64) -> sql::Result<Option<Agent>> {
    one(conn, "SELECT json FROM agents WHERE id = ?1", args![id])
}

pub fn agents(conn: &Conn) -> sql::Result<Vec<Agent>> {
    many(conn, "SELECT json FROM agents ORDER BY id", &[])
}

pub fn agent_by_token_hash(conn: &Conn, hash: &str) -> sql::Result<Option<Agent>> {
    one(
        conn,
        "SELECT a.json FROM tokens t JOIN agents a ON a.id = t.agent_id WHERE t.token_hash = ?1",
        args![hash],
    )
}

/// The macros not deleted, by id.
pub fn macros(conn: &Conn) -> sql::Result<Vec<Macro>> {
    let all: Vec<Macro> = many(conn, "SELECT json FROM macros ORDER BY id", &[])?;
    Ok(all.into_iter().filter(|m| !m.deleted).collect())
}

/// Macro `id`, deleted or not.
pub fn macro_by_id(conn: &Conn, id: i64) -> sql::Result<Option<Macro>> {
    one(conn, "SELECT json FROM macros WHERE id = ?1", args![id])
}

/// The current state of a changed entity, for the change feed.
pub fn entity(conn: &Conn, kind: EntityKind, id: &str) -> sql::Result<Option<Entity>> {
    let table = match kind {
        EntityKind::Ticket => "tickets",
        EntityKind::Message => "messages",
        EntityKind::Customer => "customers",
        EntityKind::Order => "orders",
        EntityKind::OrderAction => "order_actions",
        EntityKind::Agent => "agents",
        EntityKind::Macro => "macros",
        EntityKind::Survey => "surveys",
    };
    let sql = format!("SELECT json FROM {table} WHERE id = ?1");
    let json: Option<String> = if kind == EntityKind::Order {
        conn.query_opt(&sql, args![id], |r| r.get(0))?
    } else {
        let Ok(n) = id.parse::<i64>() else {
            return Ok(None);
        };
        conn.query_opt(&sql, args![n], |r| r.get(0))?
    };
    let Some(json) = json else { return Ok(None) };
    Ok(Some(match kind {
        EntityKind::Ticket => Entity::Ticket(from_json(&json)?),
        EntityKind::Message => Entity::Message(from_json(&json)?),
        EntityKind::Customer => Entity::Customer(from_json(&json)?),
        EntityKind::Order => Entity::Order(from_json(&json)?),
        EntityKind::OrderAction => Entity::OrderAction(from_json(&json)?),
        EntityKind::Agent => Entity::Agent(from_json(&json)?),
        EntityKind::Macro => Entity::Macro(from_json(&json)?),
        EntityKind::Survey => Entity::Survey(from_json(&json)?),
    }))
}
