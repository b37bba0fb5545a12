//! Searching with the search language (`docs/search.md`) as the agent
//! types: on the local cache, offline. A query that cannot run says what is
//! wrong and where, and keeps what was typed. The hits can be shown in the
//! list (then marked all at once, or saved as a view). In the console the
//! search runs on its own thread (`searcher`).

use sahaya_store::language;
use sahaya_store::{QueryContext, SearchHit, Store};
use sahaya_text::TextBuffer;

use crate::app::{App, Effect, Pane};
use crate::overlay::{Overlay, Search};
use crate::state::ListQuery;

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

/// Runs `text` as a query of the search language: its first hits. A text
/// that is not a query (the UI said why already) finds nothing.
pub fn run(store: &Store, text: &str, cx: &QueryContext) -> sahaya_store::Result<Vec<SearchHit>> {
    match language::parse(text) {
        Ok(q) if !q.is_empty() => store.query_hits(&q, cx, SEARCH_LIMIT),
        _ => Ok(Vec::new()),
    }
}

/// Who searches, and when (for `assignee:me`, `late:`, `created:`...).
pub fn context(app: &App) -> QueryContext {
    QueryContext {
        me: app.my_id(),
        now: app.now(),
    }
}

/// Opens the search box; when the list shows a search, with its text.
pub fn open(app: &mut App) {
    let mut input = TextBuffer::new();
    if let Some(q) = app.query.as_ref().filter(|q| q.saved.is_none()) {
        input.insert_str(&q.text);
    }
    app.overlay = Some(Overlay::Search(Search {
        input,
        results: Vec::new(),
        selected: 0,
        pending: false,
        error: None,
    }));
    refresh(app);
}

/// The query changed: check it, then search again (or hand it to the
/// search thread).
pub fn refresh(app: &mut App) {
    let cx = context(app);
    let Some(Overlay::Search(s)) = &mut app.overlay else {
        return;
    };
    let text = s.input.text();
    s.selected = 0;
    s.pending = false;
    s.results.clear();
    s.error = None;
    if !search_ready(&text) {
        return;
    }
    let query = match language::parse(&text) {
        Ok(q) => q,
        Err(e) => {
            s.error = Some(e);
            return;
        }
    };
    if app.search_in_background {
        // The frame that echoes the key does not wait for the search.
        s.pending = true;
        app.effects.push(Effect::Search { query: text, cx });
        return;
    }
    match app.store.query_hits(&query, &cx, SEARCH_LIMIT) {
        Ok(hits) => s.results = hits,
        Err(e) => {
            // Not "0 results": the search did not run.
            tracing::warn!("search failed: {e}");
            app.flash_cache_error(&e);
        }
    }
}

/// Shows every ticket the typed query matches in the list (not only the
/// first hits): there `*` marks them all and a view can be saved of it.
pub fn to_list(app: &mut App, s: Search) {
    let text = s.input.text();
    match language::parse(&text) {
        Ok(query) if !query.is_empty() => {
            app.set_query(Some(ListQuery {
                text: query.to_string(),
                query,
                saved: None,
            }));
            app.focus = Pane::List;
        }
        // Nothing to list yet: the box stays as it was.
        _ => app.overlay = Some(Overlay::Search(s)),
    }
}
