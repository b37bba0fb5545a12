//! Applying a queued [`TicketPatch`] to a cached ticket the way the server
//! will, so the list shows the agent's change before the server confirms it.
//!
//! This is only a preview: the server's answer (or the change feed) replaces
//! it, and a patch the server refuses stops being applied.

use crate::domain::{Sla, Status, Ticket, Timestamp};
use crate::protocol::TicketPatch;

pub fn apply_patch(ticket: &mut Ticket, patch: &TicketPatch, at: Timestamp) {
    if let Some(status) = patch.status {
        // The server refuses to reopen a closed ticket.
        if !(ticket.status == Status::Closed && status != Status::Closed) {
            ticket.status = status;
        }
    }
    if let Some(priority) = patch.priority
        && priority != ticket.priority
    {
        let responded = ticket.sla.first_responded_at;
        ticket.sla = Sla::for_priority(priority, ticket.created_at);
        ticket.sla.first_responded_at = responded;
        ticket.priority = priority;
    }
    if let Some(assignee) = patch.assignee_id {
        ticket.assignee_id = assignee;
    }
    if let Some(group) = &patch.group {
        let group = group.trim();
        if !group.is_empty() {
            ticket.group = group.to_string();
        }
    }
    if let Some(tags) = &patch.tags {
        ticket.tags = normalize_tags(tags);
    }
    if at > ticket.updated_at {
        ticket.updated_at = at;
    }
}

/// Tags as the server stores them: trimmed, lower case, blanks as dashes, no
/// duplicates. (Tags the server would refuse are kept for the preview; the
/// server's answer decides.)
fn normalize_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let t = tag
            .trim()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}
