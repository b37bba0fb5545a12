//! Keyset paging: a window of a ticket list is read from a known position in
//! the list's order, never by skipping every row before it (`OFFSET`).
//!
//! Callers still ask by row number (the list keeps a number for its top
//! row). The store remembers, per list, one anchor: the row number and the
//! sort key of the first row it last returned. A page is read from the
//! nearest known position: the start, the end (the list's length is known
//! from the counts) or the anchor (scrolling: a few rows from it). Each read
//! walks the list's index from that position for the rows it returns plus
//! the distance moved, so moving at the end of a long list costs what it
//! costs at the top.
//!
//! When the cache changes, rows may have entered or left before the anchor.
//! An anchor near the top is placed again exactly (its rows before it are
//! counted: a short index range); a deeper one keeps its row number, so the
//! rows the agent is looking at stay put and numbers below it are relative
//! to them until the list is read from its start or its end again.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{CachedStatement, Connection};

use super::error::Result;
use super::store::Store;
use sahaya_protocol::domain::TicketId;

/// Up to this row number an anchor is placed again exactly after a change.
const EXACT_UP_TO: i64 = 5_000;
/// Lists whose anchors are remembered at once.
const ANCHORS_KEPT: usize = 32;

/// The order of a list: by next deadline (earliest first) or by last
/// change (latest first); ties by id in the same direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    DueAsc,
    UpdatedDesc,
}

impl Order {
    fn column(self) -> &'static str {
        match self {
            Order::DueAsc => "next_due",
            Order::UpdatedDesc => "updated_at",
        }
    }

    /// Whether walking the list forward walks its index ascending.
    fn ascending(self) -> bool {
        self == Order::DueAsc
    }
}

/// A position in a list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    value: i64,
    id: TicketId,
}

/// A ticket list: its rows (an SQL condition over `tickets` with its
/// parameters, by name: `:me`, or `?1` for positional ones) and their order.
pub(crate) struct List {
    /// What the anchor is remembered under (the view or filter and whatever
    /// changes its rows).
    pub name: String,
    pub condition: String,
    pub params: Vec<(String, Value)>,
    pub order: Order,
    /// How many rows the list has, when known cheaply.
    pub len: Option<i64>,
}

/// Where a list was last read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    offset: i64,
    key: Key,
    generation: u64,
}

/// The anchors of the lists read lately.
#[derive(Debug, Default)]
pub(crate) struct Anchors(HashMap<String, Anchor>);

/// Walks `list` forward (in its order) or backward from `from` (the key and
/// whether it is itself included; None: from the list's start, or its end
/// walking backward), skipping `skip` rows, for at most `limit` rows.
fn walk(
    conn: &Connection,
    list: &List,
    forward: bool,
    from: Option<(Key, bool)>,
    skip: i64,
    limit: i64,
) -> Result<Vec<Key>> {
    if limit <= 0 {
        return Ok(Vec::new());
    }
    let sql = walk_sql(list, forward, from.map(|(_, inclusive)| inclusive));
    let mut stmt = conn.prepare_cached(&sql)?;
    bind(&mut stmt, &list.params)?;
    let mut values = vec![
        (":limit".to_string(), Value::Integer(limit)),
        (":skip".to_string(), Value::Integer(skip.max(0))),
    ];
    if let Some((key, _)) = from {
        values.push((":kv".to_string(), Value::Integer(key.value)));
        values.push((":kid".to_string(), Value::Integer(key.id)));
    }
    bind(&mut stmt, &values)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(Key {
            value: row.get(0)?,
            id: row.get(1)?,
        });
    }
    Ok(out)
}

/// The statement of [`walk`]: `bound` is None from an end, else whether
/// the key's own row is included.
pub(crate) fn walk_sql(list: &List, forward: bool, bound: Option<bool>) -> String {
    let col = list.order.column();
    let up = list.order.ascending() == forward;
    let (dir, cmp, strict) = if up {
        ("ASC", ">=", ">")
    } else {
        ("DESC", "<=", "<")
    };
    let bound = match bound {
        None => String::new(),
        Some(inclusive) => {
            let id_cmp = if inclusive { cmp } else { strict };
            format!(" AND {col} {cmp} :kv AND ({col} {strict} :kv OR id {id_cmp} :kid)")
        }
    };
    format!(
        "SELECT {col}, id FROM tickets WHERE ({}){bound} ORDER BY {col} {dir}, id {dir} \
         LIMIT :limit OFFSET :skip",
        list.condition
    )
}

