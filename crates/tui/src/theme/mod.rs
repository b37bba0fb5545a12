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

use ratatui::style::Style;
use serde::Deserialize;

use sahaya_protocol::domain::{Delivery, MessageKind, Presence, Priority};

mod palettes;

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
    /// The Latin letters typed but not yet turned into Kannada, Telugu or
    /// Devanagari (laid over the input's style).
    pub pending: Style,

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
    /// Latin letters type Kannada, Telugu or Devanagari: the script shown.
    pub status_typing: Style,

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

impl Theme {
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
