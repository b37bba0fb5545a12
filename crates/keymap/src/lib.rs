//! Key bindings: keymaps/*.toml -> Action.
//!
//! The built-in map (`keymaps/default.toml`, embedded) comes first; the
//! agent's own file ([`user_keymap_path`]) is layered over it key by key.
//! The file format is documented at the top of `keymaps/default.toml`.
//!
//! Lookup: a key is looked up in the focused [`Scope`] first, then in
//! `global`. The composer and overlays take typed text, so from `global` they
//! only inherit bindings that start with Ctrl, Alt, Super or a function key.
//! A scope's own binding hides every global binding it clashes with (same
//! keys, or one a prefix of the other), so `g` bound in `[list]` wins over a
//! global `g g` while the list has focus.
//!
//! Layering: a user binding replaces every built-in binding of the same scope
//! that it clashes with; `"key" = "none"` removes them without a
//! replacement, and in a pane or overlay scope also hides the global
//! bindings for that key. Within one file, clashing bindings of one scope
//! are an error.

mod action;
mod error;
mod file;
mod key;
mod label;
mod names;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use action::{Action, Scope};
pub use error::{KeymapError, Problem, ProblemKind};
pub use key::{KeyChord, KeyParseError, format_keys, key_events, parse_chord, parse_key};

use file::{Layer, RawEntry, clashes, parse_layer};

/// The built-in keymap, embedded in the binary.
pub const DEFAULT_KEYMAP: &str = include_str!("../../../keymaps/default.toml");
/// An alternative, vim-flavoured keymap to copy into the config dir.
pub const VIM_KEYMAP: &str = include_str!("../../../keymaps/vim.toml");

const DEFAULT_FILE: &str = "keymaps/default.toml (built in)";

/// Where the agent's own keymap lives: `<config dir>/keymap.toml`, e.g.
/// `~/.config/sahaya/keymap.toml` on Linux. `None` when no home directory
/// can be found.
pub fn user_keymap_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sahaya").map(|d| d.config_dir().join("keymap.toml"))
}

/// What a key press means, fed through [`Keymap::feed`] or
/// [`Resolver::feed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyResult {
    /// A binding is complete.
    Action(Action),
    /// The keys so far start one or more sequences; for a which-key hint,
    /// the keys that can follow (formatted, e.g. `"g"`) and what they do.
    Pending(Vec<(String, Action)>),
    /// Nothing bound: in a text field, the key is typing. Also returned,
    /// without touching a pending sequence, for key releases and bare
    /// modifier keys.
    Unbound,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Binding {
    keys: Vec<KeyChord>,
    /// `None`: explicitly unbound (`"none"`), hides global bindings.
    action: Option<Action>,
}

#[derive(Debug, Default)]
struct Tables {
    /// Each scope's own bindings after layering: user file first, then the
    /// remaining built-in ones, each in file order.
    own: BTreeMap<Scope, Vec<Binding>>,
    /// What a key means with that scope focused: own bindings plus the
    /// inherited global ones, without `none` markers.
    effective: BTreeMap<Scope, Vec<Binding>>,
}

/// The keys typed so far of a sequence, and in which scope.
#[derive(Debug, Clone, Default)]
struct Pending {
    keys: Vec<KeyChord>,
    scope: Option<Scope>,
}

/// Bindings for every scope plus the state of a multi-key sequence being
/// typed. Cheap to clone (the tables are shared).
#[derive(Debug, Clone)]
pub struct Keymap {
    tables: Arc<Tables>,
    /// The keymap's own sequence state (see [`Keymap::keys`]).
    own: Resolver,
}

/// A separate sequence state machine over a keymap's bindings, for callers
/// that keep the keymap elsewhere.
#[derive(Debug, Clone)]
pub struct Resolver {
    tables: Arc<Tables>,
    pending: Pending,
}

