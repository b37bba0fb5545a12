//! Merging one ticket into another (`POST /v1/tickets/{id}/merge`): the
//! request, the answer, the rules both the server and the console check,
//! and the pointer a merged ticket keeps to where it went.
//!
//! The pointer is a tag, `merged-into-<id>`, beside `merged`: every client
//! already syncs, shows and searches tags (`tag:merged-into-12`), so no
//! ticket shape changes.

use serde::{Deserialize, Serialize};

use crate::domain::{Message, Status, Ticket, TicketId};

/// Tag every merged ticket carries.
pub const MERGED_TAG: &str = "merged";
/// Prefix of the tag naming the ticket a merged ticket went into.
pub const MERGED_INTO_PREFIX: &str = "merged-into-";
/// Most tags a ticket may carry (the merged ticket's tags join the target's).
pub const MAX_TAGS: usize = 30;

/// `POST /v1/tickets/{id}/merge`: ticket `id` goes into `into`. Both
/// versions are the ones the caller saw; if either ticket changed since,
/// the answer is 409 `merge_conflict` with the changed ticket in `current`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The ticket that stays open and receives everything.
    pub into: TicketId,
    /// The version of ticket `id` (the one merged away) the caller saw.
    pub version: i64,
    /// The version of `into` the caller saw.
    pub into_version: i64,
}

/// Answer to `POST /v1/tickets/{id}/merge` (and its replays).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketMerged {
    /// The merged ticket: closed, tagged `merged` and `merged-into-<into>`.
    pub ticket: Ticket,
    /// The target after the merge.
    pub into: Ticket,
    /// The messages that moved, now on `into`, and the two notes saying
    /// what happened (one on each ticket).
    pub messages: Vec<Message>,
}

/// The ticket `ticket` was merged into, from its pointer tag.
pub fn merged_into(ticket: &Ticket) -> Option<TicketId> {
    ticket
        .tags
        .iter()
        .find_map(|t| t.strip_prefix(MERGED_INTO_PREFIX)?.parse().ok())
}

/// Why a merge cannot be done, with the API's error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeRefusal {
    /// Into itself.
    SameTicket(TicketId),
    /// The ticket to merge away was merged already.
    AlreadyMerged { id: TicketId, into: TicketId },
    /// The target was merged into another ticket (the one to use instead).
    TargetMerged { id: TicketId, into: TicketId },
    /// The target is closed.
    TargetClosed(TicketId),
    /// The tickets are different customers'.
    OtherCustomer { id: TicketId, into: TicketId },
    /// Together they would carry more than [`MAX_TAGS`] tags.
    TooManyTags(usize),
}

impl MergeRefusal {
    /// The API's error code.
    pub fn code(&self) -> &'static str {
        match self {
            MergeRefusal::SameTicket(_) => "merge_into_itself",
            MergeRefusal::AlreadyMerged { .. } => "already_merged",
            MergeRefusal::TargetMerged { .. } => "target_merged",
            MergeRefusal::TargetClosed(_) => "target_closed",
            MergeRefusal::OtherCustomer { .. } => "wrong_customer",
            MergeRefusal::TooManyTags(_) => "too_many_tags",
        }
    }

    /// What is wrong and what to do, in English (the console says it in
    /// the agent's language from the code).
    pub fn message(&self) -> String {
        match self {
            MergeRefusal::SameTicket(id) => {
                format!("ticket {id} cannot be merged into itself; pick another ticket")
            }
            MergeRefusal::AlreadyMerged { id, into } => {
                format!("ticket {id} was already merged into ticket {into}; work on {into}")
            }
            MergeRefusal::TargetMerged { id, into } => {
                format!("ticket {id} was merged into ticket {into}; merge into {into} instead")
            }
            MergeRefusal::TargetClosed(id) => format!(
                "ticket {id} is closed and takes no more messages; merge into an open ticket"
            ),
            MergeRefusal::OtherCustomer { id, into } => format!(
                "tickets {id} and {into} belong to different customers; only one customer's tickets can be merged"
            ),
            MergeRefusal::TooManyTags(n) => format!(
                "together the tickets carry {n} tags, more than {MAX_TAGS}; remove some first"
            ),
        }
    }
}

