//! sahaya over the wire: the reference server's HTTP API (`server`) and the
//! real binary in a PTY against real servers (`binary`). One test binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod binary;
mod orders;
mod secrets;
mod server;
