//! What the agent's actions do: pickers, prompts and flows that end in a
//! write to the local cache and outbox (never a network call).

use crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Composer, Effect, Pane};
use super::overlay::{
    Confirm, Flow, MacroFlow, NoticeFlow, OrderFlow, Overlay, PickValue, Picker, Prompt, Search,
};
use sahaya_protocol::domain::{
    ActionKind, Channel, MessageKind, Money, PaymentMethod, Priority, RefundMethod, Role, Status,
    Ticket,
};
use sahaya_keymap::Action;
use sahaya_protocol::wire::{NewOrderAction, NewOutboundTicket, TicketPatch};
use sahaya_store::OutboxOp;
use sahaya_text::TextBuffer;

fn enqueue(app: &mut App, op: OutboxOp) -> bool {
    match app.store.enqueue(op) {
        Ok(_) => {
            app.effects.push(Effect::Kick);
            app.reload();
            true
        }
        Err(e) => {
            let text = app
                .i18n
                .tr_args("error-cache-write", &[("error", e.to_string().into())]);
            app.flash(text);
            false
        }
    }
}

fn need_ticket(app: &mut App) -> Option<Ticket> {
    let ticket = app.current_ticket();
    if ticket.is_none() {
        let text = app.t("select-ticket-first");
        app.flash(text);
    }
    ticket
}

/// A picker for the highlighted ticket, or, when tickets are marked in the
/// list, for all of them: the title says how many (`{title_id}-marked`) and
/// `picked` queues one change per marked ticket.
fn picker_for_marked(
    app: &mut App,
    title_id: &str,
    items: Vec<(String, PickValue)>,
    at: usize,
    flow: Flow,
) {
    let count = app.marked.len();
    if count == 0 {
        picker(app, title_id, items, at, flow);
        return;
    }
    let title = app
        .i18n
        .tr_args(&format!("{title_id}-marked"), &[("count", count.into())]);
    open_picker(app, title, items, at, flow);
}

fn picker(
    app: &mut App,
    title_id: &str,
    items: Vec<(String, PickValue)>,
    selected: usize,
    flow: Flow,
) {
    let title = app.t(title_id);
    open_picker(app, title, items, selected, flow);
}

fn open_picker(
    app: &mut App,
    title: String,
    items: Vec<(String, PickValue)>,
    selected: usize,
    flow: Flow,
) {
    app.overlay = Some(Overlay::Picker(Picker {
        title,
        items,
        selected,
        flow,
        filter: TextBuffer::new(),
    }));
}

fn prompt(app: &mut App, title: String, initial: &str, flow: Flow) {
    let mut input = TextBuffer::new();
    input.insert_str(initial);
    app.overlay = Some(Overlay::Prompt(Prompt {
        title,
        input,
        flow,
        error: None,
    }));
}

fn confirm(app: &mut App, question: String, flow: Flow) {
    app.overlay = Some(Overlay::Confirm(Confirm { question, flow }));
}

pub fn status_label(app: &App, s: Status) -> String {
    app.t(&format!("status-{}", s.as_str()))
}

pub fn priority_label(app: &App, p: Priority) -> String {
    app.t(&format!("priority-{}", p.as_str()))
}

pub fn channel_label(app: &App, c: Channel) -> String {
    app.t(&format!("channel-{}", c.as_str()))
}

