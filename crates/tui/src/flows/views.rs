//! Saved views: the search the list shows, saved with a name and a key;
//! shown in the tabs with a live count, switched to with its key, cycled
//! through with the built-in views. Kept by `saved_views`.

use sahaya_keymap::{KeyChord, Scope, parse_key};
use sahaya_protocol::wire::View;

use super::{Ask, prompt, required};
use crate::app::{App, ListQuery};
use crate::saved_views::SavedView;

/// A new view of the search the list shows: asks its name, then its key.
pub fn save(app: &mut App) {
    let Some(q) = app.query.clone() else {
        let text = app.i18n.tr_args(
            "view-save-needs-search",
            &[
                ("search", app.key_for(sahaya_keymap::Action::Search).into()),
                (
                    "list",
                    app.keymap
                        .key_hint(Scope::Overlay, sahaya_keymap::Action::ShowResults)
                        .unwrap_or_default()
                        .into(),
                ),
            ],
        );
        app.flash(text);
        return;
    };
    if let Some(view) = q.saved.and_then(|i| app.saved.views.get(i)) {
        let text = app.i18n.tr_args(
            "view-already-saved",
            &[
                ("name", view.name.clone().into()),
                ("key", view.key.clone().into()),
            ],
        );
        app.flash(text);
        return;
    }
    let title = app
        .i18n
        .tr_args("prompt-view-name", &[("query", q.text.clone().into())]);
    prompt(app, title, "", Ask::ViewName(q.text));
}

/// The name was typed: ask the key.
pub fn name_answered(app: &mut App, query: String, value: &str) -> Result<(), String> {
    let name = required(app, value)?;
    let title = app
        .i18n
        .tr_args("prompt-view-key", &[("name", name.clone().into())]);
    prompt(app, title, "", Ask::ViewKey { name, query });
    Ok(())
}

/// The key was typed: it must be one key that nothing else uses.
pub fn key_answered(app: &mut App, name: String, query: String, value: &str) -> Result<(), String> {
    let value = required(app, value)?;
    let chord = match parse_key(&value).as_deref() {
        Ok([chord]) => *chord,
        _ => {
            return Err(app
                .i18n
                .tr_args("view-key-bad", &[("key", value.clone().into())]));
        }
    };
    if let Some(taken) = taken_by(app, chord) {
        return Err(app.i18n.tr_args(
            "view-key-taken",
            &[("key", value.clone().into()), ("by", taken.into())],
        ));
    }
    let Ok(parsed) = sahaya_store::language::parse(&query) else {
        // The list showed it, so it parsed; nothing to save otherwise.
        return Ok(());
    };
    let view = SavedView {
        name: name.clone(),
        key: chord.to_config_string(),
        query,
    };
    match app.saved.add(view, parsed) {
        Ok(index) => {
            if let Some(q) = app.query.as_mut() {
                q.saved = Some(index);
            }
            app.reload();
            let text = app.i18n.tr_args(
                "view-saved",
                &[
                    ("name", name.into()),
                    ("key", chord.to_config_string().into()),
                ],
            );
            app.flash(text);
        }
        Err(e) => {
            let text = app
                .i18n
                .tr_args("error-saved-views", &[("error", e.into())]);
            app.flash(text);
        }
    }
    Ok(())
}

/// What already answers `chord` in the panes: an action's description or
/// a saved view's name.
fn taken_by(app: &App, chord: KeyChord) -> Option<String> {
    if let Some(i) = app.saved.by_key(&chord) {
        return app.saved.views.get(i).map(|v| v.name.clone());
    }
    for (scope, action, keys) in app.keymap.help_entries() {
        if !matches!(
            scope,
            Scope::Global | Scope::List | Scope::Thread | Scope::Customer
        ) {
            continue;
        }
        let starts = keys
            .iter()
            .any(|k| parse_key(k).is_ok_and(|seq| seq.first() == Some(&chord)));
        if starts {
            return Some(app.t(&action.message_id()));
        }
    }
    None
}

/// Shows saved view `index` in the list.
pub fn show(app: &mut App, index: usize) {
    let (Some(view), Some(query)) = (
        app.saved.views.get(index),
        app.saved.queries.get(index).cloned().flatten(),
    ) else {
        if let Some(view) = app.saved.views.get(index) {
            let text = app
                .i18n
                .tr_args("view-broken", &[("name", view.name.clone().into())]);
            app.flash(text);
        }
        return;
    };
    let text = view.query.clone();
    app.set_query(Some(ListQuery {
        text,
        query,
        saved: Some(index),
    }));
}

/// The key typed in a pane is a saved view's: show it.
pub fn by_key(app: &mut App, chord: KeyChord) -> bool {
    match app.saved.by_key(&chord) {
        Some(index) => {
            show(app, index);
            true
        }
        None => false,
    }
}

/// The next (`step` 1) or previous (-1) view: the built-in ones, then the
/// saved ones, round.
pub fn cycle(app: &mut App, step: isize) {
    let builtin = View::ALL.len();
    let n = (builtin + app.saved.views.len()) as isize;
    let at = match app.query.as_ref().and_then(|q| q.saved) {
        Some(i) => builtin + i,
        None => View::ALL.iter().position(|v| *v == app.view).unwrap_or(0),
    } as isize;
    let next = (at + step).rem_euclid(n) as usize;
    match View::ALL.get(next) {
        Some(view) => app.set_view(*view),
        None => show(app, next - builtin),
    }
}
