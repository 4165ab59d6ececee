//! The corpus of bad import files (`tests/fixtures/import/`): each file has one kind of problem
//! and, beside it, `<file>.expected` listing every issue it must give, in the order reported
//! (rows as they are read, then derived figures as they are resolved at the end), one a line:
//! `line<TAB>column (- for none)<TAB>IssueKind as {:?}`. Lines starting with `#` are comments.
//!
//! Files too large to commit (over the 20 MB limit; 100,000 rows) are generated here, and the
//! good files of `tests/fixtures/import/good/` (hostile labels, JSON with numbers, tab-separated
//! with a BOM, only the required columns) are checked below.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use ftz_atlas::chart::{build, catalog, ChartId};
use ftz_atlas::data::import::{decode, import, Import, ImportJob, MAX_BYTES, MAX_ISSUES};
use ftz_atlas::data::{Dataset, Figure, Issue, IssueKind};
use ftz_atlas::export::{self, figures_csv};
use ftz_atlas::i18n::{issue_message, Lang};
use ftz_atlas::render::svg::{to_svg, SvgOptions};

const HEADER: &str = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n";

fn base() -> Dataset {
    let ds = Dataset::embedded().unwrap_or_default();
    assert!(ds.figures.len() > 50, "the embedded dataset did not load");
    ds
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn read(path: &Path) -> Vec<u8> {
    match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// `(line, column, kind as {:?})`, the form of the `.expected` files.
type Row = (usize, String, String);

fn rows(issues: &[Issue]) -> Vec<Row> {
    issues.iter().map(|i| (i.line, i.column.clone(), format!("{:?}", i.kind))).collect()
}

fn expected(path: &Path) -> Vec<Row> {
    let text = String::from_utf8(read(path)).unwrap_or_default();
    let mut out = Vec::new();
    for l in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cells = l.splitn(3, '\t');
        let (Some(line), Some(column), Some(kind)) = (cells.next(), cells.next(), cells.next()) else {
            panic!("{}: bad expectation line {l:?}", path.display())
        };
        let Ok(line) = line.parse::<usize>() else { panic!("{}: bad line number in {l:?}", path.display()) };
        let column = if column == "-" { String::new() } else { column.to_string() };
        out.push((line, column, kind.to_string()));
    }
    out
}

/// The text an issue carries (the bad value, the unknown key …), which its message must show.
fn payload(kind: &IssueKind) -> Option<String> {
    match kind {
        IssueKind::BadId(x)
        | IssueKind::Duplicate(x)
        | IssueKind::UnknownMetric(x)
        | IssueKind::UnknownScope(x)
        | IssueKind::UnknownUnit(x)
        | IssueKind::UnknownQualifier(x)
        | IssueKind::UnknownSource(x)
        | IssueKind::UnknownTermKind(x)
        | IssueKind::BadPeriod(x)
        | IssueKind::BadValue(x)
        | IssueKind::UnresolvedRef(x)
        | IssueKind::BadDate(x)
        | IssueKind::AlreadyInDataset(x) => Some(x.clone()),
        IssueKind::BadJson(_) => None,
        IssueKind::DuplicateRow(line) => Some(line.to_string()),
        _ => None,
    }
}

/// Problems with the messages of `issue` in both languages: each must start with the file, the
/// line (when there is one) and the column (when there is one), show what was wrong, and leave
/// no template placeholder unfilled.
fn message_problems(issue: &Issue) -> Vec<String> {
    let (file, line, column) = (&issue.file, issue.line, &issue.column);
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let m = issue_message(issue, lang);
        let place = match (lang, line, column.is_empty()) {
            (Lang::Zh, 0, _) => format!("{file}："),
            (Lang::Zh, l, true) => format!("{file} 第{l}行："),
            (Lang::Zh, l, false) => format!("{file} 第{l}行 {column}列："),
            (Lang::En, 0, _) => format!("{file}: "),
            (Lang::En, l, true) => format!("{file}, line {l}: "),
            (Lang::En, l, false) => format!("{file}, line {l}, column {column}: "),
        };
        if !m.starts_with(&place) {
            out.push(format!("{lang:?} message {m:?} does not start with {place:?}"));
        }
        if m.len() <= place.len() + 4 {
            out.push(format!("{lang:?} message {m:?} says nothing about the problem"));
        }
        if let Some(x) = payload(&issue.kind) {
            if !m.contains(&x) {
                out.push(format!("{lang:?} message {m:?} does not show {x:?}"));
            }
        }
        if ["{1}", "{2}", "{3}"].iter().any(|p| m.contains(p)) {
            out.push(format!("{lang:?} message {m:?} has an unfilled placeholder"));
        }
    }
    out
}

