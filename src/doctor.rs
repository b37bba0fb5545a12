//! `sahaya doctor`: checks the agent's set-up and calibrates text widths.
//!
//! The report covers the language the console will speak (and the
//! `LANG`/`LC_*` values behind it), the terminal's colour support, how this
//! terminal draws Kannada, Telugu and Devanagari clusters and emoji, the fonts
//! to install, and whether the support server answers.
//!
//! Width calibration: in raw mode, each probe cluster of [`PROBES`] is printed
//! at the start of a scratch line and the terminal is asked where its cursor
//! went (`CSI 6n`, answered with `ESC [ row ; col R`). From the measured
//! widths [`decide_profile`] picks the [`WidthModel`] that predicts more of
//! them and records overrides where even that model is wrong. The profile is
//! cached in the data dir, keyed by the terminal's identity
//! ([`TerminalIdentity`]), and the console loads it at start-up
//! ([`load_cached_profile`]).

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::{Deserialize, Serialize};

use sahaya_text::{WidthModel, WidthProfile};

/// Clusters whose width is measured. Each is one display cluster, so an
/// override keyed by it applies wherever the console meets that cluster.
pub const PROBES: &[&str] = &[
    // Kannada: spacing vowel signs (zero wide in unicode-width), other signs,
    // conjuncts (which Unicode splits in two grapheme clusters).
    "ಕೀ",
    "ಕೂ",
    "ಕೇ",
    "ಕೈ",
    "ಕೊ",
    "ಕೋ",
    "ಕಾ",
    "ಕಿ",
    "ಕ್ಕ",
    "ನ್ನ",
    "ಸ್ತ್ರೀ",
    "ಗ್ರಾ",
    // Telugu
    "శ్రీ",
    "క్ష",
    "కు",
    "కా",
    "స్ట",
    // Devanagari (Nepali)
    "क्ष",
    "ग्रा",
    "की",
    "कु",
    "न्तु",
    // Emoji: skin tone, ZWJ family, flag.
    "👍🏽",
    "👨‍👩‍👧",
    "🇳🇵",
];

/// How long to wait for a cursor-position report.
pub const REPLY_TIMEOUT: Duration = Duration::from_millis(500);

/// The cache file in the data dir.
pub const CACHE_FILE: &str = "terminal-widths.json";

/// Options of `sahaya doctor`.
#[derive(Debug, Clone, Default)]
pub struct DoctorOptions {
    pub server: Option<String>,
    pub token: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub lang: Option<String>,
    pub config: Option<PathBuf>,
    /// Measure again and replace the cached profile of this terminal.
    pub recalibrate: bool,
}

// ---------------------------------------------------------------------------
// Terminal identity and the cache

/// What identifies "this terminal" for the width cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalIdentity {
    pub term: Option<String>,
    pub term_program: Option<String>,
    pub term_program_version: Option<String>,
    /// Inside tmux (`TMUX` set): tmux, not the outer terminal, decides widths.
    pub tmux: bool,
}

