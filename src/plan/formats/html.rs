//! A saved web page → lines. Parsed as a browser would (html5ever, into `html_tree`), never
//! run: `<script>`, `<style>`, `<template>`, forms, embedded objects, navigation, page
//! footers and hidden elements are dropped. Block elements and `<br>` end lines; a data
//! table becomes pipe rows (`colspan` kept in place), a one-column table or a table whose
//! first row is one `专栏…` cell becomes a frame (its heading and paragraphs), and a layout
//! table (cells holding whole passages or other tables) gives its cells' content in order.

use super::html_charset;
use super::html_tree::{HNode, Sink};
use super::limits::{MAX_TABLE_DEPTH, MAX_XML_DEPTH};
use super::out::TextOut;
use super::{Extracted, FormatError};
use ego_tree::Tree;
use ego_tree::iter::Edge;
use html5ever::tendril::TendrilSink;

const FORMAT: &str = "web page";

/// Elements whose content is never text of the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math",
    "canvas", "select", "option", "button", "textarea", "input", "nav", "footer", "audio", "video",
    "map",
];

/// Elements that end a line before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "center",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "header",
    "main",
    "aside",
    "caption",
    "body",
    "html",
    "form",
    "fieldset",
    "legend",
];

/// What a table cell (or the page) holds, in order.
#[derive(Debug, Clone)]
enum Block {
    Para(String),
    /// A paragraph of a 专栏 frame (a one-column table).
    Frame(String),
    /// An empty paragraph.
    Blank,
    Row(Vec<String>),
    EndTable,
}

#[derive(Debug, Default)]
struct Cell {
    blocks: Vec<Block>,
    line: String,
    span: usize,
}

impl Cell {
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim();
        if !line.is_empty() {
            self.blocks.push(Block::Para(line.to_string()));
        }
    }

    fn text(&self) -> String {
        let parts: Vec<String> = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) | Block::Frame(p) => Some(p.clone()),
                Block::Row(cells) => Some(cells.join(" ")),
                Block::EndTable | Block::Blank => None,
            })
            .collect();
        parts.join(" ")
    }
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
}

pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let (text, encoding) = html_charset::decode(bytes)?;
    let page = html5ever::parse_document(Sink::new(), Default::default()).one(text);
    let blocks = walk(&page)?;
    let mut out = TextOut::new(FORMAT);
    for block in blocks {
        match block {
            Block::Para(p) => out.para(&p),
            Block::Frame(p) => out.frame_para(&p),
            Block::Blank => out.blank(),
            Block::Row(cells) => out.row(&cells),
            Block::EndTable => out.end_table(),
        }
    }
    Ok(Extracted {
        text: out.finish()?,
        encoding,
    })
}

fn hidden(e: &HNode) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s.to_ascii_lowercase().split_whitespace().collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The page's blocks, in document order (iterative: no recursion on the page's depth).
fn walk(page: &Tree<HNode>) -> Result<Vec<Block>, FormatError> {
    // The page itself is the outermost "cell"; each open table pushes a table.
    let mut cells: Vec<Cell> = vec![Cell::default()];
    let mut tables: Vec<Table> = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut depth = 0usize;
    for edge in page.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    HNode::Text(t) => {
                        if let Some(cell) = cells.last_mut() {
                            cell.line.push_str(&t.replace(['\n', '\r', '\t'], " "));
                        }
                    }
                    HNode::Fragment => skipping = Some(node.id()),
                    e @ HNode::Element { .. } => {
                        depth += 1;
                        if depth > MAX_XML_DEPTH {
                            return Err(FormatError::TooDeep {
                                part: "the page".into(),
                                cap: MAX_XML_DEPTH,
                            });
                        }
                        let name = e.tag().unwrap_or("");
                        let hide = hidden(e);
                        if DROPPED.contains(&name) || hide {
                            skipping = Some(node.id());
                            depth -= 1;
                            continue;
                        }
                        open(name, e, &mut cells, &mut tables)?;
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Some(name) = node.value().tag() {
                    depth = depth.saturating_sub(1);
                    close(name, &mut cells, &mut tables);
                }
            }
        }
    }
    let mut page_cell = cells.into_iter().next().unwrap_or_default();
    page_cell.flush();
    Ok(page_cell.blocks)
}

fn open(
    name: &str,
    e: &HNode,
    cells: &mut Vec<Cell>,
    tables: &mut Vec<Table>,
) -> Result<(), FormatError> {
    match name {
        "table" => {
            if tables.len() >= MAX_TABLE_DEPTH {
                return Err(FormatError::TablesTooDeep {
                    cap: MAX_TABLE_DEPTH,
                });
            }
            if let Some(cell) = cells.last_mut() {
                cell.flush();
            }
            tables.push(Table::default());
        }
        "tr" => {
            if let Some(t) = tables.last_mut() {
                t.rows.push(Vec::new());
            }
        }
        "td" | "th" => {
            if let Some(t) = tables.last_mut() {
                if t.rows.is_empty() {
                    t.rows.push(Vec::new());
                }
                let span = e
                    .attr("colspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                cells.push(Cell {
                    span,
                    ..Cell::default()
                });
            }
        }
        "br" => {
            if let Some(cell) = cells.last_mut() {
                cell.flush();
            }
        }
        _ if BLOCKS.contains(&name) => {
            if let Some(cell) = cells.last_mut() {
                cell.flush();
            }
        }
        _ => {}
    }
    Ok(())
}