/// Actions on the selected or open ticket, and the global overlays.
pub fn ticket_action(app: &mut App, action: Action) {
    match action {
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::CommandPalette => {
            app.overlay = Some(Overlay::Palette {
                filter: TextBuffer::new(),
                selected: 0,
            })
        }
        Action::Search => {
            app.overlay = Some(Overlay::Search(Search {
                input: TextBuffer::new(),
                results: Vec::new(),
                selected: 0,
                pending: false,
            }))
        }
        Action::Reply | Action::Note => {
            let Some(ticket) = need_ticket(app) else {
                return;
            };
            let kind = if action == Action::Reply {
                MessageKind::Reply
            } else {
                MessageKind::Note
            };
            open_composer(app, &ticket, kind, None);
        }
        Action::SetStatus => {
            let Some(t) = need_ticket(app) else { return };
            let items = Status::ALL
                .iter()
                .map(|s| (status_label(app, *s), PickValue::Status(*s)))
                .collect();
            let at = Status::ALL.iter().position(|s| *s == t.status).unwrap_or(0);
            picker_for_marked(app, "picker-status", items, at, Flow::Status(t.id));
        }
        Action::SetPriority => {
            let Some(t) = need_ticket(app) else { return };
            let items = Priority::ALL
                .iter()
                .map(|p| (priority_label(app, *p), PickValue::Priority(*p)))
                .collect();
            let at = Priority::ALL
                .iter()
                .position(|p| *p == t.priority)
                .unwrap_or(0);
            picker_for_marked(app, "picker-priority", items, at, Flow::Priority(t.id));
        }
        Action::Assign => {
            let Some(t) = need_ticket(app) else { return };
            let marked = super::supervisor::marked(app);
            let mut items = vec![(app.t("unassigned"), PickValue::Agent(None))];
            for agent in app.store.agents().unwrap_or_default() {
                if agent.role != Role::Integration {
                    let label = format!(
                        "{} ({})",
                        sahaya_text::sanitize_line(&agent.name),
                        agent.login
                    );
                    items.push((label, PickValue::Agent(Some(agent.id))));
                }
            }
            let at = items
                .iter()
                .position(|(_, v)| *v == PickValue::Agent(t.assignee_id))
                .unwrap_or(0);
            let at = if marked.is_empty() { at } else { 0 };
            picker_for_marked(app, "picker-assign", items, at, Flow::Assign(t.id));
        }
        Action::AssignToMe => {
            let Some(t) = need_ticket(app) else { return };
            let me = app.my_id();
            if !app.marked.is_empty() {
                let patch = TicketPatch {
                    assignee_id: Some(Some(me)),
                    ..Default::default()
                };
                super::supervisor::patch_marked(app, patch);
                return;
            }
            patch(
                app,
                &t,
                TicketPatch {
                    assignee_id: Some(Some(me)),
                    ..Default::default()
                },
            );
        }
        Action::Tags => {
            let Some(t) = need_ticket(app) else { return };
            let title = app.t("prompt-tags");
            prompt(app, title, &t.tags.join(", "), Flow::Tags(t.id));
        }
        Action::Macro => {
            let Some(t) = need_ticket(app) else { return };
            let mut macros = app.store.macros().unwrap_or_default();
            if macros.is_empty() {
                let text = app.t("no-macros");
                app.flash(text);
                return;
            }
            // The customer's language first, then the console's, then the
            // rest, each in the server's order.
            let customer_lang = app
                .open
                .as_ref()
                .filter(|o| o.ticket.id == t.id)
                .and_then(|o| o.customer.as_ref())
                .map(|c| primary_language(&c.customer.preferred_language));
            let console_lang = app.i18n.locale();
            macros.sort_by_cached_key(|m| {
                let lang = primary_language(&m.language);
                if Some(lang.as_str()) == customer_lang.as_deref() {
                    0
                } else if lang == console_lang {
                    1
                } else {
                    2
                }
            });
            let items = macros
                .iter()
                .map(|m| {
                    (
                        format!("[{}] {}", m.language, sahaya_text::sanitize_line(&m.name)),
                        PickValue::Macro(m.id),
                    )
                })
                .collect();
            let flow = MacroFlow {
                ticket_id: t.id,
                macro_id: None,
                values: Vec::new(),
                asking: None,
            };
            picker(app, "picker-macro", items, 0, Flow::Macro(flow));
        }
        Action::OrderActions => {
            let Some(t) = need_ticket(app) else { return };
            let flow = OrderFlow {
                ticket_id: Some(t.id),
                order_id: None,
                kind: None,
                amount: None,
                method: None,
                variant: None,
                reason: None,
            };
            order_step(app, flow, &t);
        }
        Action::ProactiveNotice => {
            let Some(t) = need_ticket(app) else { return };
            let flow = NoticeFlow {
                customer_id: t.customer_id,
                order_id: t.order_id.clone(),
                channel: None,
                subject: None,
            };
            notice_step(app, flow);
        }
        _ => {}
    }
}

fn patch(app: &mut App, ticket: &Ticket, patch: TicketPatch) {
    if enqueue(
        app,
        OutboxOp::Patch {
            ticket_id: ticket.id,
            patch,
        },
    ) {
        let text = app.t("queued");
        app.flash(text);
    }
}

