//! The sahaya protocol as a [`Backend`]: the change feed, SSE, idempotency
//! keys and `If-Match`, all of which the reference server has (docs/api.md).

use sahaya_protocol::domain::{Agent, Attachment};
use sahaya_protocol::wire::{
    ChangesPage, Entity, MAX_CHANGES_LIMIT, MergeRequest, NewMessage, PresenceUpdate, Resend,
};
use sahaya_store::{OutboxEntry, OutboxOp, StagedFile};

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

    async fn fetch_file(&self, file: &Attachment) -> Result<Vec<u8>, ClientError> {
        self.client.download_attachment(file.id).await
    }

    /// Every write carries the entry's idempotency key, so a retry after a
    /// lost answer gets the first answer and changes nothing.
    async fn push(
        &self,
        entry: &OutboxEntry,
        if_match: i64,
        files: &[StagedFile],
    ) -> Result<Vec<Entity>, ClientError> {
        let key = entry.key.as_str();
        let client = &self.client;
        match &entry.op {
            OutboxOp::Message {
                ticket_id,
                kind,
                body,
            } => {
                // Each upload carries a key made from the entry's, so a retry
                // gets the same stored file and the message the same body.
                let mut attachments = Vec::with_capacity(files.len());
                for (i, staged) in files.iter().enumerate() {
                    let stored = client
                        .upload_attachment_once(
                            &format!("{key}.file{i}"),
                            &staged.file.name,
                            &staged.file.content_type,
                            staged.bytes.clone(),
                        )
                        .await?;
                    attachments.push(stored.id);
                }
                let req = NewMessage {
                    kind: *kind,
                    body: body.clone(),
                    attachments,
                };
                let created = client.post_message(*ticket_id, key, &req).await?;
                Ok(vec![
                    Entity::Message(created.message),
                    Entity::Ticket(created.ticket),
                ])
            }
            OutboxOp::Resend {
                message_id,
                channel,
                ..
            } => {
                let req = Resend { channel: *channel };
                let message = client.resend(key, *message_id, &req).await?;
                Ok(vec![Entity::Message(message)])
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
            OutboxOp::Merge {
                ticket_id,
                into,
                into_version,
            } => {
                let req = MergeRequest {
                    into: *into,
                    version: if_match,
                    into_version: *into_version,
                };
                let merged = client.merge_ticket(*ticket_id, key, &req).await?;
                let mut out = vec![Entity::Ticket(merged.ticket), Entity::Ticket(merged.into)];
                out.extend(merged.messages.into_iter().map(Entity::Message));
                Ok(out)
            }
            OutboxOp::Outbound(request) => {
                let created = client.outbound(key, request).await?;
                Ok(vec![
                    Entity::Ticket(created.ticket),
                    Entity::Message(created.message),
                ])
            }
            OutboxOp::MacroSave { id, edit } => {
                let saved = client.save_macro(key, *id, edit).await?;
                Ok(vec![Entity::Macro(saved)])
            }
            OutboxOp::MacroDelete { id } => {
                let tombstone = client.delete_macro(key, *id).await?;
                Ok(vec![Entity::Macro(tombstone)])
            }
        }
    }
}
