//! Published document formats → plain text lines for the text pipeline. Pure: bytes in,
//! text out; no file, network, clock or terminal.
//!
//! Plans arrive as Word `.docx`, saved web pages, PDF with a text layer and OFD (GB/T 33190).
//! Each reader turns its format into the line model the text importer already reads:
//! one paragraph per line, a table as pipe rows `| a | b |` (header row first), a 专栏 frame
//! (a text box, a one-column or shaded table, an HTML box) as its heading line followed by its
//! content; page headers, footers, footnotes, scripts and styles are left out. Then
//! `plan::parse_text` runs unchanged, so boxes, tasks, indicators and the coverage report work
//! the same for every format.
//!
//! `detect` decides the format by content (magic bytes, the parts inside a zip); the file
//! name is a hint only, and a mismatch is reported. Every hostile-input guard lives in
//! `limits` and is checked while reading (zip bombs, XML entities and depth, nested tables,
//! page counts, content-stream work), each refusal a `FormatError` in plain words.

mod detect;
mod docx;
mod docx_numbering;
mod docx_styles;
mod error;
mod html;
mod html_charset;
mod html_tree;
mod layout;
mod layout_pages;
pub mod limits;
mod ofd;
mod out;
mod pdf;
mod pdf_fonts;
mod xml;
mod zipped;

pub use detect::detect;
pub use error::FormatError;

/// Unpack every part of a zip (an .xlsx) within the limits of [`limits`], refusing a zip
/// bomb before it is inflated; the parts are not kept.
pub fn check_zip(bytes: &[u8], format: &'static str) -> Result<(), FormatError> {
    let mut archive = zipped::Archive::open(bytes, format)?;
    for name in archive.names() {
        archive.read(&name)?;
    }
    Ok(())
}

use super::TextEncoding;
use serde::{Deserialize, Serialize};

/// The format a plan file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Text,
    Docx,
    Html,
    Pdf,
    Ofd,
}

impl Format {
    /// The format's name as the dry run prints it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Docx => "Word .docx",
            Format::Html => "web page (HTML)",
            Format::Pdf => "PDF (text layer)",
            Format::Ofd => "OFD (GB/T 33190)",
        }
    }

    /// Which reader turned the file into lines, and with what.
    pub fn reader(self) -> &'static str {
        match self {
            Format::Text => "text reader",
            Format::Docx => {
                "docx reader (zip + quick-xml; styles, numbering.xml, tables, text boxes)"
            }
            Format::Html => "html reader (html5ever; scripts and styles dropped, never run)",
            Format::Pdf => {
                "pdf reader (lopdf; ToUnicode maps, lines and table rows from positions)"
            }
            Format::Ofd => "ofd reader (zip + quick-xml; TextCode positions, templates dropped)",
        }
    }

    /// File name extensions that usually carry the format.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text", "md", "csv", "tsv"],
            Format::Docx => &["docx", "docm", "dotx", "wps"],
            Format::Html => &[
                "html", "htm", "shtml", "xhtml", "mht", "jsp", "asp", "aspx", "php",
            ],
            Format::Pdf => &["pdf"],
            Format::Ofd => &["ofd"],
        }
    }

    /// The format a file name's extension suggests, if any.
    pub fn from_name(name: &str) -> Option<Format> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (_, ext) = base.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        [
            Format::Text,
            Format::Docx,
            Format::Html,
            Format::Pdf,
            Format::Ofd,
        ]
        .into_iter()
        .find(|f| f.extensions().contains(&ext.as_str()))
    }
}

/// How a rendition was read: its format, and a note when its name suggests another one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SourceFormat {
    pub format: Format,
    /// "the name says .pdf, the content is a Word .docx": the content decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<String>,
}

impl SourceFormat {
    /// The format found in `bytes`, compared with what `name` suggests.
    pub fn of(format: Format, name: &str) -> SourceFormat {
        let hinted = Format::from_name(name);
        let mismatch = match hinted {
            Some(h) if h != format => Some(format!(
                "the name says {}, the content is {}: read as {}",
                h.label(),
                format.label(),
                format.label()
            )),
            _ => None,
        };
        SourceFormat { format, mismatch }
    }
}

/// A document turned into text lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// One paragraph per line, tables as pipe rows; line ends `\n`.
    pub text: String,
    /// The character encoding of the source (UTF-8 for the zip formats and PDF).
    pub encoding: TextEncoding,
}

/// Turn a document of a non-text format into text lines. `Format::Text` is not handled here
/// (the text importer decodes it); passing it returns the bytes decoded as text.
pub fn extract(bytes: &[u8], format: Format) -> Result<Extracted, FormatError> {
    match format {
        Format::Docx => docx::extract(bytes),
        Format::Html => html::extract(bytes),
        Format::Pdf => pdf::extract(bytes),
        Format::Ofd => ofd::extract(bytes),
        Format::Text => {
            let (text, encoding) = super::encoding::decode(bytes)?;
            Ok(Extracted { text, encoding })
        }
    }
}
