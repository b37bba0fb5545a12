//! Width calibration, kept per terminal: which [`WidthProfile`] explains the
//! widths `sahaya doctor` measured ([`decide_profile`]), and the cache file in
//! the data dir that holds one calibration per terminal
//! ([`TerminalIdentity`]); the console loads it at start-up
//! ([`load_cached_profile`]).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{WidthModel, WidthProfile};

/// Clusters whose width is measured. Each is one display cluster, so an
/// override keyed by it applies wherever the console meets that cluster.
pub const PROBES: &[&str] = &[
    // Kannada: spacing vowel signs (zero wide in unicode-width), other signs,
    // conjuncts (which Unicode splits in two grapheme clusters).
    "ಕೀ",
    "ಕೂ",
    "ಕೇ",
    "ಕೈ",
    "ಕೊ",
    "ಕೋ",
    "ಕಾ",
    "ಕಿ",
    "ಕ್ಕ",
    "ನ್ನ",
    "ಸ್ತ್ರೀ",
    "ಗ್ರಾ",
    // Telugu
    "శ్రీ",
    "క్ష",
    "కు",
    "కా",
    "స్ట",
    // Devanagari (Nepali)
    "क्ष",
    "ग्रा",
    "की",
    "कु",
    "न्तु",
    // Emoji: skin tone, ZWJ family, flag.
    "👍🏽",
    "👨‍👩‍👧",
    "🇳🇵",
];

/// The cache file in the data dir.
pub const CACHE_FILE: &str = "terminal-widths.json";

/// Why the calibration cache could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum CalibrationError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not valid: {source}", path.display())]
    Invalid {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What identifies "this terminal" for the width cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalIdentity {
    pub term: Option<String>,
    pub term_program: Option<String>,
    pub term_program_version: Option<String>,
    /// Inside tmux (`TMUX` set): tmux, not the outer terminal, decides widths.
    pub tmux: bool,
}

impl TerminalIdentity {
    /// The identity from the process environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// The identity from an environment lookup (empty values count as unset).
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Self {
        let get = |k: &str| {
            env(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        TerminalIdentity {
            term: get("TERM"),
            term_program: get("TERM_PROGRAM"),
            term_program_version: get("TERM_PROGRAM_VERSION"),
            tmux: get("TMUX").is_some(),
        }
    }

    /// The cache key.
    pub fn key(&self) -> String {
        format!(
            "TERM={};TERM_PROGRAM={};TERM_PROGRAM_VERSION={};tmux={}",
            self.term.as_deref().unwrap_or(""),
            self.term_program.as_deref().unwrap_or(""),
            self.term_program_version.as_deref().unwrap_or(""),
            if self.tmux { "yes" } else { "no" }
        )
    }

    /// A readable one-line description.
    pub fn describe(&self) -> String {
        let mut s = format!("TERM={}", self.term.as_deref().unwrap_or("(unset)"));
        if let Some(p) = &self.term_program {
            s.push_str(&format!(", TERM_PROGRAM={p}"));
            if let Some(v) = &self.term_program_version {
                s.push_str(&format!(" {v}"));
            }
        }
        if self.tmux {
            s.push_str(", inside tmux");
        }
        s
    }

    /// The width model this kind of terminal is known to use, if known.
    pub fn expected_model(&self) -> Option<WidthModel> {
        if self.tmux {
            return Some(WidthModel::SpacingMarks);
        }
        let term = self.term.as_deref().unwrap_or("").to_ascii_lowercase();
        let program = self
            .term_program
            .as_deref()
            .unwrap_or("")
            .to_ascii_lowercase();
        let cluster_base = term.contains("kitty")
            || term.starts_with("foot")
            || term.contains("ghostty")
            || term.contains("wezterm")
            || matches!(program.as_str(), "wezterm" | "ghostty" | "kitty");
        let spacing = term.starts_with("tmux")
            || term.starts_with("screen")
            || term.starts_with("xterm")
            || term.starts_with("alacritty")
            || term.starts_with("konsole")
            || term.starts_with("vte")
            || term.starts_with("gnome")
            || matches!(
                program.as_str(),
                "tmux" | "iterm.app" | "apple_terminal" | "vscode"
            );
        if cluster_base {
            Some(WidthModel::ClusterBase)
        } else if spacing {
            Some(WidthModel::SpacingMarks)
        } else {
            None
        }
    }
}

/// One terminal's calibration in the cache file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CacheEntry {
    pub terminal: TerminalIdentity,
    pub calibrated_at: chrono::DateTime<chrono::Utc>,
    pub profile: WidthProfile,
    /// The measured widths the profile was decided from.
    #[serde(default)]
    pub measured: BTreeMap<String, usize>,
}

/// The cache file: calibrations by [`TerminalIdentity::key`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CacheFile {
    #[serde(default)]
    pub terminals: BTreeMap<String, CacheEntry>,
}

/// Reads the cache file in `data_dir`; a missing file is an empty cache.
pub fn read_cache(data_dir: &Path) -> Result<CacheFile, CalibrationError> {
    let path = data_dir.join(CACHE_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(CacheFile::default()),
        Err(source) => return Err(CalibrationError::Read { path, source }),
    };
    serde_json::from_str(&text).map_err(|source| CalibrationError::Invalid { path, source })
}

/// The calibrated profile of `identity` cached in `data_dir`, if any.
pub fn cached_entry(data_dir: &Path, identity: &TerminalIdentity) -> Option<CacheEntry> {
    match read_cache(data_dir) {
        Ok(mut cache) => cache.terminals.remove(&identity.key()),
        Err(e) => {
            tracing::warn!("width cache ignored: {e}");
            None
        }
    }
}

/// The width profile `sahaya doctor` calibrated for the terminal this process
/// runs in (identified from the environment), if one is cached in `data_dir`.
/// A missing or unreadable cache gives `None` (the caller uses the default).
pub fn load_cached_profile(data_dir: &Path) -> Option<WidthProfile> {
    cached_entry(data_dir, &TerminalIdentity::from_env()).map(|e| e.profile)
}

/// Stores a calibration in the cache file (replacing this terminal's entry;
/// an unreadable cache file is replaced). Returns the file's path.
pub fn save_profile(
    data_dir: &Path,
    identity: &TerminalIdentity,
    profile: &WidthProfile,
    measured: &[(String, usize)],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<PathBuf, CalibrationError> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CalibrationError::Write { path, source }
    };
    std::fs::create_dir_all(data_dir).map_err(write_error(data_dir))?;
    let mut cache = read_cache(data_dir).unwrap_or_default();
    cache.terminals.insert(
        identity.key(),
        CacheEntry {
            terminal: identity.clone(),
            calibrated_at: at,
            profile: profile.clone(),
            measured: measured.iter().cloned().collect(),
        },
    );
    let path = data_dir.join(CACHE_FILE);
    let mut json =
        serde_json::to_string_pretty(&cache).map_err(|source| CalibrationError::Invalid {
            path: path.clone(),
            source,
        })?;
    json.push('\n');
    let mut tmp = tempfile::NamedTempFile::new_in(data_dir).map_err(write_error(data_dir))?;
    tmp.write_all(json.as_bytes()).map_err(write_error(&path))?;
    tmp.persist(&path)
        .map_err(|e| e.error)
        .map_err(write_error(&path))?;
    Ok(path)
}

