//! Filling in a workbook the way a department would: every sheet read (calamine), cells
//! changed by sheet, row and header, and the whole written back (rust_xlsxwriter), hidden
//! sheets and keys included.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;

/// One cell as written back.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(u16, u8, u8),
}

/// Every sheet of a workbook, as rows of cells (absolute positions, from A1).
pub struct Book {
    pub sheets: Vec<(String, Vec<Vec<Cell>>)>,
}

impl Book {
    pub fn open(path: &Path) -> Book {
        let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
        let names = book.sheet_names().to_vec();
        let mut sheets = Vec::new();
        for name in names {
            let range = book.worksheet_range(&name).unwrap();
            let (rows, cols) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
            let mut grid = Vec::new();
            for r in 0..rows {
                let mut row = Vec::new();
                for c in 0..cols {
                    row.push(match range.get_value((r, c)) {
                        None | Some(Data::Empty) => Cell::Empty,
                        Some(Data::String(s)) => Cell::Text(s.clone()),
                        Some(Data::Float(f)) => Cell::Number(*f),
                        Some(Data::Int(i)) => Cell::Number(*i as f64),
                        Some(Data::DateTime(d)) => {
                            let (y, m, d, ..) = d.to_ymd_hms_milli();
                            Cell::Date(y, m, d)
                        }
                        Some(other) => Cell::Text(other.to_string()),
                    });
                }
                grid.push(row);
            }
            sheets.push((name, grid));
        }
        Book { sheets }
    }

    fn sheet_mut(&mut self, sheet: &str) -> &mut Vec<Vec<Cell>> {
        &mut self
            .sheets
            .iter_mut()
            .find(|(name, _)| name == sheet)
            .unwrap_or_else(|| panic!("no sheet {sheet}"))
            .1
    }

    pub fn sheet(&self, sheet: &str) -> &Vec<Vec<Cell>> {
        &self
            .sheets
            .iter()
            .find(|(name, _)| name == sheet)
            .unwrap_or_else(|| panic!("no sheet {sheet}"))
            .1
    }

    /// The column of `header` in the sheet's first row.
    pub fn column(&self, sheet: &str, header: &str) -> usize {
        self.sheet(sheet)[0]
            .iter()
            .position(|c| *c == Cell::Text(header.into()))
            .unwrap_or_else(|| panic!("no column {header} in {sheet}"))
    }

    /// The row (0 = header) whose `header` cell is `value`.
    pub fn row_where(&self, sheet: &str, header: &str, value: &Cell) -> usize {
        let col = self.column(sheet, header);
        self.sheet(sheet)
            .iter()
            .position(|row| row.get(col) == Some(value))
            .unwrap_or_else(|| panic!("no row of {sheet} with {header} = {value:?}"))
    }

    pub fn get(&self, sheet: &str, row: usize, header: &str) -> Cell {
        let col = self.column(sheet, header);
        self.sheet(sheet)[row]
            .get(col)
            .cloned()
            .unwrap_or(Cell::Empty)
    }

    pub fn set(&mut self, sheet: &str, row: usize, header: &str, value: Cell) {
        let col = self.column(sheet, header);
        let grid = self.sheet_mut(sheet);
        if grid[row].len() <= col {
            grid[row].resize(col + 1, Cell::Empty);
        }
        grid[row][col] = value;
    }

    pub fn save(&self, path: &Path) {
        let mut book = Workbook::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (name, grid) in &self.sheets {
            let sheet = book.add_worksheet().set_name(name).unwrap();
            for (r, row) in grid.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match cell {
                        Cell::Empty => {}
                        Cell::Text(t) => {
                            sheet.write_string(r, c, t).unwrap();
                        }
                        Cell::Number(n) => {
                            sheet.write_number(r, c, *n).unwrap();
                        }
                        Cell::Date(y, m, d) => {
                            let value = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                            sheet
                                .write_datetime_with_format(r, c, value, &date)
                                .unwrap();
                        }
                    }
                }
            }
        }
        book.save(path).unwrap();
    }
}
