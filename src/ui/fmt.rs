//! Formatting numbers, money and times for display.

use crate::domain::{Currency, Money, Timestamp};

/// Groups digits the Indian / Nepali way: 1,00,000.
pub fn group_indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    let mut out = String::new();
    let head_chars: Vec<char> = head.chars().collect();
    for (i, c) in head_chars.iter().enumerate() {
        if i > 0 && (head_chars.len() - i) % 2 == 0 {
            out.push(',');
        }
        out.push(*c);
    }
    out.push(',');
    out.push_str(tail);
    out
}

/// ₹1,23,456.50 or रू 1,200 (paise shown only when not zero).
pub fn money(m: Money) -> String {
    let sign = if m.minor < 0 { "-" } else { "" };
    let abs = m.minor.unsigned_abs();
    let whole = group_indian(abs / 100);
    let frac = abs % 100;
    let symbol = match m.currency {
        Currency::Inr => "₹",
        Currency::Npr => "रू ",
    };
    if frac == 0 {
        format!("{sign}{symbol}{whole}")
    } else {
        format!("{sign}{symbol}{whole}.{frac:02}")
    }
}

/// Native digits (Kannada, Telugu, Devanagari) to ASCII, for parsing input.
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

/// A signed duration in compact form: 5m, 3h, 2d.
pub fn compact_duration(secs: i64) -> String {
    let a = secs.abs();
    if a < 3600 {
        format!("{}m", a / 60)
    } else if a < 86_400 {
        format!("{}h", a / 3600)
    } else {
        format!("{}d", a / 86_400)
    }
}

/// Local time of day for a timestamp (HH:MM), or the date when not today.
pub fn when(ts: Timestamp, now: Timestamp) -> String {
    let local = ts.with_timezone(&chrono::Local);
    let today = now.with_timezone(&chrono::Local).date_naive();
    if local.date_naive() == today {
        local.format("%H:%M").to_string()
    } else {
        local.format("%d %b %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indian_grouping() {
        assert_eq!(group_indian(0), "0");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1000), "1,000");
        assert_eq!(group_indian(100000), "1,00,000");
        assert_eq!(group_indian(12345678), "1,23,45,678");
        assert_eq!(money(Money::inr(149900 / 100)), "₹1,499");
        assert_eq!(
            money(Money {
                minor: 50,
                currency: Currency::Npr
            }),
            "रू 0.50"
        );
    }

    #[test]
    fn native_digits_parse() {
        assert_eq!(ascii_digits("೧೨೩ ౪౫ ६७"), "123 45 67");
    }
}
