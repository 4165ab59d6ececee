//! A small RFC 4180 reader (comma- or tab-separated, quoted fields, `""` escapes, CRLF or LF,
//! newlines inside quotes) feeding serde.
//!
//! Rows are deserialized with serde through `serde::de::value::MapDeserializer` over
//! (header, field) pairs. Hand-written rather than the `csv` crate: that crate's type-inferring
//! deserializer added about 45 KB gzip to the wasm, a third of the page budget, for features
//! (typed fields, byte records, writers) this app does not use.

use serde::de::value::{Error as DeError, MapDeserializer};
use serde::de::DeserializeOwned;

/// What is wrong with the CSV text, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// A quoted field is never closed.
    UnclosedQuote,
    /// Characters after a closing quote and before the next separator.
    TextAfterQuote,
    /// A row has a different number of fields than the header.
    FieldCount { expected: usize, found: usize },
    /// A serde error (e.g. a missing required column).
    Row(String),
}

/// A record: its line number in the file (1 = header) and its fields.
pub type Record = (usize, Vec<String>);

/// Splits `text` into records, stopping at the first malformed one. A UTF-8 BOM is skipped;
/// the separator is [`separator`]'s. Blank lines are skipped.
pub fn records(text: &str) -> Result<Vec<Record>, (usize, CsvProblem)> {
    let mut reader = Reader::new(text);
    let mut out = Vec::new();
    while let Some(r) = reader.next_record(text) {
        out.push(r?);
    }
    Ok(out)
}

/// A tab when the first line has tabs and no commas, else a comma.
pub fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    if first.contains('\t') && !first.contains(',') {
        '\t'
    } else {
        ','
    }
}

/// An incremental reader: a position in a text it does not own, so a caller can read a large
/// file a few thousand records at a time (and let the page breathe in between).
#[derive(Debug, Clone)]
pub struct Reader {
    /// Byte offset of the next record.
    pub pos: usize,
    /// Line of the next record (1-based).
    pub line: usize,
    sep: char,
}

impl Reader {
    /// A reader at the start of `text` (after a BOM).
    pub fn new(text: &str) -> Reader {
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Reader { pos, line: 1, sep: separator(text.get(pos..).unwrap_or("")) }
    }

    /// The next record of `text` (the same text every call), `None` at the end. After a
    /// malformed record the reader moves on to the next line, so a caller can keep reading and
    /// report every problem; an unclosed quote runs to the end of the text.
    pub fn next_record(&mut self, text: &str) -> Option<Result<Record, (usize, CsvProblem)>> {
        loop {
            let rest = text.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            let start = self.line;
            let mut chars = rest.char_indices().peekable();
            let mut fields = Vec::new();
            let mut field = String::new();
            let mut quoted = false;
            let mut problem = None;
            let end = loop {
                match chars.next() {
                    None => {
                        fields.push(std::mem::take(&mut field));
                        break rest.len();
                    }
                    Some((_, '"')) if field.is_empty() && !quoted => {
                        quoted = true;
                        let mut closed = false;
                        while let Some((_, c)) = chars.next() {
                            match c {
                                '"' if chars.peek().map(|p| p.1) == Some('"') => {
                                    chars.next();
                                    field.push('"');
                                }
                                '"' => {
                                    closed = true;
                                    break;
                                }
                                c => {
                                    if c == '\n' {
                                        self.line += 1;
                                    }
                                    field.push(c);
                                }
                            }
                        }
                        if !closed {
                            self.pos = text.len();
                            return Some(Err((start, CsvProblem::UnclosedQuote)));
                        }
                        match chars.peek().map(|p| p.1) {
                            None | Some('\n') | Some('\r') => {}
                            Some(c) if c == self.sep => {}
                            Some(_) => {
                                problem = Some((self.line, CsvProblem::TextAfterQuote));
                                // Skip to the end of this line.
                                let skip = chars.find(|p| p.1 == '\n');
                                break skip.map_or(rest.len(), |(i, _)| i + 1);
                            }
                        }
                    }
                    Some((_, c)) if c == self.sep => {
                        fields.push(std::mem::take(&mut field));
                        quoted = false;
                    }
                    Some((_, '\r')) if chars.peek().map(|p| p.1) == Some('\n') => {}
                    Some((i, '\n')) => {
                        fields.push(std::mem::take(&mut field));
                        break i + 1;
                    }
                    Some((_, c)) => field.push(c),
                }
            };
            self.pos += end;
            if end > 0 && rest.as_bytes().get(end - 1) == Some(&b'\n') {
                self.line += 1;
            }
            if let Some(p) = problem {
                return Some(Err(p));
            }
            if !(fields.len() == 1 && fields[0].is_empty() && !quoted) {
                return Some(Ok((start, fields)));
            }
        }
    }
}

