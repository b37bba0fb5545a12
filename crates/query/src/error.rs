//! What can be wrong with a typed query, as data: the UI translates the
//! kind (see [`QueryErrorKind::code`]) and marks `column .. column + len`
//! of what was typed. The English [`Display`](std::fmt::Display) is for
//! logs and tests.

use std::fmt;

use crate::ast::Field;

/// A query that cannot be run, and where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub kind: QueryErrorKind,
    /// Where the offending text starts: a char index into what was typed.
    pub column: usize,
    /// How many chars it spans (at least 1 unless the input is empty there).
    pub len: usize,
    /// The offending text, exactly as typed.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// A `"` without its closing `"`.
    UnclosedQuote,
    /// A `-` with nothing right after it.
    NothingToExclude,
    /// `OR` without a term on one side.
    MisplacedOr,
    /// `name:` where `name` is not a field. Put text with a colon in quotes.
    UnknownField { name: String },
    /// `field:` with nothing after the colon.
    EmptyValue { field: Field },
    /// A value the field does not take; `allowed` lists the ones it does.
    UnknownValue {
        field: Field,
        allowed: &'static [&'static str],
    },
    /// A phone number needs digits (and only `+ - ( ) .` besides).
    BadPhone,
    /// An age such as `<2d`: an optional `<`, `<=`, `>`, `>=`, a number and
    /// a unit (`m`, `h`, `d`, `w`).
    BadAge { field: Field },
    /// A whole number from `min` to `max`, optionally after `<`, `<=`, `>`,
    /// `>=` or `=`.
    BadNumber { field: Field, min: i64, max: i64 },
    /// A word or value without a letter or digit in it: nothing to look for.
    NothingToSearch,
}

impl QueryErrorKind {
    /// A stable identifier for translations (a Fluent message id).
    pub fn code(&self) -> &'static str {
        match self {
            QueryErrorKind::UnclosedQuote => "query-unclosed-quote",
            QueryErrorKind::NothingToExclude => "query-nothing-to-exclude",
            QueryErrorKind::MisplacedOr => "query-misplaced-or",
            QueryErrorKind::UnknownField { .. } => "query-unknown-field",
            QueryErrorKind::EmptyValue { .. } => "query-empty-value",
            QueryErrorKind::UnknownValue { .. } => "query-unknown-value",
            QueryErrorKind::BadPhone => "query-bad-phone",
            QueryErrorKind::BadAge { .. } => "query-bad-age",
            QueryErrorKind::BadNumber { .. } => "query-bad-number",
            QueryErrorKind::NothingToSearch => "query-nothing-to-search",
        }
    }
}

impl QueryError {
    /// The char range of the offending text in what was typed.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.column..self.column + self.len
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.column + 1;
        let text = &self.text;
        match &self.kind {
            QueryErrorKind::UnclosedQuote => write!(
                f,
                "column {at}: the quote in {text:?} is not closed; add a closing \""
            ),
            QueryErrorKind::NothingToExclude => write!(
                f,
                "column {at}: \"-\" excludes what follows it; put it right before a word or field, e.g. -status:solved"
            ),
            QueryErrorKind::MisplacedOr => write!(
                f,
                "column {at}: OR needs a term on each side, e.g. status:open OR status:pending"
            ),
            QueryErrorKind::UnknownField { name } => {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                write!(
                    f,
                    "column {at}: there is no field {name:?}; use one of {}, or put the text in quotes to search for it",
                    known.join(", ")
                )
            }
            QueryErrorKind::EmptyValue { field } => write!(
                f,
                "column {at}: {}: needs a value after the colon",
                field.name()
            ),
            QueryErrorKind::UnknownValue { field, allowed } => write!(
                f,
                "column {at}: {text:?} is not a {} here; use one of {}",
                field.name(),
                allowed.join(", ")
            ),
            QueryErrorKind::BadPhone => write!(
                f,
                "column {at}: {text:?} is not a phone number; use digits, e.g. phone:9845012345 or phone:\"+91 98450 12345\""
            ),
            QueryErrorKind::BadAge { field } => write!(
                f,
                "column {at}: {text:?} is not an age; write e.g. {}:<2d or {}:>1h (units m, h, d, w)",
                field.name(),
                field.name()
            ),
            QueryErrorKind::BadNumber { field, min, max } => write!(
                f,
                "column {at}: {text:?} is not a number from {min} to {max}; write e.g. {}:<3",
                field.name()
            ),
            QueryErrorKind::NothingToSearch => write!(
                f,
                "column {at}: {text:?} has no letter or digit to search for"
            ),
        }
    }
}

impl std::error::Error for QueryError {}
