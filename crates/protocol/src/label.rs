//! Message ids for the names of domain values, so the UI writes
//! `i18n.label(&ticket.status)` instead of building ids by hand. A test in
//! `sahaya-i18n` checks that every value of every enum here has a message in
//! every language.

use crate::domain::{
    ActionKind, ActionStatus, Channel, Delivery, MessageKind, PaymentMethod, PaymentStatus,
    Presence, Priority, RefundMethod, Role, ShipmentStatus, Status, SurveyKind,
};
use crate::wire::View;

/// A value with a translatable name.
pub trait Label {
    /// The Fluent message id of the value's name.
    fn message_id(&self) -> String;
}

macro_rules! label {
    ($($t:ty => $prefix:literal),* $(,)?) => {$(
        impl Label for $t {
            fn message_id(&self) -> String {
                format!(concat!($prefix, "-{}"), self.as_str())
            }
        }
    )*};
}

label!(
    Status => "status",
    Priority => "priority",
    Channel => "channel",
    MessageKind => "kind",
    Delivery => "delivery",
    Role => "role",
    Presence => "presence",
    PaymentMethod => "payment",
    PaymentStatus => "payment-status",
    ShipmentStatus => "shipment",
    ActionKind => "order-action",
    ActionStatus => "action-status",
    RefundMethod => "refund-method",
    SurveyKind => "survey",
);

impl Label for View {
    fn message_id(&self) -> String {
        format!("view-{}", self.as_str().replace('_', "-"))
    }
}

/// Every labelled value's message id, for coverage tests of the translations.
pub fn all_label_ids() -> Vec<String> {
    fn ids<T: Label>(values: &[T]) -> Vec<String> {
        values.iter().map(Label::message_id).collect()
    }
    [
        ids(Status::ALL),
        ids(Priority::ALL),
        ids(Channel::ALL),
        ids(MessageKind::ALL),
        ids(Delivery::ALL),
        ids(Role::ALL),
        ids(Presence::ALL),
        ids(PaymentMethod::ALL),
        ids(PaymentStatus::ALL),
        ids(ShipmentStatus::ALL),
        ids(ActionKind::ALL),
        ids(ActionStatus::ALL),
        ids(RefundMethod::ALL),
        ids(SurveyKind::ALL),
        ids(&View::ALL),
    ]
    .concat()
}
