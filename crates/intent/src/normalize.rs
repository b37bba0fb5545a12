//! Words and their folded forms, so that spelling variants meet.
//!
//! Customers type fast on phone keyboards: long and short vowels swap, nukta
//! and ZWJ/ZWNJ come and go, ಶ/ಷ/ಸ and ಣ/ನ are interchangeable, a nasal is
//! written as anusvara or as a half letter (रिफंड / रिफन्ड), and romanized
//! words drift (raaledu / raledu, thappu / tappu, wapas / vapas). A word is
//! folded so that all of these give the same key; the keyword lists go
//! through the same folding, and the original spelling is kept for the
//! reason shown to the agent.

use unicode_normalization::UnicodeNormalization;

/// A word of the text: where it is and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    pub norm: String,
}

/// The writing system of a character, as far as word boundaries go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Latin,
    Digit,
    Devanagari,
    Kannada,
    Telugu,
    /// Letters of any other script.
    Letter,
}

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

fn class(c: char) -> Option<Class> {
    match c {
        '\u{0964}' | '\u{0965}' | '\u{0970}' => None, // dandas, abbreviation sign
        '\u{0900}'..='\u{097F}' if native_digit(c).is_some() => Some(Class::Digit),
        '\u{0C80}'..='\u{0CFF}' if native_digit(c).is_some() => Some(Class::Digit),
        '\u{0C00}'..='\u{0C7F}' if native_digit(c).is_some() => Some(Class::Digit),
        '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => Some(Class::Devanagari),
        '\u{0C80}'..='\u{0CFF}' => Some(Class::Kannada),
        '\u{0C00}'..='\u{0C7F}' => Some(Class::Telugu),
        _ if c.is_ascii_digit() => Some(Class::Digit),
        _ if c.is_alphabetic() && is_latin(c) => Some(Class::Latin),
        _ if c.is_alphanumeric() => Some(Class::Letter),
        _ => None,
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The value of a Devanagari, Kannada or Telugu digit.
fn native_digit(c: char) -> Option<u32> {
    let zero = match c {
        '\u{0966}'..='\u{096F}' => 0x0966,
        '\u{0CE6}'..='\u{0CEF}' => 0x0CE6,
        '\u{0C66}'..='\u{0C6F}' => 0x0C66,
        _ => return None,
    };
    Some(c as u32 - zero)
}

/// The words of `text`: runs of one script (Latin, digits, Devanagari,
/// Kannada, Telugu, other letters). A change of script ends a word, so
/// `refundಎಲ್ಲಿ` is two words; ZWJ/ZWNJ and apostrophes inside a word keep it
/// together.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<(usize, Class)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = c == ZWJ || c == ZWNJ;
        let apostrophe = matches!(c, '\'' | '\u{2019}')
            && current.is_some_and(|(_, k)| k == Class::Latin)
            && chars
                .peek()
                .is_some_and(|&(_, n)| class(n) == Some(Class::Latin));
        if joiner || apostrophe {
            // Inside a word they are part of it; elsewhere they are nothing.
            continue;
        }
        match (class(c), current) {
            (Some(k), Some((_, cur))) if k == cur => {}
            (Some(k), Some((start, _))) => {
                push(&mut out, text, start, i);
                current = Some((i, k));
            }
            (Some(k), None) => current = Some((i, k)),
            (None, Some((start, _))) => {
                push(&mut out, text, start, i);
                current = None;
            }
            (None, None) => {}
        }
    }
    if let Some((start, _)) = current {
        push(&mut out, text, start, text.len());
    }
    out
}

fn push(out: &mut Vec<Word>, text: &str, start: usize, end: usize) {
    let norm = fold(&text[start..end]);
    if !norm.is_empty() {
        out.push(Word { start, end, norm });
    }
}

/// The folded form of one word (or of a keyword token).
pub(crate) fn fold(word: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(word.len());
    for c in word.nfd() {
        if let Some(d) = native_digit(c) {
            chars.extend(char::from_digit(d, 10));
            continue;
        }
        if let Some(f) = fold_char(c) {
            chars.extend(f.to_lowercase());
        }
    }
    let chars = nasal_to_anusvara(&chars);
    let s: String = chars.into_iter().collect();
    if s.chars().any(|c| c.is_ascii_alphabetic()) {
        latin_skeleton(&s)
    } else {
        s
    }
}

