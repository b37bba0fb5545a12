//! How many terminal cells a display cluster takes.
//!
//! Terminals disagree about Indic clusters, so every width in the console goes
//! through one [`WidthProfile`], which `sahaya doctor` can calibrate:
//!
//! - [`WidthModel::SpacingMarks`] (the default) models terminals that give one
//!   cell to every code point of non-zero `wcwidth`, combining marks zero:
//!   tmux, xterm, VTE (GNOME Terminal), Konsole, Windows Terminal, and anything
//!   built on glibc `wcwidth`. Starting from `unicode-width`, it adds one cell
//!   for each *spacing* combining mark (General Category Mc) that
//!   `unicode-width` 0.2 reports as zero wide, e.g. Kannada ೀ U+0CC0, ೂ U+0CC2,
//!   ೇ U+0CC7, ೈ U+0CC8, ೊ U+0CCA, ೋ U+0CCB, ೕ U+0CD5, ೖ U+0CD6. Devanagari and
//!   Telugu have no such marks (their Mc signs are already one cell wide).
//! - [`WidthModel::ClusterBase`] models terminals that lay out whole grapheme
//!   clusters, each as wide as its widest code point (kitty, foot, WezTerm,
//!   ghostty).
//!
//! Widths are computed per extended grapheme cluster, the unit a terminal
//! lays out, and summed over a display cluster: with `ClusterBase` a Kannada
//! conjunct `ನ್ನ`, which Unicode splits in two grapheme clusters, takes two
//! cells; `శ్రీ` (one grapheme cluster) takes one.
//!
//! Rules common to both models:
//! - emoji sequences (ZWJ sequences, skin-tone modifiers, flags, keycaps,
//!   VS16 presentation) take 2 cells;
//! - control characters take 0 (they never reach the screen: see `sanitize`);
//! - a cluster made only of invisible formatting characters (ZWSP, ZWJ, ZWNJ,
//!   word joiner, BOM, soft hyphen, variation selectors, tags) takes 0 and is
//!   not drawn;
//! - any other cluster takes at least 1 cell, so an orphan combining mark
//!   (a virama at the start of a message) is drawn on its own cell (on a
//!   dotted circle, see `draw`), never lost or overlapped;
//! - calibrated per-cluster overrides win over the model (clamped to
//!   `1..=MAX_CLUSTER_WIDTH`).
//!
//! A profile can also be *romanized* ([`WidthProfile::with_romanized`]): a
//! display-only setting, never serialized, under which a cluster with
//! Kannada, Telugu or Devanagari letters is as wide as its ISO 15919 Latin
//! form (`ಕ್ಷ` → `kṣa`, 3 cells), which `draw` then puts in those cells.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::cluster::clusters;

/// Upper bound for a calibrated override.
pub const MAX_CLUSTER_WIDTH: usize = 16;

/// Spacing combining marks (General Category Mc) that `unicode-width` 0.2.3
/// reports as zero wide. Most are `Grapheme_Extend` (two-part vowel signs and
/// length marks). Only added when `unicode-width` still says 0, so a newer
/// `unicode-width` that fixes a mark does not make it count twice.
const ZERO_WIDTH_MC: &[(char, char)] = &[
    ('\u{09BE}', '\u{09BE}'),
    ('\u{09D7}', '\u{09D7}'),
    ('\u{0B3E}', '\u{0B3E}'),
    ('\u{0B57}', '\u{0B57}'),
    ('\u{0BBE}', '\u{0BBE}'),
    ('\u{0BD7}', '\u{0BD7}'),
    ('\u{0CC0}', '\u{0CC0}'),
    ('\u{0CC2}', '\u{0CC2}'),
    ('\u{0CC7}', '\u{0CC8}'),
    ('\u{0CCA}', '\u{0CCB}'),
    ('\u{0CD5}', '\u{0CD6}'),
    ('\u{0D3E}', '\u{0D3E}'),
    ('\u{0D57}', '\u{0D57}'),
    ('\u{0DCF}', '\u{0DCF}'),
    ('\u{0DDF}', '\u{0DDF}'),
    ('\u{1715}', '\u{1715}'),
    ('\u{1734}', '\u{1734}'),
    ('\u{1B35}', '\u{1B35}'),
    ('\u{1B3B}', '\u{1B3B}'),
    ('\u{1B3D}', '\u{1B3D}'),
    ('\u{1B43}', '\u{1B44}'),
    ('\u{1BAA}', '\u{1BAA}'),
    ('\u{1BF2}', '\u{1BF3}'),
    ('\u{302E}', '\u{302F}'),
    ('\u{A953}', '\u{A953}'),
    ('\u{A9C0}', '\u{A9C0}'),
    ('\u{111C0}', '\u{111C0}'),
    ('\u{11235}', '\u{11235}'),
    ('\u{1133E}', '\u{1133E}'),
    ('\u{1134D}', '\u{1134D}'),
    ('\u{11357}', '\u{11357}'),
    ('\u{114B0}', '\u{114B0}'),
    ('\u{114BD}', '\u{114BD}'),
    ('\u{115AF}', '\u{115AF}'),
    ('\u{116B6}', '\u{116B6}'),
    ('\u{11930}', '\u{11930}'),
    ('\u{1193D}', '\u{1193D}'),
    ('\u{16FF0}', '\u{16FF1}'),
    ('\u{1D165}', '\u{1D166}'),
    ('\u{1D16D}', '\u{1D172}'),
];

