//! The demo's make-believe customers. `--simulate-traffic`: new customer
//! messages arrive every few seconds. With it (and in the console's embedded
//! demo) replies on the chat-like channels are delivered and read and
//! surveys answered, through the same operations a channel bridge's
//! receipts and answers go through. Email is left to a real bridge
//! (`sahaya bridge email`).

use std::collections::HashMap;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::Writer;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::{demo, ops, outbound, repo};
use sahaya_protocol::domain::{Channel, MessageId, SurveyKind, Timestamp};
use sahaya_protocol::wire::{
    InboundMessage, NewReceipt, NewSurveyAnswer, OutboundPurpose, ReceiptStatus,
};

/// What WhatsApp says of a number without an account (the demo's failures).
pub(crate) const NOT_ON_WHATSAPP: &str = "the customer's number is not on WhatsApp (error 131026)";

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

/// One customer writes in, at `now`.
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
                name: Some(customer.name.clone()),
                subject: Some(sample.subject),
                language: Some(customer.preferred_language.clone()),
                ..InboundMessage::new(handle.channel, handle.value.clone(), sample.body)
            },
            now,
        )?;
    }
    Ok(())
}

/// The channels whose customers the demo plays.
const SIMULATED: [Channel; 6] = [
    Channel::Chat,
    Channel::Phone,
    Channel::WhatsApp,
    Channel::Facebook,
    Channel::Instagram,
    Channel::WebForm,
];

/// Where one sending is on its way.
struct Sending {
    attempt: u32,
    survey: Option<bool>,
    next: ReceiptStatus,
}

/// Takes what the outbound queue holds for the chat-like channels and moves
/// each sending along: sent at once, then delivered, then read; one in
/// twenty WhatsApp messages fails (a number not on WhatsApp); read surveys
/// are mostly answered.
pub async fn deliver(state: AppState) {
    let mut rng = StdRng::from_rng(&mut rand::rng());
    // Only what is queued from now on: the demo's history is delivered.
    let mut after: i64 = state.latest_outbound_seq();
    let mut moving: HashMap<MessageId, Sending> = HashMap::new();
    loop {
        tokio::time::sleep(Duration::from_millis(rng.random_range(800..2000))).await;
        let seed: u64 = rng.random();
        let clock = state.clock();
        let taken = std::mem::take(&mut moving);
        let result = state
            .write(move |w| {
                let mut moving = taken;
                let after = deliver_step(w, seed, after, &mut moving, clock.now())?;
                Ok((after, moving))
            })
            .await;
        match result {
            Ok((next, still)) => {
                after = next;
                moving = still;
            }
            Err(e) => tracing::warn!("delivery simulation step failed: {}", e.message),
        }
    }
}

fn deliver_step(
    w: &mut Writer<'_>,
    seed: u64,
    mut after: i64,
    moving: &mut HashMap<MessageId, Sending>,
    now: Timestamp,
) -> ApiResult<i64> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut newest = after;
    for channel in SIMULATED {
        let page = outbound::page(&w.tx, channel, after, 200)?;
        for item in page.items {
            let fails = channel == Channel::WhatsApp && rng.random_bool(0.05);
            let receipt = NewReceipt {
                attempt: item.attempt,
                status: if fails {
                    ReceiptStatus::Failed
                } else {
                    ReceiptStatus::Sent
                },
                reason: fails.then(|| NOT_ON_WHATSAPP.to_string()),
                external_id: None,
            };
            ops::receipt(w, item.message_id, receipt, now)?;
            if !fails {
                moving.insert(
                    item.message_id,
                    Sending {
                        attempt: item.attempt,
                        survey: (item.purpose == OutboundPurpose::Survey)
                            .then(|| item.survey.is_some_and(|s| s.nps)),
                        next: ReceiptStatus::Delivered,
                    },
                );
            }
        }
        newest = newest.max(page.next_after);
    }
    after = newest;
    let ids: Vec<MessageId> = moving.keys().copied().collect();
    for id in ids {
        if !rng.random_bool(0.4) {
            continue;
        }
        let Some(sending) = moving.get_mut(&id) else {
            continue;
        };
        let receipt = NewReceipt {
            attempt: sending.attempt,
            status: sending.next,
            reason: None,
            external_id: None,
        };
        ops::receipt(w, id, receipt, now)?;
        if sending.next == ReceiptStatus::Delivered {
            sending.next = ReceiptStatus::Read;
            continue;
        }
        let done = moving.remove(&id);
        if let Some(Sending {
            survey: Some(nps), ..
        }) = done
            && rng.random_bool(0.7)
            && let Some(message) = repo::message(&w.tx, id)?
        {
            answer(w, &mut rng, message.ticket_id, nps, now)?;
        }
    }
    Ok(after)
}

/// A customer's answer to a survey, mostly happy.
fn answer(
    w: &mut Writer<'_>,
    rng: &mut StdRng,
    ticket_id: i64,
    nps: bool,
    now: Timestamp,
) -> ApiResult<()> {
    let csat = [1i64, 2, 3, 4, 5][weighted(rng, &[8, 7, 12, 28, 45])];
    ops::answer_survey(
        w,
        NewSurveyAnswer {
            ticket_id,
            kind: SurveyKind::Csat,
            score: csat,
            comment: None,
        },
        now,
    )?;
    if nps {
        let score = weighted(rng, &[3, 1, 1, 2, 2, 3, 4, 8, 10, 14, 16]) as i64;
        ops::answer_survey(
            w,
            NewSurveyAnswer {
                ticket_id,
                kind: SurveyKind::Nps,
                score,
                comment: None,
            },
            now,
        )?;
    }
    Ok(())
}

/// An index picked with the given weights.
fn weighted(rng: &mut StdRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut pick = rng.random_range(0..total.max(1));
    for (i, w) in weights.iter().enumerate() {
        if pick < *w {
            return i;
        }
        pick -= w;
    }
    0
}
