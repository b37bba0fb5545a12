//! Dates, times and durations in the locale's style, compact enough for
//! table columns and message headers, in the local time zone.
//!
//! | locale | today | this year          | another year        |
//! |--------|-------|--------------------|---------------------|
//! | en     | 14:05 | 16 Nov 14:05       | 16 Nov 2025         |
//! | kn     | 14:05 | ನವೆಂ 16 14:05       | ನವೆಂ 16, 2025        |
//! | te     | 14:05 | 16 నవం 14:05        | 16 నవం, 2025         |
//! | ne     | १४:०५ | नोभेम्बर १६, १४:०५ | २०२५ नोभेम्बर १६    |
//! | ne, BS | १४:०५ | मंसिर ७, १४:०५      | २०८२ मंसिर ७         |
//!
//! Day–month order, separators and month abbreviations are CLDR's (kn
//! medium date `MMM d, y`, te `d MMM, y`, ne `y MMM d` with `{1}, {0}` for
//! date and time; en is sahaya's en-IN style `d MMM`). Times are 24-hour
//! everywhere: CLDR's kn and te short times are 12-hour with a day period
//! (`02:05 ಅಪರಾಹ್ನ`), too wide for a column; ne is `HH:mm` in CLDR too.
//!
//! With the Bikram Sambat calendar, month names are Nepali for `ne` and in
//! Latin letters (Baisakh …) for the other locales; a date outside the
//! conversion table is shown in the Gregorian calendar.

use chrono::{Datelike, NaiveDate, TimeZone};

use super::bikram_sambat::{BsDate, MONTHS_LATIN, MONTHS_NE};
use super::{Calendar, I18n};
use sahaya_protocol::domain::Timestamp;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// CLDR kn, Gregorian months, format abbreviated.
const MONTHS_KN: [&str; 12] = [
    "ಜನವರಿ",
    "ಫೆಬ್ರವರಿ",
    "ಮಾರ್ಚ್",
    "ಏಪ್ರಿ",
    "ಮೇ",
    "ಜೂನ್",
    "ಜುಲೈ",
    "ಆಗಸ್ಟ್",
    "ಸೆಪ್ಟೆಂ",
    "ಅಕ್ಟೋ",
    "ನವೆಂ",
    "ಡಿಸೆಂ",
];

/// CLDR te, Gregorian months, format abbreviated.
const MONTHS_TE: [&str; 12] = [
    "జన",
    "ఫిబ్ర",
    "మార్చి",
    "ఏప్రి",
    "మే",
    "జూన్",
    "జులై",
    "ఆగ",
    "సెప్టెం",
    "అక్టో",
    "నవం",
    "డిసెం",
];

/// CLDR ne, Gregorian months (abbreviated and wide are the same).
const MONTHS_NE_GREGORIAN: [&str; 12] = [
    "जनवरी",
    "फेब्रुअरी",
    "मार्च",
    "अप्रिल",
    "मे",
    "जुन",
    "जुलाई",
    "अगस्ट",
    "सेप्टेम्बर",
    "अक्टोबर",
    "नोभेम्बर",
    "डिसेम्बर",
];

/// CLDR hi, Gregorian months (wide: the abbreviations end in ॰, which
/// some terminal fonts draw badly).
const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्तूबर",
    "नवंबर",
    "दिसंबर",
];

/// A day as shown: in BS or Gregorian, month already named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Day {
    bs: bool,
    year: i32,
    month: &'static str,
    day: u32,
}

impl I18n {
    /// The calendar dates are shown in.
    pub fn calendar(&self) -> Calendar {
        self.calendar
    }

    /// A timestamp for a list or a header, in local time: the time of day
    /// when it is today, else day and month with the time, else (another
    /// year) the date with the year.
    pub fn when(&self, ts: Timestamp, now: Timestamp) -> String {
        self.when_in(ts, now, &chrono::Local)
    }

    /// [`I18n::when`] in the time zone `tz`.
    pub fn when_in<Tz: TimeZone>(&self, ts: Timestamp, now: Timestamp, tz: &Tz) -> String {
        self.digits(&format_when(self.locale, self.calendar, ts, now, tz))
    }

    /// A local time of day with seconds, `14:05:09`, for "last synced".
    pub fn clock(&self, ts: Timestamp) -> String {
        self.clock_in(ts, &chrono::Local)
    }

