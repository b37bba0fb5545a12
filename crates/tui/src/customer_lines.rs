//! The customer pane's content: profile, orders with shipments, returns,
//! refunds, exchanges, past tickets, satisfaction, as styled lines before
//! wrapping (laid out by `prepare`, drawn by `customer_view`).

use ratatui::style::Style;

use super::app::App;
use sahaya_protocol::domain::SurveyKind;
use sahaya_text as text;

type Styled = (String, Style);

/// The pane's content as lines (before wrapping).
pub fn lines(app: &App) -> Vec<Styled> {
    let theme = &app.theme;
    let heading = |s: String| (s, theme.heading);
    let plain = |s: String| (s, theme.plain);
    let dim = |s: String| (s, theme.dim);
    let mut out = Vec::new();
    let Some(detail) = app.open.as_ref().and_then(|o| o.customer.as_ref()) else {
        out.push(dim(app.t("select-ticket")));
        return out;
    };
    let now = app.prepared.now;
    let c = &detail.customer;
    out.push((text::sanitize_line(&c.name).into_owned(), app.theme.bold));
    // Helpdesks without a language field (or a user who never set one) leave
    // it empty; RT writes locales such as `kn_IN`.
    let code = c
        .preferred_language
        .split(['_', '-', '.'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if !code.is_empty() {
        let id = format!("language-{code}");
        let name = app.t(&id);
        let lang = if name == id {
            text::sanitize_line(&c.preferred_language).into_owned()
        } else {
            name
        };
        out.push(plain(format!(
            "{}: {}",
            app.t("label-preferred-language"),
            lang
        )));
    }
    if !c.city.is_empty() {
        out.push(plain(format!(
            "{}: {}",
            app.t("label-city"),
            text::sanitize_line(&c.city)
        )));
    }
    // Without orders there is no lifetime value to show (not a ₹0).
    if app.capabilities.orders {
        out.push(plain(format!(
            "{}: {}",
            app.t("label-lifetime-value"),
            app.i18n.money(c.lifetime_value)
        )));
    }
    for h in &c.handles {
        out.push(dim(format!(
            "{}: {}",
            app.t(&format!("channel-{}", h.channel.as_str())),
            text::sanitize_line(&h.value)
        )));
    }
    if !c.notes.trim().is_empty() {
        out.push(plain(format!(
            "{}: {}",
            app.t("label-notes"),
            text::sanitize(&c.notes)
        )));
    }
    // A helpdesk without orders has no order history to show.
    if app.capabilities.orders {
        out.push(plain(String::new()));
        out.push(heading(app.t("label-orders")));
    }
    for o in &detail.orders {
        out.push((
            format!(
                "{} · {} · {}",
                o.id,
                app.i18n.when(o.placed_at, now),
                app.i18n.money(o.total)
            ),
            app.theme.bold,
        ));
        for item in &o.items {
            let variant = item
                .variant
                .as_deref()
                .map(|v| format!(" ({})", text::sanitize_line(v)))
                .unwrap_or_default();
            out.push(plain(format!(
                "  {} × {}{variant}",
                app.num(item.quantity),
                text::sanitize_line(&item.name)
            )));
        }
        out.push(dim(format!(
            "  {}: {} · {}",
            app.t("label-payment"),
            app.t(&format!("payment-{}", o.payment_method.as_str())),
            app.t(&format!("payment-status-{}", o.payment_status.as_str()))
        )));
        if let Some(s) = &o.shipment {
            let late = if s.late {
                format!(" · {}", app.t("label-late"))
            } else {
                String::new()
            };
            let eta = s
                .eta
                .map(|e| format!(" · {} {}", app.t("label-eta"), app.i18n.when(e, now)))
                .unwrap_or_default();
            let style = if s.late {
                app.theme.bad
            } else {
                app.theme.good
            };
            out.push((
                format!(
                    "  {} {} · {}{eta}{late}",
                    text::sanitize_line(&s.carrier),
                    text::sanitize_line(&s.tracking_number),
                    app.t(&format!("shipment-{}", s.status.as_str()))
                ),
                style,
            ));
            for e in s.events.iter().rev().take(4) {
                out.push(dim(format!(
                    "    {} {} — {}",
                    app.i18n.when(e.at, now),
                    text::sanitize_line(&e.location),
                    text::sanitize_line(&e.description)
                )));
            }
        }
    }
    for (label, actions) in [
        ("label-refunds", &detail.refunds),
        ("label-returns", &detail.returns),
        ("label-exchanges", &detail.exchanges),
        ("label-order-changes", &detail.changes),
    ] {
        if actions.is_empty() {
            continue;
        }
        out.push(plain(String::new()));
        out.push(heading(app.t(label)));
        for a in actions.iter() {
            let amount = a
                .amount
                .map(|m| format!(" {}", app.i18n.money(m)))
                .unwrap_or_default();
            let variant = a
                .replacement_variant
                .as_deref()
                .map(|v| format!(" → {}", text::sanitize_line(v)))
                .unwrap_or_default();
            // Cancellations, address changes and reattempts: which, and what.
            let change = match (&a.address, &a.slot) {
                _ if label != "label-order-changes" => String::new(),
                (Some(address), _) => format!(
                    " {} → {}",
                    app.t(&format!("order-action-{}", a.kind.as_str())),
                    text::sanitize_line(&address.one_line())
                ),
                (_, Some(slot)) => format!(
                    " {} → {} {}",
                    app.t(&format!("order-action-{}", a.kind.as_str())),
                    app.i18n.date(slot.date),
                    app.t(&format!("slot-window-{}", slot.window.as_str()))
                ),
                _ => format!(" {}", app.t(&format!("order-action-{}", a.kind.as_str()))),
            };
            out.push(plain(format!(
                "{}{change}{amount}{variant} · {} · {}",
                a.order_id,
                app.t(&format!("action-status-{}", a.status.as_str())),
                text::sanitize_line(&a.reason)
            )));
        }
    }
    if !detail.tickets.is_empty() {
        out.push(plain(String::new()));
        out.push(heading(app.t("label-past-tickets")));
        for t in &detail.tickets {
            out.push(plain(format!(
                "#{} {} · {}",
                t.id,
                app.t(&format!("status-{}", t.status.as_str())),
                text::sanitize_line(&t.subject)
            )));
        }
    }
    if !detail.surveys.is_empty() {
        out.push(plain(String::new()));
        out.push(heading(app.t("label-satisfaction")));
        for s in detail.surveys.iter().take(8) {
            let (kind, max) = match s.kind {
                SurveyKind::Csat => ("CSAT", 5),
                SurveyKind::Nps => ("NPS", 10),
            };
            let style = if s.score * 10 / max >= 7 {
                app.theme.good
            } else {
                app.theme.bad
            };
            out.push((
                format!(
                    "{kind} {}/{} · {}",
                    app.num(s.score),
                    app.num(max),
                    text::sanitize_line(&s.comment)
                ),
                style,
            ));
        }
    }
    out
}
