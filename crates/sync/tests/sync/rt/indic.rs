//! Kannada, Telugu and Nepali both ways, through a real RT: subjects,
//! bodies and requestors' names made in RT arrive in the cache as RT holds
//! them, and the console's replies and notes arrive in RT as typed —
//! conjuncts, zero-width (non-)joiners, a zero-width space, emoji sequences,
//! flags, native digits, and the same letters composed and decomposed (RT
//! must not normalise them: byte for byte is what the agent typed).

use sahaya_protocol::domain::MessageKind;
use sahaya_store::{OutboxOp, Store};
use serde_json::json;

use super::{Rest, console, drained, kick_until, start_rt};

/// (subject, requestor's name, first message) per script.
const MADE_IN_RT: [(&str, &str, &str); 3] = [
    (
        "ಗ್ರಾಹಕ ಸೇವೆ: ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ 📦",
        "ಸ್ತ್ರೀ ಶಕ್ತಿ ರಾವ್",
        "ನನ್ನ ಆರ್ಡರ್\u{200B}ಸಂಖ್ಯೆ SH-1042 ಇನ್ನೂ ಬಂದಿಲ್ಲ.\n\nದಯವಿಟ್ಟು ನೋಡಿ 🙏 ೧೨೩",
    ),
    (
        "శ్రీ కస్టమర్ సపోర్ట్ – రీఫండ్ 👍🏽",
        "శ్రీనివాస్ రెడ్డి",
        "నా రీఫండ్ ఇంకా రాలేదు. ౧౨౩\nOrder #1042 ದಯವಿಟ್ಟು refund ಮಾಡಿ 🙏 धन्यवाद",
    ),
    (
        "क्\u{200D}ष र क्\u{200C}ष: ग्राहक सन्तुष्टि 👨\u{200D}👩\u{200D}👧",
        "सीता क्\u{200D}षेत्री",
        "मेरो अर्डर कहाँ छ? १२३\n\u{0958} \u{0915}\u{093C} 🇳🇵 🇮🇳",
    ),
];

/// What the console writes back, per ticket: a reply and a note.
const FROM_CONSOLE: [(&str, &str); 3] = [
    (
        // ಕೋ composed (U+0CCB) and decomposed (U+0CC6 U+0CC2 U+0CD5).
        "ನಮಸ್ಕಾರ ಸ್ತ್ರೀ ಅವರೇ, \u{0C95}\u{0CCB} / \u{0C95}\u{0CC6}\u{0CC2}\u{0CD5}: ಪಾರ್ಸೆಲ್ ನಾಳೆ ತಲುಪುತ್ತದೆ 📦\n\n– ಕಾವ್ಯಾ",
        "ಕೊರಿಯರ್‌ಗೆ ಕರೆ ಮಾಡಿದೆ ೪೫೬",
    ),
    (
        // ై composed (U+0C48) and decomposed (U+0C46 U+0C56).
        "ధన్యవాదాలు! మీ రీఫండ్ ₹499 ప్రాసెస్ అయింది 👍🏽 \u{0C15}\u{0C48} / \u{0C15}\u{0C46}\u{0C56}",
        "శ్రీ గారికి మళ్ళీ ఫోన్ చేయాలి ౪౫౬",
    ),
    (
        "तपाईंको पार्सल भोलि आइपुग्छ। 👨\u{200D}👩\u{200D}👧 क्\u{200D}ष क्\u{200C}ष \u{0958}/\u{0915}\u{093C}",
        "ग्राहकलाई फेरि फोन गर्नु ४५६ \u{0CCD}abc",
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn indic_text_round_trips_through_rt_unchanged() {
    let rt = start_rt(0).await;
    let rest = Rest::new(&rt, &rt.admin.token);
    let mut made = Vec::new();
    for (i, (subject, name, body)) in MADE_IN_RT.iter().enumerate() {
        let email = format!("indic{i}@customer.test");
        rest.post(
            "user",
            json!({"Name": email, "EmailAddress": email, "RealName": name}),
        )
        .await;
        let t = rest
            .post(
                "ticket",
                json!({
                    "Queue": "General",
                    "Subject": subject,
                    "Requestor": email,
                    "Content": body,
                    "ContentType": "text/plain",
                }),
            )
            .await;
        made.push(
            t["id"]
                .as_i64()
                .or_else(|| t["id"].as_str()?.parse().ok())
                .unwrap(),
        );
    }

    // What RT holds is what was sent.
    for (id, (subject, name, body)) in made.iter().zip(MADE_IN_RT) {
        let t = rest.get(&format!("ticket/{id}")).await;
        assert_eq!(t["Subject"], subject, "RT's subject");
        let requestor = t["Requestor"][0]["id"].as_str().unwrap().to_string();
        let u = rest
            .get(&format!("user/{}", super::urlencode(&requestor)))
            .await;
        assert_eq!(u["RealName"], name, "RT's requestor");
        let first = &rest.messages(*id).await[0];
        assert_eq!(first.text, body, "RT's first message");
    }

    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    let mut ui = Store::open(&cache).unwrap();
    let sync = console(&rt, 0, &cache, None);
    let last = *made.last().unwrap();
    kick_until(&sync, "first sync", 60, || {
        ui.ticket(last).ok().flatten().is_some()
    })
    .await;
    for (id, (subject, name, body)) in made.iter().zip(MADE_IN_RT) {
        let t = ui.ticket(*id).unwrap().unwrap();
        assert_eq!(t.subject, subject, "ticket {id}'s subject in the cache");
        assert_eq!(
            ui.customer(t.customer_id).unwrap().unwrap().name,
            name,
            "ticket {id}'s customer"
        );
        let msgs = ui.messages(*id).unwrap();
        assert_eq!(msgs.len(), 1, "{msgs:#?}");
        assert_eq!(
            msgs[0].body, body,
            "ticket {id}'s first message in the cache"
        );
    }

    for (id, (reply, note)) in made.iter().zip(FROM_CONSOLE) {
        for (kind, body) in [(MessageKind::Reply, reply), (MessageKind::Note, note)] {
            ui.enqueue(OutboxOp::Message {
                ticket_id: *id,
                kind,
                body: body.to_string(),
            })
            .unwrap();
        }
    }
    sync.kick();
    drained(&ui, 60).await;
    assert!(ui.outbox_problems().unwrap().is_empty());

    for (id, (reply, note)) in made.iter().zip(FROM_CONSOLE) {
        let held = rest.messages(*id).await;
        let got: Vec<(&str, &str)> = held[1..]
            .iter()
            .map(|m| (m.kind.as_str(), m.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![("Correspond", reply), ("Comment", note)],
            "ticket {id} in RT"
        );
        // And the cache, after pulling them back, shows them as typed.
        kick_until(
            &sync,
            &format!("ticket {id}'s replies pulled back"),
            30,
            || ui.cursor().is_ok_and(|c| c >= held[2].id),
        )
        .await;
        let cached: Vec<String> = ui
            .messages(*id)
            .unwrap()
            .into_iter()
            .skip(1)
            .map(|m| m.body)
            .collect();
        assert_eq!(
            cached,
            vec![reply.to_string(), note.to_string()],
            "ticket {id} in the cache"
        );
    }
}
