//! Writing server data into the cache: the change feed and the server's
//! answers to outbox entries.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};

use super::counts::{self, CountKey};
use super::entry::{OutboxOp, STATE_ACTIVE_SQL};
use super::error::{Result, decode, encode};
use super::fts::{Indexed, Pending};
use super::lookup;
use super::patch::apply_patch;
use super::store::{META_CURSOR, Store, set_meta};
use super::time::{from_millis, millis};
use sahaya_protocol::domain::{
    Agent, Customer, Macro, Message, Order, OrderAction, Status, SurveyResponse, Ticket, TicketId,
};
use sahaya_protocol::wire::{Change, Entity};

/// Where an entity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The change feed: the latest state, always wins (except over a newer
    /// version of the same ticket or record).
    Feed,
    /// The answer to one of our own requests: may be older than what the feed
    /// already brought, so it never overwrites a message.
    Answer,
}

impl Store {
    /// Applies one page of the change feed and stores `next_cursor`, all in
    /// one transaction. Applying the same changes again is harmless.
    pub fn apply_changes(&mut self, changes: &[Change], next_cursor: i64) -> Result<()> {
        let sla_horizon = super::read::horizon(self.now());
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let patched = tickets_with_active_patches(&tx)?;
        let mut refresh: HashSet<TicketId> = HashSet::new();
        let mut fts = Pending::default();
        for change in changes {
            put_entity(&tx, &change.entity, Source::Feed, &mut fts)?;
            if let Entity::Ticket(t) = &change.entity
                && patched.contains(&t.id)
            {
                refresh.insert(t.id);
            }
        }
        for id in refresh {
            refresh_ticket(&tx, id)?;
        }
        set_meta(&tx, META_CURSOR, &next_cursor.to_string())?;
        counts::advance_sla(&tx, sla_horizon)?;
        super::fts::commit(tx, fts)?;
        self.wrote();
        Ok(())
    }
}

/// Stores one entity. Tickets are written as the server's copy; the caller
/// re-applies pending patches with [`refresh_ticket`] where there are any.
pub(crate) fn put_entity(
    conn: &Connection,
    entity: &Entity,
    source: Source,
    fts: &mut Pending,
) -> Result<()> {
    match entity {
        Entity::Ticket(t) => put_server_ticket(conn, t, fts).map(|_| ()),
        Entity::Message(m) => put_message(conn, m, source, fts),
        Entity::Customer(c) => put_customer(conn, c, fts),
        Entity::Order(o) => put_order(conn, o),
        Entity::OrderAction(a) => put_action(conn, a),
        Entity::Agent(a) => put_agent(conn, a),
        Entity::Macro(m) => put_macro(conn, m),
        Entity::Survey(s) => put_survey(conn, s),
    }
}

pub(crate) fn open_class(status: Status) -> i64 {
    match status {
        Status::New | Status::Open => 0,
        Status::Pending | Status::OnHold => 1,
        Status::Solved | Status::Closed => 2,
    }
}

/// Writes the server's copy of a ticket unless the cache already holds a
/// newer version. Returns whether it was written.
pub(crate) fn put_server_ticket(conn: &Connection, t: &Ticket, fts: &mut Pending) -> Result<bool> {
    let json = encode("ticket", t)?;
    let old: Option<(String, CountKey)> = conn
        .prepare_cached(
            "SELECT subject, open_class, assignee_id, next_due FROM tickets WHERE id = ?1",
        )?
        .query_row(params![t.id], |r| {
            Ok((
                r.get(0)?,
                CountKey {
                    open_class: r.get(1)?,
                    assignee: r.get(2)?,
                    next_due: r.get(3)?,
                },
            ))
        })
        .optional()?;
    let new_key = CountKey {
        open_class: open_class(t.status),
        assignee: t.assignee_id,
        next_due: millis(t.sla.next_due()),
    };
    let changed = conn
        .prepare_cached(
            "INSERT INTO tickets (id, subject, status, open_class, active, assignee_id, customer_id,
                 next_due, created_at, updated_at, version, json, server_json,
                 priority, channel, grp, tags, order_id, rev)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, ?13, ?14, ?15, ?16, ?17,
                 (SELECT IFNULL(MAX(rev), 0) + 1 FROM tickets))
             ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, status = excluded.status,
                 open_class = excluded.open_class, active = excluded.active,
                 assignee_id = excluded.assignee_id, customer_id = excluded.customer_id,
                 next_due = excluded.next_due, created_at = excluded.created_at,
                 updated_at = excluded.updated_at, version = excluded.version,
                 json = excluded.json, server_json = NULL, priority = excluded.priority,
                 channel = excluded.channel, grp = excluded.grp, tags = excluded.tags,
                 order_id = excluded.order_id, rev = excluded.rev
             WHERE excluded.version >= tickets.version",
        )?
        .execute(params![
            t.id,
            t.subject,
            t.status.as_str(),
            new_key.open_class,
            t.status.is_active(),
            new_key.assignee,
            t.customer_id,
            new_key.next_due,
            millis(t.created_at),
            millis(t.updated_at),
            t.version,
            json,
            t.priority.as_str(),
            t.channel.as_str(),
            t.group,
            tags_column(&t.tags),
            t.order_id,
        ])?;
    if changed > 0 {
        counts::moved(conn, old.as_ref().map(|o| o.1), Some(new_key))?;
        match old {
            None => fts.added(Indexed::TicketSubject, t.id),
            Some((old, _)) if old != t.subject => fts.changed(Indexed::TicketSubject, t.id, old),
            Some(_) => {}
        }
    }
    Ok(changed > 0)
}

