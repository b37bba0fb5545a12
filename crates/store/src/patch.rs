//! Applying a queued [`TicketPatch`] to a cached ticket the way the server
//! will, so the list shows the agent's change before the server confirms it.
//!
//! This is only a preview: the server's answer (or the change feed) replaces
//! it, and a patch the server refuses stops being applied.

use sahaya_protocol::domain::{Ticket, Timestamp};
use sahaya_protocol::wire::TicketPatch;

pub fn apply_patch(ticket: &mut Ticket, patch: &TicketPatch, at: Timestamp) {
    patch.apply_to(ticket);
    if at > ticket.updated_at {
        ticket.updated_at = at;
    }
}
