//! The input method section: whether IBus or Fcitx is there to type
//! Kannada, Telugu and Devanagari directly; if not, the console's
//! transliteration toggle is the way (`sahaya_text::translit`).

use super::report::{Report, env};

/// The key that turns transliterated typing on and off: the built-in
/// keymap's `toggle_transliteration` (a test keeps them the same).
pub(crate) const TOGGLE_KEY: &str = "Ctrl-g";

/// The variables that point programs at an input method. kitty reads
/// `GLFW_IM_MODULE`.
pub(crate) const VARS: [&str; 4] = [
    "GTK_IM_MODULE",
    "QT_IM_MODULE",
    "XMODIFIERS",
    "GLFW_IM_MODULE",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framework {
    IBus,
    Fcitx,
}

impl Framework {
    fn name(self) -> &'static str {
        match self {
            Framework::IBus => "IBus",
            Framework::Fcitx => "Fcitx",
        }
    }

    fn daemon(self) -> &'static str {
        match self {
            Framework::IBus => "ibus-daemon",
            Framework::Fcitx => "fcitx5",
        }
    }

    /// The framework an environment value (`ibus`, `fcitx5`, `@im=fcitx`)
    /// names.
    fn named_in(value: &str) -> Option<Framework> {
        let v = value.to_ascii_lowercase();
        if v.contains("ibus") {
            Some(Framework::IBus)
        } else if v.contains("fcitx") {
            Some(Framework::Fcitx)
        } else {
            None
        }
    }

    /// The framework whose daemon a process name (`/proc/*/comm`) is.
    fn daemon_named(process: &str) -> Option<Framework> {
        match process.trim() {
            "ibus-daemon" => Some(Framework::IBus),
            "fcitx5" | "fcitx" => Some(Framework::Fcitx),
            _ => None,
        }
    }
}

/// What the environment and the running processes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InputMethod {
    /// The environment points at it and its daemon runs (`running` is
    /// `None` when processes could not be listed).
    Active {
        framework: Framework,
        via: Vec<String>,
        running: Option<bool>,
    },
    /// The environment points at it but its daemon does not run.
    NotRunning {
        framework: Framework,
        via: Vec<String>,
    },
    /// Its daemon runs but nothing in the environment points at it (GNOME
    /// on Wayland works like that).
    RunningOnly {
        framework: Framework,
    },
    Absent,
}

/// Decides from `(variable, value)` pairs and the names of the running
/// processes (`None`: they could not be listed).
pub(crate) fn detect(vars: &[(&str, Option<&str>)], processes: Option<&[&str]>) -> InputMethod {
    let running: Vec<Framework> = processes
        .unwrap_or_default()
        .iter()
        .filter_map(|p| Framework::daemon_named(p))
        .collect();
    let configured: Vec<(Framework, String)> = vars
        .iter()
        .filter_map(|(name, value)| {
            let value = (*value)?.trim();
            Framework::named_in(value).map(|f| (f, format!("{name}={value}")))
        })
        .collect();
    let via = |f: Framework| -> Vec<String> {
        configured
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, v)| v.clone())
            .collect()
    };
    // The first framework the environment names whose daemon runs wins.
    let active = configured
        .iter()
        .map(|(f, _)| *f)
        .find(|f| running.contains(f));
    match (active, configured.first(), processes, running.first()) {
        (Some(framework), ..) => InputMethod::Active {
            framework,
            via: via(framework),
            running: Some(true),
        },
        (None, Some(&(framework, _)), None, _) => InputMethod::Active {
            framework,
            via: via(framework),
            running: None,
        },
        (None, Some(&(framework, _)), Some(_), _) => InputMethod::NotRunning {
            framework,
            via: via(framework),
        },
        (None, None, _, Some(&framework)) => InputMethod::RunningOnly { framework },
        (None, None, _, None) => InputMethod::Absent,
    }
}

