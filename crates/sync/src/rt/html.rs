//! Mail that came as HTML only, as readable text.
//!
//! html2text parses like a browser, and a browser's parser takes time that
//! grows with the square of how deeply tags nest: 16,000 nested `<div>`s
//! took 2 s, a megabyte of them would take minutes and stall the sync. So
//! markup with more tags than any ordinary mail has is first flattened to
//! text (tags dropped, line-breaking ones kept as line ends) and only then
//! given to html2text, which still decodes the entities and wraps.

/// Most tags handed to html2text as they are (nested 4,000 deep: 0.15 s).
/// A long newsletter has a few thousand.
const MAX_TAGS: usize = 4000;

/// Width the text is wrapped to.
const WIDTH: usize = 100;

/// `html` as plain text; what cannot be converted is kept as it came.
pub fn html_to_text(html: &str) -> String {
    let flat;
    let html = if html.matches('<').count() > MAX_TAGS {
        flat = flatten(html);
        flat.as_str()
    } else {
        html
    };
    html2text::from_read(html.as_bytes(), WIDTH).unwrap_or_else(|_| html.to_string())
}

/// Tags that end a line.
const BREAKS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
];

/// `html` without its tags (one pass): a `<` that starts a tag (a letter,
/// `/`, `!` or `?` after it) runs to the next `>`; other `<`s are text.
fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !starts_tag {
            out.push_str("&lt;");
            rest = after;
            continue;
        }
        let Some(end) = after.find('>') else {
            rest = "";
            break;
        };
        let name: String = after[..end]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if BREAKS.contains(&name.as_str()) && !out.ends_with("<br>") {
            out.push_str("<br>");
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_becomes_text() {
        let text = html_to_text("<p>ನಮಸ್ಕಾರ <b>ಸರ್</b></p><p>a &amp; b</p>");
        assert!(text.contains("ನಮಸ್ಕಾರ") && text.contains("a & b"), "{text}");
    }

    /// Found by fuzzing: deep nesting took time growing with its square.
    /// Past the bound the words, the line ends and the entities are kept.
    #[test]
    fn deep_nesting_is_flattened_first() {
        let depth = 200_000;
        let html = format!(
            "{}ಪಾರ್ಸೆಲ್ &lt;3 1 < 2<br>ಬಂದಿಲ್ಲ{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let text = html_to_text(&html);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["ಪಾರ್ಸೆಲ್ <3 1 < 2", "ಬಂದಿಲ್ಲ"], "{text:?}");
    }
}
