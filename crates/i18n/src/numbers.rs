//! Numbers and money: Indian / Nepali digit grouping (1,00,000), native
//! digits (೦-೯, ౦-౯, ०-९), ₹ and रू.
//!
//! The free functions work on ASCII digits; [`I18n`]'s methods apply the
//! console's digit choice on top. Numbers in Fluent messages (`{ $count }`)
//! go through the same rules (see [`install_fluent_formatter`]).

use fluent_bundle::FluentValue;

use super::{Bundle, Digits, I18n};
use sahaya_protocol::domain::{Currency, Money};

/// The zero of the locale's native digits, if it has its own.
pub fn native_zero(locale: &str) -> Option<char> {
    match locale {
        "kn" => Some('\u{0CE6}'),        // ೦
        "te" => Some('\u{0C66}'),        // ౦
        "ne" | "hi" => Some('\u{0966}'), // ०
        _ => None,
    }
}

/// The zero numbers are written with in `locale` with `digits`; `None`
/// for ASCII.
pub(super) fn zero_for(locale: &str, digits: Digits) -> Option<char> {
    match digits {
        Digits::Native => native_zero(locale),
        Digits::Ascii => None,
    }
}

/// ASCII digits in `s` written with the digits starting at `zero`.
pub fn to_script(s: &str, zero: char) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Native digits (Kannada, Telugu, Devanagari) to ASCII, for parsing what
/// the agent typed. Everything else is left alone.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            let zero = match c {
                '\u{0CE6}'..='\u{0CEF}' => 0x0CE6,
                '\u{0C66}'..='\u{0C6F}' => 0x0C66,
                '\u{0966}'..='\u{096F}' => 0x0966,
                _ => return c,
            };
            char::from_digit(c as u32 - zero, 10).unwrap_or(c)
        })
        .collect()
}

/// Groups digits the Indian / Nepali way: the last three, then pairs:
/// 1,00,000 and 1,23,45,678.
pub fn group_indian(n: u64) -> String {
    group_digit_run(&n.to_string())
}

/// Groups a run of ASCII digits (no sign, no fraction) the Indian way.
fn group_digit_run(digits: &str) -> String {
    let len = digits.len();
    if len <= 3 {
        return digits.to_string();
    }
    let mut out = String::with_capacity(len + len / 2);
    let head = len - 3;
    for (i, c) in digits[..head].chars().enumerate() {
        if i > 0 && (head - i).is_multiple_of(2) {
            out.push(',');
        }
        out.push(c);
    }
    out.push(',');
    out.push_str(&digits[head..]);
    out
}

/// Groups the integer part of a formatted ASCII number: `-1234567.5` →
/// `-12,34,567.5`. Anything that is not `[-]digits[.rest]` is returned
/// as is (`NaN`, `inf`, `1e21`).
pub fn group_number_str(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let end = rest.find('.').unwrap_or(rest.len());
    let (int, frac) = rest.split_at(end);
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    format!("{sign}{}{frac}", group_digit_run(int))
}

/// A whole number with Indian grouping, ASCII digits: `-1,00,000`.
pub fn format_int(n: i64) -> String {
    let grouped = group_indian(n.unsigned_abs());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// ₹1,23,456.50 or रू 1,200, ASCII digits; paise / paisa are shown only
/// when not zero. The symbol goes by the currency, not the locale.
pub fn money_ascii(m: Money) -> String {
    let sign = if m.minor < 0 { "-" } else { "" };
    let abs = m.minor.unsigned_abs();
    let whole = group_indian(abs / 100);
    let frac = abs % 100;
    let symbol = currency_symbol(m.currency);
    if frac == 0 {
        format!("{sign}{symbol}{whole}")
    } else {
        format!("{sign}{symbol}{whole}.{frac:02}")
    }
}

/// The symbol written before an amount (with its space, for रू).
pub fn currency_symbol(c: Currency) -> &'static str {
    match c {
        Currency::Inr => "₹",
        Currency::Npr => "रू ",
    }
}

impl I18n {
    /// The digits in use (the config's choice or the locale's default).
    pub fn digit_style(&self) -> Digits {
        self.digits
    }

    /// The zero of the digits numbers are written with, when not ASCII.
    fn zero(&self) -> Option<char> {
        zero_for(self.locale, self.digits)
    }

