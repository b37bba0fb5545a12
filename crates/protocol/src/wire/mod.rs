//! The support API's wire shapes: requests, responses, the change feed, SSE
//! events and the error body. Server and client both use these types, so the
//! contract cannot drift. Documented in `docs/api.md`.

mod bridge;
mod changes;
mod error;
mod merge;
mod requests;
mod responses;
mod stats;

pub use bridge::*;
pub use changes::*;
pub use error::*;
pub use merge::*;
pub use requests::*;
pub use responses::*;
pub use stats::*;

/// Header carrying the client-made key that makes a POST safe to retry.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Longest accepted idempotency key.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 200;
/// Largest request body the server accepts.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// Largest message body, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// Default and largest page of the change feed.
pub const DEFAULT_CHANGES_LIMIT: i64 = 500;
pub const MAX_CHANGES_LIMIT: i64 = 5000;
