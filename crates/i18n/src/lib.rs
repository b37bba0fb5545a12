//! Localization: Fluent messages from `assets/i18n/{locale}/*.ftl`, embedded
//! in the binary, and the choice of locale.
//!
//! English (`en`) is complete by definition; Kannada (`kn`), Telugu (`te`)
//! and Nepali (`ne`) are supported locales whose files are added under
//! `assets/i18n/<locale>/` and listed in [`EMBEDDED`]. A message missing
//! from a locale falls back to English, then to its id: [`I18n::tr`] never
//! panics. Tests check that every locale directory is embedded and has the
//! same message ids and placeholders as English.
//!
//! Fluent's bidi isolation marks are turned off: Fluent wraps every
//! placeable in U+2068 FIRST STRONG ISOLATE / U+2069 POP DIRECTIONAL
//! ISOLATE, which terminals do not interpret; they would show as garbage or
//! shift columns (and our sanitizer would strip them from untrusted text
//! anyway). None of our languages is right-to-left, and untrusted text is
//! sanitized before display, so nothing is lost.

pub mod bikram_sambat;
mod dates;
mod locale;
mod numbers;
mod options;

use std::borrow::Cow;
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use dates::{format_duration, format_when};
pub use locale::{choose_locale, language_name, supported_locale};
pub use numbers::{ascii_digits, format_int, group_indian, money_ascii};
pub use options::{Calendar, Digits, Options};
pub use sahaya_protocol::Label;

/// Locales sahaya is built for, English first.
pub const SUPPORTED: [&str; 5] = ["en", "kn", "te", "ne", "hi"];

/// The English locale, the fallback for everything.
pub const FALLBACK: &str = "en";

/// The Fluent files of one locale as embedded in the binary: (file name,
/// contents). A test checks this list against `assets/i18n/`.
pub struct LocaleFiles {
    pub locale: &'static str,
    pub files: &'static [(&'static str, &'static str)],
}

/// Every embedded translation. To add a locale or a file, put it under
/// `assets/i18n/<locale>/` and list it here (the tests fail until you do).
pub const EMBEDDED: &[LocaleFiles] = &[
    LocaleFiles {
        locale: "en",
        files: &[
            (
                "actions.ftl",
                include_str!("../../../assets/i18n/en/actions.ftl"),
            ),
            (
                "domain.ftl",
                include_str!("../../../assets/i18n/en/domain.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/en/errors.ftl"),
            ),
            ("late.ftl", include_str!("../../../assets/i18n/en/late.ftl")),
            ("ui.ftl", include_str!("../../../assets/i18n/en/ui.ftl")),
        ],
    },
    LocaleFiles {
        locale: "kn",
        files: &[
            (
                "actions.ftl",
                include_str!("../../../assets/i18n/kn/actions.ftl"),
            ),
            (
                "domain.ftl",
                include_str!("../../../assets/i18n/kn/domain.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/kn/errors.ftl"),
            ),
            ("late.ftl", include_str!("../../../assets/i18n/kn/late.ftl")),
            ("ui.ftl", include_str!("../../../assets/i18n/kn/ui.ftl")),
        ],
    },
    LocaleFiles {
        locale: "te",
        files: &[
            (
                "actions.ftl",
                include_str!("../../../assets/i18n/te/actions.ftl"),
            ),
            (
                "domain.ftl",
                include_str!("../../../assets/i18n/te/domain.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/te/errors.ftl"),
            ),
            ("late.ftl", include_str!("../../../assets/i18n/te/late.ftl")),
            ("ui.ftl", include_str!("../../../assets/i18n/te/ui.ftl")),
        ],
    },
    LocaleFiles {
        locale: "ne",
        files: &[
            (
                "actions.ftl",
                include_str!("../../../assets/i18n/ne/actions.ftl"),
            ),
            (
                "domain.ftl",
                include_str!("../../../assets/i18n/ne/domain.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/ne/errors.ftl"),
            ),
            ("late.ftl", include_str!("../../../assets/i18n/ne/late.ftl")),
            ("ui.ftl", include_str!("../../../assets/i18n/ne/ui.ftl")),
        ],
    },
    LocaleFiles {
        locale: "hi",
        files: &[
            (
                "actions.ftl",
                include_str!("../../../assets/i18n/hi/actions.ftl"),
            ),
            (
                "domain.ftl",
                include_str!("../../../assets/i18n/hi/domain.ftl"),
            ),
            (
                "errors.ftl",
                include_str!("../../../assets/i18n/hi/errors.ftl"),
            ),
            ("late.ftl", include_str!("../../../assets/i18n/hi/late.ftl")),
            ("ui.ftl", include_str!("../../../assets/i18n/hi/ui.ftl")),
        ],
    },
];

type Bundle = FluentBundle<FluentResource>;

/// Something the UI should tell the agent about the language choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The requested language is not one sahaya has; English is shown.
    UnknownLanguage { requested: String },
}

impl Notice {
    /// The message id of the notice.
    pub fn message_id(&self) -> &'static str {
        match self {
            Notice::UnknownLanguage { .. } => "notice-unknown-language",
        }
    }

    /// The notice in the console's language.
    pub fn text(&self, i18n: &I18n) -> String {
        match self {
            Notice::UnknownLanguage { requested } => {
                i18n.tr_args(self.message_id(), &[("lang", requested.as_str().into())])
            }
        }
    }
}

