//! Text for the terminal: Kannada, Telugu, Nepali (Devanagari), English and
//! emoji side by side.
//!
//! - [`sanitize`](mod@sanitize): makes untrusted text inert (no escape
//!   sequences, controls or bidi overrides reach the terminal; invariant 4).
//! - [`cluster`]: *display clusters*, the unit of everything below: grapheme
//!   clusters with Kannada/Telugu/Devanagari conjuncts glued (`ಕ | ನ್ನ | ಡ`).
//! - [`width`]: the one function that says how many cells a cluster takes,
//!   through a calibratable, serializable [`WidthProfile`].
//! - [`wrap`](mod@wrap) and [`truncate`](mod@truncate): line breaking and
//!   fitting into columns, never splitting a cluster.
//! - [`editor`]: the reply composer's buffer ([`TextBuffer`]).
//! - [`translit`]: typing Kannada, Telugu and Devanagari from Latin keys
//!   ([`Transliterator`], [`Script`]).
//! - [`draw`]: putting text into a ratatui buffer at the profile's widths.
//! - [`romanize`](mod@romanize): ISO 15919 Latin display of Kannada, Telugu
//!   and Devanagari, for terminals that cannot shape them
//!   ([`WidthProfile::with_romanized`]).
//!
//! Width-dependent functions take a `&WidthProfile`; [`default_profile`] is
//! the uncalibrated default.

pub mod calibration;
pub mod cluster;
pub mod draw;
pub mod editor;
pub mod romanize;
pub mod sanitize;
pub mod translit;
pub mod truncate;
pub mod width;
pub mod wrap;

#[cfg(test)]
mod proptests;

pub use cluster::{
    ClusterIndices, Clusters, cluster_indices, clusters, ends_in_joiner, is_cluster_boundary,
    next_cluster_boundary, prev_cluster_boundary,
};
pub use draw::{draw_line, draw_str};
pub use editor::TextBuffer;
pub use romanize::romanize;
pub use sanitize::{sanitize, sanitize_line};
pub use translit::{Script, Transliterator};
pub use truncate::{ELLIPSIS, pad_to, truncate};
pub use width::{WidthModel, WidthProfile, default_profile};
pub use wrap::{wrap, wrap_ranges};
