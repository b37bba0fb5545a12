//! The status bar: who is logged in, connection, outbox, last sync, notices.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::app::App;
use super::draw::{self, Part};
use sahaya_protocol::events::Connection;
use sahaya_text as text;

/// How long a flash stays in the status bar.
pub const FLASH_SECS: i64 = 6;

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let base = app.theme.status_bar;
    draw::fill(buf, area, base);
    let mut parts = Vec::new();
    // Parts given up when a notice (the last part) would not fit otherwise.
    let mut spare: Vec<usize> = Vec::new();
    let mut notice = false;
    // Latin typing first, where the eye is while typing: on, the script it
    // types; off in a text field, the key that turns it on (given up for
    // a notice).
    if let Some((part, offer)) = typing_part(app, base) {
        if offer {
            spare.push(parts.len());
        }
        parts.push(part);
    }
    if let Some(me) = &app.me {
        let who = app.i18n.tr_args(
            "logged-in-as",
            &[("name", text::sanitize_line(&me.name).into_owned().into())],
        );
        spare.push(parts.len());
        parts.push(Part::new(
            format!(" {who} "),
            base.add_modifier(Modifier::BOLD),
        ));
    }
    let (conn, style) = match &app.connection {
        Connection::Connecting => (app.t("conn-connecting"), base.patch(app.theme.status_busy)),
        Connection::Online => (app.t("conn-online"), base.patch(app.theme.status_ok)),
        Connection::Degraded(_) => (app.t("conn-degraded"), base.patch(app.theme.status_busy)),
        Connection::Reconnecting => (
            app.t("conn-reconnecting"),
            base.patch(app.theme.status_busy),
        ),
        Connection::Offline(_) => (app.t("conn-offline"), base.patch(app.theme.status_down)),
        Connection::Unauthorized(_) => (
            app.t("conn-unauthorized"),
            base.patch(app.theme.status_down),
        ),
    };
    // Pages of the feed arriving say more than "connecting": the server
    // answered; the stream opens when the catch-up is done.
    let pulling = app.progress.is_some()
        && matches!(
            app.connection,
            Connection::Connecting | Connection::Reconnecting
        );
    if !pulling {
        parts.push(Part::new(format!("● {conn} "), style));
    }
    if let Some((done, total)) = app.progress {
        let pct = if total > 0 { done * 100 / total } else { 0 };
        let bullet = if pulling { "● " } else { "" };
        parts.push(Part::new(
            format!(
                "{bullet}{} ",
                app.i18n
                    .tr_args("sync-progress", &[("percent", pct.into())])
            ),
            base.patch(app.theme.status_busy),
        ));
    }
    if app.outbox_waiting > 0 {
        parts.push(Part::new(
            app.i18n
                .tr_args("outbox-waiting", &[("count", app.outbox_waiting.into())])
                + " ",
            base.patch(app.theme.status_busy),
        ));
    }
    if app.outbox_problems > 0 {
        parts.push(Part::new(
            app.i18n
                .tr_args("outbox-problems", &[("count", app.outbox_problems.into())])
                + " ",
            base.patch(app.theme.status_down),
        ));
    }
    if app.undelivered > 0 {
        parts.push(Part::new(
            app.i18n
                .tr_args("undelivered-count", &[("count", app.undelivered.into())])
                + " ",
            base.patch(app.theme.status_down),
        ));
    }
    if let Some(at) = app.last_sync {
        let time = app.i18n.clock(at);
        spare.push(parts.len());
        parts.push(Part::new(
            app.i18n.tr_args("last-sync", &[("time", time.into())]) + " ",
            base.patch(app.theme.status_hint),
        ));
    }
    if !app.pending_keys.is_empty() {
        parts.push(Part::new(
            app.pending_keys.join("  "),
            base.patch(app.theme.status_keys),
        ));
    } else if let Some((text, at)) = &app.flash {
        if (app.prepared.now - *at).num_seconds() < FLASH_SECS {
            parts.push(Part::new(
                format!("│ {}", text::sanitize_line(text)),
                base.patch(app.theme.status_notice),
            ));
            notice = true;
        }
    } else if let Some(text) = connection_detail(app) {
        parts.push(Part::new(
            format!("│ {text}"),
            base.patch(app.theme.status_hint),
        ));
        notice = true;
    }
    let help = app.key_for(sahaya_keymap::Action::Help);
    let hint = app.i18n.tr_args("help-hint", &[("key", help.into())]);
    let mut hint_w = app.profile.str_width(&hint) as u16 + 1;
    // A notice (last part) is what the agent must read: the last sync time,
    // then the name, then the help hint make room for it.
    let width =
        |parts: &[Part]| -> usize { parts.iter().map(|p| app.profile.str_width(&p.text)).sum() };
    if notice {
        // Rightmost first (the last sync time stands right of the name), so
        // removing one leaves the other's index as it was.
        spare.sort_unstable_by(|a, b| b.cmp(a));
        for i in spare {
            if width(&parts) <= area.width.saturating_sub(hint_w) as usize {
                break;
            }
            parts.remove(i);
        }
        if width(&parts) > area.width.saturating_sub(hint_w) as usize {
            hint_w = 0;
        }
    }
    let left = Rect {
        width: area.width.saturating_sub(hint_w),
        ..area
    };
    draw::parts(buf, left, &parts, &app.profile);
    if hint_w > 0 && area.width > hint_w + 20 {
        draw::put_str(
            buf,
            area.right() - hint_w,
            area.y,
            area.right(),
            &hint,
            base.patch(app.theme.status_hint),
            &app.profile,
        );
    }
}

/// The Latin typing switch of the field being typed in (the console's
/// when none is): the script when it is on, an offer when it is off in a
/// text field (the reply's customer's script first). True for an offer.
fn typing_part(app: &App, base: ratatui::style::Style) -> Option<(Part<'static>, bool)> {
    let t = crate::typing_focus::shown_switch(app);
    let badge = |s: sahaya_text::Script| format!("{} {}", s.letter(), s.native_name());
    if t.is_on() {
        let part = Part::new(
            format!(" {} ", badge(t.script())),
            base.patch(app.theme.status_typing),
        );
        return Some((part, false));
    }
    crate::typing_focus::focused_switch(app)?;
    let key = app.key_for(sahaya_keymap::Action::ToggleTransliteration);
    if key.is_empty() {
        return None;
    }
    let script = badge(t.proposed().unwrap_or(t.script()));
    let text = app.i18n.tr_args(
        "typing-offer",
        &[("key", key.into()), ("script", script.into())],
    );
    Some((
        Part::new(format!(" {text} "), base.patch(app.theme.status_hint)),
        true,
    ))
}

/// Why the connection is not online: the technical detail (from the network
/// or the server, shown inert) with what sahaya does about it in the agent's
/// language. Offline and degraded retry by themselves; a refused token needs
/// the agent.
fn connection_detail(app: &App) -> Option<String> {
    let (detail, then) = match &app.connection {
        Connection::Offline(d) | Connection::Degraded(d) => (d, app.t("conn-retrying")),
        Connection::Unauthorized(d) => (d, app.t("error-unauthorized")),
        _ => return None,
    };
    let detail = text::sanitize_line(detail);
    Some(if detail.trim().is_empty() {
        then
    } else {
        format!("{detail} · {then}")
    })
}
