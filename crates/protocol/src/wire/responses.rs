use serde::{Deserialize, Serialize};

use crate::domain::{
    Agent, Customer, Macro, Message, Order, OrderAction, SurveyResponse, Ticket, TicketId,
};

/// `GET /v1/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub agent: Agent,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: crate::domain::Timestamp,
    /// The server's latest change sequence number.
    pub latest_seq: i64,
}

/// A queue view: which tickets a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Active tickets assigned to me.
    Mine,
    /// Active tickets without an assignee.
    Unassigned,
    /// Status new or open.
    Open,
    /// Status pending or on-hold.
    Pending,
    /// Status solved or closed.
    Solved,
    /// New or open with the next SLA deadline within the hour or past.
    SlaDue,
    /// Every ticket.
    All,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Mine,
        View::Unassigned,
        View::Open,
        View::Pending,
        View::Solved,
        View::SlaDue,
        View::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Mine => "mine",
            View::Unassigned => "unassigned",
            View::Open => "open",
            View::Pending => "pending",
            View::Solved => "solved",
            View::SlaDue => "sla_due",
            View::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Ticket count per view, for the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewCounts {
    pub mine: i64,
    pub unassigned: i64,
    pub open: i64,
    pub pending: i64,
    pub solved: i64,
    pub sla_due: i64,
    pub all: i64,
}

impl ViewCounts {
    pub fn get(&self, view: View) -> i64 {
        match view {
            View::Mine => self.mine,
            View::Unassigned => self.unassigned,
            View::Open => self.open,
            View::Pending => self.pending,
            View::Solved => self.solved,
            View::SlaDue => self.sla_due,
            View::All => self.all,
        }
    }
}

/// `GET /v1/tickets?view=…&limit=…&offset=…`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketList {
    pub view: View,
    pub tickets: Vec<Ticket>,
    /// Tickets in this view in all.
    pub total: i64,
    pub offset: i64,
    pub counts: ViewCounts,
}

/// `GET /v1/tickets/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketDetail {
    pub ticket: Ticket,
    pub messages: Vec<Message>,
    /// Other agents viewing or typing on this ticket right now.
    #[serde(default)]
    pub viewers: Vec<Viewer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Viewer {
    pub agent_id: i64,
    pub name: String,
    pub typing: bool,
}

/// Data of an SSE `presence` event: who is on a ticket now (no event id;
/// presence is short-lived and not part of the change feed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PresenceNotice {
    pub ticket_id: TicketId,
    pub viewers: Vec<Viewer>,
}

/// Answer to `POST /v1/tickets/{id}/messages` (and its replays).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageCreated {
    pub message: Message,
    pub ticket: Ticket,
}

/// A ticket in a customer's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketSummary {
    pub id: TicketId,
    pub subject: String,
    pub status: crate::domain::Status,
    pub channel: crate::domain::Channel,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: crate::domain::Timestamp,
}

/// What a customer's history shows of a ticket.
impl From<&Ticket> for TicketSummary {
    fn from(t: &Ticket) -> Self {
        TicketSummary {
            id: t.id,
            subject: t.subject.clone(),
            status: t.status,
            channel: t.channel,
            created_at: t.created_at,
        }
    }
}

/// `GET /v1/customers/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerDetail {
    pub customer: Customer,
    pub orders: Vec<Order>,
    pub refunds: Vec<OrderAction>,
    pub returns: Vec<OrderAction>,
    pub exchanges: Vec<OrderAction>,
    /// Cancellations, address changes and delivery reattempts.
    #[serde(default)]
    pub changes: Vec<OrderAction>,
    pub tickets: Vec<TicketSummary>,
    pub surveys: Vec<SurveyResponse>,
}

/// Answer to `POST /v1/orders/{id}/actions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionCreated {
    pub action: OrderAction,
    pub order: Order,
}

/// Answer to `POST /v1/tickets` and `POST /v1/inbound`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketCreated {
    pub ticket: Ticket,
    pub message: Message,
    /// True when the message opened a new ticket, false when it joined one.
    pub created: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MacroList {
    pub macros: Vec<Macro>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentList {
    pub agents: Vec<Agent>,
}