    /// `s` with its ASCII digits in the console's digits (unchanged when
    /// the digits are ASCII or the locale has no digits of its own).
    pub fn digits(&self, s: &str) -> String {
        match self.zero() {
            Some(zero) => to_script(s, zero),
            None => s.to_string(),
        }
    }

    /// A whole number for display: grouped (1,00,000), in the console's
    /// digits.
    pub fn number(&self, n: i64) -> String {
        self.digits(&format_int(n))
    }

    /// An amount for display: `₹1,23,456.50`, `रू १,२००`.
    pub fn money(&self, m: Money) -> String {
        self.digits(&money_ascii(m))
    }
}

/// Makes Fluent write numbers (`{ $count }`) the way [`I18n::number`] does:
/// grouped unless the message says `useGrouping: false`, in the digits
/// starting at `zero`. Plural selection is not affected.
pub(super) fn install_fluent_formatter(bundle: &mut Bundle, zero: Option<char>) {
    match zero {
        Some('\u{0CE6}') => bundle.set_formatter(Some(fluent_knda)),
        Some('\u{0C66}') => bundle.set_formatter(Some(fluent_telu)),
        Some('\u{0966}') => bundle.set_formatter(Some(fluent_deva)),
        _ => bundle.set_formatter(Some(fluent_latn)),
    }
}

fn fluent_number(value: &FluentValue<'_>, zero: Option<char>) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let s = n.as_string();
    let s = if n.options.use_grouping {
        group_number_str(&s)
    } else {
        s.into_owned()
    };
    Some(match zero {
        Some(zero) => to_script(&s, zero),
        None => s,
    })
}

fn fluent_latn<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(value, None)
}

fn fluent_knda<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(value, Some('\u{0CE6}'))
}

fn fluent_telu<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(value, Some('\u{0C66}'))
}

fn fluent_deva<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(value, Some('\u{0966}'))
}

#[cfg(test)]
mod tests {
    use super::super::{Options, SUPPORTED};
    use super::*;

    fn npr(minor: i64) -> Money {
        Money {
            minor,
            currency: Currency::Npr,
        }
    }

    fn inr(minor: i64) -> Money {
        Money {
            minor,
            currency: Currency::Inr,
        }
    }

    fn with_digits(locale: &str, digits: Digits) -> I18n {
        I18n::with_options(
            locale,
            Options {
                digits: Some(digits),
                ..Options::default()
            },
        )
    }

