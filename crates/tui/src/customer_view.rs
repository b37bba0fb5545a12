//! The customer's history: profile, orders with shipments, returns, refunds,
//! exchanges, past tickets, satisfaction. The rows are laid out (wrapped,
//! scrolled) by `prepare`; this draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::{App, Pane};
use super::draw;
use super::frames::framed_pane;

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let inner = framed_pane(app, buf, area, &app.t("pane-customer"), Pane::Customer);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    for (i, (s, style)) in app
        .prepared
        .customer
        .iter()
        .take(inner.height as usize)
        .enumerate()
    {
        draw::put_str(
            buf,
            inner.x,
            inner.y + i as u16,
            inner.right(),
            s,
            *style,
            &app.profile,
        );
    }
}
