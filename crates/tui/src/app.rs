//! The console's state. One owner: keys and sync events come in as messages,
//! `update` changes the state, `view` only reads it. What the state is made
//! of is in `state`; here is the owner, loading from the cache, and taking
//! in the supervisor's figures.

use sahaya_i18n::I18n;
use sahaya_keymap::Keymap;
use sahaya_protocol::Clock;
use sahaya_protocol::domain::{Agent, Role, Ticket, TicketId, Timestamp};
use sahaya_protocol::events::{Capabilities, Connection};
use sahaya_protocol::wire::{QueueStats, View, ViewCounts};
use sahaya_store::{Store, TicketRow};
use sahaya_text::WidthProfile;

use crate::overlay::Overlay;
use crate::theme::Theme;

pub use crate::state::{
    Composer, Effect, FrameStats, Line, ListQuery, ListState, OpenTicket, Pane, Prepared,
    Supervisor,
};

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
    /// My replies a channel could not deliver (they join the problems list).
    pub undelivered: i64,
    pub last_sync: Option<Timestamp>,
    pub progress: Option<(i64, i64)>,
    pub stats: Option<Box<QueueStats>>,
    /// A short message for the status bar, and when it was shown (by the
    /// console's clock).
    pub flash: Option<(String, Timestamp)>,
    /// The keys typed so far of a multi-key sequence (for the which-key hint).
    pub pending_keys: Vec<String>,
    pub show_supervisor: bool,
    /// The supervisor screen: selection, alert rules and alert state.
    pub supervisor: Supervisor,
    /// A drill-down from the supervisor screen: the list shows these
    /// tickets instead of `view`.
    pub filter: Option<sahaya_store::TicketFilter>,
    /// A search the list shows instead of `view` (typed, or a saved view).
    pub query: Option<ListQuery>,
    /// The ticket left for another of its customer's (the way back).
    pub came_from: Option<TicketId>,
    /// The agent's saved views (the console loads them from the config
    /// directory).
    pub saved: crate::saved_views::SavedViews,
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
    /// Latin typing in search, prompts and filters (the composer has its
    /// own switch): stays as the agent leaves it.
    pub typing: crate::typing::Typing,
    /// Whether the agent had Latin typing on when last writing to a
    /// customer in Kannada, Telugu or Devanagari: such replies start so.
    pub replies_typed_latin: bool,
    pub effects: Vec<Effect>,
    pub quit: bool,
    pub frame_stats: FrameStats,
    /// Searches run on a thread of their own (the console) instead of in
    /// `update` (headless tests).
    pub search_in_background: bool,
    /// What the backend can do (everything, for sahaya's own server); the
    /// console sets it from the backend before the first frame.
    pub capabilities: Capabilities,
    /// The styles the views draw with (the console chooses the palette).
    pub theme: Theme,
    /// Where every "now" of the UI comes from: SLA countdowns, ages, when
    /// figures arrived, how long a flash stays. Tests pin it.
    pub clock: Clock,
    /// The late-shipment screen (its rule comes from the config).
    pub late: crate::late_screen::Late,
    /// The macro editor, while a supervisor writes a body.
    pub editor: Option<crate::macro_draft::MacroEditor>,
}

impl App {
    /// A console on the machine's clock.
    pub fn new(store: Store, i18n: I18n, keymap: Keymap, profile: WidthProfile) -> App {
        App::with_clock(store, i18n, keymap, profile, Clock::system())
    }

