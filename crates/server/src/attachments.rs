//! Files of messages. An upload is kept once per checksum and belongs to its
//! uploader until one message of theirs claims it; from then on it is that
//! message's.

use super::sql::{self, Conn, args};
use sha2::{Digest, Sha256};

use super::codec::{from_json, millis, to_json};
use super::db::Writer;
use super::error::{ApiError, ApiResult};
use super::repo;
use sahaya_protocol::domain::{
    AgentId, Attachment, AttachmentId, MessageId, Timestamp, content_type, sanitize_file_name,
};
use sahaya_protocol::wire::{MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE};

/// An attachment with who uploaded it and the message that holds it.
pub struct Stored {
    pub attachment: Attachment,
    pub owner_id: AgentId,
    pub message_id: Option<MessageId>,
}

/// Keeps an uploaded file. The name and type come from the uploader and are
/// cleaned here (one file name, never a path; `type/subtype` or
/// `application/octet-stream`).
pub fn store(
    w: &mut Writer<'_>,
    owner: AgentId,
    name: Option<&str>,
    declared_type: Option<&str>,
    bytes: &[u8],
    now: Timestamp,
) -> ApiResult<Attachment> {
    if bytes.is_empty() {
        return Err(ApiError::unprocessable(
            "empty_file",
            "the file is empty; attach a file with something in it",
        ));
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(too_large());
    }
    let id = repo::next_id(&w.tx, "attachments")?;
    let sha256 = hex::encode(Sha256::digest(bytes));
    let content_type = match declared_type.map(|t| t.split(';').next().unwrap_or("").trim()) {
        Some(t) => {
            let (kind, sub) = t.split_once('/').map_or((t, None), |(k, s)| (k, Some(s)));
            content_type(kind, sub)
        }
        None => "application/octet-stream".to_string(),
    };
    let attachment = Attachment {
        id,
        name: sanitize_file_name(name, usize::try_from(id).unwrap_or(1)),
        content_type,
        size: bytes.len() as u64,
        sha256: sha256.clone(),
    };
    w.tx.execute(
        "INSERT INTO blobs (sha256, bytes) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        args![sha256, bytes],
    )?;
    w.tx.execute(
        "INSERT INTO attachments (id, owner_id, message_id, json, sha256, created_at)
         VALUES (?1, ?2, NULL, ?3, ?4, ?5)",
        args![id, owner, to_json(&attachment)?, sha256, millis(now)],
    )?;
    Ok(attachment)
}

pub fn too_large() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
        format!(
            "the file is larger than {} MiB; send a smaller one or a link",
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ),
    )
}

/// Gives the uploads `ids` of `owner` to `message_id`, in the order named.
pub fn claim(
    w: &mut Writer<'_>,
    owner: AgentId,
    ids: &[AttachmentId],
    message_id: MessageId,
) -> ApiResult<Vec<Attachment>> {
    if ids.len() > MAX_ATTACHMENTS_PER_MESSAGE {
        return Err(ApiError::unprocessable(
            "too_many_files",
            format!("a message carries at most {MAX_ATTACHMENTS_PER_MESSAGE} files"),
        ));
    }
    let mut out: Vec<Attachment> = Vec::new();
    for &id in ids {
        if out.iter().any(|a| a.id == id) {
            continue;
        }
        let unknown = || {
            ApiError::unprocessable(
                "unknown_file",
                format!(
                    "file {id} was not uploaded by you; upload it first (POST /v1/attachments)"
                ),
            )
        };
        let stored = get(&w.tx, id)?.ok_or_else(unknown)?;
        if stored.owner_id != owner {
            return Err(unknown());
        }
        if stored.message_id.is_some_and(|m| m != message_id) {
            return Err(ApiError::unprocessable(
                "file_in_use",
                format!("file {id} belongs to another message already; upload it again"),
            ));
        }
        w.tx.execute(
            "UPDATE attachments SET message_id = ?1 WHERE id = ?2",
            args![message_id, id],
        )?;
        out.push(stored.attachment);
    }
    Ok(out)
}

pub fn get(conn: &Conn, id: AttachmentId) -> sql::Result<Option<Stored>> {
    conn.query_opt(
        "SELECT json, owner_id, message_id FROM attachments WHERE id = ?1",
        args![id],
        |r| {
            Ok((
                r.get::<String>(0)?,
                r.get::<AgentId>(1)?,
                r.get::<Option<MessageId>>(2)?,
            ))
        },
    )?
    .map(|(json, owner_id, message_id)| {
        Ok(Stored {
            attachment: from_json(&json)?,
            owner_id,
            message_id,
        })
    })
    .transpose()
}

/// The bytes of a stored file.
pub fn bytes(conn: &Conn, sha256: &str) -> sql::Result<Option<Vec<u8>>> {
    conn.query_opt(
        "SELECT bytes FROM blobs WHERE sha256 = ?1",
        args![sha256],
        |r| r.get(0),
    )
}