/// Ticket ids with patches still waiting in the outbox.
pub(crate) fn tickets_with_active_patches(conn: &Connection) -> Result<HashSet<TicketId>> {
    let sql = format!(
        "SELECT DISTINCT ticket_id FROM outbox
         WHERE state IN {STATE_ACTIVE_SQL} AND kind = 'patch' AND ticket_id IS NOT NULL"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
    let mut out = HashSet::new();
    for id in rows {
        out.insert(id?);
    }
    Ok(out)
}

/// Recomputes the ticket the UI sees: the server's copy with this agent's
/// pending and in-flight patches applied in the order they were made.
pub(crate) fn refresh_ticket(conn: &Connection, id: TicketId) -> Result<()> {
    let row: Option<(String, Option<String>, CountKey)> = conn
        .prepare_cached(
            "SELECT json, server_json, open_class, assignee_id, next_due FROM tickets WHERE id = ?1",
        )?
        .query_row(params![id], |r| {
            let key = CountKey {
                open_class: r.get(2)?,
                assignee: r.get(3)?,
                next_due: r.get(4)?,
            };
            Ok((r.get(0)?, r.get(1)?, key))
        })
        .optional()?;
    let Some((json, server_json, old_key)) = row else {
        return Ok(());
    };
    let server_text = server_json.unwrap_or(json);
    let server: Ticket = decode("ticket", id, &server_text)?;

    let sql = format!(
        "SELECT id, op, created_at FROM outbox
         WHERE ticket_id = ?1 AND kind = 'patch' AND state IN {STATE_ACTIVE_SQL} ORDER BY id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![id])?;
    let mut effective = server.clone();
    let mut patched = false;
    while let Some(row) = rows.next()? {
        let entry_id: i64 = row.get(0)?;
        let op: OutboxOp = decode("outbox entry", entry_id, &row.get::<_, String>(1)?)?;
        let at = from_millis("outbox entry", entry_id, row.get(2)?)?;
        if let OutboxOp::Patch { patch, .. } = op {
            apply_patch(&mut effective, &patch, at);
            patched = true;
        }
    }
    let (json, server_json) = if patched {
        (encode("ticket", &effective)?, Some(server_text))
    } else {
        (server_text, None)
    };
    let new_key = CountKey {
        open_class: open_class(effective.status),
        assignee: effective.assignee_id,
        next_due: millis(effective.sla.next_due()),
    };
    conn.prepare_cached(
        "UPDATE tickets SET status = ?2, open_class = ?3, active = ?4, assignee_id = ?5,
             next_due = ?6, updated_at = ?7, json = ?8, server_json = ?9, priority = ?10,
             channel = ?11, grp = ?12, tags = ?13, order_id = ?14,
             rev = (SELECT IFNULL(MAX(rev), 0) + 1 FROM tickets)
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        effective.status.as_str(),
        new_key.open_class,
        effective.status.is_active(),
        new_key.assignee,
        new_key.next_due,
        millis(effective.updated_at),
        json,
        server_json,
        effective.priority.as_str(),
        effective.channel.as_str(),
        effective.group,
        tags_column(&effective.tags),
        effective.order_id,
    ])?;
    counts::moved(conn, Some(old_key), Some(new_key))
}

/// Tags as `tickets.tags` holds them: joined by U+001F (which a tag, being
/// normalized text from the server, does not contain).
fn tags_column(tags: &[String]) -> String {
    tags.join("\u{1f}")
}

/// The message as stored in `messages.json`: everything but the body.
fn message_meta_json(m: &Message) -> Result<String> {
    #[derive(serde::Serialize)]
    struct Meta<'a> {
        id: sahaya_protocol::domain::MessageId,
        ticket_id: TicketId,
        kind: &'a sahaya_protocol::domain::MessageKind,
        author: &'a sahaya_protocol::domain::Author,
        channel: &'a sahaya_protocol::domain::Channel,
        created_at: &'a sahaya_protocol::domain::Timestamp,
        delivery: &'a sahaya_protocol::domain::Delivery,
        #[serde(skip_serializing_if = "Option::is_none")]
        delivery_error: &'a Option<String>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        attachments: &'a [sahaya_protocol::domain::Attachment],
    }
    // Every field of `Message` but `body`: a new field fails to compile here.
    let Message {
        id,
        ticket_id,
        kind,
        author,
        channel,
        body: _,
        created_at,
        delivery,
        delivery_error,
        attachments,
    } = m;
    encode(
        "message",
        &Meta {
            id: *id,
            ticket_id: *ticket_id,
            kind,
            author,
            channel,
            created_at,
            delivery,
            delivery_error,
            attachments,
        },
    )
}

