use serde::{Deserialize, Serialize};

/// Every error answer: `{"error":{"code":"…","message":"…"}}`.
/// A 412 `version_conflict` or 409 `merge_conflict` also carries the
/// current ticket in `current`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<crate::domain::Ticket>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `unauthorized`, `version_conflict`.
    pub code: String,
    /// What is wrong and what to do, for a human.
    pub message: String,
}
