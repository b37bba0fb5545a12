//! What is wrong with a typed query, in the agent's language: the column
//! (counted from 1, in the console's digits) and the problem, from the
//! error's kind (`QueryErrorKind::code` is the message id).

use sahaya_store::language::{Field, QueryError, QueryErrorKind};

use super::app::App;

/// "Column 3: there is no field “stauts”; …" for `e`.
pub fn error_text(app: &App, e: &QueryError) -> String {
    let text = sahaya_text::sanitize_line(&e.text).into_owned();
    let mut args: Vec<(&str, sahaya_i18n::Arg<'_>)> = vec![("text", text.into())];
    match &e.kind {
        QueryErrorKind::UnknownField { name } => {
            let fields: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            args.push(("name", sahaya_text::sanitize_line(name).into_owned().into()));
            args.push(("fields", fields.join(", ").into()));
        }
        QueryErrorKind::EmptyValue { field }
        | QueryErrorKind::BadAge { field }
        | QueryErrorKind::UnknownValue { field, .. }
        | QueryErrorKind::BadNumber { field, .. } => {
            args.push(("field", field.name().into()));
        }
        QueryErrorKind::UnclosedQuote
        | QueryErrorKind::NothingToExclude
        | QueryErrorKind::MisplacedOr
        | QueryErrorKind::BadPhone
        | QueryErrorKind::NothingToSearch => {}
    }
    match &e.kind {
        QueryErrorKind::UnknownValue { allowed, .. } => {
            args.push(("allowed", allowed.join(", ").into()));
        }
        QueryErrorKind::BadNumber { min, max, .. } => {
            args.push(("min", app.num(*min).into()));
            args.push(("max", app.num(*max).into()));
        }
        _ => {}
    }
    let problem = app.i18n.tr_args(e.kind.code(), &args);
    let column = app.num(e.column as i64 + 1);
    app.i18n.tr_args(
        "query-error-at",
        &[("column", column.into()), ("problem", problem.into())],
    )
}
