//! The macro editor (supervisors): create a macro, write or change its body
//! in each language (en, kn, te, ne, hi), delete one. A macro in several
//! languages is one macro per language sharing its name and tags. The body
//! is checked as it is typed with the server's rules
//! (`macro_rules::check_macro_body`): a malformed placeholder is an error
//! with its line and column, and saving waits until it is fixed. Saves and
//! deletions go through the outbox to `POST/PUT/DELETE /v1/macros`; the
//! server's change feed brings them to every console.

use sahaya_keymap::Action;
use sahaya_protocol::domain::Macro;
use sahaya_protocol::domain::macro_rules::{BodyProblem, check_macro_body};
use sahaya_protocol::wire::MacroEdit;
use sahaya_store::OutboxOp;
use sahaya_text::TextBuffer;

use super::{Ask, Confirmed, Pick, confirm, enqueue, open_picker, prompt, required};
use crate::app::App;
use crate::late_notice::same_macro;
pub use crate::macro_draft::MacroEditor;

/// The languages a macro is written in.
pub const LANGUAGES: [&str; 5] = ["en", "kn", "te", "ne", "hi"];

/// A step of the editor's pickers.
#[derive(Debug, Clone, PartialEq)]
pub enum EditPick {
    New,
    /// A macro and its other languages.
    Family(i64),
    /// Change this one's body.
    Edit(i64),
    /// Write the macro `from` in `language`.
    Write {
        from: i64,
        language: String,
    },
    /// A new macro's language.
    NewIn {
        name: String,
        tags: Vec<String>,
        language: String,
    },
    Delete(i64),
}

/// Where a placeholder problem is: 1-based line and column of character
/// `at` of `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before: String = text.chars().take(at).collect();
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// What is wrong with a body, in the console's language, with its line and
/// column.
pub fn problem_text(app: &App, text: &str, problem: &BodyProblem) -> String {
    let (id, at, name) = match problem {
        BodyProblem::Unclosed { at } => ("macro-body-unclosed", *at, String::new()),
        BodyProblem::Empty { at } => ("macro-body-empty", *at, String::new()),
        BodyProblem::BadName { at, name } => (
            "macro-body-bad-name",
            *at,
            sahaya_text::sanitize_line(name).into_owned(),
        ),
    };
    let (line, col) = line_col(text, at);
    app.i18n.tr_args(
        id,
        &[
            ("line", line.into()),
            ("column", col.into()),
            ("name", name.into()),
        ],
    )
}

fn macros(app: &mut App) -> Option<Vec<Macro>> {
    match app.store.macros() {
        Ok(m) => Some(m),
        Err(e) => {
            app.flash_cache_error(&e);
            None
        }
    }
}

/// `M`: supervisors get the editor's first picker; agents are told.
pub fn start(app: &mut App) {
    if !app.is_supervisor() {
        let text = app.t("macro-editor-supervisors");
        app.flash(text);
        return;
    }
    let Some(all) = macros(app) else { return };
    let mut items = vec![(app.t("macro-editor-new"), Pick::MacroEdit(EditPick::New))];
    let mut seen: Vec<&Macro> = Vec::new();
    for m in &all {
        if seen.iter().any(|s| same_macro(s, m)) {
            continue;
        }
        seen.push(m);
        let langs = crate::late_notice::languages_of(&all, m);
        items.push((
            format!(
                "{} — {}",
                sahaya_text::sanitize_line(&m.name),
                langs.join(", ")
            ),
            Pick::MacroEdit(EditPick::Family(m.id)),
        ));
    }
    let title = app.t("macro-editor-title");
    open_picker(app, title, items, 0);
}

pub fn chosen(app: &mut App, pick: EditPick) {
    let Some(all) = macros(app) else { return };
    let find = |id: i64| all.iter().find(|m| m.id == id).cloned();
    match pick {
        EditPick::New => {
            let title = app.t("macro-editor-name");
            prompt(app, title, "", Ask::MacroName);
        }
        EditPick::Family(id) => {
            let Some(m) = find(id) else { return gone(app) };
            family(app, &all, &m);
        }
        EditPick::Edit(id) => {
            let Some(m) = find(id) else { return gone(app) };
            open(app, Some(m.id), &m, &m.language, &m.body);
        }
        EditPick::Write { from, language } => {
            let Some(m) = find(from) else {
                return gone(app);
            };
            open(app, None, &m, &language, "");
        }
        EditPick::NewIn {
            name,
            tags,
            language,
        } => {
            let m = Macro {
                id: 0,
                name,
                language: language.clone(),
                body: String::new(),
                set_status: None,
                add_tags: tags,
                deleted: false,
            };
            open(app, None, &m, &language, "");
        }
        EditPick::Delete(id) => {
            let Some(m) = find(id) else { return gone(app) };
            let q = app.i18n.tr_args(
                "macro-editor-confirm-delete",
                &[
                    ("name", sahaya_text::sanitize_line(&m.name).into()),
                    ("language", m.language.clone().into()),
                ],
            );
            confirm(app, q, Confirmed::DeleteMacro(id));
        }
    }
}

