//! How phone numbers, e-mail addresses, social handles, order ids and
//! tracking numbers are normalized, the same way for the index (the cache
//! writes these keys) and for what an agent types, so that
//! `+91 98450 12345`, `09845012345`, `९८४५०१२३४५` and `9845` all meet.

/// Country calling codes whose national numbers have ten digits (India,
/// Nepal): a full number with one of them also yields its national number.
const COUNTRY_CODES: &[&str] = &["91", "977"];
const NATIONAL_DIGITS: usize = 10;

/// The first code point of each run of ten decimal digits folded to ASCII:
/// ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali,
/// Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, fullwidth.
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xFF10,
];

/// The value of a decimal digit of any of the scripts above.
pub fn digit_value(c: char) -> Option<u8> {
    let code = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|zero| u8::try_from(code - zero).ok())
}

/// `text` with every native digit replaced by its ASCII digit.
pub fn fold_digits(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from(b'0' + d),
            None => c,
        })
        .collect()
}

/// Whether `text` reads as a phone number: digits (any script) and only
/// `+ - ( ) . /` and blanks besides, at least one digit.
pub fn is_phone_like(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if digit_value(c).is_some() {
            digits += 1;
        } else if !(c.is_whitespace() || "+-().//".contains(c)) {
            return false;
        }
    }
    digits > 0
}

fn ascii_digits(text: &str) -> String {
    text.chars()
        .filter_map(digit_value)
        .map(|d| char::from(b'0' + d))
        .collect()
}

/// Whether the number is written with an international prefix (`+`, `00`);
/// returns its digits without that prefix.
fn international(text: &str) -> Option<String> {
    let digits = ascii_digits(text);
    if text.trim_start().starts_with('+') {
        Some(digits)
    } else {
        digits.strip_prefix("00").map(str::to_string)
    }
}

/// The national number inside full international `digits`, when they start
/// with a known country code and have the national length.
fn national_of(digits: &str, exact: bool) -> Option<String> {
    COUNTRY_CODES.iter().find_map(|cc| {
        let rest = digits.strip_prefix(cc)?;
        let fits = if exact {
            rest.len() == NATIONAL_DIGITS
        } else {
            !rest.is_empty() && rest.len() <= NATIONAL_DIGITS
        };
        fits.then(|| rest.to_string())
    })
}

/// What a phone key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneKind {
    /// A full number with its country code (digits only).
    International,
    /// The national part of a number whose country is known.
    National,
    /// A number stored without a country code (national digits).
    Local,
}

/// The keys a stored phone number is indexed under: with a country code,
/// the full number and its national part; without, the national digits
/// (a leading trunk `0` dropped). Empty with fewer than five digits.
pub fn phone_keys(stored: &str) -> Vec<(PhoneKind, String)> {
    let mut out = Vec::new();
    let digits = ascii_digits(stored);
    if digits.len() < 5 {
        return out;
    }
    let full = international(stored).or_else(|| national_of(&digits, true).map(|_| digits.clone()));
    match full {
        Some(full) => {
            if let Some(national) = national_of(&full, true) {
                out.push((PhoneKind::National, national));
            }
            out.push((PhoneKind::International, full));
        }
        None => out.push((PhoneKind::Local, digits.trim_start_matches('0').to_string())),
    }
    out.retain(|(_, k)| !k.is_empty());
    out
}

/// The keys a typed phone number is looked up by, as prefixes: one
/// matching a key of [`phone_keys`] of the same kind is a match.
///
/// - `+91 98450…` or `0091 98450…`: full numbers starting so, and numbers
///   stored without a country whose digits start with `98450…`.
/// - `98450…`, `098450…`: national numbers (of any country) and numbers
///   stored without a country starting so; `919845012345` (a whole number
///   with its country code but no `+`) also the full number.
pub fn phone_lookups(typed: &str) -> Vec<(PhoneKind, String)> {
    let mut out = Vec::new();
    let digits = ascii_digits(typed);
    if digits.is_empty() {
        return out;
    }
    if let Some(full) = international(typed) {
        if let Some(national) = national_of(&full, false) {
            out.push((PhoneKind::Local, national));
        }
        out.push((PhoneKind::International, full));
    } else {
        let national = digits.trim_start_matches('0').to_string();
        out.push((PhoneKind::National, national.clone()));
        out.push((PhoneKind::Local, national));
        if let Some(national) = national_of(&digits, true) {
            out.push((PhoneKind::National, national.clone()));
            out.push((PhoneKind::Local, national));
            out.push((PhoneKind::International, digits));
        }
    }
    out.retain(|(_, k)| !k.is_empty());
    out
}

