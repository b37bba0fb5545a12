use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;

fn press(s: &str) -> KeyEvent {
    let chord = parse_chord(s).unwrap();
    KeyEvent::new(chord.code(), chord.modifiers())
}

/// Feeds space-separated keys; returns the result of the last one.
fn feed_keys(km: &mut Keymap, scope: Scope, keys: &str) -> KeyResult {
    let mut last = KeyResult::Unbound;
    for k in keys.split_whitespace() {
        last = km.keys().feed(scope, press(k));
    }
    last
}

fn vim() -> Keymap {
    Keymap::from_user_toml("keymaps/vim.toml", VIM_KEYMAP).unwrap()
}

#[test]
fn builtin_keymap_parses() {
    if let Err(problems) = parse_layer(DEFAULT_FILE, DEFAULT_KEYMAP) {
        panic!("{}", KeymapError::Invalid(problems));
    }
    assert!(Keymap::load(None).is_ok());
}

#[test]
fn every_action_is_reachable_by_default() {
    let km = Keymap::builtin();
    let mut reachable = BTreeSet::new();
    for scope in Scope::ALL {
        for b in &km.tables.effective[&scope] {
            reachable.extend(b.action);
        }
    }
    let missing: Vec<_> = Action::ALL
        .iter()
        .filter(|a| !reachable.contains(a))
        .collect();
    assert!(missing.is_empty(), "no key for {missing:?}");
    for action in Action::ALL {
        assert!(!km.bindings_for(action).is_empty(), "{action:?}");
    }
}

#[test]
fn every_binding_resolves_through_the_state_machine() {
    for km in [Keymap::builtin(), vim()] {
        for scope in Scope::ALL {
            let mut resolver = km.resolver();
            for b in &km.tables.effective[&scope] {
                let mut last = KeyResult::Unbound;
                for chord in &b.keys {
                    last = resolver.feed(scope, KeyEvent::new(chord.code(), chord.modifiers()));
                }
                assert_eq!(
                    last,
                    KeyResult::Action(b.action.unwrap()),
                    "{scope:?} {:?}",
                    b.keys
                );
            }
        }
    }
}

#[test]
fn typing_text_never_triggers_an_action() {
    let text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \
                !@#$%^&*()-_=+[]{};:'\",.<>/?`~\\|ಕನ್ನಡతెలుగుनेपाली";
    for km in [Keymap::builtin(), vim()] {
        for scope in [Scope::Composer, Scope::Overlay] {
            let mut km = km.clone();
            for c in text.chars() {
                for mods in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
                    let r = km.keys().feed(scope, KeyEvent::new(KeyCode::Char(c), mods));
                    assert_eq!(r, KeyResult::Unbound, "{scope:?} {c:?} {mods:?}");
                }
            }
        }
        // Editing keys belong to the composer's editor.
        let mut km = km.clone();
        for k in [
            "enter",
            "tab",
            "backspace",
            "delete",
            "left",
            "right",
            "up",
            "down",
            "home",
            "end",
            "ctrl-a",
            "ctrl-e",
            "ctrl-u",
            "ctrl-w",
        ] {
            assert_eq!(
                km.keys().feed(Scope::Composer, press(k)),
                KeyResult::Unbound,
                "{k}"
            );
        }
    }
}

#[test]
fn composer_keys() {
    let mut km = Keymap::builtin();
    let c = Scope::Composer;
    assert_eq!(
        km.keys().feed(c, press("ctrl-s")),
        KeyResult::Action(Action::Send)
    );
    assert_eq!(
        km.keys().feed(c, press("ctrl-t")),
        KeyResult::Action(Action::ToggleReplyNote)
    );
    assert_eq!(
        km.keys().feed(c, press("esc")),
        KeyResult::Action(Action::Cancel)
    );
    // Ctrl-c cancels the draft here instead of quitting.
    assert_eq!(
        km.keys().feed(c, press("ctrl-c")),
        KeyResult::Action(Action::Cancel)
    );
    // Global Ctrl keys and function keys still apply.
    assert_eq!(
        km.keys().feed(c, press("ctrl-r")),
        KeyResult::Action(Action::SyncNow)
    );
    assert_eq!(
        km.keys().feed(c, press("ctrl-l")),
        KeyResult::Action(Action::ToggleRomanized)
    );
    assert_eq!(
        km.keys().feed(c, press("f1")),
        KeyResult::Action(Action::Help)
    );
    // Outside the composer, Ctrl-s means nothing.
    assert_eq!(
        km.keys().feed(Scope::List, press("ctrl-s")),
        KeyResult::Unbound
    );
}

