//! Which RT transactions the outbox's replies and notes landed as, kept
//! across restarts, for a site without the `sahaya-key` field.
//!
//! There, an entry whose earlier try may have landed is recognised by its
//! text (see `push`). When the agent sends the same text twice on a ticket
//! and the second's first try never reached RT, the first one's
//! transaction must not be taken for the second's: each transaction an
//! entry landed as is claimed, under the entry's key, before the entry is
//! reported delivered. The claims are written to a small journal beside
//! the cache (`<cache>-rt-claims`, one `transaction<TAB>key` line each,
//! synced to disk before the write is reported), so a restart between the
//! two entries forgets nothing. A claim under the entry's own key is its
//! earlier try (the console stopped after the claim and before the outbox
//! heard).
//!
//! Why not work it out again from RT after a restart: the outbox keeps no
//! transaction ids the adapter can read, and by time alone RT's dates (to
//! the second) cannot tell an earlier identical reply from a cut try made
//! in the same second.
//!
//! The newest [`KEEP`] claims are kept: while an entry waits, nothing after
//! it is delivered, so the claims it must respect are among the newest.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Claims kept in the journal (older ones are dropped when it is read).
pub const KEEP: usize = 5000;

/// The claimed transactions: transaction id → outbox entry key.
#[derive(Debug, Default)]
pub struct Claims {
    claimed: Mutex<Journal>,
    file: OnceLock<PathBuf>,
}

#[derive(Debug, Default)]
struct Journal {
    by_txn: HashMap<i64, String>,
    /// In the order claimed.
    order: Vec<i64>,
}

impl Journal {
    fn add(&mut self, txn: i64, key: &str) -> bool {
        if self.by_txn.contains_key(&txn) {
            return false;
        }
        self.by_txn.insert(txn, key.to_string());
        self.order.push(txn);
        true
    }

    /// Keeps the newest `keep`.
    fn trim(&mut self, keep: usize) {
        let excess = self.order.len().saturating_sub(keep);
        for txn in self.order.drain(..excess) {
            self.by_txn.remove(&txn);
        }
    }

    fn text(&self) -> String {
        self.order
            .iter()
            .map(|t| format!("{t}\t{}\n", self.by_txn[t]))
            .collect()
    }
}

/// The journal's lines: `transaction<TAB>key`; anything else is skipped (a
/// line cut by a crash mid-write).
fn parse(text: &str, into: &mut Journal) {
    for line in text.lines() {
        let Some((txn, key)) = line.split_once('\t') else {
            continue;
        };
        if let Ok(txn) = txn.trim().parse::<i64>()
            && !key.trim().is_empty()
        {
            into.add(txn, key.trim());
        }
    }
}

impl Claims {
    /// The journal beside `cache`: read now, written from now on.
    pub fn keep_beside(&self, cache: &Path) {
        let file = PathBuf::from(format!("{}-rt-claims", cache.display()));
        let mut journal = self.lock();
        match std::fs::read_to_string(&file) {
            Ok(text) => parse(&text, &mut journal),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::error!("cannot read {}: {e}", file.display()),
        }
        let read = journal.order.len();
        journal.trim(KEEP);
        if journal.order.len() < read
            && let Err(e) = rewrite(&file, &journal.text())
        {
            tracing::error!("cannot shorten {}: {e}", file.display());
        }
        drop(journal);
        let _ = self.file.set(file);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Journal> {
        self.claimed.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records that the entry with `key` landed as transaction `txn`, on
    /// disk before this returns (where the journal cannot be written the
    /// claim still holds until the console stops, and the error is logged).
    pub fn claim(&self, txn: i64, key: &str) {
        if !self.lock().add(txn, key) {
            return;
        }
        if let Some(file) = self.file.get()
            && let Err(e) = append(file, &format!("{txn}\t{key}\n"))
        {
            tracing::error!(
                "cannot record RT transaction {txn} in {}: {e}",
                file.display()
            );
        }
    }

    /// The key of the entry that landed as `txn`, if one did.
    pub fn owner(&self, txn: i64) -> Option<String> {
        self.lock().by_txn.get(&txn).cloned()
    }
}

fn append(file: &Path, line: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?;
    f.write_all(line.as_bytes())?;
    f.sync_data()
}

fn rewrite(file: &Path, text: &str) -> std::io::Result<()> {
    let tmp = PathBuf::from(format!("{}.tmp", file.display()));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_survive_a_restart_and_keep_their_owner() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache.db");
        let first = Claims::default();
        first.keep_beside(&cache);
        first.claim(100, "key-a");
        first.claim(100, "key-b");
        first.claim(101, "key-c");
        assert_eq!(
            first.owner(100).as_deref(),
            Some("key-a"),
            "first claim holds"
        );

        let again = Claims::default();
        again.keep_beside(&cache);
        assert_eq!(again.owner(100).as_deref(), Some("key-a"));
        assert_eq!(again.owner(101).as_deref(), Some("key-c"));
        assert_eq!(again.owner(102), None);
        // Without a cache (tests, doctor) the claims live in memory only.
        let memory = Claims::default();
        memory.claim(7, "k");
        assert_eq!(memory.owner(7).as_deref(), Some("k"));
    }

    #[test]
    fn a_cut_line_is_skipped_and_old_claims_go() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache.db");
        let file = dir.path().join("cache.db-rt-claims");
        let mut text: String = (0..KEEP + 10).map(|i| format!("{i}\tk{i}\n")).collect();
        text.push_str("99999\t");
        std::fs::write(&file, text).unwrap();
        let c = Claims::default();
        c.keep_beside(&cache);
        assert_eq!(c.owner(5), None, "among the oldest");
        assert_eq!(
            c.owner(KEEP as i64 + 9).as_deref(),
            Some(&*format!("k{}", KEEP + 9))
        );
        assert_eq!(c.owner(99999), None);
        let kept = std::fs::read_to_string(&file).unwrap();
        assert_eq!(kept.lines().count(), KEEP, "the journal was shortened");
    }
}
