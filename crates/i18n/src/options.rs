//! The agent's choices about how numbers and dates look, from the config
//! file (`digits = "native"`, `calendar = "bikram-sambat"`).

use serde::Deserialize;

/// Which digits numbers are written with (`"ascii"`, `"native"` in the
/// config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Digits {
    /// 0-9.
    Ascii,
    /// The locale's own digits: Kannada ೦-೯, Telugu ౦-౯, Devanagari ०-९.
    /// English has none and stays with 0-9.
    Native,
}

impl Digits {
    /// CLDR's default numbering system: `deva` for Nepali, `latn` for
    /// Kannada, Telugu and English.
    pub fn default_for(locale: &str) -> Digits {
        match locale {
            "ne" => Digits::Native,
            _ => Digits::Ascii,
        }
    }

    /// `"native"` or `"ascii"` (any case, surrounding spaces ignored);
    /// `"latn"` is accepted for ascii.
    pub fn parse(s: &str) -> Option<Digits> {
        match s.trim().to_ascii_lowercase().as_str() {
            "native" => Some(Digits::Native),
            "ascii" | "latn" | "latin" => Some(Digits::Ascii),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Digits::Ascii => "ascii",
            Digits::Native => "native",
        }
    }
}

/// Which calendar dates are shown in (`"gregorian"`, `"bikram-sambat"` in
/// the config file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    #[default]
    Gregorian,
    /// Bikram Sambat (विक्रम संवत्), Nepal's official calendar. Dates
    /// outside the conversion table are shown in the Gregorian calendar.
    BikramSambat,
}

impl Calendar {
    /// `"gregorian"` or `"bikram-sambat"` (also `"bs"`, `"bikram_sambat"`).
    pub fn parse(s: &str) -> Option<Calendar> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gregorian" | "ad" => Some(Calendar::Gregorian),
            "bikram-sambat" | "bikram_sambat" | "bikramsambat" | "bs" => {
                Some(Calendar::BikramSambat)
            }
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::BikramSambat => "bikram-sambat",
        }
    }
}

/// Display options carried into [`super::I18n::with_options`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// `None`: the locale's default ([`Digits::default_for`]).
    pub digits: Option<Digits>,
    pub calendar: Calendar,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_config_values() {
        assert_eq!(Digits::parse("native"), Some(Digits::Native));
        assert_eq!(Digits::parse(" ASCII "), Some(Digits::Ascii));
        assert_eq!(Digits::parse("roman"), None);
        assert_eq!(
            Calendar::parse("bikram-sambat"),
            Some(Calendar::BikramSambat)
        );
        assert_eq!(Calendar::parse("Gregorian"), Some(Calendar::Gregorian));
        assert_eq!(Calendar::parse("julian"), None);
        for d in [Digits::Ascii, Digits::Native] {
            assert_eq!(Digits::parse(d.as_str()), Some(d));
        }
        for c in [Calendar::Gregorian, Calendar::BikramSambat] {
            assert_eq!(Calendar::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn cldr_default_numbering_systems() {
        assert_eq!(Digits::default_for("ne"), Digits::Native);
        for l in ["en", "kn", "te"] {
            assert_eq!(Digits::default_for(l), Digits::Ascii, "{l}");
        }
    }
}
