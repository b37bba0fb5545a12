//! Supervisor alerts: the limits of the config file's `[alerts]`, which of
//! them the latest figures are over, and which started firing just now (a
//! notification goes out when one starts, not on every update).

use serde::Deserialize;

use sahaya_i18n::I18n;
use sahaya_protocol::wire::QueueStats;

use crate::notify::NotifyStyle;

/// `[alerts]` in the config file.
///
/// ```toml
/// [alerts]
/// unassigned = 20      # more than 20 unassigned tickets (default 20)
/// sla_breached = 0     # any SLA breach (default 0; -1 turns an alert off)
/// notify = "auto"      # auto, osc9, osc777, bell or off
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRules {
    /// Alert when more active tickets than this are unassigned.
    pub unassigned: Option<i64>,
    /// Alert when more tickets than this are past their SLA deadline.
    pub sla_breached: Option<i64>,
    /// How the terminal is told.
    pub notify: Option<NotifyStyle>,
}

impl AlertRules {
    /// The limit of `alert`, None when it is turned off.
    pub fn limit(&self, alert: Alert) -> Option<i64> {
        let (set, default) = match alert {
            Alert::Unassigned => (self.unassigned, 20),
            Alert::SlaBreached => (self.sla_breached, 0),
        };
        match set.unwrap_or(default) {
            n if n < 0 => None,
            n => Some(n),
        }
    }

    /// Whether `stats` are over the limit of `alert`.
    pub fn fires(&self, alert: Alert, stats: &QueueStats) -> bool {
        self.limit(alert)
            .is_some_and(|limit| alert.value(stats) > limit)
    }

    /// The alerts `stats` set off.
    pub fn firing(&self, stats: &QueueStats) -> Vec<Alert> {
        Alert::ALL
            .into_iter()
            .filter(|a| self.fires(*a, stats))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Alert {
    Unassigned,
    SlaBreached,
}

impl Alert {
    pub const ALL: [Alert; 2] = [Alert::Unassigned, Alert::SlaBreached];

    pub fn value(self, stats: &QueueStats) -> i64 {
        match self {
            Alert::Unassigned => stats.views.unassigned,
            Alert::SlaBreached => stats.sla.breached,
        }
    }

    /// The notification text, in the console's language.
    pub fn text(self, i18n: &I18n, stats: &QueueStats) -> String {
        let id = match self {
            Alert::Unassigned => "alert-unassigned",
            Alert::SlaBreached => "alert-sla-breached",
        };
        i18n.tr_args(id, &[("count", self.value(stats).into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_default_and_turn_off() {
        let mut stats = QueueStats::default();
        stats.views.unassigned = 21;
        let rules = AlertRules::default();
        assert_eq!(rules.firing(&stats), vec![Alert::Unassigned]);
        stats.sla.breached = 1;
        assert_eq!(rules.firing(&stats).len(), 2);
        let off = AlertRules {
            unassigned: Some(-1),
            sla_breached: Some(5),
            notify: None,
        };
        assert!(off.firing(&stats).is_empty());
        let parsed: AlertRules = toml::from_str("unassigned = 5\nnotify = \"osc777\"\n").unwrap();
        assert_eq!(parsed.limit(Alert::Unassigned), Some(5));
        assert_eq!(parsed.notify, Some(NotifyStyle::Osc777));
        assert!(toml::from_str::<AlertRules>("colour = 1").is_err());
    }
}