    /// [`I18n::clock`] in the time zone `tz`.
    pub fn clock_in<Tz: TimeZone>(&self, ts: Timestamp, tz: &Tz) -> String {
        let local = ts.with_timezone(tz).naive_local();
        self.digits(&local.format("%H:%M:%S").to_string())
    }

    /// A date with its year, in the chosen calendar: `16 Nov 2025`,
    /// `२०८२ मंसिर ७`.
    pub fn date(&self, date: NaiveDate) -> String {
        let day = day(self.locale, self.calendar, date);
        self.digits(&layout(self.locale, day, None))
    }

    /// A duration in at most 7 cells for the list's SLA / age column (see
    /// [`format_duration`]), in the console's digits: `5m`, `३घ`, `೨ದಿ`.
    pub fn duration(&self, secs: i64) -> String {
        self.digits(&format_duration(self.locale, secs))
    }
}

/// [`I18n::when_in`] with ASCII digits, for `locale` (one of
/// [`super::SUPPORTED`]; others get English).
pub fn format_when<Tz: TimeZone>(
    locale: &str,
    calendar: Calendar,
    ts: Timestamp,
    now: Timestamp,
    tz: &Tz,
) -> String {
    let local = ts.with_timezone(tz).naive_local();
    let today = now.with_timezone(tz).naive_local().date();
    let time = local.format("%H:%M").to_string();
    if local.date() == today {
        return time;
    }
    let shown = day(locale, calendar, local.date());
    let this_year = day(locale, calendar, today);
    if shown.bs == this_year.bs && shown.year == this_year.year {
        layout(locale, shown, Some(&time))
    } else {
        layout(locale, shown, None)
    }
}

/// A duration with ASCII digits: whole minutes under an hour, hours under
/// a day, else days, with the locale's narrow unit (like CLDR's
/// `unit-narrow` durations); the sign is dropped (the caller marks
/// breaches). `5m`, `3घ`, `2ದಿ`.
pub fn format_duration(locale: &str, secs: i64) -> String {
    let a = secs.unsigned_abs();
    let (n, unit) = if a < 3600 {
        (a / 60, 0)
    } else if a < 86_400 {
        (a / 3600, 1)
    } else {
        (a / 86_400, 2)
    };
    let units: [&str; 3] = match locale {
        "kn" => ["ನಿ", "ಗಂ", "ದಿ"],
        "te" => ["ని", "గం", "రో"],
        "ne" => ["मि", "घ", "दि"],
        "hi" => ["मि", "घं", "दि"],
        _ => ["m", "h", "d"],
    };
    format!("{n}{}", units[unit])
}

fn day(locale: &str, calendar: Calendar, date: NaiveDate) -> Day {
    if calendar == Calendar::BikramSambat
        && let Some(bs) = BsDate::from_gregorian(date)
    {
        let month = usize::from(bs.month() - 1);
        return Day {
            bs: true,
            year: bs.year(),
            month: if locale == "ne" {
                MONTHS_NE[month]
            } else {
                MONTHS_LATIN[month]
            },
            day: u32::from(bs.day()),
        };
    }
    let names = match locale {
        "kn" => &MONTHS_KN,
        "te" => &MONTHS_TE,
        "ne" => &MONTHS_NE_GREGORIAN,
        "hi" => &MONTHS_HI,
        _ => &MONTHS_EN,
    };
    Day {
        bs: false,
        year: date.year(),
        month: names[date.month0() as usize],
        day: date.day(),
    }
}

