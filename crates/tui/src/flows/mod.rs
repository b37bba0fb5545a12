//! What the agent's actions do, one module per flow. Every flow ends in a
//! write to the local cache and outbox (never a network call).
//!
//! A flow that asks something opens a picker, a prompt or a confirmation
//! whose answer carries the flow's own continuation: a picker item is a
//! [`Pick`], a prompt holds an [`Ask`], a confirmation a [`Confirmed`].
//! Each variant belongs to one flow and holds that flow's state with the
//! answer's type, so an answer can only go back to the flow that asked,
//! and every match on them is exhaustive.

pub mod bulk;
pub mod bulk_macro;
pub mod drill_down;
pub mod fields;
pub mod files;
pub mod group;
pub mod history;
pub mod late;
pub mod macro_editor;
pub mod macros;
pub mod merge;
pub mod navigate;
pub mod notice;
pub mod order_confirm;
pub mod order_request;
pub mod order_rules;
pub mod order_steps;
pub mod orders;
pub mod reply;
pub mod resolve;
pub mod search;
pub mod undelivered;
pub mod views;

use sahaya_protocol::domain::{Channel, Ticket, TicketId};
use sahaya_store::OutboxOp;
use sahaya_text::TextBuffer;

use super::app::{App, Effect};
use super::overlay::{Confirm, Overlay, Picker, Prompt};

/// What choosing a picker item does.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// A status, priority or assignee for one ticket or the marked ones.
    Field(fields::Tickets, fields::Field),
    /// This macro for the ticket; its placeholders are filled next.
    Macro(macros::MacroFlow),
    /// A step of an order action.
    Order(order_request::OrderPick),
    /// The channel of a proactive notice; its subject is asked next.
    NoticeChannel(notice::Notice, Channel),
    /// What to do about a write that needs the agent.
    Resolve(resolve::Resolution),
    /// A file of the open ticket: save and open it.
    File(sahaya_protocol::domain::Attachment),
    /// What to do about a reply the channel could not deliver.
    Undelivered(undelivered::Undelivered),
    /// A group for one ticket or the marked ones.
    Group(fields::Tickets, String),
    /// This macro on every marked ticket.
    BulkMacro(i64),
    /// Another ticket of the open ticket's customer.
    PastTicket(TicketId),
    /// The macro of a late-shipment outreach.
    LateMacro(late::MacroChoice),
    /// A step of the macro editor.
    MacroEdit(macro_editor::EditPick),
    /// The ticket these tickets are merged into.
    MergeTarget(Vec<TicketId>, TicketId),
}

impl Pick {
    /// A line the picker shows under its list while this item is
    /// highlighted: why a macro is suggested, what is still possible of
    /// an order action.
    pub fn note(&self) -> Option<&str> {
        if let Pick::Macro(flow) = self {
            flow.why.as_deref()
        } else if let Pick::Order(step) = self {
            step.note()
        } else if let Pick::LateMacro(choice) = self {
            choice.note.as_deref()
        } else {
            None
        }
    }
}

/// What a prompt's text answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// The ticket's tags, comma separated.
    Tags(TicketId),
    /// A macro placeholder the cache cannot fill (its name).
    Placeholder(macros::MacroFlow, String),
    /// An amount, variant or reason of an order action.
    Order(order_request::OrderAsk),
    /// The subject of a proactive notice on this channel.
    NoticeSubject(notice::Notice, Channel),
    /// The message of a proactive notice.
    NoticeBody(notice::Draft),
    /// The path of a file to attach to the reply being written.
    AttachPath,
    /// The name of a view saved of this query.
    ViewName(String),
    /// The key of a view saved with this name and query.
    ViewKey { name: String, query: String },
    /// Tags to add and remove on every marked ticket.
    BulkTags,
    /// A new macro's name.
    MacroName,
    /// A new macro's tags (it has this name).
    MacroTags(String),
    /// The number of, or words finding, the ticket these are merged into.
    MergeTarget(Vec<TicketId>),
}

/// What a yes to a confirmation does.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    Quit,
    /// Leave the composer, dropping its text.
    DiscardDraft,
    /// Send although the ticket changed meanwhile.
    SendAnyway,
    /// Queue this refund, return or exchange.
    Order(order_request::Request),
    /// Queue the notices of a late-shipment outreach.
    LateOutreach(late::Outreach),
    /// Delete this macro.
    DeleteMacro(i64),
    /// Queue these merges.
    Merge(merge::Plan),
}

/// A picker item was chosen.
pub fn chosen(app: &mut App, pick: Pick) {
    match pick {
        Pick::Field(tickets, field) => fields::chosen(app, tickets, field),
        Pick::Macro(flow) => macros::step(app, flow),
        Pick::Order(step) => orders::chosen(app, step),
        Pick::NoticeChannel(notice, channel) => notice::channel_chosen(app, notice, channel),
        Pick::Resolve(resolution) => resolve::chosen(app, resolution),
        Pick::File(file) => files::chosen(app, file),
        Pick::Undelivered(choice) => undelivered::chosen(app, choice),
        Pick::Group(tickets, group) => group::chosen(app, tickets, group),
        Pick::BulkMacro(id) => bulk_macro::chosen(app, id),
        Pick::PastTicket(id) => history::chosen(app, id),
        Pick::LateMacro(choice) => late::macro_chosen(app, choice),
        Pick::MacroEdit(step) => macro_editor::chosen(app, step),
        Pick::MergeTarget(tickets, into) => merge::target_chosen(app, tickets, into),
    }
}