/// Ctrl-g and Alt-g switch transliterated typing wherever text is typed
/// (and in the panes, for the fields opened next), in both keymaps: no
/// scope binds them to anything else.
#[test]
fn transliteration_keys_work_in_every_scope() {
    for mut km in [Keymap::builtin(), vim()] {
        for scope in Scope::ALL {
            assert_eq!(
                km.keys().feed(scope, press("ctrl-g")),
                KeyResult::Action(Action::ToggleTransliteration),
                "{scope:?}"
            );
            assert_eq!(
                km.keys().feed(scope, press("alt-g")),
                KeyResult::Action(Action::NextScript),
                "{scope:?}"
            );
        }
        assert_eq!(km.bindings_for(Action::ToggleTransliteration), ["Ctrl-g"]);
        assert_eq!(km.bindings_for(Action::NextScript), ["Alt-g"]);
    }
}

#[test]
fn pane_keys_fall_back_to_global() {
    let mut km = Keymap::builtin();
    for scope in [Scope::List, Scope::Thread, Scope::Customer] {
        assert_eq!(
            km.keys().feed(scope, press("j")),
            KeyResult::Action(Action::MoveDown)
        );
        assert_eq!(
            km.keys().feed(scope, press("r")),
            KeyResult::Action(Action::Reply)
        );
        assert_eq!(
            km.keys().feed(scope, press("6")),
            KeyResult::Action(Action::ViewSlaDue)
        );
    }
    assert_eq!(
        km.keys().feed(Scope::Thread, press("space")),
        KeyResult::Action(Action::PageDown)
    );
    assert_eq!(
        km.keys().feed(Scope::List, press("space")),
        KeyResult::Unbound
    );
}

#[test]
fn shifted_keys_however_the_terminal_reports_them() {
    let mut km = Keymap::builtin();
    let l = Scope::List;
    for (code, mods) in [
        (KeyCode::Char('S'), KeyModifiers::SHIFT),
        (KeyCode::Char('S'), KeyModifiers::NONE),
        (KeyCode::Char('s'), KeyModifiers::SHIFT),
    ] {
        assert_eq!(
            km.keys().feed(l, KeyEvent::new(code, mods)),
            KeyResult::Action(Action::Supervisor)
        );
    }
    assert_eq!(
        km.keys().feed(l, press("s")),
        KeyResult::Action(Action::SetStatus)
    );
    assert_eq!(
        km.keys()
            .feed(l, KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        KeyResult::Action(Action::PrevPane)
    );
    assert_eq!(
        km.keys()
            .feed(l, KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT)),
        KeyResult::Action(Action::PrevPane)
    );
    assert_eq!(
        km.keys()
            .feed(l, KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)),
        KeyResult::Action(Action::Help)
    );
}

#[test]
fn sequences_wait_hint_and_complete() {
    let mut km = Keymap::builtin();
    let l = Scope::List;
    assert_eq!(
        km.keys().feed(l, press("g")),
        KeyResult::Pending(vec![("g".into(), Action::Top)])
    );
    assert_eq!(km.keys().pending_keys(), "g");
    assert_eq!(
        km.keys().feed(l, press("g")),
        KeyResult::Action(Action::Top)
    );
    assert_eq!(km.keys().pending_keys(), "");
    // A key that does not continue the sequence starts afresh.
    assert_eq!(
        feed_keys(&mut km, l, "g j"),
        KeyResult::Action(Action::MoveDown)
    );
    // Esc only abandons the sequence.
    assert_eq!(feed_keys(&mut km, l, "g esc"), KeyResult::Unbound);
    assert_eq!(
        km.keys().feed(l, press("g")),
        KeyResult::Pending(vec![("g".into(), Action::Top)])
    );
    // Moving focus forgets it.
    assert_eq!(
        km.keys().feed(Scope::Thread, press("g")),
        KeyResult::Pending(vec![("g".into(), Action::Top)])
    );
    km.keys().reset();
    assert_eq!(km.keys().pending_keys(), "");
}

#[test]
fn releases_and_modifier_keys_are_ignored() {
    let mut km = Keymap::builtin();
    let l = Scope::List;
    assert!(matches!(
        km.keys().feed(l, press("g")),
        KeyResult::Pending(_)
    ));
    let mut release = press("g");
    release.kind = KeyEventKind::Release;
    assert_eq!(km.keys().feed(l, release), KeyResult::Unbound);
    let shift = KeyEvent::new(
        KeyCode::Modifier(crossterm::event::ModifierKeyCode::LeftShift),
        KeyModifiers::SHIFT,
    );
    assert_eq!(km.keys().feed(l, shift), KeyResult::Unbound);
    assert_eq!(
        km.keys().feed(l, press("g")),
        KeyResult::Action(Action::Top)
    );
    // A held key repeats its action.
    let mut repeat = press("j");
    repeat.kind = KeyEventKind::Repeat;
    assert_eq!(
        km.keys().feed(l, repeat),
        KeyResult::Action(Action::MoveDown)
    );
}

