//! The supervisor screen's state and keys: the rows a supervisor can drill
//! into and alerts with terminal notifications. Marking tickets for one
//! change to many is a flow of its own (`flows::bulk`).
//!
//! The figures are the server's (`QueueStats`, pushed over the live stream);
//! nothing here polls. A backend without statistics gets them counted from
//! the cache instead (`local_stats`). A drill-down shows the cached tickets
//! behind a figure.

use std::io::Write;

use serde::Deserialize;

use super::app::{App, Effect, Pane};
use sahaya_keymap::Action;
use sahaya_protocol::domain::{Channel, Presence, Priority, Status, Timestamp};
use sahaya_protocol::events::Connection;
use sahaya_protocol::wire::{QueueStats, View};
use sahaya_store::TicketFilter;

/// Figures older than this are stale even while the link looks fine (the
/// server refreshes them at least every 30 s).
pub const STALE_AFTER_SECS: i64 = 90;

/// Rows moved by page up / page down.
const PAGE: usize = 10;

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

/// `[alerts]` in the config file.
///
/// ```toml
/// [alerts]
/// unassigned = 20      # more than 20 unassigned tickets (default 20)
/// sla_breached = 0     # any SLA breach (default 0; -1 turns an alert off)
/// notify = "auto"      # auto, osc9, osc777, bell or off
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRules {
    /// Alert when more active tickets than this are unassigned.
    pub unassigned: Option<i64>,
    /// Alert when more tickets than this are past their SLA deadline.
    pub sla_breached: Option<i64>,
    /// How the terminal is told.
    pub notify: Option<NotifyStyle>,
}

impl AlertRules {
    /// The limit of `alert`, None when it is turned off.
    pub fn limit(&self, alert: Alert) -> Option<i64> {
        let (set, default) = match alert {
            Alert::Unassigned => (self.unassigned, 20),
            Alert::SlaBreached => (self.sla_breached, 0),
        };
        match set.unwrap_or(default) {
            n if n < 0 => None,
            n => Some(n),
        }
    }

    /// The alerts `stats` set off.
    pub fn firing(&self, stats: &QueueStats) -> Vec<Alert> {
        Alert::ALL
            .into_iter()
            .filter(|a| self.limit(*a).is_some_and(|limit| a.value(stats) > limit))
            .collect()
    }
}

/// How a notification reaches the supervisor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotifyStyle {
    /// OSC 9 or OSC 777 where the terminal is known to show them, else the bell.
    #[default]
    Auto,
    /// `ESC ] 9 ; text BEL` (iTerm2, WezTerm, Windows Terminal, kitty, ghostty).
    Osc9,
    /// `ESC ] 777 ; notify ; title ; body BEL` (VTE terminals, foot, urxvt).
    Osc777,
    Bell,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Alert {
    Unassigned,
    SlaBreached,
}

impl Alert {
    pub const ALL: [Alert; 2] = [Alert::Unassigned, Alert::SlaBreached];

    pub fn value(self, stats: &QueueStats) -> i64 {
        match self {
            Alert::Unassigned => stats.views.unassigned,
            Alert::SlaBreached => stats.sla.breached,
        }
    }

    /// The notification text, in the console's language.
    pub fn text(self, app: &App, stats: &QueueStats) -> String {
        let id = match self {
            Alert::Unassigned => "alert-unassigned",
            Alert::SlaBreached => "alert-sla-breached",
        };
        app.i18n.tr_args(id, &[("count", self.value(stats).into())])
    }
}

/// What a row opens.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    View(View),
    Filter(TicketFilter),
}

/// One line of the supervisor screen's list.
#[derive(Debug, Clone)]
pub struct Row {
    /// A section title (not selectable).
    pub heading: bool,
    pub label: String,
    /// Shown between the label and the count (an agent's presence).
    pub detail: String,
    /// The presence `detail` names, if it is one (for its colour).
    pub presence: Option<Presence>,
    pub count: i64,
    pub target: Option<Target>,
    /// The figure is over its alert limit.
    pub alert: bool,
}

impl Row {
    fn heading(label: String) -> Row {
        Row {
            heading: true,
            label,
            detail: String::new(),
            presence: None,
            count: 0,
            target: None,
            alert: false,
        }
    }