    /// A console whose time comes from `clock`; the store takes its time
    /// from the same clock.
    pub fn with_clock(
        mut store: Store,
        i18n: I18n,
        keymap: Keymap,
        profile: WidthProfile,
        clock: Clock,
    ) -> App {
        store.set_clock(clock.clone());
        let script = crate::typing::default_script(i18n.locale());
        let mut app = App {
            me: None,
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
            undelivered: 0,
            last_sync: None,
            progress: None,
            stats: None,
            flash: None,
            pending_keys: Vec::new(),
            show_supervisor: false,
            supervisor: Default::default(),
            filter: None,
            query: None,
            saved: Default::default(),
            came_from: None,
            marked: Default::default(),
            viewers: Default::default(),
            composer_width: 60,
            prepared: Prepared::default(),
            romanized: false,
            typing: crate::typing::Typing::new(script),
            replies_typed_latin: false,
            effects: Vec::new(),
            quit: false,
            frame_stats: FrameStats::default(),
            search_in_background: false,
            capabilities: Capabilities::ALL,
            theme: Theme::default(),
            clock,
            late: Default::default(),
            editor: None,
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

    /// The time now, by the console's clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
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
        self.flash = Some((text.into(), self.now()));
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
            match self.store.me() {
                Ok(me) => self.me = me,
                Err(e) => tracing::warn!("cannot read who is signed in: {e}"),
            }
        }
        let now = self.now();
        match self.store.view_counts(self.my_id(), now) {
            Ok(counts) => self.counts = counts,
            Err(e) => tracing::warn!("cannot read view counts: {e}"),
        }
        self.count_saved_views();
        let len = match (&self.query, &self.filter) {
            (Some(q), _) => self.store.query_count(&q.query, &self.query_context()),
            (None, Some(f)) => self.store.filtered_count(f, now),
            (None, None) => Ok(self.counts.get(self.view)),
        };
        let len = len.unwrap_or_else(|e| {
            tracing::warn!("cannot count tickets: {e}");
            0
        });
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
        // Replies the channel could not deliver wait in the same list.
        if self.capabilities.attachments {
            match self.store.undelivered_count(self.my_id()) {
                Ok(n) => self.undelivered = n,
                Err(e) => tracing::warn!("cannot count undelivered replies: {e}"),
            }
        }
        self.count_from_cache();
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
        let (me, now) = (self.my_id(), self.now());
        let rows = match (&self.query, &self.filter) {
            (Some(q), _) => {
                self.store
                    .query_rows(&q.query, &self.query_context(), self.list.offset, height)
            }
            (None, Some(f)) => self.store.filtered_rows(f, now, offset, height as i64),
            (None, None) => self
                .store
                .ticket_rows(self.view, me, now, offset, height as i64),
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

    /// Opens ticket `id` in the thread and customer panes (a flash says
    /// why not when the cache cannot be read).
    pub fn open_ticket(&mut self, id: TicketId) {
        let ticket = match self.store.ticket(id) {
            Ok(Some(t)) => t,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!("cannot read ticket {id}: {e}");
                self.flash_cache_error(&e);
                return;
            }
        };
        self.open = Some(OpenTicket {
            ticket,
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
        match self.store.ticket(id) {
            Ok(Some(t)) => open.ticket = t,
            // Gone from the cache: the pane keeps what it showed.
            Ok(None) => {}
            Err(e) => tracing::warn!("cannot read ticket {id}: {e}"),
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
        let typing = self.composer.as_ref().is_some_and(|c| {
            Some(c.ticket_id) == ticket && !(c.buffer.is_empty() && c.typing.pending().is_empty())
        });
        Some((ticket, typing))
    }

    pub fn set_view(&mut self, view: View) {
        if self.view != view || self.filter.is_some() || self.query.is_some() {
            self.view = view;
            self.filter = None;
            self.query = None;
            self.marked.clear();
            self.list.selected = 0;
            self.list.offset = 0;
        }
        self.reload();
    }

    /// Shows the tickets of a supervisor drill-down in the list (None: back
    /// to the view).
    pub fn set_filter(&mut self, filter: Option<sahaya_store::TicketFilter>) {
        if self.filter != filter || self.query.is_some() {
            self.filter = filter;
            self.query = None;
            self.marked.clear();
            self.list.selected = 0;
            self.list.offset = 0;
        }
        self.reload();
    }

    /// Shows a search in the list instead of the view (None: back to the
    /// view).
    pub fn set_query(&mut self, query: Option<ListQuery>) {
        if self.query != query {
            self.query = query;
            self.filter = None;
            self.marked.clear();
            self.list.selected = 0;
            self.list.offset = 0;
        }
        self.reload();
    }

    /// Who runs the list's queries, and when (`assignee:me`, `late:`...).
    pub fn query_context(&self) -> sahaya_store::QueryContext {
        sahaya_store::QueryContext {
            me: self.my_id(),
            now: self.now(),
        }
    }

    /// Loads the saved views kept at `path` (the console: `views.toml` in
    /// the config directory); a file that cannot be read is said in the
    /// status bar and no view is lost by writing over it later.
    pub fn use_saved_views(&mut self, path: &std::path::Path) {
        let (saved, problem) = crate::saved_views::SavedViews::load(path);
        self.saved = saved;
        if let Some(problem) = problem {
            // Saving a view would overwrite the file: keep nowhere.
            self.saved.path = None;
            let text = self
                .i18n
                .tr_args("error-saved-views", &[("error", problem.into())]);
            self.flash(text);
        }
        self.reload();
    }

    /// The live count of every saved view (remembered by the cache until
    /// it changes).
    fn count_saved_views(&mut self) {
        let cx = self.query_context();
        let counts = self
            .saved
            .queries
            .iter()
            .map(|q| match q {
                Some(q) => self.store.query_count(q, &cx).unwrap_or_else(|e| {
                    tracing::warn!("cannot count a saved view: {e}");
                    0
                }),
                None => 0,
            })
            .collect();
        self.saved.counts = counts;
    }

    /// Says in the status bar that the cache could not be read.
    pub fn flash_cache_error(&mut self, e: &sahaya_store::StoreError) {
        let text = self
            .i18n
            .tr_args("error-cache-read", &[("error", e.to_string().into())]);
        self.flash(text);
    }

    /// New figures from the server: keep them, and alert on what started
    /// firing.
    pub fn take_stats(&mut self, stats: Box<QueueStats>) {
        self.supervisor.received = Some(self.now());
        self.take_figures(stats);
    }

    /// Without figures from the backend (no `stats` capability), the
    /// supervisor screen counts from the cache: after every reload, and when
    /// it opens. Alerts fire on these counts as on the server's.
    pub fn count_from_cache(&mut self) {
        if self.capabilities.stats || !self.is_supervisor() {
            return;
        }
        let stats = crate::local_stats::count(&self.store, &self.counts, self.now());
        self.take_figures(Box::new(stats));
    }

    fn take_figures(&mut self, stats: Box<QueueStats>) {
        let fresh = if self.is_supervisor() {
            self.supervisor.started_firing(&stats)
        } else {
            Vec::new()
        };
        for alert in fresh {
            let text = alert.text(&self.i18n, &stats);
            if self.supervisor.rules.notify != Some(crate::notify::NotifyStyle::Off) {
                self.effects.push(Effect::Notify(text.clone()));
            }
            self.flash(text);
        }
        self.stats = Some(stats);
    }
}
