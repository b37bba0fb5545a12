//! Support words as agents type them, key by key through the incremental
//! API into a [`TextBuffer`], with the text that must come out.

use super::{Script, Transliterator, transliterate};
use crate::cluster::{ends_in_joiner, is_cluster_boundary};
use crate::editor::TextBuffer;

const KANNADA: &[(&str, &str)] = &[
    ("ArDar", "ಆರ್ಡರ್"),
    ("aarDar", "ಆರ್ಡರ್"),
    ("paarsel", "ಪಾರ್ಸೆಲ್"),
    ("rIphanD", "ರೀಫಂಡ್"),
    ("reefanD", "ರೀಫಂಡ್"),
    ("Delivari", "ಡೆಲಿವರಿ"),
    ("riTarn", "ರಿಟರ್ನ್"),
    ("vaapas", "ವಾಪಸ್"),
    ("hintirugisi", "ಹಿಂತಿರುಗಿಸಿ"),
    ("kyaansal", "ಕ್ಯಾನ್ಸಲ್"),
    ("raddu", "ರದ್ದು"),
    ("aDres", "ಅಡ್ರೆಸ್"),
    ("viLaasa", "ವಿಳಾಸ"),
    ("pEmenT", "ಪೇಮೆಂಟ್"),
    ("paavati", "ಪಾವತಿ"),
    ("koriyar", "ಕೊರಿಯರ್"),
    ("Tryaaking", "ಟ್ರ್ಯಾಕಿಂಗ್"),
    ("ekschEnj", "ಎಕ್ಸ್ಚೇಂಜ್"),
    ("badalaavaNe", "ಬದಲಾವಣೆ"),
    ("saiz", "ಸೈಜ್"),
    ("gaatra", "ಗಾತ್ರ"),
    ("DyaamEj", "ಡ್ಯಾಮೇಜ್"),
    ("haaLaagide", "ಹಾಳಾಗಿದೆ"),
    ("kShamisi", "ಕ್ಷಮಿಸಿ"),
    ("xamisi", "ಕ್ಷಮಿಸಿ"),
    ("dhanyavaadagaLu", "ಧನ್ಯವಾದಗಳು"),
    ("naaLe", "ನಾಳೆ"),
    ("indu", "ಇಂದು"),
    ("ivattu", "ಇವತ್ತು"),
    ("dinagaLu", "ದಿನಗಳು"),
    ("dayaviTTu", "ದಯವಿಟ್ಟು"),
    ("dayaviTTu kaayiri", "ದಯವಿಟ್ಟು ಕಾಯಿರಿ"),
    ("swalpa", "ಸ್ವಲ್ಪ"),
    ("haNa", "ಹಣ"),
    ("roopaayi", "ರೂಪಾಯಿ"),
    ("grAhaka", "ಗ್ರಾಹಕ"),
    ("sEve", "ಸೇವೆ"),
    ("samasye", "ಸಮಸ್ಯೆ"),
    ("sahaaya", "ಸಹಾಯ"),
    ("maahiti", "ಮಾಹಿತಿ"),
    ("sankhye", "ಸಂಖ್ಯೆ"),
    ("fOn nambar", "ಫೋನ್ ನಂಬರ್"),
    ("baruttade", "ಬರುತ್ತದೆ"),
    ("taluputtade", "ತಲುಪುತ್ತದೆ"),
    ("kaLuhisalaagide", "ಕಳುಹಿಸಲಾಗಿದೆ"),
    ("khaate", "ಖಾತೆ"),
    ("byaank", "ಬ್ಯಾಂಕ್"),
    ("kaarD", "ಕಾರ್ಡ್"),
    ("aaphar", "ಆಫರ್"),
    ("DiskaunT", "ಡಿಸ್ಕೌಂಟ್"),
    ("koopan", "ಕೂಪನ್"),
    ("TikeT", "ಟಿಕೆಟ್"),
    ("sTETas", "ಸ್ಟೇಟಸ್"),
    ("penDing", "ಪೆಂಡಿಂಗ್"),
    ("vaaranTi", "ವಾರಂಟಿ"),
    ("Bil", "ಬಿಲ್"),
    ("invaays", "ಇನ್ವಾಯ್ಸ್"),
    ("nimma", "ನಿಮ್ಮ"),
    ("nimage", "ನಿಮಗೆ"),
    ("ellide", "ಎಲ್ಲಿದೆ"),
    ("eShTu", "ಎಷ್ಟು"),
    ("yaavaaga", "ಯಾವಾಗ"),
    ("sariyaagi", "ಸರಿಯಾಗಿ"),
    ("bEku", "ಬೇಕು"),
    ("bEDa", "ಬೇಡ"),
    ("bengaLooru", "ಬೆಂಗಳೂರು"),
    ("ganTe", "ಗಂಟೆ"),
    ("nimiSha", "ನಿಮಿಷ"),
    ("vaara", "ವಾರ"),
    ("imEl", "ಇಮೇಲ್"),
    ("mesEj", "ಮೆಸೇಜ್"),
    ("viLambavaagide", "ವಿಳಂಬವಾಗಿದೆ"),
    ("samparkisi", "ಸಂಪರ್ಕಿಸಿ"),
    ("kampani", "ಕಂಪನಿ"),
    ("sandEsha", "ಸಂದೇಶ"),
    ("Oke", "ಓಕೆ"),
    ("kRpe", "ಕೃಪೆ"),
    ("tumba", "ತುಂಬ"),
    ("ondu", "ಒಂದು"),
    ("eraDu", "ಎರಡು"),
    ("duHkha", "ದುಃಖ"),
    ("`OTP kaLuhisi", "OTP ಕಳುಹಿಸಿ"),
    ("ArDar 1042 baruttade.", "ಆರ್ಡರ್ 1042 ಬರುತ್ತದೆ."),
];

