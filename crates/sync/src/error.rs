//! Why a round of syncing stopped: the remote side failed, or the local
//! cache did. The two are told apart all the way to the agent: a disk that is
//! full is not "an unexpected answer from the server".

use sahaya_store::StoreError;

use crate::client::ClientError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Talking to the backend failed (network, refusal, bad answer).
    #[error(transparent)]
    Client(#[from] ClientError),
    /// Reading or writing the local cache failed.
    #[error("the local cache failed: {0}")]
    Store(#[from] StoreError),
}

impl SyncError {
    /// How long the server asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            SyncError::Client(e) => e.retry_after(),
            SyncError::Store(_) => None,
        }
    }
}
