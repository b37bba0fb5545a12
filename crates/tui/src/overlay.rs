//! Overlays drawn over the panes: pickers, prompts, confirmations, help,
//! the command palette, search and the list of writes needing attention.

use sahaya_keymap::Action;
use sahaya_text::TextBuffer;

pub use super::flows::{Ask, Confirmed, Pick};

pub enum Overlay {
    Help { scroll: usize },
    Palette { filter: TextBuffer, selected: usize },
    Picker(Picker),
    Prompt(Prompt),
    Confirm(Confirm),
    Search(Search),
    Problems { selected: usize },
}

pub struct Picker {
    pub title: String,
    /// Each item's label and what choosing it does: the flow that offered
    /// it, continued with this choice.
    pub items: Vec<(String, Pick)>,
    /// Index into [`Picker::visible`].
    pub selected: usize,
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
    pub fn current(&self) -> Option<&(String, Pick)> {
        self.visible()
            .get(self.selected)
            .and_then(|i| self.items.get(*i))
    }
}

pub struct Prompt {
    pub title: String,
    pub input: TextBuffer,
    /// The flow that asked, and what the answer is for.
    pub ask: Ask,
    /// Shown under the input when the last value was refused.
    pub error: Option<String>,
}

pub struct Confirm {
    pub question: String,
    /// What a yes does.
    pub then: Confirmed,
}

pub struct Search {
    pub input: TextBuffer,
    pub results: Vec<sahaya_store::SearchHit>,
    pub selected: usize,
    /// A query was handed to the search thread; its results are not in yet.
    pub pending: bool,
    /// Why what is typed is not a query (shown instead of results; the
    /// text stays as typed).
    pub error: Option<sahaya_store::language::QueryError>,
}

/// A palette row: an action with its keys and description.
pub struct PaletteRow {
    pub action: Action,
    pub keys: String,
    pub label: String,
}
