//! Files of messages, fetched when the agent asks (never with the sync): the
//! bytes come from a local cache of files by checksum (capped in size) or
//! from the server, are checked against the message's checksum, saved under a
//! clean, unused name in the downloads folder, and handed to the system's
//! viewer. The UI hears back through [`SyncEvent::FileSaved`] or
//! [`SyncEvent::FileFailed`].
//!
//! Names come from outside: only [`sanitize_file_name`]'s one clean file name
//! is ever used, always inside the downloads folder.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};
use tokio::sync::mpsc;

use crate::backend::Backend;
use crate::client::ClientError;
use sahaya_protocol::domain::{Attachment, sanitize_file_name};
use sahaya_protocol::events::{FileProblem, SyncEvent};

/// Default size of the local file cache.
pub const DEFAULT_CACHE_CAP: u64 = 200 * 1024 * 1024;

/// Where files go and how they are opened.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// Fetched files by checksum, at most `cache_cap` bytes in all.
    pub cache_dir: PathBuf,
    pub cache_cap: u64,
    /// Where the agent finds the files they asked for.
    pub downloads: PathBuf,
    /// The program (and its first arguments) that opens a file: `xdg-open`
    /// on Linux, `open` on macOS. None saves without opening.
    pub opener: Option<Vec<String>>,
}

impl FileSettings {
    /// Files beside the cache file `cache`, not opened: for tests and tools.
    pub fn beside(cache: &Path) -> FileSettings {
        let dir = cache.parent().unwrap_or(Path::new(".")).to_path_buf();
        FileSettings {
            cache_dir: dir.join("files"),
            cache_cap: DEFAULT_CACHE_CAP,
            downloads: dir.join("downloads"),
            opener: None,
        }
    }

    /// The usual way to open a file on this system.
    pub fn system_opener() -> Option<Vec<String>> {
        if cfg!(target_os = "macos") {
            Some(vec!["open".to_string()])
        } else if cfg!(windows) {
            Some(vec![
                "cmd".to_string(),
                "/C".to_string(),
                "start".to_string(),
                String::new(),
            ])
        } else {
            Some(vec!["xdg-open".to_string()])
        }
    }
}

/// A file the UI asked for.
pub(crate) type FileRequest = (Attachment, bool);

/// Answers file requests until the UI goes away; each runs on its own.
pub(crate) async fn serve<B: Backend>(
    backend: Arc<B>,
    settings: FileSettings,
    mut requests: mpsc::UnboundedReceiver<FileRequest>,
    events: mpsc::UnboundedSender<SyncEvent>,
) {
    let settings = Arc::new(settings);
    while let Some((file, open)) = requests.recv().await {
        let backend = backend.clone();
        let settings = settings.clone();
        let events = events.clone();
        tokio::spawn(async move {
            let name = sanitize_file_name(Some(&file.name), 1);
            let event = match fetch_and_save(&*backend, &settings, &file, open).await {
                Ok((path, opened)) => SyncEvent::FileSaved { name, path, opened },
                Err(problem) => SyncEvent::FileFailed { name, problem },
            };
            let _ = events.send(event);
        });
    }
}

async fn fetch_and_save<B: Backend>(
    backend: &B,
    settings: &FileSettings,
    file: &Attachment,
    open: bool,
) -> Result<(PathBuf, bool), FileProblem> {
    let bytes = match cached(settings, &file.sha256).await {
        Some(bytes) => bytes,
        None => {
            let bytes = backend.fetch_file(file).await.map_err(|e| match e {
                ClientError::Network { .. } | ClientError::Server { .. } => {
                    FileProblem::Unreachable
                }
                ClientError::Rejected { message, .. } => FileProblem::Refused(message),
                ClientError::Unauthorized { message } => FileProblem::Refused(message),
                other => FileProblem::Refused(other.detail()),
            })?;
            if hex::encode(Sha256::digest(&bytes)) != file.sha256.to_ascii_lowercase() {
                return Err(FileProblem::Damaged);
            }
            keep(settings, &file.sha256, &bytes).await;
            bytes
        }
    };
    let path = save(&settings.downloads, &file.name, &bytes)
        .await
        .map_err(|e| FileProblem::Disk(e.to_string()))?;
    let opened = open && open_with(settings.opener.as_deref(), &path);
    Ok((path, opened))
}

