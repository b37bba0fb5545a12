//! Desktop notifications through the terminal: OSC 9, OSC 777 or the bell,
//! whichever the terminal is known to show.

use std::io::Write;

use serde::Deserialize;

/// How a notification reaches the supervisor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotifyStyle {
    /// OSC 9 or OSC 777 where the terminal is known to show them, else the bell.
    #[default]
    Auto,
    /// `ESC ] 9 ; text BEL` (iTerm2, WezTerm, Windows Terminal, kitty, ghostty).
    Osc9,
    /// `ESC ] 777 ; notify ; title ; body BEL` (VTE terminals, foot, urxvt).
    Osc777,
    Bell,
    Off,
}
/// The style `Auto` stands for in the terminal described by `env`.
pub fn detect(env: impl Fn(&str) -> Option<String>) -> NotifyStyle {
    let term = env("TERM").unwrap_or_default();
    let program = env("TERM_PROGRAM").unwrap_or_default();
    if env("TMUX").is_some() || term.starts_with("screen") {
        // tmux and screen swallow OSC notifications; the bell gets through
        // (and marks the window).
        return NotifyStyle::Bell;
    }
    let osc9 = ["iTerm.app", "WezTerm", "ghostty"].contains(&program.as_str())
        || env("WT_SESSION").is_some()
        || term == "xterm-kitty"
        || term == "xterm-ghostty";
    if osc9 {
        return NotifyStyle::Osc9;
    }
    if env("VTE_VERSION").is_some() || term.starts_with("foot") || term.starts_with("rxvt") {
        return NotifyStyle::Osc777;
    }
    NotifyStyle::Bell
}

/// The bytes that raise a notification saying `text`. The text is ours, but
/// it is stripped of control characters anyway so it cannot end the
/// sequence early.
pub fn sequence(style: NotifyStyle, text: &str) -> String {
    let clean: String = sahaya_text::sanitize_line(text)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    match style {
        // "sahaya: " first: ConEmu and Windows Terminal read `9;<digit>` as
        // other commands (progress bars).
        NotifyStyle::Osc9 => format!("\x1b]9;sahaya: {clean}\x07"),
        NotifyStyle::Osc777 => format!("\x1b]777;notify;sahaya;{}\x07", clean.replace(';', ",")),
        NotifyStyle::Bell => "\x07".to_string(),
        NotifyStyle::Off | NotifyStyle::Auto => String::new(),
    }
}

/// Writes a notification to the terminal (between frames).
pub fn notify(out: &mut impl Write, style: Option<NotifyStyle>, text: &str) -> std::io::Result<()> {
    let style = match style.unwrap_or_default() {
        NotifyStyle::Auto => detect(|k| std::env::var(k).ok()),
        other => other,
    };
    let bytes = sequence(style, text);
    if bytes.is_empty() {
        return Ok(());
    }
    out.write_all(bytes.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn sequences_are_well_formed_and_inert() {
        let text = "3 past SLA\x1b]0;x\x07; now";
        let s = sequence(NotifyStyle::Osc9, text);
        assert!(s.starts_with("\x1b]9;sahaya: 3 past SLA"), "{s:?}");
        assert_eq!(s.matches('\x07').count(), 1);
        assert_eq!(s.matches('\x1b').count(), 1);
        let s = sequence(NotifyStyle::Osc777, text);
        assert!(s.starts_with("\x1b]777;notify;sahaya;3 past SLA"), "{s:?}");
        assert_eq!(s.matches(';').count(), 3);
        assert_eq!(sequence(NotifyStyle::Bell, text), "\x07");
        assert_eq!(sequence(NotifyStyle::Off, text), "");
    }

    #[test]
    fn detection() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            detect(env(&[("TERM_PROGRAM", "WezTerm")])),
            NotifyStyle::Osc9
        );
        assert_eq!(detect(env(&[("VTE_VERSION", "7600")])), NotifyStyle::Osc777);
        assert_eq!(
            detect(env(&[("TMUX", "/tmp/x"), ("TERM_PROGRAM", "WezTerm")])),
            NotifyStyle::Bell
        );
        assert_eq!(
            detect(env(&[("TERM", "xterm-256color")])),
            NotifyStyle::Bell
        );
    }
}
