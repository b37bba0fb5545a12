//! What an order action carries beyond its kind: the items and quantities
//! of a return or exchange, a new delivery address, a reattempt's slot and
//! where a cash-on-delivery refund is paid.

use serde::{Deserialize, Serialize};

use super::SlotWindow;

/// So many pieces of one item of the order.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemQuantity {
    pub sku: String,
    pub quantity: i64,
}

/// A delivery address. The country is the order's (INR: India, NPR:
/// Nepal), so it is not asked.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryAddress {
    /// House, street, area, landmark.
    pub line: String,
    pub city: String,
    /// India: the 6-digit PIN code; Nepal: the 5-digit postal code.
    pub postal_code: String,
}

impl DeliveryAddress {
    /// The one line kept on the order: "12 MG Road, Bengaluru 560001".
    pub fn one_line(&self) -> String {
        format!(
            "{}, {} {}",
            self.line.trim(),
            self.city.trim(),
            self.postal_code.trim()
        )
    }
}

/// When the courier tries again: a day and a part of it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliverySlot {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: chrono::NaiveDate,
    pub window: SlotWindow,
}

/// Where the money of a cash-on-delivery refund goes (it has no source to
/// go back to).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "kebab-case", deny_unknown_fields)]
pub enum RefundDestination {
    /// An Indian bank account.
    Bank {
        ifsc: String,
        account_number: String,
    },
    /// A UPI id (virtual payment address), `name@bank`.
    Upi { upi_id: String },
}

impl RefundDestination {
    /// The same destination with all but the last 4 digits of an account
    /// number hidden, as kept on the order action.
    pub fn masked(&self) -> RefundDestination {
        match self {
            RefundDestination::Bank {
                ifsc,
                account_number,
            } => {
                let n = account_number.chars().count();
                let shown: String = account_number.chars().skip(n.saturating_sub(4)).collect();
                RefundDestination::Bank {
                    ifsc: ifsc.clone(),
                    account_number: format!("{}{shown}", "X".repeat(n.saturating_sub(4))),
                }
            }
            RefundDestination::Upi { .. } => self.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_numbers_are_masked_but_upi_ids_kept() {
        let bank = RefundDestination::Bank {
            ifsc: "SBIN0001234".into(),
            account_number: "123456789012".into(),
        };
        assert_eq!(
            bank.masked(),
            RefundDestination::Bank {
                ifsc: "SBIN0001234".into(),
                account_number: "XXXXXXXX9012".into()
            }
        );
        let upi = RefundDestination::Upi {
            upi_id: "ramesh@okaxis".into(),
        };
        assert_eq!(upi.masked(), upi);
        let json = serde_json::to_string(&upi).unwrap();
        assert_eq!(json, r#"{"to":"upi","upi_id":"ramesh@okaxis"}"#);
    }
}
