//! What the support API does, as operations on a write transaction. Routes,
//! the demo seed and the traffic simulator all go through these.
//!
//! ```text
//! inbound, tickets, delivery   what callers ask for
//! surveys                      asking after a solve; answers
//! messages                     a message on its ticket, a reply or note
//! merge                        one ticket into another
//! ```

mod delivery;
mod inbound;
mod macros;
mod merge;
mod messages;
mod orders;
mod survey_texts;
mod surveys;
mod tickets;

pub use delivery::{receipt, resend};
pub use inbound::inbound;
pub use macros::{delete_macro, save_macro};
pub use merge::merge;
pub use messages::post_message;
pub use orders::order_action;
pub use surveys::answer_survey;
pub use tickets::{notice, patch_ticket};
