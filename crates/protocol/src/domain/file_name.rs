//! Names and types from outside, made safe to keep, show and use as one
//! file name (never as a path).

/// Longest name kept, in bytes (UTF-8), extension included.
const MAX_NAME_BYTES: usize = 120;

/// A file name from an untrusted `Content-Disposition`/`Content-Type` name:
///
/// - only the last path component (after any `/` or `\`) is kept;
/// - control characters, bidi overrides and isolates, and the characters
///   Windows forbids (`<>:"|?*`) are removed or replaced by `_`;
///   ZWJ/ZWNJ stay (Kannada, Telugu and Devanagari need them);
/// - leading dots and spaces, trailing dots and spaces go (no hidden files,
///   no `..`); a Windows device name (`CON`, `nul.txt`, `COM1`) gets a `_`;
/// - at most 120 bytes, cut at a character boundary, the extension kept;
/// - `attachment-<index>` when nothing is left.
pub fn sanitize_file_name(raw: Option<&str>, index: usize) -> String {
    let fallback = || format!("attachment-{index}");
    let Some(raw) = raw else {
        return fallback();
    };
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut name: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .map(|c| if "<>:\"|?*".contains(c) { '_' } else { c })
        .collect();
    name = name
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .to_owned();
    if name.is_empty() {
        return fallback();
    }
    if is_windows_device(&name) {
        name.insert(0, '_');
    }
    shorten(&name, MAX_NAME_BYTES)
}

/// `type/subtype`, lower-case, made of token characters; else
/// `application/octet-stream`.
pub fn content_type(ctype: &str, subtype: Option<&str>) -> String {
    let token = |part: &str| {
        !part.is_empty()
            && part.len() <= 64
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    match subtype {
        Some(subtype) if token(ctype) && token(subtype) => {
            format!(
                "{}/{}",
                ctype.to_ascii_lowercase(),
                subtype.to_ascii_lowercase()
            )
        }
        None if ctype.eq_ignore_ascii_case("text") => "text/plain".to_owned(),
        _ => "application/octet-stream".to_owned(),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
}

fn is_windows_device(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// Cuts to `max` bytes at a char boundary, keeping a short extension.
fn shorten(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let (stem, extension) = match name.rfind('.') {
        Some(dot) if name.len() - dot <= 16 && dot > 0 => (&name[..dot], &name[dot..]),
        _ => (name, ""),
    };
    let mut end = max.saturating_sub(extension.len());
    while end > 0 && !stem.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{extension}", &stem[..end.min(stem.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cut_to_their_last_component() {
        assert_eq!(sanitize_file_name(Some("../../etc/passwd"), 1), "passwd");
        assert_eq!(
            sanitize_file_name(Some("C:\\Users\\x\\photo.jpg"), 1),
            "photo.jpg"
        );
        assert_eq!(sanitize_file_name(Some("/"), 2), "attachment-2");
        assert_eq!(sanitize_file_name(Some(".."), 3), "attachment-3");
        assert_eq!(sanitize_file_name(Some(".bashrc"), 1), "bashrc");
        assert_eq!(sanitize_file_name(None, 4), "attachment-4");
    }

    #[test]
    fn control_and_bidi_characters_go_and_indic_joiners_stay() {
        assert_eq!(
            sanitize_file_name(Some("invoice\u{202E}fdp.exe"), 1),
            "invoicefdp.exe"
        );
        assert_eq!(
            sanitize_file_name(Some("a\u{1b}[31mb\r\n.txt"), 1),
            "a[31mb.txt"
        );
        assert_eq!(sanitize_file_name(Some("what?<x>.txt"), 1), "what__x_.txt");
        let kannada = "ಹಾನಿ\u{200D}ಯಾದ ಪೆಟ್ಟಿಗೆ.jpg";
        assert_eq!(sanitize_file_name(Some(kannada), 1), kannada);
    }

    #[test]
    fn device_names_and_long_names() {
        assert_eq!(sanitize_file_name(Some("CON"), 1), "_CON");
        assert_eq!(sanitize_file_name(Some("nul.txt"), 1), "_nul.txt");
        assert_eq!(sanitize_file_name(Some("com1.log"), 1), "_com1.log");
        assert_eq!(sanitize_file_name(Some("console.txt"), 1), "console.txt");
        let long = format!("{}.jpg", "ಕ".repeat(100));
        let short = sanitize_file_name(Some(&long), 1);
        assert!(
            short.len() <= MAX_NAME_BYTES && short.ends_with(".jpg"),
            "{short}"
        );
    }

    #[test]
    fn content_types_are_tokens() {
        assert_eq!(content_type("Image", Some("JPEG")), "image/jpeg");
        assert_eq!(content_type("text", None), "text/plain");
        assert_eq!(
            content_type("x\r\nBcc", Some("y")),
            "application/octet-stream"
        );
    }
}
