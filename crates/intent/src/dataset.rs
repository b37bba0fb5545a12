//! The labelled ticket texts (data/labelled.tsv) and their fixed split into
//! a tuning half and a held-out half.
//!
//! One example a line, tab-separated: intent slug, customer language,
//! order facts, subject (may be empty), latest message, earlier messages
//! (latest first). Facts are comma-separated: `cod`, `late` (carrier ETA
//! passed), `ship=<shipment status>`, `pay=<payment status>` (wire names of
//! `sahaya-protocol`), `order=<id>`; empty when the ticket has no order.
//! Lines starting with `#` are comments.
//!
//! The half of an example is decided by a hash (FNV-1a, 64 bit) of its
//! subject and messages, so it never changes unless the text does, and two
//! identical texts always land in the same half.

use sahaya_protocol::domain::{PaymentStatus, ShipmentStatus};

use crate::line_error::LineError;
use crate::{Intent, OrderFacts, TicketText};

/// The labelled set shipped with the crate.
pub const LABELLED: &str = include_str!("../data/labelled.tsv");

/// Which half of the labelled set an example belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Half {
    /// Seen while writing the keyword lists and weights.
    Tuning,
    /// Only ever measured.
    HeldOut,
}

/// One labelled ticket.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Line in the data file.
    pub line: usize,
    pub intent: Intent,
    pub language: String,
    pub order: Option<OrderFacts>,
    pub subject: String,
    /// Latest first.
    pub messages: Vec<String>,
}

impl Example {
    /// The example as classifier input.
    pub fn ticket(&self) -> TicketText<'_> {
        TicketText {
            subject: &self.subject,
            messages: self.messages.iter().map(String::as_str).collect(),
            language: &self.language,
            order: self.order.clone(),
        }
    }

    /// The half this example belongs to.
    pub fn half(&self) -> Half {
        if fnv1a(&self.text_key()).is_multiple_of(2) {
            Half::Tuning
        } else {
            Half::HeldOut
        }
    }

    /// Subject and messages, as hashed for the split.
    pub fn text_key(&self) -> String {
        let mut key = self.subject.clone();
        for m in &self.messages {
            key.push('\u{1F}');
            key.push_str(m);
        }
        key
    }

    /// Whether the text is in Latin letters, native script, or both.
    pub fn script(&self) -> Script {
        let key = self.text_key();
        let latin = key.chars().any(|c| c.is_ascii_alphabetic());
        let native = key.chars().any(|c| ('\u{0900}'..='\u{0DFF}').contains(&c));
        match (latin, native) {
            (_, false) => Script::Latin,
            (false, true) => Script::Native,
            (true, true) => Script::Mixed,
        }
    }
}

/// How an example is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// English, or another language in Latin letters.
    Latin,
    /// Kannada, Telugu or Devanagari only (digits and order ids aside).
    Native,
    /// Native script with Latin words mixed in.
    Mixed,
}

/// FNV-1a, 64 bit: small, fixed forever, good enough to split a data set.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The shipped labelled set.
pub fn labelled() -> Result<Vec<Example>, LineError> {
    parse(LABELLED)
}

/// Reads a labelled set in the format above.
pub fn parse(text: &str) -> Result<Vec<Example>, LineError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| LineError {
            file: "labelled set",
            line: i + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 5 {
            return Err(err(format!(
                "expected at least 5 tab-separated fields (intent, language, facts, subject, message), found {}",
                fields.len()
            )));
        }
        let intent: Intent = fields[0].parse().map_err(|e| err(format!("{e}")))?;
        let messages: Vec<String> = fields[4..].iter().map(|m| m.to_string()).collect();
        if messages.iter().any(|m| m.trim().is_empty()) {
            return Err(err("a message is empty".into()));
        }
        out.push(Example {
            line: i + 1,
            intent,
            language: fields[1].to_string(),
            order: parse_facts(fields[2]).map_err(err)?,
            subject: fields[3].to_string(),
            messages,
        });
    }
    Ok(out)
}

fn parse_facts(text: &str) -> Result<Option<OrderFacts>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut facts = OrderFacts::default();
    for item in text.split(',').map(str::trim) {
        match item.split_once('=') {
            None if item == "cod" => facts.cod = true,
            None if item == "late" => facts.eta_passed = true,
            Some(("ship", s)) => {
                facts.shipment = Some(s.parse::<ShipmentStatus>().map_err(|e| e.to_string())?)
            }
            Some(("pay", s)) => {
                facts.payment = Some(s.parse::<PaymentStatus>().map_err(|e| e.to_string())?)
            }
            Some(("order", id)) => facts.order_id = Some(id.to_string()),
            _ => {
                return Err(format!(
                    "unknown order fact {item:?}; use cod, late, ship=<status>, pay=<status>, order=<id>"
                ));
            }
        }
    }
    Ok(Some(facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_fixed() {
        // Changing the hash would move examples between the halves.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn facts_parse_and_bad_ones_are_named() {
        let f = parse_facts("cod, ship=in-transit,late,pay=pending,order=SH-1")
            .unwrap()
            .unwrap();
        assert!(f.cod && f.eta_passed);
        assert_eq!(f.shipment, Some(ShipmentStatus::InTransit));
        assert_eq!(f.payment, Some(PaymentStatus::Pending));
        assert_eq!(f.order_id.as_deref(), Some("SH-1"));
        assert_eq!(parse_facts(""), Ok(None));
        assert!(parse_facts("ship=lost").unwrap_err().contains("lost"));
        assert!(parse_facts("prepaid").unwrap_err().contains("prepaid"));
    }

    #[test]
    fn bad_lines_name_their_line() {
        let err = parse("# c\nlate\ten\t\t\thi\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("unknown intent"), "{err}");
        let err = parse("cancel\ten\t\tsubject only\n").unwrap_err();
        assert!(err.message.contains("at least 5"), "{err}");
    }
}
