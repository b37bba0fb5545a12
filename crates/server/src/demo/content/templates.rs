//! The vocabulary of the conversation templates (`convo_*`): turns, and a
//! template with its topic and subject.

use super::topics::Topic;

/// One turn of a conversation template: C customer, A agent reply, N note by
/// the assignee, S note by the supervisor.
pub(super) enum Turn {
    C(&'static str),
    A(&'static str),
    N(&'static str),
    S(&'static str),
}

/// A conversation template; a ticket uses a prefix of it that fits its status.
pub(super) struct Convo {
    pub topic: Topic,
    pub subject: &'static str,
    pub turns: &'static [Turn],
}

pub(super) const fn cv(topic: Topic, subject: &'static str, turns: &'static [Turn]) -> Convo {
    Convo {
        topic,
        subject,
        turns,
    }
}
