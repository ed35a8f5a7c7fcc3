//! Plain-text tables for the command line, aligned on the terminal's cell grid (CJK
//! characters take two cells) and fitted to a width by shrinking chosen columns.
//!
//! Every cell passes through `term_safe` (and line breaks become spaces), so callers may
//! hand in text straight from the database.

use crate::text::sanitize::term_safe;
use crate::text::width::{display_width, pad_left, pad_right, truncate, wrap_names};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
struct Column {
    header: String,
    align: Align,
    /// Widest the column gets, whatever its cells hold.
    max: usize,
}

/// A table being filled; [`Table::write`] lays it out.
#[derive(Debug, Clone, Default)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Row>,
    /// Shrink steps, in order, when the table is too wide: (column, narrowest).
    shrink: Vec<(usize, usize)>,
    /// Wrap the last column (a list of names) onto continuation lines instead of cutting it.
    wrap_last: bool,
    /// The widest cell of each column so far (measured once, as rows are pushed).
    widest: Vec<usize>,
}

#[derive(Debug, Clone)]
enum Row {
    /// The cells, cleaned, one string with [`SEP`] between them (one allocation a row:
    /// a 100k-row list keeps them all until its widths are known).
    Cells(Box<str>),
    /// A line of its own between rows (a group heading), cut to the width.
    Section(String),
}

/// Between the cells of a row; a clean cell never holds it (`term_safe` writes a NUL as
/// `^@`).
const SEP: char = '\0';

