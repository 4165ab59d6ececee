//! A reader's own figures from a file: CSV (comma or tab separated, with or without a BOM) or
//! JSON, in the schema of `figures.csv` (see `assets/data/README.md`, *Importing*).
//!
//! ```text
//! bytes ──decode──▶ text ──ImportJob::new──▶ ImportJob ──step × n──▶ finish ──▶ Import
//!  (size, binary, encoding)      (format, header)   (a few thousand rows each)   (or every Issue)
//! ```
//!
//! Nothing is half-imported: [`ImportJob::finish`] gives either an [`Import`] (every row good)
//! or the list of problems, and the loaded dataset is only extended by the caller, after the
//! reader has seen the report. The job works in steps so the page can show progress and stay
//! responsive on a 100,000-row file. Imported figures take the file as their source
//! (`file:<name>`); a row's `source` cell is kept as the reader's own citation.

use std::collections::HashMap;

use super::csv::{self, Reader};
use super::json;
use super::load::{resolve_derived, Rules};
use super::record::{Figure, FigureRow, Source, Term, IMPORTED_SOURCE_PREFIX};
use super::validate::{Issue, IssueKind};
use super::Dataset;

mod decode;
mod rows;

pub use decode::{decode, Format};
use rows::{content, json_figure, undefuse};
pub use rows::{row_of, FORMULA_STARTS, IMPORT_COLUMNS};

/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// At most this many problems are kept; the rest are counted.
pub const MAX_ISSUES: usize = 2_000;

/// The columns an imported CSV must have (`formula`, `source`, `quote` and `note` may be absent).
pub const REQUIRED_COLUMNS: [&str; 7] = ["id", "metric", "scope", "period", "qualifier", "value", "unit"];

/// Imported figures, ready to be added to the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The file name, as the reader's system gave it (shown as text only).
    pub name: String,
    /// The source standing for the file: key `file:<name>`, title = the name.
    pub source: Source,
    pub figures: Vec<Figure>,
    /// Scopes the file brings, named in its `scope_zh` / `scope_en` cells.
    pub terms: Vec<Term>,
    /// Rows identical to figures already loaded (a re-imported download), skipped.
    pub already_loaded: usize,
}

/// How far a job has got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Rows read so far (comments and blank lines not counted).
    pub rows: usize,
    /// Share of the file read, 0–1.
    pub fraction: f64,
    pub done: bool,
}

/// Where the rows come from.
#[derive(Debug)]
enum Rows {
    Csv {
        reader: Reader,
        headers: Vec<String>,
    },
    /// The JSON file's figure entries, read one at a time.
    Json(json::Entries),
    Done,
}

/// An import in progress. Owns the text; borrows the loaded dataset only while stepping.
#[derive(Debug)]
pub struct ImportJob {
    name: String,
    key: String,
    text: String,
    rows: Rows,
    read: usize,
    figures: Vec<Figure>,
    by_id: HashMap<String, usize>,
    /// Each row's content (without its id) → its line, to find the same figure given twice.
    contents: HashMap<String, usize>,
    already: usize,
    /// New scopes named by the file so far.
    terms: Vec<Term>,
    issues: Vec<Issue>,
    more_issues: usize,
    /// Known metrics and scopes, taken from the loaded dataset at the first row.
    rules: Option<Rules>,
}

impl ImportJob {
    /// Starts importing `text` (already decoded) from the file `name`, into a dataset that
    /// already holds `loaded`. Problems with the file as a whole (a missing column, JSON that
    /// does not parse) are reported by [`finish`](Self::finish).
    pub fn new(name: &str, text: String, loaded: &Dataset) -> ImportJob {
        let mut key = format!("{IMPORTED_SOURCE_PREFIX}{name}");
        let mut n = 2;
        while loaded.source(&key).is_some() {
            key = format!("{IMPORTED_SOURCE_PREFIX}{name} ({n})");
            n += 1;
        }
        let mut job = ImportJob {
            name: name.to_string(),
            key,
            text,
            rows: Rows::Done,
            read: 0,
            figures: Vec::new(),
            by_id: HashMap::new(),
            contents: HashMap::new(),
            already: 0,
            terms: Vec::new(),
            issues: Vec::new(),
            more_issues: 0,
            rules: None,
        };
        job.rows = match Format::detect(name, &job.text) {
            Format::Csv => job.csv_header(),
            Format::Json => job.json_items(),
        };
        job
    }

