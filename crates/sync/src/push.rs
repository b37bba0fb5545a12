//! Pushing the outbox: in order, each entry with its own idempotency key, so
//! a retry after a lost answer never duplicates anything.

use std::collections::HashMap;

use crate::client::{Client, ClientError};
use sahaya_protocol::domain::TicketId;
use sahaya_protocol::wire::{Entity, NewMessage};
use sahaya_store::{OutboxEntry, OutboxOp, Store};

#[derive(Default)]
pub struct Pusher {
    /// Ticket versions produced by our own writes, per ticket, so a patch
    /// queued after our own reply is not mistaken for a conflict.
    own_versions: HashMap<TicketId, Vec<i64>>,
    pub connected_once: bool,
}

pub struct PushOutcome {
    pub delivered_or_settled: usize,
    pub result: Result<(), ClientError>,
}

impl Pusher {
    pub async fn push(&mut self, client: &Client, store: &mut Store) -> PushOutcome {
        let mut settled = 0;
        let entries = match store.outbox_pending() {
            Ok(entries) => entries,
            Err(e) => {
                tracing::error!("cannot read the outbox: {e}");
                return PushOutcome {
                    delivered_or_settled: 0,
                    result: Ok(()),
                };
            }
        };
        for entry in entries {
            if let Err(e) = store.mark_in_flight(entry.id) {
                tracing::error!("cannot mark outbox entry {}: {e}", entry.id);
                continue;
            }
            let cached = match &entry.op {
                OutboxOp::Patch { ticket_id, .. } => {
                    store.server_version(*ticket_id).ok().flatten()
                }
                _ => None,
            };
            match self.send(client, cached, &entry).await {
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
                        result: Err(err),
                    };
                }
            }
        }
        PushOutcome {
            delivered_or_settled: settled,
            result: Ok(()),
        }
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

    /// Sends one entry; answers with what the server made of it.
    async fn send(
        &self,
        client: &Client,
        cached: Option<i64>,
        entry: &OutboxEntry,
    ) -> Result<Vec<Entity>, ClientError> {
        let key = entry.key.as_str();
        match &entry.op {
            OutboxOp::Message {
                ticket_id,
                kind,
                body,
            } => {
                let req = NewMessage {
                    kind: *kind,
                    body: body.clone(),
                };
                let created = client.post_message(*ticket_id, key, &req).await?;
                Ok(vec![
                    Entity::Message(created.message),
                    Entity::Ticket(created.ticket),
                ])
            }
            OutboxOp::Patch { ticket_id, patch } => {
                let base = entry.base_version.unwrap_or(0);
                let version = self.effective_base(*ticket_id, base, cached);
                let ticket = client
                    .patch_ticket_once(*ticket_id, version, key, patch)
                    .await?;
                Ok(vec![Entity::Ticket(ticket)])
            }
            OutboxOp::OrderAction { order_id, request } => {
                let created = client.order_action(order_id, key, request).await?;
                Ok(vec![
                    Entity::OrderAction(created.action),
                    Entity::Order(created.order),
                ])
            }
            OutboxOp::Outbound(request) => {
                let created = client.outbound(key, request).await?;
                Ok(vec![
                    Entity::Ticket(created.ticket),
                    Entity::Message(created.message),
                ])
            }
        }
    }
}
