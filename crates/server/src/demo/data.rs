//! What the demo seed writes: the demo world as domain values.

use sahaya_protocol::domain::{
    Agent, Customer, Macro, Message, Order, OrderAction, SurveyResponse, Ticket,
};

/// A ticket with its conversation.
#[derive(Debug, Clone)]
pub struct DemoTicket {
    pub ticket: Ticket,
    pub messages: Vec<Message>,
}

/// Everything the demo seed writes. Ids are already assigned and consistent
/// (ticket.customer_id points into `customers`, message.ticket_id to its ticket,
/// order ids are referenced by tickets and actions).
#[derive(Debug, Clone, Default)]
pub struct DemoData {
    pub agents: Vec<Agent>,
    pub customers: Vec<Customer>,
    pub orders: Vec<Order>,
    pub order_actions: Vec<OrderAction>,
    pub tickets: Vec<DemoTicket>,
    pub macros: Vec<Macro>,
    pub surveys: Vec<SurveyResponse>,
}
