//! Transliterated typing: Latin keys become Kannada, Telugu or Devanagari
//! (Nepali, Hindi) as the agent types, for keyboards and terminals without
//! an Indic input method.
//!
//! # The scheme
//!
//! ITRANS-like and case-sensitive, with the spellings agents already use on
//! phones (`aa`, `ee`, `oo`). Capitals mark the long vowels and the
//! retroflex letters; a capital with no meaning of its own is read as its
//! small letter (`Bill` = `bill`).
//!
//! | keys | ಕನ್ನಡ | తెలుగు | देवनागरी | | keys | ಕನ್ನಡ | తెలుగు | देवनागरी |
//! |---|---|---|---|---|---|---|---|---|
//! | a | ಅ | అ | अ | | k, q | ಕ | క | क |
//! | aa, A | ಆ ಾ | ఆ ా | आ ा | | kh | ಖ | ఖ | ख |
//! | i | ಇ ಿ | ఇ ి | इ ि | | g | ಗ | గ | ग |
//! | ii, ee, I | ಈ ೀ | ఈ ీ | ई ी | | gh | ಘ | ఘ | घ |
//! | u | ಉ ು | ఉ ు | उ ु | | NG | ಙ | ఙ | ङ |
//! | uu, oo, U | ಊ ೂ | ఊ ూ | ऊ ू | | ch, c | ಚ | చ | च |
//! | R, Ri, RRi | ಋ ೃ | ఋ ృ | ऋ ृ | | chh, Ch | ಛ | ఛ | छ |
//! | e | ಎ ೆ | ఎ ె | ए े | | j, z | ಜ | జ | ज |
//! | E | ಏ ೇ | ఏ ే | ए े | | jh | ಝ | ఝ | झ |
//! | ai | ಐ ೈ | ఐ ై | ऐ ै | | JN | ಞ | ఞ | ञ |
//! | o | ಒ ೊ | ఒ ొ | ओ ो | | T, Th | ಟ ಠ | ట ఠ | ट ठ |
//! | O | ಓ ೋ | ఓ ో | ऑ ॉ | | D, Dh | ಡ ಢ | డ ఢ | ड ढ |
//! | au | ಔ ೌ | ఔ ౌ | औ ौ | | N | ಣ | ణ | ण |
//! | M (after a vowel) | ಂ | ం | ं | | t, th | ತ ಥ | త థ | त थ |
//! | H (after a vowel) | ಃ | ః | ः | | d, dh | ದ ಧ | ద ధ | द ध |
//! | ~ (after a vowel) | ಁ | ఁ | ँ | | n | ನ | న | न |
//! | _ | virama, keeps keys apart | | | | p; ph, f | ಪ ಫ | ప ఫ | प फ |
//! | \| | | | । | | b, bh | ಬ ಭ | బ భ | ब भ |
//! | x, kSh | ಕ್ಷ | క్ష | क्ष | | m | ಮ | మ | म |
//! | GY | ಜ್ಞ | జ్ఞ | ज्ञ | | y, r, l, L | ಯ ರ ಲ ಳ | య ర ల ళ | य र ल ळ |
//! | v, w | ವ | వ | व | | sh, Sh (shh), s, h | ಶ ಷ ಸ ಹ | శ ష స హ | श ष स ह |
//!
//! Rules:
//! - Consonants typed one after the other join into a conjunct (`str` →
//!   ಸ್ತ್ರ); a vowel after them is written as its sign (`strI` → ಸ್ತ್ರೀ).
//! - At the end of a word a consonant keeps its virama in Kannada and
//!   Telugu (`ArDar` → ಆರ್ಡರ್, ఆర్డర్) and its inherent *a* in Devanagari
//!   (`ArDar` → आर्डर); `_` writes the virama there (`chhan_` → छन्).
//! - Kannada and Telugu: `n` after a vowel and before a stop (k … bh, also
//!   x and GY), and `m` before p, ph, b or bh, is the anusvara (`ondu` →
//!   ಒಂದು, `riphanD` → ರಿಫಂಡ್, `tumba` → ತುಂಬ); `n_d` keeps ನ್ದ. Telugu
//!   also writes a word-final `m` after a vowel as ం (`samayam` → సమయం;
//!   `m_` for మ్). Devanagari spells what is typed: `hindI` → हिन्दी,
//!   `hiMdI` → हिंदी.
//! - `M`, `H`, `~` are marks only after a vowel; elsewhere `M` and `H`
//!   are m and h, so a capitalized first letter still types.
//! - `_` also separates keys that would otherwise combine: `k_h` → ಕ್ಹ,
//!   `ga_i` → गइ (or type `gaI` → गई).
//! - Devanagari has one e and one o, so `E` = `e`, and `O` is the English
//!   o of "office" (`OphIs` → ऑफिस).
//! - `` ` `` types Latin as it is up to the next space or Enter
//!   (`` `OTP `` → OTP); ` `` ` ` types a backtick.
//!
//! # Typing, step by step
//!
//! Each key gives an [`Edit`] (text to insert, or after Backspace to delete,
//! before the cursor) and leaves some Latin [`pending`](Transliterator::pending):
//! the syllable that later keys can still change. The committed text
//! always ends on a whole syllable, so the cursor stays on a display-cluster
//! boundary and no virama dangles before the pending Latin. `paarsel` goes:
//!
//! | key | p | a | a | r | s | e | l | space |
//! |---|---|---|---|---|---|---|---|---|
//! | committed | | | ಪಾ | ಪಾ | ಪಾ | ಪಾ | ಪಾರ್ಸೆ | ಪಾರ್ಸೆಲ್␠ |
//! | pending | p | pa | | r | rs | rse | l | |
//!
//! Space, Enter, digits, punctuation and letters of other scripts commit
//! the pending syllable and are inserted as they are. Backspace removes one
//! pending Latin letter, or, with nothing pending, the last committed
//! syllable; removing the space after a word puts the word's unresolved
//! end back as pending (`ಪಾರ್ಸೆಲ್␠` → `ಪಾರ್ಸೆ` + `l`).
//!
//! [`Transliterator::type_char`], [`Transliterator::backspace_in`] and
//! [`Transliterator::flush_into`] apply all this to a
//! [`TextBuffer`](crate::TextBuffer); [`Transliterator::preview`] gives the
//! buffer with the pending Latin drawn in.
//!
//! Why not `vidyut-lipi` (used by [`romanize`](crate::romanize)): it
//! converts whole strings and cannot say whether a prefix is final, and its
//! Latin schemes do not fit typing here (ITRANS `e` is ೇ, so `paarsel` →
//! ಪಾರ್ಸೇಲ್; Baraha writes ॆ and a final halant in Hindi and Nepali:
//! डॆलिभरी, आर्डर्; neither has the anusvara rule).