fn is_zero_width_mc(c: char) -> bool {
    if c < '\u{09BE}' {
        return false;
    }
    ZERO_WIDTH_MC
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Characters that are invisible on their own and take no cell: a cluster
/// made only of these (or of controls) is zero wide and not drawn.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    ) || c.is_control()
}

fn is_emoji_presentation_part(c: char) -> bool {
    matches!(c, '\u{FE0F}' | '\u{20E3}' | '\u{1F1E6}'..='\u{1F1FF}')
}

/// Which family of terminals a profile models; see the module documentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidthModel {
    /// One cell per spacing code point (tmux, xterm, VTE, Konsole, Windows
    /// Terminal, glibc `wcwidth`).
    #[default]
    SpacingMarks,
    /// A grapheme cluster is as wide as its widest code point (kitty, foot,
    /// WezTerm, ghostty).
    ClusterBase,
}

/// The width rules of one terminal: a model plus calibrated overrides.
///
/// Serializes as `{"model": "spacing_marks", "overrides": {"ರೀ": 1}}`;
/// deserialized overrides go through [`WidthProfile::with_overrides`], so a
/// hand-edited cache file cannot make a visible cluster zero wide.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredProfile")]
pub struct WidthProfile {
    model: WidthModel,
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    overrides: HashMap<String, usize>,
    /// Display Kannada, Telugu and Devanagari in Latin letters (see
    /// [`super::romanize`]); a view setting, not part of the calibration.
    #[serde(skip)]
    romanized: bool,
}

/// The serialized shape of a [`WidthProfile`], before validation.
#[derive(Deserialize)]
struct StoredProfile {
    #[serde(default)]
    model: WidthModel,
    #[serde(default)]
    overrides: HashMap<String, usize>,
}

impl From<StoredProfile> for WidthProfile {
    fn from(p: StoredProfile) -> Self {
        WidthProfile::new(p.model).with_overrides(p.overrides)
    }
}

static DEFAULT_PROFILE: LazyLock<WidthProfile> = LazyLock::new(WidthProfile::spacing_marks);

/// The built-in default profile ([`WidthProfile::spacing_marks`], no overrides).
pub fn default_profile() -> &'static WidthProfile {
    &DEFAULT_PROFILE
}

impl WidthProfile {
    /// "One cell per spacing mark": the default.
    pub fn spacing_marks() -> Self {
        Self::new(WidthModel::SpacingMarks)
    }

    /// "A cluster takes its base width".
    pub fn cluster_base() -> Self {
        Self::new(WidthModel::ClusterBase)
    }

    /// A profile of the given model without overrides.
    pub fn new(model: WidthModel) -> Self {
        Self {
            model,
            overrides: HashMap::new(),
            romanized: false,
        }
    }