impl Keymap {
    /// The built-in keymap layered with the agent's file. A missing user
    /// file is not an error (the built-in keys apply); an unreadable or
    /// invalid one is, naming the file, line, column and problem.
    pub fn load(user_file: Option<&Path>) -> Result<Keymap, KeymapError> {
        let user = match user_file {
            None => None,
            Some(path) => match std::fs::read_to_string(path) {
                Ok(src) => Some((path.display().to_string(), src)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => {
                    return Err(KeymapError::Read {
                        path: path.to_path_buf(),
                        source,
                    });
                }
            },
        };
        match user {
            Some((name, src)) => Keymap::from_user_toml(&name, &src),
            None => Keymap::layered(None),
        }
    }

    /// The built-in keymap layered with a user keymap given as text; `file`
    /// names it in error messages.
    pub fn from_user_toml(file: &str, src: &str) -> Result<Keymap, KeymapError> {
        let user = parse_layer(file, src).map_err(KeymapError::Invalid)?;
        Keymap::layered(Some(user))
    }

    /// The built-in keymap alone. It is checked by tests, so this never
    /// fails in practice; if it did, the error is logged and the keymap is
    /// empty rather than panicking.
    pub fn builtin() -> Keymap {
        match Keymap::layered(None) {
            Ok(keymap) => keymap,
            Err(e) => {
                tracing::error!("the built-in keymap is broken: {e}");
                Keymap::from_tables(Tables::default())
            }
        }
    }

    fn layered(user: Option<Layer>) -> Result<Keymap, KeymapError> {
        let default = parse_layer(DEFAULT_FILE, DEFAULT_KEYMAP).map_err(KeymapError::Invalid)?;
        Ok(Keymap::from_tables(build_tables(default, user)))
    }

    fn from_tables(tables: Tables) -> Keymap {
        let tables = Arc::new(tables);
        Keymap {
            own: Resolver {
                tables: Arc::clone(&tables),
                pending: Pending::default(),
            },
            tables,
        }
    }

    /// A fresh sequence state machine over these bindings.
    pub fn resolver(&self) -> Resolver {
        Resolver {
            tables: Arc::clone(&self.tables),
            pending: Pending::default(),
        }
    }

    /// The keymap's own sequence state: feed it key events, reset it when
    /// focus moves, show its pending keys.
    pub fn keys(&mut self) -> &mut Resolver {
        &mut self.own
    }

    /// The keys for `action` as the help screen and the command palette show
    /// them (`["j", "Down"]`): its keys in the panes (`global`, `list`,
    /// `thread`, `customer`); for actions bound only in the composer or in
    /// overlays, the keys there. Scope order then file order, no repeats.
    pub fn bindings_for(&self, action: Action) -> Vec<String> {
        let groups: [&[Scope]; 3] = [
            &[Scope::Global, Scope::List, Scope::Thread, Scope::Customer],
            &[Scope::Composer],
            &[Scope::Overlay],
        ];
        for group in groups {
            let mut out: Vec<String> = Vec::new();
            for scope in group {
                for key in self.own_keys(*scope, action) {
                    if !out.contains(&key) {
                        out.push(key);
                    }
                }
            }
            if !out.is_empty() {
                return out;
            }
        }
        Vec::new()
    }

    /// The keys that trigger `action` with `scope` focused, own and
    /// inherited (`bindings_in(Composer, Send)` → `["Ctrl-s"]`).
    pub fn bindings_in(&self, scope: Scope, action: Action) -> Vec<String> {
        self.tables
            .effective
            .get(&scope)
            .into_iter()
            .flatten()
            .filter(|b| b.action == Some(action))
            .map(|b| format_keys(&b.keys))
            .collect()
    }

    /// The first key for `action` with `scope` focused, for inline hints.
    pub fn key_hint(&self, scope: Scope, action: Action) -> Option<String> {
        self.bindings_in(scope, action).into_iter().next()
    }

    /// What `keys` do with `scope` focused, if they form a complete binding.
    pub fn action_for(&self, scope: Scope, keys: &[KeyChord]) -> Option<Action> {
        self.tables
            .effective
            .get(&scope)?
            .iter()
            .find(|b| b.keys == keys)
            .and_then(|b| b.action)
    }

    /// The help screen: each scope's own bindings grouped by action, in
    /// `Scope::ALL` then `Action::ALL` order. Inherited global bindings are
    /// listed once, under `global`.
    pub fn help_entries(&self) -> Vec<(Scope, Action, Vec<String>)> {
        let mut out = Vec::new();
        for scope in Scope::ALL {
            for action in Action::ALL {
                let keys = self.own_keys(scope, action);
                if !keys.is_empty() {
                    out.push((scope, action, keys));
                }
            }
        }
        out
    }

    fn own_keys(&self, scope: Scope, action: Action) -> Vec<String> {
        self.tables
            .own
            .get(&scope)
            .into_iter()
            .flatten()
            .filter(|b| b.action == Some(action))
            .map(|b| format_keys(&b.keys))
            .collect()
    }
}

impl Resolver {
    /// Feeds one key event: see [`KeyResult`].
    pub fn feed(&mut self, scope: Scope, key: KeyEvent) -> KeyResult {
        feed(&self.tables, &mut self.pending, scope, key)
    }

