//! Per-district series (issue 15): a file of yearly figures over many districts draws each
//! district's years in the 片区 chart (one small chart per scope on a shared scale), gaps as
//! gaps; the 片区 panels draw a page of `SHOWN_SCOPES` imported scopes, grouped under their file,
//! and count the others; the pages reach every scope; the filter finds a scope; the table and
//! the exports hold every matching scope; the chart stays inside the browser's canvas limits at 1,000 scopes.

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::chart::panel::matrix::Matrix;
use ftz_atlas::chart::panel::scope_series::ScopeSeries;
use ftz_atlas::chart::panel::side_by_side::SideBySide;
use ftz_atlas::chart::record::{Op, Recorder};
use ftz_atlas::chart::spec::{ScopeView, SHOWN_SCOPES};
use ftz_atlas::chart::{build, catalog, draw, height, ChartId, ChartLayout, ChartModel, Frame, PanelModel};
use ftz_atlas::data::import::import;
use ftz_atlas::data::{Dataset, Qualifier};
use ftz_atlas::i18n::Lang;

/// `districts` new scopes × `years` years from 2015 × 3 metrics (a share, market entities,
/// an area); the second district has no 2016 figures (a gap), the first district's 2017 share
/// is "more than".
fn districts_csv(districts: usize, years: usize) -> String {
    let mut out = String::from("id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en\n");
    for d in 0..districts {
        for y in 0..years {
            let year = 2015 + y;
            if d == 1 && year == 2016 {
                continue;
            }
            let q = if d == 0 && year == 2017 { "more_than" } else { "exact" };
            let (zh, en) = (format!("区县{d:04}"), format!("District {d:04}"));
            let share = 1.0 + ((d * 7 + y * 3) % 50) as f64 / 2.0;
            out += &format!("d{d}_s{year},bonded_zone_trade_share_of_city,district_{d:04},{year},{q},{share},pct,{zh},{en}\n");
            out += &format!(
                "d{d}_e{year},area_market_entities_cumulative,district_{d:04},{year},exact,{},market_entities,,\n",
                1000 + d * 10 + y * 100
            );
            out += &format!("d{d}_a{year},area_km2,district_{d:04},{year},exact,{}.5,km2,,\n", 10 + d % 30);
        }
    }
    out
}

fn with_districts(districts: usize, years: usize) -> Dataset {
    let base = Dataset::embedded().unwrap_or_default();
    let csv = districts_csv(districts, years);
    match import("districts.csv", csv.as_bytes(), &base) {
        Ok(imp) => base.with_imports([&imp]),
        Err((issues, _)) => panic!("the generated file does not import: {:?}", issues.first()),
    }
}

fn areas(ds: &Dataset, view: &ScopeView, lang: Lang) -> ChartModel {
    build(ds, &catalog::with_scope_view(catalog::spec(ChartId::Areas), view), lang)
}

fn series(m: &ChartModel) -> &ScopeSeries {
    match m.panels.iter().find_map(|p| match p {
        PanelModel::ScopeSeries(s) => Some(s),
        _ => None,
    }) {
        Some(s) => s,
        None => panic!("no per-scope series panel"),
    }
}

#[test]
fn the_published_data_has_no_series_panel() {
    let ds = Dataset::embedded().unwrap_or_default();
    let m = areas(&ds, &ScopeView::default(), Lang::Zh);
    assert!(!m.panels.iter().any(|p| matches!(p, PanelModel::ScopeSeries(_))));
}

#[test]
fn each_district_shows_its_years_with_gaps_and_qualifiers() {
    let ds = with_districts(38, 11);
    let m = areas(&ds, &ScopeView::default(), Lang::En);
    let s = series(&m);
    // Three metrics, each with 38 small charts of 11 years on one scale.
    assert_eq!(s.metrics.len(), 3, "{:?}", s.metrics.iter().map(|m| &m.name).collect::<Vec<_>>());
    let share = &s.metrics[0];
    assert_eq!(share.name, "Bonded-zone share of Chongqing's foreign trade");
    assert_eq!(share.first, 2015);
    let district: Vec<&_> = share.cells.iter().filter(|c| c.scope.starts_with("District")).collect();
    assert_eq!(district.len(), 38);
    assert!(district.iter().all(|c| c.years.len() == 11));
    // District 1 has no 2016 figure: a gap, never a zero.
    assert_eq!(district[1].years[1], None);
    assert!(district[1].years.iter().filter(|y| y.is_none()).count() == 1);
    // District 0's 2017 share is "more than", marked imported, labelled with the marker.
    let more = district[0].years[2].as_ref().map(|m| (m.qualifier, m.imported, m.label.ends_with('*')));
    assert_eq!(more, Some((Qualifier::MoreThan, true, true)));
    // Exact values: the figure as given, 1 + (0*7 + 2*3 % 50)/2 = 4 %.
    assert_eq!(district[0].years[2].as_ref().map(|m| m.value()), Some(4.0));
    // One scale per metric, reaching the largest figure of every district.
    let max = district.iter().flat_map(|c| c.years.iter().flatten()).map(|m| m.value()).fold(0.0, f64::max);
    assert!(share.y.max >= max, "{} < {max}", share.y.max);
    // The description says the same: every district's years.
    assert!(m.description.contains("District 0005"), "{}", m.description);
    assert!(m.description.contains("2016 no data"), "{}", m.description);
}

