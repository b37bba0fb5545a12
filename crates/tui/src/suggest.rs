//! Which macros fit a ticket: what the customer wrote (and the facts of the
//! ticket's order) is classified offline by `sahaya-intent`; a macro says
//! which intents it answers through its tags (data from the server, see
//! [`sahaya_intent::macro_intents`]). Here the result is put in the agent's
//! words: one line saying why a macro is suggested.

use sahaya_intent::{OrderFacts, Scored, TicketText, classify};
use sahaya_protocol::domain::{Macro, MessageKind, Order, Ticket};

use crate::app::App;

/// How many of the customer's words a reason line names.
const SHOWN_WORDS: usize = 3;

/// What the cache knows of `ticket` for classifying it: the customer's
/// messages (latest first), their language and the ticket's order.
struct Known {
    messages: Vec<String>,
    language: String,
    order: Option<Order>,
}

fn known(app: &App, ticket: &Ticket) -> Known {
    let open = app.open.as_ref().filter(|o| o.ticket.id == ticket.id);
    let messages = match open {
        Some(o) => o.messages.clone(),
        None => app.store.messages(ticket.id).unwrap_or_else(|e| {
            tracing::warn!("cannot read the messages of #{}: {e}", ticket.id);
            Vec::new()
        }),
    };
    let customer = match open.and_then(|o| o.customer.clone()) {
        Some(c) => Some(c),
        None => crate::macros::customer_of(app, ticket),
    };
    let order = customer.as_ref().and_then(|c| {
        c.orders
            .iter()
            .find(|o| Some(&o.id) == ticket.order_id.as_ref())
            .cloned()
    });
    Known {
        messages: messages
            .into_iter()
            .rev()
            .filter(|m| m.kind == MessageKind::Customer)
            .map(|m| m.body)
            .collect(),
        language: customer
            .map(|c| c.customer.preferred_language)
            .unwrap_or_default(),
        order,
    }
}

/// The ticket's intents, strongest first (empty when nothing points
/// anywhere).
pub fn intents(app: &App, ticket: &Ticket) -> Vec<Scored> {
    let known = known(app, ticket);
    let text = TicketText {
        subject: &ticket.subject,
        messages: known.messages.iter().map(String::as_str).collect(),
        language: &known.language,
        order: known
            .order
            .as_ref()
            .map(|o| OrderFacts::from_order(o, app.now())),
    };
    classify(&text)
}

/// For each of `macros` (by index), the reason line when it fits one of
/// the ticket's intents, or None.
pub fn fits(app: &App, ranked: &[Scored], macros: &[Macro]) -> Vec<(usize, Option<String>)> {
    sahaya_intent::order_macros(ranked, macros)
        .into_iter()
        .map(|f| (f.index, f.fit.map(|s| why(app, s))))
        .collect()
}

/// One line in the agent's language: the intent, the customer's words that
/// point to it (made inert) and the order's facts.
/// "Late delivery: mentions “ಪಾರ್ಸೆಲ್” · order SH-1001: late".
pub fn why(app: &App, scored: &Scored) -> String {
    let intent = app.t(&format!("intent-{}", scored.intent.slug()));
    let words: Vec<String> = scored
        .reason
        .evidence
        .iter()
        .take(SHOWN_WORDS)
        .map(|e| format!("“{}”", sahaya_text::sanitize_line(&e.text)))
        .collect();
    let facts: Vec<String> = scored
        .reason
        .facts
        .iter()
        .map(|f| app.t(&format!("intent-fact-{}", f.slug())))
        .collect();
    let order = scored.reason.order_id.as_deref().unwrap_or_default();
    let order = sahaya_text::sanitize_line(order).into_owned();
    let words = words.join(", ");
    let facts = facts.join(", ");
    let id = match (words.is_empty(), facts.is_empty()) {
        (false, false) => "macro-why-words-facts",
        (false, true) => "macro-why-words",
        (true, false) => "macro-why-facts",
        (true, true) => "macro-why-intent",
    };
    app.i18n.tr_args(
        id,
        &[
            ("intent", intent.into()),
            ("words", words.into()),
            ("order", order.into()),
            ("facts", facts.into()),
        ],
    )
}
