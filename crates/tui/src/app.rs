//! The console's state. One owner: keys and sync events come in as messages,
//! `update` changes the state, `view` only reads it.

use std::time::Instant;

use sahaya_i18n::I18n;
use sahaya_keymap::{Keymap, Scope};
use sahaya_protocol::domain::{Agent, Message, MessageKind, Role, Ticket, TicketId, Timestamp};
use sahaya_protocol::events::{Capabilities, Connection};
use sahaya_protocol::wire::{CustomerDetail, QueueStats, View, ViewCounts};
use sahaya_store::{Store, TicketRow};
use sahaya_text::{TextBuffer, WidthProfile};

use super::overlay::Overlay;

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
    /// Id of the newest message when the composer opened (traffic cop).
    pub seen_last_message: Option<i64>,
    /// Whether the ticket was still active when the composer opened.
    pub was_active: bool,
    /// A macro's status and tags, queued with the message when it is sent.
    pub after_send: Option<sahaya_protocol::wire::TicketPatch>,
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
    Search(String),
}

pub struct App {
    pub store: Store,
    pub i18n: I18n,
    pub keymap: Keymap,
    pub profile: WidthProfile,
    pub me: Option<Agent>,
    pub focus: Pane,
    pub view: View,
    pub counts: ViewCounts,
    pub list: ListState,
    pub open: Option<OpenTicket>,
    pub composer: Option<Composer>,
    pub overlay: Option<Overlay>,
    pub connection: Connection,
    pub outbox_waiting: i64,
    pub outbox_problems: i64,
    pub last_sync: Option<Timestamp>,
    pub progress: Option<(i64, i64)>,
    pub stats: Option<Box<QueueStats>>,
    pub flash: Option<(String, Instant)>,
    /// The keys typed so far of a multi-key sequence (for the which-key hint).
    pub pending_keys: Vec<String>,
    pub show_supervisor: bool,
    /// The supervisor screen: selection, alert rules and alert state.
    pub supervisor: super::supervisor::Supervisor,
    /// A drill-down from the supervisor screen: the list shows these
    /// tickets instead of `view`.
    pub filter: Option<sahaya_store::TicketFilter>,
    /// Tickets marked in the list; assigning acts on all of them.
    pub marked: std::collections::BTreeSet<TicketId>,
    /// Other agents on each ticket, from the live stream.
    pub viewers: std::collections::HashMap<TicketId, Vec<sahaya_protocol::wire::Viewer>>,
    /// Width of the composer's text as laid out for the last frame (for
    /// moving up and down in it).
    pub composer_width: usize,
    /// What the next frame shows, laid out by `prepare`.
    pub prepared: Prepared,
    pub romanized: bool,
    pub effects: Vec<Effect>,
    pub quit: bool,
    pub frame_stats: FrameStats,
    /// Searches run on a thread of their own (the console) instead of in
    /// `update` (headless tests).
    pub search_in_background: bool,
    /// What the backend can do (everything, for sahaya's own server); the
    /// console sets it from the backend before the first frame.
    pub capabilities: Capabilities,
}

impl App {
    pub fn new(store: Store, i18n: I18n, keymap: Keymap, profile: WidthProfile) -> App {
        let mut app = App {
            me: store.me().ok().flatten(),
            store,
            i18n,
            keymap,
            profile,
            focus: Pane::List,
            view: View::Mine,
            counts: ViewCounts::default(),
            list: ListState {
                stale: true,
                ..Default::default()
            },
            open: None,
            composer: None,
            overlay: None,
            connection: Connection::Connecting,
            outbox_waiting: 0,
            outbox_problems: 0,
            last_sync: None,
            progress: None,
            stats: None,
            flash: None,
            pending_keys: Vec::new(),
            show_supervisor: false,
            supervisor: Default::default(),
            filter: None,
            marked: Default::default(),
            viewers: Default::default(),
            composer_width: 60,
            prepared: Prepared::default(),
            romanized: false,
            effects: Vec::new(),
            quit: false,
            frame_stats: FrameStats::default(),
            search_in_background: false,
            capabilities: Capabilities::ALL,
        };
        app.reload();
        app
    }

    pub fn my_id(&self) -> i64 {
        self.me.as_ref().map_or(0, |a| a.id)
    }

    pub fn is_supervisor(&self) -> bool {
        self.me.as_ref().is_some_and(|a| a.role == Role::Supervisor)
    }

    pub fn now() -> Timestamp {
        chrono::Utc::now()
    }

