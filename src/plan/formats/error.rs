//! Why a document could not be read, in plain words. Library errors (zip, XML, PDF) are
//! never shown raw: each is mapped to what it means for the person importing.

use super::limits::mib;
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FormatError {
    #[error(transparent)]
    Text(#[from] crate::plan::encoding::EncodingError),
    #[error("the {format} is damaged or not really one: {detail}")]
    Damaged {
        format: &'static str,
        detail: String,
    },
    #[error(
        "a zip archive that is neither a Word .docx (no word/document.xml) nor an OFD (no \
         OFD.xml); save the document as .docx, PDF or text"
    )]
    UnknownZip,
    #[error(
        "an old binary Word .doc, .xls or .wps file: save it as .docx (Word: 另存为 .docx) and import that"
    )]
    OldOffice,
    #[error("the {format} is encrypted or password-protected: save an unprotected copy first")]
    Encrypted { format: &'static str },
    #[error(
        "refused as a possible zip bomb: part {part} unpacks to more than {} (the limit for one part)",
        mib(*.cap)
    )]
    PartTooLarge { part: String, cap: u64 },
    #[error(
        "refused as a possible zip bomb: part {part} is compressed more than {ratio}:1 (real \
         documents stay far below)"
    )]
    Ratio { part: String, ratio: u64 },
    #[error(
        "refused as a possible zip bomb: its parts unpack to more than {} in all",
        mib(*.cap)
    )]
    TotalTooLarge { cap: u64 },
    #[error("the archive holds {count} parts, over the limit of {cap}")]
    TooManyParts { count: usize, cap: usize },
    #[error(
        "part {part} declares a DTD (<!DOCTYPE …>); Word and OFD files never do, and entity \
         expansion (a \"billion laughs\" file) is refused"
    )]
    Dtd { part: String },
    #[error("part {part} uses an entity it does not define (&{name};)")]
    UnknownEntity { part: String, name: String },
    #[error("part {part} is not well-formed XML (near byte {at})")]
    BadXml { part: String, at: u64 },
    #[error("part {part} is not UTF-8 text")]
    NotUtf8 { part: String },
    #[error("the document nests elements more than {cap} deep (in {part}); refused")]
    TooDeep { part: String, cap: usize },
    #[error("the document nests tables more than {cap} deep; refused")]
    TablesTooDeep { cap: usize },
    #[error(
        "the {format} has {pages} pages, over the limit of {cap}; split it or import the part with the plan"
    )]
    TooManyPages {
        format: &'static str,
        pages: usize,
        cap: usize,
    },
    #[error(
        "the PDF's page content is too large to read (over {} of drawing instructions or {} \
         operations); refused",
        mib(*.bytes),
        .ops
    )]
    TooMuchContent { bytes: u64, ops: u64 },
    #[error(
        "the {format} has no text layer (only images, e.g. a scan): run OCR on it or import the \
         text instead"
    )]
    NoText { format: &'static str },
    #[error("the text read from the {format} is over {}, the limit for a plan", mib(*.cap))]
    TextTooLarge { format: &'static str, cap: u64 },
}
