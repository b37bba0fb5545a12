//! The value of each field: what it accepts (case ignored, native digits
//! folded, a few aliases) and the error when it does not.

use sahaya_protocol::domain::{Channel, Priority, Status};
use sahaya_protocol::wire::normalize_tag;

use crate::ast::{Age, AgeUnit, Assignee, Cmp, Compare, Field, Matcher};
use crate::error::{QueryError, QueryErrorKind};
use crate::keys::{email_key, fold_digits, handle_key, is_phone_like, order_key};
use crate::lex::Spanned;

/// Whether `text` has a letter or digit: something the index can find.
pub(crate) fn has_searchable(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

const STATUSES: &[&str] = &["new", "open", "pending", "on-hold", "solved", "closed"];
const PRIORITIES: &[&str] = &["low", "normal", "high", "urgent"];
const CHANNELS: &[&str] = &[
    "email",
    "chat",
    "phone",
    "whatsapp",
    "facebook",
    "instagram",
    "web",
];
const YES_NO: &[&str] = &["yes", "no"];
const LANGS: &[&str] = &["en", "kn", "te", "ne", "hi"];

/// Language names agents may type instead of the code.
const LANG_NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("kannada", "kn"),
    ("ಕನ್ನಡ", "kn"),
    ("telugu", "te"),
    ("తెలుగు", "te"),
    ("nepali", "ne"),
    ("नेपाली", "ne"),
    ("hindi", "hi"),
    ("हिन्दी", "hi"),
    ("हिंदी", "hi"),
];

/// The matcher of `name:value`.
pub(crate) fn field_matcher(
    name: &Spanned,
    value: &Spanned,
    quoted: bool,
) -> Result<Matcher, QueryError> {
    let Some(field) = Field::parse(&name.text) else {
        return Err(name.error(QueryErrorKind::UnknownField {
            name: name.text.clone(),
        }));
    };
    let text = value.text.trim();
    if text.is_empty() {
        let kind = QueryErrorKind::EmptyValue { field };
        if quoted {
            return Err(value.error(kind));
        }
        // Point at `name:`.
        return Err(QueryError {
            kind,
            column: name.column,
            len: name.len + 1,
            text: format!("{}:", name.typed),
        });
    }
    let unknown = |allowed| value.error(QueryErrorKind::UnknownValue { field, allowed });
    let nothing = || value.error(QueryErrorKind::NothingToSearch);
    let lower = text.to_lowercase();
    Ok(match field {
        Field::Status => Matcher::Status(status(&lower).ok_or_else(|| unknown(STATUSES))?),
        Field::Priority => {
            Matcher::Priority(lower.parse::<Priority>().map_err(|_| unknown(PRIORITIES))?)
        }
        Field::Channel => Matcher::Channel(channel(&lower).ok_or_else(|| unknown(CHANNELS))?),
        Field::Group => Matcher::Group(text.to_string()),
        Field::Assignee => Matcher::Assignee(match lower.as_str() {
            "me" => Assignee::Me,
            "none" | "nobody" | "unassigned" => Assignee::Nobody,
            _ => match fold_digits(text).parse::<i64>() {
                Ok(id) => Assignee::Id(id),
                Err(_) if has_searchable(text) => Assignee::Name(text.to_string()),
                Err(_) => return Err(nothing()),
            },
        }),
        Field::Tag => {
            let tag = normalize_tag(text);
            if !has_searchable(&tag) {
                return Err(nothing());
            }
            Matcher::Tag(tag)
        }
        Field::Order if order_key(text).is_empty() => return Err(nothing()),
        Field::Order => Matcher::Order(text.to_string()),
        Field::Phone if !is_phone_like(text) => {
            return Err(value.error(QueryErrorKind::BadPhone));
        }
        Field::Phone => Matcher::Phone(text.to_string()),
        Field::Email if email_key(text).is_empty() => return Err(nothing()),
        Field::Email => Matcher::Email(text.to_string()),
        Field::Handle if !has_searchable(&handle_key(text)) => return Err(nothing()),
        Field::Handle => Matcher::Handle(text.to_string()),
        Field::Customer if !has_searchable(text) => return Err(nothing()),
        Field::Customer => Matcher::Customer(text.to_string()),
        Field::Lang => Matcher::Lang(lang(&lower).ok_or_else(|| unknown(LANGS))?),
        Field::Late => Matcher::Late(match lower.as_str() {
            "yes" | "y" | "true" | "1" => true,
            "no" | "n" | "false" | "0" => false,
            _ => return Err(unknown(YES_NO)),
        }),
        Field::Created | Field::Updated => {
            let age = age(&lower).ok_or_else(|| value.error(QueryErrorKind::BadAge { field }))?;
            if field == Field::Created {
                Matcher::Created(age)
            } else {
                Matcher::Updated(age)
            }
        }
        Field::Csat => {
            let bad = || {
                value.error(QueryErrorKind::BadNumber {
                    field,
                    min: 1,
                    max: 5,
                })
            };
            let (cmp, rest) = comparison(&lower, true);
            let n: i64 = fold_digits(rest).parse().map_err(|_| bad())?;
            if !(1..=5).contains(&n) {
                return Err(bad());
            }
            Matcher::Csat(Compare { cmp, value: n })
        }
    })
}

fn status(lower: &str) -> Option<Status> {
    let name = match lower.replace('_', "-").as_str() {
        "onhold" | "hold" => "on-hold".to_string(),
        other => other.to_string(),
    };
    name.parse().ok()
}

fn channel(lower: &str) -> Option<Channel> {
    let name = match lower {
        "mail" | "e-mail" => "email",
        "wa" => "whatsapp",
        "fb" => "facebook",
        "ig" | "insta" => "instagram",
        "webform" | "form" => "web",
        other => other,
    };
    name.parse().ok()
}

/// A primary language code (`kn` of `kn-IN`) or a language's name.
fn lang(lower: &str) -> Option<String> {
    if let Some((_, code)) = LANG_NAMES.iter().find(|(name, _)| *name == lower) {
        return Some((*code).to_string());
    }
    let primary = lower.split(['-', '_']).next().unwrap_or("");
    let is_code =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    is_code.then(|| primary.to_string())
}

/// The comparison at the start of `text` and the rest. Without one: `=`
/// when `eq_default`, else `<`.
fn comparison(text: &str, eq_default: bool) -> (Cmp, &str) {
    for (prefix, cmp) in [
        ("<=", Cmp::Le),
        (">=", Cmp::Ge),
        ("<", Cmp::Lt),
        (">", Cmp::Gt),
        ("=", Cmp::Eq),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (cmp, rest);
        }
    }
    (if eq_default { Cmp::Eq } else { Cmp::Lt }, text)
}

/// `<2d`, `>=3h`, `90m`, `1w` (a bare age means "less than").
fn age(lower: &str) -> Option<Age> {
    let (cmp, rest) = comparison(lower, false);
    if cmp == Cmp::Eq {
        return None;
    }
    let rest = fold_digits(rest);
    let split = rest.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = rest.split_at(split);
    let amount: u32 = number.parse().ok()?;
    let unit = match unit {
        "m" | "min" | "mins" | "minutes" => AgeUnit::Minutes,
        "h" | "hr" | "hrs" | "hours" => AgeUnit::Hours,
        "d" | "day" | "days" => AgeUnit::Days,
        "w" | "wk" | "weeks" => AgeUnit::Weeks,
        _ => return None,
    };
    Some(Age { cmp, amount, unit })
}
