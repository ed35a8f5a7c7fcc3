//! The text the readers write: one paragraph per line, table rows as pipe rows, blank lines
//! around tables; capped at the size of a plan file.

use super::FormatError;
use crate::plan::MAX_FILE_BYTES;

#[derive(Debug, Default)]
pub struct TextOut {
    text: String,
    format: &'static str,
    in_table: bool,
    over: bool,
}

/// One cell as it can stand in a pipe row: one line, no pipe of its own.
pub fn cell_text(cell: &str) -> String {
    cell.replace(['\n', '\r', '\t'], " ")
        .trim()
        .replace('|', "｜")
}

impl TextOut {
    pub fn new(format: &'static str) -> TextOut {
        TextOut {
            format,
            ..TextOut::default()
        }
    }

    fn push(&mut self, line: &str) {
        if self.text.len() + line.len() + 1 > MAX_FILE_BYTES {
            self.over = true;
            return;
        }
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn leave_table(&mut self) {
        if self.in_table {
            self.push("");
            self.in_table = false;
        }
    }

    /// A paragraph (its inner line breaks become separate lines; blank ones are dropped).
    /// A leading tab is kept (the importer reads it as table-cell or box content).
    pub fn para(&mut self, text: &str) {
        self.leave_table();
        for line in text.split('\n') {
            let line = line.trim_end();
            if !line.trim().is_empty() {
                let tab = line.starts_with('\t');
                let core = line.trim_start();
                self.push(&if tab {
                    format!("\t{core}")
                } else {
                    core.to_string()
                });
            }
        }
    }

    /// A paragraph of a 专栏 frame (a text box, a one-column table): led by a tab, as Word's
    /// text export writes the cells of a one-column table and as the importer reads box
    /// content. An empty one is a tab alone (an empty cell).
    pub fn frame_para(&mut self, text: &str) {
        self.leave_table();
        let lines: Vec<&str> = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            self.push("\t");
        }
        for line in lines {
            self.push(&format!("\t{line}"));
        }
    }

    /// An empty paragraph: one blank line (never two in a row).
    pub fn blank(&mut self) {
        self.leave_table();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.push("");
        }
    }

    /// A table row: `| a | b |`, empty cells at its end left out (a row merged across the
    /// table is its one cell, `| a |`). A row of empty cells is left out.
    pub fn row(&mut self, cells: &[String]) {
        let mut cells = cells.to_vec();
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if cells.is_empty() {
            return;
        }
        if !self.in_table {
            self.push("");
            self.in_table = true;
        }
        let cells: Vec<String> = cells.iter().map(|c| cell_text(c)).collect();
        let line = format!("| {} |", cells.join(" | "));
        self.push(&line);
    }

    /// End a table (a blank line), so two tables in a row stay apart.
    pub fn end_table(&mut self) {
        self.leave_table();
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn finish(self) -> Result<String, FormatError> {
        if self.over {
            return Err(FormatError::TextTooLarge {
                format: self.format,
                cap: MAX_FILE_BYTES as u64,
            });
        }
        if self.is_empty() {
            return Err(FormatError::NoText {
                format: self.format,
            });
        }
        Ok(self.text)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_pipe_rows_between_blank_lines() {
        let mut out = TextOut::new("test");
        out.para("标题");
        out.row(&["序号".into(), "名称 a|b".into()]);
        out.row(&[String::new(), String::new()]);
        out.row(&["1".into(), "x\ny".into(), String::new()]);
        out.para("正文");
        out.blank();
        out.blank();
        out.frame_para("专栏1 工程");
        out.frame_para("");
        assert_eq!(
            out.finish().ok().as_deref(),
            Some("标题\n\n| 序号 | 名称 a｜b |\n| 1 | x y |\n\n正文\n\n\t专栏1 工程\n\t\n")
        );
    }
}
