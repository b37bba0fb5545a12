//! Made-up inbound customer messages for `--simulate-traffic`: short first
//! messages as people send them on WhatsApp, Messenger, chat or email, in the
//! customer's language when the customer is one of the demo ones (English,
//! Kannada, Telugu, Nepali, mixed and romanised script).

use rand::Rng;
use rand::seq::IndexedRandom;

use super::content::{customer_channels, customer_language};
use sahaya_protocol::domain::Channel;

/// A new message from a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoInbound {
    /// Index into the customers (in id order); always below `customers`.
    pub customer_index: usize,
    pub channel: Channel,
    pub subject: String,
    pub body: String,
}

/// (subject, body) per language. `{n}` becomes a six-digit order number.
const EN: &[(&str, &str)] = &[
    (
        "Where is my order?",
        "Hi, order OD-{n} was supposed to arrive yesterday. Tracking hasn't moved since Monday. Please check.",
    ),
    (
        "Refund not received",
        "I returned the shoes 8 days ago and the refund still isn't in my account. Order OD-{n}.",
    ),
    (
        "Payment failed but amount debited",
        "Paid by UPI, money got debited but the app shows payment failed. What do I do now?",
    ),
    (
        "Wrong item delivered",
        "I ordered a blue kurta in M and got a green one in XL 🙄 Order OD-{n}.",
    ),
    (
        "Pickup didn't happen",
        "Return pickup was scheduled for today, nobody came and now it says 'customer not available'.",
    ),
    (
        "Change address",
        "Can you deliver OD-{n} to my office instead? Same pincode.",
    ),
    (
        "Cancel order",
        "Please cancel OD-{n}, ordered twice by mistake.",
    ),
    (
        "Invoice",
        "Need the GST invoice for my last order, the download link is broken.",
    ),
    (
        "Damaged product",
        "Mixer jar arrived cracked. Photos attached. Order OD-{n}.",
    ),
    (
        "COD not available",
        "Why is COD not showing for my pincode 560102?",
    ),
];

const KN: &[(&str, &str)] = &[
    ("Order ಇನ್ನೂ ಬಂದಿಲ್ಲ", "Order OD-{n} ಇನ್ನೂ ಬಂದಿಲ್ಲ, please check 🙏"),
    (
        "Refund ಎಲ್ಲಿ?",
        "Return ಮಾಡಿ ಒಂದು ವಾರ ಆಯ್ತು, refund ಇನ್ನೂ ಬಂದಿಲ್ಲ. ಯಾವಾಗ ಬರುತ್ತೆ?",
    ),
    (
        "ದುಡ್ಡು ಕಟ್ ಆಗಿದೆ",
        "UPI ಇಂದ ದುಡ್ಡು ಕಟ್ ಆಗಿದೆ ಆದರೆ order confirm ಆಗಿಲ್ಲ. ದಯವಿಟ್ಟು ನೋಡಿ.",
    ),
    (
        "ಸೈಜ್ ಸರಿ ಇಲ್ಲ",
        "ಕುರ್ತಾ ಸೈಜ್ ತುಂಬಾ ಚಿಕ್ಕದು, ಒಂದು size ದೊಡ್ಡದು ಬೇಕು. Exchange ಮಾಡ್ಕೊಡಿ.",
    ),
    (
        "Pickup ಗೆ ಯಾರೂ ಬರಲಿಲ್ಲ",
        "ಇವತ್ತು pickup ಇತ್ತು, ಯಾರೂ ಬರಲಿಲ್ಲ. ನಾಳೆ ಸಂಜೆ ಕಳಿಸಿ.",
    ),
    (
        "delivery yavaga?",
        "namaskara, nanna parcel innu bandilla. delivery yavaga aagutte?",
    ),
    ("ಒಡೆದು ಬಂದಿದೆ", "Glass set ಒಡೆದು ಬಂದಿದೆ 😞 ಫೋಟೋ ಕಳಿಸ್ತೀನಿ."),
];

