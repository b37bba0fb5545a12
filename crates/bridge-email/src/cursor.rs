//! Where the bridge stopped: for reading, the folder's UIDVALIDITY and the
//! last UID handled; for sending, the outbound queue's cursor. Each is a small
//! JSON file replaced atomically (written aside, fsynced, renamed, directory
//! fsynced), so that a crash leaves either the old or the new one.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A position in one IMAP folder. UIDs only mean something together with
/// the UIDVALIDITY they were given under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub uid_validity: u32,
    /// Every message with a UID up to this one has been handled.
    pub last_uid: u32,
}

/// A cursor file.
#[derive(Debug, Clone)]
pub(crate) struct CursorFile {
    path: PathBuf,
    /// What it holds, for error messages ("the IMAP cursor").
    what: &'static str,
}

impl CursorFile {
    pub(crate) fn new(path: PathBuf) -> CursorFile {
        CursorFile::named(path, "the IMAP cursor")
    }

    pub(crate) fn named(path: PathBuf, what: &'static str) -> CursorFile {
        CursorFile { path, what }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The saved cursor; `None` when the file does not exist yet.
    pub(crate) fn load<T: serde::de::DeserializeOwned>(&self) -> Result<Option<T>> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(Error::state(self.context("reading"))(error)),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(Error::state(self.context("parsing")))
    }

    pub(crate) fn save<T: Serialize>(&self, cursor: &T) -> Result<()> {
        let context = self.context("writing");
        let directory = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&directory).map_err(Error::state(context.clone()))?;
        let mut aside = self.path.clone().into_os_string();
        aside.push(".tmp");
        let aside = PathBuf::from(aside);
        let text = serde_json::to_string(cursor).map_err(Error::state(context.clone()))?;
        let mut file = File::create(&aside).map_err(Error::state(context.clone()))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(Error::state(context.clone()))?;
        drop(file);
        fs::rename(&aside, &self.path).map_err(Error::state(context.clone()))?;
        File::open(&directory)
            .and_then(|dir| dir.sync_all())
            .map_err(Error::state(context))
    }

    fn context(&self, doing: &str) -> String {
        format!("{doing} {} {}", self.what, self.path.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let file = CursorFile::new(dir.path().join("state/cursor.json"));
        assert_eq!(file.load::<Cursor>().unwrap(), None);
        let cursor = Cursor {
            uid_validity: 7,
            last_uid: 12,
        };
        file.save(&cursor).unwrap();
        assert_eq!(file.load().unwrap(), Some(cursor));
        file.save(&Cursor {
            last_uid: 13,
            ..cursor
        })
        .unwrap();
        assert_eq!(file.load::<Cursor>().unwrap().map(|c| c.last_uid), Some(13));
        assert!(!dir.path().join("state/cursor.json.tmp").exists());
    }

    #[test]
    fn a_damaged_file_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cursor.json");
        std::fs::write(&path, "{not json").unwrap();
        let error = CursorFile::new(path).load::<Cursor>().unwrap_err();
        assert!(error.to_string().contains("cursor.json"), "{error}");
    }
}
