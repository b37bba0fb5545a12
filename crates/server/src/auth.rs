//! Bearer-token authentication and role checks.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use super::error::ApiError;
use super::repo;
use super::state::AppState;
use super::tokens::token_hash;
use sahaya_protocol::domain::{Agent, Role};

/// The authenticated agent making the request.
pub struct Caller(pub Agent);

impl Caller {
    /// Agents and supervisors work tickets; the integration account only feeds
    /// inbound messages.
    pub fn require_staff(&self) -> Result<&Agent, ApiError> {
        match self.0.role {
            Role::Agent | Role::Supervisor => Ok(&self.0),
            Role::Integration => Err(ApiError::forbidden(
                "the integration account can only post inbound messages; use an agent's token",
            )),
        }
    }

    pub fn require_supervisor(&self) -> Result<&Agent, ApiError> {
        match self.0.role {
            Role::Supervisor => Ok(&self.0),
            _ => Err(ApiError::forbidden(
                "queue statistics are for supervisors only",
            )),
        }
    }

    pub fn require_integration(&self) -> Result<&Agent, ApiError> {
        match self.0.role {
            Role::Integration => Ok(&self.0),
            _ => Err(ApiError::forbidden(
                "only the integration account may post inbound customer messages",
            )),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let header = parts.headers.get(AUTHORIZATION).ok_or_else(|| {
            ApiError::unauthorized(
                "missing bearer token: send the header `Authorization: Bearer <token>`",
            )
        })?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::unauthorized("the Authorization header must be `Bearer <token>`")
            })?;
        let hash = token_hash(token);
        let agent = state
            .read(move |db| Ok(repo::agent_by_token_hash(&db.conn, &hash)?))
            .await?
            .ok_or_else(|| {
                ApiError::unauthorized("this token is not valid; check it or ask for a new one")
            })?;
        Ok(Caller(agent))
    }
}
