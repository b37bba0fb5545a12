//! The channel bridges' side of the API (integration token): the outbound
//! queue, receipts, survey answers and files; and an agent's resend.

use std::time::Duration;

use reqwest::Method;
use reqwest::header;

use super::{Client, ClientError, Extra};
use sahaya_protocol::domain::{
    Attachment, AttachmentId, Channel, Message, MessageId, SurveyResponse,
};
use sahaya_protocol::wire::{NewReceipt, NewSurveyAnswer, OutboundPage, ReceiptAnswer, Resend};

/// Time allowed for moving one file (10 MiB over a slow line).
pub const FILE_TIMEOUT: Duration = Duration::from_secs(120);

impl Client {
    /// `GET /v1/outbound`: what to send on `channel` after the cursor `after`.
    pub async fn outbound_page(
        &self,
        channel: Channel,
        after: i64,
        limit: i64,
    ) -> Result<OutboundPage, ClientError> {
        let query = [
            ("channel", channel.as_str().to_string()),
            ("after", after.to_string()),
            ("limit", limit.to_string()),
        ];
        self.get(
            &["v1", "outbound"],
            &query,
            "the outbound queue (OutboundPage)",
        )
        .await
    }

    /// `POST /v1/messages/{id}/receipts`: what became of one sending.
    pub async fn post_receipt(
        &self,
        message_id: MessageId,
        receipt: &NewReceipt,
    ) -> Result<ReceiptAnswer, ClientError> {
        let id = message_id.to_string();
        let path = ["v1", "messages", id.as_str(), "receipts"];
        let expected = "the message after the receipt (ReceiptAnswer)";
        self.send(Method::POST, &path, Extra::default(), receipt, expected)
            .await
    }

    /// `POST /v1/surveys` with `Idempotency-Key`: a customer's answer.
    pub async fn answer_survey(
        &self,
        idempotency_key: &str,
        answer: &NewSurveyAnswer,
    ) -> Result<SurveyResponse, ClientError> {
        let extra = Extra::key(idempotency_key);
        let expected = "the recorded answer (SurveyResponse)";
        self.send(Method::POST, &["v1", "surveys"], extra, answer, expected)
            .await
    }

    /// `POST /v1/messages/{id}/resend` with `Idempotency-Key` (agents).
    pub async fn resend(
        &self,
        idempotency_key: &str,
        message_id: MessageId,
        req: &Resend,
    ) -> Result<Message, ClientError> {
        let id = message_id.to_string();
        let path = ["v1", "messages", id.as_str(), "resend"];
        let extra = Extra::key(idempotency_key);
        self.send(Method::POST, &path, extra, req, "the message (Message)")
            .await
    }

    /// `POST /v1/attachments?name=…`: uploads a file to attach to a message.
    pub async fn upload_attachment(
        &self,
        name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<Attachment, ClientError> {
        self.upload(Extra::default(), name, content_type, bytes)
            .await
    }

    /// [`Client::upload_attachment`] with `Idempotency-Key`: a retry gets
    /// the file stored the first time, not a second copy.
    pub async fn upload_attachment_once(
        &self,
        idempotency_key: &str,
        name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<Attachment, ClientError> {
        self.upload(Extra::key(idempotency_key), name, content_type, bytes)
            .await
    }

    async fn upload(
        &self,
        extra: Extra<'_>,
        name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<Attachment, ClientError> {
        let url = self.url(&["v1", "attachments"], &[("name", name.to_string())])?;
        let what = "POST /v1/attachments".to_string();
        let req = self
            .request(Method::POST, url, extra, &what)?
            .timeout(FILE_TIMEOUT)
            .header(header::CONTENT_TYPE, content_type)
            .body(bytes);
        let (status, headers, body) = self.exchange(req, &what).await?;
        super::decode(
            &what,
            status,
            &headers,
            &body,
            "the stored file (Attachment)",
        )
    }

    /// `GET /v1/attachments/{id}`: a file's bytes.
    pub async fn download_attachment(&self, id: AttachmentId) -> Result<Vec<u8>, ClientError> {
        let id = id.to_string();
        let url = self.url(&["v1", "attachments", id.as_str()], &[])?;
        let what = format!("GET /v1/attachments/{id}");
        let req = self
            .request(Method::GET, url, Extra::default(), &what)?
            .timeout(FILE_TIMEOUT)
            .header(header::ACCEPT, "*/*");
        let (_, _, body) = self.exchange(req, &what).await?;
        Ok(body)
    }
}
