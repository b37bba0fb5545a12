//! What the doctor's sections share: its options, the report they write
//! to, and small helpers.

use std::path::PathBuf;

/// Options of `sahaya doctor`.
#[derive(Debug, Clone, Default)]
pub struct DoctorOptions {
    pub server: Option<String>,
    pub backend: Option<crate::config::BackendKind>,
    pub token: Option<crate::credentials::Token>,
    pub data_dir: Option<PathBuf>,
    pub lang: Option<String>,
    pub config: Option<PathBuf>,
    /// Measure again and replace the cached profile of this terminal.
    pub recalibrate: bool,
}

/// The report, written line by line to stdout.
pub(crate) struct Report {
    pub(super) problems: usize,
}

impl Report {
    pub(super) fn section(&self, title: &str) {
        println!();
        println!("{title}");
    }
    pub(super) fn line(&self, text: impl AsRef<str>) {
        println!("  {}", text.as_ref());
    }
    pub(super) fn problem(&mut self, text: impl AsRef<str>) {
        self.problems += 1;
        println!("  ! {}", text.as_ref());
    }
}

pub(super) fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Code points of a cluster, for terminals that cannot show it.
pub(super) fn code_points(s: &str) -> String {
    s.chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}
