//! `sahaya doctor`: checks the agent's set-up and calibrates text widths.
//!
//! The report covers the language the console will speak (and the
//! `LANG`/`LC_*` values behind it), the terminal's colour support, how this
//! terminal draws Kannada, Telugu and Devanagari clusters and emoji, the fonts
//! to install, whether an input method can type those scripts (or the
//! console's transliteration toggle is the way), and whether the support
//! server answers.
//!
//! One module per section: `language`, `terminal`, `widths` (with `measure`,
//! the cursor-position probing), `fonts`, `input_method`, `server`. The width calibration
//! itself, and its cache, live in `sahaya_text::calibration`.

mod fonts;
mod input_method;
mod language;
mod measure;
mod server;
mod terminal;
mod widths;

use std::path::PathBuf;

use sahaya_text::calibration::TerminalIdentity;

pub use measure::{
    Calibration, CursorReport, PROBES, calibrate, can_calibrate, parse_cursor_report,
};
pub use terminal::{ColourSupport, colour_support};

/// Options of `sahaya doctor`.
#[derive(Debug, Clone, Default)]
pub struct DoctorOptions {
    pub server: Option<String>,
    pub backend: Option<crate::config::BackendKind>,
    pub token: Option<crate::credentials::Token>,
    pub data_dir: Option<PathBuf>,
    pub lang: Option<String>,
    pub config: Option<PathBuf>,
    /// Measure again and replace the cached profile of this terminal.
    pub recalibrate: bool,
}

/// The report, written line by line to stdout.
pub(crate) struct Report {
    problems: usize,
}

impl Report {
    fn section(&self, title: &str) {
        println!();
        println!("{title}");
    }
    fn line(&self, text: impl AsRef<str>) {
        println!("  {}", text.as_ref());
    }
    fn problem(&mut self, text: impl AsRef<str>) {
        self.problems += 1;
        println!("  ! {}", text.as_ref());
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Code points of a cluster, for terminals that cannot show it.
fn code_points(s: &str) -> String {
    s.chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `sahaya doctor`. Errors only for what stops it from doing its job
/// (an unusable data dir, a cache it cannot write); findings are reported.
pub fn run(opts: DoctorOptions) -> anyhow::Result<()> {
    let mut report = Report { problems: 0 };
    println!("sahaya doctor {}", env!("CARGO_PKG_VERSION"));

    // Config
    let config_path = opts
        .config
        .clone()
        .or_else(crate::config::default_config_path);
    let config = match &config_path {
        Some(p) => match crate::config::load(p) {
            Ok(c) => {
                report.section("Config");
                report.line(format!(
                    "{} ({})",
                    p.display(),
                    if p.exists() { "read" } else { "not present" }
                ));
                c
            }
            Err(e) => {
                report.section("Config");
                report.problem(format!(
                    "{e} (the console will not start until it is fixed)"
                ));
                crate::config::Config::default()
            }
        },
        None => crate::config::Config::default(),
    };
    let data_dir = opts
        .data_dir
        .clone()
        .unwrap_or_else(crate::config::default_data_dir);

    language::language_section(&mut report, &opts, &config);
    let identity = TerminalIdentity::from_env();
    terminal::terminal_section(&mut report, &identity);
    widths::widths_section(&mut report, &opts, &identity, &data_dir)?;
    fonts::fonts_section(&mut report);
    input_method::input_method_section(&mut report);
    server::server_section(&mut report, &opts, &config);

    println!();
    match report.problems {
        0 => println!("No problems found."),
        1 => println!("1 thing to look at (marked with !)."),
        n => println!("{n} things to look at (marked with !)."),
    }
    Ok(())
}
