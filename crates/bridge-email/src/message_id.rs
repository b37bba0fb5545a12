//! The bridge's own Message-IDs: made from the sahaya message id (the same
//! on every attempt, so a resend is recognized), and read back from a
//! customer's In-Reply-To or References.

/// What a survey mail asks: CSAT always, NPS when `nps`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyTag {
    pub nps: bool,
}

/// The Message-ID (no brackets) a message goes out with, the same on every
/// attempt: `sahaya-msg-<id>@<domain>`, or for a survey
/// `sahaya-survey-<id>-<ticket>[-nps]@<domain>`, so that an answer naming it
/// is known for one without asking anybody.
pub fn message_id(
    message_id: i64,
    ticket_id: i64,
    survey: Option<SurveyTag>,
    domain: &str,
) -> String {
    match survey {
        None => format!("sahaya-msg-{message_id}@{domain}"),
        Some(tag) => format!(
            "sahaya-survey-{message_id}-{ticket_id}{}@{domain}",
            if tag.nps { "-nps" } else { "" }
        ),
    }
}

/// One of the bridge's own Message-IDs, read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnId {
    /// The sahaya message id.
    pub message_id: i64,
    /// For a survey: its ticket and what it asked.
    pub survey: Option<(i64, SurveyTag)>,
}

/// Reads an id made by [`message_id`] with `domain`; None for any other.
pub fn own_id(id: &str, domain: &str) -> Option<OwnId> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let (local, right) = id.rsplit_once('@')?;
    if !right.eq_ignore_ascii_case(domain) {
        return None;
    }
    if let Some(number) = local.strip_prefix("sahaya-msg-") {
        return Some(OwnId {
            message_id: number.parse().ok()?,
            survey: None,
        });
    }
    let rest = local.strip_prefix("sahaya-survey-")?;
    let (rest, nps) = match rest.strip_suffix("-nps") {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let (message, ticket) = rest.split_once('-')?;
    Some(OwnId {
        message_id: message.parse().ok()?,
        survey: Some((ticket.parse().ok()?, SurveyTag { nps })),
    })
}

/// An id fit to be written back into a header: no brackets, spaces or
/// control characters (a crafted id must not inject a header).
pub fn header_id(id: &str) -> Option<String> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let ok = !id.is_empty()
        && id.len() <= 250
        && id
            .chars()
            .all(|c| c.is_ascii_graphic() && c != '<' && c != '>');
    ok.then(|| id.to_owned())
}
