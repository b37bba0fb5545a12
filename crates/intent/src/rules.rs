//! Scoring: keywords found in the ticket plus the order's facts.

use std::collections::HashMap;

use sahaya_protocol::domain::{PaymentStatus, ShipmentStatus};

use crate::lexicon::{Lexicon, shipped};
use crate::normalize::words;
use crate::reason::{Evidence, Fact, Lang, Reason, Scored};
use crate::{Intent, OrderFacts, TicketText};

/// How much a romanized or native word of another language than the
/// customer's counts (code-mixing is common, but `pata` is "address" in
/// Hindi and nothing in Kannada).
const OTHER_LANGUAGE: f32 = 0.7;

/// Words read per text: what a customer wants is said at the top; below are
/// signatures and quoted mail, and the cost stays bounded.
const MAX_WORDS: usize = 400;

/// The intents `ticket` points to, strongest first, each with its reason.
/// Only intents with some evidence are listed; with none at all the answer
/// is `[Other]` with an empty reason. Never panics, whatever the text.
pub fn classify(ticket: &TicketText<'_>) -> Vec<Scored> {
    classify_with(shipped(), ticket)
}

pub(crate) fn classify_with(lexicon: &Lexicon, ticket: &TicketText<'_>) -> Vec<Scored> {
    let customer = Lang::from_code(&ticket.primary_language());
    // Per intent and matched words (folded): the best evidence for them in
    // any source, so a word repeated, or listed for two languages, counts once.
    let mut best: HashMap<(Intent, String), Evidence> = HashMap::new();
    for (source, text, source_weight) in ticket.sources() {
        let mut ws = words(text);
        ws.truncate(MAX_WORDS);
        for hit in lexicon.hits(&ws) {
            let term = &lexicon.terms[hit.term];
            let language_weight = match customer {
                Some(c) if term.language != Lang::En && term.language != c => OTHER_LANGUAGE,
                _ => 1.0,
            };
            let weight = term.weight * source_weight * language_weight;
            let key = hit
                .spans
                .iter()
                .map(|&(a, b)| {
                    ws[a..b]
                        .iter()
                        .map(|w| w.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join(" + ");
            let key = (term.intent, key);
            if best.get(&key).is_some_and(|e| e.weight >= weight) {
                continue;
            }
            let text = hit
                .spans
                .iter()
                .map(|&(a, b)| &text[ws[a].start..ws[b - 1].end])
                .collect::<Vec<_>>()
                .join(" … ");
            best.insert(
                key,
                Evidence {
                    text,
                    language: term.language,
                    source,
                    weight,
                },
            );
        }
    }

    let mut by_intent: HashMap<Intent, (f32, Reason)> = HashMap::new();
    for ((intent, _), evidence) in best {
        let entry = by_intent.entry(intent).or_default();
        entry.0 += evidence.weight;
        // Words against an intent lower its score but are no reason for it.
        if evidence.weight > 0.0 {
            entry.1.evidence.push(evidence);
        }
    }
    if let Some(order) = &ticket.order {
        for fact in facts(order) {
            for &(intent, weight) in fact_weights(fact) {
                let entry = by_intent.entry(intent).or_default();
                entry.0 += weight;
                entry.1.facts.push(fact);
                entry.1.order_id.clone_from(&order.order_id);
            }
        }
    }

    let mut scored: Vec<Scored> = by_intent
        .into_iter()
        .filter(|(_, (score, _))| *score > 0.0)
        .map(|(intent, (score, mut reason))| {
            reason.evidence.sort_by(|a, b| {
                b.weight
                    .total_cmp(&a.weight)
                    .then_with(|| a.text.cmp(&b.text))
            });
            Scored {
                intent,
                score,
                reason,
            }
        })
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| rank(a.intent).cmp(&rank(b.intent)))
    });
    if scored.is_empty() {
        scored.push(Scored {
            intent: Intent::Other,
            score: 0.0,
            reason: Reason::default(),
        });
    }
    scored
}

/// Position in [`Intent::ALL`], the tie-break order.
fn rank(intent: Intent) -> usize {
    Intent::ALL
        .iter()
        .position(|&i| i == intent)
        .unwrap_or(Intent::ALL.len())
}

/// The facts of `order` that say something about the intent.
pub(crate) fn facts(order: &OrderFacts) -> Vec<Fact> {
    let mut out = Vec::new();
    let delivered = order.shipment == Some(ShipmentStatus::Delivered);
    let late = order.eta_passed && !delivered;
    if late {
        out.push(Fact::Late);
    }
    match order.shipment {
        // On its way but late: "late" says it all.
        Some(
            ShipmentStatus::Packed
            | ShipmentStatus::Shipped
            | ShipmentStatus::InTransit
            | ShipmentStatus::OutForDelivery,
        ) if late => {}
        Some(ShipmentStatus::Packed) => out.push(Fact::NotDispatched),
        Some(
            ShipmentStatus::Shipped | ShipmentStatus::InTransit | ShipmentStatus::OutForDelivery,
        ) => out.push(Fact::InTransit),
        Some(ShipmentStatus::Delivered) => out.push(Fact::Delivered),
        Some(ShipmentStatus::DeliveryFailed) => out.push(Fact::DeliveryFailed),
        Some(ShipmentStatus::ReturnedToOrigin) => out.push(Fact::ReturnedToOrigin),
        None => {}
    }
    if order.cod {
        out.push(Fact::Cod);
    }
    match order.payment {
        Some(PaymentStatus::Failed) => out.push(Fact::PaymentFailed),
        Some(PaymentStatus::Pending) if !order.cod => out.push(Fact::PaymentPending),
        Some(PaymentStatus::Refunded | PaymentStatus::PartiallyRefunded) => {
            out.push(Fact::Refunded)
        }
        _ => {}
    }
    out
}

/// How much each fact adds to which intents. Facts break ties between
/// readings of the text; on their own they never outweigh a clear keyword.
fn fact_weights(fact: Fact) -> &'static [(Intent, f32)] {
    use Intent::*;
    match fact {
        Fact::Late => &[(LateDelivery, 2.5), (WhereIsMyOrder, 0.5)],
        Fact::InTransit => &[(WhereIsMyOrder, 1.0)],
        Fact::NotDispatched => &[(Cancel, 0.5), (AddressChange, 0.5), (WhereIsMyOrder, 0.3)],
        Fact::Delivered => &[
            (Damaged, 0.5),
            (WrongItem, 0.5),
            (ExchangeSize, 0.5),
            (RefundStatus, 0.3),
        ],
        Fact::DeliveryFailed => &[
            (WhereIsMyOrder, 1.0),
            (AddressChange, 0.5),
            (LateDelivery, 0.5),
        ],
        Fact::ReturnedToOrigin => &[(RefundStatus, 1.0), (WhereIsMyOrder, 0.5)],
        Fact::Cod => &[(Cod, 0.5)],
        Fact::PaymentFailed => &[(PaymentFailed, 2.0)],
        Fact::PaymentPending => &[(PaymentFailed, 1.5)],
        Fact::Refunded => &[(RefundStatus, 1.0)],
    }
}