pub fn open_composer(app: &mut App, ticket: &Ticket, kind: MessageKind, text: Option<String>) {
    let mut buffer = TextBuffer::new();
    let mut kind = kind;
    if let Some(text) = text {
        buffer.insert_str(&text);
    } else if let Ok(Some((draft_kind, draft))) = app.store.draft(ticket.id) {
        kind = draft_kind;
        buffer.insert_str(&draft);
    }
    if app.open.as_ref().map(|o| o.ticket.id) != Some(ticket.id) {
        app.open_ticket(ticket.id);
    }
    // What the agent has seen when starting to write (the traffic cop).
    let seen = app
        .store
        .messages(ticket.id)
        .unwrap_or_default()
        .iter()
        .filter(|m| m.id > 0)
        .map(|m| m.id)
        .max();
    let was_active = app
        .store
        .ticket(ticket.id)
        .ok()
        .flatten()
        .is_none_or(|t| t.status.is_active());
    app.composer = Some(Composer {
        ticket_id: ticket.id,
        kind,
        buffer,
        seen_last_message: seen,
        was_active,
        after_send: None,
    });
    app.focus = Pane::Thread;
}

/// Saves the composer's text as a draft after every edit (survives restarts).
pub fn after_edit(app: &mut App) {
    if let Some(c) = &app.composer {
        let text = c.buffer.text();
        let result = if text.is_empty() {
            app.store.delete_draft(c.ticket_id)
        } else {
            app.store.save_draft(c.ticket_id, c.kind, &text)
        };
        if let Err(e) = result {
            tracing::warn!("draft not saved: {e}");
        }
    }
    if let Some(Overlay::Search(s)) = &mut app.overlay {
        let query = s.input.text();
        s.selected = 0;
        s.pending = false;
        if !search_ready(&query) {
            s.results.clear();
        } else if app.search_in_background {
            // The frame that echoes the key does not wait for the search.
            s.pending = true;
            app.effects.push(Effect::Search(query));
        } else {
            s.results = app.store.search(&query, SEARCH_LIMIT).unwrap_or_default();
        }
    }
    if let Some(Overlay::Palette { selected, .. }) = &mut app.overlay {
        *selected = 0;
    }
    if let Some(Overlay::Picker(p)) = &mut app.overlay {
        p.selected = 0;
    }
}

/// Hits kept per search (the overlay shows them all, scrolled), in the UI
/// thread or the search thread alike.
pub const SEARCH_LIMIT: usize = 200;

/// Whether a search query is worth running: at least two characters. One
/// letter matches nearly every message (and its prefix expansion is the
/// slowest query there is) without narrowing anything.
pub fn search_ready(query: &str) -> bool {
    query
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(1)
        .is_some()
}

pub fn composer_action(app: &mut App, action: Action) {
    match action {
        Action::Send => send(app, false),
        Action::ToggleReplyNote => {
            if let Some(c) = app.composer.as_mut() {
                c.kind = if c.kind == MessageKind::Reply {
                    MessageKind::Note
                } else {
                    MessageKind::Reply
                };
            }
            after_edit(app);
        }
        Action::Cancel => {
            let empty = app
                .composer
                .as_ref()
                .is_none_or(|c| c.buffer.text().trim().is_empty());
            if empty {
                close_composer(app);
            } else {
                let q = app.t("confirm-discard-draft");
                confirm(app, q, Flow::DiscardDraft);
            }
        }
        Action::Quit => quit(app),
        _ => {}
    }
}

fn close_composer(app: &mut App) {
    if let Some(c) = app.composer.take()
        && let Err(e) = app.store.delete_draft(c.ticket_id)
    {
        tracing::warn!("draft not deleted: {e}");
    }
}

