use serde::{Deserialize, Serialize};

/// Declares a string-valued enum with stable wire names, `as_str`, `ALL` and
/// `FromStr`, so the same spelling is used on the wire, in SQLite and in keymaps.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        // By hand: utoipa's derive does not see the `serde(rename)` of a
        // macro's literal, and would publish the Rust variant names.
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }
        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl std::str::FromStr for $name {
            type Err = crate::domain::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(crate::domain::UnknownValue {
                        kind: stringify!($name),
                        value: other.to_string(),
                    }),
                }
            }
        }
    };
}

/// A string that does not name any variant of a wire enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

wire_enum!(
    /// Lifecycle of a ticket.
    Status {
        New => "new",
        Open => "open",
        Pending => "pending",
        OnHold => "on-hold",
        Solved => "solved",
        Closed => "closed",
    }
);

impl Status {
    /// Still needs work from the support team.
    pub fn is_active(self) -> bool {
        !matches!(self, Status::Solved | Status::Closed)
    }
}

wire_enum!(
    Priority {
        Low => "low",
        Normal => "normal",
        High => "high",
        Urgent => "urgent",
    }
);

wire_enum!(
    /// Where a conversation happens; replies go out on the ticket's channel.
    Channel {
        Email => "email",
        Chat => "chat",
        Phone => "phone",
        WhatsApp => "whatsapp",
        Facebook => "facebook",
        Instagram => "instagram",
        WebForm => "web",
    }
);

wire_enum!(
    Role {
        Agent => "agent",
        Supervisor => "supervisor",
        Integration => "integration",
    }
);

wire_enum!(
    Presence {
        Online => "online",
        Away => "away",
        Offline => "offline",
    }
);

wire_enum!(
    MessageKind {
        Customer => "customer",
        Reply => "reply",
        Note => "note",
    }
);

wire_enum!(
    /// What happened to a message on its way to the customer.
    Delivery {
        Queued => "queued",
        Sent => "sent",
        Delivered => "delivered",
        Read => "read",
        Failed => "failed",
        Internal => "internal",
        Received => "received",
    }
);

wire_enum!(
    Currency {
        Inr => "INR",
        Npr => "NPR",
    }
);

wire_enum!(
    PaymentMethod {
        Cod => "cod",
        Upi => "upi",
        Card => "card",
        NetBanking => "netbanking",
        Wallet => "wallet",
    }
);

wire_enum!(
    PaymentStatus {
        Paid => "paid",
        Pending => "pending",
        Failed => "failed",
        Refunded => "refunded",
        PartiallyRefunded => "partially-refunded",
    }
);

wire_enum!(
    ShipmentStatus {
        Packed => "packed",
        Shipped => "shipped",
        InTransit => "in-transit",
        OutForDelivery => "out-for-delivery",
        Delivered => "delivered",
        DeliveryFailed => "delivery-failed",
        ReturnedToOrigin => "rto",
    }
);

wire_enum!(
    /// What an agent can do to an order.
    ActionKind {
        Refund => "refund",
        Return => "return",
        Exchange => "exchange",
        Cancel => "cancel",
        AddressChange => "address-change",
        Reattempt => "reattempt",
    }
);

wire_enum!(
    ActionStatus {
        Requested => "requested",
        Approved => "approved",
        PickupScheduled => "pickup-scheduled",
        PickupMissed => "pickup-missed",
        PickedUp => "picked-up",
        Completed => "completed",
        Rejected => "rejected",
    }
);

wire_enum!(
    /// Where a refund's money goes. COD orders have no card to refund to.
    RefundMethod {
        Source => "source",
        Upi => "upi",
        BankTransfer => "bank-transfer",
        StoreCredit => "store-credit",
    }
);

wire_enum!(
    SurveyKind {
        Csat => "csat",
        Nps => "nps",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(*s));
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!("on-hold".parse::<Status>(), Ok(Status::OnHold));
        assert!("bogus".parse::<Channel>().is_err());
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn published_schemas_use_the_wire_names() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(Status::schema()).unwrap();
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(schema["enum"], serde_json::json!(names));
        assert_eq!(schema["type"], "string");
        let currency = serde_json::to_value(Currency::schema()).unwrap();
        assert_eq!(currency["enum"], serde_json::json!(["INR", "NPR"]));
    }
}

wire_enum!(
    /// The part of a day a delivery reattempt is booked for (local time).
    SlotWindow {
        Morning => "09-13",
        Afternoon => "13-17",
        Evening => "17-21",
    }
);
