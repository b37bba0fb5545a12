//! The console, headless, for the root package's tests and benchmarks: a
//! real server fills a real cache through the real sync task (built once per
//! test process with [`once`]); each test works on a private copy of it
//! through a [`Console`], which feeds keys and sync events to the real `App`
//! and reads the frames back as [`Screen`]s.

mod console;
mod fixture;
mod screen;

pub use console::{Console, ch, key, new_app, typed, typing};
pub use fixture::{LiveServer, copy_cache, fill_cache, once, runtime, sync_into};
pub use screen::{Screen, is_forbidden};
