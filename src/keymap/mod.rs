//! Key bindings: keymaps/*.toml -> Action.

mod action;

pub use action::{Action, Scope};
