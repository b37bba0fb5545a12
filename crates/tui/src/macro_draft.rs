//! A macro body being written in the supervisors' macro editor
//! (`flows::macro_editor`).

use sahaya_text::TextBuffer;

/// A body being written.
#[derive(Debug)]
pub struct MacroEditor {
    /// The macro changed; None: a new one.
    pub id: Option<i64>,
    pub name: String,
    pub language: String,
    pub tags: Vec<String>,
    pub set_status: Option<sahaya_protocol::domain::Status>,
    pub buffer: TextBuffer,
    pub typing: crate::typing::Typing,
}
