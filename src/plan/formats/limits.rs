//! Every limit the document readers enforce against hostile files, in one place. Each is
//! checked while reading (never after inflating everything), and each refusal names it.

/// Total bytes all parts of a zip (.docx, OFD) may unpack to.
pub const MAX_ZIP_TOTAL: u64 = 64 * 1024 * 1024;
/// Bytes one part may unpack to.
pub const MAX_ZIP_PART: u64 = 32 * 1024 * 1024;
/// Highest compression ratio of one part, checked once it has unpacked past
/// [`RATIO_FLOOR`] (small parts of repeated markup compress very well and are harmless).
pub const MAX_ZIP_RATIO: u64 = 100;
/// Unpacked size from which the ratio is checked.
pub const RATIO_FLOOR: u64 = 1024 * 1024;
/// Parts in one archive.
pub const MAX_ZIP_PARTS: usize = 10_000;
/// Element nesting depth of an XML part or an HTML page.
pub const MAX_XML_DEPTH: usize = 256;
/// Tables inside tables.
pub const MAX_TABLE_DEPTH: usize = 8;
/// Pages of a PDF or OFD.
pub const MAX_PAGES: usize = 2_000;
/// Decompressed bytes of all PDF content streams together, and of one PDF stream.
pub const MAX_PDF_CONTENT: u64 = 64 * 1024 * 1024;
/// Content-stream operations interpreted in one PDF (a bound on the work, so a crafted file
/// cannot keep the importer busy for minutes).
pub const MAX_PDF_OPERATIONS: u64 = 20_000_000;
/// Form XObjects followed inside one another.
pub const MAX_FORM_DEPTH: usize = 4;

/// "64 MB" for a byte count.
pub fn mib(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MB", bytes / MIB)
    } else {
        format!("{} bytes", bytes)
    }
}
