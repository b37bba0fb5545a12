//! The intents a ticket can have, with their stable slugs.

use std::fmt;
use std::str::FromStr;

/// What the customer wants, as far as picking a macro goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Intent {
    /// "Where is my order?": status, tracking, when it will come.
    WhereIsMyOrder,
    /// Past the promised date and not delivered.
    LateDelivery,
    /// Something other than what was ordered: item, colour, size, a missing piece.
    WrongItem,
    /// Broken, torn, leaking, dead on arrival.
    Damaged,
    /// Where the money of a return or cancellation is.
    RefundStatus,
    /// Cancel an order or part of it.
    Cancel,
    /// Change or correct the delivery address.
    AddressChange,
    /// Money debited without an order, double debit, payment declined.
    PaymentFailed,
    /// Cash on delivery: available or not, paying the courier, COD refunds.
    Cod,
    /// Swap for another size.
    ExchangeSize,
    /// None of the above (invoice, warranty, login, thanks, ...).
    Other,
}

impl Intent {
    /// Every intent, in the order ties are broken (most common first).
    pub const ALL: [Intent; 11] = [
        Intent::LateDelivery,
        Intent::WhereIsMyOrder,
        Intent::Damaged,
        Intent::PaymentFailed,
        Intent::RefundStatus,
        Intent::WrongItem,
        Intent::ExchangeSize,
        Intent::Cod,
        Intent::Cancel,
        Intent::AddressChange,
        Intent::Other,
    ];

    /// Stable kebab-case name, for data files, tags and the wire.
    pub fn slug(self) -> &'static str {
        match self {
            Intent::WhereIsMyOrder => "where-is-my-order",
            Intent::LateDelivery => "late-delivery",
            Intent::WrongItem => "wrong-item",
            Intent::Damaged => "damaged",
            Intent::RefundStatus => "refund-status",
            Intent::Cancel => "cancel",
            Intent::AddressChange => "address-change",
            Intent::PaymentFailed => "payment-failed",
            Intent::Cod => "cod",
            Intent::ExchangeSize => "exchange-size",
            Intent::Other => "other",
        }
    }

    /// The intent a macro or ticket tag names: `intent:<slug>`, a bare slug,
    /// or one of the ticket tags the server already uses (`wrong-size`,
    /// `cod-refund`, `upi-failed`, `refund-initiated`, `cancellation`, ...).
    pub fn from_tag(tag: &str) -> Option<Intent> {
        let tag = tag.trim();
        if let Some(slug) = tag.strip_prefix("intent:") {
            return slug.parse().ok();
        }
        if let Ok(intent) = tag.parse() {
            return Some(intent);
        }
        Some(match tag {
            "wismo" | "tracking" | "order-status" => Intent::WhereIsMyOrder,
            "late" | "delayed" => Intent::LateDelivery,
            "wrong-size" | "wrong-product" | "missing-item" => Intent::WrongItem,
            "refund-initiated" | "refund" => Intent::RefundStatus,
            "cancellation" | "cancelled" => Intent::Cancel,
            "upi-failed" | "payment-issue" => Intent::PaymentFailed,
            "cod-refund" | "cod-availability" | "cash-on-delivery" => Intent::Cod,
            "exchange" | "size-exchange" => Intent::ExchangeSize,
            _ => return None,
        })
    }

    /// A short English name, for logs and tests; the UI names intents
    /// through its own message catalogue, keyed by [`Intent::slug`].
    pub fn english(self) -> &'static str {
        match self {
            Intent::WhereIsMyOrder => "where is my order",
            Intent::LateDelivery => "late delivery",
            Intent::WrongItem => "wrong item",
            Intent::Damaged => "damaged",
            Intent::RefundStatus => "refund status",
            Intent::Cancel => "cancel",
            Intent::AddressChange => "address change",
            Intent::PaymentFailed => "payment failed",
            Intent::Cod => "cash on delivery",
            Intent::ExchangeSize => "exchange for another size",
            Intent::Other => "other",
        }
    }
}

impl fmt::Display for Intent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// A string that names no intent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown intent {0:?}; use one of: {list}", list = slugs())]
pub struct UnknownIntent(pub String);

fn slugs() -> String {
    Intent::ALL.map(Intent::slug).join(", ")
}

impl FromStr for Intent {
    type Err = UnknownIntent;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Intent::ALL
            .into_iter()
            .find(|i| i.slug() == s)
            .ok_or_else(|| UnknownIntent(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_distinct() {
        for intent in Intent::ALL {
            assert_eq!(intent.slug().parse::<Intent>(), Ok(intent));
            assert_eq!(Intent::from_tag(&format!("intent:{intent}")), Some(intent));
        }
        let mut slugs: Vec<_> = Intent::ALL.map(Intent::slug).to_vec();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Intent::ALL.len());
    }

    #[test]
    fn unknown_slug_names_the_choices() {
        let err = "late".parse::<Intent>().unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("\"late\""), "{msg}");
        assert!(msg.contains("late-delivery"), "{msg}");
    }

    #[test]
    fn server_ticket_tags_map_to_intents() {
        assert_eq!(
            Intent::from_tag("late-delivery"),
            Some(Intent::LateDelivery)
        );
        assert_eq!(Intent::from_tag("wrong-size"), Some(Intent::WrongItem));
        assert_eq!(Intent::from_tag("cod-refund"), Some(Intent::Cod));
        assert_eq!(
            Intent::from_tag("refund-initiated"),
            Some(Intent::RefundStatus)
        );
        assert_eq!(Intent::from_tag("return-pickup"), None);
        assert_eq!(Intent::from_tag("intent:nonsense"), None);
    }
}
