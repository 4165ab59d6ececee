//! The figure finder: search in both languages, width- and space-insensitive, AND of words;
//! filters; sorting; a citation per figure. Expectations come from the dataset itself.

mod common;
use common::with_import;

use std::collections::BTreeSet;

use ftz_atlas::chart::{build, catalog, ChartId};
use ftz_atlas::data::{Dataset, Date, Figure, Qualifier};
use ftz_atlas::finder::{self, chart_figures, citation, find, Filter, Index, Sort};
use ftz_atlas::i18n::{fill, Lang, Text};

fn ds() -> Dataset {
    match Dataset::embedded() {
        Ok(ds) => ds,
        Err(issues) => panic!("embedded dataset does not validate: {issues:?}"),
    }
}

const IMPORTED: &str =
    "u_share,ftz_trade_share_of_city,ftz,stated:2024-06-01,more_than,65,pct,,file:test.csv,row of test.csv,\n";

fn ids(found: Vec<&str>) -> BTreeSet<String> {
    found.into_iter().map(str::to_string).collect()
}

fn of_metric(ds: &Dataset, metric: &str) -> BTreeSet<String> {
    ds.figures.iter().filter(|f| f.metric == metric).map(|f| f.id.clone()).collect()
}

#[test]
fn every_figure_is_indexed() {
    let ds = with_import(IMPORTED);
    let index = Index::new(&ds);
    assert_eq!(index.len(), ds.figures.len());
    assert_eq!(index.search("").len(), ds.figures.len(), "no words: every figure");
    for f in &ds.figures {
        assert!(index.search(&f.id).contains(&f.id.as_str()), "{} is found by its id", f.id);
    }
}

#[test]
fn both_languages_find_the_share_of_new_foreign_invested_enterprises() {
    let ds = ds();
    let index = Index::new(&ds);
    let want = of_metric(&ds, "ftz_share_city_new_fie");
    assert!(!want.is_empty());
    // 外资 is in the metric's Chinese name, foreign-invested in its English one.
    assert!(ds.name("metric", "ftz_share_city_new_fie", Lang::Zh).contains("外资"));
    for query in ["外资", "foreign-invested", "Foreign-Invested", "ＦＯＲＥＩＧＮ-ＩＮＶＥＳＴＥＤ"]
    {
        let found = ids(index.search(query));
        assert!(want.is_subset(&found), "{query}: {found:?} lacks some of {want:?}");
    }
}

#[test]
fn full_width_and_spaces_do_not_matter() {
    let ds = ds();
    let index = Index::new(&ds);
    let fdi = ids(index.search("fdi"));
    assert!(!fdi.is_empty());
    assert!(of_metric(&ds, "ftz_share_city_fdi").is_subset(&fdi));
    assert_eq!(ids(index.search("ＦＤＩ")), fdi);
    assert_eq!(ids(index.search("FDI")), fdi);

    let nev = ids(index.search("新能源"));
    let named: BTreeSet<String> = ds
        .figures
        .iter()
        .filter(|f| ds.name("metric", &f.metric, Lang::Zh).contains("新能源"))
        .map(|f| f.id.clone())
        .collect();
    assert!(!named.is_empty() && named.is_subset(&nev), "{named:?} ⊄ {nev:?}");
    assert_eq!(ids(index.search("新 能源")), nev);
    assert_eq!(ids(index.search("新\u{3000}能源")), nev);

    assert_eq!(ids(index.search("60％")), ids(index.search("60%")));
    assert!(!index.search("60%").is_empty());
}

#[test]
fn every_word_must_match() {
    let ds = ds();
    let index = Index::new(&ds);
    let (a, b) = (ids(index.search("外资")), ids(index.search("2019")));
    let both: BTreeSet<String> = a.intersection(&b).cloned().collect();
    assert!(!both.is_empty() && both.len() < a.len());
    assert_eq!(ids(index.search("外资 2019")), both);
    assert!(index.search("外资 no-such-word-anywhere").is_empty());
}

#[test]
fn imported_figures_are_found_by_their_file() {
    let ds = with_import(IMPORTED);
    let index = Index::new(&ds);
    assert_eq!(index.search("test.csv"), vec!["u_share"]);
    assert!(index.search("导入文件").contains(&"u_share"));
}

