//! A file's bytes → its text and form: size, binary signatures, encodings, and spreadsheets
//! (read through [`crate::data::xlsx`] as the CSV text of their sheet).

use super::MAX_BYTES;
use crate::data::validate::{Issue, IssueKind};
use crate::data::xlsx;

/// The file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// By the file name's extension; without a known one, JSON when the text starts with `[`
    /// or `{`.
    pub fn detect(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Format::Json
        } else if [".csv", ".tsv", ".txt"].iter().any(|e| lower.ends_with(e)) {
            Format::Csv
        } else if text.trim_start().starts_with(['[', '{']) {
            Format::Json
        } else {
            Format::Csv
        }
    }
}

/// A ZIP file that is a spreadsheet: named `.xlsx`, or holding `xl/workbook.xml`.
fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx") || bytes.windows(15).any(|w| w == b"xl/workbook.xml")
}

/// Bytes → text: a spreadsheet (`.xlsx`) is read as the CSV text of its sheet ([`xlsx`]); refuses a file over [`MAX_BYTES`], a binary file (a NUL byte, or a
/// spreadsheet, PDF or image signature), UTF-16 and anything that is not UTF-8 (naming the
/// line of the first bad byte). A UTF-8 BOM is removed.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, Issue> {
    let issue = |line, kind| Issue { file: name.to_string(), line, column: String::new(), kind };
    if bytes.len() > MAX_BYTES {
        return Err(issue(0, IssueKind::TooLarge { bytes: bytes.len() }));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(issue(0, IssueKind::WrongEncoding("UTF-16")));
    }
    if bytes.starts_with(b"PK\x03\x04") && is_workbook(name, bytes) {
        return xlsx::to_csv(bytes).map_err(|p| issue(0, IssueKind::Spreadsheet(p)));
    }
    const BINARY: [&[u8]; 5] = [b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xd0\xcf\x11\xe0", b"\xff\xd8\xff"];
    if BINARY.iter().any(|sig| bytes.starts_with(sig)) || bytes.contains(&0) {
        return Err(issue(0, IssueKind::NotText));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string()),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            Err(issue(line, IssueKind::WrongEncoding("UTF-8")))
        }
    }
}
