//! Plain types shared by every layer: tickets, messages, customers, orders,
//! agents, macros, surveys. Depends on nothing else in sahaya.

mod agent;
mod customer;
mod enums;
mod file_name;
mod language;
pub mod macro_rules;
mod order;
mod order_details;
pub mod order_rules;
mod ticket;

pub use agent::*;
pub use customer::*;
pub use enums::*;
pub use file_name::{content_type, sanitize_file_name};
pub use language::guess_language;
pub use order::*;
pub use order_details::*;
pub use ticket::*;

/// Timestamps are UTC instants, RFC 3339 on the wire.
pub type Timestamp = chrono::DateTime<chrono::Utc>;
