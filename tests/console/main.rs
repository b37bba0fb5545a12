//! The console in-process: the real app over a real cache that a real server
//! filled through the real sync task, driven headless with keys and read
//! back from ratatui's `TestBackend` (the harness is
//! `sahaya_testkit::ui`). One test binary, a module per area.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod capabilities;
mod delivery;
mod find;
mod late;
mod locales;
mod macro_editor;
mod merge;
mod perf;
mod supervisor;
mod typing;
mod ui;
