//! Key strings (`"ctrl-s"`, `"shift-tab"`, `"g g"`) to comparable key chords
//! and back.
//!
//! Terminals disagree about how they report some keys, so both parsed keys
//! and crossterm events go through one normalization ([`KeyChord::new`]):
//!
//! * Shift + letter is the uppercase letter without the Shift flag: `"S"`,
//!   `"shift-s"`, `Char('S')` with or without SHIFT and `Char('s')` with
//!   SHIFT are all the same chord.
//! * Shift on any other character is dropped (`'?'` already says Shift).
//! * Ctrl + letter ignores case (`"ctrl-S"` is `"ctrl-s"`): legacy terminals
//!   send the same byte for both.
//! * Shift-Tab is `BackTab` without the Shift flag, whichever way it arrives.
//! * Only Ctrl, Alt, Shift and Super count; Hyper and Meta are ignored.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key press with its modifiers, normalized (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    code: KeyCode,
    modifiers: KeyModifiers,
}

/// Why a key string could not be read. Displays as a short phrase
/// ("unknown key name \"pgdwn\"; did you mean \"pagedown\"?").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    #[error("the key is empty")]
    Empty,
    #[error("\"{0}\" is not a modifier (use ctrl, alt, shift or super)")]
    UnknownModifier(String),
    #[error("the modifier {0} appears twice")]
    RepeatedModifier(String),
    #[error("a key is missing after \"{0}\"")]
    MissingKey(String),
    #[error("unknown key name \"{name}\"{}", did_you_mean(suggestion))]
    UnknownName {
        name: String,
        suggestion: Option<String>,
    },
    #[error("F{0} is not a function key (F1 to F24)")]
    BadFunctionKey(u16),
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean \"{s}\"?"),
        None => String::new(),
    }
}

const MODIFIER_MASK: KeyModifiers = KeyModifiers::CONTROL
    .union(KeyModifiers::ALT)
    .union(KeyModifiers::SHIFT)
    .union(KeyModifiers::SUPER);

/// Named keys accepted in keymap files (lowercase). The first name of each
/// key is the canonical one.
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("bs", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("space", KeyCode::Char(' ')),
    ("minus", KeyCode::Char('-')),
];

const MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("ctrl", KeyModifiers::CONTROL),
    ("control", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("meta", KeyModifiers::ALT),
    ("option", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
    ("super", KeyModifiers::SUPER),
];

impl KeyChord {
    /// A chord from a key code and modifiers, normalized so that the same
    /// physical key compares equal however the terminal reported it.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
        let mut modifiers = modifiers & MODIFIER_MASK;
        let code = match code {
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Char(c) => {
                let shift = modifiers.contains(KeyModifiers::SHIFT);
                modifiers.remove(KeyModifiers::SHIFT);
                let c = if modifiers.contains(KeyModifiers::CONTROL) {
                    single_case(c.to_lowercase()).unwrap_or(c)
                } else if shift {
                    single_case(c.to_uppercase()).unwrap_or(c)
                } else {
                    c
                };
                KeyCode::Char(c)
            }
            other => other,
        };
        KeyChord { code, modifiers }
    }

    /// A plain character key (`'j'`, `'G'`, `'?'`).
    pub fn char(c: char) -> KeyChord {
        KeyChord::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// Ctrl + a character.
    pub fn ctrl(c: char) -> KeyChord {
        KeyChord::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn code(&self) -> KeyCode {
        self.code
    }

    pub fn modifiers(&self) -> KeyModifiers {
        self.modifiers
    }

    /// True for keys that type text: a character without Ctrl, Alt or Super.
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    }

    /// True for chords with Ctrl, Alt or Super, and for function keys: the
    /// global bindings that still apply while the agent types text.
    pub fn is_command(&self) -> bool {
        self.modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
            || matches!(self.code, KeyCode::F(_))
    }

    /// A key press event for this chord (for feeding keys in tests).
    pub fn to_event(&self) -> KeyEvent {
        KeyEvent::new(self.code, self.modifiers)
    }

    /// The canonical keymap-file spelling: `ctrl-s`, `shift-tab`, `pagedown`,
    /// `G`. [`parse_key`] reads it back to the same chord.
    pub fn to_config_string(&self) -> String {
        let mut out = String::new();
        for (flag, name) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SUPER, "super-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(flag) {
                out.push_str(name);
            }
        }
        match self.code {
            KeyCode::BackTab => out.push_str("shift-tab"),
            KeyCode::Char(' ') => out.push_str("space"),
            KeyCode::Char(c) => out.push(c),
            KeyCode::F(n) => out.push_str(&format!("f{n}")),
            code => match NAMED.iter().find(|(_, k)| *k == code) {
                Some((name, _)) => out.push_str(name),
                None => out.push_str(&format!("{code:?}").to_lowercase()),
            },
        }
        out
    }
}