/// The day in the locale's order, with `time` or else with the year.
fn layout(locale: &str, d: Day, time: Option<&str>) -> String {
    let Day {
        year, month, day, ..
    } = d;
    match (locale, time) {
        ("kn", Some(t)) => format!("{month} {day} {t}"),
        ("kn", None) => format!("{month} {day}, {year}"),
        ("te", Some(t)) => format!("{day} {month} {t}"),
        ("te", None) => format!("{day} {month}, {year}"),
        ("ne", Some(t)) => format!("{month} {day}, {t}"),
        ("ne", None) => format!("{year} {month} {day}"),
        ("hi", Some(t)) => format!("{day} {month}, {t}"),
        ("hi", None) => format!("{day} {month} {year}"),
        (_, Some(t)) => format!("{day} {month} {t}"),
        (_, None) => format!("{day} {month} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::super::{Digits, Options};
    use super::*;

    /// India Standard Time, +05:30.
    fn ist() -> FixedOffset {
        FixedOffset::east_opt(5 * 3600 + 1800).unwrap()
    }

    /// Nepal Time, +05:45.
    fn npt() -> FixedOffset {
        FixedOffset::east_opt(5 * 3600 + 2700).unwrap()
    }

    fn at(tz: &FixedOffset, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
        tz.with_ymd_and_hms(y, mo, d, h, mi, 9)
            .unwrap()
            .with_timezone(&chrono::Utc)
    }

    fn i18n(locale: &str, digits: Option<Digits>, calendar: Calendar) -> I18n {
        I18n::with_options(locale, Options { digits, calendar })
    }

    #[test]
    fn gregorian_in_each_locale() {
        let tz = ist();
        let now = at(&tz, 2026, 11, 23, 18, 0);
        let today = at(&tz, 2026, 11, 23, 9, 7);
        let this_year = at(&tz, 2026, 11, 16, 14, 5);
        let last_year = at(&tz, 2025, 11, 16, 14, 5);
        let cases = [
            ("en", ["09:07", "16 Nov 14:05", "16 Nov 2025"]),
            ("kn", ["09:07", "ನವೆಂ 16 14:05", "ನವೆಂ 16, 2025"]),
            ("te", ["09:07", "16 నవం 14:05", "16 నవం, 2025"]),
            ("ne", ["०९:०७", "नोभेम्बर १६, १४:०५", "२०२५ नोभेम्बर १६"]),
        ];
        for (locale, expected) in cases {
            let i = I18n::new(locale);
            let got = [today, this_year, last_year].map(|ts| i.when_in(ts, now, &tz));
            assert_eq!(got, expected, "{locale}");
        }
        let kn = i18n("kn", Some(Digits::Native), Calendar::Gregorian);
        assert_eq!(kn.when_in(this_year, now, &tz), "ನವೆಂ ೧೬ ೧೪:೦೫");
        let te = i18n("te", Some(Digits::Native), Calendar::Gregorian);
        assert_eq!(te.when_in(this_year, now, &tz), "౧౬ నవం ౧౪:౦౫");
        let ne = i18n("ne", Some(Digits::Ascii), Calendar::Gregorian);
        assert_eq!(ne.when_in(this_year, now, &tz), "नोभेम्बर 16, 14:05");
    }

    #[test]
    fn all_month_names() {
        let tz = ist();
        let now = at(&tz, 2026, 12, 31, 23, 0);
        for (locale, names) in [
            ("en", MONTHS_EN),
            ("kn", MONTHS_KN),
            ("te", MONTHS_TE),
            ("ne", MONTHS_NE_GREGORIAN),
            ("hi", MONTHS_HI),
        ] {
            let i = i18n(locale, Some(Digits::Ascii), Calendar::Gregorian);
            for (m, name) in names.iter().enumerate() {
                let s = i.when_in(at(&tz, 2026, m as u32 + 1, 1, 12, 0), now, &tz);
                assert!(s.contains(name), "{locale}: {s}");
            }
        }
    }

    #[test]
    fn local_time_zone_decides_the_day() {
        // 23:50 in Kathmandu on 1 Jan is 18:05 UTC; 00:10 on 2 Jan is the
        // next day there but still 1 Jan in UTC.
        let tz = npt();
        let en = I18n::new("en");
        let now = at(&tz, 2026, 1, 2, 0, 10);
        assert_eq!(
            en.when_in(at(&tz, 2026, 1, 1, 23, 50), now, &tz),
            "1 Jan 23:50"
        );
        assert_eq!(en.when_in(at(&tz, 2026, 1, 2, 0, 5), now, &tz), "00:05");
        assert_eq!(en.clock_in(at(&tz, 2026, 1, 2, 0, 5), &tz), "00:05:09");
        assert_eq!(
            I18n::new("ne").clock_in(at(&tz, 2026, 1, 2, 0, 5), &tz),
            "००:०५:०९"
        );
        // Future times (an ETA) read the same way.
        assert_eq!(
            en.when_in(at(&tz, 2027, 1, 3, 9, 0), now, &tz),
            "3 Jan 2027"
        );
    }

    #[test]
    fn bikram_sambat_dates() {
        let tz = npt();
        // 23 Nov 2026 = 7 Mangsir 2083.
        let now = at(&tz, 2026, 11, 23, 18, 0);
        let this_year = at(&tz, 2026, 11, 16, 14, 5); // 30 Kartik 2083
        let new_year = at(&tz, 2026, 4, 14, 10, 0); // 1 Baisakh 2083
        let last_year = at(&tz, 2026, 4, 13, 10, 0); // 30 Chaitra 2082
        let ne = i18n("ne", None, Calendar::BikramSambat);
        assert_eq!(ne.when_in(this_year, now, &tz), "कात्तिक ३०, १४:०५");
        assert_eq!(ne.when_in(new_year, now, &tz), "बैशाख १, १०:००");
        assert_eq!(ne.when_in(last_year, now, &tz), "२०८२ चैत ३०");
        assert_eq!(ne.when_in(now, now, &tz), "१८:००");
        let en = i18n("en", None, Calendar::BikramSambat);
        assert_eq!(en.when_in(this_year, now, &tz), "30 Kartik 14:05");
        assert_eq!(en.when_in(last_year, now, &tz), "30 Chaitra 2082");
        let d = NaiveDate::from_ymd_opt(2024, 4, 13).unwrap();
        assert_eq!(ne.date(d), "२०८१ बैशाख १");
        assert_eq!(en.date(d), "1 Baisakh 2081");
        assert_eq!(I18n::new("ne").date(d), "२०२४ अप्रिल १३");
    }

    #[test]
    fn outside_the_table_falls_back_to_gregorian() {
        let tz = npt();
        let ne = i18n("ne", Some(Digits::Ascii), Calendar::BikramSambat);
        let old = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        assert_eq!(ne.date(old), "1900 जनवरी 1");
        let far = NaiveDate::from_ymd_opt(2040, 5, 6).unwrap();
        assert_eq!(ne.date(far), "2040 मे 6");
        // "Now" outside the table: a BS date in the table shows its year.
        let now = at(&tz, 2040, 1, 1, 0, 0);
        assert_eq!(
            ne.when_in(at(&tz, 2030, 4, 14, 8, 0), now, &tz),
            "2087 बैशाख 1"
        );
        assert_eq!(
            ne.when_in(at(&tz, 2039, 12, 1, 8, 0), now, &tz),
            "2039 डिसेम्बर 1"
        );
        assert_eq!(ne.when_in(at(&tz, 2040, 1, 1, 8, 0), now, &tz), "08:00");
    }

    #[test]
    fn durations_fit_the_column() {
        let profile = sahaya_text::default_profile();
        let expect = [
            ("en", ["0m", "59m", "1h", "23h", "1d", "365d"]),
            ("kn", ["0ನಿ", "59ನಿ", "1ಗಂ", "23ಗಂ", "1ದಿ", "365ದಿ"]),
            ("te", ["0ని", "59ని", "1గం", "23గం", "1రో", "365రో"]),
            ("ne", ["०मि", "५९मि", "१घ", "२३घ", "१दि", "३६५दि"]),
        ];
        let secs = [59, 3599, 3600, 86_399, 86_400, 365 * 86_400];
        for (locale, expected) in expect {
            let i = I18n::new(locale);
            let got = secs.map(|s| i.duration(s));
            assert_eq!(got, expected, "{locale}");
            assert_eq!(i.duration(-3599), i.duration(3599));
            for digits in [Digits::Ascii, Digits::Native] {
                let i = i18n(locale, Some(digits), Calendar::Gregorian);
                for s in [-3599, -86_399, -9_999 * 86_400] {
                    let cell = format!("-{}", i.duration(s));
                    let w = profile.str_width(&cell);
                    assert!(w <= 7, "{locale} {cell:?}: {w} cells");
                }
            }
        }
        let kn = i18n("kn", Some(Digits::Native), Calendar::Gregorian);
        assert_eq!(kn.duration(2 * 86_400), "೨ದಿ");
        let te = i18n("te", Some(Digits::Native), Calendar::Gregorian);
        assert_eq!(te.duration(300), "౫ని");
    }
}