    /// The first key bound to `action`, as shown in hints ("!", "ctrl-s").
    pub fn key_for(&self, action: sahaya_keymap::Action) -> String {
        self.keymap
            .bindings_for(action)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Shows a short message in the status line.
    pub fn flash(&mut self, text: impl Into<String>) {
        self.flash = Some((text.into(), Instant::now()));
    }

    /// A number for display: grouped (1,00,000), in the console's digits.
    pub fn num(&self, n: i64) -> String {
        self.i18n.number(n)
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.tr(id)
    }

    /// Re-reads everything shown from the cache (after sync or own writes).
    pub fn reload(&mut self) {
        if self.me.is_none() {
            self.me = self.store.me().ok().flatten();
        }
        let now = Self::now();
        match self.store.view_counts(self.my_id(), now) {
            Ok(counts) => self.counts = counts,
            Err(e) => tracing::warn!("cannot read view counts: {e}"),
        }
        let len = match &self.filter {
            Some(f) => self.store.filtered_count(f, now).unwrap_or_else(|e| {
                tracing::warn!("cannot count tickets: {e}");
                0
            }),
            None => self.counts.get(self.view),
        };
        self.list.len = usize::try_from(len).unwrap_or(0);
        if self.list.selected >= self.list.len {
            self.list.selected = self.list.len.saturating_sub(1);
        }
        self.list.stale = true;
        self.load_rows(self.list.height);
        self.reload_open();
        match self.store.outbox_counts() {
            Ok((waiting, problems)) => {
                self.outbox_waiting = waiting;
                self.outbox_problems = problems;
            }
            Err(e) => tracing::warn!("cannot read the outbox: {e}"),
        }
        super::supervisor::count_from_cache(self);
    }

    /// Makes sure the visible window of the list is loaded for `height` rows.
    pub fn load_rows(&mut self, height: usize) {
        let height = height.max(1);
        let l = &mut self.list;
        if l.selected < l.offset {
            l.offset = l.selected;
        } else if l.selected >= l.offset + height {
            l.offset = l.selected + 1 - height;
        }
        if l.offset + height > l.len {
            l.offset = l.len.saturating_sub(height);
        }
        if !l.stale && l.height == height && l.loaded_offset == l.offset {
            return;
        }
        let offset = l.offset as i64;
        let me = self.my_id();
        let rows = match &self.filter {
            Some(f) => self
                .store
                .filtered_rows(f, Self::now(), offset, height as i64),
            None => self
                .store
                .ticket_rows(self.view, me, Self::now(), offset, height as i64),
        };
        match rows {
            Ok(rows) => self.list.rows = rows,
            Err(e) => tracing::warn!("cannot read tickets: {e}"),
        }
        self.list.height = height;
        self.list.loaded_offset = self.list.offset;
        self.list.stale = false;
    }

    pub fn selected_row(&self) -> Option<&TicketRow> {
        self.list
            .selected
            .checked_sub(self.list.offset)
            .and_then(|i| self.list.rows.get(i))
    }

    pub fn open_ticket(&mut self, id: TicketId) {
        self.open = Some(OpenTicket {
            ticket: match self.store.ticket(id) {
                Ok(Some(t)) => t,
                _ => return,
            },
            messages: Vec::new(),
            customer: None,
            thread_scroll: 0,
            customer_scroll: 0,
            thread_rows: 0,
            customer_rows: 0,
        });
        self.reload_open();
    }

    fn reload_open(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let id = open.ticket.id;
        if let Ok(Some(t)) = self.store.ticket(id) {
            open.ticket = t;
        }
        match self.store.messages(id) {
            Ok(messages) => open.messages = messages,
            Err(e) => tracing::warn!("cannot read messages of {id}: {e}"),
        }
        match self.store.customer_detail(open.ticket.customer_id) {
            Ok(c) => open.customer = c,
            Err(e) => tracing::warn!("cannot read customer: {e}"),
        }
    }

    /// The ticket the agent is acting on: the open one, else the selected row.
    pub fn current_ticket(&self) -> Option<Ticket> {
        if self.focus == Pane::List
            && let Some(row) = self.selected_row()
        {
            return Some(row.ticket.clone());
        }
        if let Some(open) = &self.open {
            return Some(open.ticket.clone());
        }
        self.selected_row().map(|r| r.ticket.clone())
    }

    /// What to tell others: the open ticket, and whether we are typing on
    /// it. None when the backend keeps no presence (nothing is sent).
    pub fn presence(&self) -> Option<(Option<TicketId>, bool)> {
        if !self.capabilities.presence {
            return None;
        }
        let ticket = self.open.as_ref().map(|o| o.ticket.id);
        let typing = self
            .composer
            .as_ref()
            .is_some_and(|c| Some(c.ticket_id) == ticket && !c.buffer.is_empty());
        Some((ticket, typing))
    }

    pub fn set_view(&mut self, view: View) {
        if self.view != view || self.filter.is_some() {
            self.view = view;
            self.filter = None;
            self.marked.clear();
            self.list.selected = 0;
            self.list.offset = 0;
        }
        self.reload();
    }

    /// Shows the tickets of a supervisor drill-down in the list (None: back
    /// to the view).
    pub fn set_filter(&mut self, filter: Option<sahaya_store::TicketFilter>) {
        if self.filter != filter {
            self.filter = filter;
            self.marked.clear();
            self.list.selected = 0;
            self.list.offset = 0;
        }
        self.reload();
    }
}