#[test]
fn separate_resolvers_keep_separate_state() {
    let km = Keymap::builtin();
    let mut a = km.resolver();
    let mut b = km.resolver();
    assert!(matches!(
        a.feed(Scope::List, press("g")),
        KeyResult::Pending(_)
    ));
    assert_eq!(
        b.feed(Scope::List, press("g")),
        KeyResult::Pending(vec![("g".into(), Action::Top)])
    );
    assert_eq!(a.pending_keys(), "g");
    assert_eq!(
        a.feed(Scope::List, press("g")),
        KeyResult::Action(Action::Top)
    );
    a.reset();
    assert_eq!(b.pending_keys(), "g");
}

#[test]
fn vim_keymap_layers_over_the_defaults() {
    let mut km = vim();
    let l = Scope::List;
    assert_eq!(
        km.keys().feed(l, press("ctrl-d")),
        KeyResult::Action(Action::PageDown)
    );
    assert_eq!(
        km.keys().feed(l, press("ctrl-u")),
        KeyResult::Action(Action::PageUp)
    );
    assert_eq!(
        km.keys().feed(Scope::Composer, press("ctrl-u")),
        KeyResult::Unbound
    );
    assert_eq!(
        km.keys().feed(Scope::Overlay, press("ctrl-d")),
        KeyResult::Unbound
    );
    assert_eq!(
        feed_keys(&mut km, l, "Z Z"),
        KeyResult::Action(Action::Quit)
    );
    assert_eq!(km.keys().feed(l, press("q")), KeyResult::Unbound);
    assert_eq!(
        feed_keys(&mut km, l, "g t"),
        KeyResult::Action(Action::NextView)
    );
    assert_eq!(feed_keys(&mut km, l, "g g"), KeyResult::Action(Action::Top));
    assert_eq!(
        km.keys().feed(l, press("h")),
        KeyResult::Action(Action::PrevPane)
    );
    assert_eq!(
        km.keys().feed(l, press("j")),
        KeyResult::Action(Action::MoveDown)
    );
    match km.keys().feed(l, press("g")) {
        KeyResult::Pending(hints) => {
            let keys: Vec<&str> = hints.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, ["t", "T", "a", "g"]);
        }
        other => panic!("{other:?}"),
    }
    km.keys().reset();
    assert!(!km.bindings_for(Action::Quit).contains(&"q".to_string()));
    assert_eq!(
        km.bindings_for(Action::Quit)[..2],
        ["Z Z".to_string(), "Z Q".to_string()]
    );
}

#[test]
fn user_bindings_replace_clashing_defaults() {
    let mut km =
        Keymap::from_user_toml("k.toml", "[global]\n\"g\" = \"help\"\n\"x\" = \"reply\"\n")
            .unwrap();
    assert_eq!(
        km.keys().feed(Scope::List, press("g")),
        KeyResult::Action(Action::Help)
    );
    assert_eq!(km.bindings_for(Action::Top), ["Home"]);
    assert_eq!(km.bindings_for(Action::Reply), ["x", "r"]);
    // Rebinding an existing key replaces it.
    let mut km = Keymap::from_user_toml("k.toml", "[global]\n\"j\" = \"move_up\"\n").unwrap();
    assert_eq!(
        km.keys().feed(Scope::List, press("j")),
        KeyResult::Action(Action::MoveUp)
    );
    assert_eq!(km.bindings_for(Action::MoveDown), ["Down"]);
}

