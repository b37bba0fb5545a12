//! Everything an agent can do from the keyboard. Keymap files name these in
//! snake_case (`move_down`, `reply`, ...); the help screen and the command
//! palette list them with their keys.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // Moving around
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Open,
    NextPane,
    PrevPane,
    NextView,
    PrevView,
    ViewMine,
    ViewUnassigned,
    ViewOpen,
    ViewPending,
    ViewSolved,
    ViewSlaDue,
    /// Esc: close the overlay, cancel the composer, leave search.
    Cancel,
    Quit,
    // Working a ticket
    Reply,
    Note,
    SetStatus,
    SetPriority,
    Assign,
    AssignToMe,
    Tags,
    Macro,
    OrderActions,
    ProactiveNotice,
    /// Marks the ticket in the list; assigning then acts on every marked one.
    ToggleMark,
    /// The open ticket's files: save one and open it.
    Files,
    // Composer
    Send,
    ToggleReplyNote,
    /// Attach a file from disk to the reply.
    AttachFile,
    // Finding things and help
    Search,
    CommandPalette,
    Help,
    Supervisor,
    SyncNow,
    /// Writes that need the agent: conflicts and rejections.
    Outbox,
    ToggleRomanized,
    /// Latin keys type Kannada, Telugu or Devanagari in the text field
    /// (composer, search, prompts), or as they are again.
    ToggleTransliteration,
    /// The next script Latin keys type (Kannada → Telugu → Devanagari).
    NextScript,
    // Finding many, acting on many
    /// In the search box: show every ticket the query matches in the list.
    ShowResults,
    /// Save the search the list shows as a view with a name and a key.
    SaveView,
    /// Mark every ticket of the list (the view, or all matching the search).
    MarkAll,
    /// Marked tickets become unmarked and the others of the list marked.
    InvertMarks,
    /// Unmark every ticket.
    ClearMarks,
    /// Set the ticket's group (team), or the marked tickets'.
    SetGroup,
    /// Orders whose shipment is late, by carrier and city: mark them and
    /// send each customer one notice from a macro.
    LateShipments,
    /// Supervisors: create, edit and delete the macros every console uses.
    EditMacros,
    /// Merge the ticket (or the marked ones) into another ticket.
    Merge,
}

/// Where a binding applies. A key is looked up in the focused scope first,
/// then in `global` (the composer and overlays do not fall back to global
/// letters, so typing never triggers actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Global,
    List,
    Thread,
    Customer,
    Composer,
    Overlay,
}

impl Scope {
    pub const ALL: [Scope; 6] = [
        Scope::Global,
        Scope::List,
        Scope::Thread,
        Scope::Customer,
        Scope::Composer,
        Scope::Overlay,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::List => "list",
            Scope::Thread => "thread",
            Scope::Customer => "customer",
            Scope::Composer => "composer",
            Scope::Overlay => "overlay",
        }
    }
}

impl Action {
    pub const ALL: [Action; 52] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::NextPane,
        Action::PrevPane,
        Action::NextView,
        Action::PrevView,
        Action::ViewMine,
        Action::ViewUnassigned,
        Action::ViewOpen,
        Action::ViewPending,
        Action::ViewSolved,
        Action::ViewSlaDue,
        Action::Cancel,
        Action::Quit,
        Action::Reply,
        Action::Note,
        Action::SetStatus,
        Action::SetPriority,
        Action::Assign,
        Action::AssignToMe,
        Action::Tags,
        Action::Macro,
        Action::OrderActions,
        Action::ProactiveNotice,
        Action::ToggleMark,
        Action::Files,
        Action::Send,
        Action::ToggleReplyNote,
        Action::AttachFile,
        Action::Search,
        Action::CommandPalette,
        Action::Help,
        Action::Supervisor,
        Action::SyncNow,
        Action::Outbox,
        Action::ToggleRomanized,
        Action::ToggleTransliteration,
        Action::NextScript,
        Action::ShowResults,
        Action::SaveView,
        Action::MarkAll,
        Action::InvertMarks,
        Action::ClearMarks,
        Action::SetGroup,
        Action::LateShipments,
        Action::EditMacros,
        Action::Merge,
    ];

    /// The snake_case name used in keymap files.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The i18n message id describing the action: `action-` + name with dashes.
    pub fn message_id(self) -> String {
        format!("action-{}", self.name().replace('_', "-"))
    }
}
