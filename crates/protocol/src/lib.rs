//! The contract between sahaya's layers: the domain types (tickets, messages,
//! customers, orders, agents, macros), the support API's wire shapes, and the
//! events the sync layer sends the UI. Depends on nothing else of sahaya.

pub mod clock;
pub mod domain;
pub mod events;
pub mod label;
pub mod wire;

pub use clock::Clock;
pub use label::Label;