/// Drops or replaces one code point of the NFD form; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Invisible: joiners, zero-width space, soft hyphen, word joiner, BOM.
        '\u{200B}'..='\u{200D}' | '\u{00AD}' | '\u{2060}' | '\u{FEFF}' => return None,
        '\'' | '\u{2019}' => return None,
        // Latin accents (café, ñ): the base letter is enough.
        '\u{0300}'..='\u{036F}' => return None,
        // Devanagari: nukta, candra o; long vowels to short; श ष → स, व → ब, ण → न.
        '\u{093C}' | '\u{0949}' => return None,
        '\u{0901}' => '\u{0902}',
        '\u{0940}' => '\u{093F}',
        '\u{0942}' => '\u{0941}',
        '\u{0908}' => '\u{0907}',
        '\u{090A}' => '\u{0909}',
        '\u{0911}' => '\u{0905}',
        '\u{0945}' => '\u{0947}',
        '\u{0936}' | '\u{0937}' => '\u{0938}',
        '\u{0935}' => '\u{092C}',
        '\u{0923}' => '\u{0928}',
        // Kannada: nukta and length marks; long vowels to short; ಶ ಷ → ಸ, ಣ → ನ, ಳ → ಲ.
        '\u{0CBC}' | '\u{0CD5}' | '\u{0CD6}' => return None,
        '\u{0CC0}' => '\u{0CBF}',
        '\u{0CC2}' => '\u{0CC1}',
        '\u{0CC7}' => '\u{0CC6}',
        '\u{0C88}' => '\u{0C87}',
        '\u{0C8A}' => '\u{0C89}',
        '\u{0C8F}' => '\u{0C8E}',
        '\u{0C93}' => '\u{0C92}',
        '\u{0CB6}' | '\u{0CB7}' => '\u{0CB8}',
        '\u{0CA3}' => '\u{0CA8}',
        '\u{0CB3}' => '\u{0CB2}',
        // Telugu: nukta and length marks; long vowels to short; శ ష → స, ణ → న, ళ → ల.
        '\u{0C3C}' | '\u{0C55}' | '\u{0C56}' => return None,
        '\u{0C01}' => '\u{0C02}',
        '\u{0C40}' => '\u{0C3F}',
        '\u{0C42}' => '\u{0C41}',
        '\u{0C47}' => '\u{0C46}',
        '\u{0C4B}' => '\u{0C4A}',
        '\u{0C08}' => '\u{0C07}',
        '\u{0C0A}' => '\u{0C09}',
        '\u{0C0F}' => '\u{0C0E}',
        '\u{0C13}' => '\u{0C12}',
        '\u{0C36}' | '\u{0C37}' => '\u{0C38}',
        '\u{0C23}' => '\u{0C28}',
        '\u{0C33}' => '\u{0C32}',
        _ => c,
    })
}

/// Per script: (nasal consonants, virama, anusvara, first and last consonant).
const NASALS: [(&[char], char, char, char, char); 3] = [
    (
        &['\u{0919}', '\u{091E}', '\u{0928}', '\u{092E}'],
        '\u{094D}',
        '\u{0902}',
        '\u{0915}',
        '\u{0939}',
    ),
    (
        &['\u{0C99}', '\u{0C9E}', '\u{0CA8}', '\u{0CAE}'],
        '\u{0CCD}',
        '\u{0C82}',
        '\u{0C95}',
        '\u{0CB9}',
    ),
    (
        &['\u{0C19}', '\u{0C1E}', '\u{0C28}', '\u{0C2E}'],
        '\u{0C4D}',
        '\u{0C02}',
        '\u{0C15}',
        '\u{0C39}',
    ),
];

