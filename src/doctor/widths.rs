//! The text-widths section: the cached calibration, a new measurement, the
//! profile that fits it, and saving it for the console.

use std::path::Path;

use anyhow::Context;
use sahaya_text::calibration::{
    TerminalIdentity, decide_profile, mismatches, read_cache, save_profile,
};
use sahaya_text::{WidthModel, WidthProfile};

use super::measure::{Calibration, PROBES, calibrate, can_calibrate};
use super::report::{DoctorOptions, Report, code_points};

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

pub(super) fn widths_section(
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
        let path = save_profile(data_dir, identity, &decided, &widths, chrono::Utc::now())
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