/// An order id or tracking number as indexed and looked up: letters and
/// digits only (native digits folded), lower case. `SH-1001`, `sh1001` and
/// `#SH 1001` give the same key.
pub fn order_key(text: &str) -> String {
    fold_digits(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An e-mail address as indexed and looked up: trimmed, without `mailto:`,
/// lower case.
pub fn email_key(text: &str) -> String {
    let t = text.trim();
    let t = t
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .map_or(t, |_| &t[7..]);
    t.to_lowercase()
}

/// Whether a stored handle is an e-mail address.
pub fn is_email(text: &str) -> bool {
    let t = text.trim();
    t.find('@')
        .is_some_and(|at| at > 0 && t[at..].contains('.'))
}

/// A social handle as looked up: lower case, without a leading `@`.
pub fn handle_key(text: &str) -> String {
    text.trim().trim_start_matches('@').to_lowercase()
}

/// The keys a stored social handle is indexed under: the whole handle and,
/// for a profile address (`facebook.com/kavya.r`), its last part.
pub fn handle_keys(stored: &str) -> Vec<String> {
    let mut out = vec![handle_key(stored)];
    if let Some((_, last)) = stored.trim().trim_end_matches('/').rsplit_once('/') {
        out.push(handle_key(last));
    }
    out.retain(|k| !k.is_empty());
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(stored: &str, typed: &str) -> bool {
        let keys = phone_keys(stored);
        phone_lookups(typed).iter().any(|(kind, p)| {
            keys.iter()
                .any(|(k, key)| k == kind && key.starts_with(p.as_str()))
        })
    }

    #[test]
    fn phones_match_however_written() {
        let stored = [
            "+91 98450 12345",
            "+919845012345",
            "09845012345",
            "9845012345",
        ];
        let typed = [
            "+91 98450 12345",
            "09845012345",
            "9845012345",
            "9845",
            "98450-12345",
            "(98450) 12345",
            "919845012345",
            "+91 9845",
            "0091 98450 12345",
            "९८४५०१२३४५",
            "೯೮೪೫",
            "౯౮౪౫౦",
        ];
        for s in stored {
            for t in typed {
                assert!(matches(s, t), "{s} / {t}");
            }
        }
        assert!(matches("+977 9841234567", "9841234567"));
        assert!(matches("+977 9841234567", "+977 984"));
        assert!(matches("+977 9841234567", "9779841234567"));
        assert!(!matches("+91 98450 12345", "98451"));
        assert!(!matches("+91 98450 12345", "12345"));
        // A country code given is a country code meant.
        assert!(!matches("+91 98450 12345", "+977 9845"));
        assert!(!matches("+977 9845012345", "+91 9845"));
        assert!(matches("09845012345", "+977 9845"));
        assert!(phone_keys("1234").is_empty());
    }

    #[test]
    fn keys_fold_case_and_punctuation() {
        assert_eq!(order_key("SH-1001"), "sh1001");
        assert_eq!(order_key("#sh 1001"), "sh1001");
        assert_eq!(order_key("OD-१००१"), "od1001");
        assert_eq!(
            email_key(" MAILTO:Kavya.R@Gmail.Example "),
            "kavya.r@gmail.example"
        );
        assert!(is_email("kavya@x.in"));
        assert!(!is_email("@kavya"));
        assert_eq!(
            handle_keys("facebook.com/Kavya.R"),
            vec!["facebook.com/kavya.r", "kavya.r"]
        );
        assert_eq!(handle_keys("@kavya_r"), vec!["kavya_r"]);
        assert_eq!(fold_digits("೨d"), "2d");
        assert!(is_phone_like("+91 (98450) 12-345"));
        assert!(!is_phone_like("98450x"));
        assert!(!is_phone_like("+-"));
    }
}