/// The single char of a case mapping, if it is one char.
fn single_case(mut it: impl Iterator<Item = char>) -> Option<char> {
    let c = it.next()?;
    if it.next().is_some() { None } else { Some(c) }
}

impl From<KeyEvent> for KeyChord {
    fn from(event: KeyEvent) -> KeyChord {
        KeyChord::new(event.code, event.modifiers)
    }
}

impl From<&KeyEvent> for KeyChord {
    fn from(event: &KeyEvent) -> KeyChord {
        KeyChord::new(event.code, event.modifiers)
    }
}

impl PartialEq<KeyEvent> for KeyChord {
    fn eq(&self, event: &KeyEvent) -> bool {
        *self == KeyChord::from(event)
    }
}

impl PartialEq<KeyChord> for KeyEvent {
    fn eq(&self, chord: &KeyChord) -> bool {
        *chord == KeyChord::from(self)
    }
}

/// How a key is shown to the agent: `Ctrl-s`, `Shift-Tab`, `PageDown`, `G`,
/// `Space`.
impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (flag, name) in [
            (KeyModifiers::CONTROL, "Ctrl-"),
            (KeyModifiers::ALT, "Alt-"),
            (KeyModifiers::SUPER, "Super-"),
            (KeyModifiers::SHIFT, "Shift-"),
        ] {
            if self.modifiers.contains(flag) {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Formats a key sequence for display: `"g g"`, `"Ctrl-s"`.
pub fn format_keys(keys: &[KeyChord]) -> String {
    let parts: Vec<String> = keys.iter().map(ToString::to_string).collect();
    parts.join(" ")
}

/// Parses a key string from a keymap file: one chord (`"ctrl-s"`, `"G"`,
/// `"shift-tab"`, `"f1"`, `"space"`) or a sequence of chords separated by
/// spaces (`"g g"`). Modifier and key names ignore case; a single character
/// is taken as written (`"S"` is Shift + s).
pub fn parse_key(s: &str) -> Result<Vec<KeyChord>, KeyParseError> {
    let chords = s
        .split_whitespace()
        .map(parse_chord)
        .collect::<Result<Vec<_>, _>>()?;
    if chords.is_empty() {
        return Err(KeyParseError::Empty);
    }
    Ok(chords)
}

/// Key press events for a space-separated key string, for driving the UI
/// in tests: `key_events("j j enter r")`.
pub fn key_events(s: &str) -> Result<Vec<KeyEvent>, KeyParseError> {
    Ok(parse_key(s)?.iter().map(KeyChord::to_event).collect())
}

/// Parses one chord (no spaces): `"ctrl-s"`, `"alt-x"`, `"?"`, `"ctrl--"`.
/// Angle brackets around a name are allowed (`"<enter>"`, `"<ctrl-s>"`).
pub fn parse_chord(token: &str) -> Result<KeyChord, KeyParseError> {
    if token.is_empty() {
        return Err(KeyParseError::Empty);
    }
    let token = match token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        Some(inner) if !inner.is_empty() => inner,
        _ => token,
    };
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = token;
    // Peel `modifier-` prefixes; a lone "-" (or "ctrl--") is the minus key.
    while let Some(pos) = rest.find('-') {
        if pos == 0 {
            break;
        }
        let name = &rest[..pos];
        let lower = name.to_ascii_lowercase();
        let Some((_, flag)) = MODIFIERS.iter().find(|(n, _)| *n == lower) else {
            return Err(KeyParseError::UnknownModifier(name.to_string()));
        };
        if modifiers.contains(*flag) {
            return Err(KeyParseError::RepeatedModifier(lower));
        }
        modifiers |= *flag;
        rest = &rest[pos + 1..];
        if rest.is_empty() {
            return Err(KeyParseError::MissingKey(token.to_string()));
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => named_key(rest)?,
    };
    Ok(KeyChord::new(code, modifiers))
}

fn named_key(name: &str) -> Result<KeyCode, KeyParseError> {
    let lower = name.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
        return Ok(*code);
    }
    if let Some(digits) = lower.strip_prefix('f')
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return match digits.parse::<u16>() {
            Ok(n @ 1..=24) => Ok(KeyCode::F(n as u8)),
            Ok(n) => Err(KeyParseError::BadFunctionKey(n)),
            Err(_) => Err(KeyParseError::BadFunctionKey(u16::MAX)),
        };
    }
    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
    let suggestion = super::names::closest(&lower, &names, 1).into_iter().next();
    Err(KeyParseError::UnknownName {
        name: name.to_string(),
        suggestion,
    })
}

