//! The sync layer's integration tests, one binary: the HTTP client
//! (`client`), the sync task (`task`) and the fault harness (`faults`), all
//! against the real reference server on loopback.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod child;
mod client;
mod faults;
mod files;
mod rt;
mod task;
