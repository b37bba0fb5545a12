//! Which RT users are supervisors. RT has no such role: a site says who
//! its supervisors are by putting them in an RT group, `Supervisors`
//! unless told another name ([`super::RtBackend::with_supervisor_group`]).
//! Its members, and the members of groups inside it, are sahaya
//! supervisors; everyone else is an agent.
//!
//! Reading the group needs the right SeeGroup ("View group") on it; where
//! the token's user lacks it, or the group does not exist, everyone is an
//! agent (`sahaya doctor` says which). The members are read again at the
//! start of every sync session.

use std::collections::HashSet;
use std::sync::RwLock;

use serde::Deserialize;

use sahaya_protocol::domain::Role;

use super::http::RtHttp;
use super::wire::Page;
use crate::client::ClientError;

/// The RT group whose members are supervisors, unless a site names another.
pub const DEFAULT_SUPERVISOR_GROUP: &str = "Supervisors";
/// Groups inside groups are followed this deep.
const MAX_GROUPS: usize = 20;

/// A user-defined group as `GET /group/:id` shows it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Group {
    #[serde(rename = "Members")]
    members: Vec<Member>,
}

/// A member: a user (`id` is the login) or a group (`id` is its number).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Member {
    #[serde(rename = "type")]
    kind: String,
    id: serde_json::Value,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Found {
    id: serde_json::Value,
}

/// What is known of the supervisor group.
#[derive(Debug)]
pub struct Supervisors {
    group: String,
    /// The members' logins; `None` until read, or where the group is not
    /// visible to the token's user.
    logins: RwLock<Option<HashSet<String>>>,
}

impl Supervisors {
    pub fn new(group: &str) -> Supervisors {
        Supervisors {
            group: group.trim().to_string(),
            logins: RwLock::new(None),
        }
    }

    pub fn group(&self) -> &str {
        &self.group
    }

    /// The role of the RT user with this login.
    pub fn role_of(&self, login: &str) -> Role {
        let logins = self.logins.read().unwrap_or_else(|e| e.into_inner());
        if logins.as_ref().is_some_and(|l| l.contains(login)) {
            Role::Supervisor
        } else {
            Role::Agent
        }
    }

    /// Whether the group was found and could be read.
    pub fn visible(&self) -> bool {
        self.logins
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// Reads the group's members (and those of the groups in it) again.
    /// A group that is missing or hidden from the token's user makes
    /// everyone an agent; only a failure to talk to RT is an error.
    pub async fn refresh(&self, http: &RtHttp) -> Result<(), ClientError> {
        let found = if self.group.is_empty() {
            None
        } else {
            members(http, &self.group).await?
        };
        if found.is_none() && !self.group.is_empty() {
            tracing::info!(
                "the RT group {:?} is missing or not visible to this user: everyone is an agent",
                self.group
            );
        }
        *self.logins.write().unwrap_or_else(|e| e.into_inner()) = found;
        Ok(())
    }
}

/// RT's answer where the group is missing or the user may not see it.
fn hidden(e: &ClientError) -> bool {
    matches!(
        e,
        ClientError::Rejected { .. } | ClientError::Unauthorized { .. }
    )
}

fn number(v: &serde_json::Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

/// The logins in group `name`, following groups inside it.
async fn members(http: &RtHttp, name: &str) -> Result<Option<HashSet<String>>, ClientError> {
    let filter = serde_json::json!([
        {"field": "Name", "value": name},
        {"field": "Domain", "value": "UserDefined"},
    ]);
    let found: Page<Found> = match http.get("groups", &[("query", filter.to_string())]).await {
        Ok(a) => a.body,
        Err(e) if hidden(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    let Some(first) = found.items.first().and_then(|g| number(&g.id)) else {
        return Ok(None);
    };
    let mut logins = HashSet::new();
    let mut todo = vec![first];
    let mut seen = HashSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id) || seen.len() > MAX_GROUPS {
            continue;
        }
        let group: Group = match http.get(&format!("group/{id}"), &[]).await {
            Ok(a) => a.body,
            // A group inside it that this user may not see.
            Err(e) if hidden(&e) && id != first => continue,
            Err(e) if hidden(&e) => return Ok(None),
            Err(e) => return Err(e),
        };
        for m in group.members {
            match m.kind.as_str() {
                "user" => {
                    if let Some(login) = m.id.as_str() {
                        logins.insert(login.to_string());
                    }
                }
                "group" => todo.extend(number(&m.id)),
                _ => {}
            }
        }
    }
    Ok(Some(logins))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_read_as_rt_lists_them() {
        let g: Group = serde_json::from_str(
            r#"{"Name":"Supervisors","Members":[
                {"type":"user","id":"kavya","_url":"http://rt/REST/2.0/user/kavya"},
                {"type":"group","id":7,"_url":"http://rt/REST/2.0/group/7"}]}"#,
        )
        .unwrap();
        assert_eq!(g.members.len(), 2);
        assert_eq!(g.members[0].id.as_str(), Some("kavya"));
        assert_eq!(number(&g.members[1].id), Some(7));
        let s = Supervisors::new(" Supervisors ");
        assert_eq!(s.group(), "Supervisors");
        assert_eq!(s.role_of("kavya"), Role::Agent, "nothing read yet");
        assert!(!s.visible());
        *s.logins.write().unwrap() = Some(HashSet::from(["kavya".to_string()]));
        assert_eq!(s.role_of("kavya"), Role::Supervisor);
        assert_eq!(s.role_of("ravi"), Role::Agent);
    }
}