/// Deserializes one record into `T`, naming its fields by `headers`.
pub fn deserialize<T: DeserializeOwned>(headers: &[String], fields: &[String]) -> Result<T, CsvProblem> {
    if headers.len() != fields.len() {
        return Err(CsvProblem::FieldCount { expected: headers.len(), found: fields.len() });
    }
    let pairs = headers.iter().map(String::as_str).zip(fields.iter().map(String::as_str));
    T::deserialize(MapDeserializer::<_, DeError>::new(pairs)).map_err(|e| CsvProblem::Row(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text).map(|r| r.into_iter().map(|(_, f)| f).collect()).unwrap_or_default()
    }

    #[test]
    fn quotes_escapes_and_newlines() {
        assert_eq!(
            fields("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n"),
            vec![vec!["a", "b"], vec!["x, y", "say \"hi\""]]
        );
        assert_eq!(fields("a\r\n\"1\n2\"\r\nz"), vec![vec!["a"], vec!["1\n2"], vec!["z"]]);
        assert_eq!(fields("\u{feff}a\tb\n1\t2\n"), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(fields("a,b\n\n1,\n"), vec![vec!["a", "b"], vec!["1", ""]]);
    }

    #[test]
    fn line_numbers_count_newlines_inside_quotes() {
        let r = records("h\n\"a\nb\"\nc\n").unwrap_or_default();
        assert_eq!(r.iter().map(|(l, _)| *l).collect::<Vec<_>>(), vec![1, 2, 4]);
    }

    #[test]
    fn malformed_text_is_reported_with_its_line() {
        assert_eq!(records("a\n\"open\n").err(), Some((2, CsvProblem::UnclosedQuote)));
        assert_eq!(records("a\n\"x\"y\n").err(), Some((2, CsvProblem::TextAfterQuote)));
    }

    #[test]
    fn the_reader_goes_on_after_a_malformed_line() {
        let text = "a,b\n\"x\"y,1\n2,3\n\"open\n";
        let mut r = Reader::new(text);
        let mut got = Vec::new();
        while let Some(x) = r.next_record(text) {
            got.push(x);
        }
        assert_eq!(
            got,
            vec![
                Ok((1, vec!["a".to_string(), "b".to_string()])),
                Err((2, CsvProblem::TextAfterQuote)),
                Ok((3, vec!["2".to_string(), "3".to_string()])),
                Err((4, CsvProblem::UnclosedQuote)),
            ]
        );
    }

    #[test]
    fn rows_deserialize_by_header_name() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Row {
            b: String,
            a: String,
            #[serde(default)]
            c: String,
        }
        let h: Vec<String> = vec!["a".into(), "b".into(), "extra".into()];
        let f: Vec<String> = vec!["1".into(), "2".into(), "3".into()];
        assert_eq!(deserialize::<Row>(&h, &f), Ok(Row { a: "1".into(), b: "2".into(), c: String::new() }));
        assert!(matches!(
            deserialize::<Row>(&h, &f[..2]),
            Err(CsvProblem::FieldCount { expected: 3, found: 2 })
        ));
    }
}
