//! Romanized display: Kannada, Telugu and Devanagari (Nepali) shown in
//! ISO 15919 Latin letters, for terminals that cannot shape these scripts.
//!
//! Display only: the text itself (cache, outbox, composer buffer) is never
//! changed. The transliteration is done by `vidyut-lipi` one *display
//! cluster* at a time (see [`super::cluster`]), so the romanized form of a
//! string is the concatenation of its clusters' romanized forms. That is what
//! lets a [`WidthProfile`](super::WidthProfile) with
//! [`romanized`](super::WidthProfile::romanized) set measure, wrap and
//! truncate the *original* text at the romanized widths, and `draw` put the
//! Latin letters in the cells those widths promise.
//!
//! Strict ISO 15919: long ē/ō (`ಕೇ` → `kē`, `नेपाल` → `nēpāla`), anusvara ṁ,
//! visarga ḥ, candrabindu m̐, vocalic r̥, the inherent `a` is always written
//! (no schwa deletion), digits become ASCII digits, the danda a full stop.
//! Text in other scripts is left as it is.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use unicode_width::UnicodeWidthChar;
use vidyut_lipi::{Lipika, Scheme};

use super::cluster::clusters;

/// Entries kept in the per-thread cache of romanized clusters before it is
/// cleared (a screen of text has a few hundred distinct clusters).
const CACHE_LIMIT: usize = 8192;

thread_local! {
    static LIPIKA: RefCell<Lipika> = RefCell::new(Lipika::new());
    static CACHE: RefCell<HashMap<Box<str>, Option<Rc<str>>>> = RefCell::new(HashMap::new());
}

/// The script of `c` when it is one this module romanizes.
fn scheme_of(c: char) -> Option<Scheme> {
    match c {
        '\u{0900}'..='\u{097F}' => Some(Scheme::Devanagari),
        '\u{0C00}'..='\u{0C7F}' => Some(Scheme::Telugu),
        '\u{0C80}'..='\u{0CFF}' => Some(Scheme::Kannada),
        _ => None,
    }
}

/// Whether `c` is a Kannada, Telugu or Devanagari character (the ones
/// [`romanize`] converts).
pub fn is_romanizable(c: char) -> bool {
    scheme_of(c).is_some()
}

/// The ISO 15919 form of one display cluster, or `None` when the cluster
/// has no Kannada, Telugu or Devanagari character (it is then shown as it is).
pub(crate) fn romanize_cluster(g: &str) -> Option<Rc<str>> {
    // Cheap test first: every character of these blocks is 3 bytes in UTF-8
    // starting with 0xE0 0xA4..=0xA5 (Devanagari) or 0xE0 0xB0..=0xB3.
    if !g.bytes().any(|b| b == 0xE0) {
        return None;
    }
    let scheme = g.chars().find_map(scheme_of)?;
    if let Some(hit) = CACHE.with(|c| c.borrow().get(g).cloned()) {
        return hit;
    }
    // ZWJ / ZWNJ only steer the conjunct shape; they mean nothing in Latin.
    let input: Cow<'_, str> = if g.contains(['\u{200C}', '\u{200D}']) {
        Cow::Owned(g.replace(['\u{200C}', '\u{200D}'], ""))
    } else {
        Cow::Borrowed(g)
    };
    let latin = LIPIKA.with(|l| {
        l.borrow_mut()
            .transliterate(input.as_ref(), scheme, Scheme::Iso15919)
    });
    // Signs left over without a letter to sit on (an orphan virama) are
    // dropped; a cluster left empty is drawn as it is.
    let latin: String = latin
        .chars()
        .filter(|&c| !(is_romanizable(c) && c.width() == Some(0)))
        .collect();
    let result: Option<Rc<str>> = if latin.is_empty() {
        None
    } else {
        Some(Rc::from(latin))
    };
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(Box::from(g), result.clone());
    });
    result
}