/// A nasal half letter before a consonant (or at the end of the word) is
/// written as an anusvara: रिफन्ड → रिफंड, ಇನ್ನು → ಇಂನು (both spellings meet).
fn nasal_to_anusvara(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rule = NASALS
            .iter()
            .find(|(nasals, virama, ..)| nasals.contains(&c) && chars.get(i + 1) == Some(virama));
        if let Some((_, _, anusvara, first, last)) = rule {
            let next = chars.get(i + 2);
            if next.is_none_or(|n| (*first..=*last).contains(n)) && i > 0 {
                out.push(*anusvara);
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Romanized spelling drift: ee → i, oo → u, ph → f, doubled letters count
/// once (raaledu → raledu, cancelled → canceled), aspirates lose their h
/// (th → t, chh → c, dh → d, sh → s, ...), w → v, z → j, q → k.
fn latin_skeleton(s: &str) -> String {
    let s = s.replace("ee", "i").replace("oo", "u").replace("ph", "f");
    let once = collapse(s.chars().map(|c| match c {
        'w' => 'v',
        'z' => 'j',
        'q' => 'k',
        c => c,
    }));
    let mut out: Vec<char> = Vec::with_capacity(once.len());
    for c in once {
        let after_stop = out
            .last()
            .is_some_and(|p| matches!(p, 'k' | 'g' | 'c' | 'j' | 't' | 'd' | 'b' | 's'));
        if c == 'h' && after_stop {
            continue;
        }
        out.push(c);
    }
    collapse(out.into_iter()).into_iter().collect()
}

/// Runs of the same letter as one.
fn collapse(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in chars {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// The folded words of `text`, as the classifier sees them. Useful to check
/// what a keyword must look like, and to feed other models.
pub fn normalized_words(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        normalized_words(text)
    }

    #[test]
    fn romanized_variants_meet() {
        assert_eq!(fold("raaledu"), fold("raledu"));
        assert_eq!(fold("thappu"), fold("tappu"));
        assert_eq!(fold("wapas"), fold("vapas"));
        assert_eq!(fold("Cancelled"), fold("canceled"));
        assert_eq!(fold("phirta"), fold("firta"));
        assert_eq!(fold("innu"), fold("inu"));
        assert_eq!(fold("zyada"), fold("jyada"));
        assert_eq!(fold("chhota"), fold("chota"));
        assert_eq!(fold("chhota"), "cota");
    }

    #[test]
    fn native_spelling_variants_meet() {
        // Long and short vowels.
        assert_eq!(fold("ಇನ್ನೂ"), fold("ಇನ್ನು"));
        assert_eq!(fold("రాలేదు"), fold("రాలెదు"));
        assert_eq!(fold("कहीं"), fold("कहिं"));
        // Anusvara or nasal half letter.
        assert_eq!(fold("रिफन्ड"), fold("रिफंड"));
        assert_eq!(fold("ರಿಫನ್ಡ್"), fold("ರಿಫಂಡ್"));
        // Nukta, precomposed or not, or left out.
        assert_eq!(fold("साइज़"), fold("साइज"));
        assert_eq!(fold("\u{095B}"), fold("\u{091C}\u{093C}"));
        // Sibilants, and candra o in borrowed words.
        assert_eq!(fold("ಶಿಫ್ಟ್"), fold("ಷಿಫ್ಟ್"));
        assert_eq!(fold("ऑर्डर"), fold("अर्डर"));
        // Kannada two-part vowel signs, composed or not.
        assert_eq!(fold("\u{0CCB}"), fold("\u{0CCA}\u{0CD5}"));
    }

    #[test]
    fn joiners_and_invisible_marks_vanish() {
        assert_eq!(fold("पर्\u{200D}यो"), fold("पर्यो"));
        assert_eq!(fold("क्\u{200C}ष"), fold("क्ष"));
        assert_eq!(norms("ಆರ್ಡರ್\u{200B}ಸಂಖ್ಯೆ"), norms("ಆರ್ಡರ್ ಸಂಖ್ಯೆ"));
    }

    #[test]
    fn words_split_at_script_changes_and_keep_offsets() {
        let text = "refundಎಲ್ಲಿ? 10ದಿನ, order's";
        let ws = words(text);
        let surfaces: Vec<&str> = ws.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(surfaces, ["refund", "ಎಲ್ಲಿ", "10", "ದಿನ", "order's"]);
        assert_eq!(ws[4].norm, "orders");
    }

    #[test]
    fn native_digits_become_ascii() {
        assert_eq!(norms("१० ೧೦ ౧౦"), ["10", "10", "10"]);
    }

    #[test]
    fn dandas_and_emoji_separate_words() {
        assert_eq!(norms("भयो।किन 🙏ok"), ["भयो", "किन", "ok"]);
    }
}
