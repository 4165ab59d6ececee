//! Rows of an imported file ⇄ figures: a JSON entry as a row, a figure as the row that would
//! reproduce it, and the spreadsheet defusing of exported cells, undone.

use crate::data::json::{Expected, Value};
use crate::data::record::{Figure, FigureRow, Term};

/// One figure of a JSON file: an object with the columns of `figures.csv` as keys, each text,
/// a number (kept as written) or null; other keys are ignored.
pub(super) fn json_figure(item: &Value) -> Result<FigureRow, (&'static str, Expected)> {
    let Value::Object(members) = item else { return Err(("", Expected::FigureObject)) };
    let mut row = FigureRow::default();
    for (key, value) in members {
        // Other keys are ignored; a known one is named by its `'static` column in a problem.
        let Some(&column) = IMPORT_COLUMNS.iter().find(|c| **c == key) else { continue };
        let cell = match column {
            "id" => &mut row.id,
            "metric" => &mut row.metric,
            "scope" => &mut row.scope,
            "period" => &mut row.period,
            "qualifier" => &mut row.qualifier,
            "value" => &mut row.value,
            "unit" => &mut row.unit,
            "formula" => &mut row.formula,
            "source" => &mut row.source,
            "quote" => &mut row.quote,
            "note" => &mut row.note,
            "scope_zh" => &mut row.scope_zh,
            "scope_en" => &mut row.scope_en,
            _ => continue,
        };
        *cell = match value {
            // A CSV file with a NUL byte is refused as binary: a JSON file cannot bring one in
            // as `\u0000` either (its CSV export would not import).
            Value::Text(t) if t.contains('\0') => return Err((column, Expected::NoNul)),
            Value::Text(t) | Value::Number(t) => t.clone(),
            Value::Null => String::new(),
            _ => return Err((column, Expected::TextOrNumber)),
        };
    }
    Ok(row)
}

/// The columns of the import schema: those of `figures.csv`, and the names of a new scope.
pub const IMPORT_COLUMNS: [&str; 13] = [
    "id",
    "metric",
    "scope",
    "period",
    "qualifier",
    "value",
    "unit",
    "formula",
    "source",
    "quote",
    "note",
    "scope_zh",
    "scope_en",
];

/// A row's content apart from its id, as one comparable string.
pub(super) fn content(row: &FigureRow) -> String {
    [&row.metric, &row.scope, &row.period, &row.qualifier, &row.value, &row.unit, &row.formula]
        .map(|c| c.trim())
        .join("\u{1f}")
}

/// A figure as the row that would reproduce it (the export form); the names of its scope when
/// `terms` has it as an imported one.
pub fn row_of(f: &Figure, terms: &[Term]) -> FigureRow {
    let new_scope = terms.iter().find(|t| t.imported && t.kind == "scope" && t.key == f.scope);
    FigureRow {
        id: f.id.clone(),
        metric: f.metric.clone(),
        scope: f.scope.clone(),
        period: f.period.key(),
        qualifier: f.qualifier.key().to_string(),
        value: f.value_text.clone(),
        unit: f.unit.key().to_string(),
        formula: f.formula_text.clone(),
        source: if f.is_imported() { f.cited.clone() } else { f.source.clone() },
        quote: f.quote.clone(),
        note: f.note.clone(),
        scope_zh: new_scope.map(|t| t.zh.clone()).unwrap_or_default(),
        scope_en: new_scope.map(|t| t.en.clone()).unwrap_or_default(),
    }
}

/// What a spreadsheet runs as a formula when a cell starts with it; CSV exports put a `'`
/// before such a cell.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Undoes the exports' spreadsheet defusing: one `'` is removed before `'`s and one of
/// [`FORMULA_STARTS`] (`'=x` → `=x`, `''=x` → `'=x`), the exact inverse of the export's.
pub(super) fn undefuse(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => cell,
    }
}
