//! The sahaya protocol as a [`Backend`]: the change feed, SSE, idempotency
//! keys and `If-Match`, all of which the reference server has (docs/api.md).

use sahaya_protocol::domain::Agent;
use sahaya_protocol::wire::{ChangesPage, Entity, MAX_CHANGES_LIMIT, NewMessage, PresenceUpdate};
use sahaya_store::{OutboxEntry, OutboxOp};

use crate::backend::{Backend, Capabilities, LiveEvents};
use crate::client::{Client, ClientError};

/// A sahaya reference server (or anything speaking its protocol).
#[derive(Debug, Clone)]
pub struct SahayaBackend {
    client: Client,
}

impl SahayaBackend {
    pub fn new(client: Client) -> Self {
        SahayaBackend { client }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }
}

impl Backend for SahayaBackend {
    fn capabilities(&self) -> Capabilities {
        Capabilities::ALL
    }

    async fn me(&self) -> Result<Agent, ClientError> {
        Ok(self.client.me().await?.agent)
    }

    async fn changes(&self, cursor: i64) -> Result<ChangesPage, ClientError> {
        self.client.changes(cursor, MAX_CHANGES_LIMIT).await
    }

    async fn live(&self, cursor: i64) -> Result<LiveEvents, ClientError> {
        Ok(Box::pin(self.client.events(Some(cursor)).await?))
    }

    async fn presence(&self, update: &PresenceUpdate) -> Result<(), ClientError> {
        self.client.put_presence(update).await
    }

    /// Every write carries the entry's idempotency key, so a retry after a
    /// lost answer gets the first answer and changes nothing.
    async fn push(&self, entry: &OutboxEntry, if_match: i64) -> Result<Vec<Entity>, ClientError> {
        let key = entry.key.as_str();
        let client = &self.client;
        match &entry.op {
            OutboxOp::Message {
                ticket_id,
                kind,
                body,
            } => {
                let req = NewMessage {
                    kind: *kind,
                    body: body.clone(),
                    attachments: Vec::new(),
                };
                let created = client.post_message(*ticket_id, key, &req).await?;
                Ok(vec![
                    Entity::Message(created.message),
                    Entity::Ticket(created.ticket),
                ])
            }
            OutboxOp::Patch { ticket_id, patch } => {
                let ticket = client
                    .patch_ticket_once(*ticket_id, if_match, key, patch)
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
