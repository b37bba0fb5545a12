//! `--simulate-traffic`: new customer messages arrive every few seconds and
//! sent replies get delivered, so the demo's live counts move.

use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::error::ApiResult;
use super::state::AppState;
use super::{demo, ops, repo};
use sahaya_protocol::domain::{Delivery, MessageKind};
use sahaya_protocol::wire::InboundMessage;

pub async fn run(state: AppState) {
    let mut rng = StdRng::from_rng(&mut rand::rng());
    loop {
        let wait = rng.random_range(2000..5000);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        let seed: u64 = rng.random();
        let result = state.write(move |w| step(w, seed)).await;
        if let Err(e) = result {
            tracing::warn!("traffic simulation step failed: {}", e.message);
        }
    }
}

fn step(w: &mut super::db::Writer<'_>, seed: u64) -> ApiResult<()> {
    let mut rng = StdRng::seed_from_u64(seed);
    let now = chrono::Utc::now();
    let ids: Vec<i64> = {
        let mut stmt =
            w.tx.prepare_cached("SELECT id FROM customers ORDER BY id")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
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
            InboundMessage {
                channel: handle.channel,
                from: handle.value.clone(),
                name: Some(customer.name.clone()),
                subject: Some(sample.subject),
                body: sample.body,
                ticket_id: None,
                order_id: None,
                language: Some(customer.preferred_language.clone()),
            },
            now,
        )?;
    }
    // Advance the delivery state of one recent reply.
    let recent: Option<String> =
        w.tx.query_row(
            "SELECT json FROM messages WHERE json LIKE '%\"delivery\":\"sent\"%'
             AND json LIKE '%\"kind\":\"reply\"%' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })?;
    if let Some(json) = recent {
        let mut message: sahaya_protocol::domain::Message = serde_json::from_str(&json)?;
        if message.kind == MessageKind::Reply && rng.random_bool(0.5) {
            message.delivery = Delivery::Delivered;
            repo::put_message(w, &message)?;
        }
    }
    Ok(())
}
