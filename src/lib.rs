//! sahaya: a keyboard-only terminal console for e-commerce support agents,
//! with its own reference support server. See `docs/` and DESIGN.md.

pub mod domain;
pub mod protocol;
pub mod server;
