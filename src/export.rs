//! Exports of a chart's figures: CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) and
//! JSON, with qualifiers, periods, values, formulas and sources. Pure; the browser shell only
//! turns the strings into downloads.
//!
//! Cells are data, never code: a CSV cell that a spreadsheet would read as a formula
//! (`=`, `+`, `-`, `@`, tab, carriage return at the start) is prefixed with `'`.

use crate::chart::model::{ChartModel, Detail};
pub use crate::data::import::IMPORT_COLUMNS;
use crate::data::import::{row_of, FORMULA_STARTS};
use crate::data::record::FigureRow;
use crate::data::{Dataset, Figure, Qualifier, Term, Unit};
use crate::i18n::{unit_name, Lang, Text};

const COLUMNS: [&str; 17] = [
    "id",
    "metric",
    "scope",
    "period",
    "qualifier",
    "value",
    "number",
    "unit",
    "derived",
    "formula",
    "source_title",
    "publisher",
    "published",
    "url",
    "quote",
    "note",
    // true for a figure the reader imported from a file (`source_title` names the file)
    "imported",
];

fn row(d: &Detail) -> [String; 17] {
    [
        d.figure.clone(),
        d.metric.clone(),
        d.scope.clone(),
        d.period.clone(),
        d.qualifier.key().to_string(),
        d.value.clone(),
        d.number.clone(),
        d.unit.clone(),
        d.derived.to_string(),
        d.formula.clone(),
        d.source_title.clone(),
        d.publisher.clone(),
        d.published.clone(),
        d.url.clone(),
        d.quote.clone(),
        d.note.clone(),
        d.imported.to_string(),
    ]
}

