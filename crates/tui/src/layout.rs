//! Where things go on the screen: pure geometry, shared by the frame
//! preparation (which loads what each area will show) and the views (which
//! draw it), so both agree on every size.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::{App, Pane};

/// Panes laid out for the terminal's width.
pub struct Areas {
    pub list: Option<Rect>,
    pub thread: Option<Rect>,
    pub customer: Option<Rect>,
}

/// The tab row, the panes between, the status bar.
pub fn screen(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Three panes from 150 columns, two from 100, else the focused one alone.
pub fn layout(app: &App, area: Rect) -> Areas {
    if area.width >= 150 {
        let [l, t, c] = Layout::horizontal([
            Constraint::Percentage(38),
            Constraint::Percentage(37),
            Constraint::Percentage(25),
        ])
        .areas(area);
        Areas {
            list: Some(l),
            thread: Some(t),
            customer: Some(c),
        }
    } else if area.width >= 100 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(area);
        if app.focus == Pane::Customer {
            Areas {
                list: Some(l),
                thread: None,
                customer: Some(r),
            }
        } else {
            Areas {
                list: Some(l),
                thread: Some(r),
                customer: None,
            }
        }
    } else {
        match app.focus {
            Pane::List => Areas {
                list: Some(area),
                thread: None,
                customer: None,
            },
            Pane::Thread => Areas {
                list: None,
                thread: Some(area),
                customer: None,
            },
            Pane::Customer => Areas {
                list: None,
                thread: None,
                customer: Some(area),
            },
        }
    }
}

/// Inside a pane's border.
pub fn inner(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area)
}

/// The conversation pane and, when the composer is open, the composer
/// under it.
pub fn thread_and_composer(app: &App, area: Rect) -> (Rect, Rect) {
    let composer_h = if app.composer.is_some() {
        (area.height / 3).clamp(5, 12)
    } else {
        0
    };
    let thread = Rect {
        height: area.height.saturating_sub(composer_h),
        ..area
    };
    let composer = Rect {
        y: area.y + thread.height,
        height: composer_h,
        ..area
    };
    (thread, composer)
}

/// The conversation's rows under its header line and, when someone else
/// has the ticket open (and there is room), the line saying who.
pub fn thread_body(inner: Rect, viewers_row: bool) -> Rect {
    let top = 1 + u16::from(viewers_row);
    Rect {
        y: inner.y + top,
        height: inner.height.saturating_sub(top),
        ..inner
    }
}
