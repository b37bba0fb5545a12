//! A drawn frame, read back as text, and the check every frame must pass:
//! nothing a terminal would act on reaches a cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// A rendered frame: its cells and where the terminal's cursor was left.
pub struct Screen {
    pub buf: Buffer,
    pub cursor: (u16, u16),
}

impl From<Buffer> for Screen {
    fn from(buf: Buffer) -> Screen {
        Screen {
            buf,
            cursor: (0, 0),
        }
    }
}

impl Screen {
    pub fn area(&self) -> Rect {
        self.buf.area
    }

    pub fn sym(&self, x: u16, y: u16) -> &str {
        self.buf[(x, y)].symbol()
    }

    /// Row `y` as text (covered cells of wide clusters add nothing).
    pub fn row(&self, y: u16) -> String {
        self.span(y, 0, self.area().width)
    }

    /// Row `y` between columns `x0..x1`.
    pub fn span(&self, y: u16, x0: u16, x1: u16) -> String {
        (x0..x1).map(|x| self.sym(x, y)).collect()
    }

    /// Every row, joined by newlines.
    pub fn text(&self) -> String {
        (0..self.area().height)
            .map(|y| self.row(y))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The text inside `r`.
    pub fn text_in(&self, r: Rect) -> String {
        (r.top()..r.bottom())
            .map(|y| self.span(y, r.left(), r.right()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn contains(&self, s: &str) -> bool {
        self.text().contains(s)
    }

    #[track_caller]
    pub fn assert_has(&self, s: &str) {
        assert!(self.contains(s), "screen lacks {s:?}:\n{}", self.text());
    }

    #[track_caller]
    pub fn assert_lacks(&self, s: &str) {
        assert!(!self.contains(s), "screen shows {s:?}:\n{}", self.text());
    }

    /// The first row containing `s`.
    pub fn row_of(&self, s: &str) -> Option<u16> {
        (0..self.area().height).find(|y| self.row(*y).contains(s))
    }

    /// The cell column where `s` starts on its first row.
    pub fn find(&self, s: &str) -> Option<(u16, u16)> {
        let y = self.row_of(s)?;
        (0..self.area().width)
            .find(|x| self.span(y, *x, self.area().width).starts_with(s))
            .map(|x| (x, y))
    }

    /// The highlighted item of an open picker, palette or search list:
    /// the text of the first row below the tabs drawn on cyan.
    pub fn highlighted(&self) -> Option<String> {
        (1..self.area().height).find_map(|y| {
            let cells: String = (0..self.area().width)
                .filter(|x| self.buf[(*x, y)].bg == Color::Cyan)
                .map(|x| self.sym(x, y))
                .collect();
            (!cells.is_empty()).then_some(cells)
        })
    }

    /// The status bar (last row).
    pub fn status(&self) -> String {
        self.row(self.area().height - 1)
    }

    /// On the supervisor screen, what follows the name of row `label` on
    /// its line (rows flow into columns, so one line can hold several).
    #[track_caller]
    pub fn after_label(&self, label: &str) -> String {
        let text = self.text();
        let needle = format!("  {label} ");
        let line = text
            .lines()
            .skip(2)
            .find(|l| l.contains(&needle))
            .unwrap_or_else(|| panic!("no row {label:?}:\n{text}"));
        line[line.find(&needle).unwrap() + needle.len()..].to_string()
    }

    /// The cells holding a character a terminal would act on (see
    /// [`is_forbidden`]): column, row, the cell's symbol and that character.
    pub fn forbidden_cells(&self) -> impl Iterator<Item = (u16, u16, &str, char)> {
        let area = self.area();
        (0..area.height).flat_map(move |y| {
            (0..area.width).filter_map(move |x| {
                let sym = self.sym(x, y);
                sym.chars()
                    .find(|c| is_forbidden(*c))
                    .map(|c| (x, y, sym, c))
            })
        })
    }
}

/// What must never reach a cell (invariant 4): ESC and every other C0/C1
/// control, DEL, bidi controls, deprecated format characters, the BOM and
/// the line and paragraph separators.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() // C0, DEL, C1 (ESC included)
        || sahaya_text::sanitize::is_bidi_control(c)
        || matches!(c, '\u{206A}'..='\u{206F}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}
