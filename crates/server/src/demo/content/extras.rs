//! Macros (canned replies) in each language and survey comments.

use sahaya_protocol::domain::{Macro, Status};

/// (language, name, body, status to set, tags to add).
type MacroRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<Status>,
    &'static [&'static str],
);

const PENDING: Option<Status> = Some(Status::Pending);

const MACROS: &[MacroRow] = &[
    (
        "en",
        "Greeting",
        "Hi {{customer.name}},\n\nThanks for writing to us. I'm {{agent.name}} and I'll take care of this for you.\n\n",
        None,
        &[],
    ),
    (
        "en",
        "Late delivery – apology",
        "Hi {{customer.name}},\n\nSorry that order {{order.id}} is running late. I've checked with the courier (tracking {{tracking.number}}) and asked them to prioritise it. I'll update you as soon as it moves.\n\n– {{agent.name}}",
        PENDING,
        &["late-delivery"],
    ),
    (
        "en",
        "Refund initiated",
        "Hi {{customer.name}},\n\nThe refund for order {{order.id}} has been initiated. It should reach your account within {{refund.days}} working days.\n\n– {{agent.name}}",
        PENDING,
        &["refund-initiated"],
    ),
    (
        "en",
        "Return pickup rescheduled",
        "Hi {{customer.name}},\n\nThe return pickup for order {{order.id}} has been rescheduled for tomorrow. The courier will call you before coming. Sorry for the trouble.\n\n– {{agent.name}}",
        PENDING,
        &["return-pickup"],
    ),
    (
        "en",
        "Ask for photos of damage",
        "Hi {{customer.name}},\n\nI'm sorry the item reached you damaged. Please reply with 2–3 photos of the damage and one of the shipping label on the box. As soon as I have them I'll start a replacement or refund.\n\n– {{agent.name}}",
        PENDING,
        &["damaged"],
    ),
    (
        "en",
        "Solved – anything else?",
        "Hi {{customer.name}},\n\nGlad that's sorted. I'm marking this as solved; just reply here if anything else comes up.\n\n– {{agent.name}}",
        Some(Status::Solved),
        &[],
    ),
    (
        "kn",
        "ಸ್ವಾಗತ",
        "ನಮಸ್ಕಾರ {{customer.name}} ಅವರೇ,\n\nನಮ್ಮನ್ನು ಸಂಪರ್ಕಿಸಿದ್ದಕ್ಕೆ ಧನ್ಯವಾದ. ನಾನು {{agent.name}}, ನಿಮ್ಮ ಸಮಸ್ಯೆಯನ್ನ ನಾನು ನೋಡಿಕೊಳ್ತೀನಿ.\n\n",
        None,
        &[],
    ),
    (
        "kn",
        "ತಡವಾದ delivery – ಕ್ಷಮೆ",
        "ನಮಸ್ಕಾರ {{customer.name}} ಅವರೇ,\n\nನಿಮ್ಮ order {{order.id}} ತಡವಾಗಿದ್ದಕ್ಕೆ ಕ್ಷಮಿಸಿ. Courier ಜೊತೆ ಮಾತಾಡಿದ್ದೀನಿ (tracking {{tracking.number}}), ಬೇಗ delivery ಮಾಡೋಕೆ ಹೇಳಿದ್ದೀನಿ. Update ಸಿಕ್ಕ ತಕ್ಷಣ ತಿಳಿಸ್ತೀನಿ.\n\n– {{agent.name}}",
        PENDING,
        &["late-delivery"],
    ),
    (
        "kn",
        "Refund ಶುರುವಾಗಿದೆ",
        "ನಮಸ್ಕಾರ {{customer.name}} ಅವರೇ,\n\nOrder {{order.id}} ನ refund ಶುರು ಮಾಡಿದ್ದೀವಿ. {{refund.days}} working days ಒಳಗೆ ನಿಮ್ಮ account ಗೆ ಬರುತ್ತೆ.\n\n– {{agent.name}}",
        PENDING,
        &["refund-initiated"],
    ),
    (
        "kn",
        "Return pickup ಮತ್ತೆ schedule",
        "ನಮಸ್ಕಾರ {{customer.name}} ಅವರೇ,\n\nOrder {{order.id}} ನ return pickup ಅನ್ನು ನಾಳೆಗೆ ಮತ್ತೆ schedule ಮಾಡಿದ್ದೀವಿ. Courier ಬರೋ ಮುಂಚೆ call ಮಾಡ್ತಾರೆ. ತೊಂದರೆಗೆ ಕ್ಷಮಿಸಿ.\n\n– {{agent.name}}",
        PENDING,
        &["return-pickup"],
    ),
    (
        "kn",
        "Damage ಫೋಟೋ ಕೇಳಿ",
        "ನಮಸ್ಕಾರ {{customer.name}} ಅವರೇ,\n\nಹೀಗಾಗಿದ್ದಕ್ಕೆ ಕ್ಷಮಿಸಿ. ದಯವಿಟ್ಟು damage ಆಗಿರೋ ಭಾಗದ 2–3 ಫೋಟೋ ಮತ್ತು box ಮೇಲಿನ shipping label ಫೋಟೋ ಇಲ್ಲೇ ಕಳಿಸಿ. ಫೋಟೋ ಸಿಕ್ಕ ತಕ್ಷಣ replacement ಅಥವಾ refund ಶುರು ಮಾಡ್ತೀನಿ.\n\n– {{agent.name}}",
        PENDING,
        &["damaged"],
    ),
    (
        "te",
        "స్వాగతం",
        "నమస్కారం {{customer.name}} గారు,\n\nమమ్మల్ని సంప్రదించినందుకు ధన్యవాదాలు. నేను {{agent.name}}, మీ సమస్యను నేను చూసుకుంటాను.\n\n",
        None,
        &[],
    ),
    (
        "te",
        "ఆలస్యమైన delivery – క్షమాపణ",
        "నమస్కారం {{customer.name}} గారు,\n\nమీ order {{order.id}} ఆలస్యమైనందుకు క్షమించండి. Courier తో మాట్లాడాను (tracking {{tracking.number}}), త్వరగా deliver చేయమని చెప్పాను. Update రాగానే తెలియజేస్తాను.\n\n– {{agent.name}}",
        PENDING,
        &["late-delivery"],
    ),
    (
        "te",
        "Refund మొదలైంది",
        "నమస్కారం {{customer.name}} గారు,\n\nOrder {{order.id}} refund మొదలుపెట్టాం. {{refund.days}} working days లో మీ account కి వస్తుంది.\n\n– {{agent.name}}",
        PENDING,
        &["refund-initiated"],
    ),
    (
        "te",
        "Return pickup మళ్ళీ schedule",
        "నమస్కారం {{customer.name}} గారు,\n\nOrder {{order.id}} return pickup ని రేపటికి మళ్ళీ schedule చేశాం. Courier వచ్చే ముందు call చేస్తారు. అసౌకర్యానికి క్షమించండి.\n\n– {{agent.name}}",
        PENDING,
        &["return-pickup"],
    ),
    (
        "te",
        "Damage ఫోటోలు అడగండి",
        "నమస్కారం {{customer.name}} గారు,\n\nఇలా జరిగినందుకు క్షమించండి. దెబ్బతిన్న భాగం 2–3 ఫోటోలు, box మీద shipping label ఫోటో ఇక్కడే పంపండి. ఫోటోలు అందగానే replacement లేదా refund మొదలుపెడతాను.\n\n– {{agent.name}}",
        PENDING,
        &["damaged"],
    ),
    (
        "ne",
        "स्वागत",
        "नमस्ते {{customer.name}} जी,\n\nहामीलाई सम्पर्क गर्नुभएकोमा धन्यवाद। म {{agent.name}}, तपाईंको समस्या म हेर्छु।\n\n",
        None,
        &[],
    ),
    (
        "ne",
        "ढिलो डेलिभरी – माफी",
        "नमस्ते {{customer.name}} जी,\n\nतपाईंको अर्डर {{order.id}} ढिलो भएकोमा माफ गर्नुहोला। कुरियरसँग कुरा गरेको छु (ट्र्याकिङ {{tracking.number}}), छिटो डेलिभरी गर्न भनेको छु। जानकारी पाउनेबित्तिकै खबर गर्छु।\n\n– {{agent.name}}",
        PENDING,
        &["late-delivery"],
    ),
    (
        "ne",
        "रिफन्ड सुरु भयो",
        "नमस्ते {{customer.name}} जी,\n\nअर्डर {{order.id}} को रिफन्ड सुरु भएको छ। {{refund.days}} कार्य दिनभित्र तपाईंको खातामा आइपुग्छ।\n\n– {{agent.name}}",
        PENDING,
        &["refund-initiated"],
    ),
    (
        "ne",
        "रिटर्न पिकअप फेरि मिलाइयो",
        "नमस्ते {{customer.name}} जी,\n\nअर्डर {{order.id}} को रिटर्न पिकअप भोलिका लागि फेरि मिलाइएको छ। कुरियरले आउनुअघि फोन गर्नुहुन्छ। असुविधाको लागि माफ गर्नुहोला।\n\n– {{agent.name}}",
        PENDING,
        &["return-pickup"],
    ),
    (
        "ne",
        "बिग्रेको सामानको फोटो माग्ने",
        "नमस्ते {{customer.name}} जी,\n\nयस्तो भएकोमा माफ गर्नुहोला। बिग्रेको भागको २–३ वटा फोटो र बाकसमाथिको लेबलको फोटो यहीँ पठाइदिनुहोस्। फोटो पाउनेबित्तिकै रिप्लेसमेन्ट वा रिफन्ड सुरु गर्छु।\n\n– {{agent.name}}",
        PENDING,
        &["damaged"],
    ),
    // Wrong size: an exchange for the right one. Its tags say which
    // intents it answers (wrong item, exchange for another size).
    (
        "en",
        "Wrong size – free exchange",
        "Hi {{customer.name}},\n\nSorry the size of order {{order.id}} is not right. I've arranged a free exchange: the courier will pick up the item and bring the size you need. Please keep the tags and the box.\n\n– {{agent.name}}",
        PENDING,
        &["wrong-size", "exchange"],
    ),
    (
        "kn",
        "ತಪ್ಪು ಗಾತ್ರ – ಉಚಿತ ವಿನಿಮಯ",
        "ನಮಸ್ಕಾರ {{customer.name}},\n\nಆರ್ಡರ್ {{order.id}} ಗಾತ್ರ ಸರಿಯಾಗಿಲ್ಲದಕ್ಕೆ ಕ್ಷಮಿಸಿ. ಉಚಿತ ವಿನಿಮಯ ವ್ಯವಸ್ಥೆ ಮಾಡಿದ್ದೇನೆ: ಕೊರಿಯರ್ ವಸ್ತುವನ್ನು ತೆಗೆದುಕೊಂಡು ನಿಮಗೆ ಬೇಕಾದ ಗಾತ್ರವನ್ನು ತರುತ್ತಾರೆ. ಟ್ಯಾಗ್ ಮತ್ತು ಬಾಕ್ಸ್ ಇಟ್ಟುಕೊಳ್ಳಿ.\n\n– {{agent.name}}",
        PENDING,
        &["wrong-size", "exchange"],
    ),
    (
        "te",
        "తప్పు సైజు – ఉచిత మార్పిడి",
        "నమస్కారం {{customer.name}},\n\nఆర్డర్ {{order.id}} సైజు సరిగా లేనందుకు క్షమించండి. ఉచిత మార్పిడి ఏర్పాటు చేశాను: కొరియర్ వస్తువును తీసుకెళ్లి మీకు కావలసిన సైజు తెస్తారు. ట్యాగ్‌లు, బాక్స్ దగ్గర ఉంచుకోండి.\n\n– {{agent.name}}",
        PENDING,
        &["wrong-size", "exchange"],
    ),
    (
        "ne",
        "गलत साइज – निःशुल्क साटफेर",
        "नमस्ते {{customer.name}} जी,\n\nअर्डर {{order.id}} को साइज नमिलेकोमा माफ गर्नुहोला। निःशुल्क साटफेर मिलाएको छु: कुरियरले सामान लैजान्छ र तपाईंलाई चाहिने साइज ल्याइदिन्छ। ट्याग र बाकस राखिराख्नुहोस्।\n\n– {{agent.name}}",
        PENDING,
        &["wrong-size", "exchange"],
    ),
    (
        "hi",
        "स्वागत",
        "नमस्ते {{customer.name}} जी,\n\nहमसे संपर्क करने के लिए शुक्रिया। आपकी मदद के लिए मैं, {{agent.name}}, यहाँ हूँ।\n\n",
        None,
        &[],
    ),
    (
        "hi",
        "देर से डिलीवरी – माफ़ी",
        "नमस्ते {{customer.name}} जी,\n\nआपका ऑर्डर {{order.id}} देर से पहुँच रहा है, इसके लिए माफ़ी चाहते हैं। मैंने कूरियर से बात की है (ट्रैकिंग {{tracking.number}}) और जल्दी डिलीवरी के लिए कहा है। जैसे ही कोई खबर मिलेगी, हम आपको बताएँगे।\n\n– {{agent.name}}",
        PENDING,
        &["late-delivery"],
    ),
    (
        "hi",
        "रिफ़ंड शुरू हो गया",
        "नमस्ते {{customer.name}} जी,\n\nऑर्डर {{order.id}} का रिफ़ंड शुरू कर दिया गया है। {{refund.days}} कामकाजी दिनों के अंदर पैसा आपके खाते में आ जाएगा।\n\n– {{agent.name}}",
        PENDING,
        &["refund-initiated"],
    ),
    (
        "hi",
        "रिटर्न पिकअप दोबारा तय",
        "नमस्ते {{customer.name}} जी,\n\nऑर्डर {{order.id}} का रिटर्न पिकअप कल के लिए दोबारा तय कर दिया गया है। कूरियर आने से पहले आपको फ़ोन करेंगे। असुविधा के लिए माफ़ी चाहते हैं।\n\n– {{agent.name}}",
        PENDING,
        &["return-pickup"],
    ),
    (
        "hi",
        "टूटे सामान की फ़ोटो माँगें",
        "नमस्ते {{customer.name}} जी,\n\nसामान टूटा हुआ पहुँचा, इसका हमें अफ़सोस है। कृपया टूटे हिस्से की 2–3 फ़ोटो और डिब्बे पर लगे लेबल की एक फ़ोटो यहीं भेज दीजिए। फ़ोटो मिलते ही बदली या रिफ़ंड शुरू कर दिया जाएगा।\n\n– {{agent.name}}",
        PENDING,
        &["damaged"],
    ),
    (
        "hi",
        "हल हो गया – और कुछ?",
        "नमस्ते {{customer.name}} जी,\n\nखुशी है कि बात सुलझ गई। इसे हल मानकर बंद कर रहे हैं; कुछ और हो तो यहीं जवाब दीजिए।\n\n– {{agent.name}}",
        Some(Status::Solved),
        &[],
    ),
    (
        "hi",
        "गलत साइज़ – मुफ़्त बदली",
        "नमस्ते {{customer.name}} जी,\n\nऑर्डर {{order.id}} का साइज़ सही नहीं निकला, माफ़ी चाहते हैं। मैंने मुफ़्त बदली करवा दी है: कूरियर सामान ले जाएगा और आपको सही साइज़ दे जाएगा। कृपया टैग और डिब्बा संभालकर रखिए।\n\n– {{agent.name}}",
        PENDING,
        &["wrong-size", "exchange"],
    ),
];

