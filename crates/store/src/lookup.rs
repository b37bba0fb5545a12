//! Keeping `lookup_keys` in step with customers and orders: every phone
//! number, e-mail address and social handle of a customer, every order id
//! and tracking number, normalized by `sahaya_query::keys` so that what an
//! agent types meets them however either side wrote them.

use rusqlite::{Connection, params};

use sahaya_protocol::domain::{Channel, Customer, Order};
use sahaya_query::keys;

/// What a key is, as stored in `lookup_keys.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// A full phone number with its country code.
    Phone = 1,
    Email = 2,
    Handle = 3,
    Order = 4,
    Tracking = 5,
    /// The national part of a phone number whose country is known.
    PhoneNational = 6,
    /// A phone number stored without a country code.
    PhoneLocal = 7,
}

impl KeyKind {
    pub fn of_phone(kind: keys::PhoneKind) -> KeyKind {
        match kind {
            keys::PhoneKind::International => KeyKind::Phone,
            keys::PhoneKind::National => KeyKind::PhoneNational,
            keys::PhoneKind::Local => KeyKind::PhoneLocal,
        }
    }
}

/// The keys of one contact handle of a customer.
fn handle_keys(channel: Channel, value: &str) -> Vec<(KeyKind, String)> {
    let phone_channel = matches!(channel, Channel::Phone | Channel::WhatsApp);
    if keys::is_email(value) {
        vec![(KeyKind::Email, keys::email_key(value))]
    } else if phone_channel || keys::is_phone_like(value) {
        keys::phone_keys(value)
            .into_iter()
            .map(|(kind, k)| (KeyKind::of_phone(kind), k))
            .collect()
    } else {
        keys::handle_keys(value)
            .into_iter()
            .map(|k| (KeyKind::Handle, k))
            .collect()
    }
}

/// The primary language subtag, lower case (`kn` of `kn-IN`).
pub(crate) fn lang_key(preferred: &str) -> String {
    preferred
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Replaces the handle keys of `c`.
pub(crate) fn put_customer_keys(conn: &Connection, c: &Customer) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM lookup_keys WHERE customer_id = ?1 AND order_id IS NULL")?
        .execute(params![c.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO lookup_keys (key, kind, customer_id, order_id) VALUES (?1, ?2, ?3, NULL)",
    )?;
    let mut seen: Vec<(KeyKind, String)> = Vec::new();
    for h in &c.handles {
        for (kind, key) in handle_keys(h.channel, &h.value) {
            if key.is_empty() || seen.contains(&(kind, key.clone())) {
                continue;
            }
            insert.execute(params![key, kind as i64, c.id])?;
            seen.push((kind, key));
        }
    }
    Ok(())
}

/// Replaces the keys of order `o`: its id and tracking number.
pub(crate) fn put_order_keys(conn: &Connection, o: &Order) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM lookup_keys WHERE order_id = ?1")?
        .execute(params![o.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO lookup_keys (key, kind, customer_id, order_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let id_key = keys::order_key(&o.id);
    if !id_key.is_empty() {
        insert.execute(params![id_key, KeyKind::Order as i64, o.customer_id, o.id])?;
    }
    if let Some(s) = &o.shipment {
        let key = keys::order_key(&s.tracking_number);
        if !key.is_empty() {
            insert.execute(params![key, KeyKind::Tracking as i64, o.customer_id, o.id])?;
        }
    }
    Ok(())
}

/// Fills the keys and languages of every cached customer and order (the
/// migration that added them). Rows whose JSON does not decode are skipped:
/// they stay readable and the next copy from the server indexes them.
pub(crate) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    let customers: Vec<(i64, String)> = conn
        .prepare("SELECT id, json FROM customers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, json) in customers {
        if let Ok(c) = serde_json::from_str::<Customer>(&json) {
            put_customer_keys(conn, &c)?;
            conn.execute(
                "UPDATE customers SET lang = ?2 WHERE id = ?1",
                params![id, lang_key(&c.preferred_language)],
            )?;
        }
    }
    let orders: Vec<String> = conn
        .prepare("SELECT json FROM orders")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for json in orders {
        if let Ok(o) = serde_json::from_str::<Order>(&json) {
            put_order_keys(conn, &o)?;
        }
    }
    Ok(())
}

/// The end of the range of keys that start with `prefix` (for
/// `key >= prefix AND key < end`): keys compare as UTF-8 bytes, and no
/// char sorts after U+10FFFF.
pub(crate) fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}
