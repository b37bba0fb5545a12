//! Overlays drawn over the panes: pickers, prompts, confirmations, help,
//! the command palette, search and the list of writes needing attention.

use sahaya_protocol::domain::{ActionKind, Channel, Money, Priority, RefundMethod, Status, TicketId};
use sahaya_keymap::Action;
use sahaya_protocol::wire::TicketPatch;
use sahaya_text::TextBuffer;

pub enum Overlay {
    Help { scroll: usize },
    Palette { filter: TextBuffer, selected: usize },
    Picker(Picker),
    Prompt(Prompt),
    Confirm(Confirm),
    Search(Search),
    Problems { selected: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub enum PickValue {
    Status(Status),
    Priority(Priority),
    Agent(Option<i64>),
    Macro(i64),
    Order(String),
    Kind(ActionKind),
    Method(RefundMethod),
    Channel(Channel),
    KeepTheirs(i64),
    ReapplyMine(i64),
    Discard(i64),
    Retry(i64),
}

pub struct Picker {
    pub title: String,
    pub items: Vec<(String, PickValue)>,
    /// Index into [`Picker::visible`].
    pub selected: usize,
    pub flow: Flow,
    /// Typed letters narrow the list (a floor has more agents than fit).
    pub filter: TextBuffer,
}

impl Picker {
    /// Indices of the items whose label contains the filter (any case).
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.text().to_lowercase();
        let needle = needle.trim();
        self.items
            .iter()
            .enumerate()
            .filter(|(_, (label, _))| needle.is_empty() || label.to_lowercase().contains(needle))
            .map(|(i, _)| i)
            .collect()
    }

    /// The highlighted item.
    pub fn current(&self) -> Option<&(String, PickValue)> {
        self.visible()
            .get(self.selected)
            .and_then(|i| self.items.get(*i))
    }
}

pub struct Prompt {
    pub title: String,
    pub input: TextBuffer,
    pub flow: Flow,
    /// Shown under the input when the last value was refused.
    pub error: Option<String>,
}

pub struct Confirm {
    pub question: String,
    pub flow: Flow,
}

pub struct Search {
    pub input: TextBuffer,
    pub results: Vec<sahaya_store::SearchHit>,
    pub selected: usize,
    /// A query was handed to the search thread; its results are not in yet.
    pub pending: bool,
}

/// Multi-step actions carry their collected answers from step to step.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    Status(TicketId),
    Priority(TicketId),
    Assign(TicketId),
    Tags(TicketId),
    Macro(MacroFlow),
    Order(OrderFlow),
    Notice(NoticeFlow),
    NoticeBody(NoticeFlow),
    Resolve,
    /// Leave the composer, dropping its text.
    DiscardDraft,
    Quit,
    /// Send although the ticket changed meanwhile.
    SendAnyway,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MacroFlow {
    pub ticket_id: TicketId,
    pub macro_id: Option<i64>,
    /// Placeholder values known so far.
    pub values: Vec<(String, String)>,
    /// The placeholder being asked for.
    pub asking: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderFlow {
    pub ticket_id: Option<TicketId>,
    pub order_id: Option<String>,
    pub kind: Option<ActionKind>,
    pub amount: Option<Money>,
    pub method: Option<RefundMethod>,
    pub variant: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoticeFlow {
    pub customer_id: i64,
    pub order_id: Option<String>,
    pub channel: Option<Channel>,
    pub subject: Option<String>,
}

/// What happens after a reply is sent (a macro's status and tags).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AfterSend {
    pub patch: TicketPatch,
}

/// A palette row: an action with its keys and description.
pub struct PaletteRow {
    pub action: Action,
    pub keys: String,
    pub label: String,
}