/// Rows of `list` before `key`: the anchor's exact row number now.
fn rows_before(conn: &Connection, list: &List, key: Key) -> Result<i64> {
    let col = list.order.column();
    let (cmp, strict) = if list.order.ascending() {
        ("<=", "<")
    } else {
        (">=", ">")
    };
    let sql = format!(
        "SELECT COUNT(*) FROM tickets WHERE ({}) AND {col} {cmp} :kv AND ({col} {strict} :kv OR id {strict} :kid)",
        list.condition
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    bind(&mut stmt, &list.params)?;
    bind(
        &mut stmt,
        &[
            (":kv".to_string(), Value::Integer(key.value)),
            (":kid".to_string(), Value::Integer(key.id)),
        ],
    )?;
    let mut rows = stmt.raw_query();
    match rows.next()? {
        Some(row) => Ok(row.get(0)?),
        None => Ok(0),
    }
}

/// Binds the named parameters a statement uses.
fn bind(stmt: &mut CachedStatement<'_>, values: &[(String, Value)]) -> Result<()> {
    for (name, value) in values {
        if let Some(index) = stmt.parameter_index(name)? {
            stmt.raw_bind_parameter(index, value)?;
        }
    }
    Ok(())
}

impl Store {
    /// Ids of rows `offset .. offset + limit` of `list`.
    pub(crate) fn page(&self, list: &List, offset: i64, limit: i64) -> Result<Vec<TicketId>> {
        if limit <= 0 {
            return Ok(Vec::new());
        }
        let x = offset.max(0);
        let generation = self.generation()?;
        let anchor = self.anchor(list, generation)?;
        let keys = self.read_window(list, anchor, x, limit)?;
        if let Some(first) = keys.first() {
            let mut anchors = self.anchors.borrow_mut();
            if anchors.0.len() >= ANCHORS_KEPT && !anchors.0.contains_key(&list.name) {
                anchors.0.clear();
            }
            anchors.0.insert(
                list.name.clone(),
                Anchor {
                    offset: x,
                    key: *first,
                    generation,
                },
            );
        }
        Ok(keys.into_iter().map(|k| k.id).collect())
    }

    /// The remembered anchor of `list`, placed again after a change when
    /// that is cheap.
    fn anchor(&self, list: &List, generation: u64) -> Result<Option<Anchor>> {
        let Some(mut a) = self.anchors.borrow().0.get(&list.name).copied() else {
            return Ok(None);
        };
        if a.generation != generation && a.offset <= EXACT_UP_TO {
            a.offset = rows_before(&self.conn, list, a.key)?;
            a.generation = generation;
        }
        Ok(Some(a))
    }

    /// Rows `x .. x + limit` from the nearest known position.
    fn read_window(
        &self,
        list: &List,
        anchor: Option<Anchor>,
        x: i64,
        limit: i64,
    ) -> Result<Vec<Key>> {
        let conn = &self.conn;
        // Rows skipped walking back from the end.
        let from_end = list.len.map(|len| len - (x + limit).min(len));
        let at_an_end = x == 0 || from_end == Some(0);
        let near = anchor.filter(|a| {
            let d = (x - a.offset).abs();
            !at_an_end && (d <= limit || (d < x && from_end.is_none_or(|e| d < e)))
        });
        if let Some(a) = near {
            if x >= a.offset {
                return walk(conn, list, true, Some((a.key, true)), x - a.offset, limit);
            }
            let d = a.offset - x;
            let want = d.min(limit);
            let mut back = walk(conn, list, false, Some((a.key, false)), d - want, want)?;
            if back.len() as i64 == want {
                back.reverse();
                let more = limit - want;
                back.extend(walk(conn, list, true, Some((a.key, true)), 0, more)?);
                return Ok(back);
            }
            // Fewer rows before the anchor than its number says (rows left
            // the list): read from the start.
        }
        match (list.len, from_end) {
            (Some(len), Some(skip)) if skip < x => {
                let take = (x + limit).min(len) - x;
                let mut rows = walk(conn, list, false, None, skip, take)?;
                rows.reverse();
                Ok(rows)
            }
            _ => walk(conn, list, true, None, x, limit),
        }
    }
}

/// The query plans of every walk over `list` (forward and backward; from an
/// end, from a key with and without it), for tests: (statement, plan).
#[cfg(test)]
pub(crate) fn walk_plans(conn: &Connection, list: &List) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for forward in [true, false] {
        for bound in [None, Some(true), Some(false)] {
            let sql = walk_sql(list, forward, bound);
            let mut stmt = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .expect("plan");
            let mut values = list.params.clone();
            for name in [":kv", ":kid", ":limit", ":skip"] {
                values.push((name.to_string(), Value::Integer(1)));
            }
            for (name, value) in &values {
                if let Some(i) = stmt.parameter_index(name).expect("index") {
                    stmt.raw_bind_parameter(i, value).expect("bind");
                }
            }
            let mut rows = stmt.raw_query();
            let mut plan = Vec::new();
            while let Some(row) = rows.next().expect("row") {
                plan.push(row.get::<_, String>(3).expect("detail"));
            }
            out.push((sql, plan.join(" | ")));
        }
    }
    out
}
