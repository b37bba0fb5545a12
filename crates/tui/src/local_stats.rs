//! The supervisor screen's figures when the backend computes none
//! (`Capabilities::stats` is false): counted from this console's cache.
//! Each count is the length of the list its row opens (the same
//! `TicketFilter`), so a figure and its drill-down always agree. What only
//! a server can know (waiting times, arrivals, surveys, who is online) is
//! left out, and the screen says where the counts come from.

use sahaya_protocol::domain::{AgentId, Channel, Presence, Priority, Role, Status, Timestamp};
use sahaya_protocol::wire::{AgentLoad, QueueStats, SlaStats, ViewCounts};
use sahaya_store::{Store, TicketFilter};

/// The figures the cache can give at `now`, with the view counts already
/// read for it. A count the cache cannot give is logged and shown as 0.
pub fn count(store: &Store, counts: &ViewCounts, now: Timestamp) -> QueueStats {
    let count = |f: TicketFilter| {
        store.filtered_count(&f, now).unwrap_or_else(|e| {
            tracing::warn!("cannot count tickets for {f:?}: {e}");
            0
        })
    };
    let mut views = counts.clone();
    // As in the server's figures: "mine" means nothing on this screen.
    views.mine = 0;
    let by_status = Status::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), count(TicketFilter::Status(*s))))
        .collect();
    let by_priority = Priority::ALL
        .iter()
        .map(|p| (p.as_str().to_string(), count(TicketFilter::Priority(*p))))
        .collect();
    let by_channel = Channel::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), count(TicketFilter::Channel(*c))))
        .collect();
    let sla = SlaStats {
        breached: count(TicketFilter::SlaBreached),
        due_15min: count(TicketFilter::SlaDueWithin(15)),
        due_60min: count(TicketFilter::SlaDueWithin(60)),
    };
    let agents = store
        .agents()
        .unwrap_or_else(|e| {
            tracing::warn!("cannot read agents: {e}");
            Vec::new()
        })
        .into_iter()
        .filter(|a| a.role != Role::Integration)
        .map(|a| load(a.id, a.name, count(TicketFilter::Assignee(a.id))))
        .collect();
    QueueStats {
        views,
        by_status,
        by_priority,
        by_channel,
        sla,
        agents,
        ..QueueStats::default()
    }
}

fn load(agent_id: AgentId, name: String, open_tickets: i64) -> AgentLoad {
    AgentLoad {
        agent_id,
        name,
        // Not known without presence from the backend; not shown.
        presence: Presence::Offline,
        open_tickets,
    }
}