/// Queues the composer's message. Warns first when the ticket changed since
/// the composer opened (a new customer message, or solved by someone else).
fn send(app: &mut App, anyway: bool) {
    let Some(c) = app.composer.as_ref() else {
        return;
    };
    let body = c.buffer.text();
    if body.trim().is_empty() {
        let text = app.t("empty-message");
        app.flash(text);
        return;
    }
    let (ticket_id, kind, after_send) = (c.ticket_id, c.kind, c.after_send.clone());
    if !anyway && kind == MessageKind::Reply {
        let messages = app.store.messages(ticket_id).unwrap_or_default();
        let newest = messages.iter().filter(|m| m.id > 0).map(|m| m.id).max();
        let ticket = app.store.ticket(ticket_id).ok().flatten();
        let new_customer_message = newest > c.seen_last_message
            && messages.iter().any(|m| {
                m.id > c.seen_last_message.unwrap_or(0) && m.kind == MessageKind::Customer
            });
        // Solved or closed by someone else since the composer opened.
        let solved = c.was_active && ticket.as_ref().is_some_and(|t| !t.status.is_active());
        if new_customer_message || solved {
            let q = app.t(if solved {
                "warn-ticket-solved"
            } else {
                "warn-new-customer-message"
            });
            confirm(app, q, Flow::SendAnyway);
            return;
        }
    }
    if enqueue(
        app,
        OutboxOp::Message {
            ticket_id,
            kind,
            body,
        },
    ) {
        // A macro's status and tags go out after its message, in order.
        if let Some(mut patch) = after_send {
            if let (Some(add), Ok(Some(t))) = (&patch.tags, app.store.ticket(ticket_id)) {
                let mut tags = t.tags.clone();
                tags.extend(add.iter().filter(|a| !t.tags.contains(a)).cloned());
                patch.tags = Some(tags);
            }
            enqueue(app, OutboxOp::Patch { ticket_id, patch });
        }
        close_composer(app);
        app.reload();
        let text = app.t("queued");
        app.flash(text);
    }
}

pub fn quit(app: &mut App) {
    if app.outbox_waiting > 0 {
        let q = app.i18n.tr_args(
            "confirm-quit-unsent",
            &[("count", app.outbox_waiting.into())],
        );
        confirm(app, q, Flow::Quit);
    } else {
        app.quit = true;
        app.effects.push(Effect::Quit);
    }
}

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
    if !yes {
        if !no {
            app.overlay = Some(Overlay::Confirm(c));
        }
        return;
    }
    match c.flow {
        Flow::Quit => {
            app.quit = true;
            app.effects.push(Effect::Quit);
        }
        Flow::DiscardDraft => close_composer(app),
        Flow::SendAnyway => send(app, true),
        Flow::Order(flow) => finish_order(app, flow),
        Flow::Notice(_) => {}
        _ => {}
    }
}

/// Keys inside an overlay (moving, choosing, closing).
pub fn overlay_action(app: &mut App, action: Action) {
    let Some(overlay) = app.overlay.take() else {
        return;
    };
    match overlay {
        Overlay::Help { scroll } => {
            if matches!(action, Action::Cancel | Action::Help | Action::Quit) {
                return;
            }
            let last = super::overlay_view::help_rows(app).len().saturating_sub(1);
            let scroll = step(scroll, last + 1, action);
            app.overlay = Some(Overlay::Help { scroll });
        }
        Overlay::Palette { filter, selected } => {
            let rows = super::view::palette_rows(app, &filter.text());
            match action {
                Action::Cancel => {}
                Action::Open => {
                    if let Some(row) = rows.get(selected) {
                        let chosen = row.action;
                        super::update::run(app, chosen);
                    }
                }
                _ => {
                    let selected = step(selected, rows.len(), action);
                    app.overlay = Some(Overlay::Palette { filter, selected });
                }
            }
        }
        Overlay::Picker(mut p) => match action {
            Action::Cancel => {}
            Action::Open => match p.current().cloned() {
                Some((_, value)) => picked(app, p.flow, value),
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
                prompted(app, p, value);
            }
            _ => app.overlay = Some(Overlay::Prompt(p)),
        },
        Overlay::Search(mut s) => match action {
            Action::Cancel => {}
            Action::Open => {
                if let Some(hit) = s.results.get(s.selected) {
                    let id = hit.ticket_id;
                    app.open_ticket(id);
                    app.focus = Pane::Thread;
                }
            }
            _ => {
                s.selected = step(s.selected, s.results.len(), action);
                app.overlay = Some(Overlay::Search(s));
            }
        },
        Overlay::Problems { selected } => {
            let problems = app.store.outbox_problems().unwrap_or_default();
            match action {
                Action::Cancel => {}
                Action::Open => {
                    if let Some(entry) = problems.get(selected) {
                        resolve_menu(app, entry);
                    }
                }
                _ => {
                    app.overlay = Some(Overlay::Problems {
                        selected: step(selected, problems.len(), action),
                    })
                }
            }
        }
        Overlay::Confirm(c) => app.overlay = Some(Overlay::Confirm(c)),
    }
}

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

