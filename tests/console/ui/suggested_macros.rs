//! Suggested macros: on a ticket about a wrong size, the picker shows the
//! macro whose tags answer it first (in the customer's language), with one
//! line in the agent's language saying why.

use super::*;

/// The picker's labels and the notes of its items.
fn picker_items(ui: &Ui) -> Vec<(String, Option<String>)> {
    match &ui.app.overlay {
        Some(Overlay::Picker(p)) => p
            .items
            .iter()
            .map(|(l, pick)| (l.clone(), pick.note().map(str::to_string)))
            .collect(),
        _ => panic!("no picker open"),
    }
}

fn wrong_size_ticket(ui: &Ui) -> (&'static str, Ticket) {
    find_ticket(ui, |_, t| {
        t.status.is_active() && t.tags.iter().any(|tag| tag == "wrong-size")
    })
}

#[test]
fn a_wrong_size_ticket_shows_the_exchange_macro_first_with_the_reason() {
    for (locale, intent_name) in [
        ("en", "Wrong item"),
        ("kn", "ತಪ್ಪು ವಸ್ತು"),
        ("te", "తప్పు వస్తువు"),
        ("ne", "गलत सामान"),
        ("hi", "गलत सामान"),
    ] {
        for (w, h) in SIZES {
            let mut ui = Ui::with_locale(w, h, locale);
            let (key, t) = wrong_size_ticket(&ui);
            let customer = ui.store().customer(t.customer_id).unwrap().unwrap();
            let lang = &customer.preferred_language[..2];
            ui.open(key, t.id);
            ui.press("m");
            let items = picker_items(&ui);
            let (first, why) = &items[0];
            let exchange = ui
                .store()
                .macros()
                .unwrap()
                .into_iter()
                .find(|m| m.language == lang && m.add_tags.iter().any(|t| t == "exchange"))
                .expect("a demo exchange macro in the customer's language");
            assert_eq!(
                *first,
                format!("[{lang}] {}", exchange.name),
                "{locale}: {items:#?}"
            );
            assert!(!first.contains("Greeting"));
            let why = why.as_deref().expect("the first item says why");
            // A wrong size reads as a wrong item or as an exchange for
            // another size, depending on the customer's words (which demo
            // ticket the hour picks).
            let exchange_size = ui.app.t("intent-exchange-size");
            assert!(
                why.starts_with(intent_name) || why.starts_with(&exchange_size),
                "{locale}: {why}"
            );
            // The customer's own words are quoted.
            assert!(why.contains('“'), "{locale}: {why}");
            // Macros that fit nothing have no note.
            assert!(
                items
                    .iter()
                    .any(|(l, note)| l.contains("Greeting") && note.is_none()),
                "{items:#?}"
            );
            let s = ui.render();
            assert_clean(&ui, &s);
            s.assert_has(&prefix(why, 20));
            // Moving to a macro that fits nothing clears the line.
            let greeting = items
                .iter()
                .position(|(l, _)| l.contains("Greeting"))
                .unwrap();
            for _ in 0..greeting {
                ui.press("down");
            }
            assert!(!ui.render().text().contains(&prefix(why, 20)));
        }
    }
}

#[test]
fn the_suggested_macro_applies_like_any_other() {
    let mut ui = Ui::new(160, 45);
    let (key, t) = wrong_size_ticket(&ui);
    ui.open(key, t.id);
    ui.press("m");
    let first = picker_items(&ui)[0].0.clone();
    ui.pick(&first);
    let text = ui.composer_text();
    assert!(!text.contains("{{"), "{text}");
    ui.press("ctrl-s");
    let sent = ui
        .pending()
        .into_iter()
        .filter(|e| matches!(&e.op, OutboxOp::Message { body, .. } if *body == text))
        .count();
    assert_eq!(sent, 1);
}