fn gone(app: &mut App) {
    let text = app.t("late-macro-gone");
    app.flash(text);
}

/// The macro's languages: edit, write, delete.
fn family(app: &mut App, all: &[Macro], m: &Macro) {
    let siblings: Vec<&Macro> = all.iter().filter(|o| same_macro(o, m)).collect();
    let mut items = Vec::new();
    for lang in LANGUAGES {
        let name = sahaya_text::sanitize_line(&m.name).into_owned();
        match siblings.iter().find(|s| s.language == lang) {
            Some(s) => items.push((
                app.i18n.tr_args(
                    "macro-editor-edit",
                    &[("language", lang.into()), ("name", name.into())],
                ),
                Pick::MacroEdit(EditPick::Edit(s.id)),
            )),
            None => items.push((
                app.i18n.tr_args(
                    "macro-editor-write",
                    &[("language", lang.into()), ("name", name.into())],
                ),
                Pick::MacroEdit(EditPick::Write {
                    from: m.id,
                    language: lang.to_string(),
                }),
            )),
        }
    }
    for s in &siblings {
        items.push((
            app.i18n.tr_args(
                "macro-editor-delete",
                &[
                    ("language", s.language.clone().into()),
                    (
                        "name",
                        sahaya_text::sanitize_line(&s.name).into_owned().into(),
                    ),
                ],
            ),
            Pick::MacroEdit(EditPick::Delete(s.id)),
        ));
    }
    let title = sahaya_text::sanitize_line(&m.name).into_owned();
    open_picker(app, title, items, 0);
}

/// The editor on `body`, for macro `id` (None: a new one) like `m` in
/// `language`.
fn open(app: &mut App, id: Option<i64>, m: &Macro, language: &str, body: &str) {
    let mut buffer = TextBuffer::new();
    buffer.insert_str(body);
    let script = crate::typing::default_script(language);
    app.editor = Some(MacroEditor {
        id,
        name: m.name.clone(),
        language: language.to_string(),
        tags: m.add_tags.clone(),
        set_status: m.set_status,
        buffer,
        typing: crate::typing::Typing::new(script),
    });
}

/// A new macro's name was typed: its tags are asked next.
pub fn name_answered(app: &mut App, value: &str) -> Result<(), String> {
    let name = required(app, value)?;
    if name.chars().count() > 80 {
        return Err(app.t("macro-editor-name-long"));
    }
    let title = app.t("macro-editor-tags");
    prompt(app, title, "", Ask::MacroTags(name));
    Ok(())
}

/// Tags (comma separated, may be none): the language is asked next.
pub fn tags_answered(app: &mut App, name: String, value: &str) -> Result<(), String> {
    let tags: Vec<String> = value
        .split(',')
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    if let Some(bad) = tags.iter().find(|t| {
        !t.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    }) {
        return Err(app
            .i18n
            .tr_args("macro-editor-bad-tag", &[("tag", bad.clone().into())]));
    }
    let items = LANGUAGES
        .iter()
        .map(|l| {
            (
                format!("{l} · {}", sahaya_i18n::language_name(l).unwrap_or(l)),
                Pick::MacroEdit(EditPick::NewIn {
                    name: name.clone(),
                    tags: tags.clone(),
                    language: l.to_string(),
                }),
            )
        })
        .collect();
    let title = app.t("macro-editor-language");
    open_picker(app, title, items, 0);
    Ok(())
}

/// Keys while the editor is open (text goes into the body).
pub fn action(app: &mut App, action: Action) {
    match action {
        Action::Send => save(app),
        Action::Cancel => app.editor = None,
        Action::Quit => super::quit(app),
        _ => {}
    }
}

/// Ctrl-s: queued when the body is right, else the error stays in view.
fn save(app: &mut App) {
    let Some(e) = app.editor.as_ref() else { return };
    let body = e.buffer.text();
    if body.trim().is_empty() {
        let text = app.t("macro-editor-empty");
        app.flash(text);
        return;
    }
    if let Err(problem) = check_macro_body(&body) {
        let text = problem_text(app, &body, &problem);
        app.flash(text);
        return;
    }
    let op = OutboxOp::MacroSave {
        id: e.id,
        edit: MacroEdit {
            name: e.name.clone(),
            language: e.language.clone(),
            body,
            set_status: e.set_status,
            add_tags: e.tags.clone(),
        },
    };
    if enqueue(app, op) {
        app.editor = None;
        let text = app.t("macro-editor-queued");
        app.flash(text);
    }
}

/// Yes to deleting macro `id`.
pub fn delete(app: &mut App, id: i64) {
    if enqueue(app, OutboxOp::MacroDelete { id }) {
        let text = app.t("macro-editor-deleted");
        app.flash(text);
    }
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn positions_are_lines_and_columns_of_characters() {
        let text = "ನಮಸ್ಕಾರ\n{{customer.name";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 8), (2, 1));
        assert_eq!(line_col("ab {{", 3), (1, 4));
    }
}
