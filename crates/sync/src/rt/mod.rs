//! Request Tracker 5 as a [`Backend`], over its REST 2 API.
//!
//! RT has no change feed, no live stream, no presence, no orders and no
//! idempotency keys. The adapter reads ticket transactions in id order from
//! a cursor (`pull`), polls for new ones, and delivers each outbox entry
//! exactly once by finding out whether an earlier try landed before it sends
//! again (`push`). The mapping between RT's records and sahaya's is in `map`
//! and docs/backends.md.

mod claims;
mod fetch;
mod history;
mod html;
mod http;
mod map;
#[cfg(test)]
mod proptests;
mod pull;
mod push;
pub mod query;
mod roles;
mod session;
mod settle;
mod wire;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures::StreamExt;
use sahaya_protocol::Clock;
use sahaya_protocol::domain::Agent;
use sahaya_protocol::wire::{
    ChangeNotice, ChangesPage, Entity, EntityKind, PresenceUpdate, StreamEvent,
};
use sahaya_store::OutboxEntry;
use serde_json::Value;

use crate::backend::{Backend, Capabilities, LiveEvents};
use crate::client::ClientError;

pub use push::KEY_FIELD;
pub use roles::DEFAULT_SUPERVISOR_GROUP;
pub use session::SESSION_LIFE;

/// How often RT is asked for new transactions (it cannot tell us).
pub const DEFAULT_POLL: Duration = Duration::from_secs(5);

/// What RT can do beyond tickets and messages: nothing (no presence, live
/// events, stats, orders, macros, proactive notices, tags or files).
pub const CAPABILITIES: Capabilities = Capabilities::NONE;

/// A Request Tracker 5 server and one user's auth token.
#[derive(Debug)]
pub struct RtBackend {
    http: http::RtHttp,
    clock: Clock,
    histories: history::Histories,
    /// The token's user (RT tokens are `1-<user id>-<secret>`).
    user_id: i64,
    me: tokio::sync::OnceCell<wire::User>,
    /// RT's version, once checked.
    version: tokio::sync::OnceCell<String>,
    /// Whether the key field was looked for.
    key_field_checked: AtomicBool,
    /// Whether the site has the `sahaya-key` transaction custom field.
    key_field: AtomicBool,
    /// The transactions this backend's writes made (or found they had
    /// made): a resent text never takes another's for its earlier try.
    claims: claims::Claims,
    /// Writes whose earlier try was not found yet (see `settle`).
    pub(crate) settling: settle::Settling,
    /// The page of transactions after a cursor, asked while the page before
    /// it was worked on, and the newest transaction id known then (used by
    /// the very next pull only).
    next_page: std::sync::Mutex<Option<Prefetched>>,
    /// Who is a supervisor (members of an RT group).
    supervisors: roles::Supervisors,
    poll: Duration,
}

/// A page of transactions asked ahead (see `pull`).
#[derive(Debug)]
struct Prefetched {
    cursor: i64,
    page: Vec<wire::Transaction>,
    latest: i64,
}

/// What `sahaya doctor` reports about an RT server.
#[derive(Debug, Clone)]
pub struct RtCheck {
    pub version: String,
    pub user: String,
    /// Queues the token's user can see.
    pub queues: Vec<String>,
    /// Whether replies can carry their outbox key (see `push`).
    pub key_field: bool,
    /// Whether reads go through an RT web session opened with the token
    /// (RT checks the token once per session instead of on every request).
    pub session: bool,
    /// The RT group whose members are supervisors, whether this user may
    /// see it (else everyone is an agent), and this user's role.
    pub supervisor_group: String,
    pub supervisor_group_visible: bool,
    pub role: sahaya_protocol::domain::Role,
}

impl RtBackend {
    /// `url` is RT's web address; `token` an auth token made in RT
    /// (Logged in as the agent: Settings → Auth Tokens).
    pub fn new(url: &str, token: &str, clock: Clock) -> Result<RtBackend, ClientError> {
        let user_id = token_user(token).ok_or_else(|| ClientError::InvalidToken {
            reason: "it is not a Request Tracker auth token (those look like 1-23-0a1b2c…; \
                     make one in RT under Settings → Auth Tokens)"
                .to_string(),
        })?;
        Ok(RtBackend {
            http: http::RtHttp::new(url, token)?,
            clock,
            histories: history::Histories::default(),
            user_id,
            me: tokio::sync::OnceCell::new(),
            version: tokio::sync::OnceCell::new(),
            key_field_checked: AtomicBool::new(false),
            key_field: AtomicBool::new(false),
            claims: claims::Claims::default(),
            settling: settle::Settling::default(),
            next_page: std::sync::Mutex::default(),
            supervisors: roles::Supervisors::new(DEFAULT_SUPERVISOR_GROUP),
            poll: DEFAULT_POLL,
        })
    }

