//! Every colour and style the console draws with, in one place. Views and
//! the frame preparation name a role (`app.theme.selected`), never a colour.
//!
//! Three palettes, each deciding every role:
//! - [`Palette::Default`]: the usual colours.
//! - [`Palette::HighContrast`]: bright colours on the terminal's own
//!   background, no grey text, the selection in black on white.
//! - [`Palette::NoColor`]: no colour at all (the `NO_COLOR` convention,
//!   <https://no-color.org>); roles are told apart by bold, italic,
//!   underline, dim and reverse video alone.

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use sahaya_protocol::domain::{Delivery, MessageKind, Presence, Priority};

/// Which set of styles the console draws with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Palette {
    #[default]
    Default,
    HighContrast,
    NoColor,
}

impl Palette {
    pub const ALL: [Palette; 3] = [Palette::Default, Palette::HighContrast, Palette::NoColor];

    pub fn as_str(self) -> &'static str {
        match self {
            Palette::Default => "default",
            Palette::HighContrast => "high-contrast",
            Palette::NoColor => "no-color",
        }
    }

    /// The palette to draw with: one asked for on the command line wins;
    /// else `NO_COLOR` set to anything but an empty string turns colour off
    /// (no-color.org); else the config file's; else the default.
    pub fn choose(
        flag: Option<Palette>,
        no_color_env: Option<&std::ffi::OsStr>,
        configured: Option<Palette>,
    ) -> Palette {
        if let Some(p) = flag {
            return p;
        }
        if no_color_env.is_some_and(|v| !v.is_empty()) {
            return Palette::NoColor;
        }
        configured.unwrap_or_default()
    }
}

impl fmt::Display for Palette {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Palette {
    type Err = String;

    fn from_str(s: &str) -> Result<Palette, String> {
        Palette::ALL
            .into_iter()
            .find(|p| p.as_str() == s.trim())
            .ok_or_else(|| format!("unknown theme {s:?}: use default, high-contrast or no-color"))
    }
}

/// A named style for every role on the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub palette: Palette,
    pub plain: Style,
    pub bold: Style,
    /// Secondary text: hints, empty states, times.
    pub dim: Style,
    /// Section headings (customer pane, help, supervisor screen).
    pub heading: Style,
    /// A figure's or field's name.
    pub label: Style,
    /// Something that went wrong or is late.
    pub bad: Style,
    pub good: Style,
    pub warn: Style,
    /// Typed text in an input.
    pub input: Style,
    /// A prompt's refusal.
    pub error: Style,

    // Frames, tabs, lists.
    pub tab: Style,
    pub tab_active: Style,
    pub pane: Style,
    pub pane_focused: Style,
    pub popup: Style,
    /// The selected row of the ticket list and the supervisor screen.
    pub selected: Style,
    /// The highlighted item of a picker, the palette or search.
    pub highlight: Style,
    /// Laid over a marked ticket's row, selected or not.
    pub marked: Style,
    pub marked_selected: Style,
    /// Laid over a list row's channel, customer and assignee.
    pub channel: Style,
    pub customer: Style,
    pub assignee: Style,
    /// Priority marks, most urgent first.
    pub urgent: Style,
    pub high: Style,
    pub normal: Style,
    pub low: Style,
    /// An SLA countdown: past due, due within the hour, later.
    pub sla_breached: Style,
    pub sla_soon: Style,
    pub sla_later: Style,

    // The thread and the composer.
    /// The label of a customer's message, a reply, a note.
    pub customer_message: Style,
    pub reply: Style,
    pub note: Style,
    /// Delivery: waiting in the outbox, refused, anything else.
    pub queued: Style,
    pub failed: Style,
    pub delivered: Style,
    /// A note's text (a reply's and a customer's are plain).
    pub note_body: Style,
    pub header_status: Style,
    pub header_priority: Style,
    pub header_channel: Style,
    pub header_tags: Style,
    /// Other agents on the ticket.
    pub viewers: Style,
    pub composer_reply: Style,
    pub composer_note: Style,

    // The status bar: its base, then laid over it.
    pub status_bar: Style,
    pub status_ok: Style,
    pub status_busy: Style,
    pub status_down: Style,
    pub status_notice: Style,
    pub status_hint: Style,
    pub status_keys: Style,

