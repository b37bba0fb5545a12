//! What the help screen and the command palette offer: the keymap's
//! bindings, less what this agent or helpdesk cannot do. Used by the
//! overlays' keys (how far to scroll, what Enter runs) and their drawing.

use sahaya_keymap::Action;

use super::app::App;
use super::overlay::PaletteRow;

/// The help screen's rows: a heading per scope, then its bindings.
pub fn help_rows(app: &App) -> Vec<(String, bool)> {
    let mut rows = Vec::new();
    let mut last_scope = None;
    for (scope, action, keys) in app.keymap.help_entries() {
        // What this helpdesk cannot do is not offered.
        if super::capability::missing(&app.capabilities, action).is_some() {
            continue;
        }
        if last_scope != Some(scope) {
            rows.push((app.t(&format!("scope-{}", scope.as_str())), true));
            last_scope = Some(scope);
        }
        let keys = sahaya_text::pad_to(&keys.join(", "), 18, &app.profile).into_owned();
        rows.push((format!("  {keys} {}", app.t(&action.message_id())), false));
    }
    rows
}

/// Rows of the command palette for a filter text.
pub fn palette_rows(app: &App, filter: &str) -> Vec<PaletteRow> {
    let filter = filter.trim().to_lowercase();
    Action::ALL
        .iter()
        .filter(|a| super::capability::offered(app, **a))
        .map(|a| PaletteRow {
            action: *a,
            keys: app.keymap.bindings_for(*a).join(", "),
            label: app.t(&a.message_id()),
        })
        .filter(|row| {
            filter.is_empty()
                || row.label.to_lowercase().contains(&filter)
                || row.action.name().contains(&filter)
        })
        .collect()
}
