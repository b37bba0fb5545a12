//! Searching tickets, customers and messages as the agent types; in the
//! console the search runs on its own thread (`searcher`).

use sahaya_text::TextBuffer;

use crate::app::{App, Effect};
use crate::overlay::{Overlay, Search};

/// Hits kept per search (the overlay shows them all, scrolled), in the UI
/// thread or the search thread alike.
pub const SEARCH_LIMIT: usize = 200;

/// Whether a search query is worth running: at least two characters. One
/// letter matches nearly every message (and its prefix expansion is the
/// slowest query there is) without narrowing anything.
pub fn search_ready(query: &str) -> bool {
    query
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(1)
        .is_some()
}

pub fn open(app: &mut App) {
    app.overlay = Some(Overlay::Search(Search {
        input: TextBuffer::new(),
        results: Vec::new(),
        selected: 0,
        pending: false,
    }));
}

/// The query changed: search again (or hand it to the search thread).
pub fn refresh(app: &mut App) {
    let Some(Overlay::Search(s)) = &mut app.overlay else {
        return;
    };
    let query = s.input.text();
    s.selected = 0;
    s.pending = false;
    if !search_ready(&query) {
        s.results.clear();
    } else if app.search_in_background {
        // The frame that echoes the key does not wait for the search.
        s.pending = true;
        app.effects.push(Effect::Search(query));
    } else {
        match app.store.search(&query, SEARCH_LIMIT) {
            Ok(hits) => s.results = hits,
            Err(e) => {
                // Not "0 results": the search did not run.
                s.results.clear();
                tracing::warn!("search failed: {e}");
                app.flash_cache_error(&e);
            }
        }
    }
}
