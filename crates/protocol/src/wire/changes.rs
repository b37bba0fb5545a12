use serde::{Deserialize, Serialize};

use crate::domain::{Agent, Customer, Macro, Message, Order, OrderAction, SurveyResponse, Ticket};

/// One entity in the change feed, in its current state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum Entity {
    Ticket(Ticket),
    Message(Message),
    Customer(Customer),
    Order(Order),
    OrderAction(OrderAction),
    Agent(Agent),
    Macro(Macro),
    Survey(SurveyResponse),
}

impl Entity {
    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::Ticket(_) => EntityKind::Ticket,
            Entity::Message(_) => EntityKind::Message,
            Entity::Customer(_) => EntityKind::Customer,
            Entity::Order(_) => EntityKind::Order,
            Entity::OrderAction(_) => EntityKind::OrderAction,
            Entity::Agent(_) => EntityKind::Agent,
            Entity::Macro(_) => EntityKind::Macro,
            Entity::Survey(_) => EntityKind::Survey,
        }
    }

    /// The entity's id as text (orders have string ids).
    pub fn id(&self) -> String {
        match self {
            Entity::Ticket(t) => t.id.to_string(),
            Entity::Message(m) => m.id.to_string(),
            Entity::Customer(c) => c.id.to_string(),
            Entity::Order(o) => o.id.clone(),
            Entity::OrderAction(a) => a.id.to_string(),
            Entity::Agent(a) => a.id.to_string(),
            Entity::Macro(m) => m.id.to_string(),
            Entity::Survey(s) => s.id.to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Ticket,
    Message,
    Customer,
    Order,
    OrderAction,
    Agent,
    Macro,
    Survey,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Ticket => "ticket",
            EntityKind::Message => "message",
            EntityKind::Customer => "customer",
            EntityKind::Order => "order",
            EntityKind::OrderAction => "order_action",
            EntityKind::Agent => "agent",
            EntityKind::Macro => "macro",
            EntityKind::Survey => "survey",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "ticket" => EntityKind::Ticket,
            "message" => EntityKind::Message,
            "customer" => EntityKind::Customer,
            "order" => EntityKind::Order,
            "order_action" => EntityKind::OrderAction,
            "agent" => EntityKind::Agent,
            "macro" => EntityKind::Macro,
            "survey" => EntityKind::Survey,
            _ => return None,
        })
    }
}

/// An entity whose latest change has sequence number `seq`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub seq: i64,
    #[serde(flatten)]
    pub entity: Entity,
}

/// `GET /v1/changes?since=SEQ&limit=N`.
///
/// Every entity appears once, at the sequence number of its latest change, so
/// a client that stores `next` and asks again with `since=next` misses nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangesPage {
    pub changes: Vec<Change>,
    /// Cursor to pass as `since` for the next page.
    pub next: i64,
    /// More changes exist after this page.
    pub has_more: bool,
    /// The server's latest sequence number when the page was read.
    pub latest: i64,
}

/// Data of an SSE `change` event; the event id is `seq`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeNotice {
    pub seq: i64,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub id: String,
}