#[test]
fn filters_by_chart_scope_and_qualifier() {
    let ds = ds();
    let index = Index::new(&ds);
    let charts = chart_figures(&ds, Lang::Zh);
    assert_eq!(charts.len(), ChartId::ALL.len());
    for (chart, figures) in charts {
        let want: BTreeSet<String> = figures.iter().cloned().collect();
        let filter = Filter { figures: Some(figures), ..Filter::default() };
        let found: BTreeSet<String> =
            find(&ds, &index, "", &filter, Sort::Dataset, Lang::Zh).iter().map(|f| f.id.clone()).collect();
        assert_eq!(found, want, "{chart:?}");
    }

    let scope = Filter { scope: Some("liangjiang".into()), ..Filter::default() };
    let found = find(&ds, &index, "", &scope, Sort::Dataset, Lang::En);
    assert!(!found.is_empty());
    assert_eq!(found.len(), ds.figures.iter().filter(|f| f.scope == "liangjiang").count());
    assert!(found.iter().all(|f| f.scope == "liangjiang"));
    assert_eq!(ds.figures.iter().filter(|f| scope.keeps(f)).count(), found.len());

    let bound = Filter { qualifier: Some(Qualifier::MoreThan), ..Filter::default() };
    let found = find(&ds, &index, "", &bound, Sort::Dataset, Lang::En);
    assert_eq!(found.len(), ds.figures.iter().filter(|f| f.qualifier == Qualifier::MoreThan).count());
    assert!(found.iter().all(|f| f.qualifier == Qualifier::MoreThan));

    // A query and filters together: their intersection.
    let found = find(&ds, &index, "fdi", &bound, Sort::Dataset, Lang::En);
    let query = ids(index.search("fdi"));
    assert!(!found.is_empty());
    assert!(found.iter().all(|f| f.qualifier == Qualifier::MoreThan && query.contains(&f.id)));
}

fn all<'d>(ds: &'d Dataset, index: &Index, by: Sort, lang: Lang) -> Vec<&'d Figure> {
    find(ds, index, "", &Filter::default(), by, lang)
}

#[test]
fn sorting() {
    let ds = with_import(IMPORTED);
    let index = Index::new(&ds);
    let dataset = all(&ds, &index, Sort::Dataset, Lang::Zh);
    assert!(dataset.iter().map(|f| &f.id).eq(ds.figures.iter().map(|f| &f.id)));

    let by_period = all(&ds, &index, Sort::Period, Lang::Zh);
    assert_eq!(by_period.len(), ds.figures.len());
    for w in by_period.windows(2) {
        let (a, b) = (w[0].period.sort_key(), w[1].period.sort_key());
        assert!(a.0 < b.0 || (a.0 == b.0 && a.1 <= b.1), "{} before {}", w[0].id, w[1].id);
    }

    for lang in [Lang::Zh, Lang::En] {
        let by_metric = all(&ds, &index, Sort::Metric, lang);
        for w in by_metric.windows(2) {
            assert!(ds.name("metric", &w[0].metric, lang) <= ds.name("metric", &w[1].metric, lang));
        }
    }

    // By value: each kind of quantity together, smallest first within it.
    let by_value = all(&ds, &index, Sort::Value, Lang::En);
    let mut seen = Vec::new();
    for w in by_value.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.unit.dimension() == b.unit.dimension() {
            assert!(a.base_value() <= b.base_value(), "{} before {}", a.id, b.id);
        } else {
            seen.push(a.unit.dimension());
            assert!(
                !seen.contains(&b.unit.dimension()),
                "{:?} comes back after {}",
                b.unit.dimension(),
                a.id
            );
        }
    }

    // By source: the publishers (as cited: without their parenthesised detail) in order.
    let by_source = all(&ds, &index, Sort::Source, Lang::En);
    let publisher = |f: &Figure| -> String {
        match ds.source(&f.source) {
            Some(s) if !s.is_imported() => s.publisher.split(" (").next().unwrap_or("").trim().to_string(),
            _ => fill(Text::ImportedFile.t(Lang::En), &["test.csv".to_string()]),
        }
    };
    for w in by_source.windows(2) {
        assert!(publisher(w[0]) <= publisher(w[1]), "{} before {}", w[0].id, w[1].id);
    }
}

#[test]
fn a_published_figure_is_cited_as_the_chart_cites_its_source() {
    let ds = ds();
    let Some(f) = ds.figure("ftz_nev_2023") else { panic!("ftz_nev_2023 is missing") };
    let Some(s) = ds.source(&f.source) else { panic!("its source is missing") };
    let publisher = s.publisher.split(" (").next().unwrap_or("").trim();
    let accessed = Date::parse("2026-12-02");

    let Some(zh) = citation(&ds, f, Lang::Zh, accessed.as_ref()) else { panic!("no citation") };
    let mut want = format!("[1] {publisher}. {}[EB/OL].", s.title.trim());
    if !s.date.is_empty() {
        want.push_str(&format!(" ({})[2026-12-02].", s.date));
    }
    if !s.url.is_empty() {
        want.push_str(&format!(" {}.", s.url));
    }
    assert_eq!(zh, want);

    // Without the citation date and the URL, it is the reference the chart prints for its source.
    let Some(short) = citation(&ds, f, Lang::Zh, None) else { panic!("no citation") };
    let reference = short.trim_start_matches("[1] ");
    let reference = reference.strip_suffix(&format!(" {}.", s.url)).unwrap_or(reference);
    let chart = build(&ds, &catalog::spec(ChartId::NevExports), Lang::Zh);
    assert!(chart.figures.contains(&f.id));
    assert!(chart.citation.contains(reference), "{reference} not in {}", chart.citation);

    let Some(en) = citation(&ds, f, Lang::En, accessed.as_ref()) else { panic!("no citation") };
    assert!(en.starts_with(&format!("{publisher} ({}). {}", s.date, s.title.trim())), "{en}");
    assert!(en.ends_with(&s.url), "{en}");
}

