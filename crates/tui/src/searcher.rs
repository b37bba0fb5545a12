//! The search thread: runs the agent's searches on a cache connection of its
//! own, so that typing into the search overlay never waits on the cache.
//! Queries that were overtaken while one ran are skipped; only the latest
//! one is answered.

use std::path::Path;
use std::sync::mpsc as std_mpsc;

use tokio::sync::mpsc;

use super::update::Msg;
use sahaya_store::{QueryContext, Store};

pub struct Searcher {
    queries: std_mpsc::Sender<(String, QueryContext)>,
}

impl Searcher {
    /// Starts the thread; results come back on `answers` as
    /// `Msg::SearchResults` (or `Msg::SearchFailed`). The thread ends when
    /// the searcher is dropped.
    pub fn start(cache: &Path, answers: mpsc::UnboundedSender<Msg>) -> anyhow::Result<Searcher> {
        let store = Store::open(cache)?;
        let (queries, inbox) = std_mpsc::channel::<(String, QueryContext)>();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                while let Ok(mut asked) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        asked = newer;
                    }
                    let (query, cx) = asked;
                    let answer = match super::flows::search::run(&store, &query, &cx) {
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

    /// Runs `query` for the agent and time of `cx`.
    pub fn search(&self, query: String, cx: QueryContext) {
        let _ = self.queries.send((query, cx));
    }
}
