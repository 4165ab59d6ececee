//! Property tests (proptest): whatever bytes, text or address comes in, the parsers never panic
//! and keep their own invariants; valid figures and states round-trip through their exports.
//!
//! Case counts are kept moderate so the whole file runs in about ten seconds in debug (256 cases
//! for random bytes, CSV- and JSON-like text and addresses; 128 for the dataset parser and the
//! export round trips); search longer with `PROPTEST_CASES=10000 cargo test --test properties`.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::sync::OnceLock;

use proptest::prelude::*;

use ftz_atlas::chart::ChartId;
use ftz_atlas::data::csv::{self, Reader};
use ftz_atlas::data::import::{decode, import, Import, ImportJob, FORMULA_STARTS, MAX_ISSUES};
use ftz_atlas::data::{Dataset, Date, Figure, Issue, Period, Qualifier, Unit, EMBEDDED};
use ftz_atlas::export::{dataset_json, figures_csv};
use ftz_atlas::i18n::Lang;
use ftz_atlas::url::{apply, from_query, get_param, set_param, to_query, ChartView, Theme, UrlState};

fn ds() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let ds = Dataset::embedded().unwrap_or_default();
        assert!(ds.figures.len() > 50, "the embedded dataset did not load");
        ds
    })
}

/// `cases` unless `PROPTEST_CASES` asks for another number.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

const HEADER: &str = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note";

/// Text made of pieces that matter to a CSV reader and to the row checks, in any order.
fn csvish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_string()),
        Just("\t".to_string()),
        Just("\"".to_string()),
        Just("\"\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("#".to_string()),
        Just("\u{feff}".to_string()),
        Just("'=".to_string()),
        Just("ftz_nev_exports".to_string()),
        Just("ftz".to_string()),
        Just("exact".to_string()),
        Just("vehicles".to_string()),
        Just("2023".to_string()),
        Just("asof:~2021-12".to_string()),
        Just("2025-01..2025-10".to_string()),
        Just("my_a".to_string()),
        Just("my_a * 2".to_string()),
        Just("(".to_string()),
        Just("1e400".to_string()),
        Just("NaN".to_string()),
        Just("两江".to_string()),
        "[0-9.\\-/]{1,6}",
        "\\PC{0,4}",
    ];
    (any::<bool>(), prop::collection::vec(piece, 0..80)).prop_map(|(header, pieces)| {
        let body = pieces.concat();
        if header {
            format!("{HEADER}\n{body}")
        } else {
            body
        }
    })
}

