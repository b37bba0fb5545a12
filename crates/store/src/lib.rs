//! The local cache: what the UI reads (it never waits on the network) and what
//! the background sync task writes. SQLite in WAL mode; the UI thread and the
//! sync task each open their own [`Store`] on the same file.
//!
//! - Server data arrives through [`Store::apply_changes`] (one transaction per
//!   page of the change feed) and is read back through indexed queries that
//!   mirror the server's views (`server::queries`).
//! - Everything the agent does goes through [`Store::enqueue`] into a durable
//!   outbox with a fresh idempotency key; the sync task drains it.
//! - Ticket patches show at once: the cached ticket is the server's copy with
//!   the pending patches applied on top, and the server's copy is kept apart
//!   so a refused patch reverts cleanly.
//! - Full-text search over subjects and message bodies (FTS5) works offline
//!   and in Kannada, Telugu and Devanagari.
//! - Queries of the search language (`sahaya_query`, re-exported as
//!   [`language`]) run on the cache: [`Store::query_rows`],
//!   [`Store::query_count`], [`Store::query_hits`].
//!
//! Modules depend on the ones below them only (exceptions: `store` holds the
//! memory of `query`, its facets of every ticket and remembered counts, and
//! of `page`, where each list was last read):
//!
//! ```text
//! outbox, filter, query   the outbox and drafts; filtered ticket lists; queries
//! files, undelivered      files of queued messages; replies not delivered
//! late                    late shipments and the notices sent about them
//! apply, read, search     writing server data; what the UI reads; search
//! page                    keyset paging of ticket lists
//! store                   the Store: opening the cache, generation, meta values
//! schema, fts, counts     schema and migrations; full-text index upkeep; view counts
//! time                    timestamps
//! error                   what can go wrong
//! entry, patch, lookup    leaves: the outbox entry's types; applying a patch;
//!                         phone/e-mail/handle/order keys of customers and orders
//! ```

mod apply;
mod counts;
mod entry;
mod error;
mod files;
mod filter;
mod fts;
mod late;
mod lookup;
mod outbox;
mod page;
mod patch;
mod query;
mod read;
mod schema;
mod search;
mod store;
mod time;
mod undelivered;

pub use entry::{OutboxEntry, OutboxFile, OutboxOp, OutboxState};
pub use error::{Result, StoreError};
pub use files::{NewFile, StagedFile, type_of_name};
pub use filter::TicketFilter;
pub use late::{
    LateOrder, LateRule, Lateness, OutreachNotice, OutreachQueued, city_of, outreach_key,
};
pub use patch::apply_patch;
pub use query::QueryContext;
pub use read::{SLA_DUE_HORIZON_MINUTES, TicketRow};
pub use sahaya_query as language;
pub use schema::TOKENIZER;
pub use search::{SearchHit, fts_query};
pub use store::{Store, schema_version};

#[cfg(test)]
mod late_tests;
#[cfg(test)]
mod scale_tests;
#[cfg(test)]
mod tests;