    /// The same profile, drawing Kannada, Telugu and Devanagari in ISO 15919
    /// Latin letters when `on` (for terminals that cannot shape them).
    pub fn with_romanized(mut self, on: bool) -> Self {
        self.romanized = on;
        self
    }

    /// Turns the romanized display on or off.
    pub fn set_romanized(&mut self, on: bool) {
        self.romanized = on;
    }

    /// Whether Kannada, Telugu and Devanagari are drawn in Latin letters.
    pub fn romanized(&self) -> bool {
        self.romanized
    }

    /// Adds widths measured on a real terminal, keyed by cluster text. A key
    /// may be a whole display cluster (`ನ್ನ`) or one grapheme cluster of it
    /// (`ನ್`). Values are clamped to `1..=MAX_CLUSTER_WIDTH`; overrides for
    /// invisible clusters (ZWJ, ZWSP, ...) and empty keys are ignored.
    pub fn with_overrides(mut self, overrides: HashMap<String, usize>) -> Self {
        for (k, v) in overrides {
            if k.is_empty() || k.chars().all(is_invisible_format) {
                continue;
            }
            self.overrides.insert(k, v.clamp(1, MAX_CLUSTER_WIDTH));
        }
        self
    }

    /// The model this profile uses.
    pub fn model(&self) -> WidthModel {
        self.model
    }

    /// The calibrated overrides.
    pub fn overrides(&self) -> &HashMap<String, usize> {
        &self.overrides
    }

    /// Cells taken by one display cluster (see [`super::clusters`]). Also
    /// accepts any string and then sums its grapheme clusters, but the
    /// "at least one cell" rule applies to `g` as a whole.
    pub fn cluster_width(&self, g: &str) -> usize {
        if g.len() == 1 {
            let b = g.as_bytes()[0];
            if self.overrides.is_empty() || b.is_ascii_control() {
                return usize::from(!b.is_ascii_control());
            }
        }
        if self.romanized
            && let Some(latin) = super::romanize::romanize_cluster(g)
        {
            return self.latin_width(&latin);
        }
        if let Some(&w) = self.overrides.get(g) {
            return w;
        }
        let total = self.raw_width(g);
        if total == 0 && !g.chars().all(is_invisible_format) {
            1
        } else {
            total
        }
    }

    /// Cells taken by the romanized form of a cluster: its grapheme clusters
    /// (`r̥` is one), at least one cell.
    pub(crate) fn latin_width(&self, latin: &str) -> usize {
        latin
            .graphemes(true)
            .map(|egc| self.egc_width(egc))
            .sum::<usize>()
            .max(1)
    }

    /// The sum of the grapheme clusters' widths, before the "at least one
    /// cell" rule: 0 for an orphan non-spacing mark, which `draw` then puts
    /// on a dotted circle.
    pub(crate) fn raw_width(&self, g: &str) -> usize {
        g.graphemes(true).map(|egc| self.egc_width(egc)).sum()
    }

    fn egc_width(&self, egc: &str) -> usize {
        if egc.len() == 1 {
            return usize::from(!egc.as_bytes()[0].is_ascii_control());
        }
        if !self.overrides.is_empty()
            && let Some(&w) = self.overrides.get(egc)
        {
            return w;
        }
        if egc.starts_with(char::is_control) {
            return 0;
        }
        match self.model {
            WidthModel::SpacingMarks => {
                let fix = egc
                    .chars()
                    .filter(|&c| c.width() == Some(0) && is_zero_width_mc(c))
                    .count();
                egc.width() + fix
            }
            WidthModel::ClusterBase => {
                let mut max = 0;
                let mut emoji = false;
                for c in egc.chars() {
                    max = max.max(c.width().unwrap_or(0));
                    emoji |= is_emoji_presentation_part(c);
                }
                if emoji {
                    max = max.max(egc.width().min(2));
                }
                max
            }
        }
    }

