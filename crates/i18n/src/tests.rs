use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;

use super::*;

/// The workspace root (this crate is `crates/i18n`).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn assets_dir() -> PathBuf {
    repo_root().join("assets/i18n")
}

/// locale -> file name -> contents, for every `*.ftl` under assets/i18n.
fn files_on_disk() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for dir in std::fs::read_dir(assets_dir()).unwrap() {
        let dir = dir.unwrap();
        if !dir.file_type().unwrap().is_dir() {
            continue;
        }
        let locale = dir.file_name().to_string_lossy().into_owned();
        let mut files = BTreeMap::new();
        for file in std::fs::read_dir(dir.path()).unwrap() {
            let file = file.unwrap();
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ftl") {
                files.insert(name, std::fs::read_to_string(file.path()).unwrap());
            }
        }
        out.insert(locale, files);
    }
    out
}

/// Message id -> the variables it uses (value and attributes, all variants).
///
/// fluent-syntax is not a direct dependency, so this reads the AST through
/// its Debug form: `Message(Message { id: Identifier { name: "x" } ...` and
/// `VariableReference { id: Identifier { name: "count" } }`. Quotes inside
/// text are escaped in Debug output, so text cannot fake these.
fn messages(locale: &str, file: &str, src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(src.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{locale}/{file}: Fluent syntax errors: {errors:?}"),
    };
    const MESSAGE: &str = "Message(Message { id: Identifier { name: \"";
    const VARIABLE: &str = "VariableReference { id: Identifier { name: \"";
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        let debug = format!("{entry:?}");
        let Some(rest) = debug.strip_prefix(MESSAGE) else {
            assert!(!debug.starts_with("Junk"), "{locale}/{file}: {debug}");
            continue;
        };
        let id = rest[..rest.find('"').unwrap()].to_string();
        let mut vars = BTreeSet::new();
        for (pos, _) in debug.match_indices(VARIABLE) {
            let name = &debug[pos + VARIABLE.len()..];
            vars.insert(name[..name.find('"').unwrap()].to_string());
        }
        assert!(
            out.insert(id.clone(), vars).is_none(),
            "{locale}/{file}: {id} twice"
        );
    }
    out
}

/// All messages of one locale directory; fails on an id defined in two files.
fn locale_messages(
    locale: &str,
    files: &BTreeMap<String, String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (file, src) in files {
        for (id, vars) in messages(locale, file, src) {
            assert!(
                all.insert(id.clone(), vars).is_none(),
                "{locale}: {id} is defined in two files"
            );
        }
    }
    all
}

#[test]
fn embedded_files_match_the_assets_directory() {
    let disk = files_on_disk();
    assert!(disk.contains_key("en"), "assets/i18n/en is missing");
    let embedded: BTreeMap<String, BTreeMap<String, String>> = EMBEDDED
        .iter()
        .filter(|l| !l.files.is_empty())
        .map(|l| {
            let files = l
                .files
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect();
            (l.locale.to_string(), files)
        })
        .collect();
    let disk_names: BTreeMap<_, Vec<_>> = disk
        .iter()
        .map(|(l, f)| (l.clone(), f.keys().cloned().collect()))
        .collect();
    let embedded_names: BTreeMap<_, Vec<_>> = embedded
        .iter()
        .map(|(l, f)| (l.clone(), f.keys().cloned().collect()))
        .collect();
    assert_eq!(
        disk_names, embedded_names,
        "assets/i18n and i18n::EMBEDDED list different files: add new .ftl files to EMBEDDED"
    );
    assert_eq!(disk, embedded);
    for locale in disk.keys() {
        assert!(
            SUPPORTED.contains(&locale.as_str()),
            "assets/i18n/{locale} is not in SUPPORTED"
        );
    }
    let listed: Vec<&str> = EMBEDDED.iter().map(|l| l.locale).collect();
    assert_eq!(
        listed, SUPPORTED,
        "EMBEDDED lists each supported locale once, in order"
    );
}