fn resolve_menu(app: &mut App, entry: &sahaya_store::OutboxEntry) {
    let id = entry.id;
    let items = if entry.state == sahaya_store::OutboxState::Conflict {
        vec![
            (app.t("keep-theirs"), PickValue::KeepTheirs(id)),
            (app.t("reapply-mine"), PickValue::ReapplyMine(id)),
        ]
    } else {
        vec![
            (app.t("discard-write"), PickValue::Discard(id)),
            (app.t("retry-write"), PickValue::Retry(id)),
        ]
    };
    picker(app, "resolve-title", items, 0, Flow::Resolve);
}

fn picked(app: &mut App, flow: Flow, value: PickValue) {
    let ticket = |app: &App, id| app.store.ticket(id).ok().flatten();
    match (flow, value) {
        (Flow::Status(_), PickValue::Status(s)) if !app.marked.is_empty() => {
            let patch = TicketPatch {
                status: Some(s),
                ..Default::default()
            };
            super::supervisor::patch_marked(app, patch);
        }
        (Flow::Priority(_), PickValue::Priority(p)) if !app.marked.is_empty() => {
            let patch = TicketPatch {
                priority: Some(p),
                ..Default::default()
            };
            super::supervisor::patch_marked(app, patch);
        }
        (Flow::Status(id), PickValue::Status(s)) => {
            if let Some(t) = ticket(app, id) {
                patch(
                    app,
                    &t,
                    TicketPatch {
                        status: Some(s),
                        ..Default::default()
                    },
                );
            }
        }
        (Flow::Priority(id), PickValue::Priority(p)) => {
            if let Some(t) = ticket(app, id) {
                patch(
                    app,
                    &t,
                    TicketPatch {
                        priority: Some(p),
                        ..Default::default()
                    },
                );
            }
        }
        (Flow::Assign(_), PickValue::Agent(a)) if !app.marked.is_empty() => {
            let patch = TicketPatch {
                assignee_id: Some(a),
                ..Default::default()
            };
            super::supervisor::patch_marked(app, patch);
        }
        (Flow::Assign(id), PickValue::Agent(a)) => {
            if let Some(t) = ticket(app, id) {
                patch(
                    app,
                    &t,
                    TicketPatch {
                        assignee_id: Some(a),
                        ..Default::default()
                    },
                );
            }
        }
        (Flow::Macro(mut flow), PickValue::Macro(m)) => {
            flow.macro_id = Some(m);
            macro_step(app, flow);
        }
        (Flow::Order(mut flow), PickValue::Order(o)) => {
            flow.order_id = Some(o);
            if let Some(t) = flow.ticket_id.and_then(|id| ticket(app, id)) {
                order_step(app, flow, &t);
            }
        }
        (Flow::Order(mut flow), PickValue::Kind(k)) => {
            flow.kind = Some(k);
            if let Some(t) = flow.ticket_id.and_then(|id| ticket(app, id)) {
                order_step(app, flow, &t);
            }
        }
        (Flow::Order(mut flow), PickValue::Method(m)) => {
            flow.method = Some(m);
            if let Some(t) = flow.ticket_id.and_then(|id| ticket(app, id)) {
                order_step(app, flow, &t);
            }
        }
        (Flow::Notice(mut flow), PickValue::Channel(c)) => {
            flow.channel = Some(c);
            notice_step(app, flow);
        }
        (Flow::Resolve, PickValue::KeepTheirs(id) | PickValue::Discard(id)) => {
            if let Err(e) = app.store.discard(id) {
                tracing::warn!("cannot discard {id}: {e}");
            }
            app.reload();
        }
        (Flow::Resolve, PickValue::ReapplyMine(id) | PickValue::Retry(id)) => {
            if let Err(e) = app.store.retry(id) {
                tracing::warn!("cannot retry {id}: {e}");
            }
            app.effects.push(Effect::Kick);
            app.reload();
        }
        _ => {}
    }
}

