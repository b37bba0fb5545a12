#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The search language on the cache: every field against a reference
//! meaning on a populated cache, lookups however numbers and ids are
//! written, freshness, and (server) the demo data against the reference
//! server's own counts.

mod fields;
mod fixture;
mod reference;
mod server;
