//! The search thread: runs the agent's searches on a cache connection of its
//! own, so that typing into the search overlay never waits on the full-text
//! index. Queries that were overtaken while one ran are skipped; only the
//! latest one is answered.

use std::path::Path;
use std::sync::mpsc as std_mpsc;

use tokio::sync::mpsc;

use super::update::Msg;
use sahaya_store::Store;

pub struct Searcher {
    queries: std_mpsc::Sender<String>,
}

impl Searcher {
    /// Starts the thread; results come back on `answers` as
    /// `Msg::SearchResults` (or `Msg::SearchFailed`). The thread ends when the searcher is dropped.
    pub fn start(cache: &Path, answers: mpsc::UnboundedSender<Msg>) -> anyhow::Result<Searcher> {
        let store = Store::open(cache)?;
        let (queries, inbox) = std_mpsc::channel::<String>();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                while let Ok(mut query) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        query = newer;
                    }
                    let answer = match store.search(&query, super::flows::search::SEARCH_LIMIT) {
                        Ok(hits) => Msg::SearchResults { query, hits },
                        Err(e) => {
                            tracing::warn!("search failed: {e}");
                            Msg::SearchFailed {
                                query,
                                error: e.to_string(),
                            }
                        }
                    };
                    if answers.send(answer).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Searcher { queries })
    }

    pub fn search(&self, query: String) {
        let _ = self.queries.send(query);
    }
}
