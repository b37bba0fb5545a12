//! Keys inside an overlay: moving through its list, choosing, answering,
//! closing. Choices go to the flow that opened the overlay.

use crossterm::event::{KeyCode, KeyEvent};
use sahaya_keymap::Action;

use crate::app::{App, Pane};
use crate::overlay::Overlay;

/// y / Enter or n / Esc on a confirmation; other keys leave it open.
pub fn confirm_key(app: &mut App, key: KeyEvent) {
    let Some(Overlay::Confirm(c)) = app.overlay.take() else {
        return;
    };
    let yes = matches!(
        key.code,
        KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter
    );
    let no = matches!(
        key.code,
        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc
    );
    if yes {
        super::confirmed(app, c.then);
    } else if !no {
        app.overlay = Some(Overlay::Confirm(c));
    }
}

/// An action while an overlay is open. Returns the action the agent chose
/// from the palette, for the caller to run (this module sits below the
/// dispatcher and does not call back up into it).
#[must_use]
pub fn overlay_action(app: &mut App, action: Action) -> Option<Action> {
    let overlay = app.overlay.take()?;
    match overlay {
        Overlay::Help { scroll } => {
            if matches!(action, Action::Cancel | Action::Help | Action::Quit) {
                return None;
            }
            let last = crate::menus::help_rows(app).len().saturating_sub(1);
            let scroll = step(scroll, last + 1, action);
            app.overlay = Some(Overlay::Help { scroll });
        }
        Overlay::Palette { filter, selected } => {
            let rows = crate::menus::palette_rows(app, &filter.text());
            match action {
                Action::Cancel => {}
                Action::Open => return rows.get(selected).map(|row| row.action),
                _ => {
                    let selected = step(selected, rows.len(), action);
                    app.overlay = Some(Overlay::Palette { filter, selected });
                }
            }
        }
        Overlay::Picker(mut p) => match action {
            Action::Cancel => {}
            Action::Open => match p.current().cloned() {
                Some((_, pick)) => super::chosen(app, pick),
                // Nothing matches the filter: stay, so it can be corrected.
                None => app.overlay = Some(Overlay::Picker(p)),
            },
            _ => {
                p.selected = step(p.selected, p.visible().len(), action);
                app.overlay = Some(Overlay::Picker(p));
            }
        },
        Overlay::Prompt(p) => match action {
            Action::Cancel => {}
            Action::Open | Action::Send => {
                let value = p.input.text();
                super::answered(app, p, value);
            }
            _ => app.overlay = Some(Overlay::Prompt(p)),
        },
        Overlay::Search(mut s) => match action {
            Action::Cancel => {}
            Action::ShowResults => super::search::to_list(app, s),
            Action::Open => match s.results.get(s.selected) {
                Some(hit) => {
                    let id = hit.ticket_id;
                    app.open_ticket(id);
                    app.focus = Pane::Thread;
                }
                // Nothing to open (none found, or a wrong query): the box
                // stays with what was typed.
                None => app.overlay = Some(Overlay::Search(s)),
            },
            _ => {
                s.selected = step(s.selected, s.results.len(), action);
                app.overlay = Some(Overlay::Search(s));
            }
        },
        Overlay::Problems { selected } => {
            if action == Action::Cancel {
                return None;
            }
            let problems = match crate::problems::all(app) {
                Ok(problems) => problems,
                Err(e) => {
                    tracing::warn!("cannot read the outbox: {e}");
                    app.flash_cache_error(&e);
                    app.overlay = Some(Overlay::Problems { selected });
                    return None;
                }
            };
            match action {
                Action::Open => match problems.get(selected) {
                    Some(crate::problems::Problem::Write(entry)) => {
                        super::resolve::menu(app, entry)
                    }
                    Some(crate::problems::Problem::Undelivered(message)) => {
                        super::undelivered::menu(app, message)
                    }
                    None => {}
                },
                _ => {
                    app.overlay = Some(Overlay::Problems {
                        selected: step(selected, problems.len(), action),
                    })
                }
            }
        }
        // Answered by `confirm_key` before any action.
        Overlay::Confirm(c) => app.overlay = Some(Overlay::Confirm(c)),
    }
    None
}

/// The list position after a movement key (other keys leave it).
fn step(selected: usize, len: usize, action: Action) -> usize {
    if len == 0 {
        return 0;
    }
    match action {
        Action::MoveDown => (selected + 1).min(len - 1),
        Action::MoveUp => selected.saturating_sub(1),
        Action::PageDown => (selected + 10).min(len - 1),
        Action::PageUp => selected.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => len - 1,
        _ => selected,
    }
}
