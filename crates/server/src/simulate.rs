//! `--simulate-traffic`: new customer messages arrive every few seconds and
//! sent replies get delivered, so the demo's live counts move.

use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::db::Writer;
use super::error::ApiResult;
use super::state::AppState;
use super::{demo, ops, repo};
use sahaya_protocol::domain::{Delivery, MessageKind, Timestamp};
use sahaya_protocol::wire::InboundMessage;

pub async fn run(state: AppState) {
    let mut rng = StdRng::from_rng(&mut rand::rng());
    loop {
        let wait = rng.random_range(2000..5000);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        let seed: u64 = rng.random();
        let clock = state.clock();
        let result = state.write(move |w| step(w, seed, clock.now())).await;
        if let Err(e) = result {
            tracing::warn!("traffic simulation step failed: {}", e.message);
        }
    }
}

/// One customer writes in and one sent reply may get delivered, at `now`.
fn step(w: &mut Writer<'_>, seed: u64, now: Timestamp) -> ApiResult<()> {
    let mut rng = StdRng::seed_from_u64(seed);
    let ids = repo::customer_ids(&w.tx)?;
    if ids.is_empty() {
        return Ok(());
    }
    let sample = demo::inbound_sample(&mut rng, ids.len());
    let Some(customer) = repo::customer(&w.tx, ids[sample.customer_index.min(ids.len() - 1)])?
    else {
        return Ok(());
    };
    let handle = customer
        .handles
        .iter()
        .find(|h| h.channel == sample.channel)
        .or_else(|| customer.handles.first());
    if let Some(handle) = handle {
        ops::inbound(
            w,
            None,
            InboundMessage {
                channel: handle.channel,
                from: handle.value.clone(),
                name: Some(customer.name.clone()),
                subject: Some(sample.subject),
                body: sample.body,
                ticket_id: None,
                order_id: None,
                language: Some(customer.preferred_language.clone()),
                external_id: None,
                thread_refs: None,
                attachments: Vec::new(),
            },
            now,
        )?;
    }
    // Advance the delivery state of one recent reply.
    if let Some(mut message) = repo::latest_sent_reply(&w.tx)?
        && message.kind == MessageKind::Reply
        && rng.random_bool(0.5)
    {
        message.delivery = Delivery::Delivered;
        repo::put_message(w, &message)?;
    }
    Ok(())
}