    // The supervisor screen.
    pub supervisor_frame: Style,
    pub figures_live: Style,
    pub figures_stale: Style,
    pub figures_from_cache: Style,
    /// Laid over a figure that is over its alert limit.
    pub alert: Style,
    pub value: Style,
    pub chart: Style,
    /// Laid over an agent's presence.
    pub online: Style,
    pub away: Style,
    pub offline: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const fn on(fg: Color, bg: Color) -> Style {
    Style::new().fg(fg).bg(bg).add_modifier(Modifier::BOLD)
}

const fn with(m: Modifier) -> Style {
    Style::new().add_modifier(m)
}

const B: Modifier = Modifier::BOLD;

impl Theme {
    /// The usual colours.
    pub const DEFAULT: Theme = Theme {
        palette: Palette::Default,
        plain: Style::new(),
        bold: with(B),
        dim: fg(Color::DarkGray),
        heading: fg(Color::Cyan).add_modifier(B),
        label: fg(Color::Cyan),
        bad: fg(Color::Red),
        good: fg(Color::Green),
        warn: fg(Color::Yellow),
        input: with(B),
        error: fg(Color::Red),
        tab: fg(Color::Gray),
        tab_active: on(Color::Black, Color::Cyan),
        pane: fg(Color::DarkGray),
        pane_focused: fg(Color::Cyan),
        popup: fg(Color::Yellow),
        selected: on(Color::White, Color::DarkGray),
        highlight: on(Color::Black, Color::Cyan),
        marked: Style::new().bg(Color::Blue),
        marked_selected: Style::new().bg(Color::LightBlue),
        channel: fg(Color::Blue),
        customer: fg(Color::Yellow),
        assignee: fg(Color::Magenta),
        urgent: fg(Color::Red).add_modifier(B),
        high: fg(Color::LightRed),
        normal: fg(Color::Gray),
        low: fg(Color::DarkGray),
        sla_breached: fg(Color::Red).add_modifier(B),
        sla_soon: fg(Color::Yellow),
        sla_later: fg(Color::Green),
        customer_message: fg(Color::Cyan).add_modifier(B),
        reply: fg(Color::Green).add_modifier(B),
        note: on(Color::Black, Color::Yellow),
        queued: fg(Color::Yellow).add_modifier(Modifier::ITALIC),
        failed: fg(Color::Red),
        delivered: fg(Color::DarkGray),
        note_body: fg(Color::Yellow),
        header_status: fg(Color::Cyan),
        header_priority: fg(Color::LightRed),
        header_channel: fg(Color::Blue),
        header_tags: fg(Color::Magenta),
        viewers: fg(Color::LightMagenta),
        composer_reply: fg(Color::Green),
        composer_note: fg(Color::Yellow),
        status_bar: Style::new().bg(Color::Black).fg(Color::Gray),
        status_ok: fg(Color::Green),
        status_busy: fg(Color::Yellow),
        status_down: fg(Color::Red).add_modifier(B),
        status_notice: fg(Color::White),
        status_hint: fg(Color::DarkGray),
        status_keys: fg(Color::Cyan),
        supervisor_frame: fg(Color::Cyan),
        figures_live: fg(Color::Green),
        figures_stale: on(Color::Black, Color::Yellow),
        figures_from_cache: fg(Color::Yellow),
        alert: fg(Color::LightRed).add_modifier(B),
        value: with(B),
        chart: fg(Color::Yellow),
        online: fg(Color::Green),
        away: fg(Color::Yellow),
        offline: fg(Color::DarkGray),
    };

    /// Bright colours on the terminal's own background and no grey text:
    /// what is secondary is in italics instead of dimmed.
    pub const HIGH_CONTRAST: Theme = Theme {
        palette: Palette::HighContrast,
        plain: Style::new(),
        bold: with(B),
        dim: with(Modifier::ITALIC),
        heading: fg(Color::LightCyan)
            .add_modifier(B)
            .add_modifier(Modifier::UNDERLINED),
        label: fg(Color::LightCyan),
        bad: fg(Color::LightRed).add_modifier(B),
        good: fg(Color::LightGreen),
        warn: fg(Color::LightYellow),
        input: with(B),
        error: fg(Color::LightRed).add_modifier(B),
        tab: Style::new(),
        tab_active: on(Color::Black, Color::White),
        pane: Style::new(),
        pane_focused: fg(Color::LightYellow).add_modifier(B),
        popup: fg(Color::LightYellow).add_modifier(B),
        selected: on(Color::Black, Color::White),
        highlight: on(Color::Black, Color::LightYellow),
        marked: on(Color::White, Color::Blue),
        marked_selected: on(Color::Black, Color::LightCyan),
        channel: fg(Color::LightBlue),
        customer: fg(Color::LightYellow),
        assignee: fg(Color::LightMagenta),
        urgent: fg(Color::LightRed).add_modifier(B),
        high: fg(Color::LightRed),
        normal: Style::new(),
        low: with(Modifier::ITALIC),
        sla_breached: fg(Color::LightRed).add_modifier(B),
        sla_soon: fg(Color::LightYellow).add_modifier(B),
        sla_later: fg(Color::LightGreen),
        customer_message: fg(Color::LightCyan).add_modifier(B),
        reply: fg(Color::LightGreen).add_modifier(B),
        note: on(Color::Black, Color::LightYellow),
        queued: fg(Color::LightYellow).add_modifier(Modifier::ITALIC),
        failed: fg(Color::LightRed).add_modifier(B),
        delivered: with(Modifier::ITALIC),
        note_body: fg(Color::LightYellow),
        header_status: fg(Color::LightCyan),
        header_priority: fg(Color::LightRed),
        header_channel: fg(Color::LightBlue),
        header_tags: fg(Color::LightMagenta),
        viewers: fg(Color::LightMagenta).add_modifier(B),
        composer_reply: fg(Color::LightGreen).add_modifier(B),
        composer_note: fg(Color::LightYellow).add_modifier(B),
        status_bar: Style::new().bg(Color::Black).fg(Color::White),
        status_ok: fg(Color::LightGreen),
        status_busy: fg(Color::LightYellow),
        status_down: fg(Color::LightRed).add_modifier(B),
        status_notice: fg(Color::White).add_modifier(B),
        status_hint: fg(Color::White),
        status_keys: fg(Color::LightCyan),
        supervisor_frame: fg(Color::LightYellow),
        figures_live: fg(Color::LightGreen),
        figures_stale: on(Color::Black, Color::LightYellow),
        figures_from_cache: fg(Color::LightYellow),
        alert: fg(Color::LightRed).add_modifier(B),
        value: with(B),
        chart: fg(Color::LightYellow),
        online: fg(Color::LightGreen),
        away: fg(Color::LightYellow),
        offline: with(Modifier::ITALIC),
    };

