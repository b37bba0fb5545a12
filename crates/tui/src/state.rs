//! The parts of the console's state, each with its own job: the list's
//! loaded window, the open ticket, the composer, what the next frame shows,
//! the supervisor screen's selection and alerts. `App` holds them.

use sahaya_keymap::Scope;
use sahaya_protocol::domain::{Message, MessageKind, Ticket, TicketId, Timestamp};
use sahaya_protocol::wire::{CustomerDetail, QueueStats};
use sahaya_store::TicketRow;
use sahaya_text::TextBuffer;

use crate::alerts::{Alert, AlertRules};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Thread,
    Customer,
}

impl Pane {
    pub fn scope(self) -> Scope {
        match self {
            Pane::List => Scope::List,
            Pane::Thread => Scope::Thread,
            Pane::Customer => Scope::Customer,
        }
    }
}

/// A search the list shows instead of a view: typed, or a saved view.
#[derive(Debug, Clone, PartialEq)]
pub struct ListQuery {
    /// The query in its canonical form.
    pub text: String,
    pub query: sahaya_store::language::Query,
    /// The saved view shown (an index into `App::saved`), if it is one.
    pub saved: Option<usize>,
}

/// The visible window of the ticket list: only these rows are loaded.
#[derive(Default)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
    pub len: usize,
    /// Rows `offset .. offset + rows.len()`.
    pub rows: Vec<TicketRow>,
    /// Height the rows were loaded for.
    pub height: usize,
    /// Offset the rows were loaded from.
    pub loaded_offset: usize,
    pub stale: bool,
}

/// What the last frame built, for tests and benchmarks: the cost of a frame
/// must follow what is visible, not what is cached.
#[derive(Debug, Default, Clone, Copy)]
pub struct FrameStats {
    /// Ticket rows loaded for the list (its visible window).
    pub list_rows: usize,
    /// Thread lines laid out (wrapped) for the conversation pane.
    pub thread_lines: usize,
}

/// What `prepare` laid out for the next frame, so views only draw.
#[derive(Default)]
pub struct Prepared {
    /// The time the frame shows (SLA countdowns, "5m ago", staleness).
    pub now: Timestamp,
    /// The ticket list's title: the view or drill-down, marks.
    pub list_title: String,
    /// "👁 Ravi (typing)": who else has the open ticket, when it fits.
    pub viewers: Option<String>,
    /// The thread's visible lines, top to bottom.
    pub thread: Vec<Line>,
    /// The customer pane's visible rows.
    pub customer: Vec<(String, ratatui::style::Style)>,
    /// The problems overlay's entries: what each is, and why it needs the
    /// agent.
    pub problems: Vec<(String, String)>,
}

/// One laid-out line of the thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub parts: Vec<(String, ratatui::style::Style)>,
    pub indent: u16,
}

/// The ticket in the middle and right panes.
pub struct OpenTicket {
    pub ticket: Ticket,
    pub messages: Vec<Message>,
    pub customer: Option<CustomerDetail>,
    /// Lines scrolled up from the bottom of the thread (0 = newest visible).
    pub thread_scroll: usize,
    pub customer_scroll: usize,
    /// Rows of the thread and customer panes as last drawn: what a page is
    /// when that pane has the focus.
    pub thread_rows: usize,
    pub customer_rows: usize,
}

pub struct Composer {
    pub ticket_id: TicketId,
    pub kind: MessageKind,
    pub buffer: TextBuffer,
    /// Latin typing in this composer (starts in the customer's script).
    pub typing: crate::typing::Typing,
    /// Id of the newest message when the composer opened (traffic cop).
    pub seen_last_message: Option<i64>,
    /// Whether the ticket was still active when the composer opened.
    pub was_active: bool,
    /// Why the traffic cop cannot tell what changed (the cache could not
    /// be read when the composer opened): sending asks first.
    pub unchecked: Option<String>,
    /// A macro's status and tags, queued with the message when it is sent.
    pub after_send: Option<sahaya_protocol::wire::TicketPatch>,
    /// Files from disk that go with the message.
    pub files: Vec<sahaya_store::NewFile>,
}

/// What the UI asks the outside world to do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Something was queued or sync-now: wake the sync task.
    Kick,
    Quit,
    /// A supervisor alert: a desktop notification through the terminal.
    Notify(String),
    /// Run this search off the UI thread; answer with `Msg::SearchResults`.
    Search {
        query: String,
        cx: sahaya_store::QueryContext,
    },
    /// Fetch a message's file into the downloads folder (and open it).
    FetchFile {
        file: sahaya_protocol::domain::Attachment,
        open: bool,
    },
}

/// The supervisor screen's own state.
#[derive(Debug, Default)]
pub struct Supervisor {
    /// Index of the selected row among the selectable rows.
    pub selected: usize,
    /// When to alert and how to notify (the config file's `[alerts]`).
    pub rules: AlertRules,
    /// Alerts that fired on the latest figures (a notification goes out when
    /// one starts firing, not on every update).
    pub firing: Vec<Alert>,
    /// When the latest figures arrived, by the console's clock.
    pub received: Option<Timestamp>,
}

impl Supervisor {
    /// Takes the alerts `stats` set off; returns those that were not
    /// firing before.
    pub fn started_firing(&mut self, stats: &QueueStats) -> Vec<Alert> {
        let firing = self.rules.firing(stats);
        let fresh = firing
            .iter()
            .copied()
            .filter(|a| !self.firing.contains(a))
            .collect();
        self.firing = firing;
        fresh
    }
}