    fn issue(&mut self, line: usize, column: &str, kind: IssueKind) {
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(Issue { file: self.name.clone(), line, column: column.to_string(), kind });
        } else {
            self.more_issues += 1;
        }
    }

    fn csv_header(&mut self) -> Rows {
        let mut reader = Reader::new(&self.text);
        loop {
            match reader.next_record(&self.text) {
                None => {
                    self.issue(0, "", IssueKind::NoRows);
                    return Rows::Done;
                }
                Some(Err((line, problem))) => {
                    self.issue(line, "", IssueKind::Malformed(problem));
                    return Rows::Done;
                }
                Some(Ok((_, fields))) if fields.first().is_some_and(|f| f.trim_start().starts_with('#')) => {}
                Some(Ok((line, fields))) => {
                    let headers: Vec<String> = fields.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
                    let missing: Vec<&str> = REQUIRED_COLUMNS
                        .iter()
                        .copied()
                        .filter(|c| !headers.iter().any(|h| h == c))
                        .collect();
                    for column in &missing {
                        self.issue(line, column, IssueKind::MissingColumn);
                    }
                    if !missing.is_empty() {
                        return Rows::Done;
                    }
                    return Rows::Csv { reader, headers };
                }
            }
        }
    }

    fn json_items(&mut self) -> Rows {
        if self.text.trim().is_empty() {
            self.issue(0, "", IssueKind::NoRows);
            return Rows::Done;
        }
        match json::Entries::open(&self.text) {
            Ok(entries) => Rows::Json(entries),
            Err(e) => {
                self.issue(e.line, "", IssueKind::BadJson(e.expected));
                Rows::Done
            }
        }
    }

    /// Reads up to `max_rows` rows, checking each against `loaded` (the dataset as it is now:
    /// the published figures and earlier imports).
    pub fn step(&mut self, max_rows: usize, loaded: &Dataset) -> Progress {
        let mut budget = max_rows.max(1);
        let mut rows = std::mem::replace(&mut self.rows, Rows::Done);
        let done = loop {
            if budget == 0 {
                break false;
            }
            budget -= 1;
            let next: Option<(usize, Result<FigureRow, IssueKind>)> = match &mut rows {
                Rows::Done => None,
                Rows::Csv { reader, headers } => match reader.next_record(&self.text) {
                    None => None,
                    Some(Err((line, problem))) => Some((line, Err(IssueKind::Malformed(problem)))),
                    Some(Ok((_, fields)))
                        if fields.first().is_some_and(|f| f.trim_start().starts_with('#')) =>
                    {
                        budget += 1;
                        continue;
                    }
                    Some(Ok((line, fields))) => {
                        let fields: Vec<String> = fields.into_iter().map(undefuse).collect();
                        let row =
                            csv::deserialize::<FigureRow>(headers, &fields).map_err(IssueKind::Malformed);
                        Some((line, row))
                    }
                },
                Rows::Json(entries) => match entries.next(&self.text) {
                    None => None,
                    Some(Err(e)) => {
                        self.read += 1;
                        self.issue(e.line, "", IssueKind::BadJson(e.expected));
                        continue;
                    }
                    Some(Ok((line, item))) => match json_figure(&item) {
                        Ok(row) => Some((line, Ok(row))),
                        Err((column, expected)) => {
                            self.read += 1;
                            self.issue(line, column, IssueKind::BadJson(expected));
                            continue;
                        }
                    },
                },
            };
            match next {
                None => break true,
                Some((line, Err(kind))) => {
                    self.read += 1;
                    self.issue(line, "", kind);
                }
                Some((line, Ok(row))) => {
                    self.read += 1;
                    self.row(line, row, loaded);
                }
            }
        };
        let fraction = match &rows {
            Rows::Csv { reader, .. } => reader.pos as f64 / self.text.len().max(1) as f64,
            Rows::Json(entries) => entries.fraction(&self.text),
            Rows::Done => 1.0,
        };
        if done {
            // Freed here, in a step of its own, rather than in `finish`: the file's text and
            // the content of every row (150,000 strings for a large file).
            self.contents = HashMap::new();
            self.text = String::new();
        } else {
            self.rows = rows;
        }
        Progress { rows: self.read, fraction: if done { 1.0 } else { fraction.min(1.0) }, done }
    }

    fn row(&mut self, line: usize, row: FigureRow, loaded: &Dataset) {
        let id = row.id.trim().to_string();
        if let Some(existing) = loaded.figure(&id) {
            let same = {
                let mut mine = row.clone();
                mine.id = id.clone();
                let theirs = row_of(existing, &[]);
                content(&mine) == content(&theirs) && mine.source.trim() == theirs.source
            };
            if same {
                self.already += 1;
            } else {
                self.issue(line, "id", IssueKind::AlreadyInDataset(id));
            }
            return;
        }
        let duplicate_id = !id.is_empty() && self.by_id.contains_key(&id);
        let text = content(&row);
        let first = self.contents.get(&text).copied();
        if first.is_none() {
            self.contents.insert(text, line);
        }
        let rules = self.rules.get_or_insert_with(|| Rules::new(&loaded.terms, None));
        // A scope the dictionary lacks is new when the row names it; later rows may then use it.
        let scope = row.scope.trim();
        let (zh, en) = (row.scope_zh.trim(), row.scope_en.trim());
        let key_ok = scope.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        let named = !zh.is_empty() || !en.is_empty();
        if !scope.is_empty() && key_ok && named && !rules.scopes.contains(scope) {
            rules.scopes.insert(scope.to_string());
            let name = |a: &str, b: &str| if a.is_empty() { b.to_string() } else { a.to_string() };
            self.terms.push(Term {
                kind: "scope".into(),
                key: scope.to_string(),
                zh: name(zh, en),
                en: name(en, zh),
                imported: true,
                file: self.name.clone(),
            });
        }
        let mut issues = Vec::new();
        let figure = rules.check_row(&self.name, line, row, &mut issues);
        for i in issues {
            self.issue(i.line, &i.column, i.kind);
        }
        if duplicate_id {
            self.issue(line, "id", IssueKind::Duplicate(id));
            return;
        }
        if let Some(first) = first {
            self.issue(line, "", IssueKind::DuplicateRow(first));
            return;
        }
        if let Some(mut f) = figure {
            f.cited = std::mem::take(&mut f.source);
            f.source = self.key.clone();
            self.by_id.insert(f.id.clone(), self.figures.len());
            self.figures.push(f);
        } else if !id.is_empty() {
            // Keep the id taken, so a later row with the same id is still a duplicate.
            self.by_id.insert(id, usize::MAX);
        }
    }

    /// Runs the job to the end in one go (tests, small files).
    pub fn run(mut self, loaded: &Dataset) -> Result<Import, (Vec<Issue>, usize)> {
        while !self.step(10_000, loaded).done {}
        self.finish(loaded)
    }

    /// Resolves derived figures and gives the import, or every problem found (at most
    /// [`MAX_ISSUES`], and how many more there were).
    pub fn finish(mut self, loaded: &Dataset) -> Result<Import, (Vec<Issue>, usize)> {
        let mut issues = Vec::new();
        // Only derived figures need resolving (rebuilding the id map of 150,000 figures that
        // have none took a long main-thread task).
        if self.figures.iter().any(Figure::is_derived) {
            let by_id: HashMap<String, usize> =
                std::mem::take(&mut self.by_id).into_iter().filter(|(_, i)| *i != usize::MAX).collect();
            resolve_derived(
                &self.name,
                &mut self.figures,
                &by_id,
                &|r| loaded.figure(r).map(Figure::base_value),
                &mut issues,
            );
        }
        for i in issues {
            if self.issues.len() < MAX_ISSUES {
                self.issues.push(i);
            } else {
                self.more_issues += 1;
            }
        }
        if self.issues.is_empty() && self.figures.is_empty() && self.already == 0 {
            self.issues.push(Issue {
                file: self.name.clone(),
                line: 0,
                column: String::new(),
                kind: IssueKind::NoRows,
            });
        }
        if !self.issues.is_empty() {
            return Err((self.issues, self.more_issues));
        }
        let source = Source {
            key: self.key,
            title: self.name.clone(),
            publisher: String::new(),
            date: String::new(),
            url: String::new(),
            note: String::new(),
        };
        Ok(Import {
            name: self.name,
            source,
            figures: self.figures,
            terms: self.terms,
            already_loaded: self.already,
        })
    }
}

/// Imports a whole file at once: [`decode`], then an [`ImportJob`] run to the end.
pub fn import(name: &str, bytes: &[u8], loaded: &Dataset) -> Result<Import, (Vec<Issue>, usize)> {
    let text = decode(name, bytes).map_err(|i| (vec![i], 0))?;
    ImportJob::new(name, text, loaded).run(loaded)
}