/// The cached bytes of a file, if they are there and whole.
async fn cached(settings: &FileSettings, sha256: &str) -> Option<Vec<u8>> {
    if !is_hex_digest(sha256) {
        return None;
    }
    let bytes = tokio::fs::read(settings.cache_dir.join(sha256))
        .await
        .ok()?;
    (hex::encode(Sha256::digest(&bytes)) == sha256.to_ascii_lowercase()).then_some(bytes)
}

/// Keeps a fetched file in the cache, then trims the cache to its cap,
/// oldest first. Failing to cache is not an error (it is fetched again).
async fn keep(settings: &FileSettings, sha256: &str, bytes: &[u8]) {
    if !is_hex_digest(sha256) || bytes.len() as u64 > settings.cache_cap {
        return;
    }
    let dir = &settings.cache_dir;
    let aside = dir.join(format!("{sha256}.part"));
    let result = async {
        tokio::fs::create_dir_all(dir).await?;
        tokio::fs::write(&aside, bytes).await?;
        tokio::fs::rename(&aside, dir.join(sha256)).await
    }
    .await;
    if let Err(e) = result {
        tracing::warn!("file not cached: {e}");
        return;
    }
    if let Err(e) = trim(dir, settings.cache_cap) {
        tracing::warn!("file cache not trimmed: {e}");
    }
}

/// Removes the oldest cached files until the rest fit in `cap` bytes.
fn trim(dir: &Path, cap: u64) -> std::io::Result<()> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        if meta.is_file() {
            files.push((meta.modified()?, meta.len(), entry.path()));
        }
    }
    let mut total: u64 = files.iter().map(|f| f.1).sum();
    files.sort();
    for (_, len, path) in files {
        if total <= cap {
            break;
        }
        std::fs::remove_file(path)?;
        total -= len;
    }
    Ok(())
}

fn is_hex_digest(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Writes `bytes` into `dir` under the cleaned `name`, or `name (2)`,
/// `name (3)`… when taken; never replaces a file.
pub async fn save(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    use tokio::io::AsyncWriteExt;
    tokio::fs::create_dir_all(dir).await?;
    let clean = sanitize_file_name(Some(name), 1);
    let (stem, extension) = match clean.rfind('.') {
        Some(dot) if dot > 0 => (&clean[..dot], &clean[dot..]),
        _ => (clean.as_str(), ""),
    };
    for n in 1..1000 {
        let candidate = if n == 1 {
            clean.clone()
        } else {
            format!("{stem} ({n}){extension}")
        };
        let path = dir.join(&candidate);
        match tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
        {
            Ok(mut f) => {
                f.write_all(bytes).await?;
                f.sync_all().await?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{} already holds 999 files named {clean}",
        dir.display()
    )))
}

/// Starts the viewer on `path`, detached; whether it started.
fn open_with(opener: Option<&[String]>, path: &Path) -> bool {
    let Some((program, args)) = opener.and_then(|o| o.split_first()) else {
        return false;
    };
    std::process::Command::new(program)
        .args(args)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped when it ends (openers hand over and exit at once).
            std::thread::spawn(move || child.wait());
            true
        })
        .unwrap_or_else(|e| {
            tracing::warn!("cannot start {program}: {e}");
            false
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn names_are_cleaned_and_never_replace_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = save(dir.path(), "../../etc/passwd", b"one").await.unwrap();
        assert_eq!(a, dir.path().join("passwd"));
        let b = save(dir.path(), "passwd", b"two").await.unwrap();
        assert_eq!(b, dir.path().join("passwd (2)"));
        let c = save(dir.path(), "ಫೋಟೋ.jpg", b"x").await.unwrap();
        let d = save(dir.path(), "ಫೋಟೋ.jpg", b"y").await.unwrap();
        assert_eq!(d, dir.path().join("ಫೋಟೋ (2).jpg"));
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(c).unwrap(), b"x");
        let e = save(dir.path(), "\u{202e}gpj.exe", b"z").await.unwrap();
        assert_eq!(e.file_name().unwrap(), "gpj.exe");
    }

    #[test]
    fn the_cache_keeps_the_newest_files_within_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        for (i, size) in [400u64, 300, 200].iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{i}")), vec![0u8; *size as usize]).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        trim(dir.path(), 600).unwrap();
        assert!(!dir.path().join("f0").exists());
        assert!(dir.path().join("f1").exists() && dir.path().join("f2").exists());
    }
}
