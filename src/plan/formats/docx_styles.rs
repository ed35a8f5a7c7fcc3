//! Paragraph styles of a .docx (`word/styles.xml`): which styles are headings (and their
//! level) and which carry automatic numbering, following `basedOn` links.

use super::FormatError;
use super::xml::{Ev, Xml, attr, local};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    outline: Option<usize>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
}

/// Heading level of a style name: "heading 2" → 1 (0-based), "标题 1" → 0.
fn level_from_name(name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: usize = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

impl Styles {
    pub fn parse(xml: &str) -> Result<Styles, FormatError> {
        let mut styles = Styles::default();
        let mut reader = Xml::new(xml, "word/styles.xml");
        let mut current: Option<(String, Style)> = None;
        loop {
            match reader.next()? {
                Ev::Start(e) | Ev::Empty(e) => {
                    let name = local(&e);
                    let Some((_, style)) = current.as_mut() else {
                        if name == b"style" {
                            current =
                                Some((attr(&e, b"styleId").unwrap_or_default(), Style::default()));
                        }
                        continue;
                    };
                    match name.as_slice() {
                        b"name" => {
                            if let Some(level) =
                                attr(&e, b"val").as_deref().and_then(level_from_name)
                            {
                                style.outline.get_or_insert(level);
                            }
                        }
                        b"basedOn" => style.based_on = attr(&e, b"val"),
                        b"outlineLvl" => {
                            style.outline = attr(&e, b"val")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < 9);
                        }
                        b"numId" => style.num_id = attr(&e, b"val"),
                        b"ilvl" => style.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok()),
                        _ => {}
                    }
                }
                Ev::End(name) if name == b"style" => {
                    if let Some((id, style)) = current.take() {
                        styles.styles.insert(id, style);
                    }
                }
                Ev::Eof => return Ok(styles),
                _ => {}
            }
        }
    }

    /// Follow `basedOn` (at most a few steps: a loop in a crafted file ends).
    fn find<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id.to_string();
        for _ in 0..16 {
            let style = self.styles.get(&id)?;
            if let Some(value) = get(style) {
                return Some(value);
            }
            id = style.based_on.clone()?;
        }
        None
    }

    /// The heading level (0-based) of a paragraph style, if it is a heading.
    pub fn outline_level(&self, id: &str) -> Option<usize> {
        self.find(id, |s| s.outline)
    }

    /// The numbering a style gives its paragraphs: (numId, level).
    pub fn numbering(&self, id: &str) -> Option<(String, usize)> {
        let num_id = self.find(id, |s| s.num_id.clone())?;
        let ilvl = self.find(id, |s| s.ilvl).unwrap_or(0);
        Some((num_id, ilvl))
    }
}