    /// Cells taken by `s`: the sum of its display clusters' widths. Newlines
    /// and other controls count 0.
    pub fn str_width(&self, s: &str) -> usize {
        if self.overrides.is_empty() && s.is_ascii() {
            return s.bytes().filter(|b| !b.is_ascii_control()).count();
        }
        clusters(s).map(|g| self.cluster_width(g)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sm(s: &str) -> usize {
        WidthProfile::spacing_marks().str_width(s)
    }
    fn cb(s: &str) -> usize {
        WidthProfile::cluster_base().str_width(s)
    }

    #[test]
    fn ascii() {
        assert_eq!(sm("hello"), 5);
        assert_eq!(cb("hello"), 5);
        assert_eq!(sm("a\nb\t"), 2);
        assert_eq!(sm(""), 0);
    }

    #[test]
    fn kannada_spacing_marks_count() {
        let p = WidthProfile::spacing_marks();
        // ರ + ೀ (Mc, zero in unicode-width) -> 2 with spacing marks.
        assert_eq!(p.cluster_width("ರೀ"), 2);
        assert_eq!(WidthProfile::cluster_base().cluster_width("ರೀ"), 1);
        for mark in [
            '\u{0CC0}', '\u{0CC2}', '\u{0CC7}', '\u{0CC8}', '\u{0CCA}', '\u{0CCB}', '\u{0CD5}',
            '\u{0CD6}',
        ] {
            let g = format!("ಕ{mark}");
            assert_eq!(p.cluster_width(&g), 2, "{g}");
            assert_eq!(WidthProfile::cluster_base().cluster_width(&g), 1, "{g}");
        }
        // ಾ U+0CBE is Mc and already 1 in unicode-width: no double count.
        assert_eq!(p.cluster_width("ರಾ"), 2);
        // ಿ U+0CBF is Mn: zero.
        assert_eq!(p.cluster_width("ವಿ"), 1);
    }

    #[test]
    fn telugu_and_devanagari_marks() {
        // Telugu Mc signs ు ూ ృ ౄ are already 1 in unicode-width.
        assert_eq!(sm("కు"), 2);
        assert_eq!(cb("కు"), 1);
        // Telugu vowel sign II is Mn: zero.
        assert_eq!(sm("శ్రీ"), 2);
        assert_eq!(cb("శ్రీ"), 1);
        // Devanagari ा ि ी are Mc, 1 each.
        assert_eq!(sm("ग्राहक"), 5);
        assert_eq!(cb("ग्राहक"), 3);
        assert_eq!(sm("सन्तुष्टि"), 6);
        assert_eq!(cb("सन्तुष्टि"), 3);
        assert_eq!(sm("क्\u{200D}ष"), 2);
        assert_eq!(cb("क्\u{200D}ष"), 1);
        assert_eq!(sm("क्\u{200C}ष"), 2);
        assert_eq!(cb("क्\u{200C}ष"), 2);
    }

    #[test]
    fn kannada_conjuncts() {
        // ನ್ನ is two grapheme clusters: cluster_base counts each.
        assert_eq!(sm("ಕನ್ನಡ"), 4);
        assert_eq!(cb("ಕನ್ನಡ"), 4);
        assert_eq!(sm("ಸ್ತ್ರೀ"), 4);
        assert_eq!(cb("ಸ್ತ್ರೀ"), 3);
        assert_eq!(sm("ಗ್ರಾಹಕ"), 5);
        assert_eq!(cb("ಗ್ರಾಹಕ"), 4);
        assert_eq!(sm("క్స్ట"), 3);
        assert_eq!(cb("క్స్ట"), 1);
    }

    #[test]
    fn emoji_are_two_in_both_models() {
        for p in [WidthProfile::spacing_marks(), WidthProfile::cluster_base()] {
            for e in ["👍🏽", "👨‍👩‍👧", "🇳🇵", "🇮🇳", "❤️", "1️⃣", "👍"]
            {
                assert_eq!(p.cluster_width(e), 2, "{e} {:?}", p.model());
            }
            assert_eq!(p.str_width("🇳🇵🇮🇳"), 4);
            // a lone regional indicator
            assert_eq!(p.cluster_width("🇳"), 1);
        }
    }

    #[test]
    fn invisible_and_orphan_clusters() {
        for p in [WidthProfile::spacing_marks(), WidthProfile::cluster_base()] {
            for z in [
                "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\n", "\r\n",
            ] {
                assert_eq!(p.cluster_width(z), 0, "{z:?}");
            }
            // orphan virama, orphan vowel sign: one cell
            assert_eq!(p.cluster_width("\u{0CCD}"), 1);
            assert_eq!(p.cluster_width("\u{0CCD}\u{200D}"), 1);
            assert_eq!(p.cluster_width("\u{0CBF}"), 1);
            assert_eq!(p.str_width("\u{0CCD}abc"), 4);
            assert_eq!(p.str_width("ಆರ್ಡರ್\u{200B}ಸಂಖ್ಯೆ"), p.str_width("ಆರ್ಡರ್ಸಂಖ್ಯೆ"));
        }
    }

    #[test]
    fn overrides_win_and_are_clamped() {
        let mut o = HashMap::new();
        o.insert("ರೀ".to_string(), 1);
        o.insert("ನ್".to_string(), 0);
        o.insert("\u{200D}".to_string(), 3);
        o.insert("x".to_string(), 99);
        let p = WidthProfile::spacing_marks().with_overrides(o);
        assert_eq!(p.cluster_width("ರೀ"), 1);
        // per grapheme cluster inside a display cluster; 0 clamped to 1
        assert_eq!(p.cluster_width("ನ್ನ"), 2);
        assert_eq!(p.cluster_width("\u{200D}"), 0);
        assert_eq!(p.cluster_width("x"), MAX_CLUSTER_WIDTH);
        assert_eq!(p.str_width("xy"), MAX_CLUSTER_WIDTH + 1);
    }

    #[test]
    fn romanized_widths_are_the_latin_ones() {
        for p in [WidthProfile::spacing_marks(), WidthProfile::cluster_base()] {
            let p = p.with_romanized(true);
            assert!(p.romanized());
            assert_eq!(p.cluster_width("ಕ್ಷ"), 3); // kṣa
            assert_eq!(p.cluster_width("ಕೀ"), 2); // kī
            assert_eq!(p.cluster_width("కృ"), 2); // kr̥
            assert_eq!(p.str_width("ಕನ್ನಡ ok"), "kannaḍa ok".chars().count());
            assert_eq!(p.str_width("नेपाली"), 6);
            assert_eq!(p.str_width("👍🏽 hello"), 8);
            // not serialized: a cached profile is never romanized
            let json = serde_json::to_string(&p).expect("serialize");
            let back: WidthProfile = serde_json::from_str(&json).expect("deserialize");
            assert!(!back.romanized());
        }
    }

    #[test]
    fn serde_round_trip() {
        let mut o = HashMap::new();
        o.insert("ರೀ".to_string(), 1);
        let p = WidthProfile::cluster_base().with_overrides(o);
        let json = serde_json::to_string(&p).expect("serialize");
        assert!(json.contains("\"cluster_base\""), "{json}");
        let back: WidthProfile = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, p);
        let plain: WidthProfile =
            serde_json::from_str(r#"{"model":"spacing_marks"}"#).expect("deserialize");
        assert_eq!(&plain, default_profile());
        let empty: WidthProfile = serde_json::from_str("{}").expect("deserialize");
        assert_eq!(&empty, default_profile());
        let bad: WidthProfile = serde_json::from_str(
            r#"{"model":"cluster_base","overrides":{"ನ್":0,"\u200d":2,"x":1000}}"#,
        )
        .expect("deserialize");
        assert_eq!(bad.cluster_width("ನ್"), 1);
        assert_eq!(bad.cluster_width("\u{200D}"), 0);
        assert_eq!(bad.cluster_width("x"), MAX_CLUSTER_WIDTH);
        assert!(serde_json::from_str::<WidthProfile>(r#"{"model":"nope"}"#).is_err());
    }

    #[test]
    fn mc_table_is_sorted_and_zero_in_unicode_width() {
        for w in ZERO_WIDTH_MC.windows(2) {
            assert!(w[0].1 < w[1].0);
        }
        for &(lo, hi) in ZERO_WIDTH_MC {
            assert!(lo <= hi);
            for c in lo..=hi {
                assert_eq!(c.width(), Some(0), "U+{:04X}", c as u32);
                assert!(is_zero_width_mc(c));
            }
        }
        assert!(!is_zero_width_mc('\u{0CBF}'));
        assert!(!is_zero_width_mc('a'));
    }
}