pub(super) fn macros() -> Vec<Macro> {
    MACROS
        .iter()
        .enumerate()
        .map(|(i, (language, name, body, set_status, tags))| Macro {
            id: i as i64 + 1,
            name: name.to_string(),
            language: language.to_string(),
            body: body.to_string(),
            set_status: *set_status,
            add_tags: tags.iter().map(|t| t.to_string()).collect(),
            deleted: false,
        })
        .collect()
}

/// Survey comments: (language, mood, text) with mood 2 happy, 1 so-so, 0 unhappy.
pub(super) const COMMENTS: &[(&str, u8, &str)] = &[
    ("en", 2, "Sorted out in one call. Thank you!"),
    ("en", 2, "Quick refund, didn't have to follow up even once."),
    ("en", 2, "Very polite and explained everything clearly."),
    ("en", 2, "Replacement came in 3 days. Great service."),
    (
        "en",
        2,
        "Good prices and the app is easy to use, already told my friends.",
    ),
    ("en", 1, "Issue solved but it took three follow-ups."),
    ("en", 1, "OK, but the courier is still the weak link."),
    (
        "en",
        1,
        "Fine. The app should show the refund status though.",
    ),
    (
        "en",
        0,
        "Still waiting for my refund. Closing the ticket doesn't fix it.",
    ),
    ("en", 0, "Pickup missed twice and nobody called back."),
    (
        "en",
        0,
        "Copy-paste replies, nobody actually read my message.",
    ),
    ("kn", 2, "ತುಂಬಾ ಬೇಗ ಸಮಸ್ಯೆ ಬಗೆಹರಿಸಿದ್ರಿ, ಧನ್ಯವಾದ 🙏"),
    ("kn", 2, "ಕನ್ನಡದಲ್ಲೇ ಮಾತಾಡಿದ್ದು ತುಂಬಾ ಖುಷಿ ಆಯ್ತು."),
    ("kn", 2, "Refund ಎರಡೇ ದಿನದಲ್ಲಿ ಬಂತು, super service."),
    ("kn", 2, "ನಮ್ಮ ಮನೆಯವರೆಲ್ಲಾ ಇಲ್ಲೇ order ಮಾಡ್ತೀವಿ, ಒಳ್ಳೆ service."),
    ("kn", 1, "ಸಮಸ್ಯೆ ಬಗೆಹರೀತು, ಆದರೆ ಮೂರು ಸಲ message ಮಾಡಬೇಕಾಯ್ತು."),
    ("kn", 1, "ಪರವಾಗಿಲ್ಲ, courier service ಇನ್ನೂ ಸುಧಾರಿಸಬೇಕು."),
    (
        "kn",
        0,
        "Pickup ಗೆ ಯಾರೂ ಬರಲಿಲ್ಲ, ಆದ್ರೂ ticket close ಮಾಡಿಬಿಟ್ರಿ. ಬೇಜಾರಾಯ್ತು.",
    ),
    ("kn", 0, "ಇನ್ನೂ refund ಬಂದಿಲ್ಲ, ಸುಮ್ಮನೆ solved ಅಂತ ಹಾಕಿದ್ದೀರಾ."),
    ("te", 2, "చాలా త్వరగా సమస్య పరిష్కరించారు, ధన్యవాదాలు 🙏"),
    ("te", 2, "తెలుగులో మాట్లాడినందుకు చాలా సంతోషం."),
    ("te", 2, "Refund రెండు రోజుల్లోనే వచ్చింది, super."),
    ("te", 2, "మా ఇంట్లో అందరం ఇక్కడే order చేస్తాం, మంచి service."),
    ("te", 1, "సమస్య తీరింది కానీ మూడు సార్లు message చేయాల్సి వచ్చింది."),
    ("te", 1, "పర్వాలేదు, courier service ఇంకా మెరుగుపడాలి."),
    ("te", 0, "Pickup కి ఎవరూ రాలేదు, అయినా ticket close చేశారు."),
    ("te", 0, "ఇంకా refund రాలేదు, solved అని ఎలా పెట్టారు?"),
    ("ne", 2, "धेरै छिटो समस्या समाधान गरिदिनुभयो, धन्यवाद 🙏"),
    ("ne", 2, "नेपालीमै कुरा गर्न पाउँदा राम्रो लाग्यो।"),
    ("ne", 2, "रिफन्ड दुई दिनमै आयो, सेवा राम्रो छ।"),
    ("ne", 2, "साथीहरूलाई पनि यहीँबाट किन्न भनेको छु।"),
    ("ne", 1, "समस्या त सल्टियो, तर तीन पटक मेसेज गर्नुपर्यो।"),
    ("ne", 1, "ठिकै छ, कुरियरको सेवा अझै सुधार्नुपर्छ।"),
    ("ne", 0, "पिकअपमा कोही आएनन्, तैपनि टिकट बन्द गरियो।"),
    ("ne", 0, "अझै पैसा फिर्ता आएको छैन, किन solved लेख्नुभयो?"),
];
