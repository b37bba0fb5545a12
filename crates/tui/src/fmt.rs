//! Formatting helpers for display. Numbers, money, dates and durations are
//! localized by [`sahaya_i18n::I18n`] (`number`, `money`, `when`, `clock`,
//! `duration`, `digits`); what is left here is locale-independent.

use sahaya_protocol::domain::{Money, Timestamp};

pub use sahaya_i18n::{ascii_digits, group_indian};

/// ₹1,23,456.50 or रू 1,200 with ASCII digits, whatever the console's
/// language: for text sent to customers (macros). On screen use
/// `app.i18n.money`.
pub fn money(m: Money) -> String {
    sahaya_i18n::money_ascii(m)
}

/// A signed duration in compact English form: 5m, 3h, 2d. On screen use
/// `app.i18n.duration`.
pub fn compact_duration(secs: i64) -> String {
    sahaya_i18n::format_duration("en", secs)
}

/// Local time of day (HH:MM), or the date when not today, in English. On
/// screen use `app.i18n.when`.
pub fn when(ts: Timestamp, now: Timestamp) -> String {
    let calendar = sahaya_i18n::Calendar::Gregorian;
    sahaya_i18n::format_when("en", calendar, ts, now, &chrono::Local)
}

/// A file's size, short: 512 B, 48 KB, 3.2 MB, in the console's digits.
pub fn file_size(i18n: &sahaya_i18n::I18n, bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let text = if bytes < KB {
        format!("{bytes} B")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    };
    i18n.digits(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sahaya_protocol::domain::Currency;

    #[test]
    fn wrappers_stay_ascii() {
        assert_eq!(group_indian(100000), "1,00,000");
        assert_eq!(money(Money::inr(149900 / 100)), "₹1,499");
        assert_eq!(
            money(Money {
                minor: 50,
                currency: Currency::Npr
            }),
            "रू 0.50"
        );
        assert_eq!(compact_duration(-7200), "2h");
    }

    #[test]
    fn file_sizes() {
        let en = sahaya_i18n::I18n::new("en");
        assert_eq!(file_size(&en, 512), "512 B");
        assert_eq!(file_size(&en, 48 * 1024 - 10), "48 KB");
        assert_eq!(file_size(&en, 3 * 1024 * 1024 + 200_000), "3.2 MB");
        let ne = sahaya_i18n::I18n::new("ne");
        assert_eq!(file_size(&ne, 2048), "२ KB");
    }

    #[test]
    fn native_digits_parse() {
        assert_eq!(ascii_digits("೧೨೩ ౪౫ ६७"), "123 45 67");
    }
}
