//! Late shipments: the cached orders whose shipment is late (the config's
//! `[late]` rule), grouped by carrier and city. The agent marks orders (one,
//! a whole group from its heading, all) and sends each customer one notice
//! from a macro, in the customer's language, on the customer's channel or
//! as a reply on their open ticket about the order (`late_notice` writes
//! them). The notices of one outreach are queued together, each with a key
//! of its own per (outreach, customer), so nothing goes twice.

use sahaya_keymap::Action;
use sahaya_protocol::domain::macro_rules::asked_placeholders;
use sahaya_protocol::domain::{Macro, OrderId};
use sahaya_store::{LateOrder, OutreachNotice};

use super::{Confirmed, Pick, confirm, open_picker};
use crate::app::{App, Effect, Pane};
pub use crate::late_screen::{Late, LateRow, LateScreen, marked_orders, rows};

/// Rows moved by page up / page down.
const PAGE: usize = 10;

/// An outreach ready to queue: its id and one notice per customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outreach {
    pub id: String,
    pub notices: Vec<OutreachNotice>,
}

/// A macro offered for an outreach, with the line the picker shows for it.
#[derive(Debug, Clone, PartialEq)]
pub struct MacroChoice {
    pub id: i64,
    pub note: Option<String>,
}

/// Opens the screen with what the cache holds now.
pub fn open(app: &mut App) {
    let marked = app.late.screen.take().map(|s| s.marked).unwrap_or_default();
    match app.store.late_orders(app.now(), app.late.rule) {
        Ok(orders) => {
            let marked = marked
                .into_iter()
                .filter(|id| orders.iter().any(|o| &o.order.id == id))
                .collect();
            app.late.screen = Some(LateScreen {
                orders,
                marked,
                selected: 0,
            });
            app.show_supervisor = false;
            app.focus = Pane::List;
        }
        Err(e) => app.flash_cache_error(&e),
    }
}

/// Keys while the screen is shown. Returns false for what the rest of the
/// console handles (help, quitting, the palette...).
pub fn action(app: &mut App, action: Action) -> bool {
    use Action::*;
    match action {
        MoveDown => step(app, 1),
        MoveUp => step(app, -1),
        PageDown => step(app, PAGE as isize),
        PageUp => step(app, -(PAGE as isize)),
        Top => step(app, isize::MIN / 2),
        Bottom => step(app, isize::MAX / 2),
        ToggleMark | Open => toggle(app),
        MarkAll => mark_where(app, |_| true),
        ClearMarks => mark_where(app, |_| false),
        InvertMarks => {
            if let Some(s) = app.late.screen.as_mut() {
                s.marked = s
                    .orders
                    .iter()
                    .map(|o| o.order.id.clone())
                    .filter(|id| !s.marked.contains(id))
                    .collect();
            }
        }
        Macro | ProactiveNotice => choose_macro(app),
        LateShipments => open(app),
        Cancel => app.late.screen = None,
        Quit
        | Help
        | CommandPalette
        | SyncNow
        | Outbox
        | ToggleRomanized
        | ToggleTransliteration
        | NextScript => return false,
        EditMacros => {
            app.late.screen = None;
            return false;
        }
        // Leaving for the list or the supervisor screen.
        ViewMine | ViewUnassigned | ViewOpen | ViewPending | ViewSolved | ViewSlaDue | NextView
        | PrevView | Search | Supervisor => {
            app.late.screen = None;
            return false;
        }
        // Ticket actions have no ticket here.
        Reply | Note | SetStatus | SetPriority | Assign | AssignToMe | Tags | OrderActions
        | Send | ToggleReplyNote | NextPane | PrevPane | Files | AttachFile | ShowResults
        | SaveView | SetGroup | Merge => {}
    }
    true
}

fn step(app: &mut App, delta: isize) {
    let Some(screen) = app.late.screen.as_mut() else {
        return;
    };
    let n = rows(screen).len();
    if n == 0 {
        return;
    }
    let at = screen.selected.min(n - 1) as isize;
    screen.selected = at.saturating_add(delta).clamp(0, n as isize - 1) as usize;
}

/// Marks or unmarks the selected order, or on a heading its whole group
/// (all marked when any was not).
fn toggle(app: &mut App) {
    let Some(screen) = app.late.screen.as_mut() else {
        return;
    };
    let range = match rows(screen).get(screen.selected) {
        Some(LateRow::Group { range, .. }) => range.clone(),
        Some(LateRow::Order(i)) => *i..*i + 1,
        None => return,
    };
    let ids: Vec<OrderId> = screen.orders[range]
        .iter()
        .map(|o| o.order.id.clone())
        .collect();
    if ids.iter().all(|id| screen.marked.contains(id)) {
        for id in &ids {
            screen.marked.remove(id);
        }
    } else {
        screen.marked.extend(ids);
    }
}