impl FromStr for KeyChord {
    type Err = KeyParseError;

    fn from_str(s: &str) -> Result<KeyChord, KeyParseError> {
        parse_chord(s.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn one(s: &str) -> KeyChord {
        let v = parse_key(s).unwrap();
        assert_eq!(v.len(), 1, "{s}");
        v[0]
    }

    #[test]
    fn parses_the_documented_examples() {
        let c = KeyModifiers::CONTROL;
        let n = KeyModifiers::NONE;
        assert_eq!(one("ctrl-s"), ev(KeyCode::Char('s'), c));
        assert_eq!(one("ctrl-r"), ev(KeyCode::Char('r'), c));
        assert_eq!(one("shift-tab"), ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(one("enter"), ev(KeyCode::Enter, n));
        assert_eq!(one("esc"), ev(KeyCode::Esc, n));
        assert_eq!(one("?"), ev(KeyCode::Char('?'), n));
        assert_eq!(one("S"), ev(KeyCode::Char('S'), KeyModifiers::SHIFT));
        assert_eq!(one("G"), ev(KeyCode::Char('G'), n));
        assert_eq!(one("pagedown"), ev(KeyCode::PageDown, n));
        assert_eq!(one("up"), ev(KeyCode::Up, n));
        assert_eq!(one("f1"), ev(KeyCode::F(1), n));
        assert_eq!(one("alt-x"), ev(KeyCode::Char('x'), KeyModifiers::ALT));
        assert_eq!(one("space"), ev(KeyCode::Char(' '), n));
        assert_eq!(parse_key("g g").unwrap(), vec![KeyChord::char('g'); 2]);
        assert_eq!(
            parse_key("  Z   Z ").unwrap(),
            vec![KeyChord::char('Z'), KeyChord::char('Z')]
        );
    }

    #[test]
    fn terminal_differences_normalize_away() {
        // Shift + letter: uppercase with or without SHIFT, or lowercase + SHIFT.
        let s = one("S");
        assert_eq!(s, ev(KeyCode::Char('S'), KeyModifiers::NONE));
        assert_eq!(s, ev(KeyCode::Char('S'), KeyModifiers::SHIFT));
        assert_eq!(s, ev(KeyCode::Char('s'), KeyModifiers::SHIFT));
        assert_eq!(one("shift-s"), s);
        assert_eq!(one("shift-S"), s);
        assert_ne!(s, one("s"));
        // Shift on punctuation is implied by the character.
        assert_eq!(one("?"), ev(KeyCode::Char('?'), KeyModifiers::SHIFT));
        assert_eq!(one("shift-?"), one("?"));
        // Shift-Tab as BackTab (with or without SHIFT) or Tab + SHIFT.
        let bt = one("shift-tab");
        assert_eq!(bt, ev(KeyCode::BackTab, KeyModifiers::NONE));
        assert_eq!(bt, ev(KeyCode::Tab, KeyModifiers::SHIFT));
        assert_eq!(one("backtab"), bt);
        assert_ne!(bt, one("tab"));
        // Ctrl + letter ignores case and shift.
        assert_eq!(one("ctrl-S"), one("ctrl-s"));
        assert_eq!(
            one("ctrl-s"),
            ev(
                KeyCode::Char('S'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        );
        // Hyper/Meta and the event kind/state do not matter.
        let mut e = ev(KeyCode::Char('j'), KeyModifiers::HYPER);
        e.kind = KeyEventKind::Repeat;
        e.state = KeyEventState::KEYPAD;
        assert_eq!(one("j"), e);
        // Shift on other named keys is kept.
        assert_eq!(one("shift-up"), ev(KeyCode::Up, KeyModifiers::SHIFT));
        assert_ne!(one("shift-up"), one("up"));
        // Non-Latin characters pass through unchanged.
        assert_eq!(one("ಕ"), ev(KeyCode::Char('ಕ'), KeyModifiers::NONE));
    }

    #[test]
    fn names_and_modifiers_ignore_case() {
        assert_eq!(one("Ctrl-S"), one("ctrl-s"));
        assert_eq!(one("PageDown"), one("pagedown"));
        assert_eq!(one("ESC"), one("escape"));
        assert_eq!(one("F12"), ev(KeyCode::F(12), KeyModifiers::NONE));
        assert_eq!(
            one("ctrl-alt-x"),
            ev(
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            )
        );
        assert_eq!(one("alt-X"), ev(KeyCode::Char('X'), KeyModifiers::ALT));
        assert_eq!(one("-"), KeyChord::char('-'));
        assert_eq!(one("ctrl--"), KeyChord::ctrl('-'));
        assert_eq!(one("minus"), KeyChord::char('-'));
    }

    #[test]
    fn bad_keys_say_why() {
        assert_eq!(parse_key(""), Err(KeyParseError::Empty));
        assert_eq!(parse_key("   "), Err(KeyParseError::Empty));
        assert_eq!(
            parse_key("cmd-x"),
            Err(KeyParseError::UnknownModifier("cmd".into()))
        );
        assert_eq!(
            parse_key("ctrl-"),
            Err(KeyParseError::MissingKey("ctrl-".into()))
        );
        assert_eq!(
            parse_key("ctrl-ctrl-x"),
            Err(KeyParseError::RepeatedModifier("ctrl".into()))
        );
        assert_eq!(parse_key("f25"), Err(KeyParseError::BadFunctionKey(25)));
        assert_eq!(parse_key("f0"), Err(KeyParseError::BadFunctionKey(0)));
        let err = parse_key("pgdwn").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown key name \"pgdwn\"; did you mean \"pgdn\"?"
        );
        // "ZZ" is not a sequence: sequences need spaces.
        assert!(matches!(
            parse_key("ZZ"),
            Err(KeyParseError::UnknownName { .. })
        ));
    }

    #[test]
    fn angle_brackets_and_events_for_tests() {
        assert_eq!(one("<enter>"), one("enter"));
        assert_eq!(one("<ctrl-s>"), one("ctrl-s"));
        assert_eq!(one("<"), KeyChord::char('<'));
        assert_eq!(one(">"), KeyChord::char('>'));
        assert!(parse_key("<>").is_err());
        let events = key_events("j j <enter> r").unwrap();
        assert_eq!(events.len(), 4);
        assert_eq!(events[2], KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(KeyChord::from(events[0]), KeyChord::char('j'));
    }

    #[test]
    fn formats_for_display() {
        assert_eq!(one("ctrl-s").to_string(), "Ctrl-s");
        assert_eq!(one("shift-tab").to_string(), "Shift-Tab");
        assert_eq!(format_keys(&parse_key("g g").unwrap()), "g g");
        assert_eq!(one("S").to_string(), "S");
        assert_eq!(one("pagedown").to_string(), "PageDown");
        assert_eq!(one("space").to_string(), "Space");
        assert_eq!(one("alt-x").to_string(), "Alt-x");
        assert_eq!(one("f1").to_string(), "F1");
        assert_eq!(one("shift-up").to_string(), "Shift-Up");
        assert_eq!(one("ctrl-shift-tab").to_string(), "Ctrl-Shift-Tab");
    }

    #[test]
    fn config_strings_round_trip() {
        let samples = [
            "ctrl-s",
            "shift-tab",
            "ctrl-shift-tab",
            "enter",
            "esc",
            "?",
            "S",
            "G",
            "pagedown",
            "pageup",
            "up",
            "f1",
            "f24",
            "alt-x",
            "space",
            "ctrl-space",
            "-",
            "ctrl--",
            "shift-up",
            "super-k",
            "home",
            "backspace",
            "ಕ",
        ];
        for s in samples {
            let chord = one(s);
            let back = chord.to_config_string();
            assert_eq!(one(&back), chord, "{s} -> {back}");
        }
        assert_eq!(one("Ctrl-S").to_config_string(), "ctrl-s");
        assert_eq!(one("shift-s").to_config_string(), "S");
        assert_eq!(one("backtab").to_config_string(), "shift-tab");
    }

    #[test]
    fn text_and_command_keys() {
        assert!(one("j").is_text());
        assert!(one("J").is_text());
        assert!(one("1").is_text());
        assert!(one("space").is_text());
        assert!(!one("ctrl-s").is_text());
        assert!(!one("enter").is_text());
        assert!(one("ctrl-s").is_command());
        assert!(one("alt-x").is_command());
        assert!(one("f1").is_command());
        assert!(!one("esc").is_command());
        assert!(!one("down").is_command());
        assert!(!one("q").is_command());
    }
}