    fn entry(label: String, count: i64, target: Target) -> Row {
        Row {
            heading: false,
            label,
            detail: String::new(),
            presence: None,
            count,
            target: Some(target),
            alert: false,
        }
    }
}

fn get(map: &std::collections::BTreeMap<String, i64>, key: &str) -> i64 {
    map.get(key).copied().unwrap_or(0)
}

/// The rows of the supervisor screen for the latest figures: queues, SLA,
/// agents, statuses, priorities, channels and groups.
pub fn rows(app: &App) -> Vec<Row> {
    let Some(stats) = app.stats.as_deref() else {
        return Vec::new();
    };
    let rules = &app.supervisor.rules;
    let firing = |a: Alert| rules.limit(a).is_some_and(|l| a.value(stats) > l);
    let mut rows = vec![Row::heading(app.t("supervisor-views"))];
    for v in [
        View::Unassigned,
        View::Open,
        View::Pending,
        View::SlaDue,
        View::Solved,
        View::All,
    ] {
        let mut row = Row::entry(
            super::labels::view_label(app, v),
            stats.views.get(v),
            Target::View(v),
        );
        row.alert = v == View::Unassigned && firing(Alert::Unassigned);
        rows.push(row);
    }
    rows.push(Row::heading(app.t("supervisor-sla")));
    let mut breached = Row::entry(
        app.t("supervisor-breached"),
        stats.sla.breached,
        Target::Filter(TicketFilter::SlaBreached),
    );
    breached.alert = firing(Alert::SlaBreached);
    rows.push(breached);
    for (minutes, count) in [(15, stats.sla.due_15min), (60, stats.sla.due_60min)] {
        let label = app.i18n.tr_args(
            "supervisor-due-within",
            &[("duration", app.i18n.duration(minutes * 60).into())],
        );
        rows.push(Row::entry(
            label,
            count,
            Target::Filter(TicketFilter::SlaDueWithin(minutes)),
        ));
    }
    rows.push(Row::heading(app.t("supervisor-agents")));
    for a in &stats.agents {
        let mut row = Row::entry(
            sahaya_text::sanitize_line(&a.name).into_owned(),
            a.open_tickets,
            Target::Filter(TicketFilter::Assignee(a.agent_id)),
        );
        // Who is online is part of the server's figures only.
        if app.capabilities.stats {
            row.detail = app.t(&format!("presence-{}", a.presence.as_str()));
            row.presence = Some(a.presence);
        }
        rows.push(row);
    }
    rows.push(Row::heading(app.t("label-status")));
    for s in Status::ALL {
        rows.push(Row::entry(
            super::labels::status_label(app, *s),
            get(&stats.by_status, s.as_str()),
            Target::Filter(TicketFilter::Status(*s)),
        ));
    }
    rows.push(Row::heading(app.t("label-priority")));
    for p in Priority::ALL.iter().rev() {
        rows.push(Row::entry(
            super::labels::priority_label(app, *p),
            get(&stats.by_priority, p.as_str()),
            Target::Filter(TicketFilter::Priority(*p)),
        ));
    }
    rows.push(Row::heading(app.t("label-channel")));
    for c in Channel::ALL {
        rows.push(Row::entry(
            super::labels::channel_label(app, *c),
            get(&stats.by_channel, c.as_str()),
            Target::Filter(TicketFilter::Channel(*c)),
        ));
    }
    if !stats.by_group.is_empty() {
        rows.push(Row::heading(app.t("supervisor-groups")));
        for (group, n) in &stats.by_group {
            rows.push(Row::entry(
                group_label(app, group),
                *n,
                Target::Filter(TicketFilter::Group(group.clone())),
            ));
        }
    }
    rows
}

/// Index in `rows` of the selected row (clamped to the selectable ones).
pub fn selected_index(app: &App, rows: &[Row]) -> Option<usize> {
    let selectable: Vec<usize> = (0..rows.len()).filter(|i| !rows[*i].heading).collect();
    let last = selectable.len().checked_sub(1)?;
    selectable.get(app.supervisor.selected.min(last)).copied()
}

/// Whether the figures on screen may no longer be current: the link is not
/// up, or nothing arrived for a while.
pub fn stale(app: &App, now: Timestamp) -> bool {
    app.connection != Connection::Online
        || app
            .supervisor
            .received
            .is_none_or(|at| (now - at).num_seconds() > STALE_AFTER_SECS)
}