    #[test]
    fn indian_grouping() {
        assert_eq!(group_indian(0), "0");
        assert_eq!(group_indian(7), "7");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1000), "1,000");
        assert_eq!(group_indian(99_999), "99,999");
        assert_eq!(group_indian(100_000), "1,00,000");
        assert_eq!(group_indian(1_234_567), "12,34,567");
        assert_eq!(group_indian(12_345_678), "1,23,45,678");
        assert_eq!(group_indian(u64::MAX), "1,84,46,74,40,73,70,95,51,615");
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(-999), "-999");
        assert_eq!(format_int(-100_000), "-1,00,000");
        assert_eq!(format_int(-12_345_678), "-1,23,45,678");
        assert_eq!(format_int(i64::MIN), "-92,23,37,20,36,85,47,75,808");
    }

    #[test]
    fn groups_formatted_numbers() {
        assert_eq!(group_number_str("1234567.5"), "12,34,567.5");
        assert_eq!(group_number_str("-1000"), "-1,000");
        assert_eq!(group_number_str("42.5"), "42.5");
        assert_eq!(group_number_str("NaN"), "NaN");
        assert_eq!(group_number_str("-inf"), "-inf");
        assert_eq!(group_number_str(""), "");
        assert_eq!(group_number_str("-"), "-");
    }

    #[test]
    fn native_digits_for_all_three_scripts() {
        let all = "0123456789";
        assert_eq!(to_script(all, native_zero("kn").unwrap()), "೦೧೨೩೪೫೬೭೮೯");
        assert_eq!(to_script(all, native_zero("te").unwrap()), "౦౧౨౩౪౫౬౭౮౯");
        assert_eq!(to_script(all, native_zero("ne").unwrap()), "०१२३४५६७८९");
        assert_eq!(native_zero("en"), None);
        // Only ASCII digits change; other numerals and text stay.
        assert_eq!(to_script("#12 ab ೩ Ⅻ", '\u{0966}'), "#१२ ab ೩ Ⅻ");
        // And back, for parsing.
        for l in ["kn", "te", "ne"] {
            let native = to_script("₹1,23,456.50", native_zero(l).unwrap());
            assert_ne!(native, "₹1,23,456.50");
            assert_eq!(ascii_digits(&native), "₹1,23,456.50", "{l}");
        }
        assert_eq!(ascii_digits("೧೨೩ ౪౫ ६७ 89"), "123 45 67 89");
    }

    #[test]
    fn money_in_rupees_and_paise() {
        assert_eq!(money_ascii(inr(12_345_650)), "₹1,23,456.50");
        assert_eq!(money_ascii(Money::inr(1499)), "₹1,499");
        assert_eq!(money_ascii(inr(5)), "₹0.05");
        assert_eq!(money_ascii(inr(-50_000)), "-₹500");
        assert_eq!(money_ascii(npr(120_000)), "रू 1,200");
        assert_eq!(money_ascii(npr(50)), "रू 0.50");
        assert_eq!(money_ascii(npr(1_000_000_001)), "रू 1,00,00,000.01");
        assert_eq!(money_ascii(npr(0)), "रू 0");

        let ne = I18n::new("ne");
        assert_eq!(ne.money(npr(120_000)), "रू १,२००");
        assert_eq!(ne.money(inr(12_345_650)), "₹१,२३,४५६.५०");
        let kn = with_digits("kn", Digits::Native);
        assert_eq!(kn.money(inr(12_345_650)), "₹೧,೨೩,೪೫೬.೫೦");
        let te = with_digits("te", Digits::Native);
        assert_eq!(te.money(npr(120_050)), "रू ౧,౨౦౦.౫౦");
        let en = with_digits("en", Digits::Native);
        assert_eq!(en.money(inr(12_345_650)), "₹1,23,456.50");
        assert_eq!(I18n::new("kn").money(inr(12_345_650)), "₹1,23,456.50");
    }

    #[test]
    fn default_digits_per_locale() {
        let ne = I18n::new("ne");
        assert_eq!(ne.digit_style(), Digits::Native);
        assert_eq!(ne.number(100_000), "१,००,०००");
        assert_eq!(ne.digits("12:05"), "१२:०५");
        for l in ["kn", "te", "en"] {
            let i = I18n::new(l);
            assert_eq!(i.digit_style(), Digits::Ascii, "{l}");
            assert_eq!(i.number(100_000), "1,00,000", "{l}");
            assert_eq!(i.digits("12:05"), "12:05", "{l}");
        }
        // The config can turn native digits off for Nepali and on for the
        // others.
        assert_eq!(with_digits("ne", Digits::Ascii).number(1234), "1,234");
        assert_eq!(with_digits("kn", Digits::Native).number(-1234), "-೧,೨೩೪");
        assert_eq!(with_digits("te", Digits::Native).number(0), "౦");
        assert_eq!(with_digits("en", Digits::Native).number(1234), "1,234");
    }

    #[test]
    fn fluent_numbers_follow_the_digit_choice() {
        let ne = I18n::new("ne");
        let s = ne.tr_args("view-count", &[("count", 12.into())]);
        assert!(s.contains("१२") && !s.contains("12"), "{s}");
        let s = ne.tr_args("view-count", &[("count", 123_456.into())]);
        assert!(s.contains("१,२३,४५६"), "{s}");
        // Messages that fall back to English use the same digits.
        let kn = with_digits("kn", Digits::Native);
        let s = kn.tr_args("search-results", &[("count", 3.into())]);
        assert!(s.contains('೩') && !s.contains('3'), "{s}");
        // Strings are never touched, only numbers.
        let s = ne.tr_args("logged-in-as", &[("name", "agent 7".into())]);
        assert!(s.contains("agent 7"), "{s}");
        let en = I18n::new("en");
        assert_eq!(
            en.tr_args("view-count", &[("count", 100_000.into())]),
            "1,00,000 tickets"
        );
        assert_eq!(
            en.tr_args("sync-progress", &[("percent", 42.5.into())]),
            "syncing 42.5%"
        );
        for l in SUPPORTED {
            let i = with_digits(l, Digits::Native);
            assert!(!i.tr_args("view-count", &[("count", 1.into())]).is_empty());
        }
    }
}
