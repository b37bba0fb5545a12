//! The classifier on clear-cut tickets in each language, its reasons, the
//! labelled set's split, and that no text makes it panic.

use proptest::prelude::*;
use sahaya_intent::dataset::{self, Half};
use sahaya_intent::{
    Fact, Intent, Lang, OrderFacts, Source, TicketText, classify, normalized_words,
};
use sahaya_protocol::domain::{PaymentStatus, ShipmentStatus};

fn first(language: &str, text: &str) -> Intent {
    let ticket = TicketText {
        messages: vec![text],
        language,
        ..TicketText::default()
    };
    classify(&ticket)[0].intent
}

#[test]
fn clear_cut_tickets_in_each_language() {
    use Intent::*;
    let cases = [
        ("en", "The blender jar came cracked and leaking", Damaged),
        (
            "en",
            "Please cancel my order, I don't need it anymore",
            Cancel,
        ),
        (
            "en",
            "Money was debited twice but the payment failed",
            PaymentFailed,
        ),
        ("en", "Is cash on delivery available for 585101?", Cod),
        ("kn", "ಆರ್ಡರ್ ತುಂಬಾ ತಡ ಆಗಿದೆ, ಒಂದು ವಾರ ಆಯ್ತು", LateDelivery),
        ("kn", "ನನ್ನ ಪಾರ್ಸೆಲ್ ಎಲ್ಲಿದೆ?", WhereIsMyOrder),
        ("kn", "order cancel maadi, beda", Cancel),
        ("kn", "ಡೆಲಿವರಿ ವಿಳಾಸ ಬದಲಾಯಿಸಿ", AddressChange),
        ("te", "పార్సెల్ తెరిస్తే గ్లాస్ పగిలిపోయి ఉంది", Damaged),
        ("te", "రీఫండ్ ఇంకా రాలేదు, డబ్బులు తిరిగి ఎప్పుడు?", RefundStatus),
        (
            "te",
            "shirt chala tight, L size ki exchange kavali",
            ExchangeSize,
        ),
        ("ne", "पैसा काटियो तर अर्डर भएन", PaymentFailed),
        ("ne", "गलत सामान आयो, मैले अर्कै रङ मागेको", WrongItem),
        ("ne", "order kina yeti dhilo? 10 din bhayo", LateDelivery),
        ("hi", "मेरा पार्सल कहाँ है?", WhereIsMyOrder),
        (
            "hi",
            "paise wapas kab milenge? refund nahi aaya",
            RefundStatus,
        ),
        ("hi", "COD me cash dena hai, online nahi", Cod),
    ];
    for (language, text, want) in cases {
        assert_eq!(first(language, text), want, "{language}: {text}");
    }
}

#[test]
fn spelling_variants_give_the_same_answer() {
    // Long/short vowel, ZWNJ and nukta variants of the same complaint.
    assert_eq!(
        first("kn", "ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ, ತುಂಬಾ ತಡ"),
        Intent::LateDelivery
    );
    assert_eq!(
        first("kn", "ಪಾರ್ಸೆಲ್\u{200C} ಇನ್ನು ಬಂದಿಲ್ಲ, ತುಂಬ ತಡ"),
        Intent::LateDelivery
    );
    assert_eq!(first("hi", "जूते का साइज़ छोटा है"), Intent::ExchangeSize);
    assert_eq!(first("hi", "जूते का साइज छोटा है"), Intent::ExchangeSize);
    assert_eq!(
        first("te", "order inka raaledu, chaala late"),
        Intent::LateDelivery
    );
    assert_eq!(
        first("te", "order inka raledu, chala late"),
        Intent::LateDelivery
    );
}

#[test]
fn reason_names_the_words_as_written_and_the_order_facts() {
    let ticket = TicketText {
        subject: "",
        messages: vec!["ಪಾರ್ಸೆಲ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ"],
        language: "kn",
        order: Some(OrderFacts {
            order_id: Some("SH-1001".into()),
            shipment: Some(ShipmentStatus::InTransit),
            eta_passed: true,
            ..OrderFacts::default()
        }),
    };
    let ranked = classify(&ticket);
    let top = &ranked[0];
    assert_eq!(top.intent, Intent::LateDelivery);
    assert_eq!(top.reason.evidence[0].text, "ಇನ್ನೂ ಬಂದಿಲ್ಲ");
    assert_eq!(top.reason.evidence[0].language, Lang::Kn);
    assert_eq!(top.reason.evidence[0].source, Source::Message(0));
    assert_eq!(top.reason.facts, [Fact::Late]);
    assert_eq!(
        top.reason.to_string(),
        "mentions “ಇನ್ನೂ ಬಂದಿಲ್ಲ” + order SH-1001 is late"
    );
}

#[test]
fn words_found_apart_are_joined_in_the_reason() {
    let ticket = TicketText {
        messages: vec!["bhai paise to kat gaye, order nahi dikh raha"],
        language: "hi",
        ..TicketText::default()
    };
    let top = &classify(&ticket)[0];
    assert_eq!(top.intent, Intent::PaymentFailed);
    assert!(
        top.reason.evidence.iter().any(|e| e.text == "kat gaye"),
        "{top}"
    );
}