/// New figures from the server: keep them, and alert on what started firing.
pub fn on_stats(app: &mut App, stats: Box<QueueStats>) {
    app.supervisor.received = Some(App::now());
    take_figures(app, stats);
}

/// Without figures from the backend (no `stats` capability), the screen
/// counts from the cache: after every reload, and when it opens. Alerts
/// fire on these counts as on the server's.
pub fn count_from_cache(app: &mut App) {
    if app.capabilities.stats || !app.is_supervisor() {
        return;
    }
    let stats = super::local_stats::count(app);
    take_figures(app, Box::new(stats));
}

fn take_figures(app: &mut App, stats: Box<QueueStats>) {
    let firing = app.supervisor.rules.firing(&stats);
    app.stats = Some(stats);
    if !app.is_supervisor() {
        return;
    }
    let fresh: Vec<Alert> = firing
        .iter()
        .copied()
        .filter(|a| !app.supervisor.firing.contains(a))
        .collect();
    app.supervisor.firing = firing;
    if let Some(stats) = app.stats.clone() {
        for alert in fresh {
            let text = alert.text(app, &stats);
            if app.supervisor.rules.notify != Some(NotifyStyle::Off) {
                app.effects.push(Effect::Notify(text.clone()));
            }
            app.flash(text);
        }
    }
}

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
        Cancel | Quit | Supervisor | Help | CommandPalette | SyncNow | Outbox | ToggleRomanized => {
            return false;
        }
        // Leaving for the list.
        ViewMine | ViewUnassigned | ViewOpen | ViewPending | ViewSolved | ViewSlaDue | NextView
        | PrevView | Search => {
            app.show_supervisor = false;
            app.focus = Pane::List;
            return false;
        }
        // Ticket actions have no ticket here, panes are not shown.
        Reply | Note | SetStatus | SetPriority | Assign | AssignToMe | Tags | Macro
        | OrderActions | ProactiveNotice | ToggleMark | Send | ToggleReplyNote | NextPane
        | PrevPane => {}
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

/// The list's title while it shows a drill-down: "Priority: Urgent".
pub fn filter_label(app: &App, filter: &TicketFilter) -> String {
    let (what, value) = match filter {
        TicketFilter::Status(s) => (app.t("label-status"), super::labels::status_label(app, *s)),
        TicketFilter::Priority(p) => (
            app.t("label-priority"),
            super::labels::priority_label(app, *p),
        ),
        TicketFilter::Channel(c) => (
            app.t("label-channel"),
            super::labels::channel_label(app, *c),
        ),
        TicketFilter::Group(g) => (app.t("supervisor-groups"), group_label(app, g)),
        TicketFilter::Assignee(id) => {
            let name = app
                .stats
                .as_ref()
                .and_then(|s| s.agents.iter().find(|a| a.agent_id == *id))
                .map(|a| a.name.clone())
                .or_else(|| app.store.agent(*id).ok().flatten().map(|a| a.name))
                .unwrap_or_else(|| app.num(*id));
            (
                app.t("label-assignee"),
                sahaya_text::sanitize_line(&name).into_owned(),
            )
        }
        TicketFilter::SlaBreached => (app.t("supervisor-sla"), app.t("supervisor-breached")),
        TicketFilter::SlaDueWithin(m) => (
            app.t("supervisor-sla"),
            app.i18n.tr_args(
                "supervisor-due-within",
                &[("duration", app.i18n.duration(m * 60).into())],
            ),
        ),
    };
    format!("{what}: {value}")
}

// ---------------------------------------------------------------------------
// Terminal notifications
// ---------------------------------------------------------------------------

/// The style `Auto` stands for in the terminal described by `env`.
pub fn detect(env: impl Fn(&str) -> Option<String>) -> NotifyStyle {
    let term = env("TERM").unwrap_or_default();
    let program = env("TERM_PROGRAM").unwrap_or_default();
    if env("TMUX").is_some() || term.starts_with("screen") {
        // tmux and screen swallow OSC notifications; the bell gets through
        // (and marks the window).
        return NotifyStyle::Bell;
    }
    let osc9 = ["iTerm.app", "WezTerm", "ghostty"].contains(&program.as_str())
        || env("WT_SESSION").is_some()
        || term == "xterm-kitty"
        || term == "xterm-ghostty";
    if osc9 {
        return NotifyStyle::Osc9;
    }
    if env("VTE_VERSION").is_some() || term.starts_with("foot") || term.starts_with("rxvt") {
        return NotifyStyle::Osc777;
    }
    NotifyStyle::Bell
}

