//! The supervisor screen's keys: moving through its rows and opening the
//! tickets behind one (a drill-down shows them in the list; Esc there goes
//! back to the screen).

use sahaya_keymap::Action;

use crate::app::{App, Pane};
use crate::supervisor::{Target, rows, selected_index};

/// Rows moved by page up / page down.
const PAGE: usize = 10;

/// Keys while the supervisor screen is shown. Returns false for the actions
/// the rest of the console handles (closing, quitting, help...).
pub fn action(app: &mut App, action: Action) -> bool {
    use Action::*;
    match action {
        MoveDown => step(app, 1),
        MoveUp => step(app, -1),
        PageDown => step(app, PAGE as isize),
        PageUp => step(app, -(PAGE as isize)),
        Top => step(app, isize::MIN / 2),
        Bottom => step(app, isize::MAX / 2),
        Open => drill_down(app),
        Cancel
        | Quit
        | Supervisor
        | Help
        | CommandPalette
        | SyncNow
        | Outbox
        | ToggleRomanized
        | ToggleTransliteration
        | NextScript => {
            return false;
        }
        // Leaving for the list.
        ViewMine | ViewUnassigned | ViewOpen | ViewPending | ViewSolved | ViewSlaDue | NextView
        | PrevView | Search | LateShipments | EditMacros => {
            app.show_supervisor = false;
            app.focus = Pane::List;
            return false;
        }
        // Ticket actions have no ticket here, panes are not shown.
        Reply | Note | SetStatus | SetPriority | Assign | AssignToMe | Tags | Macro
        | OrderActions | ProactiveNotice | ToggleMark | Send | ToggleReplyNote | NextPane
        | PrevPane | Files | AttachFile | ShowResults | SaveView | MarkAll | InvertMarks
        | ClearMarks | SetGroup | Merge => {}
    }
    true
}

fn step(app: &mut App, delta: isize) {
    let n = rows(app).iter().filter(|r| !r.heading).count();
    if n == 0 {
        return;
    }
    let at = app.supervisor.selected.min(n - 1) as isize;
    app.supervisor.selected = at.saturating_add(delta).clamp(0, n as isize - 1) as usize;
}

/// Enter on a row: the list shows the tickets behind the figure.
pub fn drill_down(app: &mut App) {
    let rows = rows(app);
    let Some(target) = selected_index(app, &rows).and_then(|i| rows[i].target.clone()) else {
        return;
    };
    app.show_supervisor = false;
    app.focus = Pane::List;
    match target {
        Target::View(v) => app.set_view(v),
        Target::Filter(f) => app.set_filter(Some(f)),
    }
}
