//! The keyword lists (data/lexicon.txt) and how a keyword is found in a text.
//!
//! The file has a section per intent, `[late-delivery]`, and in it lines
//! `language weight: term | term | ...` (`kn 3: ತಡ | thada`). `#` starts a
//! comment line. A term is one or more groups joined by ` + `; all groups
//! must occur in the same text (subject or one message), in any order. A
//! group is words that must follow each other. A keyword word matches a
//! word of the text that starts with it (so `ಪಾರ್ಸೆಲ` finds `ಪಾರ್ಸೆಲ್‌ನಲ್ಲಿ`),
//! or that equals it when it ends in `$`. Both sides are folded first (see
//! `normalize`), so spelling variants need no entries of their own. A
//! negative weight counts against the intent (money words against "late
//! delivery": "paisa abhi tak nahi aaya" is about a refund).

use std::sync::OnceLock;

use crate::Intent;
use crate::line_error::LineError;
use crate::normalize::{Word, fold};
use crate::reason::Lang;

/// The keyword lists shipped with the crate.
const LEXICON: &str = include_str!("../data/lexicon.txt");

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub norm: String,
    /// Must equal the word, not just start it.
    pub whole: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub intent: Intent,
    pub weight: f32,
    pub language: Lang,
    pub groups: Vec<Vec<Token>>,
}

/// A term found in a text: per group, the range of word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub term: usize,
    pub spans: Vec<(usize, usize)>,
}

impl Hit {
    /// Number of words covered.
    fn width(&self) -> usize {
        self.spans.iter().map(|(a, b)| b - a).sum()
    }

    fn covers(&self, other: &Hit) -> bool {
        other
            .spans
            .iter()
            .all(|(a, b)| self.spans.iter().any(|(c, d)| c <= a && b <= d))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Lexicon {
    pub terms: Vec<Term>,
}

/// The shipped keyword lists; lines that cannot be read are skipped (a test
/// keeps the file free of them, see [`lexicon_errors`]).
pub(crate) fn shipped() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(LEXICON).0)
}

/// What is wrong in the shipped keyword lists, if anything.
pub fn lexicon_errors() -> Vec<LineError> {
    parse(LEXICON).1
}

pub(crate) fn parse(text: &str) -> (Lexicon, Vec<LineError>) {
    let mut lexicon = Lexicon::default();
    let mut errors = Vec::new();
    let mut section: Option<Intent> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let result = if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            name.parse()
                .map(|intent| section = Some(intent))
                .map_err(|e: crate::UnknownIntent| e.to_string())
        } else if let Some(intent) = section {
            parse_line(intent, line).map(|terms| lexicon.terms.extend(terms))
        } else {
            Err("keywords before the first [intent] section".to_string())
        };
        if let Err(message) = result {
            errors.push(LineError {
                file: "data/lexicon.txt",
                line: i + 1,
                message,
            });
        }
    }
    (lexicon, errors)
}

/// `kn 3: ತಡ | thada` → two terms.
fn parse_line(intent: Intent, line: &str) -> Result<Vec<Term>, String> {
    let Some((head, terms)) = line.split_once(':') else {
        return Err(format!(
            "expected `language weight: term | term`, found {line:?}"
        ));
    };
    let mut head = head.split_whitespace();
    let (Some(language), Some(weight), None) = (head.next(), head.next(), head.next()) else {
        return Err(format!(
            "expected `language weight:` before the terms, found {line:?}"
        ));
    };
    let language = Lang::from_code(language)
        .ok_or_else(|| format!("language {language:?} is not one of en, kn, te, ne, hi"))?;
    let weight: f32 = weight
        .parse()
        .ok()
        .filter(|w: &f32| w.is_finite() && *w != 0.0)
        .ok_or_else(|| format!("weight {weight:?} is not a number other than 0"))?;
    terms
        .split('|')
        .map(|term| parse_term(term.trim()))
        .map(|groups| {
            groups.map(|groups| Term {
                intent,
                weight,
                language,
                groups,
            })
        })
        .collect()
}