/// Text made of JSON punctuation, keys and values of every kind.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("{\"figures\":".to_string()),
        Just("\"id\":\"my_a\"".to_string()),
        Just("\"metric\":\"ftz_nev_exports\",\"scope\":\"ftz\"".to_string()),
        Just("\"period\":\"2023\",\"qualifier\":\"exact\",\"unit\":\"vehicles\"".to_string()),
        Just("\"value\":".to_string()),
        Just("\"formula\":\"my_a + 1\"".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("NaN".to_string()),
        Just("1e400".to_string()),
        Just("-0.0".to_string()),
        Just("\"\\u0000\"".to_string()),
        Just("\n".to_string()),
        "-?[0-9]{1,25}(\\.[0-9]{1,5})?",
        "\"\\PC{0,6}\"",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

/// Runs a job in steps of `step` rows, as the page does.
fn stepped(name: &str, text: String, step: usize) -> Result<Import, (Vec<Issue>, usize)> {
    let mut job = ImportJob::new(name, text, ds());
    let mut last = 0.0;
    loop {
        let p = job.step(step, ds());
        assert!((last..=1.0).contains(&p.fraction), "progress went from {last} to {}", p.fraction);
        last = p.fraction;
        if p.done {
            break;
        }
    }
    job.finish(ds())
}

/// Imports `bytes` whole and in steps; both must agree, and a failure must name its issues.
fn import_both_ways(name: &str, bytes: &[u8], step: usize) -> Result<(), TestCaseError> {
    let whole = import(name, bytes, ds());
    if let Ok(text) = decode(name, bytes) {
        prop_assert_eq!(&stepped(name, text, step), &whole);
    }
    if let Err((issues, more)) = &whole {
        prop_assert!(!issues.is_empty() && issues.len() <= MAX_ISSUES);
        prop_assert!(*more == 0 || issues.len() == MAX_ISSUES);
        for i in issues {
            prop_assert_eq!(&i.file, name);
            for lang in [Lang::Zh, Lang::En] {
                prop_assert!(ftz_atlas::i18n::issue_message(i, lang).starts_with(name));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn random_bytes_never_panic_the_importer(
        bytes in prop::collection::vec(any::<u8>(), 0..1024),
        name in prop::sample::select(vec!["x.csv", "x.json", "x.tsv", "x"]),
        step in 1usize..5,
    ) {
        import_both_ways(name, &bytes, step)?;
    }

    #[test]
    fn csv_like_text_never_panics_the_importer_or_the_reader(text in csvish(), step in 1usize..5) {
        import_both_ways("x.csv", text.as_bytes(), step)?;
        // The reader always reaches the end, line numbers never go back, and `records` agrees.
        let mut reader = Reader::new(&text);
        let mut got = Vec::new();
        let mut line = 0;
        while let Some(r) = reader.next_record(&text) {
            let l = match &r { Ok((l, _)) | Err((l, _)) => *l };
            prop_assert!(l >= line && l >= 1, "line {} after {}", l, line);
            line = l;
            got.push(r);
            prop_assert!(got.len() <= text.len() + 1, "the reader does not advance");
        }
        prop_assert_eq!(reader.pos, text.len());
        let first_error = got.iter().position(Result::is_err);
        match csv::records(&text) {
            Ok(all) => {
                prop_assert_eq!(first_error, None);
                prop_assert_eq!(all.len(), got.len());
            }
            Err(e) => prop_assert_eq!(first_error.map(|i| got[i].clone()), Some(Err(e))),
        }
    }

    #[test]
    fn json_like_text_never_panics_the_importer(text in jsonish(), step in 1usize..5) {
        import_both_ways("x.json", text.as_bytes(), step)?;
        import_both_ways("x", text.as_bytes(), step)?;
    }
}

/// Query-string pieces: the app's own keys and values, separators, escapes and junk.
fn queryish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("?".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("lang".to_string()),
        Just("theme".to_string()),
        Just("embed".to_string()),
        Just("present".to_string()),
        Just("en".to_string()),
        Just("zh-CN".to_string()),
        Just("dark".to_string()),
        Just("areas".to_string()),
        Just("table.areas".to_string()),
        Just("hide.nev-exports".to_string()),
        Just("point.innovation".to_string()),
        Just(",".to_string()),
        Just("%3Cscript%3E".to_string()),
        "[0-9]{1,22}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|p| p.concat())
}

fn url_state() -> impl Strategy<Value = UrlState> {
    (
        prop::option::of(prop::sample::select(vec![Lang::Zh, Lang::En])),
        prop::option::of(prop::sample::select(vec![Theme::Light, Theme::Dark])),
        prop::option::of(prop::sample::select(ChartId::ALL.to_vec())),
        prop::option::of(0..ChartId::ALL.len()),
    )
        .prop_map(|(lang, theme, embed, present)| UrlState { lang, theme, embed, present })
}

fn chart_view() -> impl Strategy<Value = ChartView> {
    (any::<bool>(), prop::collection::vec(0usize..16, 0..6), prop::option::of("[a-z0-9_]{1,16}")).prop_map(
        |(table, hidden, point)| {
            let mut unique = Vec::new();
            for h in hidden {
                if !unique.contains(&h) {
                    unique.push(h);
                }
            }
            ChartView { table, hidden: unique, point }
        },
    )
}

/// The parameters of `query` other than `keys`, in order. A junk pair that itself starts with
/// `?` can lose it when it comes first (`&?b` → `??b` → `b`), so those `?`s are not compared.
fn pairs_without(query: &str, keys: &[String]) -> Vec<String> {
    query
        .split('&')
        .map(|p| p.trim_start_matches('?'))
        .filter(|p| !p.is_empty() && !keys.iter().any(|k| p.split('=').next() == Some(k.as_str())))
        .map(str::to_string)
        .collect()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_address_is_read_without_panicking(q in prop_oneof![queryish(), ".{0,60}"], key in ".{0,8}", value in ".{0,8}") {
        let _ = from_query(&q);
        for chart in ChartId::ALL {
            let v = ChartView::from_query(&q, chart);
            prop_assert!(v.hidden.iter().all(|&h| h < 16));
            prop_assert!(v.point.as_deref().is_none_or(|p| !p.is_empty()));
        }
        let _ = get_param(&q, &key);
        let _ = set_param(&q, &key, Some(&value));
        let _ = set_param(&q, &key, None);
    }

    #[test]
    fn a_valid_state_round_trips_through_any_address(s in url_state(), q in queryish()) {
        prop_assert_eq!(from_query(&to_query(&s)), (s, vec![]));
        // Written into an address full of other (and invalid) parameters, it reads back the same;
        // only the junk (a chart's broken view) may be reported as ignored.
        let (read, ignored) = from_query(&apply(&s, &q));
        prop_assert_eq!(read, s);
        prop_assert!(ignored.iter().all(|k| !["lang", "theme", "embed", "present"].contains(&k.as_str())), "{:?}", ignored);
    }

    #[test]
    fn a_chart_view_round_trips_and_keeps_other_parameters(
        v in chart_view(),
        chart in prop::sample::select(ChartId::ALL.to_vec()),
        q in queryish(),
    ) {
        let written = v.to_query(&q, chart);
        prop_assert_eq!(&ChartView::from_query(&written, chart), &v);
        let slug = chart.slug();
        let mine = [format!("table.{slug}"), format!("hide.{slug}"), format!("point.{slug}")];
        prop_assert_eq!(pairs_without(&written, &mine), pairs_without(&q, &mine));
    }

    #[test]
    fn set_then_get_gives_the_value(q in queryish(), key in "[a-z.]{1,10}", value in "[a-z0-9,_-]{0,10}") {
        let with = set_param(&q, &key, Some(&value));
        prop_assert_eq!(get_param(&with, &key), Some(value));
        prop_assert_eq!(get_param(&set_param(&with, &key, None), &key), None);
    }
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..=2100, prop::option::of((1u8..=12, prop::option::of(1u8..=31)))).prop_map(|(year, md)| Date {
        year,
        month: md.map(|(m, _)| m),
        day: md.and_then(|(_, d)| d),
    })
}

fn period() -> impl Strategy<Value = Period> {
    let month = || (1900i32..=2100, 1u8..=12).prop_map(|(year, m)| Date { year, month: Some(m), day: None });
    prop_oneof![
        (1900i32..=2100).prop_map(Period::Year),
        (month(), month())
            .prop_filter("a span ends after it starts", |(a, b)| a != b)
            .prop_map(|(a, b)| Period::Span { start: a.min(b), end: a.max(b) }),
        (date(), any::<bool>()).prop_map(|(date, approx)| Period::AsOf { date, approx }),
        date().prop_map(Period::Stated),
        Just(Period::Undated),
    ]
}

/// A free-text cell: what spreadsheets and CSV writers trip on, CJK, and anything printable.
fn cell() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("=".to_string()),
        Just("-".to_string()),
        Just("+".to_string()),
        Just("@".to_string()),
        Just("'".to_string()),
        Just(" ".to_string()),
        Just("#".to_string()),
        Just("两江新区".to_string()),
        Just("=HYPERLINK(\"http://evil\",\"x\")".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        "\\PC{1,8}",
    ];
    prop::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

/// One generated row: every column of the import schema as text.
#[derive(Debug, Clone)]
struct Row {
    cells: [String; 11],
}

/// How a derived row's formula uses the rows before it.
#[derive(Debug, Clone)]
enum Value {
    Published(String),
    Derived { of: prop::sample::Index, form: u8 },
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => (any::<bool>(), 0u32..100_000_000, "[0-9]{0,5}").prop_map(|(neg, int, frac)| {
            let sign = if neg { "-" } else { "" };
            Value::Published(if frac.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}.{frac}") })
        }),
        1 => (1u32..1000, 1u32..1000).prop_map(|(n, d)| Value::Published(format!("{n}/{d}"))),
        1 => (any::<prop::sample::Index>(), 0u8..3).prop_map(|(of, form)| Value::Derived { of, form }),
    ]
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    let terms = |kind: &str| -> Vec<String> {
        ds().terms.iter().filter(|t| t.kind == kind).map(|t| t.key.clone()).collect()
    };
    let one = (
        "[a-z0-9_]{0,6}",
        prop::sample::select(terms("metric")),
        prop::sample::select(terms("scope")),
        period(),
        prop::sample::select(Qualifier::ALL.to_vec()),
        value(),
        prop::sample::select(Unit::ALL.to_vec()),
        cell(),
        cell(),
        cell(),
    );
    prop::collection::vec(one, 1..8).prop_map(|specs| {
        let mut out: Vec<Row> = Vec::new();
        let mut contents = HashSet::new();
        for (i, (suffix, metric, scope, period, q, value, unit, source, quote, note)) in
            specs.into_iter().enumerate()
        {
            let id = format!("p{i}_{suffix}");
            // Only a growth rate may be negative (a negative level is an error, tested in the
            // corpus): other rows drop the sign, and their formulas use squares.
            let signed = unit == Unit::PctYoy || metric.ends_with("_yoy");
            let (value, formula) = match value {
                // The first row cannot be derived: it has nothing to refer to.
                Value::Derived { of, form } if !out.is_empty() => {
                    let other = &out[of.index(out.len())].cells[0];
                    let first = &out[0].cells[0];
                    let formula = match (form, signed) {
                        (0, true) => format!("{other} * 2"),
                        (1, true) => format!("-{other} + 1.5"),
                        (_, true) => format!("({other} + {first}) / 4"),
                        (0, false) => format!("{other} * {other} * 2"),
                        (1, false) => format!("{other} * {other} + 1.5"),
                        (_, false) => format!("({other} * {other} + {first} * {first}) / 4"),
                    };
                    (String::new(), formula)
                }
                Value::Derived { .. } => ("1".to_string(), String::new()),
                Value::Published(v) if !signed => (v.trim_start_matches('-').to_string(), String::new()),
                Value::Published(v) => (v, String::new()),
            };
            let cells = [
                id,
                metric,
                scope,
                period.key(),
                q.key().to_string(),
                value,
                unit.key().to_string(),
                formula,
                source,
                quote,
                note,
            ];
            // The same figure twice is an error of its own (tested in the corpus): skip it.
            if contents.insert(cells[1..8].join("\u{1f}")) {
                out.push(Row { cells });
            }
        }
        out
    })
}

const COLUMNS: [&str; 11] =
    ["id", "metric", "scope", "period", "qualifier", "value", "unit", "formula", "source", "quote", "note"];

/// The rows as a JSON array of objects, every value a string (escaped by the export's `json_string`).
fn as_json(rows: &[Row]) -> String {
    let objects: Vec<String> = rows
        .iter()
        .map(|r| {
            let fields: Vec<String> = COLUMNS
                .iter()
                .zip(&r.cells)
                .map(|(k, v)| format!("\"{k}\":{}", ftz_atlas::export::json_string(v)))
                .collect();
            format!("{{{}}}", fields.join(","))
        })
        .collect();
    format!("[\n{}\n]", objects.join(",\n"))
}

/// The rows as a hand-written CSV: comma or tab separated, LF or CRLF, with or without a BOM,
/// cells quoted only when they must be (and not defused).
fn as_csv(rows: &[Row], sep: char, crlf: bool, bom: bool) -> String {
    let eol = if crlf { "\r\n" } else { "\n" };
    let cell = |c: &str| {
        if c.contains([sep, '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let mut out = String::from(if bom { "\u{feff}" } else { "" });
    out.push_str(&COLUMNS.join(&sep.to_string()));
    out.push_str(eol);
    for r in rows {
        out.push_str(&r.cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(&sep.to_string()));
        out.push_str(eol);
    }
    out
}

/// Figures without their line numbers (which depend on the file's layout, not its content).
fn content(figures: &[Figure]) -> Vec<Figure> {
    figures.iter().map(|f| Figure { line: 0, ..f.clone() }).collect()
}

fn imported(name: &str, text: &str) -> Result<Import, TestCaseError> {
    import(name, text.as_bytes(), ds())
        .map_err(|(issues, _)| TestCaseError::fail(format!("{name} did not import: {issues:#?}\n{text}")))
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn random_text_never_panics_the_dataset_parser(text in csvish(), any_text in ".{0,200}") {
        // The text as each of the three files (with a figures header, so rows get checked).
        let parsed = Dataset::parse(&format!("{HEADER}\n{text}"), EMBEDDED.sources, EMBEDDED.dictionary);
        if text.trim().is_empty() {
            // A figures file with no rows is an error, never an empty dataset.
            prop_assert!(parsed.is_err());
        }
        let _ = Dataset::parse(EMBEDDED.figures, &text, EMBEDDED.dictionary);
        let _ = Dataset::parse(EMBEDDED.figures, EMBEDDED.sources, &text);
        let _ = Dataset::parse(&any_text, &any_text, &any_text);
    }

    #[test]
    fn periods_round_trip_through_their_key(p in period()) {
        prop_assert_eq!(Period::parse(&p.key()), Some(p));
    }

    #[test]
    fn figures_round_trip_through_csv_and_json_exports(
        rows in rows(),
        sep in prop::sample::select(vec![',', '\t']),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        // No extension: the format is told from the text, and every import has the same source.
        let name = "mine";
        let first = imported(name, &as_json(&rows))?;
        prop_assert_eq!(first.figures.len(), rows.len());
        for (f, r) in first.figures.iter().zip(&rows) {
            let kept = [&f.id, &f.metric, &f.scope, &f.value_text, &f.formula_text, &f.cited, &f.quote, &f.note];
            let given = [0, 1, 2, 5, 7, 8, 9, 10].map(|i| &r.cells[i]);
            prop_assert_eq!(kept, given);
            prop_assert_eq!(f.period.key(), r.cells[3].clone());
            prop_assert!(f.value.is_finite());
        }

        // Export → import gives the same figures, through the import-schema CSV …
        let csv = figures_csv(&first.figures, &first.terms);
        let again = imported(name, &csv)?;
        prop_assert_eq!(content(&again.figures), content(&first.figures));
        // … and through the dataset JSON (the published figures in it are already loaded).
        let json = dataset_json(&ds().with_imports([&first]));
        let again = imported(name, &json)?;
        prop_assert_eq!(again.already_loaded, ds().figures.len());
        prop_assert_eq!(content(&again.figures), content(&first.figures));

        // A hand-written CSV of the same rows gives the same figures (a cell of `'`s before `=`
        // and the like reads as the exports' defusing, which the importer undoes: left out).
        let defused = |c: &String| c.starts_with('\'') && c.trim_start_matches('\'').starts_with(FORMULA_STARTS);
        if !rows.iter().any(|r| r.cells.iter().any(defused)) {
            let written = imported(name, &as_csv(&rows, sep, crlf, bom))?;
            prop_assert_eq!(content(&written.figures), content(&first.figures));
        }
    }
}