mod buffer;
mod engine;
mod syllable;
mod table;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod words;

use serde::{Deserialize, Serialize};

pub use buffer::Preview;
pub use engine::{Edit, Transliterator, transliterate};

/// The script Latin keys are turned into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Kannada,
    Telugu,
    /// Nepali and Hindi.
    Devanagari,
}

impl Script {
    pub const ALL: [Script; 3] = [Script::Kannada, Script::Telugu, Script::Devanagari];

    pub(crate) fn index(self) -> usize {
        match self {
            Script::Kannada => 0,
            Script::Telugu => 1,
            Script::Devanagari => 2,
        }
    }

    /// The script to propose for a customer's language (a BCP 47 tag such
    /// as `kn`, `te-IN`, `ne_NP`, `hi`; case does not matter). `None` for
    /// languages typed in Latin letters anyway (en, `hi-Latn`) or not handled.
    pub fn for_language(tag: &str) -> Option<Script> {
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next().unwrap_or("");
        if subtags.any(|s| s.eq_ignore_ascii_case("latn")) {
            return None;
        }
        match primary.to_ascii_lowercase().as_str() {
            "kn" | "kan" => Some(Script::Kannada),
            "te" | "tel" => Some(Script::Telugu),
            "ne" | "nep" | "hi" | "hin" | "mr" | "mar" => Some(Script::Devanagari),
            _ => None,
        }
    }

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Script::Kannada => "Kannada",
            Script::Telugu => "Telugu",
            Script::Devanagari => "Devanagari",
        }
    }

    /// The name in the script itself (for the status bar).
    pub fn native_name(self) -> &'static str {
        match self {
            Script::Kannada => "ಕನ್ನಡ",
            Script::Telugu => "తెలుగు",
            Script::Devanagari => "देवनागरी",
        }
    }

    /// The script's first letter, a one-cluster indicator (ಅ, అ, अ).
    pub fn letter(self) -> &'static str {
        ["ಅ", "అ", "अ"][self.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_to_script() {
        for (tag, script) in [
            ("kn", Some(Script::Kannada)),
            ("kn-IN", Some(Script::Kannada)),
            ("TE_in", Some(Script::Telugu)),
            ("te", Some(Script::Telugu)),
            ("ne-NP", Some(Script::Devanagari)),
            ("hi", Some(Script::Devanagari)),
            ("hi-Latn", None),
            ("mr-IN", Some(Script::Devanagari)),
            ("en", None),
            ("en-IN", None),
            ("", None),
            ("ta", None),
        ] {
            assert_eq!(Script::for_language(tag), script, "{tag}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(Script::Telugu.native_name(), "తెలుగు");
        assert_eq!(Script::Devanagari.letter(), "अ");
        assert_eq!(
            serde_json::to_string(&Script::ALL).ok().as_deref(),
            Some(r#"["kannada","telugu","devanagari"]"#)
        );
    }
}
