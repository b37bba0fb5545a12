//! The Latin keys of the typing scheme and what each one writes in Kannada,
//! Telugu and Devanagari (the table of the [module documentation](super)).

use super::Script;

/// What a consonant does next to a nasal typed before it (the anusvara
/// rule of Kannada and Telugu).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A plosive or affricate (k … bh): `n` before it becomes the anusvara.
    Stop,
    /// p, ph, b, bh: `n` or `m` before it becomes the anusvara.
    Labial,
    /// `n` (ನ/న/न): the one that can turn into the anusvara.
    DentalNasal,
    /// `m` (ಮ/మ/म): turns into the anusvara before a labial.
    LabialNasal,
    /// Every other consonant.
    Other,
}

/// A mark that sits on the vowel before it; typed where no vowel comes
/// before, the key means a consonant (`M` → m, `H` → h) or itself (`~`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Anusvara,
    Visarga,
    Candrabindu,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sound {
    /// Independent vowel and vowel sign, per script.
    Vowel {
        letter: [&'static str; 3],
        sign: [&'static str; 3],
    },
    /// The consonant (or fixed conjunct such as ಕ್ಷ) per script.
    Consonant {
        letter: [&'static str; 3],
        class: Class,
    },
    Mark(Mark),
    /// `_`: ends the consonant before it with a virama and keeps keys apart.
    Separator,
}

pub(crate) struct Key {
    pub latin: &'static str,
    pub sound: Sound,
}

const fn v(latin: &'static str, letter: [&'static str; 3], sign: [&'static str; 3]) -> Key {
    Key {
        latin,
        sound: Sound::Vowel { letter, sign },
    }
}

const fn c(latin: &'static str, letter: [&'static str; 3], class: Class) -> Key {
    Key {
        latin,
        sound: Sound::Consonant { letter, class },
    }
}

use Class::{DentalNasal, Labial, LabialNasal, Other, Stop};

const A: [&str; 3] = ["ಆ", "ఆ", "आ"];
const AA: [&str; 3] = ["\u{0CBE}", "\u{0C3E}", "\u{093E}"];
const II: [&str; 3] = ["ಈ", "ఈ", "ई"];
const II_SIGN: [&str; 3] = ["\u{0CC0}", "\u{0C40}", "\u{0940}"];
const UU: [&str; 3] = ["ಊ", "ఊ", "ऊ"];
const UU_SIGN: [&str; 3] = ["\u{0CC2}", "\u{0C42}", "\u{0942}"];
const RI: [&str; 3] = ["ಋ", "ఋ", "ऋ"];
const RI_SIGN: [&str; 3] = ["\u{0CC3}", "\u{0C43}", "\u{0943}"];
const CA: [&str; 3] = ["ಚ", "చ", "च"];
const CHA: [&str; 3] = ["ಛ", "ఛ", "छ"];
const JA: [&str; 3] = ["ಜ", "జ", "ज"];
const KA: [&str; 3] = ["ಕ", "క", "क"];
const PHA: [&str; 3] = ["ಫ", "ఫ", "फ"];
const VA: [&str; 3] = ["ವ", "వ", "व"];
const SSA: [&str; 3] = ["ಷ", "ష", "ष"];
const SA: [&str; 3] = ["ಸ", "స", "स"];
const GA: [&str; 3] = ["ಗ", "గ", "ग"];
const YA: [&str; 3] = ["ಯ", "య", "य"];
const KSSA: [&str; 3] = ["ಕ್ಷ", "క్ష", "क्ष"];

/// Every key of the scheme. Uppercase letters that are not keys here are
/// read as their lowercase letter (see [`fold`]).
pub(crate) const KEYS: &[Key] = &[
    // Vowels.
    v("a", ["ಅ", "అ", "अ"], ["", "", ""]),
    v("aa", A, AA),
    v("A", A, AA),
    v("i", ["ಇ", "ఇ", "इ"], ["\u{0CBF}", "\u{0C3F}", "\u{093F}"]),
    v("ii", II, II_SIGN),
    v("ee", II, II_SIGN),
    v("I", II, II_SIGN),
    v("u", ["ಉ", "ఉ", "उ"], ["\u{0CC1}", "\u{0C41}", "\u{0941}"]),
    v("uu", UU, UU_SIGN),
    v("oo", UU, UU_SIGN),
    v("U", UU, UU_SIGN),
    v("R", RI, RI_SIGN),
    v("Ri", RI, RI_SIGN),
    v("RRi", RI, RI_SIGN),
    v("e", ["ಎ", "ఎ", "ए"], ["\u{0CC6}", "\u{0C46}", "\u{0947}"]),
    v("E", ["ಏ", "ఏ", "ए"], ["\u{0CC7}", "\u{0C47}", "\u{0947}"]),
    v("ai", ["ಐ", "ఐ", "ऐ"], ["\u{0CC8}", "\u{0C48}", "\u{0948}"]),
    v("o", ["ಒ", "ఒ", "ओ"], ["\u{0CCA}", "\u{0C4A}", "\u{094B}"]),
    v("O", ["ಓ", "ఓ", "ऑ"], ["\u{0CCB}", "\u{0C4B}", "\u{0949}"]),
    v("au", ["ಔ", "ఔ", "औ"], ["\u{0CCC}", "\u{0C4C}", "\u{094C}"]),
    // Velars.
    c("k", KA, Stop),
    c("q", KA, Stop),
    c("kh", ["ಖ", "ఖ", "ख"], Stop),
    c("g", GA, Stop),
    c("G", GA, Stop),
    c("gh", ["ಘ", "ఘ", "घ"], Stop),
    c("NG", ["ಙ", "ఙ", "ङ"], Other),
    // Palatals.
    c("ch", CA, Stop),
    c("c", CA, Stop),
    c("C", CA, Stop),
    c("chh", CHA, Stop),
    c("Ch", CHA, Stop),
    c("j", JA, Stop),
    c("J", JA, Stop),
    c("z", JA, Stop),
    c("jh", ["ಝ", "ఝ", "झ"], Stop),
    c("JN", ["ಞ", "ఞ", "ञ"], Other),
    // Retroflexes.
    c("T", ["ಟ", "ట", "ट"], Stop),
    c("Th", ["ಠ", "ఠ", "ठ"], Stop),
    c("D", ["ಡ", "డ", "ड"], Stop),
    c("Dh", ["ಢ", "ఢ", "ढ"], Stop),
    c("N", ["ಣ", "ణ", "ण"], Other),
    // Dentals.
    c("t", ["ತ", "త", "त"], Stop),
    c("th", ["ಥ", "థ", "थ"], Stop),
    c("d", ["ದ", "ద", "द"], Stop),
    c("dh", ["ಧ", "ధ", "ध"], Stop),
    c("n", ["ನ", "న", "न"], DentalNasal),
    // Labials.
    c("p", ["ಪ", "ప", "प"], Labial),
    c("ph", PHA, Labial),
    c("f", PHA, Labial),
    c("b", ["ಬ", "బ", "ब"], Labial),
    c("bh", ["ಭ", "భ", "भ"], Labial),
    c("m", ["ಮ", "మ", "म"], LabialNasal),
    // The rest.
    c("y", YA, Other),
    c("Y", YA, Other),
    c("r", ["ರ", "ర", "र"], Other),
    c("l", ["ಲ", "ల", "ल"], Other),
    c("L", ["ಳ", "ళ", "ळ"], Other),
    c("v", VA, Other),
    c("w", VA, Other),
    c("sh", ["ಶ", "శ", "श"], Other),
    c("Sh", SSA, Other),
    c("shh", SSA, Other),
    c("s", SA, Other),
    c("S", SA, Other),
    c("h", ["ಹ", "హ", "ह"], Other),
    c("x", KSSA, Stop),
    c("kSh", KSSA, Stop),
    c("GY", ["ಜ್ಞ", "జ్ఞ", "ज्ञ"], Stop),
    // Marks and the separator.
    Key {
        latin: "M",
        sound: Sound::Mark(Mark::Anusvara),
    },
    Key {
        latin: "H",
        sound: Sound::Mark(Mark::Visarga),
    },
    Key {
        latin: "~",
        sound: Sound::Mark(Mark::Candrabindu),
    },
    Key {
        latin: "_",
        sound: Sound::Separator,
    },
];

/// Uppercase letters with a meaning of their own; the others are read as
/// lowercase (so `Bill` types like `bill`).
const OWN_CAPITALS: &str = "ACDEGHIJLMNORSTUY";

/// `c` as the scheme reads it.
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii_uppercase() && !OWN_CAPITALS.contains(c) {
        c.to_ascii_lowercase()
    } else {
        c
    }
}

/// Whether `c` is typed into the pending syllable (rather than ending it).
pub(crate) fn is_scheme_char(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == '~'
}

/// The longest key `s` starts with.
pub(crate) fn longest_prefix(s: &str) -> Option<&'static Key> {
    KEYS.iter()
        .filter(|k| s.starts_with(k.latin))
        .max_by_key(|k| k.latin.len())
}

