//! Which language the console speaks.

use unic_langid::LanguageIdentifier;

use super::{FALLBACK, Notice, SUPPORTED};

/// Picks the console's locale, first match wins:
///
/// 1. `--lang` (`cli`), then the config file's `language` (`config`): an
///    explicit choice. If it is not a supported language, English is used
///    and a [`Notice`] says so.
/// 2. The environment, POSIX style: the first non-empty of `LC_ALL`,
///    `LC_MESSAGES`, `LANG` decides (`kn_IN.UTF-8`, `te_IN`, `ne_NP.UTF-8`).
///    `C`, `POSIX` or a language sahaya does not have mean English, without
///    a notice (the agent did not ask sahaya for it).
/// 3. The system locale (sys-locale; on Linux it reads the same variables,
///    on macOS and Windows the OS setting).
/// 4. English.
///
/// Returns one of [`SUPPORTED`].
pub fn choose_locale(cli: Option<&str>, config: Option<&str>) -> (String, Option<Notice>) {
    choose_locale_with(
        cli,
        config,
        |name| std::env::var(name).ok(),
        sys_locale::get_locale,
    )
}

/// [`choose_locale`] with the environment and system locale passed in.
pub(crate) fn choose_locale_with(
    cli: Option<&str>,
    config: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> (String, Option<Notice>) {
    for explicit in [cli, config].into_iter().flatten() {
        let explicit = explicit.trim();
        if explicit.is_empty() {
            continue;
        }
        return match supported_locale(explicit) {
            Some(l) => (l.to_string(), None),
            None => (
                FALLBACK.to_string(),
                Some(Notice::UnknownLanguage {
                    requested: explicit.to_string(),
                }),
            ),
        };
    }
    let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&env)
        .find(|v| !v.trim().is_empty());
    if let Some(value) = from_env {
        let locale = supported_locale(&value).unwrap_or(FALLBACK);
        return (locale.to_string(), None);
    }
    let locale = system()
        .and_then(|s| supported_locale(&s))
        .unwrap_or(FALLBACK);
    (locale.to_string(), None)
}

/// The supported locale a locale string asks for, if any: `"kn"`,
/// `"kn_IN.UTF-8"`, `"te-IN"`, `"ne_NP@latin"`, `"EN_us"` → `kn`, `kn`, `te`,
/// `ne`, `en`; `"C"` and `"POSIX"` → `en`; `"fr_FR"`, `""`, garbage → `None`.
pub fn supported_locale(s: &str) -> Option<&'static str> {
    let s = s.trim();
    // Strip `.codeset` and `@modifier` (POSIX), unify `_` to `-` (BCP 47).
    let base = s.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    if base == "C" || base == "POSIX" {
        return Some(FALLBACK);
    }
    let langid: LanguageIdentifier = base.parse().ok()?;
    let language = langid.language.as_str().to_ascii_lowercase();
    SUPPORTED.into_iter().find(|l| *l == language)
}