fn parse_term(term: &str) -> Result<Vec<Vec<Token>>, String> {
    let mut groups = Vec::new();
    for group in term.split(" + ") {
        let tokens: Vec<Token> = group
            .split_whitespace()
            .map(|t| {
                let whole = t.ends_with('$');
                Token {
                    norm: fold(t.trim_end_matches('$')),
                    whole,
                }
            })
            .collect();
        if tokens.is_empty() || tokens.iter().any(|t| t.norm.is_empty()) {
            return Err(format!("term {term:?} has an empty word or group"));
        }
        groups.push(tokens);
    }
    Ok(groups)
}

impl Token {
    fn matches(&self, word: &Word) -> bool {
        if self.whole {
            word.norm == self.norm
        } else {
            word.norm.starts_with(&self.norm)
        }
    }
}

/// The first place `group` occurs in `words`.
fn find_group(words: &[Word], group: &[Token]) -> Option<(usize, usize)> {
    if group.len() > words.len() {
        return None;
    }
    (0..=words.len() - group.len())
        .find(|&i| group.iter().zip(&words[i..]).all(|(t, w)| t.matches(w)))
        .map(|i| (i, i + group.len()))
}

impl Lexicon {
    /// The terms found in `words`, without those inside a longer one found
    /// there (`cash on delivery` hides `delivery`). Terms of negative weight
    /// are always kept and hide nothing.
    pub(crate) fn hits(&self, words: &[Word]) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for (i, term) in self.terms.iter().enumerate() {
            let spans: Option<Vec<_>> = term.groups.iter().map(|g| find_group(words, g)).collect();
            if let Some(spans) = spans {
                hits.push(Hit { term: i, spans });
            }
        }
        let keep: Vec<bool> = hits
            .iter()
            .map(|h| {
                let positive = |hit: &Hit| self.terms[hit.term].weight > 0.0;
                !positive(h)
                    || !hits.iter().any(|o| {
                        o.term != h.term && positive(o) && o.width() > h.width() && o.covers(h)
                    })
            })
            .collect();
        hits.into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::words;

    fn lex(text: &str) -> Lexicon {
        let (lex, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        lex
    }

    #[test]
    fn shipped_lists_have_no_bad_lines() {
        let errors = lexicon_errors();
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(shipped().terms.len() > 100);
    }

    #[test]
    fn bad_lines_are_named() {
        let (lex, errors) = parse(
            "en 1: early\n[late]\n[late-delivery]\nen 0: late\nfr 1: tard\nen 2 late\nen 2: late |  | delay\n",
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 4, 5, 6, 7]);
        assert!(
            errors[0].message.contains("before the first"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].message.contains("unknown intent"),
            "{}",
            errors[1]
        );
        assert!(errors[2].message.contains("weight"), "{}", errors[2]);
        assert!(errors[3].message.contains("language"), "{}", errors[3]);
        assert!(
            errors[4].message.contains("language weight"),
            "{}",
            errors[4]
        );
        assert!(errors[5].message.contains("empty"), "{}", errors[5]);
        assert!(lex.terms.is_empty());
    }

    #[test]
    fn prefixes_phrases_and_groups() {
        let lex = lex("[late-delivery]\n\
             kn 2: innu bandilla\n\
             [cod]\n\
             en 2: cash on delivery\n\
             [where-is-my-order]\n\
             en 1: delivery\n\
             [payment-failed]\n\
             hi 2: paisa + kat\n\
             [cod]\n\
             en 1: cod$\n\
             [late-delivery]\n\
             en -1: cash\n");
        let ws = words("parcel innu bandilla, cash on delivery");
        let hit_terms: Vec<usize> = lex.hits(&ws).iter().map(|h| h.term).collect();
        // `delivery` alone is inside `cash on delivery`; the negative `cash`
        // stays.
        assert_eq!(hit_terms, [0, 1, 5]);
        let ws = words("mera paisa bhi kat gaya, code galat");
        let hit_terms: Vec<usize> = lex.hits(&ws).iter().map(|h| h.term).collect();
        assert_eq!(hit_terms, [3], "`cod$` must not match `code`");
    }
}
