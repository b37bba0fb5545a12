//! Names of actions and scopes as keymap files spell them, and "did you
//! mean" suggestions for misspellings.

use super::{Action, Scope};

impl Action {
    /// The action a keymap file names (`"move_down"`), if any.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

impl Scope {
    /// The scope a keymap section names (`[list]`), if any.
    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The i18n message id of the scope's name: `scope-global`, `scope-list`...
    pub fn message_id(self) -> String {
        format!("scope-{}", self.as_str())
    }

    /// Whether typing text happens in this scope: the composer and the
    /// overlays (pickers with a filter, prompts, search, the palette) only
    /// inherit global bindings that start with Ctrl, Alt, Super or a
    /// function key.
    pub fn takes_text(self) -> bool {
        matches!(self, Scope::Composer | Scope::Overlay)
    }
}

/// Up to `max` candidates close to `word` (small edit distance, or one
/// contains the other), best first.
pub(crate) fn closest<S: AsRef<str>>(word: &str, candidates: &[S], max: usize) -> Vec<String> {
    let word = word.to_lowercase();
    let limit = match word.chars().count() {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .map(AsRef::as_ref)
        .filter_map(|c| {
            let d = edit_distance(&word, c);
            let contains = word.len() >= 3 && (c.contains(word.as_str()) || word.contains(c));
            if d <= limit {
                Some((if contains { d.min(1) } else { d }, c))
            } else if contains {
                Some((1, c))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(max)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let best = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur.push(best);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The snake_case names of all actions, in `Action::ALL` order.
pub(crate) fn action_names() -> Vec<String> {
    Action::ALL.iter().map(|a| a.name()).collect()
}

pub(crate) fn scope_names() -> Vec<&'static str> {
    Scope::ALL.iter().map(|s| s.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::ALL {
            let name = a.name();
            assert!(!name.is_empty());
            assert_eq!(Action::from_name(&name), Some(a));
        }
        assert_eq!(Action::from_name("move_down"), Some(Action::MoveDown));
        assert_eq!(Action::from_name("view_sla_due"), Some(Action::ViewSlaDue));
        assert_eq!(Action::from_name("Reply"), None);
        for s in Scope::ALL {
            assert_eq!(Scope::from_name(s.as_str()), Some(s));
        }
        assert_eq!(Scope::List.message_id(), "scope-list");
    }

    #[test]
    fn suggestions() {
        let names = action_names();
        assert_eq!(closest("replly", &names, 3), vec!["reply"]);
        assert_eq!(closest("sync", &names, 3)[0], "sync_now");
        assert_eq!(closest("status", &names, 3), vec!["set_status"]);
        assert!(closest("xyzzy", &names, 3).is_empty());
        assert_eq!(closest("lists", &scope_names(), 3), vec!["list"]);
    }
}