/// A cell as printed: terminal-safe, on one line.
fn clean(text: &str) -> String {
    term_safe(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// [`clean`], keeping the string when it is clean already (most cells are).
fn clean_owned(text: String) -> String {
    let safe = matches!(term_safe(&text), std::borrow::Cow::Borrowed(_));
    if safe && !text.contains(['\n', '\t']) {
        text
    } else {
        clean(&text)
    }
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }

    /// Add a column; `max` caps its width (use `usize::MAX` for none).
    pub fn column(mut self, header: &str, align: Align, max: usize) -> Table {
        self.columns.push(Column {
            header: header.to_string(),
            align,
            max,
        });
        self
    }

    /// When the table is too wide, narrow `column` down to `floor` cells (steps are
    /// applied in the order given, each only as far as needed).
    pub fn shrink(mut self, column: usize, floor: usize) -> Table {
        self.shrink.push((column, floor));
        self
    }

    /// Wrap the last column's cells (lists of names, `、` between them) onto continuation
    /// lines instead of cutting them, between names where a line allows.
    pub fn wrap_last(mut self) -> Table {
        self.wrap_last = true;
        self
    }

    pub fn push(&mut self, cells: Vec<String>) {
        let cells: Vec<String> = cells.into_iter().map(clean_owned).collect();
        if self.widest.len() < cells.len() {
            self.widest.resize(cells.len(), 0);
        }
        for (widest, cell) in self.widest.iter_mut().zip(&cells) {
            *widest = (*widest).max(display_width(cell));
        }
        self.rows
            .push(Row::Cells(cells.join("\0").into_boxed_str()));
    }

    /// A heading line between rows; it does not count for the column widths.
    pub fn section(&mut self, text: &str) {
        self.rows.push(Row::Section(clean(text)));
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Set how wide `column` gets at most (see [`Table::column`]).
    pub fn cap(&mut self, column: usize, max: usize) {
        if let Some(col) = self.columns.get_mut(column) {
            col.max = max;
        }
    }

    /// The widest cell of each column of the rows pushed so far.
    pub fn widest(&self) -> &[usize] {
        &self.widest
    }

    /// The table's layout as if its rows' widest cells were `widest` (one per column):
    /// for deciding between layouts before filling one.
    pub fn assume_widest(mut self, widest: Vec<usize>) -> Table {
        self.widest = widest;
        self
    }

    /// Column widths for a line of `width` cells (one space between columns).
    pub fn widths(&self, width: usize) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let widest = self.widest.get(i).copied().unwrap_or(0);
                widest.max(display_width(&col.header)).min(col.max)
            })
            .collect();
        let gaps = widths.len().saturating_sub(1);
        for &(column, floor) in &self.shrink {
            let total: usize = widths.iter().sum::<usize>() + gaps;
            if total <= width {
                break;
            }
            if let Some(w) = widths.get_mut(column) {
                let excess = total - width;
                *w = (*w).saturating_sub(excess).max(floor.min(*w));
            }
        }
        widths
    }

    /// Write the header and the rows, fitted to `width` cells where the shrink steps allow.
    pub fn write(&self, width: usize, out: &mut dyn Write) -> io::Result<()> {
        // Lines are gathered before they are written: standard output writes each line as
        // it ends, and 100k rows were 100k system calls (a quarter of `list`'s time).
        let mut out = io::BufWriter::new(out);
        let widths = self.widths(width);
        let header: Vec<String> = self.columns.iter().map(|c| clean(&c.header)).collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        self.write_line(&header, &widths, &mut out)?;
        let mut cells: Vec<&str> = Vec::with_capacity(self.columns.len());
        for row in &self.rows {
            match row {
                Row::Cells(joined) => {
                    cells.clear();
                    cells.extend(joined.split(SEP));
                    self.write_line(&cells, &widths, &mut out)?
                }
                Row::Section(text) => writeln!(out, "{}", truncate(text, width))?,
            }
        }
        out.flush()
    }

    fn write_line(&self, cells: &[&str], widths: &[usize], out: &mut dyn Write) -> io::Result<()> {
        let last = self.columns.len().saturating_sub(1);
        let wrapped = match (cells.get(last), widths.get(last)) {
            (Some(cell), Some(&w)) if self.wrap_last && display_width(cell) > w => {
                wrap_names(cell, w)
            }
            _ => Vec::new(),
        };
        if let Some((first, rest)) = wrapped.split_first() {
            let mut head = cells.to_vec();
            head[last] = first.as_str();
            self.write_cells(&head, widths, out)?;
            for line in rest {
                let mut cont = vec![""; last];
                cont.push(line.as_str());
                self.write_cells(&cont, widths, out)?;
            }
            return Ok(());
        }
        self.write_cells(cells, widths, out)
    }

    fn write_cells(&self, cells: &[&str], widths: &[usize], out: &mut dyn Write) -> io::Result<()> {
        let mut line = String::new();
        for (i, (col, &w)) in self.columns.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push(' ');
            }
            let cell = cells.get(i).copied().unwrap_or("");
            let cells_wide = display_width(cell);
            if cells_wide <= w {
                // Fits: padded in place, measured once.
                let pad = w - cells_wide;
                if col.align == Align::Right {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                line.push_str(cell);
                if col.align == Align::Left {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                continue;
            }
            let cut = truncate(cell, w);
            line.push_str(&match col.align {
                Align::Left => pad_right(&cut, w),
                Align::Right => pad_left(&cut, w),
            });
        }
        writeln!(out, "{}", line.trim_end())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn render(table: &Table, width: usize) -> String {
        let mut out = Vec::new();
        table.write(width, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn aligns_cjk_and_shrinks_to_fit() {
        let mut table = Table::new()
            .column("ID", Align::Right, 6)
            .column("标题", Align::Left, usize::MAX)
            .column("进度", Align::Right, 4)
            .shrink(1, 6);
        table.push(vec![
            "#1".into(),
            "长株潭都市圈一体化发展".into(),
            "40%".into(),
        ]);
        table.push(vec!["#12".into(), "5G".into(), "0%".into()]);
        let wide = render(&table, 80);
        assert_eq!(
            wide,
            " ID 标题                   进度\n #1 长株潭都市圈一体化发展  40%\n#12 5G                       0%\n"
        );
        let narrow = render(&table, 16);
        for line in narrow.lines() {
            assert!(display_width(line) <= 16, "{line:?}");
        }
        assert!(narrow.contains("长株潭…"), "{narrow}");
    }

    #[test]
    fn last_column_wraps_when_asked() {
        let mut table = Table::new()
            .column("简称", Align::Left, 20)
            .column("别名", Align::Left, usize::MAX)
            .shrink(1, 8)
            .wrap_last();
        table.push(vec![
            "省发展改革委".into(),
            "发改委、省发改委、湖南省发改委".into(),
        ]);
        let text = render(&table, 24);
        assert_eq!(
            text,
            // Names whole where a line holds them; one longer than a line is split.
            "简称         别名\n省发展改革委 发改委、\n             省发改委、\n             湖南省发改\n             委\n"
        );
    }

    #[test]
    fn cells_are_terminal_safe_and_single_line() {
        let mut table = Table::new().column("x", Align::Left, 40);
        table.push(vec!["a\u{1b}[2Jb\nc".into()]);
        let text = render(&table, 80);
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("a^[[2Jb c"), "{text}");
    }
}