/// Names of the running processes, from `/proc` (`None` elsewhere).
fn process_names() -> Option<Vec<String>> {
    let dir = std::fs::read_dir("/proc").ok()?;
    let names = dir
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("comm")).ok())
        .map(|s| s.trim().to_string())
        .collect();
    Some(names)
}

/// The report lines for a finding: `(is a problem, text)`.
pub(crate) fn describe(found: &InputMethod) -> Vec<(bool, String)> {
    let toggle = format!(
        "press {TOGGLE_KEY} in the composer, search or a prompt to type Kannada, Telugu or Devanagari from Latin letters (ArDar → ಆರ್ಡರ್; see docs/typing.md)"
    );
    match found {
        InputMethod::Active {
            framework,
            via,
            running,
        } => {
            let daemon = match running {
                Some(_) => format!(", {} runs", framework.daemon()),
                None => ", could not check that its daemon runs".to_string(),
            };
            vec![
                (
                    false,
                    format!(
                        "{} is active ({}{daemon}): with a Kannada, Telugu or Devanagari engine added to it (m17n: kn-itrans, te-itrans, hi-itrans) letters can be typed directly",
                        framework.name(),
                        via.join(", ")
                    ),
                ),
                (false, format!("or {toggle}")),
            ]
        }
        InputMethod::NotRunning { framework, via } => vec![
            (
                true,
                format!(
                    "{} {} for {} but {} is not running: start it, or unset {}",
                    via.join(", "),
                    if via.len() > 1 { "ask" } else { "asks" },
                    framework.name(),
                    framework.daemon(),
                    if via.len() > 1 { "them" } else { "it" },
                ),
            ),
            (false, format!("meanwhile, {toggle}")),
        ],
        InputMethod::RunningOnly { framework } => vec![
            (
                false,
                format!(
                    "{} runs but {} do not point at it (usual on GNOME with Wayland; elsewhere the terminal may not use it)",
                    framework.daemon(),
                    VARS.join(", ")
                ),
            ),
            (false, format!("if Indic typing does not work, {toggle}")),
        ],
        InputMethod::Absent => vec![(
            false,
            format!("no input method (IBus, Fcitx) is active: {toggle}"),
        )],
    }
}

