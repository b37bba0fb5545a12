//! Turning keys and sync events into state changes.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{App, Effect, Pane};
use super::overlay::Overlay;
use sahaya_keymap::{Action, KeyResult, Scope};
use sahaya_protocol::domain::MessageKind;
use sahaya_protocol::events::SyncEvent;
use sahaya_protocol::wire::View;
use sahaya_text::TextBuffer;

/// Everything that can happen to the console.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Sync(SyncEvent),
    Paste(String),
    Resize,
    Tick,
    /// What the search thread found for `query`.
    SearchResults {
        query: String,
        hits: Vec<sahaya_store::SearchHit>,
    },
    /// The search thread could not run `query`.
    SearchFailed {
        query: String,
        error: String,
    },
}

pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key),
        Msg::Key(_) | Msg::Resize | Msg::Tick => {}
        Msg::Paste(text) => on_paste(app, &text),
        Msg::Sync(event) => on_sync(app, event),
        Msg::SearchResults { query, hits } => {
            // Results of a query the agent has typed past are dropped.
            if let Some(super::overlay::Overlay::Search(s)) = &mut app.overlay
                && s.input.text() == query
            {
                s.results = hits;
                s.selected = 0;
                s.pending = false;
            }
        }
        Msg::SearchFailed { query, error } => {
            if let Some(super::overlay::Overlay::Search(s)) = &mut app.overlay
                && s.input.text() == query
            {
                // Not "0 results": the search did not run.
                s.results.clear();
                s.pending = false;
                let text = app
                    .i18n
                    .tr_args("error-cache-read", &[("error", error.into())]);
                app.flash(text);
            }
        }
    }
}

/// A refusal or an undelivered reply more than `before`: the count stays in
/// the status bar; the flash says which key lists them.
fn say_new_problems(app: &mut App, before: (i64, i64)) {
    let id = if app.outbox_problems > before.0 {
        // Which tickets, grouped by why (a bulk action's refusals at once).
        match super::problems::summary(app) {
            Ok(Some(text)) => return app.flash(text),
            Ok(None) => {}
            Err(e) => tracing::warn!("cannot read the problems: {e}"),
        }
        "outbox-problems-new"
    } else if app.undelivered > before.1 {
        "undelivered-new"
    } else {
        return;
    };
    let key = app.key_for(sahaya_keymap::Action::Outbox);
    let text = app.i18n.tr_args(id, &[("key", key.into())]);
    app.flash(text);
}

fn on_sync(app: &mut App, event: SyncEvent) {
    match event {
        SyncEvent::Connection(c) => app.connection = c,
        SyncEvent::Pulled { .. } => {
            app.progress = None;
            let before = (app.outbox_problems, app.undelivered);
            app.reload();
            say_new_problems(app, before);
        }
        SyncEvent::Progress { done, total } => app.progress = Some((done, total)),
        SyncEvent::Outbox => {
            let before = (app.outbox_problems, app.undelivered);
            app.reload();
            say_new_problems(app, before);
        }
        SyncEvent::Stats(stats) => app.take_stats(stats),
        SyncEvent::FileSaved { name, path, opened } => {
            let id = if opened { "file-opened" } else { "file-saved" };
            let text = app.i18n.tr_args(
                id,
                &[
                    (
                        "name",
                        sahaya_text::sanitize_line(&name).into_owned().into(),
                    ),
                    (
                        "path",
                        sahaya_text::sanitize_line(&path.display().to_string())
                            .into_owned()
                            .into(),
                    ),
                ],
            );
            app.flash(text);
        }
        SyncEvent::FileFailed { name, problem } => {
            let text = super::flows::files::failure(app, &name, &problem);
            app.flash(text);
        }
        // A backend without presence has nothing to say here; should a
        // notice come anyway, no "also viewing" row is made of it.
        SyncEvent::Presence(_) if !app.capabilities.presence => app.viewers.clear(),
        SyncEvent::Presence(notice) => {
            let me = app.my_id();
            let others: Vec<_> = notice
                .viewers
                .into_iter()
                .filter(|v| v.agent_id != me)
                .collect();
            if others.is_empty() {
                app.viewers.remove(&notice.ticket_id);
            } else {
                app.viewers.insert(notice.ticket_id, others);
            }
        }
        SyncEvent::Synced { at } => app.last_sync = Some(at),
    }
}

/// Pasted text goes into the focused field like typed text (after the
/// pending Latin syllable, as it is): the draft is saved, a search runs
/// again.
fn on_paste(app: &mut App, text: &str) {
    if let Some((buffer, typing)) = super::typing_focus::focused(app) {
        typing.flush(buffer);
        buffer.insert_str(text);
        super::flows::after_edit(app);
    }
}

fn scope(app: &App) -> Scope {
    if app.overlay.is_some() {
        Scope::Overlay
    } else if app.composer.is_some() || app.editor.is_some() {
        Scope::Composer
    } else {
        app.focus.scope()
    }
}