fn prompted(app: &mut App, mut p: Prompt, value: String) {
    match p.flow.clone() {
        Flow::Tags(id) => {
            let tags: Vec<String> = value
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            if let Ok(Some(t)) = app.store.ticket(id) {
                patch(
                    app,
                    &t,
                    TicketPatch {
                        tags: Some(tags),
                        ..Default::default()
                    },
                );
            }
        }
        Flow::Macro(mut flow) => {
            if let Some(name) = flow.asking.take() {
                flow.values.push((name, value));
            }
            macro_step(app, flow);
        }
        Flow::Order(mut flow) => {
            let Some(t) = flow
                .ticket_id
                .and_then(|id| app.store.ticket(id).ok().flatten())
            else {
                return;
            };
            if flow.kind == Some(ActionKind::Refund) && flow.amount.is_none() {
                let limits = refundable(app, &flow);
                let left = limits.map_or(i64::MAX, |(_, left)| left.minor);
                match parse_amount(&value) {
                    Some(minor) if minor > 0 && minor <= left => {
                        flow.amount = limits.map(|(total, _)| Money {
                            minor,
                            currency: total.currency,
                        });
                    }
                    Some(minor) if minor > left => {
                        let left = limits.map(|(_, l)| app.i18n.money(l)).unwrap_or_default();
                        p.error = Some(
                            app.i18n
                                .tr_args("error-refund-too-much", &[("left", left.into())]),
                        );
                        app.overlay = Some(Overlay::Prompt(p));
                        return;
                    }
                    _ => {
                        p.error = Some(app.t("error-bad-amount"));
                        app.overlay = Some(Overlay::Prompt(p));
                        return;
                    }
                }
            } else if flow.kind == Some(ActionKind::Exchange) && flow.variant.is_none() {
                if value.trim().is_empty() {
                    p.error = Some(app.t("error-required"));
                    app.overlay = Some(Overlay::Prompt(p));
                    return;
                }
                flow.variant = Some(value.trim().to_string());
            } else {
                if value.trim().is_empty() {
                    p.error = Some(app.t("error-required"));
                    app.overlay = Some(Overlay::Prompt(p));
                    return;
                }
                flow.reason = Some(value.trim().to_string());
            }
            order_step(app, flow, &t);
        }
        Flow::Notice(mut flow) => {
            if value.trim().is_empty() {
                p.error = Some(app.t("error-required"));
                app.overlay = Some(Overlay::Prompt(p));
                return;
            }
            flow.subject = Some(value.trim().to_string());
            notice_step(app, flow);
        }
        Flow::NoticeBody(flow) => {
            if value.trim().is_empty() {
                p.error = Some(app.t("error-required"));
                app.overlay = Some(Overlay::Prompt(p));
                return;
            }
            notice_body(app, flow, value);
        }
        _ => {}
    }
}

/// Parses "499", "499.50", "1,00,000" into minor units.
pub fn parse_amount(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    let digits = super::fmt::ascii_digits(&digits);
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w.to_string(), f.to_string()),
        None => (digits.clone(), String::new()),
    };
    if whole.is_empty()
        || frac.len() > 2
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac)
}

fn order_of(app: &App, flow: &OrderFlow) -> Option<sahaya_protocol::domain::Order> {
    let open = app.open.as_ref()?;
    let customer = open.customer.as_ref()?;
    customer
        .orders
        .iter()
        .find(|o| Some(&o.id) == flow.order_id.as_ref())
        .cloned()
}

/// Why the server would refuse a return or exchange on `order` (the same
/// domain rules, over what the cache knows, queued requests included), so
/// the agent hears it before typing the details rather than from the
/// problems list afterwards.
fn not_possible(app: &App, order: &sahaya_protocol::domain::Order, kind: ActionKind) -> Option<&'static str> {
    if kind == ActionKind::Refund {
        return None;
    }
    if !order.is_delivered() {
        return Some("rejected-not-delivered");
    }
    let customer = app.open.as_ref()?.customer.as_ref()?;
    let earlier = match kind {
        ActionKind::Return => &customer.returns,
        _ => &customer.exchanges,
    };
    order
        .has_open(kind, earlier)
        .then_some("rejected-already-open")
}