    /// No colour at all: bold, italic, underline, dim and reverse video.
    pub const NO_COLOR: Theme = Theme {
        palette: Palette::NoColor,
        plain: Style::new(),
        bold: with(B),
        dim: with(Modifier::DIM),
        heading: with(B).add_modifier(Modifier::UNDERLINED),
        label: Style::new(),
        bad: with(B),
        good: Style::new(),
        warn: with(Modifier::ITALIC),
        input: with(B),
        error: with(B),
        tab: Style::new(),
        tab_active: with(Modifier::REVERSED).add_modifier(B),
        pane: with(Modifier::DIM),
        pane_focused: with(B),
        popup: with(B),
        selected: with(Modifier::REVERSED).add_modifier(B),
        highlight: with(Modifier::REVERSED).add_modifier(B),
        marked: with(Modifier::UNDERLINED),
        marked_selected: with(Modifier::UNDERLINED),
        channel: Style::new(),
        customer: Style::new(),
        assignee: with(Modifier::ITALIC),
        urgent: with(B),
        high: with(B),
        normal: Style::new(),
        low: with(Modifier::DIM),
        sla_breached: with(B).add_modifier(Modifier::UNDERLINED),
        sla_soon: with(B),
        sla_later: Style::new(),
        customer_message: with(B),
        reply: with(B),
        note: with(Modifier::REVERSED).add_modifier(B),
        queued: with(Modifier::ITALIC),
        failed: with(B),
        delivered: with(Modifier::DIM),
        note_body: with(Modifier::ITALIC),
        header_status: with(B),
        header_priority: Style::new(),
        header_channel: Style::new(),
        header_tags: with(Modifier::ITALIC),
        viewers: with(Modifier::ITALIC),
        composer_reply: with(B),
        composer_note: with(Modifier::ITALIC),
        status_bar: with(Modifier::REVERSED),
        status_ok: Style::new(),
        status_busy: with(Modifier::ITALIC),
        status_down: with(B),
        status_notice: with(B),
        status_hint: Style::new(),
        status_keys: with(B),
        supervisor_frame: with(B),
        figures_live: Style::new(),
        figures_stale: with(Modifier::REVERSED).add_modifier(B),
        figures_from_cache: with(Modifier::ITALIC),
        alert: with(B).add_modifier(Modifier::UNDERLINED),
        value: with(B),
        chart: Style::new(),
        online: with(B),
        away: Style::new(),
        offline: with(Modifier::DIM),
    };

    pub fn new(palette: Palette) -> Theme {
        match palette {
            Palette::Default => Theme::DEFAULT,
            Palette::HighContrast => Theme::HIGH_CONTRAST,
            Palette::NoColor => Theme::NO_COLOR,
        }
    }

    pub fn priority(&self, p: Priority) -> Style {
        match p {
            Priority::Urgent => self.urgent,
            Priority::High => self.high,
            Priority::Normal => self.normal,
            Priority::Low => self.low,
        }
    }

    /// The label of a message in the thread.
    pub fn message_kind(&self, kind: MessageKind) -> Style {
        match kind {
            MessageKind::Customer => self.customer_message,
            MessageKind::Reply => self.reply,
            MessageKind::Note => self.note,
        }
    }

    pub fn delivery(&self, d: Delivery) -> Style {
        match d {
            Delivery::Queued => self.queued,
            Delivery::Failed => self.failed,
            Delivery::Sent
            | Delivery::Delivered
            | Delivery::Read
            | Delivery::Internal
            | Delivery::Received => self.delivered,
        }
    }

    /// The composer's frame.
    pub fn composer(&self, kind: MessageKind) -> Style {
        match kind {
            MessageKind::Note => self.composer_note,
            MessageKind::Reply | MessageKind::Customer => self.composer_reply,
        }
    }

    pub fn presence(&self, p: Presence) -> Style {
        match p {
            Presence::Online => self.online,
            Presence::Away => self.away,
            Presence::Offline => self.offline,
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::DEFAULT
    }
}