/// A value for a message placeholder: a string or a number. Numbers select
/// plural variants (`[one]`, `[other]`) by the locale's rules.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Str(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Arg<'a> {
        Arg::Str(s)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Int(i64::from(n))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32);

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<isize> for Arg<'_> {
    fn from(n: isize) -> Self {
        Arg::Int(n as i64)
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Float(n)
    }
}

impl From<f32> for Arg<'_> {
    fn from(n: f32) -> Self {
        Arg::Float(f64::from(n))
    }
}

impl<'a> From<&Arg<'a>> for FluentValue<'a> {
    fn from(arg: &Arg<'a>) -> FluentValue<'a> {
        match arg {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Float(n) => FluentValue::from(*n),
        }
    }
}

/// The console's messages in one language, with English behind it.
pub struct I18n {
    locale: &'static str,
    /// `None` when the locale is English.
    bundle: Option<Bundle>,
    english: Bundle,
    notice: Option<Notice>,
    /// How numbers are written (see `numbers.rs`).
    digits: Digits,
    /// How dates are shown (see `dates.rs`).
    calendar: Calendar,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("I18n")
            .field("locale", &self.locale)
            .field("notice", &self.notice)
            .field("digits", &self.digits)
            .field("calendar", &self.calendar)
            .finish_non_exhaustive()
    }
}

impl I18n {
    /// Messages for `locale` (`"kn"`, `"te_IN.UTF-8"`, `"ne-NP"`...). An
    /// unknown locale gives English and a [`Notice`] ([`I18n::notice`]).
    pub fn new(locale: &str) -> I18n {
        I18n::with_options(locale, Options::default())
    }

    /// [`I18n::new`] with the config's display options: digits (default:
    /// the locale's, native for Nepali) and calendar.
    pub fn with_options(locale: &str, options: Options) -> I18n {
        let (chosen, notice) = match supported_locale(locale) {
            Some(l) => (l, None),
            None => (
                FALLBACK,
                Some(Notice::UnknownLanguage {
                    requested: locale.to_string(),
                }),
            ),
        };
        let digits = options.digits.unwrap_or(Digits::default_for(chosen));
        let zero = numbers::zero_for(chosen, digits);
        let mut bundle = (chosen != FALLBACK).then(|| build_bundle(chosen));
        let mut english = build_bundle(FALLBACK);
        for b in bundle.iter_mut().chain(std::iter::once(&mut english)) {
            numbers::install_fluent_formatter(b, zero);
        }
        I18n {
            locale: chosen,
            bundle,
            english,
            notice,
            digits,
            calendar: options.calendar,
        }
    }

    /// The locale in use: one of [`SUPPORTED`].
    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// Set when the requested locale was unknown and English is shown.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The message `id` (or `id.attribute`). Missing in this locale: the
    /// English one; missing in English too: the id itself.
    pub fn tr(&self, id: &str) -> String {
        self.tr_args(id, &[])
    }

    /// The message `id` with placeholders filled:
    /// `tr_args("view-count", &[("count", 3.into())])`.
    pub fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                fa.set(*name, FluentValue::from(value));
            }
            fa
        });
        for bundle in self.bundle.iter().chain(std::iter::once(&self.english)) {
            if let Some(text) = format(bundle, id, fluent_args.as_ref()) {
                return text;
            }
        }
        tracing::debug!("no message {id:?} in any locale");
        id.to_string()
    }

    /// Whether the message exists in this locale or in English.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .iter()
            .chain(std::iter::once(&self.english))
            .any(|b| has_pattern(b, id))
    }

    /// The name of a domain value (`Status::OnHold` → "On hold").
    pub fn label(&self, value: &impl Label) -> String {
        self.tr(&value.message_id())
    }
}

impl Default for I18n {
    fn default() -> I18n {
        I18n::new(FALLBACK)
    }
}

fn build_bundle(locale: &str) -> Bundle {
    let langid: LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // See the module docs: no U+2068/U+2069 around placeables.
    bundle.set_use_isolating(false);
    // NUMBER() for translators (e.g. ordinal plural categories).
    if let Err(e) = bundle.add_builtins() {
        tracing::error!("{locale}: cannot add Fluent built-in functions: {e:?}");
    }
    let files = EMBEDDED
        .iter()
        .filter(|l| l.locale == locale)
        .flat_map(|l| l.files.iter());
    for (name, source) in files {
        let resource = match FluentResource::try_new((*source).to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::error!("{locale}/{name}: {} Fluent syntax errors", errors.len());
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!("{locale}/{name}: {errors:?}");
        }
    }
    bundle
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

fn has_pattern(bundle: &Bundle, id: &str) -> bool {
    let (message_id, attribute) = split_id(id);
    bundle
        .get_message(message_id)
        .is_some_and(|m| match attribute {
            Some(a) => m.get_attribute(a).is_some(),
            None => m.value().is_some(),
        })
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (message_id, attribute) = split_id(id);
    let message = bundle.get_message(message_id)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::debug!("message {id:?}: {errors:?}");
    }
    Some(text.into_owned())
}

#[cfg(test)]
mod tests;
