//! What only a ticket's history tells: its version (the id of its latest
//! transaction, which is also its ETag), how many messages it has, when the
//! customer last wrote and when the team first answered.
//!
//! The adapter keeps one [`Summary`] per ticket it has seen from its first
//! transaction on (an initial sync sees every ticket that way); a ticket met
//! half-way (after a restart) has its history read once to start one.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use sahaya_protocol::domain::{Channel, TicketId, Timestamp};

use super::wire;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The latest transaction folded in: the ticket's ETag.
    pub version: i64,
    pub messages: i64,
    pub last_customer_at: Option<Timestamp>,
    pub first_reply_at: Option<Timestamp>,
    /// The ticket's channel when last seen.
    pub channel: Option<Channel>,
}

impl Summary {
    /// Adds one transaction (in id order; ones already folded are skipped).
    pub fn fold(&mut self, txn: &wire::Transaction, requestors: &HashSet<i64>) {
        if txn.id <= self.version {
            return;
        }
        self.version = txn.id;
        let by_requestor = requestors.contains(&txn.creator.id);
        let at = wire::date(&txn.created);
        match txn.kind.as_str() {
            "Create" | "Correspond" | "Comment" => self.messages += 1,
            _ => return,
        }
        match txn.kind.as_str() {
            "Create" | "Correspond" if by_requestor => {
                self.last_customer_at = at.max(self.last_customer_at);
            }
            "Correspond" if self.first_reply_at.is_none() => self.first_reply_at = at,
            _ => {}
        }
    }
}

/// The summaries of the tickets seen so far.
#[derive(Debug, Default)]
pub struct Histories(Mutex<HashMap<TicketId, Summary>>);

impl Histories {
    pub fn get(&self, id: TicketId) -> Option<Summary> {
        self.lock().get(&id).cloned()
    }

    pub fn channel(&self, id: TicketId) -> Option<Channel> {
        self.lock().get(&id).and_then(|s| s.channel)
    }

    pub fn put(&self, id: TicketId, summary: Summary) {
        self.lock().insert(id, summary);
    }

    /// Forgets everything (the cache is being rebuilt from the start).
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<TicketId, Summary>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn txn(id: i64, kind: &str, by: i64, at: &str) -> wire::Transaction {
        wire::Transaction {
            id,
            kind: kind.into(),
            object_id: 1,
            creator: wire::User {
                id: by,
                ..Default::default()
            },
            created: at.into(),
            custom_fields: vec![],
        }
    }

    #[test]
    fn folds_messages_once_in_order() {
        let requestors = HashSet::from([35]);
        let mut s = Summary::default();
        let create = txn(40, "Create", 35, "2026-12-04T10:00:00Z");
        s.fold(&create, &requestors);
        s.fold(
            &txn(41, "EmailRecord", 1, "2026-12-04T10:00:01Z"),
            &requestors,
        );
        s.fold(
            &txn(42, "Correspond", 31, "2026-12-04T11:00:00Z"),
            &requestors,
        );
        s.fold(&txn(43, "Comment", 31, "2026-12-04T11:05:00Z"), &requestors);
        s.fold(
            &txn(44, "Correspond", 35, "2026-12-04T12:00:00Z"),
            &requestors,
        );
        s.fold(&create, &requestors);
        assert_eq!(s.version, 44);
        assert_eq!(s.messages, 4);
        assert_eq!(s.last_customer_at, wire::date("2026-12-04T12:00:00Z"));
        assert_eq!(s.first_reply_at, wire::date("2026-12-04T11:00:00Z"));
    }
}