fn close(name: &str, cells: &mut Vec<Cell>, tables: &mut Vec<Table>) {
    match name {
        "td" | "th" if !tables.is_empty() && cells.len() > 1 => {
            if let Some(mut cell) = cells.pop() {
                cell.flush();
                if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(cell);
                }
            }
        }
        "table" => {
            if let Some(table) = tables.pop()
                && let Some(cell) = cells.last_mut()
            {
                cell.flush();
                emit_table(table, &mut cell.blocks);
            }
        }
        "p" => {
            if let Some(cell) = cells.last_mut() {
                if cell.line.trim().is_empty() && !matches!(cell.blocks.last(), Some(Block::Blank))
                {
                    cell.blocks.push(Block::Blank);
                }
                cell.flush();
            }
        }
        _ if BLOCKS.contains(&name) => {
            if let Some(cell) = cells.last_mut() {
                cell.flush();
            }
        }
        _ => {}
    }
}

/// A cell's content as paragraphs of a frame.
fn framed(cell: Cell, blocks: &mut Vec<Block>) {
    let mut any = false;
    for block in cell.blocks {
        match block {
            Block::Para(p) | Block::Frame(p) => {
                blocks.push(Block::Frame(p));
                any = true;
            }
            Block::Blank => {
                blocks.push(Block::Blank);
                any = true;
            }
            other => {
                blocks.push(other);
                any = true;
            }
        }
    }
    if !any {
        blocks.push(Block::Frame(String::new()));
    }
}

/// A cell holding a passage or a table of its own: the table is page layout, not data
/// (a one-column table is a frame when it opens with 专栏, whatever it holds).
fn is_layout(table: &Table) -> bool {
    let first = table
        .rows
        .iter()
        .flatten()
        .map(Cell::text)
        .find(|t| !t.trim().is_empty());
    if first.is_some_and(|t| t.trim_start().starts_with("专栏")) {
        return false;
    }
    table.rows.iter().flatten().any(|c| {
        c.blocks
            .iter()
            .filter(|b| matches!(b, Block::Para(_)))
            .count()
            > 6
            || c.blocks.iter().any(|b| matches!(b, Block::Row(_)))
    })
}

fn emit_table(table: Table, blocks: &mut Vec<Block>) {
    let columns = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    if is_layout(&table) {
        for cell in table.rows.into_iter().flatten() {
            blocks.extend(cell.blocks);
        }
        blocks.push(Block::EndTable);
        return;
    }
    if columns <= 1 {
        for cell in table.rows.into_iter().flatten() {
            framed(cell, blocks);
        }
        blocks.push(Block::EndTable);
        return;
    }
    let mut rows = table.rows.into_iter().peekable();
    if let Some(first) = rows.peek()
        && first.len() == 1
        && first[0].text().trim_start().starts_with("专栏")
        && let Some(first) = rows.next()
    {
        for cell in first {
            framed(cell, blocks);
        }
    }
    for row in rows {
        let mut cells = Vec::new();
        for cell in &row {
            cells.push(cell.text());
            for _ in 1..cell.span {
                cells.push(String::new());
            }
        }
        blocks.push(Block::Row(cells));
    }
    blocks.push(Block::EndTable);
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn text(page: &str) -> String {
        extract(page.as_bytes()).unwrap().text
    }

    #[test]
    fn paragraphs_tables_and_frames() {
        let page = r#"<!DOCTYPE html><html><head><title>站点</title><script>alert("x")</script>
          <style>p{}</style></head><body><nav>首页 | 政务公开</nav>
          <h1>某某规划</h1><p>一、总体要求</p><p>（一）推进工作。<br>第二行</p>
          <table><tr><td>专栏1 重点工程</td></tr><tr><td>1.工程甲</td></tr></table>
          <table><tr><th>序号</th><th>指标</th><th colspan="2">目标</th></tr>
          <tr><td>1</td><td>城镇化率（%）</td><td>58.7</td><td>63</td></tr></table>
          <div style="display: none">隐藏</div><footer>版权所有</footer></body></html>"#;
        assert_eq!(
            text(page),
            "某某规划\n一、总体要求\n（一）推进工作。\n第二行\n\t专栏1 重点工程\n\t1.工程甲\n\n| 序号 | 指标 | 目标 |\n| 1 | 城镇化率（%） | 58.7 | 63 |\n\n"
        );
    }

    #[test]
    fn layout_tables_give_their_content() {
        let inner = "<table><tr><td>a</td><td>b</td></tr></table>";
        let page = format!(
            "<html><body><table><tr><td>正文</td><td>{inner}</td></tr></table></body></html>"
        );
        assert_eq!(text(&page), "正文\n\n| a | b |\n\n");
    }

    #[test]
    fn deep_tables_are_refused() {
        let page = format!(
            "<html><body>{}x{}</body></html>",
            "<table><tr><td>".repeat(20),
            "</td></tr></table>".repeat(20)
        );
        assert!(matches!(
            extract(page.as_bytes()),
            Err(FormatError::TablesTooDeep { .. })
        ));
        let divs = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(400),
            "</div>".repeat(400)
        );
        assert!(matches!(
            extract(divs.as_bytes()),
            Err(FormatError::TooDeep { .. })
        ));
    }
}
