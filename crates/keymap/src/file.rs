//! Reading one keymap file (TOML) into bindings per scope, collecting every
//! problem with its line and column.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::error::{Problem, ProblemKind, line_col};
use super::key::{KeyChord, parse_key};
use super::names::{action_names, closest, scope_names};
use super::{Action, Scope};

/// The value that removes a binding.
pub(crate) const UNBIND: &str = "none";

/// One `"key" = "action"` line of a file.
#[derive(Debug, Clone)]
pub(crate) struct RawEntry {
    pub keys: Vec<KeyChord>,
    /// `None` for `"none"`: unbound here (and it hides global bindings).
    pub action: Option<Action>,
    /// The key as written, for messages.
    pub text: String,
    pub line: usize,
}

/// A parsed file: entries per scope in file order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layer {
    pub scopes: BTreeMap<Scope, Vec<RawEntry>>,
}

/// Parses `src` (named `file` in messages). Every problem found is reported,
/// not just the first.
pub(crate) fn parse_layer(file: &str, src: &str) -> Result<Layer, Vec<Problem>> {
    let problem = |offset: usize, kind: ProblemKind| {
        let (line, column) = line_col(src, offset);
        Problem {
            file: file.to_string(),
            line,
            column,
            kind,
        }
    };
    let doc = match DeTable::parse(src) {
        Ok(doc) => doc,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = match one_line(e.message()) {
                m if m == "duplicate key" => {
                    "the same key appears twice in one section".to_string()
                }
                m => m,
            };
            return Err(vec![problem(offset, ProblemKind::Syntax(message))]);
        }
    };

    let mut problems = Vec::new();
    let mut layer = Layer::default();
    let mut sections: Vec<_> = doc.get_ref().iter().collect();
    sections.sort_by_key(|(k, _)| k.span().start);
    for (name, value) in sections {
        let name_offset = name.span().start;
        let Some(scope) = Scope::from_name(name.get_ref()) else {
            problems.push(problem(
                name_offset,
                ProblemKind::UnknownScope {
                    name: name.get_ref().to_string(),
                    suggestions: closest(name.get_ref(), &scope_names(), 2),
                },
            ));
            continue;
        };
        let DeValue::Table(table) = value.get_ref() else {
            problems.push(problem(
                name_offset,
                ProblemKind::NotASection(name.get_ref().to_string()),
            ));
            continue;
        };
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        let scope_entries = layer.scopes.entry(scope).or_default();
        for (key, value) in entries {
            let key_text = key.get_ref().to_string();
            let key_offset = key.span().start;
            let keys = match parse_key(&key_text) {
                Ok(keys) => Some(keys),
                Err(e) => {
                    problems.push(problem(
                        key_offset,
                        ProblemKind::BadKey {
                            key: key_text.clone(),
                            reason: e.to_string(),
                        },
                    ));
                    None
                }
            };
            let action = match value.get_ref() {
                DeValue::String(name) if name.as_ref() == UNBIND => Some(None),
                DeValue::String(name) => match Action::from_name(name) {
                    Some(action) => Some(Some(action)),
                    None => {
                        problems.push(problem(
                            value.span().start,
                            ProblemKind::UnknownAction {
                                name: name.to_string(),
                                suggestions: closest(name, &action_names(), 3),
                            },
                        ));
                        None
                    }
                },
                _ => {
                    problems.push(problem(
                        value.span().start,
                        ProblemKind::NotAnActionName(key_text.clone()),
                    ));
                    None
                }
            };
            if let (Some(keys), Some(action)) = (keys, action) {
                let (line, _) = line_col(src, key_offset);
                let entry = RawEntry {
                    keys,
                    action,
                    text: key_text,
                    line,
                };
                if let Some(kind) = conflict(&entry, scope_entries) {
                    problems.push(problem(key_offset, kind));
                } else {
                    scope_entries.push(entry);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(layer)
    } else {
        Err(problems)
    }
}

/// Whether `entry` clashes with an earlier entry of the same scope and file:
/// the same keys spelled differently, or one a prefix of the other.
fn conflict(entry: &RawEntry, earlier: &[RawEntry]) -> Option<ProblemKind> {
    earlier.iter().find_map(|other| {
        if other.keys == entry.keys {
            Some(ProblemKind::Duplicate {
                key: entry.text.clone(),
                other: other.text.clone(),
                other_line: other.line,
            })
        } else if is_prefix(&entry.keys, &other.keys) || is_prefix(&other.keys, &entry.keys) {
            Some(ProblemKind::PrefixConflict {
                key: entry.text.clone(),
                other: other.text.clone(),
                other_line: other.line,
            })
        } else {
            None
        }
    })
}

/// `a` is a strict prefix of `b`.
pub(crate) fn is_prefix(a: &[KeyChord], b: &[KeyChord]) -> bool {
    a.len() < b.len() && b.starts_with(a)
}

/// Whether two sequences cannot both be bound in one scope.
pub(crate) fn clashes(a: &[KeyChord], b: &[KeyChord]) -> bool {
    a == b || is_prefix(a, b) || is_prefix(b, a)
}

fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<String> {
        match parse_layer("keymap.toml", src) {
            Ok(_) => vec![],
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn reads_entries_in_file_order() {
        let layer = parse_layer(
            "k.toml",
            "[list]\n\"k\" = \"move_up\"\n\"j\" = \"move_down\"\n\"x\" = \"none\"\n[global]\n\"g g\" = \"top\"\n",
        )
        .unwrap();
        let list = &layer.scopes[&Scope::List];
        let texts: Vec<&str> = list.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["k", "j", "x"]);
        assert_eq!(list[0].action, Some(Action::MoveUp));
        assert_eq!(list[2].action, None);
        assert_eq!(list[1].line, 3);
        assert_eq!(layer.scopes[&Scope::Global][0].keys.len(), 2);
    }

    #[test]
    fn unknown_action_names_line_column_and_near_matches() {
        let p = problems("[global]\n\"r\" = \"replly\"\n");
        assert_eq!(
            p,
            ["keymap.toml:2:7: there is no action \"replly\" (did you mean \"reply\"?)."]
        );
        let p = problems("[global]\n\"r\" = \"frobnicate\"\n");
        assert!(p[0].contains("default.toml lists every action"), "{p:?}");
    }

    #[test]
    fn bad_keys_and_scopes() {
        let p = problems("[lists]\n\"j\" = \"move_down\"\n");
        assert_eq!(p.len(), 1);
        assert!(
            p[0].starts_with("keymap.toml:1:2: there is no section [lists] (did you mean [list]?)"),
            "{p:?}"
        );
        let p = problems("[global]\n\"cmd-x\" = \"quit\"\n");
        assert_eq!(
            p,
            [
                "keymap.toml:2:1: cannot read the key \"cmd-x\": \"cmd\" is not a modifier (use ctrl, alt, shift or super)."
            ]
        );
        let p = problems("global = 3\n");
        assert!(p[0].contains("must be a section"), "{p:?}");
        let p = problems("[global]\n\"j\" = 3\n");
        assert!(
            p[0].starts_with("keymap.toml:2:7: the key \"j\" must be bound to an action"),
            "{p:?}"
        );
    }

    #[test]
    fn several_problems_are_all_reported() {
        let p = problems("[global]\n\"j\" = \"mvoe_down\"\n\"pgdwn\" = \"page_down\"\n[nope]\n");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].starts_with("keymap.toml:2:"));
        assert!(p[1].starts_with("keymap.toml:3:"));
        assert!(p[2].starts_with("keymap.toml:4:"));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let p = problems("[global]\n\"j\" = move_down\n");
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("keymap.toml:2:"), "{p:?}");
        assert!(p[0].contains("not valid TOML"), "{p:?}");
        assert_eq!(p[0].lines().count(), 1);
        // TOML itself refuses the same key twice.
        let p = problems("[global]\n\"j\" = \"quit\"\n\"j\" = \"help\"\n");
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("keymap.toml:3:"), "{p:?}");
    }

    #[test]
    fn duplicates_and_prefix_conflicts_in_one_scope() {
        let p = problems("[global]\n\"G\" = \"bottom\"\n\"shift-g\" = \"top\"\n");
        assert_eq!(
            p,
            ["keymap.toml:3:1: \"shift-g\" is the same key as \"G\" on line 2."]
        );
        let p = problems("[list]\n\"g g\" = \"top\"\n\"g\" = \"bottom\"\n");
        assert_eq!(
            p,
            [
                "keymap.toml:3:1: \"g\" clashes with \"g g\" on line 2: a key cannot be bound alone and also start a longer sequence."
            ]
        );
        // Different scopes do not clash.
        assert!(problems("[list]\n\"g g\" = \"top\"\n[thread]\n\"g\" = \"bottom\"\n").is_empty());
    }
}
