//! Action and scope names are translated like the domain's values.

use crate::{Action, Scope};

impl sahaya_protocol::Label for Action {
    fn message_id(&self) -> String {
        Action::message_id(*self)
    }
}

impl sahaya_protocol::Label for Scope {
    fn message_id(&self) -> String {
        Scope::message_id(*self)
    }
}