/// A language's own name, for a language menu: `kn` → "ಕನ್ನಡ".
pub fn language_name(locale: &str) -> Option<&'static str> {
    match supported_locale(locale)? {
        "en" => Some("English"),
        "kn" => Some("ಕನ್ನಡ"),
        "te" => Some("తెలుగు"),
        "ne" => Some("नेपाली"),
        "hi" => Some("हिन्दी"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn choose(
        cli: Option<&str>,
        config: Option<&str>,
        vars: &[(&str, &str)],
        sys: Option<&str>,
    ) -> (String, Option<Notice>) {
        let sys = sys.map(str::to_string);
        choose_locale_with(cli, config, env(vars), move || sys)
    }

    #[test]
    fn parses_posix_and_bcp47_locales() {
        assert_eq!(supported_locale("kn_IN.UTF-8"), Some("kn"));
        assert_eq!(supported_locale("te_IN"), Some("te"));
        assert_eq!(supported_locale("ne_NP.UTF-8"), Some("ne"));
        assert_eq!(supported_locale("ne-IN"), Some("ne"));
        assert_eq!(supported_locale("kn-Knda-IN"), Some("kn"));
        assert_eq!(supported_locale("te_IN@latin"), Some("te"));
        assert_eq!(supported_locale("KN"), Some("kn"));
        assert_eq!(supported_locale("en_US.UTF-8"), Some("en"));
        assert_eq!(supported_locale("en"), Some("en"));
        assert_eq!(supported_locale("C"), Some("en"));
        assert_eq!(supported_locale("C.UTF-8"), Some("en"));
        assert_eq!(supported_locale("POSIX"), Some("en"));
        assert_eq!(supported_locale(""), None);
        assert_eq!(supported_locale("fr_FR.UTF-8"), None);
        assert_eq!(supported_locale("hi_IN"), Some("hi"));
        assert_eq!(supported_locale("ta_IN"), None);
        assert_eq!(supported_locale("!!"), None);
        assert_eq!(supported_locale("kannada"), None);
    }

    #[test]
    fn explicit_choices_come_first() {
        let vars = [("LANG", "te_IN.UTF-8")];
        assert_eq!(
            choose(Some("ne"), Some("kn"), &vars, None),
            ("ne".into(), None)
        );
        assert_eq!(choose(None, Some("kn"), &vars, None), ("kn".into(), None));
        assert_eq!(
            choose(Some(" "), Some("kn"), &vars, None),
            ("kn".into(), None)
        );
        // An explicit language sahaya does not have: English and a notice.
        assert_eq!(
            choose(Some("fr"), Some("kn"), &vars, None),
            (
                "en".into(),
                Some(Notice::UnknownLanguage {
                    requested: "fr".into()
                })
            )
        );
        assert_eq!(
            choose(None, Some("klingon"), &vars, None).1,
            Some(Notice::UnknownLanguage {
                requested: "klingon".into()
            })
        );
    }

    #[test]
    fn environment_in_posix_order() {
        let all = [
            ("LC_ALL", "kn_IN.UTF-8"),
            ("LC_MESSAGES", "te_IN"),
            ("LANG", "ne_NP.UTF-8"),
        ];
        assert_eq!(choose(None, None, &all, Some("en-US")).0, "kn");
        assert_eq!(choose(None, None, &all[1..], Some("en-US")).0, "te");
        assert_eq!(choose(None, None, &all[2..], Some("en-US")).0, "ne");
        // Empty values are skipped.
        let vars = [("LC_ALL", ""), ("LANG", "te_IN")];
        assert_eq!(choose(None, None, &vars, None).0, "te");
        // C / POSIX / unsupported decide English, quietly, before sys-locale.
        assert_eq!(
            choose(None, None, &[("LANG", "C")], Some("kn-IN")),
            ("en".into(), None)
        );
        assert_eq!(
            choose(None, None, &[("LC_ALL", "POSIX")], Some("kn-IN")),
            ("en".into(), None)
        );
        assert_eq!(
            choose(None, None, &[("LANG", "fr_FR.UTF-8")], Some("kn-IN")),
            ("en".into(), None)
        );
    }

    #[test]
    fn system_locale_then_english() {
        assert_eq!(choose(None, None, &[], Some("ne-NP")), ("ne".into(), None));
        assert_eq!(choose(None, None, &[], Some("de-DE")), ("en".into(), None));
        assert_eq!(choose(None, None, &[], None), ("en".into(), None));
    }

    #[test]
    fn real_environment_gives_a_supported_locale() {
        let (locale, notice) = choose_locale(None, None);
        assert!(SUPPORTED.contains(&locale.as_str()));
        assert_eq!(notice, None);
    }

    #[test]
    fn native_names() {
        assert_eq!(language_name("kn_IN"), Some("ಕನ್ನಡ"));
        assert_eq!(language_name("te"), Some("తెలుగు"));
        assert_eq!(language_name("ne"), Some("नेपाली"));
        assert_eq!(language_name("en"), Some("English"));
        assert_eq!(language_name("fr"), None);
    }
}
