//! The supervisor screen's rows: the figures a supervisor can drill into,
//! section by section, and the list title of a drill-down. Its keys are a
//! flow (`flows::drill_down`), its alerts are in `alerts`, its drawing in
//! `supervisor_view` and `supervisor_figures`.
//!
//! The figures are the server's (`QueueStats`, pushed over the live stream);
//! nothing here polls. A backend without statistics gets them counted from
//! the cache instead (`local_stats`). A drill-down shows the cached tickets
//! behind a figure.

use sahaya_protocol::domain::{Channel, Presence, Priority, Status, Timestamp};
use sahaya_protocol::events::Connection;
use sahaya_protocol::wire::View;
use sahaya_store::TicketFilter;

use crate::alerts::Alert;
use crate::app::App;
use crate::labels::{channel_label, priority_label, status_label, view_label};

/// Figures older than this are stale even while the link looks fine (the
/// server refreshes them at least every 30 s).
pub const STALE_AFTER_SECS: i64 = 90;

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
    let firing = |a: Alert| rules.fires(a, stats);
    let mut rows = vec![Row::heading(app.t("supervisor-views"))];
    for v in [
        View::Unassigned,
        View::Open,
        View::Pending,
        View::SlaDue,
        View::Solved,
        View::All,
    ] {
        let mut row = Row::entry(view_label(app, v), stats.views.get(v), Target::View(v));
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
            status_label(app, *s),
            get(&stats.by_status, s.as_str()),
            Target::Filter(TicketFilter::Status(*s)),
        ));
    }
    rows.push(Row::heading(app.t("label-priority")));
    for p in Priority::ALL.iter().rev() {
        rows.push(Row::entry(
            priority_label(app, *p),
            get(&stats.by_priority, p.as_str()),
            Target::Filter(TicketFilter::Priority(*p)),
        ));
    }
    rows.push(Row::heading(app.t("label-channel")));
    for c in Channel::ALL {
        rows.push(Row::entry(
            channel_label(app, *c),
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

/// The list's title while it shows a drill-down: "Priority: Urgent".
pub fn filter_label(app: &App, filter: &TicketFilter) -> String {
    let (what, value) = match filter {
        TicketFilter::Status(s) => (app.t("label-status"), status_label(app, *s)),
        TicketFilter::Priority(p) => (app.t("label-priority"), priority_label(app, *p)),
        TicketFilter::Channel(c) => (app.t("label-channel"), channel_label(app, *c)),
        TicketFilter::Group(g) => (app.t("supervisor-groups"), group_label(app, g)),
        TicketFilter::Assignee(id) => {
            let name = app
                .stats
                .as_ref()
                .and_then(|s| s.agents.iter().find(|a| a.agent_id == *id))
                .map(|a| a.name.clone())
                .or_else(|| match app.store.agent(*id) {
                    Ok(agent) => agent.map(|a| a.name),
                    Err(e) => {
                        tracing::warn!("cannot read agent {id}: {e}");
                        None
                    }
                })
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
