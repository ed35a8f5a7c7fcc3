//! The characters of a saved web page: a BOM first; then the charset its `<meta>` declares
//! when that is UTF-8 or the GB family (GB2312, GBK, GB18030: what Chinese government
//! portals use), decoded as a browser would; otherwise the text importer's strict rule
//! (UTF-8, then GB18030), which also covers servers that declare a wrong Latin charset.

use super::FormatError;
use crate::plan::TextEncoding;
use crate::plan::encoding;

/// The charset a page declares in its first 4 KB (`<meta charset=…>` or
/// `content="text/html; charset=…"`), lower-case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect();
    let at = head.find("charset")?;
    let rest = head[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    (!label.is_empty()).then_some(label)
}

pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), FormatError> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF]);
    if !has_bom && let Some(label) = declared_charset(bytes) {
        let found = encoding_rs::Encoding::for_label(label.as_bytes());
        if found == Some(encoding_rs::GBK) || found == Some(encoding_rs::GB18030) {
            // GB18030 is a superset of GB2312 and GBK; invalid bytes become U+FFFD as in a browser.
            let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            return Ok((
                text.replace("\r\n", "\n").replace('\r', "\n"),
                TextEncoding::Gb18030,
            ));
        }
        if found == Some(encoding_rs::UTF_8)
            && let Ok(decoded) = encoding::decode(bytes)
        {
            return Ok(decoded);
        }
        if found == Some(encoding_rs::UTF_8) {
            let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(bytes);
            return Ok((
                text.replace("\r\n", "\n").replace('\r', "\n"),
                TextEncoding::Utf8,
            ));
        }
    }
    Ok(encoding::decode(bytes)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>专栏</body></html>");
        let (text, encoding) = decode(&bytes).unwrap();
        assert!(text.contains("专栏"));
        assert_eq!(encoding, TextEncoding::Gb18030);
        assert_eq!(
            declared_charset(b"<meta charset='UTF-8'>").as_deref(),
            Some("utf-8")
        );
    }

    #[test]
    fn a_wrong_latin_declaration_is_ignored() {
        let page = "<html><meta charset=iso-8859-1><p>重点任务</p></html>";
        let (text, _) = decode(page.as_bytes()).unwrap();
        assert!(text.contains("重点任务"));
    }
}
