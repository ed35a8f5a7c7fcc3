//! Arbitrary bytes as an OFD: as the whole file, and as a page's `Content.xml` inside a
//! well-formed package. No panic, no runaway memory or time; what is accepted parses to a
//! terminal-safe model.
#![no_main]

#[path = "read_documents.rs"]
mod read_documents;

use libfuzzer_sys::fuzz_target;
use plantrack::plan::formats::{Format, extract};

const OFD: &[u8] = br#"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#;
const DOCUMENT: &[u8] = br#"<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#;

fuzz_target!(|data: &[u8]| {
    if let Ok(e) = extract(data, Format::Ofd) {
        read_documents::check_text(&e.text);
    }
    let packed = read_documents::zip(&[
        ("OFD.xml", OFD),
        ("Doc_0/Document.xml", DOCUMENT),
        ("Doc_0/Pages/Page_0/Content.xml", data),
    ]);
    if let Ok(e) = extract(&packed, Format::Ofd) {
        read_documents::check_text(&e.text);
    }
});
