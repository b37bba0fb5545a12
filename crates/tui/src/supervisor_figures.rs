//! The supervisor screen's read-only figures, beside (or above) its rows:
//! oldest waiting, first reply time, arrivals as a chart, CSAT / NPS, who
//! is online.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::draw::{self, Part};
use sahaya_protocol::domain::{Presence, Timestamp};
use sahaya_protocol::wire::{QueueStats, SurveyFigures};

/// Block characters of the arrivals chart, lowest first.
const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// The read-only figures, one line each (None: a blank line in the wide
/// layout, skipped in the narrow one).
pub fn figure_lines<'a>(app: &App, stats: &QueueStats, now: Timestamp) -> Vec<Vec<Part<'a>>> {
    let label = app.theme.label;
    let value = app.theme.value;
    let dim = app.theme.dim;
    let mut lines = Vec::new();
    let oldest = match &stats.oldest_waiting {
        Some(o) => {
            let waited = (now - o.since).num_seconds().max(0);
            let style = if waited > 3600 {
                value.patch(app.theme.alert)
            } else {
                value
            };
            Part::new(
                app.i18n.tr_args(
                    "supervisor-oldest-value",
                    &[
                        ("id", app.i18n.digits(&o.ticket_id.to_string()).into()),
                        ("duration", app.i18n.duration(waited).into()),
                    ],
                ),
                style,
            )
        }
        None => Part::new(app.t("supervisor-none"), dim),
    };
    lines.push(vec![
        Part::new(format!("{}: ", app.t("supervisor-oldest")), label),
        oldest,
    ]);
    let first = match stats.median_first_response_secs_today {
        Some(s) => Part::new(app.i18n.duration(s), value),
        None => Part::new(app.t("supervisor-none"), dim),
    };
    lines.push(vec![
        Part::new(format!("{}: ", app.t("supervisor-first-response")), label),
        first,
    ]);
    lines.push(vec![Part::new(
        app.i18n.tr_args(
            "supervisor-arrivals",
            &[("minutes", 10i64.into()), ("hours", 6i64.into())],
        ),
        label,
    )]);
    let peak = stats.arrivals_per_10min.iter().copied().max().unwrap_or(0);
    lines.push(vec![
        Part::new(sparkline(&stats.arrivals_per_10min, peak), app.theme.chart),
        Part::new(
            format!(
                " {}",
                app.i18n
                    .tr_args("supervisor-peak", &[("count", peak.into())])
            ),
            dim,
        ),
    ]);
    for (name, figures, percent) in [
        ("label-csat", &stats.csat, true),
        ("label-nps", &stats.nps, false),
    ] {
        lines.push(vec![
            Part::new(format!("{} ", app.t(name)), label),
            Part::new(survey(app, figures, percent), value),
        ]);
    }
    let mut presence = Vec::new();
    for p in Presence::ALL {
        let n = stats.agents.iter().filter(|a| a.presence == *p).count() as i64;
        if !presence.is_empty() {
            presence.push(Part::new(" · ", dim));
        }
        presence.push(Part::new(
            format!(
                "{} {}",
                app.t(&format!("presence-{}", p.as_str())),
                app.num(n)
            ),
            app.theme.presence(*p),
        ));
    }
    lines.push(presence);
    lines
}

pub fn render_figures(app: &App, buf: &mut Buffer, area: Rect, lines: &[Vec<Part<'_>>]) {
    // Wide: a blank line between groups when there is room.
    let spaced = area.height as usize >= lines.len() * 2;
    let mut y = area.y;
    for (i, parts) in lines.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let r = Rect {
            y,
            height: 1,
            ..area
        };
        draw::parts(buf, r, parts, &app.profile);
        y += 1;
        // Groups: waiting times | arrivals | surveys | agents.
        if spaced && matches!(i, 1 | 3 | 5) {
            y += 1;
        }
    }
}

/// One block character per bucket, scaled to the peak.
pub fn sparkline(values: &[i64], peak: i64) -> String {
    values
        .iter()
        .map(|v| {
            if peak <= 0 || *v <= 0 {
                BARS[0]
            } else {
                // At least the lowest bar for any arrival.
                let level = ((*v * 8 + peak - 1) / peak).clamp(1, 8);
                BARS[level as usize]
            }
        })
        .collect()
}

/// "today 86% (7) · last 7 days 81% (52)"; NPS as a signed number.
fn survey(app: &App, f: &SurveyFigures, percent: bool) -> String {
    let score = |s: Option<f64>| match s {
        Some(s) if percent => app.i18n.digits(&format!("{s:.0}%")),
        Some(s) => app.i18n.digits(&format!("{s:+.0}")),
        None => "-".to_string(),
    };
    app.i18n.tr_args(
        "supervisor-survey",
        &[
            ("today", score(f.today_score).into()),
            ("todayCount", f.today_responses.into()),
            ("days", 7i64.into()),
            ("week", score(f.week_score).into()),
            ("weekCount", f.week_responses.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_to_the_peak() {
        assert_eq!(sparkline(&[0, 1, 4, 8], 8), " ▁▄█");
        assert_eq!(sparkline(&[0, 0], 0), "  ");
        assert_eq!(sparkline(&[1, 100], 100), "▁█");
    }
}
