//! The search language of the console: what an agent types into the search
//! box or saves as a view, parsed into a typed [`Query`] that the cache
//! (`sahaya-store`) runs offline. The language is described in
//! `docs/search.md`.
//!
//! ```text
//! status:pending priority:urgent -tag:cod customer:"Kavya R" refund
//! phone:9845 OR order:OD-1001  created:<2d  late:yes  csat:<3
//! ```
//!
//! - Terms separated by blanks must all hold; `OR` between two terms joins
//!   them (`a OR b c` is "(a or b) and c"); `-` right before a term excludes.
//! - A wrong query gives a [`QueryError`]: its kind (data the UI
//!   translates), the char column and the offending text as typed. Parsing
//!   never changes or drops the input; the caller keeps what was typed.
//! - `Display` prints the canonical form, which parses back to the same
//!   query (saved views store it).
//!
//! Parser: a hand-written lexer and parser, not a combinator crate. The
//! language is a flat list of blank-separated items with one infix word
//! (`OR`) and no nesting, so a grammar library (winnow 1.0, already in the
//! dependency tree through `toml`, or chumsky) would replace only the ~150
//! lines of the lexer while the work is elsewhere: checking each field's
//! value and reporting errors in chars (winnow reports byte offsets), with
//! kinds the UI can translate. Property tests cover it instead: no input
//! panics, errors point inside the input, and print/parse round-trips.
//!
//! [`keys`] holds the normalization of phone numbers, e-mail addresses,
//! handles and order ids shared by the index and the lookups.

mod ast;
mod error;
pub mod keys;
mod lex;
mod parse;
mod values;

pub use ast::{Age, AgeUnit, Assignee, Clause, Cmp, Compare, Field, Matcher, Query, Term};
pub use error::{QueryError, QueryErrorKind};
pub use parse::parse;

#[cfg(test)]
mod tests;
