use serde::{Deserialize, Serialize};

use super::{AgentId, Presence, Role};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agent {
    pub id: AgentId,
    pub login: String,
    pub name: String,
    pub role: Role,
    pub group: String,
    /// Languages the agent can answer in (BCP 47: en, kn, te, ne, hi).
    pub languages: Vec<String>,
    pub presence: Presence,
}

/// A canned reply. `body` may hold placeholders such as `{{customer.name}}`,
/// `{{order.id}}`, `{{tracking.number}}`, `{{agent.name}}`; see [`Macro::placeholders`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Macro {
    pub id: i64,
    pub name: String,
    /// BCP 47 language of the body.
    pub language: String,
    pub body: String,
    /// Status to set when applied, if any.
    pub set_status: Option<super::Status>,
    pub add_tags: Vec<String>,
    /// A deleted macro's tombstone in the change feed: consoles drop it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Macro {
    /// Names of the placeholders in the body, in order of first appearance.
    pub fn placeholders(&self) -> Vec<String> {
        placeholders(&self.body)
    }
}

/// Names inside `{{ }}` in `text`, in order of first appearance, without duplicates.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let name = after[..end].trim().to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
        rest = &after[end + 2..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_once_in_order() {
        let found = placeholders("ನಮಸ್ಕಾರ {{customer.name}}, {{ order.id }} {{customer.name}} {{x");
        assert_eq!(found, vec!["customer.name", "order.id"]);
    }
}