/// One CSV cell: quoted when needed, and defused when a spreadsheet would run it. A cell that
/// already starts with `'`s before such a character gets one more, so that importing the file
/// (which removes one) gives the text back exactly.
fn csv_cell(text: &str) -> String {
    let risky = text.trim_start_matches('\'').starts_with(FORMULA_STARTS);
    let text = if risky { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The chart's figures as CSV: a BOM, a header row, one row a drawn figure, CRLF line ends.
pub fn csv(model: &ChartModel) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for d in model.all_details() {
        let cells: Vec<String> = row(d).iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Escaped so the JSON can sit inside an HTML <script> without ending it.
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The chart's figures as JSON: `{"chart": …, "title": …, "source": …, "figures": [{…}, …]}`.
pub fn json(model: &ChartModel) -> String {
    let figures: Vec<String> = model
        .all_details()
        .map(|d| {
            let fields: Vec<String> = COLUMNS
                .iter()
                .zip(row(d))
                .map(|(k, v)| match *k {
                    "derived" | "imported" => format!("\"{k}\":{v}"),
                    _ => format!("\"{k}\":{}", json_string(&v)),
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    format!(
        "{{\"chart\":{},\"title\":{},\"source\":{},\"figures\":[{}]}}",
        json_string(model.id.slug()),
        json_string(&model.title),
        json_string(&model.source_line),
        figures.join(",")
    )
}

fn figure_cells(r: &FigureRow) -> [&str; 13] {
    [
        &r.id,
        &r.metric,
        &r.scope,
        &r.period,
        &r.qualifier,
        &r.value,
        &r.unit,
        &r.formula,
        &r.source,
        &r.quote,
        &r.note,
        &r.scope_zh,
        &r.scope_en,
    ]
    .map(String::as_str)
}

fn csv_line(cells: &[&str]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    format!("{}\r\n", cells.join(","))
}

/// Figures in the import schema (`figures.csv`'s columns), as CSV with a BOM; `terms` names
/// the scopes imports brought. Importing this file gives the same figures back: the importer
/// undoes the defusing of cells.
pub fn figures_csv<'a>(figures: impl IntoIterator<Item = &'a Figure>, terms: &[Term]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&IMPORT_COLUMNS));
    for f in figures {
        out.push_str(&csv_line(&figure_cells(&row_of(f, terms))));
    }
    out
}

/// The whole dataset (published and imported figures, sources, names) as JSON:
/// `{"figures": [...], "sources": [...], "terms": [...]}`; `figures` is in the import schema.
pub fn dataset_json(ds: &Dataset) -> String {
    fn object(keys: &[&str], values: &[&str]) -> String {
        let fields: Vec<String> =
            keys.iter().zip(values).map(|(k, v)| format!("{}:{}", json_string(k), json_string(v))).collect();
        format!("{{{}}}", fields.join(","))
    }
    let figures: Vec<String> =
        ds.figures.iter().map(|f| object(&IMPORT_COLUMNS, &figure_cells(&row_of(f, &ds.terms)))).collect();
    let sources: Vec<String> = ds
        .sources
        .iter()
        .map(|s| {
            object(
                &["key", "title", "publisher", "date", "url", "note"],
                &[&s.key, &s.title, &s.publisher, &s.date, &s.url, &s.note],
            )
        })
        .collect();
    let terms: Vec<String> = ds
        .terms
        .iter()
        .map(|t| object(&["kind", "key", "zh", "en"], &[&t.kind, &t.key, &t.zh, &t.en]))
        .collect();
    format!(
        "{{\"figures\":[\n{}\n],\"sources\":[\n{}\n],\"terms\":[\n{}\n]}}\n",
        figures.join(",\n"),
        sources.join(",\n"),
        terms.join(",\n")
    )
}

/// The import template: the header, then comment lines (starting with `#`, skipped on import)
/// listing the known metrics, scopes, units, qualifiers and period forms, and two example rows,
/// commented out: real published 片区 figures with their sources, to copy the form from.
pub fn template_csv(ds: &Dataset, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&IMPORT_COLUMNS));
    let comment = |text: String| csv_line(&[&format!("# {text}")]);
    out.push_str(&comment(Text::TemplateIntro.t(lang).to_string()));
    out.push_str(&comment(Text::TemplatePeriods.t(lang).to_string()));
    out.push_str(&comment(format!(
        "qualifier: {}",
        Qualifier::ALL.iter().map(|q| q.key()).collect::<Vec<_>>().join(" | ")
    )));
    let name = |zh: &str, en: &str| if lang == Lang::Zh { format!("{zh} / {en}") } else { en.to_string() };
    for u in Unit::ALL {
        out.push_str(&comment(format!(
            "unit: {} = {}",
            u.key(),
            name(unit_name(u, Lang::Zh), unit_name(u, Lang::En))
        )));
    }
    for kind in ["scope", "metric"] {
        for t in ds.terms.iter().filter(|t| t.kind == kind) {
            out.push_str(&comment(format!("{kind}: {} = {}", t.key, name(&t.zh, &t.en))));
        }
    }
    out.push_str(&comment(Text::TemplateNewScope.t(lang).to_string()));
    out.push_str(&comment(Text::TemplateExamples.t(lang).to_string()));
    let examples = ds
        .figures
        .iter()
        .filter(|f| !f.is_derived() && ["liangjiang", "xiyong", "guoyuangang"].contains(&f.scope.as_str()))
        .take(2);
    for f in examples {
        let mut row = row_of(f, &[]);
        row.id = format!("#example_{}", row.id);
        out.push_str(&csv_line(&figure_cells(&row)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-3"), "'-3");
        assert_eq!(csv_cell("@x"), "'@x");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("\r\n"), "\"'\r\n\"");
        assert_eq!(csv_cell("'=x"), "''=x");
        assert_eq!(csv_cell("'quoted'"), "'quoted'");
    }

    #[test]
    fn json_strings_escape_quotes_controls_and_markup() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(json_string("</script>"), "\"\\u003c/script>\"");
        assert_eq!(json_string("\u{1}"), "\"\\u0001\"");
    }
}