#[test]
fn order_facts_decide_when_the_text_says_little() {
    let ticket = TicketText {
        messages: vec!["hello??"],
        order: Some(OrderFacts {
            payment: Some(PaymentStatus::Failed),
            ..OrderFacts::default()
        }),
        ..TicketText::default()
    };
    let top = &classify(&ticket)[0];
    assert_eq!(top.intent, Intent::PaymentFailed);
    assert!(top.reason.evidence.is_empty());
    assert_eq!(top.reason.to_string(), "the order has a failed payment");
}

#[test]
fn nothing_to_go_on_is_other_with_no_reason() {
    let ranked = classify(&TicketText::default());
    assert_eq!(ranked.len(), 1);
    assert_eq!(ranked[0].intent, Intent::Other);
    assert!(ranked[0].reason.is_empty());
}

#[test]
fn the_latest_message_counts_most() {
    let ticket = TicketText {
        messages: vec!["forget it, just cancel", "where is my order?"],
        language: "en",
        ..TicketText::default()
    };
    let ranked = classify(&ticket);
    assert_eq!(ranked[0].intent, Intent::Cancel);
    let wismo = ranked
        .iter()
        .find(|s| s.intent == Intent::WhereIsMyOrder)
        .unwrap();
    assert_eq!(wismo.reason.evidence[0].source, Source::Message(1));
}

#[test]
fn money_words_turn_not_yet_come_into_a_refund() {
    // "still hasn't come" is about the parcel, unless it is about money.
    assert_eq!(first("kn", "order ಇನ್ನೂ ಬಂದಿಲ್ಲ"), Intent::LateDelivery);
    assert_eq!(first("kn", "refund ದುಡ್ಡು ಇನ್ನೂ ಬಂದಿಲ್ಲ"), Intent::RefundStatus);
}

#[test]
fn labelled_set_is_big_enough_and_covers_every_language_and_intent() {
    let examples = dataset::labelled().unwrap();
    assert!(examples.len() >= 200, "{} examples", examples.len());
    for half in [Half::Tuning, Half::HeldOut] {
        let part: Vec<_> = examples.iter().filter(|e| e.half() == half).collect();
        for lang in ["en", "kn", "te", "ne", "hi"] {
            assert!(
                part.iter().any(|e| e.language == lang),
                "{half:?} lacks {lang}"
            );
        }
        for intent in Intent::ALL {
            assert!(
                part.iter().any(|e| e.intent == intent),
                "{half:?} lacks {intent}"
            );
        }
    }
}

#[test]
fn halves_share_no_text_even_after_folding() {
    let examples = dataset::labelled().unwrap();
    let folded = |e: &dataset::Example| {
        let mut words = normalized_words(&e.subject);
        for m in &e.messages {
            words.extend(normalized_words(m));
        }
        words
    };
    let tuning: Vec<Vec<String>> = examples
        .iter()
        .filter(|e| e.half() == Half::Tuning)
        .map(folded)
        .collect();
    for e in examples.iter().filter(|e| e.half() == Half::HeldOut) {
        assert!(
            !tuning.contains(&folded(e)),
            "line {} is in the held-out half and, folded, also in the tuning half",
            e.line
        );
    }
}

/// Text that is hard to take apart: conjuncts, joiners, orphan marks,
/// controls, bidi overrides, emoji sequences, native digits, long words.
const TRICKY: &[&str] = &[
    "ಕ್ರ್ಯಾಕ್ ಆಗಿದೆ",
    "स्त्री क्\u{200D}ष क्\u{200C}ष",
    "\u{0CCD}abc \u{094D}",
    "\u{0C4D}\u{200D}",
    "ఆర్డర్\u{200B}నంబర్ ౧౨౩",
    "१२३ ೧೨೩ refund\u{202E}0001\u{202C}",
    "hi \u{1b}[2J\u{1b}]0;x\u{7} \u{9b}2J",
    "👨\u{200D}👩\u{200D}👧 🇳🇵🇮🇳 👍🏽",
    "line\r\none\ttwo\u{0}\u{8}",
    "'''' ’’ don't'",
    "न्\u{200D}",
    "ಣ್",
];

fn check(subject: &str, messages: Vec<&str>, language: &str) {
    let ticket = TicketText {
        subject,
        messages,
        language,
        order: None,
    };
    let ranked = classify(&ticket);
    assert!(!ranked.is_empty());
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    let mut intents: Vec<Intent> = ranked.iter().map(|s| s.intent).collect();
    intents.sort();
    intents.dedup();
    assert_eq!(intents.len(), ranked.len(), "an intent listed twice");
    for s in &ranked {
        let _ = s.to_string();
    }
}

#[test]
fn tricky_text_is_classified_without_panic() {
    for t in TRICKY {
        check(t, vec![t, t], "kn");
    }
    let long = "x".repeat(100_000);
    check("", vec![&long], "");
}

fn indic_soup() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        proptest::char::range('\u{0900}', '\u{097F}'),
        proptest::char::range('\u{0C00}', '\u{0C7F}'),
        proptest::char::range('\u{0C80}', '\u{0CFF}'),
        proptest::char::range('a', 'z'),
        Just('\u{200C}'),
        Just('\u{200D}'),
        Just('\''),
        Just(' '),
    ];
    proptest::collection::vec(ch, 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn any_text_is_classified_without_panic(
        subject in any::<String>(),
        body in any::<String>(),
        soup in indic_soup(),
        language in "[a-zA-Z_-]{0,8}",
    ) {
        check(&subject, vec![&body, &soup], &language);
        check(&soup, vec![], "te");
    }
}