fn mark_where(app: &mut App, keep: impl Fn(&LateOrder) -> bool) {
    if let Some(s) = app.late.screen.as_mut() {
        s.marked = s
            .orders
            .iter()
            .filter(|o| keep(o))
            .map(|o| o.order.id.clone())
            .collect();
    }
}

/// The macro picker for the marked orders. A macro with a placeholder the
/// cache cannot fill per customer says so under it.
fn choose_macro(app: &mut App) {
    let marked = app
        .late
        .screen
        .as_ref()
        .map_or(0, |s| marked_orders(s).len());
    if marked == 0 {
        let text = app.t("late-mark-first");
        app.flash(text);
        return;
    }
    let macros = match app.store.macros() {
        Ok(macros) => macros,
        Err(e) => return app.flash_cache_error(&e),
    };
    if macros.is_empty() {
        let text = app.t("no-macros");
        app.flash(text);
        return;
    }
    // The agent's own language first, then by name.
    let mine = app.i18n.locale();
    let mut sorted: Vec<&Macro> = macros.iter().collect();
    sorted.sort_by_key(|m| (m.language != mine, m.name.clone()));
    let items = sorted
        .into_iter()
        .map(|m| {
            let asked = asked_placeholders(&m.body);
            let note = if asked.is_empty() {
                let others = crate::late_notice::languages_of(&macros, m);
                Some(app.i18n.tr_args(
                    "late-macro-languages",
                    &[("languages", others.join(", ").into())],
                ))
            } else {
                Some(
                    app.i18n
                        .tr_args("late-macro-asks", &[("names", asked.join(", ").into())]),
                )
            };
            (
                format!("[{}] {}", m.language, sahaya_text::sanitize_line(&m.name)),
                Pick::LateMacro(MacroChoice { id: m.id, note }),
            )
        })
        .collect();
    let title = app
        .i18n
        .tr_args("late-picker-macro", &[("count", marked.into())]);
    open_picker(app, title, items, 0);
}

/// A macro was chosen: the notices are written and the agent confirms.
pub fn macro_chosen(app: &mut App, choice: MacroChoice) {
    let macros = match app.store.macros() {
        Ok(macros) => macros,
        Err(e) => return app.flash_cache_error(&e),
    };
    let Some(chosen) = macros.iter().find(|m| m.id == choice.id) else {
        let text = app.t("late-macro-gone");
        app.flash(text);
        return;
    };
    let asked = asked_placeholders(&chosen.body);
    if !asked.is_empty() {
        let text = app
            .i18n
            .tr_args("late-macro-asks", &[("names", asked.join(", ").into())]);
        app.flash(text);
        return;
    }
    let Some(screen) = app.late.screen.as_ref() else {
        return;
    };
    let orders = marked_orders(screen);
    let written = crate::late_notice::write(app, &orders, chosen, &macros);
    if written.notices.is_empty() {
        let text = app.t("late-nobody-reachable");
        app.flash(text);
        return;
    }
    let replies = written
        .notices
        .iter()
        .filter(|n| matches!(n.op, sahaya_store::OutboxOp::Message { .. }))
        .count();
    let question = app.i18n.tr_args(
        "late-confirm",
        &[
            ("customers", written.notices.len().into()),
            ("orders", orders.len().into()),
            ("replies", replies.into()),
            ("unreachable", written.unreachable.into()),
            ("name", sahaya_text::sanitize_line(&chosen.name).into()),
        ],
    );
    let outreach = Outreach {
        id: uuid::Uuid::new_v4().to_string(),
        notices: written.notices,
    };
    confirm(app, question, Confirmed::LateOutreach(outreach));
}

/// Yes: every notice of the outreach into the outbox in one go.
pub fn confirmed(app: &mut App, outreach: Outreach) {
    match app.store.enqueue_outreach(&outreach.id, &outreach.notices) {
        Ok(done) => {
            app.effects.push(Effect::Kick);
            app.reload();
            let text = app
                .i18n
                .tr_args("late-queued", &[("count", done.queued.into())]);
            if let Some(s) = app.late.screen.as_mut() {
                s.marked.clear();
            }
            open(app);
            app.flash(text);
        }
        Err(e) => {
            let text = app
                .i18n
                .tr_args("error-cache-write", &[("error", e.to_string().into())]);
            app.flash(text);
        }
    }
}
