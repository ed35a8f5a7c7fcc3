//! Reading parts of a zip (.docx, OFD) within limits: the parts' count, each part's
//! unpacked size and compression ratio, and the archive's total, all checked while
//! inflating, so a zip bomb is refused after at most a few megabytes of work.

use super::FormatError;
use super::limits::{MAX_ZIP_PART, MAX_ZIP_PARTS, MAX_ZIP_RATIO, MAX_ZIP_TOTAL, RATIO_FLOOR};
use std::io::{Cursor, Read};
use zip::ZipArchive;
use zip::result::ZipError;

pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    format: &'static str,
    unpacked: u64,
}

fn damaged(format: &'static str, detail: &str) -> FormatError {
    FormatError::Damaged {
        format,
        detail: detail.to_string(),
    }
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8], format: &'static str) -> Result<Archive<'a>, FormatError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|_| damaged(format, "its zip directory cannot be read"))?;
        if zip.len() > MAX_ZIP_PARTS {
            return Err(FormatError::TooManyParts {
                count: zip.len(),
                cap: MAX_ZIP_PARTS,
            });
        }
        let names = zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        Ok(Archive {
            zip,
            names,
            format,
            unpacked: 0,
        })
    }

    /// The part names, as stored.
    pub fn names(&self) -> Vec<String> {
        self.names.clone()
    }

    /// The stored name matching `name` (ASCII case and a leading `/` ignored; OFD writers
    /// differ), if any.
    pub fn find(&self, name: &str) -> Option<String> {
        let wanted = name.trim_start_matches('/');
        self.names
            .iter()
            .find(|n| n.trim_start_matches('/').eq_ignore_ascii_case(wanted))
            .cloned()
    }

    /// The bytes of a part, or `None` when there is no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        let Some(stored) = self.find(name) else {
            return Ok(None);
        };
        let format = self.format;
        let mut file = match self.zip.by_name(&stored) {
            Ok(file) => file,
            Err(ZipError::UnsupportedArchive(what)) if what.contains("assword") => {
                return Err(FormatError::Encrypted { format });
            }
            Err(ZipError::UnsupportedArchive(_)) => {
                return Err(damaged(
                    format,
                    "a part is compressed with a method other than deflate",
                ));
            }
            Err(_) => return Err(damaged(format, "a part of its zip cannot be read")),
        };
        if file.encrypted() {
            return Err(FormatError::Encrypted { format });
        }
        let compressed = file.compressed_size().max(1);
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 64 * 1024];
        loop {
            let n = file
                .read(&mut chunk)
                .map_err(|_| damaged(format, "a part of its zip is corrupt"))?;
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
            let size = bytes.len() as u64;
            self.unpacked += n as u64;
            if size > MAX_ZIP_PART {
                return Err(FormatError::PartTooLarge {
                    part: stored,
                    cap: MAX_ZIP_PART,
                });
            }
            if size > RATIO_FLOOR && size / compressed > MAX_ZIP_RATIO {
                return Err(FormatError::Ratio {
                    part: stored,
                    ratio: MAX_ZIP_RATIO,
                });
            }
            if self.unpacked > MAX_ZIP_TOTAL {
                return Err(FormatError::TotalTooLarge { cap: MAX_ZIP_TOTAL });
            }
        }
        Ok(Some(bytes))
    }

    /// A part that must be there.
    pub fn require(&mut self, name: &str) -> Result<Vec<u8>, FormatError> {
        let format = self.format;
        self.read(name)?
            .ok_or_else(|| damaged(format, &format!("it has no part {name}")))
    }
}