/// Whether some key is longer than `s` and starts with it (more keys may
/// still change what `s` means).
pub(crate) fn extends(s: &str) -> bool {
    KEYS.iter()
        .any(|k| k.latin.len() > s.len() && k.latin.starts_with(s))
}

/// The key the consonant meaning of a mark is read as (`M` → `m`, `H` →
/// `h`); `None` for `~`, which then stands for itself.
pub(crate) fn mark_fallback(mark: Mark) -> Option<&'static Key> {
    let latin = match mark {
        Mark::Anusvara => "m",
        Mark::Visarga => "h",
        Mark::Candrabindu => return None,
    };
    KEYS.iter().find(|k| k.latin == latin)
}

/// The consonant key whose letter in `script` is `letter` (the usual
/// spelling: keys are listed with it first).
fn consonant_key(letter: &str, script: Script) -> Option<&'static str> {
    KEYS.iter().find_map(|k| match k.sound {
        Sound::Consonant { letter: l, .. } if l[script.index()] == letter => Some(k.latin),
        _ => None,
    })
}

/// The Latin that types `cluster`, a consonant cluster of `script` ending
/// in a virama (`ಸ್ತ್` → `st`, `ಕ್ಷ್` → `x`), with `_` where keys would
/// otherwise run together (`ಸ್ಹ್` → `s_h`). `None` for any other text.
pub(crate) fn latin_of_cluster(cluster: &str, script: Script) -> Option<String> {
    let virama = virama(script);
    let body = cluster.strip_suffix(virama)?;
    let parts: Vec<&str> = body.split(virama).collect();
    let mut keys = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        // A two-letter key (x, GY) first, then one letter.
        let pair = parts
            .get(i + 1)
            .map(|next| format!("{}{virama}{next}", parts[i]));
        match pair.as_deref().and_then(|p| consonant_key(p, script)) {
            Some(key) => {
                keys.push(key);
                i += 2;
            }
            None => {
                keys.push(consonant_key(parts[i], script)?);
                i += 1;
            }
        }
    }
    let mut latin = String::new();
    for (k, key) in keys.iter().enumerate() {
        latin.push_str(key);
        let rest = keys[k + 1..].concat();
        if !rest.is_empty() && longest_prefix(&format!("{key}{rest}")).map(|m| m.latin) != Some(key)
        {
            latin.push('_');
        }
    }
    Some(latin)
}