    /// Gives up on a request after `timeout` (default 15 s).
    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.http = self.http.with_timeout(timeout);
        self
    }

    /// Opens the web session its reads go through again after `life`
    /// (default 5 minutes: a token revoked in RT stops working within it);
    /// `Duration::ZERO`: no session, RT checks the token on every request.
    pub fn with_session_life(mut self, life: Duration) -> Self {
        self.http = self.http.with_session_life(life);
        self
    }

    /// The RT group whose members are supervisors (default `Supervisors`;
    /// empty: everyone is an agent).
    pub fn with_supervisor_group(mut self, group: &str) -> Self {
        self.supervisors = roles::Supervisors::new(group);
        self
    }

    /// Polls for new transactions this often (tests use less).
    pub fn with_poll_interval(mut self, poll: Duration) -> Self {
        self.poll = poll;
        self
    }

    /// An RT user working tickets, as sahaya's agent or supervisor.
    pub(crate) fn agent(&self, user: &wire::User) -> Agent {
        map::agent(user, self.supervisors.role_of(&user.name))
    }

    pub(crate) fn me_id(&self) -> i64 {
        self.user_id
    }

    pub(crate) fn has_key_field(&self) -> bool {
        self.key_field.load(Ordering::Relaxed)
    }

    /// Remembers that the outbox entry with `key` landed as transaction `id`.
    pub(crate) fn claim(&self, id: i64, key: &str) {
        self.claims.claim(id, key);
    }

    /// The key of the outbox entry that landed as transaction `id`, if one did.
    pub(crate) fn claimed_by(&self, id: i64) -> Option<String> {
        self.claims.owner(id)
    }

    /// Keeps `page`, the transactions after `cursor`, for the next pull,
    /// with the newest transaction id known.
    pub(crate) fn prefetched(&self, cursor: i64, page: Vec<wire::Transaction>, latest: i64) {
        *self.next_page.lock().unwrap_or_else(|e| e.into_inner()) = Some(Prefetched {
            cursor,
            page,
            latest,
        });
    }

    /// The page (and newest id) kept for a pull from `cursor`, if the last
    /// pull left it (anything else kept is dropped: it is only good right
    /// away).
    pub(crate) fn take_prefetched(&self, cursor: i64) -> Option<(Vec<wire::Transaction>, i64)> {
        let kept = self
            .next_page
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        kept.and_then(|p| (p.cursor == cursor).then_some((p.page, p.latest)))
    }

    pub(crate) async fn me_user(&self) -> Result<&wire::User, ClientError> {
        self.me
            .get_or_try_init(|| async {
                let user: wire::User = self
                    .http
                    .get(&format!("user/{}", self.user_id), &query::user())
                    .await?
                    .body;
                Ok(user)
            })
            .await
    }

    /// Is this RT 5 with REST 2, does the token work, what can it see.
    pub async fn check(&self) -> Result<RtCheck, ClientError> {
        let version = self.version().await?;
        let user = self.me_user().await?.display_name().to_string();
        let queues: Value = self
            .http
            .get("queues/all", &[("fields", "Name".to_string())])
            .await?
            .body;
        let queues = queues["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|q| q["Name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let key_field = self.find_key_field().await?;
        self.supervisors.refresh(&self.http).await?;
        let login = self.me_user().await?.name.clone();
        Ok(RtCheck {
            version,
            user,
            queues,
            key_field,
            session: self.http.has_session().await,
            supervisor_group: self.supervisors.group().to_string(),
            supervisor_group_visible: self.supervisors.visible(),
            role: self.supervisors.role_of(&login),
        })
    }

    /// RT's version, or why this is not an RT 5 with REST 2. This is the
    /// first request to RT, so a failure to reach it says to check the URL.
    async fn version(&self) -> Result<String, ClientError> {
        let web = self.http.web_url();
        let info: wire::RtInfo = match self.http.get("rt", &[]).await {
            Ok(a) => a.body,
            Err(ClientError::Network { message }) => {
                return Err(ClientError::Network {
                    message: format!(
                        "Request Tracker at {web} cannot be reached (check the URL, and that RT is \
                         running there): {message}"
                    ),
                });
            }
            Err(ClientError::Rejected { status: 404, .. }) => {
                return Err(not_rt(web, "no REST 2 there"));
            }
            Err(ClientError::Decode { .. }) => {
                return Err(not_rt(web, "the answer is not RT's JSON"));
            }
            Err(e) => return Err(e),
        };
        rt5_version(web, &info.version)?;
        Ok(info.version)
    }

    /// Looks for the `sahaya-key` transaction custom field and remembers it.
    async fn find_key_field(&self) -> Result<bool, ClientError> {
        let found: Value = self
            .http
            .get("customfields", &query::transaction_field(KEY_FIELD))
            .await?
            .body;
        let present = found["items"].as_array().is_some_and(|a| !a.is_empty());
        self.key_field.store(present, Ordering::Relaxed);
        if !present {
            tracing::warn!(
                "RT has no transaction custom field {KEY_FIELD:?}: replies are matched by text to stay exactly-once"
            );
        }
        Ok(present)
    }
}

