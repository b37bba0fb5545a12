//! The fonts section: which installed fonts cover Kannada, Telugu and
//! Devanagari (fontconfig's `fc-list`).

use super::report::{Report, env};

/// One script the console shows, with the font that covers it.
struct Script {
    name: &'static str,
    fc_lang: &'static str,
    font: &'static str,
}

const SCRIPTS: &[Script] = &[
    Script {
        name: "Kannada",
        fc_lang: "kn",
        font: "Noto Sans Kannada",
    },
    Script {
        name: "Telugu",
        fc_lang: "te",
        font: "Noto Sans Telugu",
    },
    Script {
        name: "Nepali (Devanagari)",
        fc_lang: "ne",
        font: "Noto Sans Devanagari",
    },
];

/// Font families fontconfig knows for a language, `None` without `fc-list`.
fn fc_families(lang: &str) -> Option<Vec<String>> {
    let out = std::process::Command::new("fc-list")
        .arg(format!(":lang={lang}"))
        .arg("family")
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let mut families: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split(',').next())
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    families.sort();
    families.dedup();
    Some(families)
}

pub(super) fn fonts_section(report: &mut Report) {
    report.section("Fonts");
    if env("SSH_CONNECTION").is_some() {
        report.line("connected over ssh: the fonts of the machine showing the terminal window are the ones that matter, not this machine's");
    }
    let mut fc_missing = false;
    for script in SCRIPTS {
        match fc_families(script.fc_lang) {
            Some(families) if families.iter().any(|f| f == script.font) => {
                report.line(format!("{}: {} is installed", script.name, script.font));
            }
            Some(families) if !families.is_empty() => {
                let shown: Vec<&str> = families.iter().take(4).map(String::as_str).collect();
                report.line(format!(
                    "{}: fonts found: {}; {} is recommended",
                    script.name,
                    shown.join(", "),
                    script.font
                ));
            }
            Some(_) => report.problem(format!(
                "{}: no font here covers it; install {} (Debian/Ubuntu: fonts-noto-core)",
                script.name, script.font
            )),
            None => {
                fc_missing = true;
                report.line(format!("{}: install {}", script.name, script.font));
            }
        }
    }
    if fc_missing {
        report.line("(fc-list is not available here, so installed fonts were not checked)");
    }
    report.line(
        "terminals that shape these scripts well: kitty, WezTerm, foot, ghostty (see the README)",
    );
    report.line(
        "where letters show as boxes or loose marks, press Ctrl-l in the console for Latin letters",
    );
}