impl TerminalIdentity {
    /// The identity from the process environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// The identity from an environment lookup (empty values count as unset).
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Self {
        let get = |k: &str| {
            env(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        TerminalIdentity {
            term: get("TERM"),
            term_program: get("TERM_PROGRAM"),
            term_program_version: get("TERM_PROGRAM_VERSION"),
            tmux: get("TMUX").is_some(),
        }
    }

    /// The cache key.
    pub fn key(&self) -> String {
        format!(
            "TERM={};TERM_PROGRAM={};TERM_PROGRAM_VERSION={};tmux={}",
            self.term.as_deref().unwrap_or(""),
            self.term_program.as_deref().unwrap_or(""),
            self.term_program_version.as_deref().unwrap_or(""),
            if self.tmux { "yes" } else { "no" }
        )
    }

    /// A readable one-line description.
    pub fn describe(&self) -> String {
        let mut s = format!("TERM={}", self.term.as_deref().unwrap_or("(unset)"));
        if let Some(p) = &self.term_program {
            s.push_str(&format!(", TERM_PROGRAM={p}"));
            if let Some(v) = &self.term_program_version {
                s.push_str(&format!(" {v}"));
            }
        }
        if self.tmux {
            s.push_str(", inside tmux");
        }
        s
    }

    /// The width model this kind of terminal is known to use, if known.
    pub fn expected_model(&self) -> Option<WidthModel> {
        if self.tmux {
            return Some(WidthModel::SpacingMarks);
        }
        let term = self.term.as_deref().unwrap_or("").to_ascii_lowercase();
        let program = self
            .term_program
            .as_deref()
            .unwrap_or("")
            .to_ascii_lowercase();
        let cluster_base = term.contains("kitty")
            || term.starts_with("foot")
            || term.contains("ghostty")
            || term.contains("wezterm")
            || matches!(program.as_str(), "wezterm" | "ghostty" | "kitty");
        let spacing = term.starts_with("tmux")
            || term.starts_with("screen")
            || term.starts_with("xterm")
            || term.starts_with("alacritty")
            || term.starts_with("konsole")
            || term.starts_with("vte")
            || term.starts_with("gnome")
            || matches!(
                program.as_str(),
                "tmux" | "iterm.app" | "apple_terminal" | "vscode"
            );
        if cluster_base {
            Some(WidthModel::ClusterBase)
        } else if spacing {
            Some(WidthModel::SpacingMarks)
        } else {
            None
        }
    }
}

/// One terminal's calibration in the cache file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CacheEntry {
    pub terminal: TerminalIdentity,
    pub calibrated_at: chrono::DateTime<chrono::Utc>,
    pub profile: WidthProfile,
    /// The measured widths the profile was decided from.
    #[serde(default)]
    pub measured: BTreeMap<String, usize>,
}

/// The cache file: calibrations by [`TerminalIdentity::key`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CacheFile {
    #[serde(default)]
    pub terminals: BTreeMap<String, CacheEntry>,
}

