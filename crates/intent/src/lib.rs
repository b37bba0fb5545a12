//! What a support ticket is about, so the macro picker can show the macros
//! that fit first, with one line saying why.
//!
//! Local and offline: keyword lists per language (English, Kannada, Telugu,
//! Nepali, Hindi; native script and romanized) over folded words, plus the
//! facts of the ticket's order (late, delivered, cash on delivery, payment
//! failed). See README.md for the approach and the measured accuracy.
//!
//! ```
//! use sahaya_intent::{classify, Intent, OrderFacts, TicketText};
//!
//! let ticket = TicketText {
//!     subject: "",
//!     messages: vec!["parcel innu bandilla, 8 dina aaytu"],
//!     language: "kn",
//!     order: Some(OrderFacts { eta_passed: true, order_id: Some("SH-1001".into()), ..OrderFacts::default() }),
//! };
//! let ranked = classify(&ticket);
//! assert_eq!(ranked[0].intent, Intent::LateDelivery);
//! println!("{}", ranked[0].reason); // mentions “innu bandilla” + order SH-1001 is late
//! ```

pub mod dataset;
mod input;
mod intent;
mod lexicon;
mod line_error;
mod normalize;
mod reason;
mod rules;
mod suggest;

pub use input::{OrderFacts, TicketText};
pub use intent::{Intent, UnknownIntent};
pub use lexicon::lexicon_errors;
pub use line_error::LineError;
pub use normalize::normalized_words;
pub use reason::{Evidence, Fact, Lang, Reason, Scored, Source};
pub use rules::classify;
pub use suggest::{MacroFit, macro_intents, order_macros};