/// The error for a server that is not an RT 5 with REST 2.
fn not_rt(web: &str, why: &str) -> ClientError {
    ClientError::Rejected {
        status: 404,
        code: "not_rt".to_string(),
        message: format!(
            "{web} does not answer like Request Tracker 5 ({why}); check the URL: it is RT's web \
             address, e.g. https://rt.example.com/ (RT 4 has no REST 2: sahaya needs RT 5)"
        ),
    }
}

/// Whether `version` (from `GET /REST/2.0/rt`) is an RT 5.
fn rt5_version(web: &str, version: &str) -> Result<(), ClientError> {
    let version = version.trim();
    if version.is_empty() {
        return Err(not_rt(web, "it does not say which RT version it is"));
    }
    let major = version
        .split(['.', '+', '-', ' '])
        .next()
        .unwrap_or_default();
    if major != "5" {
        return Err(ClientError::Rejected {
            status: 400,
            code: "rt_version".to_string(),
            message: format!(
                "{web} is Request Tracker {version:?}; sahaya needs RT 5 (with its REST 2 API): \
                 upgrade RT, or point sahaya at an RT 5"
            ),
        });
    }
    Ok(())
}

/// The user id in an RT auth token `1-<user id>-<secret>`.
fn token_user(token: &str) -> Option<i64> {
    let mut parts = token.trim().splitn(3, '-');
    let version = parts.next()?;
    let user = parts.next()?.parse().ok()?;
    let secret = parts.next()?;
    (version == "1" && !secret.is_empty()).then_some(user)
}

impl Backend for RtBackend {
    fn capabilities(&self) -> Capabilities {
        CAPABILITIES
    }

    fn use_cache(&self, cache: &std::path::Path) {
        self.claims.keep_beside(cache);
    }

    async fn me(&self) -> Result<Agent, ClientError> {
        // Checked once: a session after a lost connection starts pulling.
        self.version.get_or_try_init(|| self.version()).await?;
        let user = self.me_user().await?;
        if !self.key_field_checked.load(Ordering::Relaxed) {
            self.find_key_field().await?;
            self.key_field_checked.store(true, Ordering::Relaxed);
        }
        self.supervisors.refresh(&self.http).await?;
        let mut agent = self.agent(user);
        agent.presence = sahaya_protocol::domain::Presence::Online;
        Ok(agent)
    }

    async fn changes(&self, cursor: i64) -> Result<ChangesPage, ClientError> {
        pull::changes(self, cursor).await
    }

    async fn live(&self, _cursor: i64) -> Result<LiveEvents, ClientError> {
        // No stream: a tick every poll interval makes the sync pull.
        let poll = self.poll;
        let ticks = futures::stream::unfold((), move |()| async move {
            tokio::time::sleep(poll).await;
            let notice = ChangeNotice {
                seq: 0,
                kind: EntityKind::Ticket,
                id: String::new(),
            };
            Some((Ok(StreamEvent::Change(notice)), ()))
        });
        Ok(ticks.boxed())
    }

    async fn push(
        &self,
        entry: &OutboxEntry,
        if_match: i64,
        files: &[sahaya_store::StagedFile],
    ) -> Result<Vec<Entity>, ClientError> {
        if !files.is_empty() {
            return Err(push::unsupported("files from sahaya yet"));
        }
        push::push(self, entry, if_match).await
    }

    async fn presence(&self, _update: &PresenceUpdate) -> Result<(), ClientError> {
        Ok(())
    }

    async fn fetch_file(
        &self,
        _file: &sahaya_protocol::domain::Attachment,
    ) -> Result<Vec<u8>, ClientError> {
        Err(push::unsupported("files sahaya can fetch yet"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_name_their_user() {
        assert_eq!(
            token_user("1-31-f220721649bd91625c85ee1be9935f94"),
            Some(31)
        );
        assert_eq!(token_user("sh_abc"), None);
        assert_eq!(token_user("1-x-abc"), None);
        assert!(RtBackend::new("http://rt.test", "sh_agent", Clock::system()).is_err());
    }

    #[test]
    fn only_rt_5_will_do() {
        let web = "https://rt.example.com/";
        for ok in ["5.0.3+dfsg-3~deb12u7", "5.0.7", " 5.0.0rc1"] {
            assert!(rt5_version(web, ok).is_ok(), "{ok}");
        }
        // RT 4.4 with the REST2 extension answers /REST/2.0/rt too.
        let e = rt5_version(web, "4.4.4").unwrap_err();
        let said = e.to_string();
        assert_eq!(e.code(), Some("rt_version"));
        assert!(!e.is_retryable());
        assert!(said.contains("Request Tracker \"4.4.4\""), "{said}");
        assert!(
            said.contains("needs RT 5") && said.contains("upgrade RT"),
            "{said}"
        );
        assert!(said.contains(web), "{said}");
        for other in ["50.1", "15.0", "6.0.0"] {
            assert_eq!(
                rt5_version(web, other).unwrap_err().code(),
                Some("rt_version"),
                "{other}"
            );
        }
        // A JSON answer without a version is no RT at all.
        let e = rt5_version(web, "").unwrap_err();
        assert_eq!(e.code(), Some("not_rt"));
        assert!(e.to_string().contains("check the URL"));
    }
}
