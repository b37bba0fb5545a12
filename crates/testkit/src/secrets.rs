//! Tokens a test used and the places a test's programs wrote to, and a
//! scan of those places for those tokens: a token may be in a token file
//! (that is where it belongs) and nowhere else, not in a log, a screen, an
//! error or the cache.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Files that hold a token on purpose (the console's token file, the
/// demo's, a config file with `token = …`): not scanned.
pub const TOKEN_FILES: &[&str] = &["token", "demo-token", "config.toml"];

/// Databases of a server, whose accounts table holds the tokens it
/// accepts (with their -wal and -shm files): not scanned either. The
/// console's cache is scanned.
pub const SERVER_DATABASES: &[&str] = &["demo-server.db"];

/// What a test minted and where its programs wrote.
#[derive(Default)]
pub struct Secrets {
    /// (what the token is, the token)
    tokens: Mutex<Vec<(String, String)>>,
    /// Folders and files to scan.
    places: Mutex<Vec<PathBuf>>,
}

/// A token found where it must not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// What the token is (never the token itself).
    pub token: String,
    pub file: PathBuf,
}

impl Secrets {
    pub fn new() -> Secrets {
        Secrets::default()
    }

    /// Records a token the test used, with what it is ("agent", "wrong").
    pub fn minted(&self, what: &str, token: &str) {
        self.tokens
            .lock()
            .unwrap()
            .push((what.to_string(), token.to_string()));
    }

    /// Records a folder (scanned whole) or a file the test's programs
    /// write to.
    pub fn wrote_to(&self, place: &Path) {
        self.places.lock().unwrap().push(place.to_path_buf());
    }

    /// How many tokens were recorded.
    pub fn tokens(&self) -> usize {
        self.tokens.lock().unwrap().len()
    }

    /// Every file under the recorded places but the token files, with its
    /// size: what [`Secrets::scan`] reads.
    pub fn files(&self) -> Vec<(PathBuf, u64)> {
        let mut out = Vec::new();
        for place in self.places.lock().unwrap().iter() {
            collect(place, &mut out);
        }
        out.sort();
        out.dedup();
        out
    }

    /// Every recorded token found in a recorded file (bytes as they are,
    /// so a SQLite page or a terminal's raw output counts too).
    pub fn scan(&self) -> Vec<Leak> {
        let tokens = self.tokens.lock().unwrap().clone();
        let mut leaks = Vec::new();
        for (file, _) in self.files() {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            for (what, token) in &tokens {
                if contains(&bytes, token.as_bytes()) {
                    leaks.push(Leak {
                        token: what.clone(),
                        file: file.clone(),
                    });
                }
            }
        }
        leaks
    }
}

fn collect(place: &Path, out: &mut Vec<(PathBuf, u64)>) {
    let Ok(meta) = std::fs::metadata(place) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(place) else {
            return;
        };
        for entry in entries.flatten() {
            collect(&entry.path(), out);
        }
    } else if !place.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        TOKEN_FILES.contains(&n) || SERVER_DATABASES.iter().any(|db| n.starts_with(db))
    }) {
        out.push((place.to_path_buf(), meta.len()));
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_anywhere_but_a_token_file_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let s = Secrets::new();
        s.minted("agent", "sh_agent_123");
        s.minted("other", "sh_other_456");
        s.wrote_to(dir.path());
        std::fs::create_dir(dir.path().join("logs")).unwrap();
        std::fs::write(dir.path().join("token"), "sh_agent_123\n").unwrap();
        std::fs::write(dir.path().join("logs/sahaya.log"), "INFO started\n").unwrap();
        assert_eq!(s.scan(), vec![]);
        assert_eq!(s.files().len(), 1);
        std::fs::write(
            dir.path().join("logs/sahaya.log"),
            b"INFO started\n\x00\x01 auth sh_agent_123 \xff",
        )
        .unwrap();
        assert_eq!(
            s.scan(),
            vec![Leak {
                token: "agent".to_string(),
                file: dir.path().join("logs/sahaya.log"),
            }]
        );
    }
}