/// "kn" of "kn-IN" / "kn_IN", lower case.
fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The flow's order total and what can still be refunded on it (refunds
/// made or queued here count, as the server will count them).
fn refundable(app: &App, flow: &OrderFlow) -> Option<(Money, Money)> {
    let order = order_of(app, flow)?;
    let customer = app.open.as_ref()?.customer.as_ref()?;
    Some((order.total, order.refundable(&customer.refunds)))
}

/// The next question of the refund / return / exchange flow.
fn order_step(app: &mut App, flow: OrderFlow, ticket: &Ticket) {
    if app.open.as_ref().map(|o| o.ticket.id) != Some(ticket.id) {
        app.open_ticket(ticket.id);
    }
    let orders = app
        .open
        .as_ref()
        .and_then(|o| o.customer.as_ref())
        .map(|c| c.orders.clone())
        .unwrap_or_default();
    if orders.is_empty() {
        let text = app.t("no-orders");
        app.flash(text);
        return;
    }
    if flow.order_id.is_none() {
        let items: Vec<(String, PickValue)> = orders
            .iter()
            .map(|o| {
                let items: Vec<String> = o
                    .items
                    .iter()
                    .map(|i| sahaya_text::sanitize_line(&i.name).into_owned())
                    .collect();
                (
                    format!(
                        "{} · {} · {}",
                        o.id,
                        app.i18n.money(o.total),
                        items.join(", ")
                    ),
                    PickValue::Order(o.id.clone()),
                )
            })
            .collect();
        let at = orders
            .iter()
            .position(|o| Some(&o.id) == ticket.order_id.as_ref())
            .unwrap_or(0);
        picker(app, "picker-order", items, at, Flow::Order(flow));
        return;
    }
    let Some(kind) = flow.kind else {
        let items = ActionKind::ALL
            .iter()
            .map(|k| {
                (
                    app.t(&format!("order-action-{}", k.as_str())),
                    PickValue::Kind(*k),
                )
            })
            .collect();
        picker(app, "picker-order-action", items, 0, Flow::Order(flow));
        return;
    };
    let order = order_of(app, &flow);
    if let Some(reason) = order.as_ref().and_then(|o| not_possible(app, o, kind)) {
        let text = app.t(reason);
        app.flash(text);
        return;
    }
    if kind == ActionKind::Refund && flow.amount.is_none() {
        let title = match refundable(app, &flow) {
            Some((total, left)) if left.minor == 0 => {
                let text = app.i18n.tr_args(
                    "error-refunded-in-full",
                    &[
                        ("order", flow.order_id.clone().unwrap_or_default().into()),
                        ("total", app.i18n.money(total).into()),
                    ],
                );
                app.flash(text);
                return;
            }
            Some((total, left)) if left.minor < total.minor => app.i18n.tr_args(
                "prompt-refund-amount-left",
                &[
                    ("left", app.i18n.money(left).into()),
                    ("total", app.i18n.money(total).into()),
                ],
            ),
            other => {
                let total = other.map(|(t, _)| app.i18n.money(t)).unwrap_or_default();
                app.i18n
                    .tr_args("prompt-refund-amount", &[("total", total.into())])
            }
        };
        prompt(app, title, "", Flow::Order(flow));
        return;
    }
    if kind == ActionKind::Refund && flow.method.is_none() {
        let cod = order
            .as_ref()
            .is_some_and(|o| o.payment_method == PaymentMethod::Cod);
        let items = RefundMethod::ALL
            .iter()
            .filter(|m| !(cod && **m == RefundMethod::Source))
            .map(|m| {
                (
                    app.t(&format!("refund-method-{}", m.as_str())),
                    PickValue::Method(*m),
                )
            })
            .collect();
        picker(app, "picker-refund-method", items, 0, Flow::Order(flow));
        return;
    }
    if kind == ActionKind::Exchange && flow.variant.is_none() {
        let title = app.t("prompt-exchange-variant");
        prompt(app, title, "", Flow::Order(flow));
        return;
    }
    if flow.reason.is_none() {
        let title = app.t("prompt-reason");
        prompt(app, title, "", Flow::Order(flow));
        return;
    }
    let action = app.t(&format!("order-action-{}", kind.as_str()));
    let order = match flow.amount {
        Some(amount) => format!(
            "{} ({})",
            flow.order_id.clone().unwrap_or_default(),
            app.i18n.money(amount)
        ),
        None => flow.order_id.clone().unwrap_or_default(),
    };
    let question = app.i18n.tr_args(
        "confirm-order-action",
        &[("action", action.into()), ("order", order.into())],
    );
    confirm(app, question, Flow::Order(flow));
}

