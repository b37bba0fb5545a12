//! What a macro's body may hold: text and `{{ name }}` placeholders. The
//! server checks a body when a supervisor saves it; an editor can check it
//! as it is typed with the same function.

/// Placeholders the console fills from its cache; any other well-formed
/// name is asked of the agent when the macro is applied.
pub const KNOWN_PLACEHOLDERS: &[&str] = &[
    "customer.name",
    "customer.first_name",
    "order.id",
    "order.total",
    "tracking.number",
    "tracking.carrier",
    "shipment.carrier",
    "agent.name",
    "ticket.id",
    "ticket.subject",
];

/// The longest placeholder name.
const MAX_NAME: usize = 64;

/// What is wrong with a macro body; `at` counts characters from the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyProblem {
    /// `{{` without its `}}`.
    Unclosed { at: usize },
    /// `{{ }}`.
    Empty { at: usize },
    /// A name that is not words of `a-z`, `0-9`, `_` joined by dots.
    BadName { at: usize, name: String },
}

impl BodyProblem {
    /// The API's error code.
    pub fn code(&self) -> &'static str {
        match self {
            BodyProblem::Unclosed { .. } => "unclosed_placeholder",
            BodyProblem::Empty { .. } => "empty_placeholder",
            BodyProblem::BadName { .. } => "bad_placeholder",
        }
    }

    /// What is wrong and what to do, in English.
    pub fn message(&self) -> String {
        match self {
            BodyProblem::Unclosed { at } => {
                format!("the placeholder opened at character {at} has no closing }}}}")
            }
            BodyProblem::Empty { at } => {
                format!(
                    "the placeholder at character {at} is empty; write a name such as {{{{customer.name}}}}"
                )
            }
            BodyProblem::BadName { at, name } => format!(
                "placeholder {name:?} at character {at}: use lower-case words joined by dots, such as order.id"
            ),
        }
    }
}

/// Checks every placeholder of `body`.
pub fn check_macro_body(body: &str) -> Result<(), BodyProblem> {
    let mut rest = body;
    let mut offset = 0;
    while let Some(start) = rest.find("{{") {
        let at = offset + rest[..start].chars().count();
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(BodyProblem::Unclosed { at });
        };
        let name = after[..end].trim();
        if name.is_empty() {
            return Err(BodyProblem::Empty { at });
        }
        let well_formed = name.len() <= MAX_NAME
            && name.split('.').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            });
        if !well_formed {
            return Err(BodyProblem::BadName {
                at,
                name: name.to_string(),
            });
        }
        let consumed = start + 2 + end + 2;
        offset += rest[..consumed].chars().count();
        rest = &rest[consumed..];
    }
    Ok(())
}

/// The placeholders of `body` the console cannot fill (asked of the agent).
pub fn asked_placeholders(body: &str) -> Vec<String> {
    super::placeholders(body)
        .into_iter()
        .filter(|p| !KNOWN_PLACEHOLDERS.contains(&p.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_checked_placeholder_by_placeholder() {
        assert_eq!(
            check_macro_body("ನಮಸ್ಕಾರ {{customer.name}}, {{ order.id }} {{refund.days}}"),
            Ok(())
        );
        assert_eq!(
            check_macro_body("ನಮಸ್ಕಾರ {{customer.name"),
            Err(BodyProblem::Unclosed { at: 8 })
        );
        assert_eq!(
            check_macro_body("a {{ }} b"),
            Err(BodyProblem::Empty { at: 2 })
        );
        assert_eq!(
            check_macro_body("{{a}} {{Order.Id}}"),
            Err(BodyProblem::BadName {
                at: 6,
                name: "Order.Id".into()
            })
        );
        for bad in ["order..id", ".id", "order id", "ಹೆಸರು"] {
            let body = format!("{{{{{bad}}}}}");
            assert_eq!(
                check_macro_body(&body).map_err(|p| p.code()),
                Err("bad_placeholder"),
                "{bad}"
            );
        }
        assert_eq!(
            asked_placeholders("{{customer.name}} {{refund.days}} {{refund.days}}"),
            ["refund.days"]
        );
    }
}
