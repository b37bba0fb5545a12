//! Splitting what was typed into items: words, quoted phrases, `field:value`
//! pairs, `OR`, each with the `-` before it and its char columns.

use crate::ast::is_separator;
use crate::error::{QueryError, QueryErrorKind};

/// Some text and the char columns it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spanned {
    /// The text meant (a quoted value without its quotes and escapes).
    pub text: String,
    /// The text exactly as typed.
    pub typed: String,
    pub column: usize,
    pub len: usize,
}

impl Spanned {
    /// An error about this text.
    pub fn error(&self, kind: QueryErrorKind) -> QueryError {
        QueryError {
            kind,
            column: self.column,
            len: self.len,
            text: self.typed.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ItemKind {
    Or,
    Word(String),
    Phrase(String),
    Field {
        name: Spanned,
        value: Spanned,
        quoted: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub negated: bool,
    pub kind: ItemKind,
    /// The whole item as typed (with its `-`).
    pub span: Spanned,
}

pub(crate) struct Lexer<'a> {
    chars: &'a [char],
    at: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(chars: &'a [char]) -> Self {
        Lexer { chars, at: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    fn spanned(&self, from: usize, to: usize) -> Spanned {
        let text = self.text(from, to);
        Spanned {
            typed: text.clone(),
            text,
            column: from,
            len: to - from,
        }
    }

    fn error(&self, kind: QueryErrorKind, from: usize, to: usize) -> QueryError {
        QueryError {
            kind,
            column: from,
            len: to - from,
            text: self.text(from, to),
        }
    }

    /// The next item, None at the end.
    pub fn next_item(&mut self) -> Result<Option<Item>, QueryError> {
        while self.peek().is_some_and(is_separator) {
            self.at += 1;
        }
        let start = self.at;
        let Some(first) = self.peek() else {
            return Ok(None);
        };
        let negated = first == '-';
        if negated {
            self.at += 1;
            if self.peek().is_none_or(is_separator) {
                return Err(self.error(QueryErrorKind::NothingToExclude, start, self.at));
            }
        }
        let kind = if self.peek() == Some('"') {
            ItemKind::Phrase(self.quoted()?.text)
        } else {
            let bare_start = self.at;
            self.bare();
            let bare = self.text(bare_start, self.at);
            match field_name(&bare) {
                Some(name) => {
                    let colon = bare_start + name.chars().count();
                    let name = self.spanned(bare_start, colon);
                    let value_start = colon + 1;
                    if value_start == self.at && self.peek() == Some('"') {
                        ItemKind::Field {
                            name,
                            value: self.quoted()?,
                            quoted: true,
                        }
                    } else {
                        ItemKind::Field {
                            name,
                            value: self.spanned(value_start, self.at),
                            quoted: false,
                        }
                    }
                }
                None if !negated && bare == "OR" => ItemKind::Or,
                None => ItemKind::Word(bare),
            }
        };
        Ok(Some(Item {
            negated,
            kind,
            span: self.spanned(start, self.at),
        }))
    }

    /// Advances over a bare run: up to a separator or a quote.
    fn bare(&mut self) {
        while self.peek().is_some_and(|c| !is_separator(c) && c != '"') {
            self.at += 1;
        }
    }

    /// Reads `"..."` (at a quote) and returns its unescaped content with the
    /// span of the whole quoted text.
    fn quoted(&mut self) -> Result<Spanned, QueryError> {
        let open = self.at;
        self.at += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(self.error(QueryErrorKind::UnclosedQuote, open, self.at));
                }
                Some('"') => {
                    self.at += 1;
                    break;
                }
                Some('\\') if matches!(self.chars.get(self.at + 1), Some('"' | '\\')) => {
                    text.push(self.chars[self.at + 1]);
                    self.at += 2;
                }
                Some(c) => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        Ok(Spanned {
            text,
            typed: self.text(open, self.at),
            column: open,
            len: self.at - open,
        })
    }
}

/// The field name of a bare run `name:...`: ASCII letters before the first
/// colon. `10:30` and `ಹೆಸರು:x` are words.
fn field_name(bare: &str) -> Option<&str> {
    let (name, _) = bare.split_once(':')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())).then_some(name)
}