fn finish_order(app: &mut App, flow: OrderFlow) {
    let (Some(order_id), Some(kind), Some(reason)) = (flow.order_id, flow.kind, flow.reason) else {
        return;
    };
    let request = NewOrderAction {
        kind,
        reason,
        amount: flow.amount,
        refund_method: flow.method,
        skus: Vec::new(),
        replacement_variant: flow.variant,
    };
    if enqueue(app, OutboxOp::OrderAction { order_id, request }) {
        let text = app.t("queued");
        app.flash(text);
    }
}

/// The next question of the macro flow; in the end the composer opens with
/// the filled text.
fn macro_step(app: &mut App, mut flow: MacroFlow) {
    let Some(m) = app
        .store
        .macros()
        .unwrap_or_default()
        .into_iter()
        .find(|m| Some(m.id) == flow.macro_id)
    else {
        return;
    };
    let Some(ticket) = app.store.ticket(flow.ticket_id).ok().flatten() else {
        return;
    };
    for name in m.placeholders() {
        if flow.values.iter().any(|(n, _)| *n == name) {
            continue;
        }
        match super::macros::fill(app, &name, &ticket) {
            Some(value) => flow.values.push((name, value)),
            None => {
                let title = app
                    .i18n
                    .tr_args("prompt-placeholder", &[("name", name.clone().into())]);
                flow.asking = Some(name);
                prompt(app, title, "", Flow::Macro(flow));
                return;
            }
        }
    }
    let mut body = m.body.clone();
    for (name, value) in &flow.values {
        body = super::macros::substitute(&body, name, value);
    }
    open_composer(app, &ticket, MessageKind::Reply, Some(body));
    if m.set_status.is_some() || !m.add_tags.is_empty() {
        // Applied when the reply is sent (a discarded draft changes nothing);
        // `tags` holds the tags to add, merged with the ticket's at send time.
        let patch = TicketPatch {
            status: m.set_status,
            tags: (!m.add_tags.is_empty()).then(|| m.add_tags.clone()),
            ..Default::default()
        };
        if let Some(c) = app.composer.as_mut() {
            c.after_send = Some(patch);
        }
        let text = app.t("macro-applied");
        app.flash(text);
    }
}

/// The next question of a proactive notice; the body is written in the composer.
fn notice_step(app: &mut App, flow: NoticeFlow) {
    let customer = app.store.customer_detail(flow.customer_id).ok().flatten();
    let Some(customer) = customer else { return };
    if flow.channel.is_none() {
        let mut channels: Vec<Channel> = customer
            .customer
            .handles
            .iter()
            .map(|h| h.channel)
            .collect();
        channels.dedup();
        let items = channels
            .iter()
            .map(|c| (channel_label(app, *c), PickValue::Channel(*c)))
            .collect();
        picker(app, "picker-notice-channel", items, 0, Flow::Notice(flow));
        return;
    }
    if flow.subject.is_none() {
        let title = app.t("prompt-notice-subject");
        prompt(app, title, "", Flow::Notice(flow));
        return;
    }
    let title = app.t("prompt-notice-body");
    prompt(app, title, "", Flow::NoticeBody(flow));
}

/// Queues a proactive notice (called with the body typed in the last prompt).
fn notice_body(app: &mut App, flow: NoticeFlow, body: String) {
    let (Some(channel), Some(subject)) = (flow.channel, flow.subject) else {
        return;
    };
    let request = NewOutboundTicket {
        customer_id: flow.customer_id,
        channel,
        subject,
        body,
        order_id: flow.order_id,
        priority: None,
    };
    if enqueue(app, OutboxOp::Outbound(request)) {
        let text = app.t("queued");
        app.flash(text);
    }
}
