//! Files of queued messages. Attaching a file copies its bytes into the cache
//! in the same transaction that queues the message, so a file deleted or
//! changed on disk afterwards still goes out as it was; the bytes are dropped
//! once the server confirmed the message (or the agent discarded it).

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::entry::{OutboxEntry, OutboxFile, OutboxOp};
use super::error::{Result, StoreError};
use super::store::Store;
use sahaya_protocol::domain::{content_type, sanitize_file_name};

/// A file read from disk, to attach.
#[derive(Clone, PartialEq, Eq)]
pub struct NewFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for NewFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewFile")
            .field("name", &self.name)
            .field("size", &self.bytes.len())
            .finish()
    }
}

/// The content type a file's name says (`photo.JPG` → `image/jpeg`);
/// `application/octet-stream` when it says nothing known.
pub fn type_of_name(name: &str) -> String {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let (kind, sub) = match extension.as_str() {
        "jpg" | "jpeg" => ("image", "jpeg"),
        "png" => ("image", "png"),
        "gif" => ("image", "gif"),
        "webp" => ("image", "webp"),
        "heic" => ("image", "heic"),
        "pdf" => ("application", "pdf"),
        "txt" => ("text", "plain"),
        "csv" => ("text", "csv"),
        "mp4" => ("video", "mp4"),
        "doc" => ("application", "msword"),
        "docx" => (
            "application",
            "vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "xlsx" => (
            "application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "zip" => ("application", "zip"),
        _ => ("application", "octet-stream"),
    };
    content_type(kind, Some(sub))
}

/// A file of a queued message with its bytes, as the sync task sends it.
#[derive(Clone, PartialEq, Eq)]
pub struct StagedFile {
    pub file: OutboxFile,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for StagedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StagedFile")
            .field("file", &self.file)
            .finish()
    }
}

impl Store {
    /// Queues a reply or note with files: the entry and the files (cleaned
    /// names, types from their names, checksums, bytes) in one transaction.
    pub fn enqueue_with_files(&mut self, op: OutboxOp, files: Vec<NewFile>) -> Result<OutboxEntry> {
        if !matches!(op, OutboxOp::Message { .. }) {
            return Err(StoreError::InvalidOp(
                "only a message can carry files".to_string(),
            ));
        }
        self.enqueue_then(op, |tx, id| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO outbox_files (entry_id, idx, name, content_type, sha256, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (i, f) in files.iter().enumerate() {
                stmt.execute(params![
                    id,
                    i as i64,
                    sanitize_file_name(Some(&f.name), i + 1),
                    type_of_name(&f.name),
                    hex::encode(Sha256::digest(&f.bytes)),
                    f.bytes
                ])?;
            }
            Ok(())
        })
    }

    /// What files entry `entry_id` carries, in order (without their bytes).
    pub fn outbox_file_list(&self, entry_id: i64) -> Result<Vec<OutboxFile>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, content_type, length(bytes), sha256 FROM outbox_files
             WHERE entry_id = ?1 ORDER BY idx",
        )?;
        let rows = stmt.query_map(params![entry_id], |r| {
            Ok(OutboxFile {
                name: r.get(0)?,
                content_type: r.get(1)?,
                size: r.get::<_, i64>(2)? as u64,
                sha256: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The files of entry `entry_id` with their bytes, in order.
    pub fn outbox_files(&self, entry_id: i64) -> Result<Vec<StagedFile>> {
        let list = self.outbox_file_list(entry_id)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT bytes FROM outbox_files WHERE entry_id = ?1 AND idx = ?2")?;
        let mut out = Vec::with_capacity(list.len());
        for (i, file) in list.into_iter().enumerate() {
            let bytes: Option<Vec<u8>> = stmt
                .query_row(params![entry_id, i as i64], |r| r.get(0))
                .optional()?;
            if let Some(bytes) = bytes {
                out.push(StagedFile { file, bytes });
            }
        }
        Ok(out)
    }
}