/// Reads the cache file in `data_dir`; a missing file is an empty cache.
pub fn read_cache(data_dir: &Path) -> anyhow::Result<CacheFile> {
    let path = data_dir.join(CACHE_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(CacheFile::default()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    serde_json::from_str(&text).with_context(|| format!("{} is not valid", path.display()))
}

/// The calibrated profile of `identity` cached in `data_dir`, if any.
pub fn cached_entry(data_dir: &Path, identity: &TerminalIdentity) -> Option<CacheEntry> {
    match read_cache(data_dir) {
        Ok(mut cache) => cache.terminals.remove(&identity.key()),
        Err(e) => {
            tracing::warn!("width cache ignored: {e:#}");
            None
        }
    }
}

/// The width profile `sahaya doctor` calibrated for the terminal this process
/// runs in (identified from the environment), if one is cached in `data_dir`.
/// A missing or unreadable cache gives `None` (the caller uses the default).
pub fn load_cached_profile(data_dir: &Path) -> Option<WidthProfile> {
    cached_entry(data_dir, &TerminalIdentity::from_env()).map(|e| e.profile)
}

/// Stores a calibration in the cache file (replacing this terminal's entry;
/// an unreadable cache file is replaced). Returns the file's path.
pub fn save_profile(
    data_dir: &Path,
    identity: &TerminalIdentity,
    profile: &WidthProfile,
    measured: &[(String, usize)],
) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let mut cache = read_cache(data_dir).unwrap_or_default();
    cache.terminals.insert(
        identity.key(),
        CacheEntry {
            terminal: identity.clone(),
            calibrated_at: chrono::Utc::now(),
            profile: profile.clone(),
            measured: measured.iter().cloned().collect(),
        },
    );
    let path = data_dir.join(CACHE_FILE);
    let json = serde_json::to_string_pretty(&cache)?;
    let mut tmp = tempfile::NamedTempFile::new_in(data_dir)
        .with_context(|| format!("cannot write in {}", data_dir.display()))?;
    tmp.write_all(json.as_bytes())?;
    tmp.write_all(b"\n")?;
    tmp.persist(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

// ---------------------------------------------------------------------------
// Deciding a profile from measurements

/// The profile that best explains measured widths: the [`WidthModel`] that
/// predicts more of them (the default, [`WidthModel::SpacingMarks`], on a
/// tie), with an override for every cluster that model gets wrong.
/// A measured width of 0 cannot be honoured (every visible cluster takes a
/// cell) and is ignored.
pub fn decide_profile(measurements: &[(String, usize)]) -> WidthProfile {
    let usable: Vec<&(String, usize)> = measurements
        .iter()
        .filter(|(s, w)| *w > 0 && !s.is_empty())
        .collect();
    let hits = |p: &WidthProfile| usable.iter().filter(|(s, w)| p.str_width(s) == *w).count();
    let spacing = WidthProfile::spacing_marks();
    let base = WidthProfile::cluster_base();
    let model = if hits(&base) > hits(&spacing) {
        base
    } else {
        spacing
    };
    let overrides: HashMap<String, usize> = usable
        .iter()
        .filter(|(s, w)| model.str_width(s) != *w)
        .map(|(s, w)| (s.clone(), *w))
        .collect();
    model.with_overrides(overrides)
}

/// Measurements `profile` gets wrong: `(cluster, predicted, measured)`.
pub fn mismatches<'a>(
    profile: &WidthProfile,
    measurements: &'a [(String, usize)],
) -> Vec<(&'a str, usize, usize)> {
    measurements
        .iter()
        .filter(|(_, w)| *w > 0)
        .filter_map(|(s, w)| {
            let p = profile.str_width(s);
            (p != *w).then_some((s.as_str(), p, *w))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Cursor-position reports

/// A cursor-position report (`ESC [ row ; col R`) found in terminal input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CursorReport {
    /// 1-based row.
    pub row: u16,
    /// 1-based column.
    pub col: u16,
    /// Index just after the report's `R`: input up to here is consumed.
    pub end: usize,
}

/// Finds the first cursor-position report in `input` (`ESC [ row ; col R`,
/// also the DEC form `ESC [ ? row ; col R`), skipping anything before it
/// (typed keys, other replies). `None` when no complete report is there yet.
pub fn parse_cursor_report(input: &[u8]) -> Option<CursorReport> {
    let mut start = 0;
    while let Some(off) = input[start..].iter().position(|&b| b == 0x1b) {
        let i = start + off;
        if let Some(r) = parse_report_at(input, i) {
            return Some(r);
        }
        start = i + 1;
    }
    None
}

fn parse_report_at(input: &[u8], i: usize) -> Option<CursorReport> {
    let rest = input.get(i + 1..)?;
    let rest = rest.strip_prefix(b"[")?;
    let (rest, skipped) = match rest.strip_prefix(b"?") {
        Some(r) => (r, 1),
        None => (rest, 0),
    };
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let n1 = digits(rest);
    if n1 == 0 || n1 > 5 || rest.get(n1) != Some(&b';') {
        return None;
    }
    let after = &rest[n1 + 1..];
    let n2 = digits(after);
    if n2 == 0 || n2 > 5 || after.get(n2) != Some(&b'R') {
        return None;
    }
    let row = std::str::from_utf8(&rest[..n1]).ok()?.parse().ok()?;
    let col = std::str::from_utf8(&after[..n2]).ok()?.parse().ok()?;
    let end = i + 2 + skipped + n1 + 1 + n2 + 1;
    Some(CursorReport { row, col, end })
}

// ---------------------------------------------------------------------------
// Measuring

/// The outcome of a calibration run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Calibration {
    /// Widths of the probes measured (all of them when `complete`).
    Measured {
        widths: Vec<(String, usize)>,
        complete: bool,
    },
    /// The terminal did not answer the cursor-position request.
    NoAnswer,
    /// Not measured, and why.
    Skipped(String),
}

struct RawModeGuard;

impl Drop for RawModeGuard {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// Bytes typed into the terminal, read on a thread so that waiting for a
/// reply can time out. The thread ends with the process (a blocked read of
/// stdin cannot be cancelled portably).
fn stdin_reader() -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin();
        let mut buf = [0u8; 256];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    rx
}

fn wait_report(
    rx: &mpsc::Receiver<Vec<u8>>,
    pending: &mut Vec<u8>,
    timeout: Duration,
) -> Option<CursorReport> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(r) = parse_cursor_report(pending) {
            pending.drain(..r.end);
            return Some(r);
        }
        let left = deadline.checked_duration_since(Instant::now())?;
        match rx.recv_timeout(left) {
            Ok(bytes) => pending.extend_from_slice(&bytes),
            Err(_) => return None,
        }
    }
}

/// Measures how wide the terminal on stdin/stdout draws each of `probes`.
/// The scratch line is erased afterwards.
pub fn calibrate(probes: &[&str]) -> Calibration {
    if let Err(why) = can_calibrate() {
        return Calibration::Skipped(why);
    }
    match measure(probes) {
        Ok(c) => c,
        Err(e) => Calibration::Skipped(format!("terminal error: {e}")),
    }
}

/// Whether this process can measure its terminal (stdin and stdout are it).
pub fn can_calibrate() -> Result<(), String> {
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        Ok(())
    } else {
        Err("stdin or stdout is not a terminal (run `sahaya doctor` directly in the terminal to calibrate)".to_string())
    }
}