#[test]
fn a_thousand_districts_draw_the_first_forty_and_count_the_rest() {
    let ds = with_districts(1_000, 3);
    for lang in [Lang::Zh, Lang::En] {
        let m = areas(&ds, &ScopeView::default(), lang);
        let Some(PanelModel::Matrix(Matrix { rows, more, .. })) = m.panels.get(1) else {
            panic!("no matrix")
        };
        assert_eq!(rows.len(), 3 + SHOWN_SCOPES);
        assert_eq!(*more, 1_000 - SHOWN_SCOPES);
        let sbs = m.panels.iter().find_map(|p| match p {
            PanelModel::SideBySide(SideBySide { more, multiples, .. }) => Some((more, multiples)),
            _ => None,
        });
        let Some((more, multiples)) = sbs else { panic!("no side-by-side") };
        assert_eq!(*more, 960);
        // Every district gives three years of each metric: they are in the series panel, so
        // the side-by-side panel keeps the three 片区 only (no "no data" row per district).
        assert!(multiples.iter().all(|m| m.slots.len() == 3), "{multiples:?}");
        assert_eq!(
            series(&m).metrics.iter().map(|s| s.cells.len()).collect::<Vec<_>>(),
            vec![SHOWN_SCOPES; 3]
        );
        assert_eq!(series(&m).more, 960);
        let note = if lang == Lang::Zh {
            "另有 960 个导入的范围未画出"
        } else {
            "960 more imported scopes not drawn"
        };
        assert!(m.description.contains(note), "{}", m.description);
        // Drawn on the recorder at a card's widths: inside the page's 8,000 device pixels
        // (web::canvas::MAX_CANVAS_PX) at 1 px per CSS pixel or more.
        let mut rec = Recorder::new((0, 0));
        for width in [600.0, 960.0] {
            let f = Frame { width, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
            let h = height(&m, &f);
            let panels: Vec<f64> = ChartLayout::new(&m, &f).panels.iter().map(|p| p.bottom - p.top).collect();
            eprintln!("areas chart at 1,000 scopes ({lang:?}): {h} px tall at {width} px, panels {panels:?}");
            assert!(h <= 8_000.0, "{h} px tall at {width} px");
            rec = Recorder::new((width as u32, h as u32));
            match draw(&mut rec, &m, &f) {
                Ok(hits) => assert!(!hits.is_empty()),
                Err(e) => panic!("{e}"),
            }
        }
        assert!(rec.texts().any(|(t, _)| t.contains("0039")));
        assert!(!rec.texts().any(|(t, _)| t.contains("0040")));
        assert!(rec.ops.iter().any(|op| matches!(op, Op::Rect { filled: true, .. })));
    }
}

#[test]
fn the_filter_finds_a_district_past_the_first_forty() {
    let ds = with_districts(1_000, 3);
    let view = ScopeView { filter: "district 0777".into(), ..ScopeView::default() };
    let m = areas(&ds, &view, Lang::En);
    let Some(PanelModel::Matrix(Matrix { rows, more, .. })) = m.panels.get(1) else { panic!("no matrix") };
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels.last(), Some(&"District 0777"));
    assert_eq!((rows.len(), *more), (4, 0));
    // By the Chinese name too, and the three 片区 always stay.
    let view = ScopeView { filter: "区县0777".into(), ..ScopeView::default() };
    let m = areas(&ds, &view, Lang::Zh);
    let s = series(&m);
    let names: Vec<&str> = s.metrics[0].cells.iter().map(|c| c.scope.as_str()).collect();
    assert_eq!(names.last(), Some(&"区县0777"));
}

