//! Bad data gives every problem at once, each naming file, line and column.

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::data::csv::CsvProblem;
use ftz_atlas::data::{Dataset, IssueKind, EMBEDDED};
use ftz_atlas::i18n::{issue_message, Lang};

const HEADER: &str = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n";

fn figures(rows: &str) -> Result<Dataset, Vec<ftz_atlas::data::Issue>> {
    Dataset::parse(&format!("{HEADER}{rows}"), EMBEDDED.sources, EMBEDDED.dictionary)
}

fn kinds(rows: &str) -> Vec<(usize, String, IssueKind)> {
    match figures(rows) {
        Ok(_) => Vec::new(),
        Err(issues) => issues.into_iter().map(|i| (i.line, i.column, i.kind)).collect(),
    }
}

#[test]
fn a_good_row_parses() {
    let ds = figures("a,ftz_nev_exports,ftz,2023,exact,2.7,wan_vehicles,,SEED,出口新能源汽车2.7万辆,\n");
    assert_eq!(ds.map(|d| d.figures.len()), Ok(1));
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let rows = "\
Bad Id,nope,nowhere,2023-13,roughly,1;000,yuan,,NOPE,q,
b,ftz_nev_exports,ftz,2023,exact,5,vehicles,a * 2,SEED,quote text,
c,ftz_nev_exports,ftz,2023,exact,,vehicles,missing_id * 2,SEED,quote text,
c,ftz_nev_exports,ftz,2023,exact,,vehicles,(1 +,SEED,quote text,
d,ftz_nev_exports,ftz,2023,exact,,vehicles,,SEED,quote text,
e,ftz_nev_exports,ftz,2023,exact,NaN,vehicles,,SEED,quote text,
f,ftz_nev_exports,ftz,2023,exact,,vehicles,g,SEED,quote text,
g,ftz_nev_exports,ftz,2023,exact,,vehicles,f,SEED,quote text,
";
    let got = kinds(rows);
    let expect = [
        (2, "id", IssueKind::BadId("Bad Id".into())),
        (2, "metric", IssueKind::UnknownMetric("nope".into())),
        (2, "scope", IssueKind::UnknownScope("nowhere".into())),
        (2, "period", IssueKind::BadPeriod("2023-13".into())),
        (2, "qualifier", IssueKind::UnknownQualifier("roughly".into())),
        (2, "value", IssueKind::BadValue("1;000".into())),
        (2, "unit", IssueKind::UnknownUnit("yuan".into())),
        (2, "source", IssueKind::UnknownSource("NOPE".into())),
        (3, "formula", IssueKind::ValueAndFormula),
        (4, "formula", IssueKind::UnresolvedRef("missing_id".into())),
        (5, "formula", IssueKind::BadFormula { offset: 4, expected: "a number, a figure id or `(`" }),
        (5, "id", IssueKind::Duplicate("c".into())),
        (6, "value", IssueKind::NoValue),
        (7, "value", IssueKind::BadValue("NaN".into())),
        (8, "formula", IssueKind::Cycle),
    ];
    for e in &expect {
        let e = (e.0, e.1.to_string(), e.2.clone());
        assert!(got.contains(&e), "missing {e:?} in {got:#?}");
    }
}

#[test]
fn malformed_csv_and_missing_columns() {
    let issues =
        Dataset::parse("id,metric\na,b\n", EMBEDDED.sources, EMBEDDED.dictionary).err().unwrap_or_default();
    assert!(issues.iter().any(|i| i.kind == IssueKind::MissingColumn && i.column == "period"), "{issues:?}");
    let issues = figures("a,b,c,d,e,f,g,h,i,\"open quote,\n").err().unwrap_or_default();
    assert_eq!(
        issues.first().map(|i| (i.line, i.kind.clone())),
        Some((2, IssueKind::Malformed(CsvProblem::UnclosedQuote)))
    );
    let issues = figures("a,ftz_nev_exports,ftz,2023,exact,1,vehicles\n").err().unwrap_or_default();
    assert_eq!(
        issues.first().map(|i| (i.line, i.kind.clone())),
        Some((2, IssueKind::Malformed(CsvProblem::FieldCount { expected: 11, found: 7 })))
    );
    let issues = Dataset::parse("", EMBEDDED.sources, EMBEDDED.dictionary).err().unwrap_or_default();
    assert!(!issues.is_empty());
}

#[test]
fn messages_name_file_line_and_column_in_both_languages() {
    let issues = figures("x,ftz_nev_exports,ftz,2023,exact,abc,vehicles,,SEED,quote text,\n")
        .err()
        .unwrap_or_default();
    let first = issues.first().cloned();
    let zh = first.as_ref().map(|i| issue_message(i, Lang::Zh)).unwrap_or_default();
    let en = first.as_ref().map(|i| issue_message(i, Lang::En)).unwrap_or_default();
    assert_eq!(
        zh,
        "figures.csv 第2行 value列：数值“abc”应为纯数字（如 7137.4）或分数（如 2/3），不带千位符或限定符号"
    );
    assert!(en.starts_with("figures.csv, line 2, column value: value “abc”"), "{en}");
}

#[test]
fn a_bom_is_accepted() {
    let text = format!(
        "\u{feff}{HEADER}a,ftz_nev_exports,ftz,2023,exact,2.7,wan_vehicles,,SEED,出口新能源汽车2.7万辆,\n"
    );
    assert!(Dataset::parse(&text, EMBEDDED.sources, EMBEDDED.dictionary).is_ok());
}