fn on_key(app: &mut App, key: KeyEvent) {
    // Confirmations answer to y / n before anything else.
    if let Some(Overlay::Confirm(_)) = app.overlay {
        super::flows::navigate::confirm_key(app, key);
        return;
    }
    let scope = scope(app);
    match app.keymap.keys().feed(scope, key) {
        KeyResult::Action(action) => {
            app.pending_keys.clear();
            // Whatever the action, it sees the text as shown.
            if super::typing_focus::flush_focused(app) {
                super::flows::after_edit(app);
            }
            run(app, action);
        }
        KeyResult::Pending(hint) => {
            app.pending_keys = hint
                .into_iter()
                .map(|(k, a)| format!("{k} {}", app.t(&a.message_id())))
                .collect();
        }
        KeyResult::Unbound => {
            app.pending_keys.clear();
            // A saved view's key, in the panes.
            if app.overlay.is_none()
                && app.composer.is_none()
                && super::flows::views::by_key(app, key.into())
            {
                return;
            }
            // Lists in overlays without a text field move with the list's
            // movement keys (j, k, g g...); other keys of the list do not
            // reach through the overlay.
            let lists_only = matches!(
                app.overlay,
                Some(Overlay::Help { .. } | Overlay::Problems { .. })
            );
            if lists_only {
                if let Some(action) = app.keymap.action_for(Scope::List, &[key.into()])
                    && matches!(
                        action,
                        Action::MoveDown
                            | Action::MoveUp
                            | Action::PageDown
                            | Action::PageUp
                            | Action::Top
                            | Action::Bottom
                    )
                {
                    run(app, action);
                }
                return;
            }
            let (width, profile) = (app.composer_width, app.profile.clone());
            let multiline = scope == Scope::Composer;
            if let Some((buffer, typing)) = super::typing_focus::focused(app) {
                if !typing.key(buffer, key, multiline) {
                    edit(buffer, key, multiline, width, &profile);
                }
                super::flows::after_edit(app);
            }
        }
    }
}

/// Plain editing keys of a text field.
fn edit(
    buffer: &mut TextBuffer,
    key: KeyEvent,
    multiline: bool,
    width: usize,
    profile: &sahaya_text::WidthProfile,
) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('w') if ctrl => buffer.delete_word_back(),
        KeyCode::Char('a') if ctrl => buffer.home(),
        KeyCode::Char('e') if ctrl => buffer.end(),
        KeyCode::Char('u') if ctrl => buffer.clear(),
        KeyCode::Char(c) if !ctrl && !alt => buffer.insert_char(c),
        KeyCode::Enter if multiline => buffer.newline(),
        KeyCode::Backspace => buffer.backspace(),
        KeyCode::Delete => buffer.delete(),
        KeyCode::Left if ctrl => buffer.word_left(),
        KeyCode::Right if ctrl => buffer.word_right(),
        KeyCode::Left => buffer.move_left(),
        KeyCode::Right => buffer.move_right(),
        KeyCode::Up if multiline => buffer.move_up(width, profile),
        KeyCode::Down if multiline => buffer.move_down(width, profile),
        KeyCode::Home => buffer.home(),
        KeyCode::End => buffer.end(),
        KeyCode::Tab if multiline => buffer.insert_str("    "),
        _ => {}
    }
}

