//! Applying a macro (canned reply): choose one, the cache fills what it
//! knows of its placeholders, the agent types the rest, and the composer
//! opens with the text. Its status and tags go out when the reply is sent.

use sahaya_protocol::domain::{Macro, MessageKind, TicketId};
use sahaya_protocol::wire::TicketPatch;

use super::{Ask, Pick, cached_ticket, need_ticket, picker, prompt};
use crate::app::App;

/// A chosen macro on its way to the composer.
#[derive(Debug, Clone, PartialEq)]
pub struct MacroFlow {
    pub ticket_id: TicketId,
    pub macro_id: i64,
    /// Why it is suggested for this ticket (one line in the agent's
    /// language), when it fits what the customer asks about.
    pub why: Option<String>,
    /// Placeholder values known so far.
    pub values: Vec<(String, String)>,
}

/// The macro picker: the customer's language first, then the console's,
/// then the rest; within each language the macros that fit the ticket's
/// intents come first (strongest intent first, each with the line saying
/// why), then the others, each in the server's order.
pub fn start(app: &mut App) {
    let Some(t) = need_ticket(app) else { return };
    let Some(macros) = cached_macros(app) else {
        return;
    };
    if macros.is_empty() {
        let text = app.t("no-macros");
        app.flash(text);
        return;
    }
    let customer_lang = app
        .open
        .as_ref()
        .filter(|o| o.ticket.id == t.id)
        .and_then(|o| o.customer.as_ref())
        .map(|c| primary_language(&c.customer.preferred_language));
    let console_lang = app.i18n.locale();
    let bucket = |m: &Macro| {
        let lang = primary_language(&m.language);
        if Some(lang.as_str()) == customer_lang.as_deref() {
            0
        } else if lang == console_lang {
            1
        } else {
            2
        }
    };
    let ranked = crate::suggest::intents(app, &t);
    let mut order: Vec<(usize, usize, Option<String>)> =
        crate::suggest::fits(app, &ranked, &macros)
            .into_iter()
            .enumerate()
            .map(|(place, (index, why))| (index, place, why))
            .collect();
    // Fitting macros are first in `fits`' order; within a language they
    // stay first.
    order.sort_by_key(|(index, place, _)| (bucket(&macros[*index]), *place));
    let items = order
        .into_iter()
        .map(|(index, _, why)| {
            let m = &macros[index];
            let flow = MacroFlow {
                ticket_id: t.id,
                macro_id: m.id,
                why,
                values: Vec::new(),
            };
            (
                format!("[{}] {}", m.language, sahaya_text::sanitize_line(&m.name)),
                Pick::Macro(flow),
            )
        })
        .collect();
    picker(app, "picker-macro", items, 0);
}

/// The cached macros (None when the cache cannot be read: a flash says so,
/// rather than "no macros").
fn cached_macros(app: &mut App) -> Option<Vec<Macro>> {
    match app.store.macros() {
        Ok(macros) => Some(macros),
        Err(e) => {
            tracing::warn!("cannot read macros: {e}");
            app.flash_cache_error(&e);
            None
        }
    }
}

/// "kn" of "kn-IN" / "kn_IN", lower case.
fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The agent typed the value of placeholder `name`.
pub fn answered(app: &mut App, mut flow: MacroFlow, name: String, value: String) {
    flow.values.push((name, value));
    step(app, flow);
}

/// The next placeholder to ask for; in the end the composer opens with the
/// filled text.
pub fn step(app: &mut App, mut flow: MacroFlow) {
    let Some(m) = cached_macros(app)
        .into_iter()
        .flatten()
        .find(|m| m.id == flow.macro_id)
    else {
        return;
    };
    let Some(ticket) = cached_ticket(app, flow.ticket_id) else {
        return;
    };
    for name in m.placeholders() {
        if flow.values.iter().any(|(n, _)| *n == name) {
            continue;
        }
        match crate::macros::fill(app, &name, &ticket) {
            Some(value) => flow.values.push((name, value)),
            None => {
                let title = app
                    .i18n
                    .tr_args("prompt-placeholder", &[("name", name.clone().into())]);
                prompt(app, title, "", Ask::Placeholder(flow, name));
                return;
            }
        }
    }
    let mut body = m.body.clone();
    for (name, value) in &flow.values {
        body = crate::macros::substitute(&body, name, value);
    }
    super::reply::open_composer(app, &ticket, MessageKind::Reply, Some(body));
    if m.set_status.is_some() || !m.add_tags.is_empty() {
        // Applied when the reply is sent (a discarded draft changes nothing);
        // `tags` holds the tags to add, merged with the ticket's at send time.
        let patch = TicketPatch {
            status: m.set_status,
            tags: (!m.add_tags.is_empty()).then(|| m.add_tags.clone()),
            ..Default::default()
        };
        if let Some(c) = app.composer.as_mut() {
            c.after_send = Some(patch);
        }
        let text = app.t("macro-applied");
        app.flash(text);
    }
}