#[test]
fn a_part_year_is_drawn_dashed_and_said_so() {
    let base = Dataset::embedded().unwrap_or_default();
    let csv = "id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en\n\
        b1,bonded_zone_trade_share_of_city,district_x,2019,about,12,pct,区县X,District X\n\
        b2,bonded_zone_trade_share_of_city,district_x,2021-01..2021-06,exact,15,pct,,\n";
    let ds = match import("x.csv", csv.as_bytes(), &base) {
        Ok(imp) => base.with_imports([&imp]),
        Err((issues, _)) => panic!("{issues:?}"),
    };
    let m = areas(&ds, &ScopeView::default(), Lang::En);
    let s = series(&m);
    let cell = &s.metrics[0].cells[0];
    assert_eq!(s.metrics[0].first, 2019);
    // 2019 about, 2020 a gap, 2021 part of the year.
    let looks: Vec<Option<(Qualifier, bool)>> =
        cell.years.iter().map(|y| y.as_ref().map(|m| (m.qualifier, m.partial()))).collect();
    assert_eq!(looks, vec![Some((Qualifier::About, false)), None, Some((Qualifier::Exact, true))]);
    assert!(m.description.contains("2020 no data"), "{}", m.description);
    assert!(m.description.contains("(imported)"), "{}", m.description);
    // Drawn: both figures are marks one can point at; the latest value is written, marked.
    let f = Frame { width: 720.0, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
    let mut rec = Recorder::new((720, height(&m, &f) as u32));
    let hits = match draw(&mut rec, &m, &f) {
        Ok(h) => h,
        Err(e) => panic!("{e}"),
    };
    assert!(hits.iter().any(|h| h.figure == "b2") && hits.iter().any(|h| h.figure == "b1"));
    assert!(rec.texts().any(|(t, _)| t == "15%*"), "the latest value, marked imported");
}

/// The imported scopes' rows of the matrix (after the three 片区), with the file heading above
/// any of them.
fn imported_rows(m: &ChartModel) -> Vec<(Option<String>, String)> {
    let Some(PanelModel::Matrix(Matrix { rows, .. })) = m.panels.get(1) else { panic!("no matrix") };
    rows.iter().skip(3).map(|r| (r.group.clone(), r.label.clone())).collect()
}

#[test]
fn imported_scopes_are_grouped_under_their_file_after_the_three_areas() {
    let base = Dataset::embedded().unwrap_or_default();
    let file = |rows: &[(&str, &str, &str)]| {
        let mut csv = String::from("id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en\n");
        for (id, scope, en) in rows {
            csv += &format!("{id},area_km2,{scope},2020,exact,3,km2,,{en}\n");
        }
        csv
    };
    let a = file(&[("a1", "north", "North"), ("a2", "south", "South")]);
    let Ok(a) = import("a.csv", a.as_bytes(), &base) else { panic!("a.csv") };
    let once = base.with_imports([&a]);
    // b.csv brings two scopes and a figure of one of a.csv's (which stays under a.csv).
    let b = file(&[("b1", "east", "East"), ("b2", "north", ""), ("b3", "west", "West")]);
    let Ok(b) = import("b.csv", b.as_bytes(), &once) else { panic!("b.csv") };
    let ds = base.with_imports([&a, &b]);
    let m = areas(&ds, &ScopeView::default(), Lang::En);
    let Some(PanelModel::Matrix(Matrix { rows, .. })) = m.panels.get(1) else { panic!("no matrix") };
    let first: Vec<&str> = rows.iter().take(3).map(|r| r.label.as_str()).collect();
    assert_eq!(first, ["Liangjiang Area", "Xiyong Area", "Guoyuangang Area"]);
    assert!(rows.iter().take(3).all(|r| r.group.is_none()));
    let heading = |f: &str| Some(format!("Imported file {f}"));
    assert_eq!(
        imported_rows(&m),
        vec![
            (heading("a.csv"), "North".to_string()),
            (None, "South".to_string()),
            (heading("b.csv"), "East".to_string()),
            (None, "West".to_string()),
        ]
    );
    // The headings are drawn, and said in the description.
    let f = Frame { width: 600.0, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
    let mut rec = Recorder::new((600, height(&m, &f) as u32));
    if let Err(e) = draw(&mut rec, &m, &f) {
        panic!("{e}");
    }
    assert!(rec.texts().any(|(t, _)| t == "Imported file b.csv"));
    assert!(m.description.contains("Imported file a.csv"), "{}", m.description);
    // In Chinese; and the filter finds a file's scopes by its name.
    let zh = areas(&ds, &ScopeView::default(), Lang::Zh);
    assert_eq!(imported_rows(&zh).first().and_then(|r| r.0.clone()), Some("导入文件 a.csv".to_string()));
    let only_b = areas(&ds, &ScopeView { filter: "B.CSV".into(), ..ScopeView::default() }, Lang::En);
    assert_eq!(imported_rows(&only_b).into_iter().map(|r| r.1).collect::<Vec<_>>(), ["East", "West"]);
    let s = ftz_atlas::chart::select::shown_scopes(&ds, &ScopeView::default());
    assert_eq!(s.files, [("a.csv", 2), ("b.csv", 2)]);
}

#[test]
fn show_all_pages_through_every_scope_each_page_inside_the_canvas_limit() {
    let ds = with_districts(1_000, 3);
    let mut seen: Vec<String> = Vec::new();
    for page in 0..25 {
        let view = ScopeView { page, ..ScopeView::default() };
        let m = areas(&ds, &view, Lang::En);
        let rows = imported_rows(&m);
        assert_eq!(rows.len(), SHOWN_SCOPES, "page {page}");
        // The file heads each page's group.
        assert_eq!(rows[0].0.as_deref(), Some("Imported file districts.csv"), "page {page}");
        seen.extend(rows.into_iter().map(|r| r.1));
        let to = if page == 24 { "1,000".to_string() } else { (page * 40 + 40).to_string() };
        let range = format!("showing imported scopes {}–{to} of 1,000", page * 40 + 1);
        assert!(m.description.contains(&range), "page {page}: {}", m.description);
        assert!(m.description.contains("960 more imported scopes not drawn"));
        if page % 8 == 0 {
            for width in [602.0, 960.0] {
                let f = Frame { width, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
                let h = height(&m, &f);
                assert!(h <= 8_000.0, "page {page}: {h} px tall at {width} px");
            }
        }
    }
    // In a narrow window a page holds fewer scopes, so the chart box's 312 px take a drawing
    // within the limit at a device pixel per CSS pixel.
    let narrow = ScopeView { limit: ftz_atlas::chart::spec::SHOWN_SCOPES_NARROW, ..ScopeView::default() };
    let m = areas(&ds, &narrow, Lang::Zh);
    let f = Frame { width: 312.0, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
    assert!(height(&m, &f) <= 8_000.0, "{} px tall at 312 px", height(&m, &f));
    let expected: Vec<String> = (0..1_000).map(|d| format!("District {d:04}")).collect();
    assert_eq!(seen, expected, "every scope once, in order");
    // A page past the end is the last page.
    let last = areas(&ds, &ScopeView { page: 99, ..ScopeView::default() }, Lang::En);
    assert_eq!(imported_rows(&last).last().map(|r| r.1.as_str()), Some("District 0999"));
    // Paging within a filter: 100 match "district 01" (District 0100–0199).
    let view = ScopeView { filter: "district 01".into(), page: 2, ..ScopeView::default() };
    let s = ftz_atlas::chart::select::shown_scopes(&ds, &view);
    assert_eq!((s.first, s.shown.len(), s.matching, s.more()), (80, 20, 100, 80));
}

#[test]
fn the_table_and_the_exports_hold_every_matching_scope() {
    let ds = with_districts(1_000, 3);
    let m = areas(&ds, &ScopeView::default(), Lang::En);
    let district = |scope: &str| scope.starts_with("district_");
    let all: std::collections::HashSet<&str> =
        ds.figures.iter().filter(|f| district(&f.scope)).map(|f| f.id.as_str()).collect();
    // District 1 has no 2016 figures (three).
    assert_eq!(all.len(), 9_000 - 3);
    // Drawn (the first 40) or in the rest, each once.
    assert_eq!(m.rest.len(), 960);
    assert_eq!(ftz_atlas::chart::model::figures_of(&ds, &m.rest).len(), 960 * 9);
    let full = m.with_rest_details(&ds);
    let held: Vec<&str> =
        full.all_details().filter(|d| district(&d.scope_key)).map(|d| d.figure.as_str()).collect();
    let unique: std::collections::HashSet<&str> = held.iter().copied().collect();
    assert_eq!(unique.len(), held.len(), "a figure held twice");
    assert_eq!(unique, all);
    let csv = ftz_atlas::export::csv(&full);
    assert_eq!(csv.lines().count(), 1 + full.details.len() + full.rest_details.len());
    assert!(csv.contains("d999_s2017,Bonded-zone share of Chongqing's foreign trade,District 0999,2017"));
    let json = ftz_atlas::export::json(&full);
    assert!(json.contains("\"id\":\"d999_a2015\""));
    // The model alone (the pictures) draws the first page; its exports without the rest are
    // the drawn figures only.
    assert!(!ftz_atlas::export::csv(&m).contains("District 0999"));
    // With a filter, only the matching scopes.
    let view = ScopeView { filter: "district 07".into(), ..ScopeView::default() };
    let f = areas(&ds, &view, Lang::En).with_rest_details(&ds);
    let scopes: std::collections::HashSet<&str> =
        f.all_details().filter(|d| district(&d.scope_key)).map(|d| d.scope_key.as_str()).collect();
    assert_eq!(scopes.len(), 100);
    assert!(scopes.iter().all(|s| s.starts_with("district_07")));
}
