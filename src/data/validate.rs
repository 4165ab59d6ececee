//! Problems found in the data: each names the file, the line, the column and what was expected.
//! The words shown to people live in `i18n.rs` ([`crate::i18n::issue_message`]).

/// One problem in one cell (or one line) of a dataset file.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// `figures.csv`, `sources.csv` or `dictionary.csv` (or an imported file's name).
    pub file: String,
    /// Line in the file, 1 = header; 0 when the problem concerns the whole file.
    pub line: usize,
    /// The column concerned, or empty.
    pub column: String,
    pub kind: IssueKind,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// The CSV itself is malformed (unbalanced quotes, wrong number of fields …).
    Malformed(super::csv::CsvProblem),
    /// A required column is missing from the header.
    MissingColumn,
    /// A required cell is empty.
    Empty,
    /// The id is not `[a-z0-9_]+`.
    BadId(String),
    /// The id (or source key, or term) appears twice.
    Duplicate(String),
    UnknownMetric(String),
    UnknownScope(String),
    UnknownUnit(String),
    UnknownQualifier(String),
    UnknownSource(String),
    UnknownTermKind(String),
    /// The period does not follow the grammar.
    BadPeriod(String),
    /// The value is not a plain decimal or fraction.
    BadValue(String),
    /// A published figure has a formula as well as a value.
    ValueAndFormula,
    /// Neither value nor formula.
    NoValue,
    /// The formula does not parse: offset and what was expected.
    BadFormula {
        offset: usize,
        expected: &'static str,
    },
    /// The formula refers to an id that is not in the dataset.
    UnresolvedRef(String),
    /// The formula depends on itself.
    Cycle,
    /// The formula evaluates to no finite number.
    NotFinite,
    /// A value (as written, or a formula's result) is negative in a unit that cannot be (its key).
    Negative {
        value: String,
        unit: &'static str,
    },
    /// A source date is not `YYYY[-MM[-DD]]`.
    BadDate(String),
    /// The file has no rows.
    NoRows,
    /// An imported file is larger than the limit (its size in bytes).
    TooLarge {
        bytes: usize,
    },
    /// An imported file is not text (an old `.xls` spreadsheet, an image, binary data).
    NotText,
    /// An imported `.xlsx` workbook cannot be read: what is wrong with it.
    Spreadsheet(super::xlsx::XlsxProblem),
    /// An imported file is text in another encoding (`UTF-16`), or not valid UTF-8 (`UTF-8`).
    WrongEncoding(&'static str),
    /// An imported figure's id is already used by a different figure in the dataset.
    AlreadyInDataset(String),
    /// An imported row gives the same figure as an earlier row (its line).
    DuplicateRow(usize),
    /// A JSON file does not parse, or an entry is not a figure object: what was expected.
    BadJson(super::json::Expected),
}
