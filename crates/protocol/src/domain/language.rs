//! A guess at the language a customer writes in, from the script of their
//! text: for a new customer whose channel says nothing about it, so that
//! surveys and the agent's suggested typing script fit from the first reply.

/// Kannada, Telugu or a Devanagari language (Nepali, or Hindi when its
/// common words outnumber Nepali's), when at least a third of the letters
/// are in that script (people mix in English words); None for Latin text
/// with a stray word of another script (English is the default then).
pub fn guess_language(text: &str) -> Option<&'static str> {
    let (mut kannada, mut telugu, mut devanagari, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{0C80}'..='\u{0CFF}' => kannada += 1,
            '\u{0C00}'..='\u{0C7F}' => telugu += 1,
            '\u{0900}'..='\u{097F}' => devanagari += 1,
            _ if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    let best = kannada.max(telugu).max(devanagari);
    if best == 0 || best * 2 < latin {
        return None;
    }
    if best == kannada {
        return Some("kn");
    }
    if best == telugu {
        return Some("te");
    }
    // Words common in Hindi and rare in Nepali, and the other way round.
    const HINDI: &[&str] = &[
        "है",
        "हैं",
        "नहीं",
        "मेरा",
        "मेरी",
        "क्या",
        "कब",
        "गया",
        "किया",
        "आप",
        "और",
        "का",
        "की",
        "के",
        "में",
        "को",
    ];
    const NEPALI: &[&str] = &[
        "छ",
        "छैन",
        "भयो",
        "मेरो",
        "कहिले",
        "गर्नुहोस्",
        "हुन्छ",
        "पनि",
        "अझै",
        "थियो",
        "हो",
        "र",
        "को",
        "मा",
    ];
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c)))
        .filter(|w| !w.is_empty())
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    if count(HINDI) > count(NEPALI) {
        Some("hi")
    } else {
        Some("ne")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_devanagari_languages() {
        assert_eq!(guess_language("ನನ್ನ ಆರ್ಡರ್ ಇನ್ನೂ ಬಂದಿಲ್ಲ"), Some("kn"));
        assert_eq!(guess_language("Order ఇంకా రాలేదు please"), Some("te"));
        assert_eq!(guess_language("मेरो अर्डर अझै आएन। कहिले आउँछ?"), Some("ne"));
        assert_eq!(guess_language("मेरा ऑर्डर अभी तक नहीं आया है"), Some("hi"));
        assert_eq!(guess_language("Where is my order?"), None);
        assert_eq!(
            guess_language("OD-123 ಎಲ್ಲಿ? please check my order status"),
            None
        );
        assert_eq!(guess_language("🙏 12345"), None);
    }
}
