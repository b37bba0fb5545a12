//! Every colour and style the console draws with, in one place. Views and
//! the frame preparation name a role (`theme::SELECTED`), never a colour.

use ratatui::style::{Color, Modifier, Style};

use sahaya_protocol::domain::{Delivery, MessageKind, Presence, Priority};

pub const PLAIN: Style = Style::new();
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
/// Secondary text: hints, empty states, times.
pub const DIM: Style = Style::new().fg(Color::DarkGray);
/// Section headings (customer pane, help, supervisor screen).
pub const HEADING: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// A figure's or field's name.
pub const LABEL: Style = Style::new().fg(Color::Cyan);
/// Something that went wrong or is late.
pub const BAD: Style = Style::new().fg(Color::Red);
pub const GOOD: Style = Style::new().fg(Color::Green);
pub const WARN: Style = Style::new().fg(Color::Yellow);
/// Typed text in an input.
pub const INPUT: Style = BOLD;

// ---------------------------------------------------------------------------
// Frames, tabs, lists
// ---------------------------------------------------------------------------

pub const TAB: Style = Style::new().fg(Color::Gray);
pub const TAB_ACTIVE: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Cyan)
    .add_modifier(Modifier::BOLD);
pub const PANE: Style = Style::new().fg(Color::DarkGray);
pub const PANE_FOCUSED: Style = Style::new().fg(Color::Cyan);
pub const POPUP: Style = Style::new().fg(Color::Yellow);
/// The selected row of the ticket list and the supervisor screen.
pub const SELECTED: Style = Style::new()
    .bg(Color::DarkGray)
    .fg(Color::White)
    .add_modifier(Modifier::BOLD);
/// The highlighted item of a picker, the palette or search.
pub const HIGHLIGHT: Style = Style::new()
    .bg(Color::Cyan)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD);
/// Background of marked tickets (selected or not).
pub const MARKED: Color = Color::Blue;
pub const MARKED_SELECTED: Color = Color::LightBlue;
pub const CHANNEL: Color = Color::Blue;
pub const CUSTOMER: Color = Color::Yellow;
pub const ASSIGNEE: Color = Color::Magenta;
/// A prompt's refusal.
pub const ERROR: Style = BAD;

pub fn priority(p: Priority) -> Style {
    match p {
        Priority::Urgent => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Priority::High => Style::new().fg(Color::LightRed),
        Priority::Normal => Style::new().fg(Color::Gray),
        Priority::Low => DIM,
    }
}

/// An SLA countdown: past due, due within the hour, later.
pub const SLA_BREACHED: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const SLA_SOON: Style = WARN;
pub const SLA_LATER: Style = GOOD;

// ---------------------------------------------------------------------------
// The thread and the composer
// ---------------------------------------------------------------------------

pub fn message_kind(kind: MessageKind) -> Style {
    match kind {
        MessageKind::Customer => HEADING,
        MessageKind::Reply => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        MessageKind::Note => Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
    }
}

pub fn delivery(d: Delivery) -> Style {
    match d {
        Delivery::Queued => Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::ITALIC),
        Delivery::Failed => BAD,
        Delivery::Sent
        | Delivery::Delivered
        | Delivery::Read
        | Delivery::Internal
        | Delivery::Received => DIM,
    }
}

/// A note's text (a reply's and a customer's are plain).
pub const NOTE_BODY: Style = WARN;
pub const HEADER_STATUS: Style = LABEL;
pub const HEADER_PRIORITY: Style = Style::new().fg(Color::LightRed);
pub const HEADER_CHANNEL: Style = Style::new().fg(Color::Blue);
pub const HEADER_TAGS: Style = Style::new().fg(Color::Magenta);
/// Other agents on the ticket.
pub const VIEWERS: Style = Style::new().fg(Color::LightMagenta);

pub fn composer(kind: MessageKind) -> Style {
    match kind {
        MessageKind::Note => WARN,
        MessageKind::Reply | MessageKind::Customer => GOOD,
    }
}

// ---------------------------------------------------------------------------
// The status bar
// ---------------------------------------------------------------------------

pub const STATUS_BAR: Style = Style::new().bg(Color::Black).fg(Color::Gray);
pub const STATUS_OK: Color = Color::Green;
pub const STATUS_BUSY: Color = Color::Yellow;
pub const STATUS_DOWN: Color = Color::Red;
pub const STATUS_NOTICE: Color = Color::White;
pub const STATUS_HINT: Color = Color::DarkGray;
pub const STATUS_KEYS: Color = Color::Cyan;

// ---------------------------------------------------------------------------
// The supervisor screen
// ---------------------------------------------------------------------------

pub const SUPERVISOR_FRAME: Style = PANE_FOCUSED;
pub const FIGURES_LIVE: Style = GOOD;
pub const FIGURES_STALE: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
pub const FIGURES_FROM_CACHE: Style = WARN;
/// A count over its alert limit.
pub const ALERT: Color = Color::LightRed;
pub const VALUE: Style = BOLD;
pub const CHART: Style = WARN;

pub fn presence(p: Presence) -> Color {
    match p {
        Presence::Online => Color::Green,
        Presence::Away => Color::Yellow,
        Presence::Offline => Color::DarkGray,
    }
}