pub(crate) fn virama(script: Script) -> &'static str {
    ["\u{0CCD}", "\u{0C4D}", "\u{094D}"][script.index()]
}

pub(crate) fn mark_text(mark: Mark, script: Script) -> &'static str {
    let forms = match mark {
        Mark::Anusvara => ["\u{0C82}", "\u{0C02}", "\u{0902}"],
        Mark::Visarga => ["\u{0C83}", "\u{0C03}", "\u{0903}"],
        Mark::Candrabindu => ["\u{0C81}", "\u{0C01}", "\u{0901}"],
    };
    forms[script.index()]
}

/// Whether `s` is only anusvara, visarga and candrabindu signs of `script`.
pub(crate) fn is_marks(s: &str, script: Script) -> bool {
    let marks = [Mark::Anusvara, Mark::Visarga, Mark::Candrabindu].map(|m| mark_text(m, script));
    s.chars().all(|c| marks.iter().any(|m| m.starts_with(c)))
}

/// Whether `c` ends a syllable of `script` in a vowel (a letter, vowel sign
/// or mark; not a virama, digit or danda): a mark or the anusvara rule may
/// follow it.
pub(crate) fn ends_in_vowel(c: char, script: Script) -> bool {
    match script {
        Script::Kannada => {
            matches!(c, '\u{0C80}'..='\u{0CE3}' | '\u{0CF1}'..='\u{0CF3}') && c != '\u{0CCD}'
        }
        Script::Telugu => matches!(c, '\u{0C00}'..='\u{0C63}') && c != '\u{0C4D}',
        Script::Devanagari => {
            matches!(c, '\u{0900}'..='\u{0963}' | '\u{0971}'..='\u{097F}') && c != '\u{094D}'
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &Sound) -> u8 {
        match s {
            Sound::Vowel { .. } => 0,
            Sound::Consonant { .. } => 1,
            Sound::Mark(_) => 2,
            Sound::Separator => 3,
        }
    }

    #[test]
    fn keys_sharing_a_first_letter_are_the_same_kind() {
        // The engine decides "a new syllable starts here" from the first
        // letter of a key that may still grow.
        for a in KEYS {
            for b in KEYS {
                if a.latin.chars().next() == b.latin.chars().next() {
                    assert_eq!(kind(&a.sound), kind(&b.sound), "{} / {}", a.latin, b.latin);
                }
            }
        }
    }

    #[test]
    fn keys_are_unique_and_every_letter_means_something() {
        for (i, a) in KEYS.iter().enumerate() {
            assert!(
                KEYS[i + 1..].iter().all(|b| b.latin != a.latin),
                "{}",
                a.latin
            );
            assert!(
                a.latin.chars().all(|c| fold(c) == c),
                "{} is folded away",
                a.latin
            );
        }
        for c in ('a'..='z').chain('A'..='Z') {
            assert!(longest_prefix(&fold(c).to_string()).is_some(), "{c}");
        }
    }

    #[test]
    fn table_letters_are_in_their_script() {
        let blocks = [0x0C80..=0x0CFF, 0x0C00..=0x0C7F, 0x0900..=0x097F];
        for key in KEYS {
            let forms: Vec<&str> = match key.sound {
                Sound::Vowel { letter, sign } => letter.into_iter().chain(sign).collect(),
                Sound::Consonant { letter, .. } => letter.to_vec(),
                _ => continue,
            };
            for (i, f) in forms.iter().enumerate() {
                let block = &blocks[i % 3];
                assert!(
                    f.chars().all(|c| block.contains(&(c as u32))),
                    "{} {f}",
                    key.latin
                );
            }
        }
    }

    #[test]
    fn clusters_back_to_latin() {
        let kn = |s| latin_of_cluster(s, Script::Kannada);
        assert_eq!(kn("ಸ್ತ್").as_deref(), Some("st"));
        assert_eq!(kn("ಕ್ಷ್").as_deref(), Some("x"));
        assert_eq!(kn("ಸ್ಹ್").as_deref(), Some("s_h"));
        assert_eq!(kn("ಚ್").as_deref(), Some("ch"));
        assert_eq!(kn("ಕ").as_deref(), None);
        assert_eq!(kn("ಕ್\u{200D}").as_deref(), None);
        assert_eq!(kn("క్").as_deref(), None);
        assert_eq!(
            latin_of_cluster("न्ज्ञ्", Script::Devanagari).as_deref(),
            Some("nGY")
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(longest_prefix("chha").map(|k| k.latin), Some("chh"));
        assert_eq!(longest_prefix("kSha").map(|k| k.latin), Some("kSh"));
        assert!(longest_prefix("1").is_none());
        assert!(extends("c") && extends("ch") && !extends("chh"));
        assert!(extends("RR") && extends("a") && !extends("aa") && !extends("n"));
        assert_eq!(fold('B'), 'b');
        assert_eq!(fold('T'), 'T');
    }
}
