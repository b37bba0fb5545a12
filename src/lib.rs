//! sahaya: a keyboard-only terminal console for e-commerce support agents,
//! with its own reference support server. See `docs/` and DESIGN.md.

pub mod client;
pub mod config;
pub mod console;
pub mod doctor;
pub mod domain;
pub mod i18n;
pub mod keymap;
pub mod protocol;
pub mod server;
pub mod store;
pub mod sync;
pub mod text;
pub mod ui;
