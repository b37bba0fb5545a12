//! The terminal section: which terminal this is, its colours and size.

use sahaya_text::calibration::TerminalIdentity;

use super::report::{Report, env};

/// How many colours the terminal says it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourSupport {
    TrueColor,
    Ansi256,
    Ansi16,
    Monochrome,
}

impl ColourSupport {
    pub fn describe(self) -> &'static str {
        match self {
            ColourSupport::TrueColor => "truecolor (24-bit)",
            ColourSupport::Ansi256 => "256 colours",
            ColourSupport::Ansi16 => "16 colours",
            ColourSupport::Monochrome => "no colours",
        }
    }
}

/// Colour support from `TERM` and `COLORTERM`.
pub fn colour_support(term: Option<&str>, colorterm: Option<&str>) -> ColourSupport {
    let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
    let term = term.unwrap_or("").to_ascii_lowercase();
    if term.is_empty() || term == "dumb" {
        return ColourSupport::Monochrome;
    }
    if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
        ColourSupport::TrueColor
    } else if term.contains("256color") {
        ColourSupport::Ansi256
    } else {
        ColourSupport::Ansi16
    }
}

/// Whether a locale value names UTF-8 as its character set.
pub(super) fn is_utf8_locale(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    v.contains("utf-8") || v.contains("utf8")
}

pub(super) fn terminal_section(report: &mut Report, identity: &TerminalIdentity) {
    report.section("Terminal");
    report.line(identity.describe());
    let colorterm = env("COLORTERM");
    let colours = colour_support(identity.term.as_deref(), colorterm.as_deref());
    report.line(format!(
        "colours: {} (TERM={}, COLORTERM={})",
        colours.describe(),
        identity.term.as_deref().unwrap_or("(unset)"),
        colorterm.as_deref().unwrap_or("(unset)")
    ));
    if colours == ColourSupport::Monochrome {
        report.problem("the terminal reports no colours: priorities and SLA states are shown by colour too; check TERM");
    }
    if env("NO_COLOR").is_some() {
        report.line("NO_COLOR is set");
    }
    match crossterm::terminal::size() {
        Ok((w, h)) if w < 80 || h < 24 => report.problem(format!(
            "the terminal is {w}×{h}; the console needs at least 80×24 to show three panes"
        )),
        Ok((w, h)) => report.line(format!("size: {w}×{h}")),
        Err(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        use ColourSupport::*;
        assert_eq!(
            colour_support(Some("xterm-256color"), Some("truecolor")),
            TrueColor
        );
        assert_eq!(
            colour_support(Some("xterm-kitty"), Some("24bit")),
            TrueColor
        );
        assert_eq!(colour_support(Some("xterm-direct"), None), TrueColor);
        assert_eq!(colour_support(Some("tmux-256color"), None), Ansi256);
        assert_eq!(colour_support(Some("xterm"), None), Ansi16);
        assert_eq!(colour_support(Some("linux"), Some("")), Ansi16);
        assert_eq!(colour_support(Some("dumb"), None), Monochrome);
        assert_eq!(colour_support(None, None), Monochrome);
    }

    #[test]
    fn utf8_locales() {
        assert!(is_utf8_locale("kn_IN.UTF-8"));
        assert!(is_utf8_locale("ne_NP.utf8"));
        assert!(!is_utf8_locale("C"));
        assert!(!is_utf8_locale("te_IN.ISO-8859-1"));
    }
}
