//! Demo data for `sahaya serve --demo` and the console's embedded server.
//!
//! `data` is its shape; `content` holds the hand-written demo world
//! (customers, orders, tickets in English, Kannada, Telugu, Nepali and mixed
//! script); `traffic` makes up new inbound customer messages for
//! `--simulate-traffic`; `simulate` plays the customers (new messages,
//! deliveries, survey answers) with them.

mod content;
mod data;
pub mod simulate;
mod traffic;

pub use content::demo_data;
pub use data::{DemoData, DemoTicket};
pub use traffic::{DemoInbound, inbound_sample};