const TELUGU: &[(&str, &str)] = &[
    ("ArDar", "ఆర్డర్"),
    ("paarsel", "పార్సెల్"),
    ("rIfaMD", "రీఫండ్"),
    ("rIphanD", "రీఫండ్"),
    ("DelivarI", "డెలివరీ"),
    ("riTarn", "రిటర్న్"),
    ("kyaansil", "క్యాన్సిల్"),
    ("raddu", "రద్దు"),
    ("aDras", "అడ్రస్"),
    ("chirunaamaa", "చిరునామా"),
    ("pEmenT", "పేమెంట్"),
    ("chellimpu", "చెల్లింపు"),
    ("koriyar", "కొరియర్"),
    ("Traaking", "ట్రాకింగ్"),
    ("ekschEnj", "ఎక్స్చేంజ్"),
    ("saiz", "సైజ్"),
    ("DyaamEj", "డ్యామేజ్"),
    ("paaDaipOyindi", "పాడైపోయింది"),
    ("kShaminchanDi", "క్షమించండి"),
    ("kShamiMchaMDi", "క్షమించండి"),
    ("dhanyavaadaalu", "ధన్యవాదాలు"),
    ("rEpu", "రేపు"),
    ("IrOju", "ఈరోజు"),
    ("eerOju", "ఈరోజు"),
    ("rOjulu", "రోజులు"),
    ("dayachEsi", "దయచేసి"),
    ("dayachEsi vEchi unDanDi", "దయచేసి వేచి ఉండండి"),
    ("konchem", "కొంచెం"),
    ("samayam", "సమయం"),
    ("sahaayam", "సహాయం"),
    ("samasya", "సమస్య"),
    ("kasTamar", "కస్టమర్"),
    ("sapOrT", "సపోర్ట్"),
    ("Dabbulu", "డబ్బులు"),
    ("rUpaayalu", "రూపాయలు"),
    ("vastundi", "వస్తుంది"),
    ("pampaamu", "పంపాము"),
    ("chEyanDi", "చేయండి"),
    ("meeku", "మీకు"),
    ("naaku", "నాకు"),
    ("ekkaDa", "ఎక్కడ"),
    ("eppuDu", "ఎప్పుడు"),
    ("enta", "ఎంత"),
    ("tvaralO", "త్వరలో"),
    ("khaataa", "ఖాతా"),
    ("byaank", "బ్యాంక్"),
    ("kaarD", "కార్డ్"),
    ("aaphar", "ఆఫర్"),
    ("DiskaunT", "డిస్కౌంట్"),
    ("kUpan", "కూపన్"),
    ("TikeT", "టికెట్"),
    ("sTETas", "స్టేటస్"),
    ("penDing", "పెండింగ్"),
    ("ShipmenT", "షిప్మెంట్"),
    ("vaaranTI", "వారంటీ"),
    ("billu", "బిల్లు"),
    ("invaayis", "ఇన్వాయిస్"),
    ("fOn nambar", "ఫోన్ నంబర్"),
    ("mesEj", "మెసేజ్"),
    ("Imeyil", "ఈమెయిల్"),
    ("aalasyam", "ఆలస్యం"),
    ("dhara", "ధర"),
    ("vaaram", "వారం"),
    ("ganTalu", "గంటలు"),
    ("nimiShaalu", "నిమిషాలు"),
    ("sarE", "సరే"),
    ("kaadu", "కాదు"),
    ("avunu", "అవును"),
    ("Haidaraabaad", "హైదరాబాద్"),
    ("kotta", "కొత్త"),
    ("tirigi", "తిరిగి"),
    ("pampistaamu", "పంపిస్తాము"),
    ("kRtaGYatalu", "కృతజ్ఞతలు"),
    ("vivaraalu", "వివరాలు"),
    ("OkE", "ఓకే"),
    ("sisTam_", "సిస్టమ్"),
    ("`UPI dvaaraa", "UPI ద్వారా"),
    ("ArDar 1042 vastundi.", "ఆర్డర్ 1042 వస్తుంది."),
];

