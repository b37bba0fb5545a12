//! Why an intent was suggested, as data the UI renders in the agent's
//! language: the words as the customer wrote them and the order facts.

use std::fmt;

use crate::Intent;

/// A language of the keyword lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Kn,
    Te,
    Ne,
    Hi,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Kn, Lang::Te, Lang::Ne, Lang::Hi];

    /// BCP 47 primary subtag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Kn => "kn",
            Lang::Te => "te",
            Lang::Ne => "ne",
            Lang::Hi => "hi",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Where in the ticket a word was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    Subject,
    /// A customer message; 0 is the latest.
    Message(usize),
}

/// Words of the ticket that point to the intent.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// As written in the ticket (sanitize before display, like any customer
    /// text). Words found apart are joined with " … ".
    pub text: String,
    /// The language of the keyword list that matched.
    pub language: Lang,
    pub source: Source,
    /// How much it counted.
    pub weight: f32,
}

/// A fact of the ticket's order that points to the intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    /// The carrier's promised date has passed, not delivered.
    Late,
    /// Shipped, in transit or out for delivery.
    InTransit,
    /// Packed, not handed to the carrier yet.
    NotDispatched,
    Delivered,
    DeliveryFailed,
    ReturnedToOrigin,
    /// Cash on delivery.
    Cod,
    PaymentFailed,
    PaymentPending,
    Refunded,
}

impl Fact {
    /// Stable name, a key for the UI's message catalogue.
    pub fn slug(self) -> &'static str {
        match self {
            Fact::Late => "late",
            Fact::InTransit => "in-transit",
            Fact::NotDispatched => "not-dispatched",
            Fact::Delivered => "delivered",
            Fact::DeliveryFailed => "delivery-failed",
            Fact::ReturnedToOrigin => "returned-to-origin",
            Fact::Cod => "cod",
            Fact::PaymentFailed => "payment-failed",
            Fact::PaymentPending => "payment-pending",
            Fact::Refunded => "refunded",
        }
    }

    fn english(self) -> &'static str {
        match self {
            Fact::Late => "is late",
            Fact::InTransit => "is on its way",
            Fact::NotDispatched => "is not dispatched yet",
            Fact::Delivered => "was delivered",
            Fact::DeliveryFailed => "failed delivery",
            Fact::ReturnedToOrigin => "went back to the seller",
            Fact::Cod => "is cash on delivery",
            Fact::PaymentFailed => "has a failed payment",
            Fact::PaymentPending => "has a pending payment",
            Fact::Refunded => "was refunded",
        }
    }
}

/// Why an intent was suggested.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reason {
    /// Strongest first.
    pub evidence: Vec<Evidence>,
    pub facts: Vec<Fact>,
    /// The order the facts are about, if known.
    pub order_id: Option<String>,
}

impl Reason {
    pub fn is_empty(&self) -> bool {
        self.evidence.is_empty() && self.facts.is_empty()
    }
}

/// How many words the one-line English reason names.
const SHOWN_WORDS: usize = 3;

impl fmt::Display for Reason {
    /// One English line: `mentions “ಪಾರ್ಸೆಲ್”, “innu bandilla” + order SH-1001 is late`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        if !self.evidence.is_empty() {
            f.write_str("mentions ")?;
            for (i, e) in self.evidence.iter().take(SHOWN_WORDS).enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "“{}”", e.text)?;
            }
            wrote = true;
        }
        if !self.facts.is_empty() {
            if wrote {
                f.write_str(" + ")?;
            }
            match &self.order_id {
                Some(id) => write!(f, "order {id} ")?,
                None => f.write_str("the order ")?,
            }
            for (i, fact) in self.facts.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(fact.english())?;
            }
            wrote = true;
        }
        if !wrote {
            f.write_str("no clue in the text")?;
        }
        Ok(())
    }
}

/// One intent with how strongly the ticket points to it and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub intent: Intent,
    /// Sum of the weights of the words and facts found; only the order
    /// matters, not the scale.
    pub score: f32,
    pub reason: Reason,
}

impl fmt::Display for Scored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({:.1}): {}", self.intent, self.score, self.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(text: &str, language: Lang) -> Evidence {
        Evidence {
            text: text.into(),
            language,
            source: Source::Message(0),
            weight: 1.0,
        }
    }

    #[test]
    fn english_line_names_words_and_facts() {
        let reason = Reason {
            evidence: vec![
                evidence("ಪಾರ್ಸೆಲ್", Lang::Kn),
                evidence("innu bandilla", Lang::Kn),
            ],
            facts: vec![Fact::Late],
            order_id: Some("SH-1001".into()),
        };
        assert_eq!(
            reason.to_string(),
            "mentions “ಪಾರ್ಸೆಲ್”, “innu bandilla” + order SH-1001 is late"
        );
    }

    #[test]
    fn facts_alone_and_nothing_at_all_read_well() {
        let facts = Reason {
            facts: vec![Fact::Cod, Fact::Delivered],
            ..Reason::default()
        };
        assert_eq!(
            facts.to_string(),
            "the order is cash on delivery, was delivered"
        );
        assert_eq!(Reason::default().to_string(), "no clue in the text");
        assert!(Reason::default().is_empty());
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
