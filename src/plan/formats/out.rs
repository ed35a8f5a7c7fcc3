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
    let joined: Vec<&str> = cell.split_whitespace().collect();
    joined.join(" ").replace('|', "｜")
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
    pub fn para(&mut self, text: &str) {
        self.leave_table();
        for line in text.split('\n') {
            let line = line.trim_end();
            if !line.trim().is_empty() {
                self.push(line);
            }
        }
    }

    /// A table row: `| a | b |`. A row of empty cells is left out.
    pub fn row(&mut self, cells: &[String]) {
        if cells.iter().all(|c| c.trim().is_empty()) {
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
        out.row(&["1".into(), "x\ny".into()]);
        out.para("正文");
        assert_eq!(
            out.finish().ok().as_deref(),
            Some("标题\n\n| 序号 | 名称 a｜b |\n| 1 | x y |\n\n正文\n")
        );
    }
}
