use serde::{Deserialize, Serialize};

use super::{Channel, CustomerId, SurveyKind, TicketId, Timestamp};

/// An amount in the currency's minor unit (paise, paisa).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    pub minor: i64,
    pub currency: super::Currency,
}

impl Money {
    pub fn inr(rupees: i64) -> Money {
        Money {
            minor: rupees * 100,
            currency: super::Currency::Inr,
        }
    }
    pub fn npr(rupees: i64) -> Money {
        Money {
            minor: rupees * 100,
            currency: super::Currency::Npr,
        }
    }
}

/// How to reach a customer on one channel: an email address, a phone number,
/// a social handle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactHandle {
    pub channel: Channel,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    pub handles: Vec<ContactHandle>,
    /// BCP 47 language the customer prefers to be answered in.
    pub preferred_language: String,
    pub city: String,
    pub lifetime_value: Money,
    pub notes: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

/// A CSAT (1–5) or NPS (0–10) answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponse {
    pub id: i64,
    pub customer_id: CustomerId,
    pub ticket_id: Option<TicketId>,
    pub kind: SurveyKind,
    pub score: i64,
    pub comment: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
}