    /// Forgets a half-typed sequence.
    pub fn reset(&mut self) {
        self.pending = Pending::default();
    }

    /// The keys typed so far of a sequence, formatted, or empty.
    pub fn pending_keys(&self) -> String {
        format_keys(&self.pending.keys)
    }
}

fn to_binding(e: &RawEntry) -> Binding {
    Binding {
        keys: e.keys.clone(),
        action: e.action,
    }
}

fn build_tables(default: Layer, user: Option<Layer>) -> Tables {
    let mut own = BTreeMap::new();
    for scope in Scope::ALL {
        let defaults: Vec<Binding> = default
            .scopes
            .get(&scope)
            .into_iter()
            .flatten()
            .map(to_binding)
            .collect();
        let users: Vec<Binding> = user
            .as_ref()
            .and_then(|u| u.scopes.get(&scope))
            .into_iter()
            .flatten()
            .map(to_binding)
            .collect();
        let mut merged = users.clone();
        merged.extend(
            defaults
                .into_iter()
                .filter(|d| !users.iter().any(|u| clashes(&u.keys, &d.keys))),
        );
        own.insert(scope, merged);
    }

    let global: Vec<Binding> = own.get(&Scope::Global).cloned().unwrap_or_default();
    let mut effective = BTreeMap::new();
    for scope in Scope::ALL {
        let mine: &[Binding] = own.get(&scope).map(Vec::as_slice).unwrap_or(&[]);
        let mut list: Vec<Binding> = mine
            .iter()
            .filter(|b| b.action.is_some())
            .cloned()
            .collect();
        if scope != Scope::Global {
            list.extend(
                global
                    .iter()
                    .filter(|g| g.action.is_some())
                    .filter(|g| {
                        !scope.takes_text() || g.keys.first().is_some_and(KeyChord::is_command)
                    })
                    .filter(|g| !mine.iter().any(|m| clashes(&m.keys, &g.keys)))
                    .cloned(),
            );
        }
        effective.insert(scope, list);
    }
    Tables { own, effective }
}

fn feed(tables: &Tables, pending: &mut Pending, scope: Scope, key: KeyEvent) -> KeyResult {
    if key.kind == KeyEventKind::Release || matches!(key.code, KeyCode::Modifier(_)) {
        return KeyResult::Unbound;
    }
    if pending.scope != Some(scope) {
        *pending = Pending::default();
    }
    let chord = KeyChord::from(key);
    let bindings: &[Binding] = tables
        .effective
        .get(&scope)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut keys = std::mem::take(&mut pending.keys);
    let had_prefix = !keys.is_empty();
    keys.push(chord);
    match lookup(bindings, &keys) {
        Lookup::Exact(action) => {
            *pending = Pending::default();
            KeyResult::Action(action)
        }
        Lookup::Prefix(hints) => {
            *pending = Pending {
                keys,
                scope: Some(scope),
            };
            KeyResult::Pending(hints)
        }
        Lookup::None if had_prefix => {
            *pending = Pending::default();
            // Esc just abandons the sequence; any other key starts afresh.
            if chord == KeyChord::new(KeyCode::Esc, KeyModifiers::NONE) {
                KeyResult::Unbound
            } else {
                feed(tables, pending, scope, key)
            }
        }
        Lookup::None => {
            *pending = Pending::default();
            KeyResult::Unbound
        }
    }
}

enum Lookup {
    Exact(Action),
    Prefix(Vec<(String, Action)>),
    None,
}

fn lookup(bindings: &[Binding], keys: &[KeyChord]) -> Lookup {
    let mut hints = Vec::new();
    for b in bindings {
        let Some(action) = b.action else { continue };
        if b.keys == keys {
            return Lookup::Exact(action);
        }
        if b.keys.len() > keys.len() && b.keys.starts_with(keys) {
            hints.push((format_keys(&b.keys[keys.len()..]), action));
        }
    }
    if hints.is_empty() {
        Lookup::None
    } else {
        Lookup::Prefix(hints)
    }
}

#[cfg(test)]
mod tests;
