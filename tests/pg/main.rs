//! The server's test suite again, with every test server on PostgreSQL (a
//! throwaway cluster: `sahaya_testkit::pg`, PostgreSQL from
//! `.ci/install-pg`), plus what only PostgreSQL does: several servers on one
//! database (`instances`). The files are the SQLite suite's own; only the
//! database differs. `openapi.rs` checks sources, not the database, and
//! stays out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// Runs before the tests start (an ELF initializer): every server the
/// testkit starts in this process uses PostgreSQL.
#[used]
#[unsafe(link_section = ".init_array")]
static ON_POSTGRES: extern "C" fn() = on_postgres;

extern "C" fn on_postgres() {
    // SAFETY: runs before main, when no other thread reads the environment.
    unsafe { std::env::set_var("SAHAYA_TEST_DB", "postgres") }
}

mod instances;
#[path = "../e2e/server.rs"]
mod server;
#[path = "../../crates/server/tests/bridge.rs"]
mod server_bridge;
#[path = "../../crates/server/tests/errors.rs"]
mod server_errors;
#[path = "../../crates/server/tests/macros.rs"]
mod server_macros;
#[path = "../../crates/server/tests/orders.rs"]
mod server_orders;
#[path = "../../crates/server/tests/roles.rs"]
mod server_roles;