/// Checks merging `ticket` into `into`, both as the caller has them.
pub fn check_merge(ticket: &Ticket, into: &Ticket) -> Result<(), MergeRefusal> {
    if ticket.id == into.id {
        return Err(MergeRefusal::SameTicket(ticket.id));
    }
    if let Some(target) = merged_into(ticket) {
        return Err(MergeRefusal::AlreadyMerged {
            id: ticket.id,
            into: target,
        });
    }
    if let Some(target) = merged_into(into) {
        return Err(MergeRefusal::TargetMerged {
            id: into.id,
            into: target,
        });
    }
    if into.status == Status::Closed {
        return Err(MergeRefusal::TargetClosed(into.id));
    }
    if ticket.customer_id != into.customer_id {
        return Err(MergeRefusal::OtherCustomer {
            id: ticket.id,
            into: into.id,
        });
    }
    let tags = merged_tags(ticket, into);
    if tags.len() > MAX_TAGS {
        return Err(MergeRefusal::TooManyTags(tags.len()));
    }
    Ok(())
}

/// The target's tags after the merge: its own, then the merged ticket's
/// it lacks.
pub fn merged_tags(ticket: &Ticket, into: &Ticket) -> Vec<String> {
    let mut tags = into.tags.clone();
    for tag in &ticket.tags {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Priority, Sla};

    fn ticket(id: TicketId, customer_id: i64, status: Status, tags: &[&str]) -> Ticket {
        let now = chrono::Utc::now();
        Ticket {
            id,
            subject: format!("ticket {id}"),
            status,
            priority: Priority::Normal,
            channel: Channel::Email,
            customer_id,
            assignee_id: None,
            group: "support".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            sla: Sla::for_priority(Priority::Normal, now),
            order_id: None,
            version: 1,
            created_at: now,
            updated_at: now,
            last_customer_message_at: None,
            message_count: 1,
        }
    }

    #[test]
    fn each_refusal_has_its_code() {
        let open = ticket(1, 7, Status::Open, &["cod"]);
        let other = ticket(2, 7, Status::Pending, &["vip", "cod"]);
        assert_eq!(check_merge(&open, &other), Ok(()));
        assert_eq!(merged_tags(&open, &other), ["vip", "cod"]);
        let cases = [
            (check_merge(&open, &open), "merge_into_itself"),
            (
                check_merge(&open, &ticket(3, 7, Status::Closed, &[])),
                "target_closed",
            ),
            (
                check_merge(&open, &ticket(3, 8, Status::Open, &[])),
                "wrong_customer",
            ),
            (
                check_merge(
                    &open,
                    &ticket(3, 7, Status::Closed, &["merged", "merged-into-9"]),
                ),
                "target_merged",
            ),
            (
                check_merge(&ticket(4, 7, Status::Closed, &["merged-into-2"]), &other),
                "already_merged",
            ),
        ];
        for (result, code) in cases {
            assert_eq!(result.map_err(|r| r.code()), Err(code));
        }
        let many: Vec<String> = (0..20).map(|i| format!("a{i}")).collect();
        let more: Vec<String> = (0..20).map(|i| format!("b{i}")).collect();
        let mut a = open.clone();
        a.tags = many;
        let mut b = other.clone();
        b.tags = more;
        assert_eq!(check_merge(&a, &b), Err(MergeRefusal::TooManyTags(40)));
        assert!(MergeRefusal::TooManyTags(40).message().contains("40 tags"));
    }

    #[test]
    fn the_pointer_is_read_from_the_tag() {
        let t = ticket(5, 1, Status::Closed, &["merged", "merged-into-12"]);
        assert_eq!(merged_into(&t), Some(12));
        assert_eq!(
            merged_into(&ticket(6, 1, Status::Open, &["merged-into-x"])),
            None
        );
    }
}
