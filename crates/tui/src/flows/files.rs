//! Files: the open ticket's files (choose one: it is saved to the downloads
//! folder and opened), and attaching a file from disk to the reply being
//! written. Reading a local file is the only disk access outside the cache;
//! it is checked first (exists, is a file, not over the size limit).

use std::path::{Path, PathBuf};

use sahaya_protocol::domain::{Attachment, Author};
use sahaya_protocol::events::FileProblem;
use sahaya_protocol::wire::{MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE};
use sahaya_store::NewFile;

use super::{Ask, Pick, open_picker, prompt};
use crate::app::{App, Effect, Pane};
use crate::fmt::file_size;

/// The files of the open ticket's messages, newest first.
pub fn list(app: &mut App) {
    let Some(open) = app.open.as_ref() else {
        let text = app.t("select-ticket-first");
        app.flash(text);
        return;
    };
    let mut items = Vec::new();
    for m in open.messages.iter().rev() {
        // Files of queued replies are not on the server yet.
        for file in m.attachments.iter().filter(|f| f.id > 0) {
            let who = match &m.author {
                Author::Customer { name, .. } | Author::Agent { name, .. } => {
                    sahaya_text::sanitize_line(name).into_owned()
                }
                Author::System => app.t("author-system"),
            };
            let label = format!(
                "{} · {} · {who}",
                sahaya_text::sanitize_line(&file.name),
                file_size(&app.i18n, file.size)
            );
            items.push((label, Pick::File(file.clone())));
        }
    }
    if items.is_empty() {
        let text = app.t("files-none");
        app.flash(text);
        return;
    }
    let title = app.t("files-title");
    open_picker(app, title, items, 0);
}

/// A file was chosen: fetch, save and open it (off the UI thread).
pub fn chosen(app: &mut App, file: Attachment) {
    let name = sahaya_text::sanitize_line(&file.name).into_owned();
    app.effects.push(Effect::FetchFile { file, open: true });
    let text = app.i18n.tr_args("file-fetching", &[("name", name.into())]);
    app.flash(text);
}

/// Why a file could not be fetched or saved, in the agent's language.
pub fn failure(app: &App, name: &str, problem: &FileProblem) -> String {
    let name = sahaya_text::sanitize_line(name).into_owned();
    let (id, detail) = match problem {
        FileProblem::Unreachable => ("file-failed-offline", String::new()),
        FileProblem::Refused(why) => ("file-failed-refused", why.clone()),
        FileProblem::Damaged => ("file-failed-damaged", String::new()),
        FileProblem::Disk(why) => ("file-failed-disk", why.clone()),
        FileProblem::NotAvailable => ("file-failed-unavailable", String::new()),
    };
    let detail = sahaya_text::sanitize_line(&detail).into_owned();
    app.i18n
        .tr_args(id, &[("name", name.into()), ("detail", detail.into())])
}

/// Ctrl-o in the composer: asks for a file's path.
pub fn ask_path(app: &mut App) {
    let Some(c) = app.composer.as_ref() else {
        return;
    };
    if c.files.len() >= MAX_ATTACHMENTS_PER_MESSAGE {
        let text = app.i18n.tr_args(
            "file-too-many",
            &[("count", (MAX_ATTACHMENTS_PER_MESSAGE as i64).into())],
        );
        app.flash(text);
        return;
    }
    let title = app.t("file-attach-title");
    prompt(app, title, "", Ask::AttachPath);
}

/// The path was typed: read the file into the composer, or say what is wrong.
pub fn path_answered(app: &mut App, value: &str) -> Result<(), String> {
    let path = expand(value.trim());
    if value.trim().is_empty() {
        return Err(app.t("error-required"));
    }
    let shown = path.display().to_string();
    let meta = std::fs::metadata(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            app.i18n
                .tr_args("file-not-found", &[("path", shown.clone().into())])
        } else {
            app.i18n.tr_args(
                "file-unreadable",
                &[
                    ("path", shown.clone().into()),
                    ("error", e.to_string().into()),
                ],
            )
        }
    })?;
    if meta.is_dir() {
        return Err(app
            .i18n
            .tr_args("file-is-folder", &[("path", shown.clone().into())]));
    }
    if meta.len() > MAX_ATTACHMENT_BYTES as u64 {
        return Err(app.i18n.tr_args(
            "file-too-large",
            &[
                ("path", shown.clone().into()),
                (
                    "limit",
                    file_size(&app.i18n, MAX_ATTACHMENT_BYTES as u64).into(),
                ),
            ],
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        app.i18n.tr_args(
            "file-unreadable",
            &[
                ("path", shown.clone().into()),
                ("error", e.to_string().into()),
            ],
        )
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let size = file_size(&app.i18n, bytes.len() as u64);
    if let Some(c) = app.composer.as_mut() {
        c.files.push(NewFile {
            name: name.clone(),
            bytes,
        });
    }
    app.focus = Pane::Thread;
    let name = sahaya_text::sanitize_line(&name).into_owned();
    let text = app.i18n.tr_args(
        "file-attached",
        &[("name", name.into()), ("size", size.into())],
    );
    app.flash(text);
    Ok(())
}

/// `~` and `~/…` are the home folder; everything else is taken as written.
fn expand(raw: &str) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match (raw.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            home.join(rest.trim_start_matches('/'))
        }
        _ => Path::new(raw).to_path_buf(),
    }
}
