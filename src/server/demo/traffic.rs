// PLACEHOLDER written by the lead so the crate compiles; helper replaces this file.
pub struct DemoInbound {
    pub customer_index: usize,
    pub channel: crate::domain::Channel,
    pub subject: String,
    pub body: String,
}
pub fn inbound_sample(_rng: &mut impl rand::Rng, _customers: usize) -> DemoInbound {
    DemoInbound { customer_index: 0, channel: crate::domain::Channel::Email, subject: String::new(), body: "hi".into() }
}
