//! A line of a data file (keyword lists, labelled set) that could not be read.

/// What is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct LineError {
    /// The file, as the reader knows it (`data/lexicon.txt`, `labelled set`).
    pub file: &'static str,
    /// 1-based.
    pub line: usize,
    pub message: String,
}
