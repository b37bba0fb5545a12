//! What a survey says, in the customer's language (en, kn, te, ne, hi; other
//! languages get English). The customer answers with a number; the bridges
//! read ASCII and native digits alike.

/// (first question, second question when NPS is asked too) per language.
/// `{subject}` is the ticket's subject.
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "en",
        "How did we do with “{subject}”? Reply with a number from 1 (poor) to 5 (excellent). You can add a comment after the number.",
        "And how likely are you to recommend us to a friend, from 0 (not at all) to 10 (certainly)? Put that second number after the first, for example “5 9”.",
    ),
    (
        "kn",
        "“{subject}” ಬಗ್ಗೆ ನಮ್ಮ ಸಹಾಯ ಹೇಗಿತ್ತು? 1 (ಚೆನ್ನಾಗಿರಲಿಲ್ಲ) ರಿಂದ 5 (ಅತ್ಯುತ್ತಮ) ರವರೆಗಿನ ಒಂದು ಸಂಖ್ಯೆಯನ್ನು ಉತ್ತರವಾಗಿ ಕಳುಹಿಸಿ. ಸಂಖ್ಯೆಯ ನಂತರ ನಿಮ್ಮ ಅಭಿಪ್ರಾಯವನ್ನೂ ಬರೆಯಬಹುದು.",
        "ನಮ್ಮನ್ನು ನಿಮ್ಮ ಸ್ನೇಹಿತರಿಗೆ ಶಿಫಾರಸು ಮಾಡುವ ಸಾಧ್ಯತೆ 0 (ಇಲ್ಲವೇ ಇಲ್ಲ) ರಿಂದ 10 (ಖಂಡಿತ) ರಲ್ಲಿ ಎಷ್ಟು? ಆ ಎರಡನೇ ಸಂಖ್ಯೆಯನ್ನು ಮೊದಲನೆಯದರ ನಂತರ ಬರೆಯಿರಿ, ಉದಾಹರಣೆಗೆ “5 9”.",
    ),
    (
        "te",
        "“{subject}” విషయంలో మా సహాయం ఎలా ఉంది? 1 (బాగాలేదు) నుండి 5 (అద్భుతం) వరకు ఒక సంఖ్యను జవాబుగా పంపండి. సంఖ్య తర్వాత మీ అభిప్రాయం కూడా రాయవచ్చు.",
        "మమ్మల్ని మీ స్నేహితులకు సిఫార్సు చేసే అవకాశం 0 (అస్సలు లేదు) నుండి 10 (తప్పకుండా) లో ఎంత? ఆ రెండో సంఖ్యను మొదటి దాని తర్వాత రాయండి, ఉదాహరణకు “5 9”.",
    ),
    (
        "ne",
        "“{subject}” बारे हाम्रो सहयोग कस्तो लाग्यो? १ (राम्रो भएन) देखि ५ (उत्कृष्ट) सम्मको एउटा अङ्क जवाफमा पठाउनुहोस्। अङ्कपछि आफ्नो राय पनि लेख्न सक्नुहुन्छ।",
        "हामीलाई साथीलाई सिफारिस गर्ने सम्भावना ० (पटक्कै छैन) देखि १० (पक्कै) मा कति छ? त्यो दोस्रो अङ्क पहिलोपछि लेख्नुहोस्, जस्तै “५ ९”।",
    ),
    (
        "hi",
        "“{subject}” के बारे में हमारी मदद कैसी रही? 1 (अच्छी नहीं) से 5 (बहुत बढ़िया) तक कोई एक अंक जवाब में भेजें। अंक के बाद अपनी राय भी लिख सकते हैं।",
        "आप हमें किसी दोस्त को सुझाएँगे, इसकी संभावना 0 (बिल्कुल नहीं) से 10 (ज़रूर) तक कितनी है? वह दूसरा अंक पहले वाले के बाद लिखें, जैसे “5 9”।",
    ),
];

/// The survey's text for a customer speaking `language` (BCP 47, so
/// `kn-IN` reads as `kn`).
pub fn survey_text(language: &str, subject: &str, nps: bool) -> String {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let (_, csat, nps_text) = TEXTS
        .iter()
        .find(|(code, _, _)| *code == primary)
        .unwrap_or(&TEXTS[0]);
    let subject: String = subject.chars().filter(|c| !c.is_control()).collect();
    let mut text = csat.replace("{subject}", subject.trim());
    if nps {
        text.push_str("\n\n");
        text.push_str(nps_text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_own_text_and_others_get_english() {
        let en = survey_text("en", "Late parcel", false);
        assert!(
            en.contains("“Late parcel”") && en.contains("1 (poor)"),
            "{en}"
        );
        for code in ["kn", "te", "ne", "hi"] {
            let text = survey_text(code, "x", true);
            assert_ne!(text, survey_text("en", "x", true), "{code}");
            assert!(text.contains("\n\n"), "{code}: NPS question added");
        }
        assert_eq!(
            survey_text("kn-IN", "x", false),
            survey_text("kn", "x", false)
        );
        assert_eq!(survey_text("ta", "x", false), survey_text("en", "x", false));
        assert!(!survey_text("en", "a\u{1b}[2Jb", false).contains('\u{1b}'));
    }
}