fn put_message(conn: &Connection, m: &Message, source: Source, fts: &mut Pending) -> Result<()> {
    let written = write_message(conn, m, source, fts)?;
    if written {
        super::undelivered::track(conn, m)?;
    }
    Ok(())
}

/// Writes the message; false when an older answer was not written over it.
fn write_message(
    conn: &Connection,
    m: &Message,
    source: Source,
    fts: &mut Pending,
) -> Result<bool> {
    let meta = message_meta_json(m)?;
    let created_at = millis(m.created_at);
    let inserted = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO messages (id, ticket_id, created_at, body, json)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![m.id, m.ticket_id, created_at, m.body, meta])?;
    if inserted > 0 {
        fts.added(Indexed::MessageBody, m.id);
        return Ok(true);
    }
    // Known already. An answer to our own request may be older than what
    // the feed brought: it never overwrites. The feed's copy always wins.
    if source == Source::Answer {
        return Ok(false);
    }
    let old_body: Option<String> = conn
        .prepare_cached("SELECT body FROM messages WHERE id = ?1")?
        .query_row(params![m.id], |r| r.get(0))
        .optional()?;
    conn.prepare_cached(
        "UPDATE messages SET ticket_id = ?2, created_at = ?3, body = ?4, json = ?5 WHERE id = ?1",
    )?
    .execute(params![m.id, m.ticket_id, created_at, m.body, meta])?;
    if let Some(old) = old_body
        && old != m.body
    {
        fts.changed(Indexed::MessageBody, m.id, old);
    }
    Ok(true)
}

fn put_customer(conn: &Connection, c: &Customer, fts: &mut Pending) -> Result<()> {
    let old_name: Option<String> = conn
        .prepare_cached("SELECT name FROM customers WHERE id = ?1")?
        .query_row(params![c.id], |r| r.get(0))
        .optional()?;
    let changed = conn
        .prepare_cached(
            "INSERT INTO customers (id, name, updated_at, json, lang) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at,
                 json = excluded.json, lang = excluded.lang
             WHERE excluded.updated_at >= customers.updated_at",
        )?
        .execute(params![
            c.id,
            c.name,
            millis(c.updated_at),
            encode("customer", c)?,
            lookup::lang_key(&c.preferred_language),
        ])?;
    if changed > 0 {
        lookup::put_customer_keys(conn, c)?;
        match old_name {
            None => fts.added(Indexed::CustomerName, c.id),
            Some(old) if old != c.name => fts.changed(Indexed::CustomerName, c.id, old),
            Some(_) => {}
        }
    }
    Ok(())
}

fn put_order(conn: &Connection, o: &Order) -> Result<()> {
    let changed = conn.prepare_cached(
        "INSERT INTO orders (id, customer_id, placed_at, updated_at, json) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id,
             placed_at = excluded.placed_at, updated_at = excluded.updated_at, json = excluded.json
         WHERE excluded.updated_at >= orders.updated_at",
    )?
    .execute(params![o.id, o.customer_id, millis(o.placed_at), millis(o.updated_at), encode("order", o)?])?;
    if changed > 0 {
        lookup::put_order_keys(conn, o)?;
    }
    Ok(())
}

fn put_action(conn: &Connection, a: &OrderAction) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO order_actions (id, order_id, customer_id, updated_at, json) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id,
             customer_id = excluded.customer_id, updated_at = excluded.updated_at, json = excluded.json
         WHERE excluded.updated_at >= order_actions.updated_at",
    )?
    .execute(params![a.id, a.order_id, a.customer_id, millis(a.updated_at), encode("order action", a)?])?;
    Ok(())
}

fn put_agent(conn: &Connection, a: &Agent) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO agents (id, name, json) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json",
    )?
    .execute(params![a.id, a.name, encode("agent", a)?])?;
    Ok(())
}

fn put_macro(conn: &Connection, m: &Macro) -> Result<()> {
    if m.deleted {
        // A supervisor deleted it: the tombstone removes it here.
        conn.prepare_cached("DELETE FROM macros WHERE id = ?1")?
            .execute(params![m.id])?;
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO macros (id, json) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json",
    )?
    .execute(params![m.id, encode("macro", m)?])?;
    Ok(())
}

fn put_survey(conn: &Connection, s: &SurveyResponse) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO surveys (id, customer_id, created_at, json, ticket_id, kind, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id,
             created_at = excluded.created_at, json = excluded.json,
             ticket_id = excluded.ticket_id, kind = excluded.kind, score = excluded.score",
    )?
    .execute(params![
        s.id,
        s.customer_id,
        millis(s.created_at),
        encode("survey", s)?,
        s.ticket_id,
        s.kind.as_str(),
        s.score,
    ])?;
    Ok(())
}
