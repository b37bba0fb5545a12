//! The language section: which language the console will speak and why,
//! and whether the locale is UTF-8.

use super::report::{DoctorOptions, Report, env};
use super::terminal::is_utf8_locale;

pub(super) fn language_section(
    report: &mut Report,
    opts: &DoctorOptions,
    config: &crate::config::Config,
) {
    report.section("Language");
    let (locale, notice) = sahaya_i18n::choose_locale(opts.lang.as_deref(), config.lang.as_deref());
    let name = sahaya_i18n::language_name(&locale).unwrap_or("?");
    let why = if opts.lang.is_some() {
        "from --lang"
    } else if config.lang.is_some() {
        "from the config file"
    } else {
        "from the environment"
    };
    report.line(format!("console language: {locale} ({name}), {why}"));
    if let Some(sahaya_i18n::Notice::UnknownLanguage { requested }) = notice {
        report.problem(format!(
            "{requested:?} is not a language sahaya has (en, kn, te, ne); English is used"
        ));
    }
    let vars = ["LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANGUAGE"];
    let values: Vec<String> = vars
        .iter()
        .map(|v| format!("{v}={}", env(v).unwrap_or_else(|| "(unset)".to_string())))
        .collect();
    report.line(values.join("  "));
    // The character set comes from the first set of LC_ALL, LC_CTYPE, LANG.
    let ctype = ["LC_ALL", "LC_CTYPE", "LANG"].into_iter().find_map(env);
    match ctype {
        Some(v) if is_utf8_locale(&v) => report.line("character set: UTF-8"),
        Some(v) => report.problem(format!(
            "the locale {v:?} is not UTF-8: set e.g. LANG=kn_IN.UTF-8, te_IN.UTF-8 or ne_NP.UTF-8 (or en_US.UTF-8) so the terminal and tmux pass Kannada, Telugu and Devanagari through"
        )),
        None => report.problem(
            "no LANG or LC_* is set: set e.g. LANG=kn_IN.UTF-8 (tmux in particular needs a UTF-8 locale)",
        ),
    }
}