/// Nepali first, then Hindi where the words differ.
const DEVANAGARI: &[(&str, &str)] = &[
    ("arDar", "अर्डर"),
    ("OrDar", "ऑर्डर"),
    ("paarsal", "पार्सल"),
    ("riphanD", "रिफन्ड"),
    ("riphaMD", "रिफंड"),
    ("DelibharI", "डेलिभरी"),
    ("DilIvarI", "डिलीवरी"),
    ("riTarn", "रिटर्न"),
    ("phirtA", "फिर्ता"),
    ("kyAnsal", "क्यान्सल"),
    ("radd", "रद्द"),
    ("ThegAnA", "ठेगाना"),
    ("patA", "पता"),
    ("bhuktAnI", "भुक्तानी"),
    ("bhugatAn", "भुगतान"),
    ("kuriyar", "कुरियर"),
    ("TryAkiNG", "ट्र्याकिङ"),
    ("TraikiMg", "ट्रैकिंग"),
    ("ekschenj", "एक्स्चेन्ज"),
    ("eksacheMj", "एक्सचेंज"),
    ("sAij", "साइज"),
    ("DyAmej", "ड्यामेज"),
    ("kharAb", "खराब"),
    ("mAph garnuhos_", "माफ गर्नुहोस्"),
    ("kShamA", "क्षमा"),
    ("dhanyavAd", "धन्यवाद"),
    ("bholi", "भोलि"),
    ("kal", "कल"),
    ("Aj", "आज"),
    ("din", "दिन"),
    ("kRpayA", "कृपया"),
    ("kRpayA parkhanuhos_", "कृपया पर्खनुहोस्"),
    ("pratIkShA", "प्रतीक्षा"),
    ("kRpayA pratIkShA kareM", "कृपया प्रतीक्षा करें"),
    ("grAhak", "ग्राहक"),
    ("sevA", "सेवा"),
    ("samasyA", "समस्या"),
    ("sahAyatA", "सहायता"),
    ("jAnakArI", "जानकारी"),
    ("phon nambar", "फोन नम्बर"),
    ("naMbar", "नंबर"),
    ("paisA", "पैसा"),
    ("rupaiyA~", "रुपैयाँ"),
    ("rupaye", "रुपये"),
    ("paThAiyo", "पठाइयो"),
    ("Aunechha", "आउनेछ"),
    ("pugchha", "पुग्छ"),
    ("hunchha", "हुन्छ"),
    ("chhan_", "छन्"),
    ("tapAI~", "तपाईँ"),
    ("tapAIMko", "तपाईंको"),
    ("kahile", "कहिले"),
    ("kahA~", "कहाँ"),
    ("kati", "कति"),
    ("ThIk", "ठीक"),
    ("hajur", "हजुर"),
    ("khAtA", "खाता"),
    ("baiMk", "बैंक"),
    ("kArD", "कार्ड"),
    ("aphar", "अफर"),
    ("chhUT", "छूट"),
    ("kUpan", "कूपन"),
    ("TikaT", "टिकट"),
    ("sTeTas", "स्टेटस"),
    ("penDiNG", "पेन्डिङ"),
    ("vAranTI", "वारन्टी"),
    ("bil", "बिल"),
    ("rasid", "रसिद"),
    ("mesej", "मेसेज"),
    ("imel", "इमेल"),
    ("Dhilo", "ढिलो"),
    ("haptA", "हप्ता"),
    ("ghaNTA", "घण्टा"),
    ("ghaMTA", "घंटा"),
    ("mineT", "मिनेट"),
    ("kAThamADauM", "काठमाडौं"),
    ("nayA~", "नयाँ"),
    ("rakam", "रकम"),
    ("jA~ch", "जाँच"),
    ("hai", "है"),
    ("nahIM", "नहीं"),
    ("kyA", "क्या"),
    ("gaI", "गई"),
    ("GYAn", "ज्ञान"),
    ("Apako", "आपको"),
    ("aur", "और"),
    ("Ophis", "ऑफिस"),
    ("arDar 1042 bholi Aunechha|", "अर्डर 1042 भोलि आउनेछ।"),
];

