//! What the test suites and benchmarks share: a real reference server on a
//! loopback port with an HTTP client ([`server`]), a fault-injecting TCP
//! proxy ([`proxy`]), a throwaway PostgreSQL cluster ([`pg`]), a real
//! Request Tracker ([`rt`]) and, with the `ui`
//! feature, the console driven headless ([`ui`]). Used as a dev-dependency
//! only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(feature = "fuzz")]
pub mod fuzz;
pub mod pg;
pub mod proxy;
pub mod rt;
pub mod secrets;
pub mod server;
#[cfg(feature = "ui")]
pub mod ui;
