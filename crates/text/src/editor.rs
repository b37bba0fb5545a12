//! A multi-line, cluster-aware text buffer for the reply composer.
//!
//! The text is kept as lines (no `\n` inside a line). The cursor is a line
//! index and a byte offset that always sits on a display-cluster boundary
//! (see [`super::cluster`]). Rules:
//!
//! - Left/Right move by display cluster (a whole conjunct or emoji sequence),
//!   crossing line ends. Word moves skip non-word clusters, then word clusters
//!   (a word cluster starts with a letter, digit, mark or `_`).
//! - Up/Down move by *visual* row of the wrapped layout and keep the visual
//!   column (in cells, through the [`WidthProfile`]) across consecutive
//!   vertical moves. On the first row Up goes to the start of the text, on
//!   the last row Down goes to the end. Pass `usize::MAX` as the width to move
//!   by logical line. Home/End go to the start/end of the logical line.
//! - Backspace follows the Indic convention: when the display cluster before
//!   the cursor starts with an Indic-script character, it removes ONE code
//!   point (`ಕಿ` + Backspace leaves `ಕ`; `ग्रा` → `ग्र` → `ग्`), so a wrong
//!   vowel sign or consonant is fixed without retyping the syllable. If that
//!   leaves a virama or ZWJ joined to the consonant after the cursor (the
//!   cursor would be inside a cluster), the dangling virama/ZWJ is removed too
//!   (`ಕನ್ನ|ಡ` → `ಕನ|ಡ`). Any other cluster (emoji, flag, ZWJ sequence, Latin
//!   with combining marks) is removed whole, since removing one code point
//!   would leave garbage. Delete removes the whole cluster after the cursor.
//! - When a deletion (Delete, whole-cluster Backspace, Ctrl-W, joining lines)
//!   glues the text before the cursor to the text after it, the cursor moves
//!   back to the start of the glued cluster. After an insertion the cursor
//!   moves forward to the end of the cluster it ends in (typing a virama
//!   before a consonant puts the cursor after the new conjunct).
//! - Inserted text is sanitized ([`super::sanitize()`]): escape sequences,
//!   controls and bidi controls never enter the buffer; `\r\n` becomes a line
//!   break; tabs become spaces.
//! - Layout: [`TextBuffer::visual_lines`] wraps each line with
//!   [`super::wrap()`] at `width - 1` cells, keeping the last column free for
//!   the caret, so [`TextBuffer::cursor_screen_pos`] always returns a column
//!   `< width` (a caret inside spaces dropped at a soft break is shown at the
//!   end of the row, clamped).

use std::ops::Range;

use super::cluster::{
    cluster_indices, is_cluster_boundary, is_indic, next_cluster_boundary, prev_cluster_boundary,
    snap_backward, snap_forward,
};
use super::sanitize::sanitize;
use super::width::WidthProfile;
use super::wrap::wrap_ranges;

/// The reply composer's text and cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBuffer {
    /// Never empty; no line contains `\n`.
    lines: Vec<String>,
    row: usize,
    /// Byte offset in `lines[row]`, on a display-cluster boundary.
    col: usize,
    /// Visual column kept by consecutive Up/Down moves.
    goal_col: Option<usize>,
}

impl Default for TextBuffer {
    fn default() -> Self {
        Self::new()
    }
}

/// Cells available to text when the pane is `width` wide (one is kept for
/// the caret).
fn text_width(width: usize) -> usize {
    width.saturating_sub(1).max(1)
}

fn is_word_cluster(g: &str) -> bool {
    g.chars().next().is_some_and(|c| {
        // Indic marks (an orphan virama, say) count as word; the dandas do not.
        c.is_alphanumeric() || c == '_' || (is_indic(c) && !matches!(c, '\u{0964}' | '\u{0965}'))
    })
}

impl TextBuffer {
    /// An empty buffer.
    pub fn new() -> Self {
        Self {
            lines: vec![String::new()],
            row: 0,
            col: 0,
            goal_col: None,
        }
    }

    /// A buffer holding `text` (sanitized), cursor at the end.
    pub fn from_text(text: &str) -> Self {
        let mut b = Self::new();
        b.set_text(text);
        b
    }