/// A prompt was answered with `value`. A refused value keeps the prompt
/// open with the reason under the input.
pub fn answered(app: &mut App, mut prompt: Prompt, value: String) {
    let result = match prompt.ask.clone() {
        Ask::Tags(id) => {
            fields::tags_answered(app, id, &value);
            Ok(())
        }
        Ask::Placeholder(flow, name) => {
            macros::answered(app, flow, name, value);
            Ok(())
        }
        Ask::Order(ask) => orders::answered(app, ask, &value),
        Ask::NoticeSubject(notice, channel) => {
            notice::subject_answered(app, notice, channel, &value)
        }
        Ask::NoticeBody(draft) => notice::body_answered(app, draft, value),
        Ask::AttachPath => files::path_answered(app, &value),
        Ask::ViewName(query) => views::name_answered(app, query, &value),
        Ask::ViewKey { name, query } => views::key_answered(app, name, query, &value),
        Ask::BulkTags => bulk::tags_answered(app, &value),
        Ask::MacroName => macro_editor::name_answered(app, &value),
        Ask::MacroTags(name) => macro_editor::tags_answered(app, name, &value),
        Ask::MergeTarget(tickets) => merge::target_answered(app, tickets, &value),
    };
    if let Err(error) = result {
        prompt.error = Some(error);
        app.overlay = Some(Overlay::Prompt(prompt));
    }
}

/// A confirmation was answered yes.
pub fn confirmed(app: &mut App, then: Confirmed) {
    match then {
        Confirmed::Quit => {
            app.quit = true;
            app.effects.push(Effect::Quit);
        }
        Confirmed::DiscardDraft => reply::close_composer(app),
        Confirmed::SendAnyway => reply::send(app, true),
        Confirmed::Order(request) => order_confirm::confirmed(app, request),
        Confirmed::LateOutreach(outreach) => late::confirmed(app, outreach),
        Confirmed::DeleteMacro(id) => macro_editor::delete(app, id),
        Confirmed::Merge(plan) => merge::confirmed(app, plan),
    }
}

/// Quits, asking first when changes are not sent yet.
pub fn quit(app: &mut App) {
    if app.outbox_waiting > 0 {
        let q = app.i18n.tr_args(
            "confirm-quit-unsent",
            &[("count", app.outbox_waiting.into())],
        );
        confirm(app, q, Confirmed::Quit);
    } else {
        app.quit = true;
        app.effects.push(Effect::Quit);
    }
}

/// After every edit of a text field: the composer's draft is saved, a
/// search runs again, a filtered list goes back to its first row.
pub fn after_edit(app: &mut App) {
    reply::save_draft(app);
    search::refresh(app);
    match &mut app.overlay {
        Some(Overlay::Palette { selected, .. }) => *selected = 0,
        Some(Overlay::Picker(p)) => p.selected = 0,
        Some(
            Overlay::Help { .. }
            | Overlay::Prompt(_)
            | Overlay::Confirm(_)
            | Overlay::Search(_)
            | Overlay::Problems { .. },
        )
        | None => {}
    }
}

// ---------------------------------------------------------------------------
// Shared by the flows
// ---------------------------------------------------------------------------

/// Writes `op` to the cache and outbox and wakes the sync; says why not
/// when the cache refuses.
fn enqueue(app: &mut App, op: OutboxOp) -> bool {
    enqueue_with(app, op, Vec::new())
}

/// [`enqueue`] with files from disk for a message.
fn enqueue_with(app: &mut App, op: OutboxOp, files: Vec<sahaya_store::NewFile>) -> bool {
    let queued = if files.is_empty() {
        app.store.enqueue(op)
    } else {
        app.store.enqueue_with_files(op, files)
    };
    match queued {
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

/// Queues `op` and says so.
fn enqueue_and_say(app: &mut App, op: OutboxOp) {
    if enqueue(app, op) {
        let text = app.t("queued");
        app.flash(text);
    }
}

/// The ticket the agent acts on, or a flash asking to select one.
fn need_ticket(app: &mut App) -> Option<Ticket> {
    let ticket = app.current_ticket();
    if ticket.is_none() {
        let text = app.t("select-ticket-first");
        app.flash(text);
    }
    ticket
}

/// The cached ticket `id`: None when it is gone from the cache, or when the
/// cache cannot be read (a flash says so).
fn cached_ticket(app: &mut App, id: TicketId) -> Option<Ticket> {
    match app.store.ticket(id) {
        Ok(ticket) => ticket,
        Err(e) => {
            tracing::warn!("cannot read ticket {id}: {e}");
            app.flash_cache_error(&e);
            None
        }
    }
}

fn picker(app: &mut App, title_id: &str, items: Vec<(String, Pick)>, selected: usize) {
    let title = app.t(title_id);
    open_picker(app, title, items, selected);
}

fn open_picker(app: &mut App, title: String, items: Vec<(String, Pick)>, selected: usize) {
    app.overlay = Some(Overlay::Picker(Picker {
        title,
        items,
        selected,
        filter: TextBuffer::new(),
    }));
}

fn prompt(app: &mut App, title: String, initial: &str, ask: Ask) {
    let mut input = TextBuffer::new();
    input.insert_str(initial);
    app.overlay = Some(Overlay::Prompt(Prompt {
        title,
        input,
        ask,
        error: None,
    }));
}

fn confirm(app: &mut App, question: String, then: Confirmed) {
    app.overlay = Some(Overlay::Confirm(Confirm { question, then }));
}

/// The trimmed text, or the "required" message when there is none.
fn required(app: &App, value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        Err(app.t("error-required"))
    } else {
        Ok(value.to_string())
    }
}
