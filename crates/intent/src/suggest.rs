//! Which macros fit a ticket: a macro declares the intents it answers, and
//! the picker lists the macros of the ticket's strongest intents first.
//!
//! Until `Macro` has a field for it, a macro declares intents through its
//! tags: `intent:<slug>` (e.g. `intent:late-delivery`), or one of the ticket
//! tags the server already puts on macros (`late-delivery`, `damaged`,
//! `refund-initiated`, ...; see [`Intent::from_tag`]).

use sahaya_protocol::domain::Macro;

use crate::{Intent, Scored};

/// The intents `m` declares, in the order of its tags, without repeats.
pub fn macro_intents(m: &Macro) -> Vec<Intent> {
    let mut out = Vec::new();
    for intent in m.add_tags.iter().filter_map(|t| Intent::from_tag(t)) {
        if !out.contains(&intent) {
            out.push(intent);
        }
    }
    out
}

/// A macro's place in the picker.
#[derive(Debug, Clone, PartialEq)]
pub struct MacroFit<'a> {
    /// Index into the macros given to [`order_macros`].
    pub index: usize,
    /// The intent of the ticket it answers, with the reason; `None` for a
    /// macro that fits no intent of the ticket.
    pub fit: Option<&'a Scored>,
}

/// `macros` in picker order: those answering the ticket's strongest intent
/// first, then the next intent's, and so on; then the others in their
/// given order. `Other` never pulls a macro forward.
pub fn order_macros<'a>(ranked: &'a [Scored], macros: &[Macro]) -> Vec<MacroFit<'a>> {
    let mut fits: Vec<(usize, MacroFit<'a>)> = macros
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let declared = macro_intents(m);
            let best = ranked
                .iter()
                .enumerate()
                .find(|(_, s)| s.intent != Intent::Other && declared.contains(&s.intent));
            match best {
                Some((rank, scored)) => (
                    rank,
                    MacroFit {
                        index,
                        fit: Some(scored),
                    },
                ),
                None => (usize::MAX, MacroFit { index, fit: None }),
            }
        })
        .collect();
    fits.sort_by_key(|(rank, fit)| (*rank, fit.index));
    fits.into_iter().map(|(_, fit)| fit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reason;

    fn mac(name: &str, tags: &[&str]) -> Macro {
        Macro {
            id: 0,
            name: name.into(),
            language: "en".into(),
            body: String::new(),
            set_status: None,
            add_tags: tags.iter().map(|t| t.to_string()).collect(),
            deleted: false,
        }
    }

    fn scored(intent: Intent) -> Scored {
        Scored {
            intent,
            score: 1.0,
            reason: Reason::default(),
        }
    }

    #[test]
    fn fitting_macros_come_first_in_intent_order() {
        let macros = [
            mac("Greeting", &[]),
            mac("Refund initiated", &["refund-initiated"]),
            mac("Late delivery – apology", &["late-delivery"]),
            mac("Ask for photos", &["intent:damaged", "damaged"]),
        ];
        let ranked = [scored(Intent::LateDelivery), scored(Intent::RefundStatus)];
        let order: Vec<(usize, Option<Intent>)> = order_macros(&ranked, &macros)
            .iter()
            .map(|f| (f.index, f.fit.map(|s| s.intent)))
            .collect();
        assert_eq!(
            order,
            [
                (2, Some(Intent::LateDelivery)),
                (1, Some(Intent::RefundStatus)),
                (0, None),
                (3, None)
            ]
        );
        assert_eq!(macro_intents(&macros[3]), [Intent::Damaged]);
    }

    #[test]
    fn other_pulls_nothing_forward() {
        let macros = [mac("Greeting", &[]), mac("Misc", &["intent:other"])];
        let ranked = [scored(Intent::Other)];
        let order: Vec<usize> = order_macros(&ranked, &macros)
            .iter()
            .map(|f| f.index)
            .collect();
        assert_eq!(order, [0, 1]);
    }
}