/// Runs the job in steps of `step` rows, checking the progress it reports on the way.
fn run_in_steps(name: &str, bytes: &[u8], ds: &Dataset, step: usize) -> Result<Import, (Vec<Issue>, usize)> {
    let text = decode(name, bytes).map_err(|i| (vec![i], 0))?;
    let mut job = ImportJob::new(name, text, ds);
    let mut last = (0, 0.0);
    loop {
        let p = job.step(step, ds);
        assert!(p.rows >= last.0 && p.fraction >= last.1 && p.fraction <= 1.0, "{name}: progress {p:?}");
        last = (p.rows, p.fraction);
        if p.done {
            assert_eq!(p.fraction, 1.0, "{name}");
            break;
        }
    }
    job.finish(ds)
}

#[test]
fn every_bad_file_gives_exactly_its_expected_issues_and_changes_nothing() {
    let ds = base();
    let before = ds.clone();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(corpus()) {
        Ok(d) => d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect(),
        Err(e) => panic!("{e}"),
    };
    entries.sort();
    let files: Vec<&PathBuf> =
        entries.iter().filter(|p| p.extension().is_none_or(|e| e != "expected")).collect();
    // Every expectation has its file (a renamed fixture cannot silently drop out).
    for p in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "expected")) {
        let file = p.with_extension("");
        assert!(file.is_file(), "{} has no file", p.display());
    }
    assert!(files.len() >= 40, "only {} files in the corpus", files.len());

    let mut failures = Vec::new();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let bytes = read(path);
        let want = expected(&PathBuf::from(format!("{}.expected", path.display())));
        assert!(!want.is_empty(), "{name}: no expected issues");
        let result = import(&name, &bytes, &ds);
        // The loaded dataset is only ever extended with an Ok import; a bad file gives none.
        assert_eq!(ds, before, "{name} changed the dataset");
        let Err((issues, more)) = &result else {
            failures.push(format!("{name}: imported {} figures", result.map_or(0, |i| i.figures.len())));
            continue;
        };
        assert_eq!(*more, 0, "{name}");
        let got = rows(issues);
        if got != want {
            failures.push(format!("{name}:\n  expected {want:#?}\n  got      {got:#?}"));
        }
        for i in issues {
            assert_eq!(i.file, name);
            failures.extend(message_problems(i).into_iter().map(|p| format!("{name}: {p}")));
        }
        // The same issues whatever the step size (a row at a time, as a slow page would).
        for step in [1, 3] {
            let stepped = run_in_steps(&name, &bytes, &ds, step);
            if stepped != result {
                failures.push(format!("{name}: steps of {step} give {stepped:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn messages_of_typical_problems_read_as_expected() {
    let ds = base();
    let first = |name: &str| -> Issue {
        match import(name, &read(&corpus().join(name)), &ds) {
            Err((issues, _)) => issues.into_iter().next().unwrap_or_else(|| panic!("{name}: no issue")),
            Ok(_) => panic!("{name} imported"),
        }
    };
    let gbk = first("gbk.csv");
    assert_eq!(
        issue_message(&gbk, Lang::En),
        "gbk.csv, line 3: this line is not UTF-8 (GBK?); save the file as CSV (UTF-8)"
    );
    assert_eq!(
        issue_message(&gbk, Lang::Zh),
        "gbk.csv 第3行：此行不是 UTF-8 编码（可能是 GBK）；请另存为 CSV（UTF-8）"
    );
    // Spreadsheets: every problem a damaged or wrong workbook gives, in both languages, exactly.
    for (file, zh, en) in [
        (
            "not_text.xlsx",
            "not_text.xlsx：不是有效的 Excel 工作簿（.xlsx）：文件已损坏，或并非 .xlsx",
            "not_text.xlsx: not a valid Excel workbook (.xlsx): the file is damaged or is not an .xlsx",
        ),
        (
            "xlsx_no_workbook.xlsx",
            "xlsx_no_workbook.xlsx：工作簿缺少 xl/workbook.xml",
            "xlsx_no_workbook.xlsx: the workbook has no xl/workbook.xml",
        ),
        (
            "xlsx_corrupt_part.xlsx",
            "xlsx_corrupt_part.xlsx：工作簿中的 xl/workbook.xml 无法解压（文件已损坏，或解压后超过 100 MB）",
            "xlsx_corrupt_part.xlsx: the workbook's part xl/workbook.xml does not unpack (it is damaged, or over 100 MB unpacked)",
        ),
        (
            "xlsx_encrypted.xlsx",
            "xlsx_encrypted.xlsx：工作簿中的 xl/workbook.xml 使用了不支持的压缩或加密；请另存为普通 .xlsx 或 CSV",
            "xlsx_encrypted.xlsx: the workbook's part xl/workbook.xml is compressed or encrypted in a way that is not supported; save it as a plain .xlsx or as CSV",
        ),
        (
            "xlsx_bad_value.xlsx",
            "xlsx_bad_value.xlsx 第2行 value列：数值“lots”应为纯数字（如 7137.4）或分数（如 2/3），不带千位符或限定符号",
            "xlsx_bad_value.xlsx, line 2, column value: value “lots” should be a plain number (7137.4) or a fraction (2/3), without separators or qualifier signs",
        ),
    ] {
        let issue = first(file);
        assert_eq!(issue_message(&issue, Lang::Zh), zh);
        assert_eq!(issue_message(&issue, Lang::En), en);
    }
    let metric = first("unknown_metric.csv");
    assert_eq!(
        issue_message(&metric, Lang::Zh),
        "unknown_metric.csv 第3行 metric列：未知指标“ftz_nev_exportz”（模板中列出了可用的指标）"
    );
    let dup = first("duplicate_row.csv");
    assert_eq!(
        issue_message(&dup, Lang::En),
        "duplicate_row.csv, line 4: the same figure as line 3 (duplicate row)"
    );
}

/// A valid file of `rows` figures, padded with a comment line to exactly `size` bytes.
fn padded_file(size: usize) -> Vec<u8> {
    let mut text = String::from(HEADER);
    text.push_str("my_a,ftz_nev_exports,ftz,2024,exact,3.1,wan_vehicles,,,,\n");
    text.push_str("# ");
    let fill = size.saturating_sub(text.len() + 1);
    text.push_str(&"x".repeat(fill));
    text.push('\n');
    assert_eq!(text.len(), size);
    text.into_bytes()
}

#[test]
fn a_file_over_20_mb_is_refused_before_it_is_read() {
    let ds = base();
    let name = "big.csv";
    let over = padded_file(MAX_BYTES + 1);
    let Err((issues, more)) = import(name, &over, &ds) else { panic!("a file over the limit imported") };
    assert_eq!(more, 0);
    let want = Issue {
        file: name.into(),
        line: 0,
        column: String::new(),
        kind: IssueKind::TooLarge { bytes: MAX_BYTES + 1 },
    };
    assert_eq!(issues, vec![want]);
    assert!(message_problems(&issues[0]).is_empty(), "{:?}", message_problems(&issues[0]));
    assert!(issue_message(&issues[0], Lang::En).contains("MB limit"));
    // The same file one byte shorter is within the limit and imports.
    let at = padded_file(MAX_BYTES);
    let imported = import(name, &at, &ds).map(|i| i.figures.len()).map_err(|e| e.0);
    assert_eq!(imported, Ok(1));
}

#[test]
fn too_many_problems_are_counted_beyond_the_cap() {
    let ds = base();
    let mut text = String::from(HEADER);
    for i in 0..MAX_ISSUES + 500 {
        text.push_str(&format!("my_{i},ftz_nev_exports,ftz,2024,exact,lots{i},vehicles,,,,\n"));
    }
    let Err((issues, more)) = import("bad.csv", text.as_bytes(), &ds) else { panic!("imported") };
    assert_eq!((issues.len(), more), (MAX_ISSUES, 500));
    assert_eq!(
        issues.last().map(|i| (i.line, i.kind.clone())),
        Some((MAX_ISSUES + 1, IssueKind::BadValue(format!("lots{}", MAX_ISSUES - 1))))
    );
}

/// 100,000 rows with what real files have: CRLF line ends, quoted cells with commas, quotes and
/// newlines, comments, every period form, negative values (of a growth rate, the only kind that
/// may be negative), and derived figures that refer to the row before (a chain as long as the
/// file allows).
fn hundred_thousand_rows() -> Vec<(String, String, String, String, String, String)> {
    let periods =
        ["2023", "2025-01..2025-10", "asof:~2021-12", "stated:2018-12-01", "undated", "asof:2020-03-31"];
    (0..100_000)
        .map(|i| {
            let id = format!("r{i}");
            let period = periods[i % periods.len()].replace("2023", &(1900 + i % 200).to_string());
            let (value, formula) = if i % 10 == 9 {
                (String::new(), format!("r{} + 1", i - 1))
            } else {
                (format!("{}{}.{:02}", if i % 7 == 0 { "-" } else { "" }, i, i % 100), String::new())
            };
            let (note, source) = if i % 50 == 5 {
                (format!("row {i}, \"quoted\"\nsecond line 两江"), format!("=SUM({i})"))
            } else {
                Default::default()
            };
            (id, period, value, formula, note, source)
        })
        .collect()
}

#[test]
fn a_100_000_row_csv_imports_fully() {
    let ds = base();
    let mut text = String::from("\u{feff}");
    text.push_str(&HEADER.replace('\n', "\r\n"));
    let rows = hundred_thousand_rows();
    for (i, (id, period, value, formula, note, source)) in rows.iter().enumerate() {
        if i % 1000 == 0 {
            text.push_str(&format!("# block {i}\r\n"));
        }
        let note = note.replace('"', "\"\"");
        text.push_str(&format!(
            "{id},city_foreign_trade_yoy,city,{period},about,{value},pct_yoy,{formula},\"{source}\",,\"{note}\"\r\n"
        ));
    }
    let imp = match import("rows.csv", text.as_bytes(), &ds) {
        Ok(i) => i,
        Err((issues, more)) => panic!("{} issues (+{more}), first {:?}", issues.len(), issues.first()),
    };
    assert_eq!(imp.figures.len(), 100_000);
    let last = &imp.figures[99_999];
    assert_eq!((last.id.as_str(), last.formula_text.as_str()), ("r99999", "r99998 + 1"));
    // r99998 is published; its derived successor is one more in base units (1 = +100 %).
    assert!((last.value - (imp.figures[99_998].value + 100.0)).abs() < 1e-6, "{}", last.value);
    assert_eq!(imp.figures[7].value_text, "-7.07");
    assert_eq!(imp.figures[5].note, "row 5, \"quoted\"\nsecond line 两江");
    assert_eq!(imp.figures[5].cited, "=SUM(5)");
    // Line numbers count the header, the comments and the newlines inside quoted notes.
    let lines: Vec<usize> = imp.figures[..7].iter().map(|f| f.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 10]);
    assert_eq!(imp.figures[1000].line, 1000 + 3 + 1 + 20);
}

#[test]
fn a_100_000_row_json_imports_fully() {
    let ds = base();
    let rows = hundred_thousand_rows();
    let mut items = Vec::with_capacity(rows.len());
    for (id, period, value, formula, note, source) in &rows {
        // Values as numbers where there is one, as JSON files from other tools give them.
        let value = if value.is_empty() { "null".to_string() } else { value.clone() };
        let note = note.replace('"', "\\\"").replace('\n', "\\n");
        items.push(format!(
            "{{\"id\":\"{id}\",\"metric\":\"city_foreign_trade_yoy\",\"scope\":\"city\",\"period\":\"{period}\",\
             \"qualifier\":\"about\",\"value\":{value},\"unit\":\"pct_yoy\",\"formula\":\"{formula}\",\
             \"source\":\"{source}\",\"note\":\"{note}\"}}"
        ));
    }
    let text = format!("{{\"figures\": [\n{}\n]}}\n", items.join(",\n"));
    let started = std::time::Instant::now();
    let imp = match import("rows.json", text.as_bytes(), &ds) {
        Ok(i) => i,
        Err((issues, more)) => panic!("{} issues (+{more}), first {:?}", issues.len(), issues.first()),
    };
    assert_eq!(imp.figures.len(), 100_000);
    assert_eq!(imp.figures[99_999].line, 100_001);
    assert_eq!(imp.figures[5].note, "row 5, \"quoted\"\nsecond line 两江");
    // JSON numbers are written back as Rust prints them: -7.07 stays -7.07.
    assert_eq!(imp.figures[7].value_text, "-7.07");
    assert!(text.len() < MAX_BYTES, "{} bytes", text.len());
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}

fn good(name: &str) -> Import {
    let ds = base();
    match import(name, &read(&corpus().join("good").join(name)), &ds) {
        Ok(i) => i,
        Err((issues, _)) => panic!("{name}: {:#?}", rows(&issues)),
    }
}

#[test]
fn good_files_of_every_form_import() {
    let ids = |i: &Import| i.figures.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    let tsv = good("tab_bom_crlf.tsv");
    assert_eq!(ids(&tsv), ["my_a", "my_b", "my_sum"]);
    assert_eq!(tsv.figures[1].note, "两江\t西永");
    assert_eq!(tsv.figures[2].value, 5.75);
    let json = good("numbers.json");
    assert_eq!(ids(&json), ["my_a", "my_b", "my_c"]);
    let values: Vec<(&str, f64)> = json.figures.iter().map(|f| (f.value_text.as_str(), f.value)).collect();
    assert_eq!(values, [("27000", 27000.0), ("3.1", 3.1), ("-2.5", -2.5)]);
    assert_eq!(json.figures[2].note, "");
    // A workbook: the sheet named after the template (not the first), numbers as a spreadsheet
    // shows them (0.1 + 0.2 is 0.3), a rich-text cell's runs joined, the same checks as a CSV.
    let book = good("openpyxl_template_sheet.xlsx");
    assert_eq!(ids(&book), ["my_a", "my_b", "my_c"]);
    let values: Vec<&str> = book.figures.iter().map(|f| f.value_text.as_str()).collect();
    assert_eq!(values, ["3.1", "0.3", "27"]);
    assert_eq!(book.figures[0].note, "两江");
    assert_eq!(book.figures[0].cited, "my notes");
    assert_eq!(book.source.key, "file:openpyxl_template_sheet.xlsx");
    // Saved by LibreOffice Calc from required_columns_only.csv: the same figures.
    let calc = good("libreoffice_required_columns.xlsx");
    let csv = good("required_columns_only.csv");
    let same = |i: &Import| {
        i.figures.iter().map(|f| (f.id.clone(), f.value_text.clone(), f.period)).collect::<Vec<_>>()
    };
    assert_eq!(same(&calc), same(&csv));
    let required = good("required_columns_only.csv");
    assert_eq!(ids(&required), ["my_a", "my_b"]);
    assert!(required.figures.iter().all(|f| f.formula_text.is_empty() && f.cited.is_empty()));
}

const IMG: &str = "<img src=x onerror=alert(1)>";
const SCRIPT: &str = "\"><script>alert(1)</script>";
const FORMULA: &str = "=HYPERLINK(\"http://evil\",\"x\")";

#[test]
fn hostile_labels_import_verbatim_are_defused_in_csv_and_escaped_in_svg() {
    let ds = base();
    let before = ds.clone();
    // The file name is the source's title, which the Chinese citation prints in the image.
    let name = format!("{IMG}.csv");
    let imp = match import(&name, &read(&corpus().join("good/hostile_labels.csv")), &ds) {
        Ok(i) => i,
        Err((issues, _)) => panic!("{:#?}", rows(&issues)),
    };
    assert_eq!(ds, before);
    let [a, b, c] = imp.figures.as_slice() else { panic!("{} figures", imp.figures.len()) };
    assert_eq!((a.cited.as_str(), a.quote.as_str(), a.note.as_str()), (FORMULA, IMG, SCRIPT));
    assert_eq!((b.cited.as_str(), b.quote.as_str(), b.note.as_str()), (SCRIPT, FORMULA, IMG));
    assert_eq!((c.cited.as_str(), c.quote.as_str()), ("@SUM(1+1)", "+cmd|' /C calc'!A0"));
    assert_eq!(c.note, "-2+3");

    // The import-schema CSV defuses every cell a spreadsheet would run, and re-imports verbatim.
    let csv = figures_csv(&imp.figures, &imp.terms);
    for cell in [
        format!("\"'{}\"", FORMULA.replace('"', "\"\"")),
        "'@SUM(1+1)".into(),
        "'+cmd|' /C calc'!A0".into(),
        "'-2+3".into(),
    ] {
        assert!(csv.contains(&cell), "{cell} not in {csv}");
    }
    assert!(
        !csv.contains(",=") && !csv.contains(",\"=") && !csv.contains(",@") && !csv.contains(",+"),
        "{csv}"
    );
    let again = import(&name, csv.as_bytes(), &ds).map_err(|e| e.0);
    let strip = |i: &Import| i.figures.iter().map(|f| Figure { line: 0, ..f.clone() }).collect::<Vec<_>>();
    assert_eq!(again.as_ref().map(strip), Ok(strip(&imp)));

    // A second file, named with a script, fills the chart's missing 2022 EV exports.
    let script_name = format!("{SCRIPT}.csv");
    let ev = format!("{HEADER}my_ev_2022,city_ev_exports_value,city,2022,exact,5,bn_yuan,,,,\n");
    let Ok(ev) = import(&script_name, ev.as_bytes(), &ds) else { panic!("the EV file did not import") };

    // Charts drawn from the dataset with these figures: the NEV chart's FTZ panel draws
    // 2024/2025, its value panel the EV 2022.
    let merged = ds.with_imports([&imp, &ev]);
    let m = build(&merged, &catalog::spec(ChartId::NevExports), Lang::Zh);
    for id in ["my_nev_2024", "my_nev_2025", "my_ev_2022"] {
        assert!(m.figures.iter().any(|f| f == id), "{id} is not drawn");
    }
    let chart_csv = export::csv(&m);
    let quoted = format!("\"'{}\"", FORMULA.replace('"', "\"\""));
    assert!(chart_csv.contains(&quoted), "chart CSV does not defuse the formula: {chart_csv}");
    assert!(!chart_csv.contains(",\"=HYPERLINK") && !chart_csv.contains(",=HYPERLINK"));
    let lines: Vec<&str> = chart_csv.lines().filter(|l| l.starts_with("my_nev_")).collect();
    assert_eq!(lines.len(), 2, "{chart_csv}");
    // The hostile text is kept as data (quoted, never changed) in the cells it was given in.
    let script = format!("\"{}\"", SCRIPT.replace('"', "\"\""));
    assert!(lines[0].contains(&script) && lines[0].contains(&format!(",{IMG},")), "{}", lines[0]);
    for dark in [false, true] {
        let svg = match to_svg(&m, &SvgOptions { width: 720, header: true, dark }) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert!(!svg.contains("<script") && !svg.contains("<img"), "markup in the SVG");
        // The names are there (in the citation), as text.
        assert!(svg.contains("&lt;img src=x"), "the file name is not in the SVG");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the file name is not in the SVG");
    }
    let json = export::json(&m);
    assert!(!json.contains("<img") && !json.contains("<script") && json.contains("\\u003cimg"));
}

#[test]
fn formulas_nested_or_chained_too_deep_are_refused_without_crashing() {
    let ds = base();
    let n = 100_000;
    for formula in [
        format!("{}1{}", "(".repeat(n), ")".repeat(n)),
        format!("{}1", "-".repeat(n)),
        format!("1{}", " + 1".repeat(n)),
    ] {
        let text = format!("{HEADER}my_a,ftz_nev_exports,ftz,2024,exact,,vehicles,{formula},,,\n");
        let Err((issues, _)) = import("deep.csv", text.as_bytes(), &ds) else { panic!("imported") };
        let kinds: Vec<(usize, &str)> = issues.iter().map(|i| (i.line, i.column.as_str())).collect();
        assert_eq!(kinds, [(2, "formula")]);
        assert!(matches!(issues[0].kind, IssueKind::BadFormula { .. }), "{:?}", issues[0].kind);
    }
}