/// The profile that best explains measured widths: the [`WidthModel`] that
/// predicts more of them (the default, [`WidthModel::SpacingMarks`], on a
/// tie), with an override for every cluster that model gets wrong.
/// A measured width of 0 cannot be honoured (every visible cluster takes a
/// cell) and is ignored.
pub fn decide_profile(measurements: &[(String, usize)]) -> WidthProfile {
    let usable: Vec<&(String, usize)> = measurements
        .iter()
        .filter(|(s, w)| *w > 0 && !s.is_empty())
        .collect();
    let hits = |p: &WidthProfile| usable.iter().filter(|(s, w)| p.str_width(s) == *w).count();
    let spacing = WidthProfile::spacing_marks();
    let base = WidthProfile::cluster_base();
    let model = if hits(&base) > hits(&spacing) {
        base
    } else {
        spacing
    };
    let overrides: HashMap<String, usize> = usable
        .iter()
        .filter(|(s, w)| model.str_width(s) != *w)
        .map(|(s, w)| (s.clone(), *w))
        .collect();
    model.with_overrides(overrides)
}

/// Measurements `profile` gets wrong: `(cluster, predicted, measured)`.
pub fn mismatches<'a>(
    profile: &WidthProfile,
    measurements: &'a [(String, usize)],
) -> Vec<(&'a str, usize, usize)> {
    measurements
        .iter()
        .filter(|(_, w)| *w > 0)
        .filter_map(|(s, w)| {
            let p = profile.str_width(s);
            (p != *w).then_some((s.as_str(), p, *w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
        pairs.iter().map(|(s, w)| (s.to_string(), *w)).collect()
    }

    #[test]
    fn decides_spacing_marks_like_tmux() {
        let sm = WidthProfile::spacing_marks();
        // tmux-like: spacing marks right, but emoji sequences drawn wider.
        let mut widths: Vec<(String, usize)> = PROBES
            .iter()
            .map(|p| (p.to_string(), sm.str_width(p)))
            .collect();
        for (s, w) in &mut widths {
            if s == "👍🏽" || s == "🇳🇵" {
                *w = 4;
            }
        }
        let p = decide_profile(&widths);
        assert_eq!(p.model(), WidthModel::SpacingMarks);
        assert_eq!(p.overrides().len(), 2);
        assert_eq!(p.cluster_width("👍🏽"), 4);
        assert_eq!(p.str_width("ok 🇳🇵"), 7);
        assert!(mismatches(&p, &widths).is_empty());
    }

    #[test]
    fn decides_cluster_base_like_kitty() {
        let cb = WidthProfile::cluster_base();
        let widths: Vec<(String, usize)> = PROBES
            .iter()
            .map(|p| (p.to_string(), cb.str_width(p)))
            .collect();
        let p = decide_profile(&widths);
        assert_eq!(p, WidthProfile::cluster_base());
        assert!(p.overrides().is_empty());
    }

    #[test]
    fn overrides_where_the_best_model_is_wrong() {
        // Mostly cluster-base, but this terminal gives ಕ್ಕ one cell.
        let p = decide_profile(&m(&[("ಕೀ", 1), ("ಕೂ", 1), ("క్ష", 1), ("ಕ್ಕ", 1), ("👍🏽", 2)]));
        assert_eq!(p.model(), WidthModel::ClusterBase);
        assert_eq!(p.overrides().len(), 1);
        assert_eq!(p.overrides().get("ಕ್ಕ"), Some(&1));
        assert_eq!(p.str_width("ಅಕ್ಕ"), 2);
    }

    #[test]
    fn ties_zero_widths_and_nothing_keep_the_default() {
        assert_eq!(decide_profile(&[]), WidthProfile::default());
        // ಕೀ says spacing marks, ಕೂ says cluster base: a tie.
        let p = decide_profile(&m(&[("ಕೀ", 2), ("ಕೂ", 1)]));
        assert_eq!(p.model(), WidthModel::SpacingMarks);
        assert_eq!(p.overrides().get("ಕೂ"), Some(&1));
        // A zero width cannot be honoured and is not recorded.
        let p = decide_profile(&m(&[("ಕೀ", 2), ("ಕೂ", 0)]));
        assert!(p.overrides().is_empty());
    }

    #[test]
    fn identity_keys() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let tmux = TerminalIdentity::from_lookup(env(&[
            ("TERM", "tmux-256color"),
            ("TERM_PROGRAM", "tmux"),
            ("TERM_PROGRAM_VERSION", "3.4"),
            ("TMUX", "/tmp/tmux-0/default,1,0"),
        ]));
        assert!(tmux.tmux);
        assert_eq!(
            tmux.key(),
            "TERM=tmux-256color;TERM_PROGRAM=tmux;TERM_PROGRAM_VERSION=3.4;tmux=yes"
        );
        assert_eq!(tmux.expected_model(), Some(WidthModel::SpacingMarks));
        let kitty = TerminalIdentity::from_lookup(env(&[("TERM", "xterm-kitty"), ("TMUX", "")]));
        assert!(!kitty.tmux);
        assert_ne!(kitty.key(), tmux.key());
        assert_eq!(kitty.expected_model(), Some(WidthModel::ClusterBase));
        let unknown = TerminalIdentity::from_lookup(env(&[]));
        assert_eq!(unknown.expected_model(), None);
        assert!(unknown.describe().contains("(unset)"));
    }

    #[test]
    fn cache_round_trip_per_terminal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = TerminalIdentity::from_lookup(|k| (k == "TERM").then(|| "xterm-kitty".into()));
        let b = TerminalIdentity::from_lookup(|k| (k == "TERM").then(|| "foot".into()));
        assert!(cached_entry(dir.path(), &a).is_none());
        let widths = m(&[("ಕೀ", 1), ("👍🏽", 4)]);
        let profile = decide_profile(&widths);
        save_profile(dir.path(), &a, &profile, &widths, chrono::Utc::now()).expect("save");
        save_profile(
            dir.path(),
            &b,
            &WidthProfile::spacing_marks(),
            &[],
            chrono::Utc::now(),
        )
        .expect("save");
        let entry = cached_entry(dir.path(), &a).expect("cached");
        assert_eq!(entry.profile, profile);
        assert_eq!(entry.measured.get("👍🏽"), Some(&4));
        assert_eq!(
            cached_entry(dir.path(), &b).map(|e| e.profile),
            Some(WidthProfile::spacing_marks())
        );
        // A broken file is ignored (and replaced by the next save).
        std::fs::write(dir.path().join(CACHE_FILE), "{not json").expect("write");
        assert!(cached_entry(dir.path(), &a).is_none());
        assert!(read_cache(dir.path()).is_err());
        save_profile(dir.path(), &a, &profile, &widths, chrono::Utc::now()).expect("save");
        assert!(cached_entry(dir.path(), &a).is_some());
    }
}
