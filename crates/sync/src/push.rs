//! Pushing the outbox: in order, each entry with its own idempotency key, so
//! a retry after a lost answer never duplicates anything.

use std::collections::HashMap;

use sahaya_protocol::domain::TicketId;
use sahaya_protocol::wire::Entity;
use sahaya_store::{OutboxOp, Store};

use crate::backend::Backend;
use crate::client::ClientError;
use crate::error::SyncError;

#[derive(Default)]
pub struct Pusher {
    /// Ticket versions produced by our own writes, per ticket, so a patch
    /// queued after our own reply is not mistaken for a conflict.
    own_versions: HashMap<TicketId, Vec<i64>>,
    pub connected_once: bool,
}

pub struct PushOutcome {
    pub delivered_or_settled: usize,
    pub result: Result<(), SyncError>,
}

impl Pusher {
    pub async fn push<B: Backend>(&mut self, backend: &B, store: &mut Store) -> PushOutcome {
        let mut settled = 0;
        let entries = match store.outbox_pending() {
            Ok(entries) => entries,
            Err(e) => {
                tracing::error!("cannot read the outbox: {e}");
                return PushOutcome {
                    delivered_or_settled: 0,
                    result: Err(e.into()),
                };
            }
        };
        for entry in entries {
            if let Err(e) = store.mark_in_flight(entry.id) {
                tracing::error!("cannot mark outbox entry {}: {e}", entry.id);
                continue;
            }
            let if_match = match &entry.op {
                OutboxOp::Patch { ticket_id, .. } | OutboxOp::Merge { ticket_id, .. } => {
                    self.rebased(store, *ticket_id, entry.base_version.unwrap_or(0))
                }
                _ => 0,
            };
            // A merge's target moves on by our own earlier writes too (the
            // merge of another marked ticket into it).
            let mut entry = entry;
            if let OutboxOp::Merge {
                into, into_version, ..
            } = &mut entry.op
            {
                *into_version = self.rebased(store, *into, *into_version);
            }
            let files = match files_of(store, &entry) {
                Ok(files) => files,
                Err(e) => {
                    tracing::error!("cannot read the files of outbox entry {}: {e}", entry.id);
                    return PushOutcome {
                        delivered_or_settled: settled,
                        result: Err(e),
                    };
                }
            };
            match backend.push(&entry, if_match, &files).await {
                Ok(entities) => {
                    for entity in &entities {
                        if let Entity::Ticket(t) = entity {
                            self.own_versions.entry(t.id).or_default().push(t.version);
                        }
                    }
                    if let Err(e) = store.mark_done_all(entry.id, &entities) {
                        tracing::error!("cannot record delivery of {}: {e}", entry.id);
                    }
                    settled += 1;
                }
                Err(ClientError::Conflict { current }) => {
                    let message = format!(
                        "ticket {} changed meanwhile (now version {})",
                        current.id, current.version
                    );
                    if let Err(e) = store.mark_conflict(entry.id, &current, &message) {
                        tracing::error!("cannot record conflict of {}: {e}", entry.id);
                    }
                    settled += 1;
                }
                Err(ClientError::Rejected { code, message, .. }) => {
                    if let Err(e) = store.mark_rejected(entry.id, &code, &message) {
                        tracing::error!("cannot record rejection of {}: {e}", entry.id);
                    }
                    settled += 1;
                }
                Err(err) => {
                    // Not delivered (or we cannot know): back to pending, and
                    // retried with the same key next time.
                    if let Err(e) = store.mark_failed(entry.id, &err.user_message()) {
                        tracing::error!("cannot record failure of {}: {e}", entry.id);
                    }
                    return PushOutcome {
                        delivered_or_settled: settled,
                        result: Err(err.into()),
                    };
                }
            }
        }
        PushOutcome {
            delivered_or_settled: settled,
            result: Ok(()),
        }
    }

    /// `base` moved forward over the versions of `ticket_id` our own
    /// writes produced, up to the cached one.
    fn rebased(&self, store: &Store, ticket_id: TicketId, base: i64) -> i64 {
        let cached = match store.server_version(ticket_id) {
            Ok(v) => v,
            Err(e) => {
                tracing::error!("cannot read ticket {ticket_id}'s version: {e}");
                None
            }
        };
        self.effective_base(ticket_id, base, cached)
    }

    /// The version to send in If-Match: the one the patch was based on, moved
    /// forward over versions that only our own writes produced.
    fn effective_base(&self, ticket_id: TicketId, base: i64, cached: Option<i64>) -> i64 {
        let Some(current) = cached else { return base };
        let own = self.own_versions.get(&ticket_id);
        let mut v = base;
        while v < current && own.is_some_and(|versions| versions.contains(&(v + 1))) {
            v += 1;
        }
        v
    }
}

/// The files `entry` carries (a message's), with their bytes, in order.
fn files_of(
    store: &Store,
    entry: &sahaya_store::OutboxEntry,
) -> Result<Vec<sahaya_store::StagedFile>, SyncError> {
    if !matches!(entry.op, OutboxOp::Message { .. }) {
        return Ok(Vec::new());
    }
    Ok(store.outbox_files(entry.id)?)
}
