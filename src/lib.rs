//! sahaya: a keyboard-only terminal console for e-commerce support agents,
//! with its own reference support server. The layers are the workspace's
//! crates (see `../shared/DESIGN.md`); this package is the binary that wires
//! them: command line, config, doctor and the console's start-up.

pub mod bridge;
pub mod config;
pub mod console;
pub mod credentials;
pub mod doctor;

pub use sahaya_i18n as i18n;
pub use sahaya_keymap as keymap;
pub use sahaya_protocol::{domain, events, wire as protocol};
pub use sahaya_server as server;
pub use sahaya_store as store;
pub use sahaya_sync as sync;
pub use sahaya_sync::client;
pub use sahaya_text as text;
pub use sahaya_tui as ui;