#[test]
fn none_unbinds_and_hides_global_keys() {
    let src =
        "[list]\n\"q\" = \"none\"\n[global]\n\"R\" = \"none\"\n[composer]\n\"ctrl-r\" = \"none\"\n";
    let mut km = Keymap::from_user_toml("k.toml", src).unwrap();
    assert_eq!(km.keys().feed(Scope::List, press("q")), KeyResult::Unbound);
    assert_eq!(
        km.keys().feed(Scope::Thread, press("q")),
        KeyResult::Action(Action::Quit)
    );
    assert_eq!(km.keys().feed(Scope::List, press("R")), KeyResult::Unbound);
    assert_eq!(km.bindings_for(Action::SyncNow), ["Ctrl-r"]);
    assert_eq!(
        km.keys().feed(Scope::Composer, press("ctrl-r")),
        KeyResult::Unbound
    );
    assert_eq!(
        km.keys().feed(Scope::List, press("ctrl-r")),
        KeyResult::Action(Action::SyncNow)
    );
    // Unbinding the start of a sequence removes the sequence.
    let mut km = Keymap::from_user_toml("k.toml", "[global]\n\"g\" = \"none\"\n").unwrap();
    assert_eq!(km.keys().feed(Scope::List, press("g")), KeyResult::Unbound);
}

#[test]
fn a_scope_key_hides_clashing_global_sequences() {
    let mut km = Keymap::from_user_toml("k.toml", "[list]\n\"g\" = \"help\"\n").unwrap();
    assert_eq!(
        km.keys().feed(Scope::List, press("g")),
        KeyResult::Action(Action::Help)
    );
    assert_eq!(
        feed_keys(&mut km, Scope::Thread, "g g"),
        KeyResult::Action(Action::Top)
    );
}

#[test]
fn reverse_map_for_help_and_palette() {
    let km = Keymap::builtin();
    assert_eq!(km.bindings_for(Action::MoveDown), ["j", "Down"]);
    assert_eq!(km.bindings_for(Action::Top), ["g g", "Home"]);
    assert_eq!(km.bindings_for(Action::PrevPane), ["Shift-Tab", "Left"]);
    assert_eq!(km.bindings_for(Action::Send), ["Ctrl-s"]);
    assert_eq!(km.bindings_for(Action::SyncNow), ["Ctrl-r", "R"]);
    assert_eq!(km.bindings_for(Action::Cancel), ["Esc"]);
    assert_eq!(km.bindings_for(Action::ToggleReplyNote), ["Ctrl-t"]);
    assert_eq!(km.bindings_in(Scope::Composer, Action::Send), ["Ctrl-s"]);
    assert_eq!(
        km.bindings_in(Scope::Composer, Action::Quit),
        Vec::<String>::new()
    );
    assert_eq!(km.bindings_in(Scope::List, Action::Quit), ["q", "Ctrl-c"]);
    assert_eq!(
        km.key_hint(Scope::Composer, Action::Cancel).as_deref(),
        Some("Esc")
    );
    assert_eq!(
        km.action_for(Scope::List, &parse_key("g g").unwrap()),
        Some(Action::Top)
    );
    assert_eq!(
        km.action_for(Scope::Composer, &parse_key("j").unwrap()),
        None
    );

    let help = km.help_entries();
    assert_eq!(
        help[0],
        (
            Scope::Global,
            Action::MoveDown,
            vec!["j".to_string(), "Down".to_string()]
        )
    );
    let order: Vec<(Scope, Action)> = help.iter().map(|(s, a, _)| (*s, *a)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "scope order, then action order");
    assert!(help.contains(&(Scope::Composer, Action::Send, vec!["Ctrl-s".to_string()])));
    assert_eq!(help, Keymap::builtin().help_entries(), "stable");
}

#[test]
fn loading_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("keymap.toml");
    let km = Keymap::load(Some(&missing)).unwrap();
    assert_eq!(km.bindings_for(Action::Quit), ["q", "Ctrl-c"]);

    let good = dir.path().join("good.toml");
    std::fs::write(&good, "[global]\n\"x\" = \"quit\"\n").unwrap();
    let km = Keymap::load(Some(&good)).unwrap();
    assert_eq!(km.bindings_for(Action::Quit), ["x", "q", "Ctrl-c"]);

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "# mine\n[global]\n\"x\" = \"qiut\"\n").unwrap();
    let err = Keymap::load(Some(&bad)).unwrap_err();
    let text = err.to_string();
    assert_eq!(
        text,
        format!(
            "{}:3:7: there is no action \"qiut\" (did you mean \"quit\"?).",
            bad.display()
        )
    );
    assert_eq!(err.problems().len(), 1);

    // A directory cannot be read as a file.
    let err = Keymap::load(Some(dir.path())).unwrap_err();
    assert!(matches!(err, KeymapError::Read { .. }));
    assert!(
        err.to_string().starts_with("Cannot read the keymap file "),
        "{err}"
    );
}

#[test]
fn user_keymap_lives_in_the_config_dir() {
    if let Some(path) = user_keymap_path() {
        assert!(path.ends_with("keymap.toml"));
        assert!(path.to_string_lossy().contains("sahaya"));
    }
}