/// The bytes that raise a notification saying `text`. The text is ours, but
/// it is stripped of control characters anyway so it cannot end the
/// sequence early.
pub fn sequence(style: NotifyStyle, text: &str) -> String {
    let clean: String = sahaya_text::sanitize_line(text)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    match style {
        // "sahaya: " first: ConEmu and Windows Terminal read `9;<digit>` as
        // other commands (progress bars).
        NotifyStyle::Osc9 => format!("\x1b]9;sahaya: {clean}\x07"),
        NotifyStyle::Osc777 => format!("\x1b]777;notify;sahaya;{}\x07", clean.replace(';', ",")),
        NotifyStyle::Bell => "\x07".to_string(),
        NotifyStyle::Off | NotifyStyle::Auto => String::new(),
    }
}

/// Writes a notification to the terminal (between frames).
pub fn notify(out: &mut impl Write, style: Option<NotifyStyle>, text: &str) -> std::io::Result<()> {
    let style = match style.unwrap_or_default() {
        NotifyStyle::Auto => detect(|k| std::env::var(k).ok()),
        other => other,
    };
    let bytes = sequence(style, text);
    if bytes.is_empty() {
        return Ok(());
    }
    out.write_all(bytes.as_bytes())?;
    out.flush()
}

/// A group's name: translated when it is one the locale files know
/// (`group-returns`), else as the server names it (groups are data).
pub fn group_label(app: &App, group: &str) -> String {
    let known = !group.is_empty()
        && group
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let id = format!("group-{group}");
    if known && app.i18n.has(&id) {
        app.t(&id)
    } else {
        sahaya_text::sanitize_line(group).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_are_well_formed_and_inert() {
        let text = "3 past SLA\x1b]0;x\x07; now";
        let s = sequence(NotifyStyle::Osc9, text);
        assert!(s.starts_with("\x1b]9;sahaya: 3 past SLA"), "{s:?}");
        assert_eq!(s.matches('\x07').count(), 1);
        assert_eq!(s.matches('\x1b').count(), 1);
        let s = sequence(NotifyStyle::Osc777, text);
        assert!(s.starts_with("\x1b]777;notify;sahaya;3 past SLA"), "{s:?}");
        assert_eq!(s.matches(';').count(), 3);
        assert_eq!(sequence(NotifyStyle::Bell, text), "\x07");
        assert_eq!(sequence(NotifyStyle::Off, text), "");
    }

    #[test]
    fn detection() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            detect(env(&[("TERM_PROGRAM", "WezTerm")])),
            NotifyStyle::Osc9
        );
        assert_eq!(detect(env(&[("VTE_VERSION", "7600")])), NotifyStyle::Osc777);
        assert_eq!(
            detect(env(&[("TMUX", "/tmp/x"), ("TERM_PROGRAM", "WezTerm")])),
            NotifyStyle::Bell
        );
        assert_eq!(
            detect(env(&[("TERM", "xterm-256color")])),
            NotifyStyle::Bell
        );
    }

    #[test]
    fn limits_default_and_turn_off() {
        let mut stats = QueueStats::default();
        stats.views.unassigned = 21;
        let rules = AlertRules::default();
        assert_eq!(rules.firing(&stats), vec![Alert::Unassigned]);
        stats.sla.breached = 1;
        assert_eq!(rules.firing(&stats).len(), 2);
        let off = AlertRules {
            unassigned: Some(-1),
            sla_breached: Some(5),
            notify: None,
        };
        assert!(off.firing(&stats).is_empty());
        let parsed: AlertRules = toml::from_str("unassigned = 5\nnotify = \"osc777\"\n").unwrap();
        assert_eq!(parsed.limit(Alert::Unassigned), Some(5));
        assert_eq!(parsed.notify, Some(NotifyStyle::Osc777));
        assert!(toml::from_str::<AlertRules>("colour = 1").is_err());
    }
}