pub(super) fn input_method_section(report: &mut Report) {
    report.section("Typing Kannada, Telugu, Devanagari");
    if env("SSH_CONNECTION").is_some() {
        report.line("connected over ssh: the input method of the machine showing the terminal window is the one that counts; this machine has:");
    }
    let values: Vec<(&str, Option<String>)> = VARS.iter().map(|v| (*v, env(v))).collect();
    let vars: Vec<(&str, Option<&str>)> = values.iter().map(|(n, v)| (*n, v.as_deref())).collect();
    let names = process_names();
    let procs: Option<Vec<&str>> = names
        .as_ref()
        .map(|n| n.iter().map(String::as_str).collect());
    for (problem, text) in describe(&detect(&vars, procs.as_deref())) {
        if problem {
            report.problem(text);
        } else {
            report.line(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(
        gtk: Option<&'a str>,
        qt: Option<&'a str>,
        xmod: Option<&'a str>,
    ) -> Vec<(&'static str, Option<&'a str>)> {
        vec![
            ("GTK_IM_MODULE", gtk),
            ("QT_IM_MODULE", qt),
            ("XMODIFIERS", xmod),
            ("GLFW_IM_MODULE", None),
        ]
    }

    #[test]
    fn ibus_configured_and_running() {
        let found = detect(
            &vars(Some("ibus"), Some("ibus"), Some("@im=ibus")),
            Some(&["bash", "ibus-daemon", "ibus-engine-m17n"]),
        );
        assert_eq!(
            found,
            InputMethod::Active {
                framework: Framework::IBus,
                via: vec![
                    "GTK_IM_MODULE=ibus".to_string(),
                    "QT_IM_MODULE=ibus".to_string(),
                    "XMODIFIERS=@im=ibus".to_string()
                ],
                running: Some(true),
            }
        );
        let lines = describe(&found);
        assert!(lines.iter().all(|(problem, _)| !problem));
        assert!(lines[0].1.starts_with("IBus is active (GTK_IM_MODULE=ibus"));
        assert!(lines[1].1.contains("Ctrl-g"));
    }

    #[test]
    fn fcitx5_spellings() {
        for (gtk, xmod, process) in [
            ("fcitx", "@im=fcitx", "fcitx5"),
            ("fcitx5", "@im=fcitx5", "fcitx5"),
            ("FCITX", "", "fcitx"),
        ] {
            let found = detect(&vars(Some(gtk), None, Some(xmod)), Some(&[process]));
            assert!(
                matches!(
                    found,
                    InputMethod::Active {
                        framework: Framework::Fcitx,
                        running: Some(true),
                        ..
                    }
                ),
                "{gtk} {process}: {found:?}"
            );
        }
    }

    #[test]
    fn configured_but_not_running_is_a_problem() {
        let found = detect(&vars(None, Some("ibus"), None), Some(&["bash", "sshd"]));
        assert_eq!(
            found,
            InputMethod::NotRunning {
                framework: Framework::IBus,
                via: vec!["QT_IM_MODULE=ibus".to_string()],
            }
        );
        let lines = describe(&found);
        assert_eq!(
            lines[0],
            (
                true,
                "QT_IM_MODULE=ibus asks for IBus but ibus-daemon is not running: start it, or unset it".to_string()
            )
        );
        assert!(!lines[1].0 && lines[1].1.contains("Ctrl-g"));
    }

    #[test]
    fn the_running_daemon_of_the_named_framework_wins() {
        // GTK names IBus (not running), QT names Fcitx (running).
        let found = detect(&vars(Some("ibus"), Some("fcitx"), None), Some(&["fcitx5"]));
        assert!(
            matches!(
                found,
                InputMethod::Active {
                    framework: Framework::Fcitx,
                    ..
                }
            ),
            "{found:?}"
        );
    }

    #[test]
    fn running_without_variables() {
        let found = detect(
            &vars(None, None, None),
            Some(&["gnome-shell", "ibus-daemon"]),
        );
        assert_eq!(
            found,
            InputMethod::RunningOnly {
                framework: Framework::IBus
            }
        );
        assert!(describe(&found)[1].1.contains("Ctrl-g"));
    }

    #[test]
    fn the_toggle_key_is_the_keymaps() {
        let keys = sahaya_keymap::Keymap::builtin()
            .bindings_for(sahaya_keymap::Action::ToggleTransliteration);
        assert_eq!(keys.first().map(String::as_str), Some(TOGGLE_KEY));
    }

    #[test]
    fn nothing_means_the_toggle() {
        for v in [
            vars(None, None, None),
            vars(Some("xim"), Some(""), Some("@im=none")),
            vars(Some("gtk-im-context-simple"), None, None),
        ] {
            let found = detect(&v, Some(&["bash", "tmux: server"]));
            assert_eq!(found, InputMethod::Absent, "{v:?}");
            let lines = describe(&found);
            assert_eq!(lines.len(), 1);
            assert!(!lines[0].0);
            assert!(
                lines[0]
                    .1
                    .starts_with("no input method (IBus, Fcitx) is active: press Ctrl-g")
            );
        }
    }

    #[test]
    fn processes_unknown() {
        let found = detect(&vars(Some("ibus"), None, None), None);
        assert!(
            matches!(found, InputMethod::Active { running: None, .. }),
            "{found:?}"
        );
        assert!(describe(&found)[0].1.contains("could not check"));
        assert_eq!(detect(&vars(None, None, None), None), InputMethod::Absent);
    }

    #[test]
    fn kitty_variable_counts() {
        let v = [("GLFW_IM_MODULE", Some("ibus"))];
        let found = detect(&v, Some(&["ibus-daemon"]));
        assert!(matches!(
            found,
            InputMethod::Active {
                framework: Framework::IBus,
                ..
            }
        ));
    }
}
