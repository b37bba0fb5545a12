//! A customer's answer to a survey mail, read from the text they wrote above
//! the quoted survey: the first number is the CSAT score (1–5), a second one
//! the NPS score (0–10) when NPS was asked, the rest a comment. Digits may be
//! ASCII, Kannada, Telugu or Devanagari (`೫`, `౫`, `५`).

/// Scores read from an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyScores {
    pub csat: i64,
    pub nps: Option<i64>,
    /// What else they wrote (may be empty).
    pub comment: String,
}

/// Reads the scores out of `text`; None when it does not start with a CSAT
/// score in range (then the mail is an ordinary message, for an agent).
pub fn read_scores(text: &str, nps_asked: bool) -> Option<SurveyScores> {
    let own = own_words(text);
    let wanted = if nps_asked { 2 } else { 1 };
    let mut numbers = Vec::new();
    let mut rest = String::new();
    let mut current = String::new();
    for c in own.chars() {
        match digit_value(c) {
            Some(d) if numbers.len() < wanted || !current.is_empty() => {
                current.push(char::from(b'0' + d));
            }
            _ => {
                if !current.is_empty() {
                    numbers.push(std::mem::take(&mut current));
                }
                rest.push(c);
            }
        }
    }
    if !current.is_empty() {
        numbers.push(current);
    }
    let mut values = numbers.iter().map(|n| n.parse::<i64>().ok());
    let csat = values.next().flatten().filter(|n| (1..=5).contains(n))?;
    let nps = if nps_asked {
        values.next().flatten().filter(|n| (0..=10).contains(n))
    } else {
        None
    };
    let comment = rest
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_string();
    Some(SurveyScores { csat, nps, comment })
}

/// The lines the customer wrote themselves: up to the first quoted line
/// (`>`), an "On … wrote:" line or a signature separator.
fn own_words(text: &str) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let quote_intro = trimmed.ends_with("wrote:") || trimmed.ends_with("a écrit :");
        if trimmed.starts_with('>') || quote_intro || trimmed == "--" || line == "-- " {
            break;
        }
        out.push(line);
    }
    out.join("\n")
}

/// The value of a decimal digit in ASCII, Kannada, Telugu or Devanagari.
fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{0CE6}'..='\u{0CEF}' => '\u{0CE6}',
        '\u{0C66}'..='\u{0C6F}' => '\u{0C66}',
        '\u{0966}'..='\u{096F}' => '\u{0966}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_any_script_with_a_comment() {
        assert_eq!(
            read_scores("5", false),
            Some(SurveyScores {
                csat: 5,
                nps: None,
                comment: String::new()
            })
        );
        let s = read_scores("೪ ೯ ತುಂಬಾ ಚೆನ್ನಾಗಿತ್ತು", true).unwrap();
        assert_eq!(
            (s.csat, s.nps, s.comment.as_str()),
            (4, Some(9), "ತುಂಬಾ ಚೆನ್ನಾಗಿತ್ತು")
        );
        let s = read_scores("౩ - delivery was late", false).unwrap();
        assert_eq!(
            (s.csat, s.nps, s.comment.as_str()),
            (3, None, "delivery was late")
        );
        let s = read_scores("3 delivery took 2 days", false).unwrap();
        assert_eq!(s.comment, "delivery took 2 days");
        let s = read_scores("५ १०\nधन्यवाद!", true).unwrap();
        assert_eq!((s.csat, s.nps), (5, Some(10)));
        assert_eq!(s.comment, "धन्यवाद");
    }

    #[test]
    fn quoted_text_and_out_of_range_are_not_answers() {
        let mail = "2\n\nOn Mon, Shop Support wrote:\n> Reply with a number from 1 (poor) to 5";
        let s = read_scores(mail, true).unwrap();
        assert_eq!((s.csat, s.nps), (2, None));
        assert_eq!(read_scores("9", false), None);
        assert_eq!(read_scores("0", false), None);
        assert_eq!(read_scores("Where is my refund?", false), None);
        assert_eq!(read_scores("> 5\nno number here", false), None);
        // NPS out of range is dropped, CSAT kept.
        assert_eq!(read_scores("4 11", true).unwrap().nps, None);
        // A third number stays in the comment.
        let s = read_scores("5 8 order 12345 was fine", true).unwrap();
        assert_eq!(s.comment, "order 12345 was fine");
    }
}
