//! What can be wrong with a keymap file. Every problem names the file, the
//! line and column, and says in one sentence what is wrong.

use std::fmt;
use std::path::PathBuf;

/// A keymap could not be loaded. The console keeps running with the
/// built-in keys and shows this to the agent.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("Cannot read the keymap file {}: {source}.", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// One or more problems in the file, one per line when displayed.
    #[error("{}", join_problems(.0))]
    Invalid(Vec<Problem>),
}

impl KeymapError {
    /// The individual problems (empty for a read error).
    pub fn problems(&self) -> &[Problem] {
        match self {
            KeymapError::Read { .. } => &[],
            KeymapError::Invalid(p) => p,
        }
    }
}

fn join_problems(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// One problem at one place in a keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as given (path or a label such as "keymaps/default.toml").
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub kind: ProblemKind,
}

/// Displays as `file:line:column: sentence.`
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}.",
            self.file, self.line, self.column, self.kind
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("this is not valid TOML ({0})")]
    Syntax(String),
    #[error(
        "there is no section [{name}]{}; the sections are [global], [list], [thread], [customer], [composer] and [overlay]",
        did_you_mean(suggestions, "[", "]")
    )]
    UnknownScope {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("\"{0}\" must be a section such as [global], not a single value")]
    NotASection(String),
    #[error(
        "the key \"{0}\" must be bound to an action name in quotes, such as \"reply\" (or \"none\")"
    )]
    NotAnActionName(String),
    #[error("cannot read the key \"{key}\": {reason}")]
    BadKey { key: String, reason: String },
    #[error(
        "there is no action \"{name}\"{}",
        if suggestions.is_empty() {
            "; the built-in keymaps/default.toml lists every action".to_string()
        } else {
            did_you_mean(suggestions, "\"", "\"")
        }
    )]
    UnknownAction {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("\"{key}\" is the same key as \"{other}\" on line {other_line}")]
    Duplicate {
        key: String,
        other: String,
        other_line: usize,
    },
    #[error(
        "\"{key}\" clashes with \"{other}\" on line {other_line}: a key cannot be bound alone and also start a longer sequence"
    )]
    PrefixConflict {
        key: String,
        other: String,
        other_line: usize,
    },
}

fn did_you_mean(suggestions: &[String], open: &str, close: &str) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean {open}{one}{close}?)"),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| format!("{open}{s}{close}")).collect();
            format!(" (did you mean one of {}?)", quoted.join(", "))
        }
    }
}

/// 1-based line and column (in chars) of a byte offset into `src`.
pub(crate) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_from_offsets() {
        let src = "ab\ncd\nಕನ್ನಡ x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 1), (1, 2));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, 4), (2, 2));
        let x = src.find('x').unwrap();
        assert_eq!(line_col(src, x), (3, 7));
        assert_eq!(line_col(src, 10_000), (3, 8));
        // Inside a multi-byte char: rounds down to its start.
        assert_eq!(line_col(src, 7), (3, 1));
    }

    #[test]
    fn one_sentence_per_problem() {
        let p = |kind| Problem {
            file: "/home/a/.config/sahaya/keymap.toml".into(),
            line: 3,
            column: 9,
            kind,
        };
        assert_eq!(
            p(ProblemKind::UnknownAction {
                name: "replly".into(),
                suggestions: vec!["reply".into()]
            })
            .to_string(),
            "/home/a/.config/sahaya/keymap.toml:3:9: there is no action \"replly\" (did you mean \"reply\"?)."
        );
        assert_eq!(
            p(ProblemKind::UnknownScope {
                name: "lists".into(),
                suggestions: vec!["list".into()]
            })
            .to_string(),
            "/home/a/.config/sahaya/keymap.toml:3:9: there is no section [lists] (did you mean [list]?); \
             the sections are [global], [list], [thread], [customer], [composer] and [overlay]."
        );
        let err = KeymapError::Invalid(vec![
            p(ProblemKind::NotASection("x".into())),
            p(ProblemKind::Syntax("expected `=`".into())),
        ]);
        assert_eq!(err.to_string().lines().count(), 2);
    }
}
