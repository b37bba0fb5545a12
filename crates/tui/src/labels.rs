//! Names of domain values in the console's language, for views and flows.

use sahaya_protocol::domain::{Channel, Priority, Status};
use sahaya_protocol::wire::View;

use super::app::App;

pub fn status_label(app: &App, s: Status) -> String {
    app.t(&format!("status-{}", s.as_str()))
}

pub fn priority_label(app: &App, p: Priority) -> String {
    app.t(&format!("priority-{}", p.as_str()))
}

pub fn channel_label(app: &App, c: Channel) -> String {
    app.t(&format!("channel-{}", c.as_str()))
}

pub fn view_label(app: &App, v: View) -> String {
    app.t(&format!("view-{}", v.as_str().replace('_', "-")))
}