/// Types each word key by key, checking at every key that the cursor is on
/// a cluster boundary and no virama dangles before the pending Latin.
fn check(script: Script, words: &[(&str, &str)]) {
    assert!(words.len() >= 60, "{} words", words.len());
    let mut wrong = Vec::new();
    for &(latin, want) in words {
        let mut buf = TextBuffer::new();
        let mut t = Transliterator::new(script);
        for c in latin.chars() {
            t.type_char(&mut buf, c);
            let (row, col) = buf.cursor();
            assert!(
                is_cluster_boundary(&buf.lines()[row], col),
                "{latin}: {buf:?}"
            );
            if t.is_composing() {
                assert!(!ends_in_joiner(buf.before_cursor()), "{latin}: {buf:?}");
            }
        }
        t.flush_into(&mut buf);
        let got = buf.text();
        if got != want {
            wrong.push(format!("{latin}: got {got} want {want}"));
        }
        assert_eq!(transliterate(script, latin), got, "{latin}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn kannada_support_words() {
    check(Script::Kannada, KANNADA);
}

#[test]
fn telugu_support_words() {
    check(Script::Telugu, TELUGU);
}

#[test]
fn devanagari_support_words() {
    check(Script::Devanagari, DEVANAGARI);
}

#[test]
fn separator_and_escapes() {
    let kn = |s| transliterate(Script::Kannada, s);
    let dev = |s| transliterate(Script::Devanagari, s);
    assert_eq!(kn("ondu n_d k_h"), "ಒಂದು ನ್ದ್ ಕ್ಹ್");
    assert_eq!(kn("inda in_da"), "ಇಂದ ಇನ್ದ");
    assert_eq!(dev("ga_i gai gaI"), "गइ गै गई");
    assert_eq!(dev("k_a k_ ka_"), "क क् क");
    assert_eq!(kn("str strI"), "ಸ್ತ್ರ್ ಸ್ತ್ರೀ");
    assert_eq!(kn("``"), "`");
    assert_eq!(kn("`Order-42/ab ok"), "Order-42/ab ಒಕ್");
    assert_eq!(kn("Mane Hosa"), "ಮನೆ ಹೊಸ");
    assert_eq!(kn("~5 a~"), "~5 ಅಁ");
    assert_eq!(
        transliterate(Script::Telugu, "samayam_ samayaM"),
        "సమయమ్ సమయం"
    );
    assert_eq!(dev("RRiShi kRi"), "ऋषि कृ");
    assert_eq!(dev("a|b"), "अ।ब");
    assert_eq!(kn("a|b"), "ಅ|ಬ್");
}

#[test]
fn pending_step_by_step() {
    // The table of the module documentation.
    let mut t = Transliterator::new(Script::Kannada);
    let mut committed = String::new();
    let mut steps = Vec::new();
    for c in "paarsel ".chars() {
        committed.push_str(&t.push(c).insert);
        steps.push(format!("{committed}|{}", t.pending()));
    }
    assert_eq!(
        steps,
        [
            "|p",
            "|pa",
            "ಪಾ|",
            "ಪಾ|r",
            "ಪಾ|rs",
            "ಪಾ|rse",
            "ಪಾರ್ಸೆ|l",
            "ಪಾರ್ಸೆಲ್ |"
        ]
    );
}