#[test]
fn every_locale_has_the_english_messages_and_placeholders() {
    let disk = files_on_disk();
    let english = locale_messages("en", &disk["en"]);
    assert!(english.len() > 100);
    let mut problems = Vec::new();
    for (locale, files) in &disk {
        if locale == "en" {
            continue;
        }
        let theirs = locale_messages(locale, files);
        for (id, vars) in &english {
            match theirs.get(id) {
                None => problems.push(format!("{locale}: missing {id}")),
                Some(v) if v != vars => {
                    problems.push(format!("{locale}: {id} uses {v:?}, English uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!(
                "{locale}: {id} is not an English message (renamed or removed?)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_placeholder_reader_sees_variables() {
    let m = messages(
        "en",
        "t.ftl",
        "a = { $count ->\n    [one] one\n   *[other] { $count } { $what }\n }\nb = no \"$x\" { \"$y\" }\n    .title = { $z }\n",
    );
    assert_eq!(
        m["a"],
        BTreeSet::from(["count".to_string(), "what".to_string()])
    );
    assert_eq!(m["b"], BTreeSet::from(["z".to_string()]));
}

#[test]
fn every_action_scope_and_domain_value_has_an_english_message() {
    let i18n = I18n::new("en");
    let scopes = sahaya_keymap::Scope::ALL.iter().map(|s| s.message_id());
    let missing: Vec<String> = sahaya_protocol::label::all_label_ids()
        .into_iter()
        .chain(scopes)
        .filter(|id| !i18n.has(id))
        .collect();
    assert!(missing.is_empty(), "no English message for {missing:?}");
    for action in sahaya_keymap::Action::ALL {
        let id = action.message_id();
        assert!(id.starts_with("action-"));
        assert!(i18n.has(&id), "{id}");
        assert_ne!(i18n.tr(&id), id);
    }
}

/// Message ids written literally in the code (`t("...")`, `tr("...")`,
/// `tr_args("...", ...)`) must exist in English.
#[test]
fn ids_used_in_the_code_exist() {
    let i18n = I18n::new("en");
    let root = repo_root();
    let mut missing = Vec::new();
    let mut stack = vec![root.join("src"), root.join("crates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("i18n") && !path.ends_with("target") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let Ok(code) = std::fs::read_to_string(&path) else {
                continue;
            };
            for id in literal_ids(&code) {
                if !i18n.has(&id) {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no English message for:\n{}",
        missing.join("\n")
    );
}

fn literal_ids(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for call in ["t(", "tr(", "tr_args("] {
        for (pos, _) in code.match_indices(call) {
            let before = code[..pos].chars().next_back();
            if before != Some('.') {
                continue;
            }
            let rest = code[pos + call.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            let Some(end) = rest.find('"') else { continue };
            let id = &rest[..end];
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
            {
                out.push(id.to_string());
            }
        }
    }
    out
}

#[test]
fn literal_id_scanner() {
    let code = "app.t(\"a-b\"); x.tr_args(\n  \"c\", &[]); format!(\"x\"); app.t(&format!(\"d-{}\")); i.tr(\"e.title\")";
    assert_eq!(literal_ids(code), ["a-b", "e.title", "c"]);
}

#[test]
fn english_bundle_loads_without_errors() {
    for l in EMBEDDED {
        let mut bundle = Bundle::new_concurrent(vec![l.locale.parse().unwrap()]);
        for (name, src) in l.files {
            let resource = FluentResource::try_new(src.to_string())
                .unwrap_or_else(|(_, e)| panic!("{}/{name}: {e:?}", l.locale));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("{}/{name}: {e:?}", l.locale));
        }
    }
}

#[test]
fn translates_with_arguments_and_plurals() {
    let i18n = I18n::new("en");
    assert_eq!(i18n.locale(), "en");
    assert_eq!(i18n.notice(), None);
    assert_eq!(i18n.tr("action-move-down"), "Move down");
    assert_eq!(
        i18n.tr_args("view-count", &[("count", 1.into())]),
        "1 ticket"
    );
    assert_eq!(
        i18n.tr_args("view-count", &[("count", 3_usize.into())]),
        "3 tickets"
    );
    assert_eq!(
        i18n.tr_args("view-count", &[("count", 0_i64.into())]),
        "0 tickets"
    );
    assert_eq!(
        i18n.tr_args("search-results", &[("count", 0.into())]),
        "no results"
    );
    assert_eq!(
        i18n.tr_args("search-results", &[("count", 12.into())]),
        "12 results"
    );
    assert_eq!(
        i18n.tr_args("logged-in-as", &[("name", "ಅನಿತಾ".into())]),
        "logged in as ಅನಿತಾ"
    );
    assert_eq!(
        i18n.tr_args(
            "error-config-permissions",
            &[("path", String::from("/h/c.toml").into())]
        ),
        "Config file /h/c.toml is readable by others; run chmod 600 /h/c.toml"
    );
    assert_eq!(
        i18n.tr_args(
            "confirm-order-action",
            &[("action", "Refund".into()), ("order", "OD-1".into())]
        ),
        "Confirm Refund on order OD-1? y/n"
    );
    assert_eq!(
        i18n.tr_args("sync-progress", &[("percent", 42.5.into())]),
        "syncing 42.5%"
    );
    assert_eq!(
        i18n.label(&sahaya_protocol::domain::Status::OnHold),
        "On hold"
    );
    assert_eq!(i18n.label(&sahaya_protocol::wire::View::SlaDue), "SLA due");
    assert_eq!(
        i18n.label(&sahaya_keymap::Scope::Composer),
        "Writing a reply or note"
    );
}

#[test]
fn number_builtin_is_available() {
    let mut bundle = build_bundle("en");
    let resource = FluentResource::try_new(
        "n = { NUMBER($n, type: \"ordinal\") ->\n    [one] {$n}st\n   *[other] {$n}th\n}\n".into(),
    )
    .unwrap();
    bundle.add_resource(resource).unwrap();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("n", 21);
    assert_eq!(format(&bundle, "n", Some(&args)).unwrap(), "21st");
}

#[test]
fn plural_rules_exist_for_every_supported_locale() {
    for locale in SUPPORTED {
        let mut bundle = build_bundle(locale);
        let src = "c = { $n ->\n    [one] one\n   *[other] other\n}\n";
        bundle
            .add_resource(FluentResource::try_new(src.into()).unwrap())
            .unwrap();
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("n", 1);
        assert_eq!(
            format(&bundle, "c", Some(&args)).unwrap(),
            "one",
            "{locale}"
        );
        args.set("n", 5);
        assert_eq!(
            format(&bundle, "c", Some(&args)).unwrap(),
            "other",
            "{locale}"
        );
    }
}

#[test]
fn no_bidi_isolation_marks() {
    let i18n = I18n::new("en");
    let s = i18n.tr_args("time-minutes-ago", &[("n", 5.into())]);
    assert_eq!(s, "5m ago");
    assert!(!s.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn missing_messages_fall_back_without_panicking() {
    let i18n = I18n::new("en");
    assert_eq!(i18n.tr("no-such-message"), "no-such-message");
    assert_eq!(i18n.tr("action-quit.nope"), "action-quit.nope");
    assert_eq!(i18n.tr(""), "");
    // A missing argument leaves a visible marker, not a panic.
    let s = i18n.tr("logged-in-as");
    assert!(s.starts_with("logged in as"), "{s}");
    // Extra or wrongly typed arguments are fine too.
    assert_eq!(
        i18n.tr_args("view-count", &[("count", "many".into()), ("x", 1.into())]),
        "many tickets"
    );
}

#[test]
fn supported_locales_without_files_yet_fall_back_to_english() {
    for locale in ["kn", "te_IN.UTF-8", "ne-NP"] {
        let i18n = I18n::new(locale);
        assert_ne!(i18n.locale(), "en");
        assert_eq!(i18n.notice(), None, "{locale}");
        assert!(!i18n.tr("action-reply").is_empty());
        assert_ne!(i18n.tr("action-reply"), "action-reply");
        assert!(
            !i18n
                .tr_args("view-count", &[("count", 2.into())])
                .is_empty()
        );
    }
}

#[test]
fn unknown_locale_falls_back_with_a_notice() {
    let i18n = I18n::new("fr_FR.UTF-8");
    assert_eq!(i18n.locale(), "en");
    let notice = i18n.notice().unwrap();
    assert_eq!(
        notice,
        &Notice::UnknownLanguage {
            requested: "fr_FR.UTF-8".into()
        }
    );
    assert_eq!(
        notice.text(&i18n),
        "Unknown language fr_FR.UTF-8, showing English"
    );
    assert_eq!(I18n::default().locale(), "en");
}

#[test]
fn i18n_can_move_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<I18n>();
}