    /// The whole text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The logical lines.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Whether the buffer holds no text at all.
    pub fn is_empty(&self) -> bool {
        self.lines.len() == 1 && self.lines[0].is_empty()
    }

    /// The cursor as (line index, byte offset in that line).
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    /// Places the cursor, clamped into the text and moved back to a cluster
    /// boundary.
    pub fn set_cursor(&mut self, line: usize, byte: usize) {
        self.row = line.min(self.lines.len() - 1);
        let l = &self.lines[self.row];
        self.col = snap_backward(l, crate::cluster::floor_char(l, byte));
        self.goal_col = None;
    }

    /// Replaces the text (sanitized); cursor at the end.
    pub fn set_text(&mut self, text: &str) {
        let clean = sanitize(text);
        self.lines = clean.split('\n').map(str::to_owned).collect();
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.move_to_end();
    }

    /// Removes all text.
    pub fn clear(&mut self) {
        *self = Self::new();
    }

    fn line(&self) -> &str {
        &self.lines[self.row]
    }

    /// Types one character (`\n` breaks the line; controls are ignored).
    pub fn insert_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    /// Inserts (pastes) text at the cursor, sanitized first.
    pub fn insert_str(&mut self, s: &str) {
        self.goal_col = None;
        let clean = sanitize(s);
        if clean.is_empty() {
            return;
        }
        let mut parts = clean.split('\n');
        let first = parts.next().unwrap_or("");
        let row = self.row;
        let tail = self.lines[row].split_off(self.col);
        self.lines[row].push_str(first);
        let new_lines: Vec<String> = parts.map(str::to_owned).collect();
        if !new_lines.is_empty() {
            let n = new_lines.len();
            self.lines.splice(row + 1..row + 1, new_lines);
            self.row = row + n;
        }
        let line = &mut self.lines[self.row];
        let col = line.len();
        line.push_str(&tail);
        self.col = snap_forward(line, col);
    }

    /// Breaks the line at the cursor.
    pub fn newline(&mut self) {
        self.goal_col = None;
        let tail = self.lines[self.row].split_off(self.col);
        self.lines.insert(self.row + 1, tail);
        self.row += 1;
        self.col = 0;
    }

    /// One display cluster left (to the end of the previous line at a line
    /// start).
    pub fn move_left(&mut self) {
        self.goal_col = None;
        if self.col > 0 {
            self.col = prev_cluster_boundary(self.line(), self.col);
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line().len();
        }
    }

