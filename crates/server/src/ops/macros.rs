//! Macros edited by supervisors: create, change, delete. A deleted macro
//! stays as a tombstone (`deleted: true`) so the change feed tells every
//! console to drop it; the macro list leaves it out.

use crate::db::Writer;
use crate::error::{ApiError, ApiResult};
use crate::repo;
use sahaya_protocol::domain::Macro;
use sahaya_protocol::domain::macro_rules::check_macro_body;
use sahaya_protocol::wire::MacroEdit;

/// The longest macro name and body, in characters.
const MAX_NAME: usize = 100;
const MAX_BODY: usize = 10_000;

/// `POST /v1/macros` (`id` None) and `PUT /v1/macros/{id}`.
pub fn save_macro(w: &mut Writer<'_>, id: Option<i64>, req: MacroEdit) -> ApiResult<Macro> {
    let name = req.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(ApiError::unprocessable(
            "bad_macro_name",
            format!("give the macro a name of 1 to {MAX_NAME} characters"),
        ));
    }
    let language = req.language.trim();
    if !is_language_tag(language) {
        return Err(ApiError::unprocessable(
            "bad_language",
            format!("{language:?} is not a language tag; use one such as kn, te-IN or ne"),
        ));
    }
    if req.body.trim().is_empty() || req.body.chars().count() > MAX_BODY {
        return Err(ApiError::unprocessable(
            "bad_macro_body",
            format!("write a body of 1 to {MAX_BODY} characters"),
        ));
    }
    check_macro_body(&req.body).map_err(|p| ApiError::unprocessable(p.code(), p.message()))?;
    super::tickets::check_tags(&req.add_tags)?;
    let id = match id {
        Some(id) => {
            live(w, id)?;
            id
        }
        None => repo::next_id(&w.tx, "macros")?,
    };
    let m = Macro {
        id,
        name: name.to_string(),
        language: language.to_string(),
        body: req.body,
        set_status: req.set_status,
        add_tags: sahaya_protocol::wire::normalize_tags(&req.add_tags),
        deleted: false,
    };
    repo::put_macro(w, &m)?;
    Ok(m)
}

/// `DELETE /v1/macros/{id}`: the tombstone.
pub fn delete_macro(w: &mut Writer<'_>, id: i64) -> ApiResult<Macro> {
    let mut m = live(w, id)?;
    m.deleted = true;
    repo::put_macro(w, &m)?;
    Ok(m)
}

/// Macro `id`, not deleted (else 404).
fn live(w: &Writer<'_>, id: i64) -> ApiResult<Macro> {
    repo::macro_by_id(&w.tx, id)?
        .filter(|m| !m.deleted)
        .ok_or_else(|| ApiError::not_found(&format!("macro {id}")))
}

/// `kn`, `te-IN`, `ne`: 2–3 lower-case letters, then optional subtags of
/// letters and digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
