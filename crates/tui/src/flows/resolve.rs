//! Writes that need the agent (a conflict, a refusal): keep the other
//! side's version or apply mine again; drop the write or try it again.

use sahaya_store::{OutboxEntry, OutboxState};

use super::{Pick, picker};
use crate::app::{App, Effect};

/// What to do about outbox entry `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// A conflict: the server's version stays, mine is dropped.
    KeepTheirs(i64),
    /// A conflict: mine again, over the server's version.
    ReapplyMine(i64),
    /// A refusal or failure: drop the write.
    Discard(i64),
    /// A refusal or failure: send it again.
    Retry(i64),
}

/// The choices for `entry` (Enter in the problems list).
pub fn menu(app: &mut App, entry: &OutboxEntry) {
    let id = entry.id;
    let choices = if entry.state == OutboxState::Conflict {
        [
            ("keep-theirs", Resolution::KeepTheirs(id)),
            ("reapply-mine", Resolution::ReapplyMine(id)),
        ]
    } else {
        [
            ("discard-write", Resolution::Discard(id)),
            ("retry-write", Resolution::Retry(id)),
        ]
    };
    let items = choices
        .into_iter()
        .map(|(label, r)| (app.t(label), Pick::Resolve(r)))
        .collect();
    picker(app, "resolve-title", items, 0);
}

pub fn chosen(app: &mut App, resolution: Resolution) {
    match resolution {
        Resolution::KeepTheirs(id) | Resolution::Discard(id) => {
            if let Err(e) = app.store.discard(id) {
                tracing::warn!("cannot discard {id}: {e}");
            }
            app.reload();
        }
        Resolution::ReapplyMine(id) | Resolution::Retry(id) => {
            if let Err(e) = app.store.retry(id) {
                tracing::warn!("cannot retry {id}: {e}");
            }
            app.effects.push(Effect::Kick);
            app.reload();
        }
    }
}
