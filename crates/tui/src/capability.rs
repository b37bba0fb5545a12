//! What the backend can do, asked by the UI (never the backend's name): an
//! action the helpdesk cannot carry out is not offered in the palette or the
//! help, and its key says so instead of doing nothing.

use sahaya_keymap::Action;
use sahaya_protocol::events::Capabilities;

use super::app::App;

/// A part of the helpdesk an action needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Orders,
    Macros,
    Outbound,
    Tags,
    Files,
    Merge,
}

impl Need {
    /// What `action` needs beyond tickets and messages.
    pub fn of(action: Action) -> Option<Need> {
        match action {
            Action::OrderActions => Some(Need::Orders),
            Action::Macro | Action::EditMacros => Some(Need::Macros),
            Action::ProactiveNotice | Action::LateShipments => Some(Need::Outbound),
            Action::Tags => Some(Need::Tags),
            Action::Files | Action::AttachFile => Some(Need::Files),
            Action::Merge => Some(Need::Merge),
            _ => None,
        }
    }

    pub fn met_by(self, caps: &Capabilities) -> bool {
        match self {
            Need::Orders => caps.orders,
            Need::Macros => caps.macros,
            Need::Outbound => caps.outbound,
            Need::Tags => caps.tags,
            Need::Files => caps.attachments,
            Need::Merge => caps.merge,
        }
    }

    /// The message saying this helpdesk lacks it.
    pub fn message_id(self) -> &'static str {
        match self {
            Need::Orders => "unsupported-orders",
            Need::Macros => "unsupported-macros",
            Need::Outbound => "unsupported-outbound",
            Need::Tags => "unsupported-tags",
            Need::Files => "unsupported-files",
            Need::Merge => "unsupported-merge",
        }
    }
}

/// The need of `action` this helpdesk does not meet, if any.
pub fn missing(caps: &Capabilities, action: Action) -> Option<Need> {
    Need::of(action).filter(|n| !n.met_by(caps))
}

/// Whether the palette and the help offer `action` to this agent.
pub fn offered(app: &App, action: Action) -> bool {
    (!matches!(action, Action::Supervisor | Action::EditMacros) || app.is_supervisor())
        && missing(&app.capabilities, action).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_need_is_met_by_all_and_none_by_nothing() {
        let none = Capabilities::NONE;
        for action in Action::ALL {
            assert_eq!(missing(&Capabilities::ALL, action), None);
            assert_eq!(missing(&none, action), Need::of(action));
        }
        assert_eq!(missing(&none, Action::OrderActions), Some(Need::Orders));
        assert_eq!(missing(&none, Action::Reply), None);
    }
}
