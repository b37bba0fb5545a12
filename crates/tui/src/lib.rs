//! The console UI: state (`app`), updates (`update`, one module per flow in
//! `flows`), the frame's layout loaded into the state (`prepare`), pure
//! drawing from `&App` (`view` and one file per pane or overlay) in the
//! colours of `theme`. Reads only the local cache.

pub mod alerts;
pub mod app;
pub mod capability;
pub mod customer_lines;
pub mod customer_view;
pub mod draw;
pub mod flows;
pub mod fmt;
pub mod frames;
pub mod input_view;
pub mod labels;
pub mod late_notice;
pub mod late_screen;
pub mod late_view;
pub mod layout;
pub mod list_view;
pub mod local_stats;
pub mod macro_draft;
pub mod macro_editor_view;
pub mod macros;
pub mod menus;
pub mod notify;
pub mod overlay;
pub mod overlay_view;
pub mod prepare;
pub mod problems;
pub mod query_text;
pub mod saved_views;
pub mod searcher;
pub mod state;
pub mod status_view;
pub mod suggest;
pub mod supervisor;
pub mod supervisor_figures;
pub mod supervisor_view;
pub mod theme;
pub mod thread_view;
pub mod typing;
pub mod typing_focus;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use std::io::Write;
use std::time::Duration;

use crossterm::event::{self, Event};
use tokio::sync::mpsc;

pub use app::{App, Effect};
pub use update::{Msg, update};

use sahaya_protocol::events::{SyncEvent, SyncRequest};

/// Restores the terminal when dropped, whatever way the console ends.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Runs the console until the agent quits.
pub async fn run(
    mut app: App,
    mut sync_events: mpsc::UnboundedReceiver<SyncEvent>,
    sync: mpsc::UnboundedSender<SyncRequest>,
) -> anyhow::Result<()> {
    // The sync layer may be gone (it ends with the runtime); the UI goes on.
    let ask = |request: SyncRequest| {
        let _ = sync.send(request);
    };
    // `ratatui::init` also installs a panic hook that restores the terminal.
    let mut terminal = ratatui::try_init()?;
    let _guard = TerminalGuard;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);

    let (tx, mut input) = mpsc::unbounded_channel::<Event>();
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(ev).is_err() {
                break;
            }
        }
    });
    let (found, mut search_results) = mpsc::unbounded_channel::<Msg>();
    let searcher = match searcher::Searcher::start(app.store.path(), found) {
        Ok(s) => {
            app.search_in_background = true;
            Some(s)
        }
        Err(e) => {
            tracing::warn!("no search thread, searching in the UI thread: {e}");
            None
        }
    };
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    draw(&mut terminal, &mut app)?;
    loop {
        let mut msgs = Vec::new();
        tokio::select! {
            Some(ev) = input.recv() => msgs.push(to_msg(ev)),
            Some(ev) = sync_events.recv() => msgs.push(Some(Msg::Sync(ev))),
            Some(msg) = search_results.recv() => msgs.push(Some(msg)),
            _ = tick.tick() => msgs.push(Some(Msg::Tick)),
        }
        // Drain whatever else is waiting, then draw once.
        while let Ok(ev) = input.try_recv() {
            msgs.push(to_msg(ev));
        }
        while let Ok(ev) = sync_events.try_recv() {
            msgs.push(Some(Msg::Sync(ev)));
        }
        for msg in msgs.into_iter().flatten() {
            update(&mut app, msg);
        }
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Kick => ask(SyncRequest::Kick),
                // Only asked for when the search thread runs.
                Effect::Search { query, cx } => {
                    if let Some(s) = &searcher {
                        s.search(query, cx);
                    }
                }
                Effect::Quit => app.quit = true,
                Effect::FetchFile { file, open } => ask(SyncRequest::FetchFile { file, open }),
                Effect::Notify(text) => {
                    let style = app.supervisor.rules.notify;
                    if let Err(e) = notify::notify(&mut std::io::stdout(), style, &text) {
                        tracing::warn!("notification not shown: {e}");
                    }
                }
            }
        }
        if app.quit {
            if app.capabilities.presence {
                ask(SyncRequest::Presence {
                    ticket_id: None,
                    typing: false,
                });
            }
            return Ok(());
        }
        if let Some((ticket_id, typing)) = app.presence() {
            ask(SyncRequest::Presence { ticket_id, typing });
        }
        draw(&mut terminal, &mut app)?;
    }
}

fn to_msg(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Paste(s) => Some(Msg::Paste(s)),
        Event::Resize(_, _) => Some(Msg::Resize),
        _ => None,
    }
}

/// One frame, wrapped in a synchronized update so the terminal shows it whole.
fn draw(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let mut out = std::io::stdout();
    let _ = crossterm::queue!(out, crossterm::terminal::BeginSynchronizedUpdate);
    terminal.draw(|f| view::render(app, f))?;
    let _ = crossterm::queue!(out, crossterm::terminal::EndSynchronizedUpdate);
    out.flush()?;
    Ok(())
}
