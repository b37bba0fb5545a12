//! From items to the typed query: `OR` joins the terms on its sides into one
//! clause; every value is checked for its field.

use crate::ast::{Clause, Query, Term};
use crate::error::{QueryError, QueryErrorKind};
use crate::lex::{Item, ItemKind, Lexer};
use crate::values::{field_matcher, has_searchable};

/// Parses what the agent typed. An empty (or blank) input is the empty
/// query, which matches every ticket.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut lexer = Lexer::new(&chars);
    let mut clauses: Vec<Clause> = Vec::new();
    // An `OR` seen after the last term, waiting for the term on its right.
    let mut pending_or: Option<Item> = None;
    while let Some(item) = lexer.next_item()? {
        if item.kind == ItemKind::Or {
            if pending_or.is_some() || clauses.is_empty() {
                return Err(misplaced_or(&item));
            }
            pending_or = Some(item);
            continue;
        }
        let term = term(item)?;
        match (pending_or.take(), clauses.last_mut()) {
            (Some(_), Some(last)) => last.terms.push(term),
            _ => clauses.push(Clause { terms: vec![term] }),
        }
    }
    if let Some(or) = pending_or {
        return Err(misplaced_or(&or));
    }
    Ok(Query { clauses })
}

fn misplaced_or(item: &Item) -> QueryError {
    item.span.error(QueryErrorKind::MisplacedOr)
}

fn term(item: Item) -> Result<Term, QueryError> {
    let nothing = |item: &Item| item.span.error(QueryErrorKind::NothingToSearch);
    let matcher = match &item.kind {
        ItemKind::Word(w) if has_searchable(w) => crate::ast::Matcher::Word(w.clone()),
        ItemKind::Phrase(p) if has_searchable(p) => crate::ast::Matcher::Phrase(p.clone()),
        ItemKind::Word(_) | ItemKind::Phrase(_) => return Err(nothing(&item)),
        ItemKind::Field {
            name,
            value,
            quoted,
        } => field_matcher(name, value, *quoted)?,
        ItemKind::Or => return Err(misplaced_or(&item)),
    };
    Ok(Term {
        negated: item.negated,
        matcher,
    })
}
