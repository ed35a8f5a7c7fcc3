//! A pull reader over one XML part (quick-xml) with the guards the formats need: no DTD
//! (so no entity expansion of any kind: only the five predefined entities and character
//! references are resolved), a nesting-depth cap, and errors in plain words naming the part.

use super::FormatError;
use super::limits::MAX_XML_DEPTH;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One event of interest. Names are local names (the namespace prefix dropped).
#[derive(Debug)]
pub enum Ev<'a> {
    Start(BytesStart<'a>),
    Empty(BytesStart<'a>),
    End(Vec<u8>),
    Text(String),
    Eof,
}

pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: String,
    depth: usize,
}

/// The part's text: UTF-8 (a BOM is dropped); anything else is refused.
pub fn part_text<'a>(bytes: &'a [u8], part: &str) -> Result<&'a str, FormatError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| FormatError::NotUtf8 {
        part: part.to_string(),
    })
}

/// The local name of an element (`w:p` → `p`).
pub fn local(e: &BytesStart<'_>) -> Vec<u8> {
    e.local_name().as_ref().as_bytes().to_vec()
}

/// An attribute's value by local name (`w:val` → `val`), entities resolved.
pub fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref().as_bytes() == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.clone().into_owned())
        })
    })
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str, part: &str) -> Xml<'a> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Xml {
            reader,
            part: part.to_string(),
            depth: 0,
        }
    }

    pub fn depth(&self) -> usize {
        self.depth
    }

    fn bad(&self) -> FormatError {
        FormatError::BadXml {
            part: self.part.clone(),
            at: self.reader.buffer_position(),
        }
    }

    pub fn next(&mut self) -> Result<Ev<'a>, FormatError> {
        loop {
            let event = self.reader.read_event().map_err(|_| self.bad())?;
            return Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > MAX_XML_DEPTH {
                        return Err(FormatError::TooDeep {
                            part: self.part.clone(),
                            cap: MAX_XML_DEPTH,
                        });
                    }
                    Ev::Start(e)
                }
                Event::Empty(e) => Ev::Empty(e),
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ev::End(e.local_name().as_ref().as_bytes().to_vec())
                }
                Event::Text(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::CData(c) => Ev::Text(c.xml10_content().into_owned()),
                Event::GeneralRef(r) => {
                    if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => Ev::Text(c.to_string()),
                            _ => return Err(self.bad()),
                        }
                    } else if let Some(c) = predefined(&r) {
                        Ev::Text(c.to_string())
                    } else {
                        return Err(FormatError::UnknownEntity {
                            part: self.part.clone(),
                            name: r.chars().take(40).collect(),
                        });
                    }
                }
                Event::DocType(_) => {
                    return Err(FormatError::Dtd {
                        part: self.part.clone(),
                    });
                }
                // A part that ends inside an element was cut off.
                Event::Eof if self.depth > 0 => return Err(self.bad()),
                Event::Eof => Ev::Eof,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
            });
        }
    }

    /// Skip to the end of the element just started (its content unread).
    pub fn skip(&mut self) -> Result<(), FormatError> {
        let target = self.depth.saturating_sub(1);
        loop {
            match self.next()? {
                Ev::End(_) if self.depth == target => return Ok(()),
                Ev::Eof => return Err(self.bad()),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn all_text(xml: &str) -> Result<String, FormatError> {
        let mut reader = Xml::new(xml, "t.xml");
        let mut text = String::new();
        loop {
            match reader.next()? {
                Ev::Text(t) => text.push_str(&t),
                Ev::Eof => return Ok(text),
                _ => {}
            }
        }
    }

    #[test]
    fn predefined_entities_and_char_refs_only() {
        assert_eq!(
            all_text("<a>x &amp; &#x4E2D;</a>").ok().as_deref(),
            Some("x & 中")
        );
        assert!(matches!(
            all_text("<a>&lol;</a>"),
            Err(FormatError::UnknownEntity { .. })
        ));
    }

    #[test]
    fn billion_laughs_is_refused_at_its_dtd() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        assert!(matches!(all_text(bomb), Err(FormatError::Dtd { .. })));
    }

    #[test]
    fn depth_is_capped() {
        let deep = format!("{}{}", "<a>".repeat(300), "</a>".repeat(300));
        assert!(matches!(all_text(&deep), Err(FormatError::TooDeep { .. })));
        let fine = format!("{}x{}", "<a>".repeat(100), "</a>".repeat(100));
        assert_eq!(all_text(&fine).ok().as_deref(), Some("x"));
    }

    #[test]
    fn mismatched_tags_are_not_well_formed() {
        assert!(matches!(
            all_text("<a><b></a>"),
            Err(FormatError::BadXml { .. })
        ));
    }
}