    /// One display cluster right (to the start of the next line at a line
    /// end).
    pub fn move_right(&mut self) {
        self.goal_col = None;
        if self.col < self.line().len() {
            self.col = next_cluster_boundary(self.line(), self.col);
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Start of the logical line.
    pub fn home(&mut self) {
        self.goal_col = None;
        self.col = 0;
    }

    /// End of the logical line.
    pub fn end(&mut self) {
        self.goal_col = None;
        self.col = self.line().len();
    }

    /// Start of the text.
    pub fn move_to_start(&mut self) {
        self.goal_col = None;
        self.row = 0;
        self.col = 0;
    }

    /// End of the text.
    pub fn move_to_end(&mut self) {
        self.goal_col = None;
        self.row = self.lines.len() - 1;
        self.col = self.line().len();
    }

    /// Start of the word before the cursor within the line (0 if none).
    fn word_start_before(&self) -> usize {
        let line = self.line();
        let mut pos = self.col;
        while pos > 0 {
            let p = prev_cluster_boundary(line, pos);
            if is_word_cluster(&line[p..pos]) {
                break;
            }
            pos = p;
        }
        while pos > 0 {
            let p = prev_cluster_boundary(line, pos);
            if !is_word_cluster(&line[p..pos]) {
                break;
            }
            pos = p;
        }
        pos
    }

    /// To the start of the previous word (crossing to the previous line's
    /// end at a line start).
    pub fn word_left(&mut self) {
        self.goal_col = None;
        if self.col == 0 {
            self.move_left();
            return;
        }
        self.col = self.word_start_before();
    }

    /// To the end of the next word (crossing to the next line's start at a
    /// line end).
    pub fn word_right(&mut self) {
        self.goal_col = None;
        let line = self.line();
        if self.col == line.len() {
            self.move_right();
            return;
        }
        let mut pos = self.col;
        for want_word in [false, true] {
            while pos < line.len() {
                let n = next_cluster_boundary(line, pos);
                if is_word_cluster(&line[pos..n]) != want_word {
                    break;
                }
                pos = n;
            }
        }
        self.col = pos;
    }

    /// Joins the current line to the previous one (Backspace at a line start).
    fn join_with_previous(&mut self) {
        if self.row == 0 {
            return;
        }
        let cur = self.lines.remove(self.row);
        self.row -= 1;
        let line = &mut self.lines[self.row];
        let col = line.len();
        line.push_str(&cur);
        self.col = snap_backward(line, col);
    }

    /// Removes the text before the cursor back to `start` and keeps the cursor
    /// on a boundary by moving back.
    fn remove_back_to(&mut self, start: usize) {
        let line = &mut self.lines[self.row];
        line.replace_range(start..self.col, "");
        self.col = snap_backward(line, start);
    }

    /// Backspace (see the module documentation for the Indic rule).
    pub fn backspace(&mut self) {
        self.goal_col = None;
        if self.col == 0 {
            self.join_with_previous();
            return;
        }
        let line = &self.lines[self.row];
        let start = prev_cluster_boundary(line, self.col);
        let cluster = &line[start..self.col];
        if !cluster.starts_with(is_indic) {
            self.remove_back_to(start);
            return;
        }
        let line = &mut self.lines[self.row];
        let mut col = self.col;
        // One code point, then any virama/ZWJ left dangling inside a cluster.
        while let Some(c) = line[..col].chars().next_back() {
            col -= c.len_utf8();
            line.replace_range(col..col + c.len_utf8(), "");
            if is_cluster_boundary(line, col) {
                break;
            }
        }
        self.col = col;
    }

    /// The current line up to the cursor.
    pub fn before_cursor(&self) -> &str {
        &self.lines[self.row][..self.col]
    }

    /// Removes `s` from just before the cursor when the line ends with it
    /// there and it starts on a display-cluster boundary (a whole syllable
    /// typed through [`crate::translit`]); returns whether it did. Nothing
    /// changes otherwise.
    pub fn remove_before_cursor(&mut self, s: &str) -> bool {
        if !self.can_remove_before_cursor(s) {
            return false;
        }
        if !s.is_empty() {
            self.goal_col = None;
            self.remove_back_to(self.col - s.len());
        }
        true
    }

    /// Whether [`Self::remove_before_cursor`] would remove `s`.
    pub fn can_remove_before_cursor(&self, s: &str) -> bool {
        let line = &self.lines[self.row];
        self.col.checked_sub(s.len()).is_some_and(|start| {
            line.get(start..self.col) == Some(s) && is_cluster_boundary(line, start)
        })
    }

    /// Delete: removes the whole display cluster after the cursor (joins the
    /// next line at a line end).
    pub fn delete(&mut self) {
        self.goal_col = None;
        let len = self.line().len();
        if self.col == len {
            if self.row + 1 < self.lines.len() {
                let next = self.lines.remove(self.row + 1);
                let line = &mut self.lines[self.row];
                line.push_str(&next);
                self.col = snap_backward(line, self.col);
            }
            return;
        }
        let end = next_cluster_boundary(self.line(), self.col);
        let line = &mut self.lines[self.row];
        line.replace_range(self.col..end, "");
        self.col = snap_backward(line, self.col);
    }

    /// Ctrl-W: removes the word before the cursor and the spaces after it
    /// (joins with the previous line at a line start).
    pub fn delete_word_back(&mut self) {
        self.goal_col = None;
        if self.col == 0 {
            self.join_with_previous();
            return;
        }
        let start = self.word_start_before();
        self.remove_back_to(start);
    }

    /// Byte ranges of the visual rows of logical line `row`.
    fn layout(&self, row: usize, width: usize, profile: &WidthProfile) -> Vec<Range<usize>> {
        wrap_ranges(&self.lines[row], text_width(width), profile)
    }

    /// The visual rows of the whole text wrapped for a pane `width` cells
    /// wide, as slices to draw one per row (spaces dropped at soft breaks are
    /// not included).
    pub fn visual_lines(&self, width: usize, profile: &WidthProfile) -> Vec<&str> {
        let mut out = Vec::with_capacity(self.lines.len());
        for (row, line) in self.lines.iter().enumerate() {
            for r in self.layout(row, width, profile) {
                out.push(&line[r]);
            }
        }
        out
    }

    /// Which visual row of its line the cursor is on, and its column.
    fn visual_in_line(
        &self,
        ranges: &[Range<usize>],
        width: usize,
        profile: &WidthProfile,
    ) -> (usize, usize) {
        let line = self.line();
        let j = ranges
            .iter()
            .rposition(|r| r.start <= self.col)
            .unwrap_or(0);
        let start = ranges.get(j).map_or(0, |r| r.start).min(self.col);
        let col = profile.str_width(&line[start..self.col]);
        (j, col.min(width.saturating_sub(1)))
    }

    /// Where the caret goes in the layout of [`Self::visual_lines`]:
    /// (row from the first visual row, column), with column `< width` when
    /// `width > 0`.
    pub fn cursor_screen_pos(&self, width: usize, profile: &WidthProfile) -> (usize, usize) {
        let rows_before: usize = (0..self.row)
            .map(|r| self.layout(r, width, profile).len())
            .sum();
        let ranges = self.layout(self.row, width, profile);
        let (j, col) = self.visual_in_line(&ranges, width, profile);
        (rows_before + j, col)
    }

    /// The boundary on visual row `k` of logical line `row` closest to
    /// visual column `goal` without passing it.
    fn position_at(
        &self,
        row: usize,
        ranges: &[Range<usize>],
        k: usize,
        goal: usize,
        profile: &WidthProfile,
    ) -> usize {
        let line = &self.lines[row];
        let Some(r) = ranges.get(k) else {
            return line.len();
        };
        let mut pos = r.start;
        let mut acc = 0;
        for (i, g) in cluster_indices(&line[r.clone()]) {
            let cw = profile.cluster_width(g);
            if acc + cw > goal {
                break;
            }
            acc += cw;
            pos = r.start + i + g.len();
        }
        // A position at the start of the next row belongs to that row.
        let next_starts_here = ranges.get(k + 1).is_some_and(|n| n.start == pos);
        if next_starts_here && pos > r.start {
            pos = prev_cluster_boundary(line, pos);
        }
        pos
    }

    /// One visual row up, keeping the visual column.
    pub fn move_up(&mut self, width: usize, profile: &WidthProfile) {
        let ranges = self.layout(self.row, width, profile);
        let (j, col) = self.visual_in_line(&ranges, width, profile);
        let goal = self.goal_col.unwrap_or(col);
        if j > 0 {
            self.col = self.position_at(self.row, &ranges, j - 1, goal, profile);
        } else if self.row > 0 {
            let row = self.row - 1;
            let ranges = self.layout(row, width, profile);
            let k = ranges.len().saturating_sub(1);
            self.col = self.position_at(row, &ranges, k, goal, profile);
            self.row = row;
        } else {
            self.col = 0;
        }
        self.goal_col = Some(goal);
    }

    /// One visual row down, keeping the visual column.
    pub fn move_down(&mut self, width: usize, profile: &WidthProfile) {
        let ranges = self.layout(self.row, width, profile);
        let (j, col) = self.visual_in_line(&ranges, width, profile);
        let goal = self.goal_col.unwrap_or(col);
        if j + 1 < ranges.len() {
            self.col = self.position_at(self.row, &ranges, j + 1, goal, profile);
        } else if self.row + 1 < self.lines.len() {
            let row = self.row + 1;
            let ranges = self.layout(row, width, profile);
            self.col = self.position_at(row, &ranges, 0, goal, profile);
            self.row = row;
        } else {
            self.col = self.line().len();
        }
        self.goal_col = Some(goal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::width::default_profile;

    fn typed(s: &str) -> TextBuffer {
        let mut b = TextBuffer::new();
        for c in s.chars() {
            b.insert_char(c);
        }
        b
    }

    #[test]
    fn typing_and_text() {
        let b = typed("ನಮಸ್ಕಾರ\nनमस्ते");
        assert_eq!(b.text(), "ನಮಸ್ಕಾರ\nनमस्ते");
        assert_eq!(b.lines().len(), 2);
        assert_eq!(b.cursor(), (1, "नमस्ते".len()));
        assert!(!b.is_empty());
        assert!(TextBuffer::new().is_empty());
    }

    #[test]
    fn backspace_removes_one_code_point_in_indic() {
        let mut b = typed("ಕಿ");
        b.backspace();
        assert_eq!(b.text(), "ಕ");
        let mut b = typed("ग्रा");
        b.backspace();
        assert_eq!(b.text(), "ग्र");
        b.backspace();
        assert_eq!(b.text(), "ग्");
        b.backspace();
        assert_eq!(b.text(), "ग");
        b.backspace();
        assert!(b.is_empty());
        let mut b = typed("శ్రీ");
        b.backspace();
        assert_eq!(b.text(), "శ్ర");
    }

    #[test]
    fn backspace_removes_whole_emoji_and_flags() {
        for e in ["👍🏽", "👨‍👩‍👧", "🇳🇵", "e\u{301}"] {
            let mut b = typed(&format!("a{e}"));
            b.backspace();
            assert_eq!(b.text(), "a", "{e}");
        }
        let mut b = typed("🇳🇵🇮🇳");
        b.backspace();
        assert_eq!(b.text(), "🇳🇵");
    }

    #[test]
    fn backspace_inside_text_drops_dangling_virama() {
        let mut b = typed("ಕನ್ನಡ");
        b.move_left(); // before ಡ
        assert_eq!(b.cursor(), (0, "ಕನ್ನ".len()));
        b.backspace();
        assert_eq!(b.text(), "ಕನಡ");
        assert_eq!(b.cursor(), (0, "ಕನ".len()));
    }

    #[test]
    fn delete_removes_whole_cluster() {
        let mut b = typed("ಕನ್ನಡ");
        b.home();
        b.move_right();
        b.delete();
        assert_eq!(b.text(), "ಕಡ");
        let mut b = typed("a👨‍👩‍👧b");
        b.home();
        b.move_right();
        b.delete();
        assert_eq!(b.text(), "ab");
        // Deleting what separated a virama from a consonant moves the cursor
        // back to the start of the new conjunct.
        let mut b = typed("ಕ್👍ತ");
        b.home();
        b.move_right();
        b.delete();
        assert_eq!(b.text(), "ಕ್ತ");
        assert_eq!(b.cursor(), (0, 0));
    }

    #[test]
    fn moves_by_display_cluster() {
        let mut b = typed("ಕನ್ನಡ");
        b.home();
        let mut stops = vec![b.cursor().1];
        for _ in 0..4 {
            b.move_right();
            stops.push(b.cursor().1);
        }
        assert_eq!(stops, [0, 3, 12, 15, 15]);
        b.move_left();
        assert_eq!(b.cursor().1, 12);
        b.move_left();
        assert_eq!(b.cursor().1, 3);
    }

    #[test]
    fn left_right_cross_lines() {
        let mut b = typed("ab\ncd");
        b.home();
        b.move_left();
        assert_eq!(b.cursor(), (0, 2));
        b.move_right();
        assert_eq!(b.cursor(), (1, 0));
    }

    #[test]
    fn typing_a_virama_before_a_consonant_moves_past_the_conjunct() {
        let mut b = typed("ಕತ");
        b.move_left();
        b.insert_char('\u{0CCD}');
        assert_eq!(b.text(), "ಕ್ತ");
        assert_eq!(b.cursor(), (0, "ಕ್ತ".len()));
    }

    #[test]
    fn words() {
        let mut b = typed("hello ಕನ್ನಡ world");
        b.word_left();
        assert_eq!(b.cursor().1, "hello ಕನ್ನಡ ".len());
        b.word_left();
        assert_eq!(b.cursor().1, "hello ".len());
        b.word_right();
        assert_eq!(b.cursor().1, "hello ಕನ್ನಡ".len());
        b.end();
        b.delete_word_back();
        assert_eq!(b.text(), "hello ಕನ್ನಡ ");
        b.delete_word_back();
        assert_eq!(b.text(), "hello ");
        b.delete_word_back();
        assert_eq!(b.text(), "");
        let mut b = typed("a\nb");
        b.home();
        b.delete_word_back();
        assert_eq!(b.text(), "ab");
    }

    #[test]
    fn paste_is_sanitized() {
        let mut b = typed("ab");
        b.move_left();
        b.insert_str("x\u{1b}[2Jy\r\nz\u{202e}w\tq");
        assert_eq!(b.text(), "axy\nzw  qb");
        assert_eq!(b.cursor(), (1, "zw  q".len()));
        b.insert_char('\u{7}');
        assert_eq!(b.text(), "axy\nzw  qb");
    }

    #[test]
    fn newline_home_end_clear() {
        let mut b = typed("abcd");
        b.move_left();
        b.move_left();
        b.newline();
        assert_eq!(b.text(), "ab\ncd");
        assert_eq!(b.cursor(), (1, 0));
        b.end();
        assert_eq!(b.cursor(), (1, 2));
        b.home();
        b.backspace();
        assert_eq!(b.text(), "abcd");
        assert_eq!(b.cursor(), (0, 2));
        b.clear();
        assert!(b.is_empty());
        assert_eq!(b.cursor(), (0, 0));
    }

    #[test]
    fn set_text_and_cursor() {
        let mut b = TextBuffer::new();
        b.set_text("one\r\ntwo ಕನ್ನಡ");
        assert_eq!(b.lines(), ["one", "two ಕನ್ನಡ"]);
        assert_eq!(b.cursor(), (1, "two ಕನ್ನಡ".len()));
        b.set_cursor(1, 4 + 5); // inside ನ್ನ
        assert_eq!(b.cursor(), (1, 4 + 3));
        b.set_cursor(9, 99);
        assert_eq!(b.cursor(), (1, "two ಕನ್ನಡ".len()));
    }

    #[test]
    fn screen_position_follows_wrapping() {
        let p = default_profile();
        // width 6 -> text wraps at 5 cells
        let b = typed("hello world");
        assert_eq!(b.visual_lines(6, p), ["hello", "world"]);
        assert_eq!(b.cursor_screen_pos(6, p), (1, 5));
        let mut b = typed("abcdefghij");
        assert_eq!(b.visual_lines(6, p), ["abcde", "fghij"]);
        assert_eq!(b.cursor_screen_pos(6, p), (1, 5));
        b.set_cursor(0, 5);
        assert_eq!(b.cursor_screen_pos(6, p), (1, 0));
        // Kannada: ರೀ is 2 cells with the default profile
        let b = typed("ರೀ\nಕನ್ನಡ");
        assert_eq!(b.cursor_screen_pos(20, p), (1, 4));
        assert_eq!(b.visual_lines(20, p), ["ರೀ", "ಕನ್ನಡ"]);
        // caret in the spaces dropped at a soft break is clamped
        let mut b = typed("hello     world");
        b.set_cursor(0, 8);
        assert_eq!(b.cursor_screen_pos(7, p), (0, 6));
    }

    #[test]
    fn up_down_keep_visual_column() {
        let p = default_profile();
        let mut b = typed("ಕನ್ನಡ abc\nx\nabcdefgh");
        b.move_to_start();
        b.move_right();
        b.move_right(); // after ನ್ನ: column 3
        assert_eq!(b.cursor_screen_pos(40, p), (0, 3));
        b.move_down(40, p);
        assert_eq!(b.cursor(), (1, 1));
        b.move_down(40, p);
        assert_eq!(b.cursor(), (2, 3));
        b.move_up(40, p);
        b.move_up(40, p);
        assert_eq!(b.cursor(), (0, "ಕನ್ನ".len()));
        b.move_up(40, p);
        assert_eq!(b.cursor(), (0, 0));
        b.move_to_end();
        b.move_down(40, p);
        assert_eq!(b.cursor(), (2, 8));
        // visual rows of one wrapped line
        let mut b = typed("abcdefghij");
        b.set_cursor(0, 2);
        b.move_down(6, p);
        assert_eq!(b.cursor(), (0, 7));
        b.move_up(6, p);
        assert_eq!(b.cursor(), (0, 2));
        // a column past the end of a forced-broken row stays on that row
        b.set_cursor(0, 10);
        assert_eq!(b.cursor_screen_pos(6, p), (1, 5));
        b.move_up(6, p);
        assert_eq!(b.cursor(), (0, 4));
        assert_eq!(b.cursor_screen_pos(6, p), (0, 4));
    }
}