/// Runs an action in the current context.
pub fn run(app: &mut App, action: Action) {
    // These work everywhere, the composer and overlays included.
    if action == Action::ToggleRomanized {
        toggle_romanized(app);
        return;
    }
    if matches!(action, Action::ToggleTransliteration | Action::NextScript) {
        super::typing_focus::switch(app, action);
        return;
    }
    if app.overlay.is_some() {
        if let Some(chosen) = super::flows::navigate::overlay_action(app, action) {
            run(app, chosen);
        }
        return;
    }
    if app.editor.is_some() {
        super::flows::macro_editor::action(app, action);
        return;
    }
    if app.composer.is_some() {
        super::flows::reply::composer_action(app, action);
        return;
    }
    if app.late.screen.is_some() && super::flows::late::action(app, action) {
        return;
    }
    if app.show_supervisor && super::flows::drill_down::action(app, action) {
        return;
    }
    // What this helpdesk cannot do is said, not silently ignored.
    if let Some(need) = super::capability::missing(&app.capabilities, action) {
        let text = app.t(need.message_id());
        app.flash(text);
        return;
    }
    use Action::*;
    match action {
        MoveDown => move_by(app, 1),
        MoveUp => move_by(app, -1),
        PageDown => move_by(app, page(app)),
        PageUp => move_by(app, -page(app)),
        Top => move_by(app, isize::MIN / 2),
        Bottom => move_by(app, isize::MAX / 2),
        Open => {
            if app.focus == Pane::List
                && let Some(id) = app.selected_row().map(|r| r.ticket.id)
            {
                app.open_ticket(id);
                app.came_from = None;
                app.focus = Pane::Thread;
            } else if app.focus == Pane::Customer {
                super::flows::history::start(app);
            }
        }
        NextPane => app.focus = next_pane(app.focus, 1),
        PrevPane => app.focus = next_pane(app.focus, -1),
        NextView => super::flows::views::cycle(app, 1),
        PrevView => super::flows::views::cycle(app, -1),
        ViewMine => app.set_view(View::Mine),
        ViewUnassigned => app.set_view(View::Unassigned),
        ViewOpen => app.set_view(View::Open),
        ViewPending => app.set_view(View::Pending),
        ViewSolved => app.set_view(View::Solved),
        ViewSlaDue => app.set_view(View::SlaDue),
        Cancel => {
            if app.show_supervisor {
                app.show_supervisor = false;
            } else if app.focus != Pane::List {
                app.focus = Pane::List;
            } else if !app.marked.is_empty() {
                app.marked.clear();
            } else if app.query.is_some() {
                // Back from a search or saved view to the view.
                app.set_query(None);
            } else if app.filter.is_some() {
                // Back from a drill-down to the supervisor screen.
                app.set_filter(None);
                app.show_supervisor = app.is_supervisor();
            }
        }
        Quit => super::flows::quit(app),
        // Only in the composer.
        Send | ToggleReplyNote | AttachFile => {}
        Files => super::flows::files::list(app),
        Supervisor => {
            if app.is_supervisor() {
                app.show_supervisor = !app.show_supervisor;
                if app.show_supervisor {
                    app.count_from_cache();
                }
            } else {
                let text = app.t("supervisor-only");
                app.flash(text);
            }
        }
        SyncNow => {
            app.effects.push(Effect::Kick);
            let text = app.t("sync-requested");
            app.flash(text);
        }
        Outbox => app.overlay = Some(Overlay::Problems { selected: 0 }),
        ToggleMark => super::flows::bulk::toggle_mark(app),
        ToggleRomanized => toggle_romanized(app),
        // Handled above, before the overlay and the composer.
        ToggleTransliteration | NextScript => {}
        Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        CommandPalette => {
            app.overlay = Some(Overlay::Palette {
                filter: TextBuffer::new(),
                selected: 0,
            })
        }
        Search => super::flows::search::open(app),
        Reply => super::flows::reply::start(app, MessageKind::Reply),
        Note => super::flows::reply::start(app, MessageKind::Note),
        SetStatus => super::flows::fields::set_status(app),
        SetPriority => super::flows::fields::set_priority(app),
        Assign => super::flows::fields::assign(app),
        AssignToMe => super::flows::fields::assign_to_me(app),
        Tags => super::flows::fields::tags(app),
        Macro if !app.marked.is_empty() => super::flows::bulk_macro::start(app),
        Macro => super::flows::macros::start(app),
        OrderActions => super::flows::orders::start(app),
        ProactiveNotice => super::flows::notice::start(app),
        // Only in the search box.
        ShowResults => {}
        SaveView => super::flows::views::save(app),
        MarkAll => super::flows::bulk::mark_all(app),
        InvertMarks => super::flows::bulk::invert_marks(app),
        ClearMarks => super::flows::bulk::clear_marks(app),
        SetGroup => super::flows::group::start(app),
        LateShipments => super::flows::late::open(app),
        EditMacros => super::flows::macro_editor::start(app),
        Merge => super::flows::merge::start(app),
    }
}

/// Latin letters (ISO 15919) for Kannada, Telugu and Devanagari, or back:
/// the width profile draws and measures everything accordingly.
fn toggle_romanized(app: &mut App) {
    app.romanized = !app.romanized;
    app.profile.set_romanized(app.romanized);
    let text = app.t(if app.romanized {
        "romanized-on"
    } else {
        "romanized-off"
    });
    app.flash(text);
}

/// One screenful of the focused pane, less a line kept for context.
fn page(app: &App) -> isize {
    let rows = match (app.focus, app.open.as_ref()) {
        (Pane::Thread, Some(open)) => open.thread_rows,
        (Pane::Customer, Some(open)) => open.customer_rows,
        _ => app.list.height,
    };
    (rows.max(2) - 1) as isize
}

fn next_pane(p: Pane, step: isize) -> Pane {
    let order = [Pane::List, Pane::Thread, Pane::Customer];
    let i = order.iter().position(|x| *x == p).unwrap_or(0) as isize;
    order[((i + step).rem_euclid(3)) as usize]
}

fn move_by(app: &mut App, delta: isize) {
    match app.focus {
        Pane::List => {
            let len = app.list.len;
            if len == 0 {
                return;
            }
            let target = (app.list.selected as isize)
                .saturating_add(delta)
                .clamp(0, len as isize - 1);
            app.list.selected = target as usize;
            let height = app.list.height;
            app.load_rows(height);
        }
        Pane::Thread => {
            if let Some(open) = app.open.as_mut() {
                // The thread is anchored at the bottom: "down" shows newer lines.
                open.thread_scroll =
                    (open.thread_scroll as isize).saturating_sub(delta).max(0) as usize;
            }
        }
        Pane::Customer => {
            if let Some(open) = app.open.as_mut() {
                open.customer_scroll =
                    (open.customer_scroll as isize).saturating_add(delta).max(0) as usize;
            }
        }
    }
}