fn measure(probes: &[&str]) -> std::io::Result<Calibration> {
    crossterm::terminal::enable_raw_mode()?;
    let _raw = RawModeGuard;
    let rx = stdin_reader();
    let mut pending = Vec::new();
    let mut out = std::io::stdout().lock();
    // Where column 1 is reported (a baseline; also: does it answer at all?).
    write!(out, "\r\x1b[2K\x1b[6n")?;
    out.flush()?;
    let Some(base) = wait_report(&rx, &mut pending, REPLY_TIMEOUT) else {
        write!(out, "\r\x1b[2K")?;
        out.flush()?;
        return Ok(Calibration::NoAnswer);
    };
    let mut widths = Vec::new();
    let mut complete = true;
    for probe in probes {
        write!(out, "\r\x1b[2K{probe}\x1b[6n")?;
        out.flush()?;
        match wait_report(&rx, &mut pending, REPLY_TIMEOUT) {
            Some(r) if r.row == base.row => {
                widths.push((
                    probe.to_string(),
                    usize::from(r.col.saturating_sub(base.col)),
                ));
            }
            // The line wrapped or scrolled: not a usable measurement.
            Some(_) => {}
            None => {
                complete = false;
                break;
            }
        }
    }
    write!(out, "\r\x1b[2K")?;
    out.flush()?;
    Ok(Calibration::Measured { widths, complete })
}

// ---------------------------------------------------------------------------
// Colours, locale, fonts

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
fn is_utf8_locale(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    v.contains("utf-8") || v.contains("utf8")
}

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

// ---------------------------------------------------------------------------
// The report

/// The report, written line by line to stdout.
struct Report {
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

    language_section(&mut report, &opts, &config);
    let identity = TerminalIdentity::from_env();
    terminal_section(&mut report, &identity);
    widths_section(&mut report, &opts, &identity, &data_dir)?;
    fonts_section(&mut report);
    server_section(&mut report, &opts, &config);

    println!();
    match report.problems {
        0 => println!("No problems found."),
        1 => println!("1 thing to look at (marked with !)."),
        n => println!("{n} things to look at (marked with !)."),
    }
    Ok(())
}

fn language_section(report: &mut Report, opts: &DoctorOptions, config: &crate::config::Config) {
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

fn terminal_section(report: &mut Report, identity: &TerminalIdentity) {
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

fn model_key(m: WidthModel) -> &'static str {
    match m {
        WidthModel::SpacingMarks => "spacing_marks",
        WidthModel::ClusterBase => "cluster_base",
    }
}

fn model_name(m: WidthModel) -> &'static str {
    match m {
        WidthModel::SpacingMarks => "one cell per spacing mark (spacing_marks)",
        WidthModel::ClusterBase => "cluster takes its base width (cluster_base)",
    }
}