/// `s` with its Kannada, Telugu and Devanagari text in ISO 15919 Latin
/// letters; everything else (English, emoji, other scripts) untouched.
/// Borrowed when there is nothing to convert.
///
/// ```
/// use sahaya_text::romanize;
/// assert_eq!(romanize("ಕನ್ನಡ / తెలుగు / नेपाली 👍"), "kannaḍa / telugu / nēpālī 👍");
/// assert_eq!(romanize("plain"), "plain");
/// ```
pub fn romanize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_romanizable) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for g in clusters(s) {
        match romanize_cluster(g) {
            Some(latin) => out.push_str(&latin),
            None => out.push_str(g),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WidthProfile;

    #[test]
    fn kannada() {
        assert_eq!(romanize("ಕನ್ನಡ"), "kannaḍa");
        assert_eq!(romanize("ಸಹಾಯ"), "sahāya");
        assert_eq!(romanize("ಕೀ ಕೂ ಕೇ ಕೈ ಕೊ ಕೋ"), "kī kū kē kai ko kō");
        assert_eq!(romanize("ಸ್ತ್ರೀ ಕ್ಕ ಗ್ರಾಹಕ"), "strī kka grāhaka");
        assert_eq!(romanize("ಅಂಗಡಿ ದುಃಖ"), "aṁgaḍi duḥkha");
        assert_eq!(romanize("ೞ ಱ"), "ḻa ṟa");
        assert_eq!(romanize("ಫ಼ೋನ್"), "fōn");
        assert_eq!(romanize("೧೨೩"), "123");
    }

    #[test]
    fn kannada_decomposed_vowel_signs() {
        // ೇ = ೆ + ೕ, ೀ = ಿ + ೕ (canonical decompositions).
        assert_eq!(romanize("ಕ\u{0CC6}\u{0CD5}"), "kē");
        assert_eq!(romanize("ಕ\u{0CBF}\u{0CD5}"), "kī");
    }

    #[test]
    fn telugu() {
        assert_eq!(romanize("తెలుగు"), "telugu");
        assert_eq!(romanize("సహాయం"), "sahāyaṁ");
        assert_eq!(romanize("శ్రీ క్ష"), "śrī kṣa");
        assert_eq!(romanize("ఱ"), "ṟa");
        assert_eq!(romanize("౧౨"), "12");
    }

    #[test]
    fn devanagari_nepali() {
        assert_eq!(romanize("नेपाली"), "nēpālī");
        assert_eq!(romanize("सहायता।"), "sahāyatā.");
        assert_eq!(romanize("क्ष ग्रा कृ"), "kṣa grā kr̥");
        assert_eq!(romanize("अँ ए ऐ ओ औ"), "am̐ ē ai ō au");
        assert_eq!(romanize("क़ ज़ ड़ फ़"), "qa za ṛa fa");
        assert_eq!(romanize("ऑफिस"), "ôphisa");
        assert_eq!(romanize("१२"), "12");
        assert_eq!(romanize("क्\u{200D}ष क्\u{200C}ष"), "kṣa kṣa");
    }

    #[test]
    fn other_text_is_untouched() {
        assert!(matches!(romanize("hello, world"), Cow::Borrowed(_)));
        assert!(matches!(romanize("👍🏽 🇳🇵 বাংলা"), Cow::Borrowed(_)));
        assert_eq!(
            romanize("Order #123: ಪಾರ್ಸೆಲ್ 👍 ok"),
            "Order #123: pārsel 👍 ok"
        );
        // An orphan vowel sign is romanized on its own; an orphan virama
        // has no Latin form and stays (drawn on a dotted circle).
        assert_eq!(romanize("\u{0CBF}abc"), "iabc");
        assert_eq!(romanize("\u{0CCD}abc"), "\u{0CCD}abc");
    }

    #[test]
    fn romanized_text_is_never_wider_than_its_bytes() {
        // `wrap` and `truncate` skip measuring a line no longer in bytes
        // than the width; that stays right with romanized widths.
        let p = WidthProfile::spacing_marks().with_romanized(true);
        let mut samples: Vec<String> = Vec::new();
        for block in [0x0900u32..0x0980, 0x0C00..0x0C80, 0x0C80..0x0D00] {
            let chars: Vec<char> = block.filter_map(char::from_u32).collect();
            for &c in &chars {
                samples.push(c.to_string());
                for &s in &chars {
                    samples.push(format!("{c}{s}"));
                }
            }
        }
        for s in samples {
            for g in clusters(&s) {
                assert!(p.cluster_width(g) <= g.len(), "{g:?} -> {:?}", romanize(g));
            }
        }
    }
}
