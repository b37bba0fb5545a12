//! Measuring how wide this terminal draws clusters: in raw mode, each probe
//! of [`PROBES`] is printed at the start of a scratch line and the terminal
//! is asked where its cursor went (`CSI 6n`, answered `ESC [ row ; col R`).

use std::io::{IsTerminal, Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub use sahaya_text::calibration::PROBES;

/// How long to wait for a cursor-position report.
pub const REPLY_TIMEOUT: Duration = Duration::from_millis(500);

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

#[cfg(test)]
mod tests {
    use super::*;
    use sahaya_text::WidthProfile;

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
}