fn widths_section(
    report: &mut Report,
    opts: &DoctorOptions,
    identity: &TerminalIdentity,
    data_dir: &Path,
) -> anyhow::Result<()> {
    report.section("Text widths");
    let cached = match read_cache(data_dir) {
        Ok(mut c) => c.terminals.remove(&identity.key()),
        Err(e) => {
            report.problem(format!("{e:#}; it will be replaced"));
            None
        }
    };
    match &cached {
        Some(e) => report.line(format!(
            "cached for this terminal ({}): {}, {} override(s)",
            e.calibrated_at.format("%Y-%m-%d %H:%M UTC"),
            model_key(e.profile.model()),
            e.profile.overrides().len()
        )),
        None => {
            report.line("no cached calibration for this terminal: the console uses the default")
        }
    }
    let in_use = cached
        .as_ref()
        .map(|e| e.profile.clone())
        .unwrap_or_default();
    let expected = identity.expected_model();

    if can_calibrate().is_ok() {
        report.line("measuring how this terminal draws Kannada, Telugu, Devanagari and emoji…");
    }
    let (widths, complete) = match calibrate(PROBES) {
        Calibration::Measured { widths, complete } => (widths, complete),
        Calibration::NoAnswer => {
            report.problem(
                "the terminal does not answer cursor-position requests (CSI 6n): widths cannot be measured; the console keeps its default widths",
            );
            hint_expected(report, expected, &in_use);
            return Ok(());
        }
        Calibration::Skipped(why) => {
            report.line(format!("calibration skipped: {why}"));
            hint_expected(report, expected, &in_use);
            return Ok(());
        }
    };
    if widths.is_empty() {
        report.problem("no probe could be measured; the console keeps its current widths");
        return Ok(());
    }
    if !complete {
        report.problem(format!(
            "the terminal stopped answering after {} of {} probes; only those are used",
            widths.len(),
            PROBES.len()
        ));
    }
    let spacing = WidthProfile::spacing_marks();
    let base = WidthProfile::cluster_base();
    let decided = decide_profile(&widths);
    for (s, w) in &widths {
        // Pad by the measured width, so the columns line up on this terminal.
        let pad = " ".repeat(8usize.saturating_sub(*w));
        let mark = if decided.str_width(s) == *w && in_use.str_width(s) == *w {
            " "
        } else {
            "*"
        };
        report.line(format!(
            "{mark} {s}{pad} measured {w}   spacing_marks {}   cluster_base {}   ({})",
            spacing.str_width(s),
            base.str_width(s),
            code_points(s)
        ));
    }
    let n = widths.len();
    let hits = |p: &WidthProfile| n - mismatches(p, &widths).len();
    report.line(format!(
        "spacing_marks predicts {} of {n}, cluster_base {} of {n}",
        hits(&spacing),
        hits(&base)
    ));
    let mut overrides: Vec<_> = decided.overrides().iter().collect();
    overrides.sort();
    report.line(format!(
        "best fit: {}{}",
        model_name(decided.model()),
        if overrides.is_empty() {
            String::new()
        } else {
            format!(
                ", with overrides {}",
                overrides
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        }
    ));
    if let Some(m) = expected
        && m != decided.model()
    {
        report.line(format!(
            "(terminals like this one usually use {}; the measurement wins)",
            model_name(m)
        ));
    }
    let wrong = mismatches(&in_use, &widths);
    let which = if cached.is_some() {
        "the cached profile"
    } else {
        "the default profile"
    };
    if wrong.is_empty() {
        report.line(format!("{which} matches every measured width"));
    } else {
        report.line(format!(
            "{which} gets {} of {n} wrong: {}",
            wrong.len(),
            wrong
                .iter()
                .map(|(s, p, m)| format!("{s} {p}≠{m}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let save = match &cached {
        None => true,
        Some(_) if opts.recalibrate => true,
        Some(_) if wrong.is_empty() => false,
        Some(_) => {
            report.problem("the cached calibration no longer fits this terminal: run `sahaya doctor --recalibrate` to replace it");
            false
        }
    };
    if save && complete {
        let path = save_profile(data_dir, identity, &decided, &widths)
            .context("cannot save the width calibration")?;
        report.line(format!(
            "saved for this terminal in {} (the console uses it from its next start)",
            path.display()
        ));
    } else if save {
        report.line("not saved: the measurement is incomplete");
    }
    if mismatches(&decided, &widths)
        .iter()
        .any(|(_, _, m)| *m == 0)
    {
        report.problem("some cluster was drawn zero cells wide; the font or terminal cannot show it (try the romanized display, Ctrl-l)");
    }
    Ok(())
}

fn hint_expected(report: &mut Report, expected: Option<WidthModel>, in_use: &WidthProfile) {
    if let Some(m) = expected
        && m != in_use.model()
    {
        report.line(format!(
            "terminals like this one usually use {}; run `sahaya doctor` directly in it to calibrate",
            model_name(m)
        ));
    }
}

fn fonts_section(report: &mut Report) {
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

fn server_section(report: &mut Report, opts: &DoctorOptions, config: &crate::config::Config) {
    report.section("Server");
    let Some(url) = opts.server.clone().or_else(|| config.server.clone()) else {
        report.line("no server configured: the console runs its embedded demo server");
        return;
    };
    let token = opts
        .token
        .clone()
        .or_else(|| env("SAHAYA_TOKEN").filter(|t| !t.trim().is_empty()))
        .or_else(|| config.token.clone());
    let Some(token) = token else {
        report.problem(format!(
            "{url}: no token (pass --token, set SAHAYA_TOKEN or put `token = \"…\"` in the config file)"
        ));
        return;
    };
    let client = match sahaya_sync::client::Client::new(&url, token) {
        Ok(c) => c,
        Err(e) => {
            report.problem(format!("{url}: {e}"));
            return;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            report.problem(format!("cannot check the server: {e}"));
            return;
        }
    };
    let started = Instant::now();
    let result =
        runtime.block_on(async { tokio::time::timeout(Duration::from_secs(5), client.me()).await });
    let ms = started.elapsed().as_millis();
    match result {
        Ok(Ok(me)) => report.line(format!(
            "{url}: reachable in {ms} ms, signed in as {} ({}, {})",
            sahaya_text::sanitize_line(&me.agent.name),
            sahaya_text::sanitize_line(&me.agent.login),
            me.agent.role.as_str()
        )),
        Ok(Err(e)) => report.problem(format!(
            "{url}: {} (the console still starts and works from its cache)",
            sahaya_text::sanitize_line(&e.to_string())
        )),
        Err(_) => report.problem(format!(
            "{url}: no answer within 5 s (the console still starts and works from its cache)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
        pairs.iter().map(|(s, w)| (s.to_string(), *w)).collect()
    }

    #[test]
    fn probes_are_single_display_clusters() {
        for p in PROBES {
            assert_eq!(sahaya_text::clusters(p).count(), 1, "{p}");
        }
        // ... and they tell the two models apart.
        let sm = WidthProfile::spacing_marks();
        let cb = WidthProfile::cluster_base();
        let differing = PROBES
            .iter()
            .filter(|p| sm.str_width(p) != cb.str_width(p))
            .count();
        assert!(differing >= 15, "{differing}");
    }

    #[test]
    fn decides_spacing_marks_like_tmux() {
        let sm = WidthProfile::spacing_marks();
        // tmux-like: spacing marks right, but emoji sequences drawn wider.
        let mut widths: Vec<(String, usize)> = PROBES
            .iter()
            .map(|p| (p.to_string(), sm.str_width(p)))
            .collect();
        for (s, w) in &mut widths {
            if s == "👍🏽" || s == "🇳🇵" {
                *w = 4;
            }
        }
        let p = decide_profile(&widths);
        assert_eq!(p.model(), WidthModel::SpacingMarks);
        assert_eq!(p.overrides().len(), 2);
        assert_eq!(p.cluster_width("👍🏽"), 4);
        assert_eq!(p.str_width("ok 🇳🇵"), 7);
        assert!(mismatches(&p, &widths).is_empty());
    }

    #[test]
    fn decides_cluster_base_like_kitty() {
        let cb = WidthProfile::cluster_base();
        let widths: Vec<(String, usize)> = PROBES
            .iter()
            .map(|p| (p.to_string(), cb.str_width(p)))
            .collect();
        let p = decide_profile(&widths);
        assert_eq!(p, WidthProfile::cluster_base());
        assert!(p.overrides().is_empty());
    }

    #[test]
    fn overrides_where_the_best_model_is_wrong() {
        // Mostly cluster-base, but this terminal gives ಕ್ಕ one cell.
        let p = decide_profile(&m(&[("ಕೀ", 1), ("ಕೂ", 1), ("క్ష", 1), ("ಕ್ಕ", 1), ("👍🏽", 2)]));
        assert_eq!(p.model(), WidthModel::ClusterBase);
        assert_eq!(p.overrides().len(), 1);
        assert_eq!(p.overrides().get("ಕ್ಕ"), Some(&1));
        assert_eq!(p.str_width("ಅಕ್ಕ"), 2);
    }

    #[test]
    fn ties_zero_widths_and_nothing_keep_the_default() {
        assert_eq!(decide_profile(&[]), WidthProfile::default());
        // ಕೀ says spacing marks, ಕೂ says cluster base: a tie.
        let p = decide_profile(&m(&[("ಕೀ", 2), ("ಕೂ", 1)]));
        assert_eq!(p.model(), WidthModel::SpacingMarks);
        assert_eq!(p.overrides().get("ಕೂ"), Some(&1));
        // A zero width cannot be honoured and is not recorded.
        let p = decide_profile(&m(&[("ಕೀ", 2), ("ಕೂ", 0)]));
        assert!(p.overrides().is_empty());
    }

    #[test]
    fn parses_cursor_reports() {
        assert_eq!(
            parse_cursor_report(b"\x1b[12;5R"),
            Some(CursorReport {
                row: 12,
                col: 5,
                end: 7
            })
        );
        // Junk before (typed keys, another escape) is skipped; the end says
        // how much input the report consumed.
        let input = b"ab\x1b[A\x1b[3;17Rxyz";
        let r = parse_cursor_report(input).expect("report");
        assert_eq!((r.row, r.col), (3, 17));
        assert_eq!(&input[r.end..], b"xyz");
        // DEC form
        let r = parse_cursor_report(b"\x1b[?1;2R").expect("report");
        assert_eq!((r.row, r.col, r.end), (1, 2, 7));
        // Incomplete or malformed: nothing yet.
        for bad in [
            &b""[..],
            b"\x1b[12;5",
            b"\x1b[12R",
            b"\x1b[;5R",
            b"\x1b12;5R",
            b"\x1b[1;2;3R",
            b"\x1b[123456;1R",
        ] {
            assert_eq!(parse_cursor_report(bad), None, "{bad:?}");
        }
        // The first complete report wins.
        let r = parse_cursor_report(b"\x1b[1;\x1b[2;3R\x1b[4;5R").expect("report");
        assert_eq!((r.row, r.col), (2, 3));
    }

    #[test]
    fn identity_keys() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let tmux = TerminalIdentity::from_lookup(env(&[
            ("TERM", "tmux-256color"),
            ("TERM_PROGRAM", "tmux"),
            ("TERM_PROGRAM_VERSION", "3.4"),
            ("TMUX", "/tmp/tmux-0/default,1,0"),
        ]));
        assert!(tmux.tmux);
        assert_eq!(
            tmux.key(),
            "TERM=tmux-256color;TERM_PROGRAM=tmux;TERM_PROGRAM_VERSION=3.4;tmux=yes"
        );
        assert_eq!(tmux.expected_model(), Some(WidthModel::SpacingMarks));
        let kitty = TerminalIdentity::from_lookup(env(&[("TERM", "xterm-kitty"), ("TMUX", "")]));
        assert!(!kitty.tmux);
        assert_ne!(kitty.key(), tmux.key());
        assert_eq!(kitty.expected_model(), Some(WidthModel::ClusterBase));
        let unknown = TerminalIdentity::from_lookup(env(&[]));
        assert_eq!(unknown.expected_model(), None);
        assert!(unknown.describe().contains("(unset)"));
    }

    #[test]
    fn cache_round_trip_per_terminal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = TerminalIdentity::from_lookup(|k| (k == "TERM").then(|| "xterm-kitty".into()));
        let b = TerminalIdentity::from_lookup(|k| (k == "TERM").then(|| "foot".into()));
        assert!(cached_entry(dir.path(), &a).is_none());
        let widths = m(&[("ಕೀ", 1), ("👍🏽", 4)]);
        let profile = decide_profile(&widths);
        save_profile(dir.path(), &a, &profile, &widths).expect("save");
        save_profile(dir.path(), &b, &WidthProfile::spacing_marks(), &[]).expect("save");
        let entry = cached_entry(dir.path(), &a).expect("cached");
        assert_eq!(entry.profile, profile);
        assert_eq!(entry.measured.get("👍🏽"), Some(&4));
        assert_eq!(
            cached_entry(dir.path(), &b).map(|e| e.profile),
            Some(WidthProfile::spacing_marks())
        );
        // A broken file is ignored (and replaced by the next save).
        std::fs::write(dir.path().join(CACHE_FILE), "{not json").expect("write");
        assert!(cached_entry(dir.path(), &a).is_none());
        assert!(read_cache(dir.path()).is_err());
        save_profile(dir.path(), &a, &profile, &widths).expect("save");
        assert!(cached_entry(dir.path(), &a).is_some());
    }

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