const TE: &[(&str, &str)] = &[
    ("Order ఇంకా రాలేదు", "నా order OD-{n} ఇంకా రాలేదు. ఎప్పుడు వస్తుంది?"),
    ("Refund రాలేదు", "Return చేసి 10 రోజులు అయింది, refund ఇంకా రాలేదు."),
    (
        "డబ్బులు కట్ అయ్యాయి",
        "PhonePe తో pay చేశాను, డబ్బులు కట్ అయ్యాయి కానీ order అవ్వలేదు.",
    ),
    ("Size సరిపోలేదు", "Shoes size 9 చిన్నగా ఉన్నాయి, 10 కి exchange చేయండి."),
    (
        "Pickup రాలేదు",
        "Return pickup కి ఎవరూ రాలేదు, రెండు రోజులు ఎదురుచూశాను.",
    ),
    (
        "order eppudu?",
        "anna naa order OD-{n} inka raaledu, konchem check cheyyandi",
    ),
    ("పగిలిన cooker", "Cooker మూత పగిలిపోయి వచ్చింది. Replacement కావాలి."),
];

const NE: &[(&str, &str)] = &[
    ("अर्डर अझै आएन", "मेरो अर्डर OD-{n} अझै आएन। कहिले आउँछ?"),
    ("पैसा फिर्ता आएन", "सामान फिर्ता गरेको एक हप्ता भयो, पैसा अझै आएन।"),
    (
        "eSewa बाट पैसा काटियो",
        "eSewa बाट पैसा काटियो तर अर्डर कन्फर्म भएन। हेरिदिनुस् न।",
    ),
    ("साइज मिलेन", "जुत्ता सानो भयो, एक साइज ठूलो चाहियो।"),
    ("पिकअप आएन", "आज पिकअप आउँछ भनेको थियो, कोही आएनन्।"),
    (
        "order kaile aaucha",
        "dai mero order OD-{n} kaile samma aaucha? 5 din bhayo",
    ),
    ("फुटेको सामान", "ऐना फुटेर आयो 😞 फोटो पठाउँछु।"),
];

fn pool(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "kn" => KN,
        "te" => TE,
        "ne" => NE,
        _ => EN,
    }
}

/// A plausible new inbound message from one of `customers` customers.
/// `customers` should be at least 1; with 0 the index is 0.
pub fn inbound_sample(rng: &mut impl Rng, customers: usize) -> DemoInbound {
    let customer_index = rng.random_range(0..customers.max(1));
    let lang = customer_language(customer_index)
        .unwrap_or_else(|| ["en", "kn", "te", "ne"][rng.random_range(0..4)]);
    let mut channels = customer_channels(customer_index);
    if channels.is_empty() {
        channels = vec![
            Channel::Email,
            Channel::WhatsApp,
            Channel::Chat,
            Channel::Facebook,
            Channel::Instagram,
        ];
    }
    let channel = channels.choose(rng).copied().unwrap_or(Channel::Chat);
    let (subject, body) = pool(lang).choose(rng).copied().unwrap_or(EN[0]);
    let n = rng.random_range(100_000..170_000).to_string();
    DemoInbound {
        customer_index,
        channel,
        subject: subject.to_string(),
        body: body.replace("{n}", &n),
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    #[test]
    fn index_in_range_and_text_filled() {
        let mut rng = StdRng::seed_from_u64(7);
        for customers in [1usize, 3, 66, 1000] {
            for _ in 0..200 {
                let s = inbound_sample(&mut rng, customers);
                assert!(s.customer_index < customers);
                assert!(!s.subject.is_empty() && !s.body.is_empty());
                assert!(!s.body.contains("{n}"));
            }
        }
        assert_eq!(inbound_sample(&mut rng, 0).customer_index, 0);
    }

    #[test]
    fn languages_vary_and_match_demo_customers() {
        let mut rng = StdRng::seed_from_u64(11);
        let mut seen = [false; 3];
        for _ in 0..400 {
            let s = inbound_sample(&mut rng, 66);
            let text = format!("{}{}", s.subject, s.body);
            let kn = text.chars().any(|c| ('\u{0C80}'..='\u{0CFF}').contains(&c));
            let te = text.chars().any(|c| ('\u{0C00}'..='\u{0C7F}').contains(&c));
            let ne = text.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
            seen[0] |= kn;
            seen[1] |= te;
            seen[2] |= ne;
            if kn || te || ne {
                let lang = customer_language(s.customer_index).unwrap();
                assert_eq!(
                    lang,
                    if kn {
                        "kn"
                    } else if te {
                        "te"
                    } else {
                        "ne"
                    }
                );
            }
            assert!(customer_channels(s.customer_index).contains(&s.channel));
        }
        assert_eq!(seen, [true; 3]);
    }
}
