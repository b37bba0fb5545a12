use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{AgentId, Presence, TicketId, Timestamp};

/// Live queue statistics: `GET /v1/stats` and the SSE `stats` event
/// (supervisors only).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueStats {
    /// Latest change sequence number these figures include.
    pub seq: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub computed_at: Option<Timestamp>,
    /// Active tickets per view (`mine` is not meaningful here and is 0).
    pub views: super::ViewCounts,
    pub by_status: BTreeMap<String, i64>,
    /// Active tickets per priority / channel / group.
    pub by_priority: BTreeMap<String, i64>,
    pub by_channel: BTreeMap<String, i64>,
    pub by_group: BTreeMap<String, i64>,
    pub sla: SlaStats,
    /// The active ticket whose customer has waited longest since their last message.
    pub oldest_waiting: Option<OldestWaiting>,
    /// Median seconds from creation to first reply, tickets created today (UTC).
    pub median_first_response_secs_today: Option<i64>,
    pub agents: Vec<AgentLoad>,
    /// Tickets created per 10-minute bucket, oldest first, last 6 hours.
    pub arrivals_per_10min: Vec<i64>,
    pub csat: SurveyFigures,
    pub nps: SurveyFigures,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlaStats {
    pub breached: i64,
    pub due_15min: i64,
    pub due_60min: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldestWaiting {
    pub ticket_id: TicketId,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub since: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentLoad {
    pub agent_id: AgentId,
    pub name: String,
    pub presence: Presence,
    pub open_tickets: i64,
}

/// CSAT: share of 4–5 answers in percent; NPS: promoters minus detractors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyFigures {
    pub today_score: Option<f64>,
    pub today_responses: i64,
    pub week_score: Option<f64>,
    pub week_responses: i64,
}

/// An SSE event as the client sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum StreamEvent {
    Change(super::ChangeNotice),
    Stats(Box<QueueStats>),
    Presence(super::PresenceNotice),
}

/// SSE event names.
pub const EVENT_CHANGE: &str = "change";
pub const EVENT_STATS: &str = "stats";
pub const EVENT_PRESENCE: &str = "presence";
