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

/// Splits `text` into records. A UTF-8 BOM is skipped; the separator is a tab when the first
/// line has tabs and no commas, else a comma. Blank lines are skipped.
pub fn records(text: &str) -> Result<Vec<Record>, (usize, CsvProblem)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = if first.contains('\t') && !first.contains(',') { '\t' } else { ',' };
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        loop {
            match chars.next() {
                None => {
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                Some('"') if field.is_empty() && !quoted => {
                    quoted = true;
                    loop {
                        match chars.next() {
                            None => return Err((start, CsvProblem::UnclosedQuote)),
                            Some('"') if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some('"') => break,
                            Some(c) => {
                                if c == '\n' {
                                    line += 1;
                                }
                                field.push(c);
                            }
                        }
                    }
                    match chars.peek() {
                        None | Some('\n') | Some('\r') => {}
                        Some(c) if *c == sep => {}
                        Some(_) => return Err((line, CsvProblem::TextAfterQuote)),
                    }
                }
                Some(c) if c == sep => {
                    fields.push(std::mem::take(&mut field));
                    quoted = false;
                }
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some('\n') => {
                    fields.push(std::mem::take(&mut field));
                    line += 1;
                    break;
                }
                Some(c) => field.push(c),
            }
        }
        if !(fields.len() == 1 && fields[0].is_empty() && !quoted) {
            out.push((start, fields));
        }
    }
    Ok(out)
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