#[test]
fn an_imported_figure_is_cited_by_its_file() {
    let ds = with_import(IMPORTED);
    let Some(f) = ds.figure("u_share") else { panic!("u_share is missing") };
    let file = |lang| fill(Text::ImportedFile.t(lang), &["test.csv".to_string()]);
    assert_eq!(citation(&ds, f, Lang::Zh, None), Some(format!("[1] {}.", file(Lang::Zh))));
    assert_eq!(citation(&ds, f, Lang::En, None), Some(file(Lang::En)));
    // The chart that draws it cites the file the same way.
    let chart = build(&ds, &catalog::spec(ChartId::TradeShare), Lang::Zh);
    assert!(chart.figures.contains(&f.id));
    assert!(chart.citation.contains(&format!("{}.", file(Lang::Zh))), "{}", chart.citation);
}

#[test]
fn derived_values_are_found_as_shown() {
    let ds = ds();
    let index = Index::new(&ds);
    let Some(f) = ds.figure("ftz_nev_2022") else { panic!("ftz_nev_2022 is missing") };
    let shown = ftz_atlas::format::derived_value(f, &ds, Lang::En, ftz_atlas::format::Style::Full);
    assert!(index.search(&shown).contains(&"ftz_nev_2022"), "{shown}");
    assert!(finder::normalize(index.text("ftz_nev_2022").unwrap_or("")).contains("1.4万"));
}

#[test]
fn a_figure_has_a_permalink() {
    use ftz_atlas::url::{figure_from_query, with_figure};
    let ds = ds();
    for f in &ds.figures {
        let q = with_figure("?lang=en", Some(&f.id));
        assert_eq!(q, format!("?lang=en&figure={}", f.id));
        assert_eq!(figure_from_query(&q).as_deref(), Some(f.id.as_str()));
    }
    assert_eq!(with_figure("?figure=a&lang=en", None), "?lang=en");
    assert_eq!(with_figure("", Some("<b>")), "");
    assert_eq!(figure_from_query("?figure=%3Cb%3E"), None);
    assert_eq!(figure_from_query("?lang=en"), None);
}

#[test]
fn numbers_are_found_with_or_without_thousands_separators() {
    let ds = ds();
    let index = Index::new(&ds);
    let Some(f) = ds.figure("ftz_new_ent_2023") else { panic!("ftz_new_ent_2023 is missing") };
    // As written in the data (18673) and as the page shows it (18,673户 / 18,673 enterprises).
    let shown = ftz_atlas::format::figure_value(f, Lang::En, ftz_atlas::format::Style::Full);
    assert!(shown.contains(','), "{shown}");
    assert!(index.search(&f.value_text).contains(&f.id.as_str()));
    assert!(index.search(&shown).contains(&f.id.as_str()));
}

#[test]
fn a_hundred_thousand_imported_figures_are_indexed_and_searched() {
    use std::fmt::Write as _;
    let n = 100_000;
    let mut rows = String::new();
    for i in 0..n {
        let _ = writeln!(
            rows,
            "u{i},ftz_trade_share_of_city,ftz,{},exact,{}.5,pct,,file:test.csv,row {i},",
            2017 + i % 9,
            i % 90
        );
    }
    let ds = with_import(&rows);
    let started = std::time::Instant::now();
    let index = Index::new(&ds);
    let indexed = started.elapsed();
    assert_eq!(index.len(), ds.figures.len());
    let started = std::time::Instant::now();
    let found = find(&ds, &index, "u99999", &Filter::default(), Sort::Dataset, Lang::En);
    let searched = started.elapsed();
    assert_eq!(found.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["u99999"]);
    // Every figure for an empty query; the published ones still found among them.
    assert_eq!(find(&ds, &index, "", &Filter::default(), Sort::Value, Lang::Zh).len(), ds.figures.len());
    assert!(ids(index.search("新能源 2023")).contains("ftz_nev_2023"));
    println!("100,000 imported figures: indexed in {indexed:?}, one search in {searched:?}");
}
