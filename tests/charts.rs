//! Chart models (series, gaps, scales, labels) and SVG snapshots of every chart in both
//! languages. Snapshots live in `tests/snapshots/`; `UPDATE_SNAPSHOTS=1 cargo test` rewrites
//! them; a mismatch writes `<name>.changed.svg` beside the snapshot for review.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::with_import;

use std::collections::HashSet;
use std::fmt::Write as _;

use ftz_atlas::chart::model::{Glyph, Thinned, MAX_MARKS};
use ftz_atlas::chart::panel::bars::Bars;
use ftz_atlas::chart::panel::columns::{self, Columns};
use ftz_atlas::chart::panel::dots::DotRows;
use ftz_atlas::chart::panel::matrix::Matrix;
use ftz_atlas::chart::panel::side_by_side::{SideBySide, SlotValue};
use ftz_atlas::chart::panel::timeline::Timeline;
use ftz_atlas::chart::{build, catalog, ChartId, ChartModel, Mark, PanelModel};
use ftz_atlas::data::{Dataset, Qualifier, Unit};
use ftz_atlas::i18n::Lang;
use ftz_atlas::render::svg::{to_svg, SvgOptions};

fn ds() -> Dataset {
    Dataset::embedded().unwrap_or_default()
}

/// One imported figure row.
fn user_row(
    id: &str,
    metric: &str,
    scope: &str,
    period: &str,
    qualifier: &str,
    value: &str,
    unit: &str,
) -> String {
    format!("{id},{metric},{scope},{period},{qualifier},{value},{unit},,file:test.csv,row of test.csv,\n")
}

fn model(id: ChartId, lang: Lang) -> ChartModel {
    build(&ds(), &catalog::spec(id), lang)
}

#[test]
fn trade_share_points_keep_qualifiers_and_statement_dates() {
    let m = model(ChartId::TradeShare, Lang::Zh);
    let Some(PanelModel::Timeline(Timeline { points, undated, y, .. })) = m.panels.first() else {
        panic!("first panel is not a timeline")
    };
    let labels: Vec<&str> = points.iter().map(|(_, m)| m.label.as_str()).collect();
    // The two spans from the launch (to 2020-09 and to 2022-03) sit at their ends.
    assert_eq!(labels, ["超60%", "约70%", "约70%", "约70%", "近2/3", "超60%"]);
    assert_eq!(undated.len(), 1);
    // 2018 statement placed at Dec 2018, 2023 figure in mid-2023.
    assert!((points[0].0 - (2018.0 + 11.5 / 12.0)).abs() < 1e-9);
    assert!((points[5].0 - 2023.5).abs() < 1e-9);
    assert!(points[0].1.year_unknown() && !points[5].1.year_unknown());
    assert!((points[4].1.value() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!((y.min, y.max), (0.0, 100.0));
}

#[test]
fn trade_totals_nest_the_derived_ftz_bounds() {
    let m = model(ChartId::TradeShare, Lang::Zh);
    let Some(PanelModel::Columns(Columns { categories, cells, y, .. })) = m.panels.get(1) else { panic!() };
    assert_eq!(categories.first().map(String::as_str), Some("2019"));
    assert_eq!(categories.last().map(String::as_str), Some("2025"));
    let city: Vec<String> =
        cells.iter().map(|c| c[0].as_ref().map_or("gap".into(), |m| m.label.clone())).collect();
    assert_eq!(city, ["5,792.8", "约6,520", "8,000.59", "8,158.4", "7,137.4", "7,154.2", "8,006.8"]);
    let ftz: Vec<Option<(Qualifier, bool)>> =
        cells.iter().map(|c| c[1].as_ref().map(|m| (m.qualifier, m.derived))).collect();
    assert_eq!(ftz[3], Some((Qualifier::LessThan, true)));
    assert_eq!(ftz[4], Some((Qualifier::MoreThan, true)));
    assert_eq!(ftz.iter().filter(|x| x.is_some()).count(), 2);
    assert_eq!(y.max, 10000.0);
}

#[test]
fn nev_panels_never_mix_vehicles_and_yuan_and_show_gaps() {
    let m = model(ChartId::NevExports, Lang::En);
    let Some(PanelModel::Columns(Columns { unit, cells, .. })) = m.panels.first() else { panic!() };
    assert_eq!(*unit, Unit::Vehicles);
    let labels: Vec<Option<&str>> = cells.iter().map(|c| c[0].as_ref().map(|m| m.label.as_str())).collect();
    // A derived value has no more significant digits than its least precise input (2.7万).
    assert_eq!(labels, [Some("~14,000"), Some("27,000"), None, None]);
    let Some(PanelModel::Columns(Columns { unit, cells, .. })) = m.panels.get(1) else { panic!() };
    assert_eq!(*unit, Unit::BnYuan);
    let ev_2025 = cells[3][1].as_ref();
    assert_eq!(ev_2025.map(|m| (m.partial(), m.label.as_str())), Some((true, "11.65")));
    // The full-year 2025 car figure wins over the Jan–Oct one.
    assert_eq!(cells[3][0].as_ref().map(|m| m.partial()), Some(false));
}

#[test]
fn innovation_rows_and_enterprise_gaps() {
    let m = model(ChartId::Innovation, Lang::Zh);
    let Some(PanelModel::Bars(Bars { rows, .. })) = m.panels.first() else { panic!() };
    let v: Vec<(f64, Option<f64>)> =
        rows.iter().map(|r| (r.mark.value(), r.total.as_ref().map(|t| t.value()))).collect();
    assert_eq!(v, [(122.0, Some(151.0)), (148.0, Some(151.0)), (151.0, Some(151.0))]);
    let e = model(ChartId::Enterprises, Lang::Zh);
    let Some(PanelModel::Columns(Columns { cells, categories, .. })) = e.panels.first() else { panic!() };
    let present: Vec<&str> =
        categories.iter().zip(cells).filter(|(_, c)| c[0].is_some()).map(|(y, _)| y.as_str()).collect();
    assert_eq!(present, ["2021", "2023"]);
    assert_eq!(categories.len(), 8);
}

#[test]
fn areas_matrix_shows_what_is_published() {
    let m = model(ChartId::Areas, Lang::Zh);
    let Some(PanelModel::Matrix(Matrix { rows, columns, .. })) = m.panels.get(1) else { panic!() };
    assert_eq!(columns.len(), 6);
    let filled: Vec<Vec<usize>> = rows.iter().map(|r| r.cells.iter().map(Vec::len).collect()).collect();
    // Liangjiang: area (+ bonded port area), market entities and their registered capital.
    // Xiyong: area ×4, CBZ trade ×3 (2021, its share, the derived 2020). Guoyuangang: area, and
    // the joint container model's counts (cumulative, 2024) and export value. No area has FDI
    // or innovation figures.
    assert_eq!(filled, [vec![2, 0, 0, 2, 0, 0], vec![4, 3, 0, 0, 0, 0], vec![1, 0, 3, 0, 0, 0]]);
}

#[test]
fn every_chart_lists_its_sources() {
    for id in ChartId::ALL {
        let m = model(id, Lang::Zh);
        assert!(!m.figures.is_empty() && !m.sources.is_empty(), "{id:?}");
        assert!(m.source_line.starts_with("来源："), "{}", m.source_line);
    }
}

fn check_snapshot(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let changed = dir.join(format!("{name}.changed.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(&dir).unwrap_or(());
        std::fs::write(&path, svg).unwrap_or(());
        let _ = std::fs::remove_file(&changed);
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != svg {
        std::fs::write(&changed, svg).unwrap_or(());
        panic!(
            "{name}: SVG differs from {}; see {} (UPDATE_SNAPSHOTS=1 to accept)",
            path.display(),
            changed.display()
        );
    }
}

#[test]
fn svg_snapshots_of_every_chart() {
    let ds = ds();
    for spec in catalog::all() {
        for (lang, width, header, dark) in [
            (Lang::Zh, 720, true, false),
            (Lang::En, 720, true, false),
            (Lang::Zh, 360, false, false),
            (Lang::En, 720, true, true),
        ] {
            let m = build(&ds, &spec, lang);
            let svg = to_svg(&m, &SvgOptions { width, header, dark }).unwrap_or_default();
            assert!(svg.starts_with("<svg"), "{:?}", spec.id);
            if header {
                assert!(
                    svg.contains(&m.title.replace('\'', "&apos;")) || svg.contains(&m.title),
                    "title missing"
                );
            }
            let theme = if dark { "-dark" } else { "" };
            check_snapshot(&format!("{}-{}-{}{theme}", spec.id.slug(), lang.code(), width), &svg);
        }
    }
}

#[test]
fn descriptions_state_the_content_in_words() {
    let en = model(ChartId::NevExports, Lang::En).description;
    assert!(
        en.contains("FTZ new-energy vehicles: 2022 about 14,000 vehicles (derived), 2023 27,000 vehicles; no data for 2024, 2025"),
        "{en}"
    );
    assert!(en.contains("2025 CNY 11.65 bn (Jan–Oct)"), "{en}");
    let zh = model(ChartId::TradeShare, Lang::Zh).description;
    assert!(zh.contains("超60% (2023年)"), "{zh}");
    assert!(zh.contains("近2/3 (2022年)"), "{zh}");
    let areas = model(ChartId::Areas, Lang::Zh).description;
    assert!(
        areas.contains(
            "果园港片区：已公布：面积, 新能源汽车出口；未公布：外贸、市场主体/企业、利用外资、制度创新"
        ),
        "{areas}"
    );
}

#[test]
fn details_spell_out_exactly_the_drawn_figures() {
    for id in ChartId::ALL {
        let m = model(id, Lang::En);
        let ids: Vec<&str> = m.details.iter().map(|d| d.figure.as_str()).collect();
        assert_eq!(ids, m.figures.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(m.details.iter().all(|d| !d.quote.is_empty() && !d.publisher.is_empty()));
    }
}

#[test]
fn csv_and_json_exports_hold_exactly_the_drawn_figures() {
    use ftz_atlas::export;
    let m = model(ChartId::NevExports, Lang::Zh);
    let csv = export::csv(&m);
    assert!(csv.starts_with("\u{feff}id,metric,scope,period,qualifier,value,number,unit,derived,"));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), m.figures.len() + 1);
    let nev = lines.iter().find(|l| l.starts_with("ftz_nev_2022,")).copied().unwrap_or_default();
    assert!(
        nev.contains(",about,约1.4万辆,14173.228346,vehicles,true,ftz_nev_2023 / (1 + ftz_nev_yoy_2023),"),
        "{nev}"
    );
    // The note is the reader's language only (notes are `English | 中文`).
    assert!(!nev.contains(" | "), "{nev}");
    let json = export::json(&m);
    assert!(json.starts_with("{\"chart\":\"nev-exports\",\"title\":\"新能源汽车出口\""));
    assert_eq!(json.matches("\"id\":").count(), m.figures.len());
    assert!(json.contains("\"derived\":true"));
}

#[test]
fn exported_images_carry_the_page_address_under_the_source() {
    let mut m = model(ChartId::Innovation, Lang::En);
    m.address = "http://127.0.0.1:8080/?lang=en&point.innovation=plan_tasks_2020".into();
    let svg = to_svg(&m, &SvgOptions::export(720)).unwrap_or_default();
    assert!(svg.contains("point.innovation=plan_tasks_2020"), "address missing");
    let without = to_svg(&model(ChartId::Innovation, Lang::En), &SvgOptions::export(720)).unwrap_or_default();
    assert!(!without.contains("127.0.0.1"));
}

#[test]
fn slides_are_laid_out_to_fit_16_9_without_stretching() {
    use ftz_atlas::chart::{height, slide_frame};
    for id in ChartId::ALL {
        let m = model(id, Lang::Zh);
        for (w, h) in [(1920.0, 1080.0), (1280.0, 720.0)] {
            let f = slide_frame(&m, w, h, ftz_atlas::chart::Theme::Light);
            assert!((f.width * f.scale - w).abs() < 1e-6, "{id:?}: width {}", f.width * f.scale);
            assert!(height(&m, &f) * f.scale <= h + 1e-6, "{id:?}: too tall");
            assert!(f.scale >= 0.7, "{id:?}: type would be too small ({})", f.scale);
        }
    }
}

#[test]
fn chinese_exports_cite_sources_gb_t_7714_style() {
    let m = model(ChartId::NevExports, Lang::Zh);
    assert!(m.citation.starts_with("来源：[1] 重庆市人民政府. "), "{}", m.citation);
    assert!(m.citation.contains("[EB/OL]. (2024-06-27)."), "{}", m.citation);
    assert_eq!(m.citation.matches("[EB/OL]").count(), m.sources.len());
    let svg = to_svg(&m, &SvgOptions::export(960)).unwrap_or_default();
    assert!(svg.contains("[EB/OL]"));
    assert_eq!(
        model(ChartId::NevExports, Lang::En).citation,
        model(ChartId::NevExports, Lang::En).source_line
    );
}

#[test]
fn exported_text_is_escaped() {
    let mut m = model(ChartId::Areas, Lang::En);
    m.title = "<script>alert(1)</script> \"&".into();
    m.address = "http://x/?a=1&b=<img src=x onerror=alert(1)>".into();
    let svg = to_svg(&m, &SvgOptions::export(720)).unwrap_or_default();
    assert!(!svg.contains("<script") && !svg.contains("<img"), "markup leaked into the SVG");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "title not escaped as text");
    assert!(svg.contains("&quot;&amp;") || svg.contains("\"&amp;"), "quote and ampersand not kept as text");
}

#[test]
fn imported_figures_are_marked_in_labels_legend_sources_and_description() {
    let rows =
        user_row("u_share", "ftz_trade_share_of_city", "ftz", "stated:2024-06-01", "more_than", "65", "pct");
    let ds = with_import(&rows);
    let spec = catalog::spec(ChartId::TradeShare);
    let zh = build(&ds, &spec, Lang::Zh);
    let Some(PanelModel::Timeline(Timeline { points, .. })) = zh.panels.first() else {
        panic!("no timeline")
    };
    let imported: Vec<&Mark> = points.iter().map(|(_, m)| m).filter(|m| m.imported).collect();
    assert_eq!(imported.len(), 1);
    // The qualifier stays (a lower bound, 超) and the marker follows the number.
    assert_eq!((imported[0].label.as_str(), imported[0].qualifier), ("超65%*", Qualifier::MoreThan));
    assert!(points.iter().filter(|(_, m)| !m.imported).all(|(_, m)| !m.label.ends_with('*')));
    let legend = zh.legend.iter().find(|i| i.glyph == Glyph::Imported).map(|i| i.label.as_str());
    assert_eq!(legend, Some("你导入的数据"));
    assert!(zh.source_line.contains("；导入文件 test.csv"), "{}", zh.source_line);
    // Cited by its name in the GB/T list, numbered in first-use order like the others.
    let k = zh.sources.iter().position(|k| k == "file:test.csv").expect("the file is a source") + 1;
    assert!(zh.citation.contains(&format!(" [{k}] 导入文件 test.csv. [")), "{}", zh.citation);
    assert_eq!(zh.citation.matches("[EB/OL]").count(), zh.sources.len() - 1);
    let d = zh.details.iter().find(|d| d.figure == "u_share").expect("detail of the imported figure");
    assert!(d.imported && d.source_title == "test.csv" && d.publisher.is_empty());
    assert_eq!(d.source_name, "导入文件 test.csv");
    assert!(zh
        .details
        .iter()
        .filter(|d| !d.imported)
        .all(|d| !d.source_name.is_empty() && !d.source_name.contains("导入")));
    // Exports keep the distinction: a last column, `imported`.
    let csv = ftz_atlas::export::csv(&zh);
    assert!(csv.lines().next().is_some_and(|h| h.ends_with(",note,imported")));
    let line = csv.lines().find(|l| l.starts_with("u_share,")).unwrap_or_default();
    assert!(line.ends_with(",true") && line.contains(",test.csv,"), "{line}");
    assert_eq!(csv.lines().filter(|l| l.ends_with(",true")).count(), 1);
    assert!(ftz_atlas::export::json(&zh).contains("\"imported\":true}"));
    assert_eq!(zh.details.iter().filter(|d| d.imported).count(), 1);
    assert!(
        zh.description.contains("超过60%（导入数据）") || zh.description.contains("超65%（导入数据）"),
        "{}",
        zh.description
    );
    let svg = to_svg(&zh, &SvgOptions::export(720)).unwrap_or_default();
    assert!(svg.contains("超65%*") && svg.contains("你导入的数据") && svg.contains("导入文件 test.csv"));

    let en = build(&ds, &spec, Lang::En);
    assert!(en.source_line.contains("; Imported file test.csv;"), "{}", en.source_line);
    assert!(en.legend.iter().any(|i| i.glyph == Glyph::Imported && i.label == "Your imported figures"));
    assert!(en.description.contains("more than 65% (imported)"), "{}", en.description);
    check_snapshot("trade-share-imported-zh-720", &svg);
    check_snapshot(
        "trade-share-imported-en-720-dark",
        &to_svg(&en, &SvgOptions { dark: true, ..SvgOptions::export(720) }).unwrap_or_default(),
    );
}

#[test]
fn published_figures_carry_no_import_marker() {
    for id in ChartId::ALL {
        let m = model(id, Lang::Zh);
        assert!(m.details.iter().all(|d| !d.imported), "{id:?}");
        assert!(m.legend.iter().all(|i| i.glyph != Glyph::Imported), "{id:?}");
        assert!(!m.source_line.contains("导入文件"), "{id:?}");
    }
}

fn side_by_side(m: &ChartModel) -> (&Vec<ftz_atlas::chart::panel::side_by_side::Multiple>, &Vec<String>) {
    match m.panels.last() {
        Some(PanelModel::SideBySide(SideBySide { multiples, missing, .. })) => (multiples, missing),
        _ => panic!("the areas chart ends with the side-by-side panel"),
    }
}

/// Per multiple: its name and, per 片区, the bar's label, `apart:` label, or `-` for no data.
fn slots(m: &ChartModel) -> Vec<(String, Vec<String>)> {
    side_by_side(m)
        .0
        .iter()
        .map(|mu| {
            let s = mu
                .slots
                .iter()
                .map(|s| match &s.value {
                    SlotValue::Bar(m) => m.label.clone(),
                    SlotValue::Apart(m) => format!("apart:{}", m.label),
                    SlotValue::NoData => "-".into(),
                })
                .collect();
            (mu.name.clone(), s)
        })
        .collect()
}

#[test]
fn areas_side_by_side_shows_each_metric_with_area_figures() {
    let m = model(ChartId::Areas, Lang::Zh);
    let s = slots(&m);
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    // The joint container model's count is the model's, not 果园港片区's: in the matrix only.
    assert_eq!(names, ["面积", "累计市场主体", "累计市场主体注册资本"]);
    assert_eq!(s[0].1, ["66.29", "22.81", "30.88"]);
    assert_eq!(s[1].1, ["1.94万", "-", "-"]);
    assert_eq!(s[2].1, ["3,672", "-", "-"]);
    let (multiples, missing) = side_by_side(&m);
    // One scale per metric, shared by its bars; the shared period in the heading.
    assert_eq!(multiples[0].x.max, 75.0);
    let period = multiples[0].period.as_ref().map(|p| ftz_atlas::format::period(p, Lang::Zh));
    assert_eq!(period.as_deref(), Some("截至2017年3月"));
    assert_eq!(multiples[0].unit, Unit::Km2);
    // The matrix's metrics without any 片区 figure (the bonded zones' trade is not a 片区's, nor
    // the joint container model's count and export value).
    assert_eq!(missing.len(), 6, "{missing:?}");
    assert!(missing.iter().any(|n| n.contains("外资")) && missing.iter().any(|n| n.contains("制度创新")));
    assert!(m.description.contains("以下指标没有片区数据："), "{}", m.description);
    assert!(
        m.description.contains(
            "累计市场主体 (2017年4月–2019年4月)：两江片区 19,420户，西永片区 无数据，果园港片区 无数据"
        ),
        "{}",
        m.description
    );
    // The slots' figures are drawn figures: in the details, the table and the source notes.
    assert!(m.figures.iter().any(|f| f == "guoyuangang_nev_container"));
}

#[test]
fn an_import_adds_area_metrics_and_the_latest_figure_wins() {
    let mut rows = String::new();
    for r in [
        // Xiyong twice: the later period is drawn; Guoyuangang once, another period.
        (
            "u_xy_2022",
            "area_market_entities_cumulative",
            "xiyong",
            "asof:2022-12",
            "exact",
            "8000",
            "enterprises",
        ),
        (
            "u_xy_2024",
            "area_market_entities_cumulative",
            "xiyong",
            "asof:2024-12",
            "exact",
            "9100",
            "enterprises",
        ),
        (
            "u_gyg",
            "area_market_entities_cumulative",
            "guoyuangang",
            "asof:2023-06",
            "about",
            "5000",
            "enterprises",
        ),
        // A metric of the matrix that had no 片区 figure, in two units of one dimension.
        ("u_fc_xy", "area_foreign_capital", "xiyong", "2023", "exact", "1.5", "yi_usd"),
        ("u_fc_gyg", "area_foreign_capital", "guoyuangang", "2023", "exact", "5000", "wan_usd"),
        // The same metric in another dimension: written out, never drawn to the USD scale.
        ("u_fc_lj", "area_foreign_capital", "liangjiang", "2023", "exact", "12", "enterprises"),
        // A metric outside the matrix.
        ("u_new", "ftz_new_registered_enterprises", "guoyuangang", "2024", "exact", "800", "enterprises"),
    ] {
        rows.push_str(&user_row(r.0, r.1, r.2, r.3, r.4, r.5, r.6));
    }
    let ds = with_import(&rows);
    let m = build(&ds, &catalog::spec(ChartId::Areas), Lang::En);
    let s = slots(&m);
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    // The published metrics with a 片区 figure, plus the two this file brings.
    let base = model(ChartId::Areas, Lang::En);
    let (base_multiples, base_missing) = side_by_side(&base);
    assert_eq!(names.len(), base_multiples.len() + 2, "{names:?}");
    let entities = s.iter().find(|(n, _)| n == "Market entities (cumulative)").expect("market entities");
    assert_eq!(entities.1, ["19,420", "9,100*", "~5,000*"]);
    let (multiples, missing) = side_by_side(&m);
    let ent = multiples.iter().find(|mu| mu.name == "Market entities (cumulative)").expect("entities");
    let xiyong = ent.slots.get(1).map(|s| &s.value);
    assert!(matches!(xiyong, Some(SlotValue::Bar(m)) if m.figure == "u_xy_2024"), "{xiyong:?}");
    assert_eq!(ent.period, None, "periods differ, so each bar names its own");
    assert_eq!(ent.x.max, 20000.0);
    let fc =
        s.iter().find(|(n, _)| n == "Actual use of foreign capital in the area").expect("foreign capital");
    assert_eq!(fc.1[0], "apart:12 enterprises*");
    let fc_model = multiples.iter().find(|mu| mu.name.contains("foreign capital")).expect("fc");
    let usd: Vec<f64> = fc_model
        .slots
        .iter()
        .filter_map(|s| match &s.value {
            SlotValue::Bar(m) => Some(m.value()),
            _ => None,
        })
        .collect();
    // 1.5 亿美元 and 5,000 万美元 on one scale (亿美元: display units like the other panels).
    assert_eq!(usd, [1.5, 0.5]);
    assert_eq!(
        names.last(),
        Some(&"New registered enterprises in the FTZ"),
        "metrics outside the matrix come last"
    );
    assert!(!missing.iter().any(|n| n.contains("foreign capital")), "{missing:?}");
    assert_eq!(missing.len(), base_missing.len() - 1);
}

/// `n` imported figures of the FTZ's trade share: ids u0…, statements dated over 2017–2025,
/// percent values that go up and down.
fn dense_import(n: usize) -> String {
    let mut rows = String::with_capacity(n * 90);
    for i in 0..n {
        let slot = i * 3024 / n; // 9 years × 12 months × 28 days
        let (year, month, day) = (2017 + slot / 336, slot % 336 / 28 + 1, slot % 28 + 1);
        let v = (i * 7919 + (i / 97) * 131) % 9001;
        let _ = writeln!(
            rows,
            "u{i},ftz_trade_share_of_city,ftz,stated:{year}-{month:02}-{day:02},exact,{}.{:02},pct,,file:test.csv,row {i},",
            v / 100,
            v % 100
        );
    }
    rows
}

#[test]
fn a_hundred_thousand_imported_figures_are_thinned_to_real_ones() {
    let n = 100_000;
    let ds = with_import(&dense_import(n));
    let started = std::time::Instant::now();
    let m = build(&ds, &catalog::spec(ChartId::TradeShare), Lang::En);
    let took = started.elapsed();
    let Some(PanelModel::Timeline(Timeline { points, undated, thinned, .. })) = m.panels.first() else {
        panic!()
    };
    // 600 intervals of the time axis, each keeping its lowest and its highest imported figure:
    // 1,200; the six dated published figures and the undated one are always kept.
    assert_eq!(points.iter().filter(|(_, m)| m.imported).count(), MAX_MARKS);
    assert_eq!(points.iter().filter(|(_, m)| !m.imported).count(), 6);
    assert_eq!(undated.len(), 1);
    assert_eq!(*thinned, Some(Thinned { shown: MAX_MARKS + 7, total: n + 7 }));
    // Every drawn mark is a real figure, with its own value and period.
    let ids: HashSet<&str> = points.iter().map(|(_, m)| m.figure.as_str()).collect();
    assert_eq!(ids.len(), points.len(), "a figure drawn twice");
    for (x, mk) in points {
        let f = ds.figure(&mk.figure).expect("a drawn mark is a figure of the dataset");
        assert_eq!(f.value_in(ftz_atlas::data::Unit::Pct), Some(mk.value()));
        // A cumulative span sits at its middle; any other period where it falls.
        let at = f.period.cumulative_years().map(|(a, b)| (a + b) / 2.0).or(f.period.x_position());
        assert_eq!(at, Some(*x));
    }
    // Time order is kept.
    assert!(points.windows(2).all(|w| w[0].0 <= w[1].0));
    // The lowest and the highest figure survive (the first of equals: the rows are in time order).
    let value = |f: &ftz_atlas::data::Figure| f.value_in(ftz_atlas::data::Unit::Pct).unwrap_or(f64::NAN);
    let imported = ds.figures.iter().filter(|f| f.is_imported());
    let (lo, hi) = imported.fold(
        (None, None),
        |(lo, hi): (Option<&ftz_atlas::data::Figure>, Option<&ftz_atlas::data::Figure>), f| {
            (
                if lo.is_none_or(|l| value(f) < value(l)) { Some(f) } else { lo },
                if hi.is_none_or(|h| value(f) > value(h)) { Some(f) } else { hi },
            )
        },
    );
    let (lo, hi) = (lo.expect("lowest"), hi.expect("highest"));
    assert_eq!((value(lo), value(hi)), (0.0, 90.0));
    assert!(ids.contains(lo.id.as_str()), "the lowest figure {} was dropped", lo.id);
    assert!(ids.contains(hi.id.as_str()), "the highest figure {} was dropped", hi.id);
    // Details, the table, the sources: the drawn figures only.
    assert_eq!(m.figures.len(), m.details.len());
    assert!(m.figures.len() < 1_300, "{}", m.figures.len());
    assert!(m.details.iter().filter(|d| d.imported).count() <= MAX_MARKS);
    // Said in the panel and in the description.
    let note = "showing 1,207 of 100,007 figures";
    assert!(m.description.contains(note), "{}", &m.description[..m.description.len().min(600)]);
    assert!(m.description.contains("lowest 0.00% (imported) (stated "), "{}", m.description);
    assert!(
        m.description.len() < 3_000,
        "the description summarises rather than lists: {}",
        m.description.len()
    );
    let svg = to_svg(&m, &SvgOptions::export(720)).unwrap_or_default();
    assert!(svg.contains(note));
    // Near linear: a quadratic step would take minutes here, even unoptimised.
    assert!(took.as_secs() < 20, "build took {took:?}");
}

#[test]
fn dense_dot_rows_keep_their_spread_and_every_published_figure() {
    let mut rows = String::new();
    for i in 0..5_000 {
        let v = (i * 7919) % 6001;
        let _ = writeln!(
            rows,
            "d{i},ftz_share_city_fdi,ftz,{},exact,{}.{:02},pct,,file:test.csv,row {i},",
            2017 + i % 9,
            20 + v / 100,
            v % 100
        );
    }
    let ds = with_import(&rows);
    let m = build(&ds, &catalog::spec(ChartId::Enterprises), Lang::Zh);
    let Some(PanelModel::DotRows(DotRows { rows, thinned, .. })) = m.panels.get(2) else {
        panic!("no dot rows")
    };
    let fdi = rows.iter().find(|r| r.label.contains("外商直接投资")).expect("FDI row");
    // The rows share 1,200 marks (four rows: 150 intervals of the value axis, lowest and
    // highest of each).
    let imported = fdi.marks.iter().filter(|m| m.imported).count();
    let share = MAX_MARKS / rows.len();
    assert!((share - 10..=share).contains(&imported), "{imported}");
    // The published figures of the row (47.5 %, more than 40 %) are never thinned away.
    let published: Vec<&str> = fdi.marks.iter().filter(|m| !m.imported).map(|m| m.label.as_str()).collect();
    assert_eq!(published, ["47.5%", "超40%"]);
    let values: Vec<f64> = fdi.marks.iter().map(|m| m.value()).collect();
    assert!(values.contains(&20.0) && values.contains(&80.0), "lowest and highest kept");
    for mk in &fdi.marks {
        assert_eq!(
            ds.figure(&mk.figure).and_then(|f| f.value_in(ftz_atlas::data::Unit::Pct)),
            Some(mk.value())
        );
    }
    let t = thinned.expect("the panel says it is thinned");
    assert_eq!(
        t.total,
        5_000 + rows.iter().map(|r| r.marks.iter().filter(|m| !m.imported).count()).sum::<usize>()
    );
    assert_eq!(t.shown, rows.iter().map(|r| r.marks.len()).sum::<usize>());
    assert!(m.description.contains(&format!("显示 {} / 5,00", t.shown)), "{}", m.description);
    assert!(m.description.contains("最低 20.00%（导入数据）"), "{}", m.description);
    // A short row in the same panel is still listed in full.
    assert!(m.description.contains("实际使用外资占全市比重：近1/2 (2022年)"), "{}", m.description);
    // Time order within the row is kept.
    let f = |id: &str| ds.figure(id).map(|f| f.period.sort_key());
    assert!(fdi.marks.windows(2).all(|w| f(&w[0].figure) <= f(&w[1].figure)));
}

#[test]
fn a_crowded_matrix_cell_keeps_a_few_figures_and_counts_them_all() {
    use ftz_atlas::chart::model::MAX_CELL;
    let rows: String = (0..60)
        .map(|i| {
            user_row(
                &format!("a{i}"),
                "area_km2",
                "xiyong",
                "asof:2020-01",
                "exact",
                &format!("{}", 20 + i),
                "km2",
            )
        })
        .collect();
    let published = match model(ChartId::Areas, Lang::En).panels.get(1) {
        Some(PanelModel::Matrix(Matrix { rows, .. })) => {
            rows.iter().flat_map(|r| r.counts.iter()).sum::<usize>()
        }
        _ => panic!("no matrix"),
    };
    let ds = with_import(&rows);
    let m = build(&ds, &catalog::spec(ChartId::Areas), Lang::En);
    let Some(PanelModel::Matrix(Matrix { rows, thinned, .. })) = m.panels.get(1) else { panic!() };
    assert_eq!(rows[1].cells[0].len(), MAX_CELL);
    assert_eq!(rows[1].counts[0], 64);
    assert_eq!(rows[0].counts[0], rows[0].cells[0].len());
    // The published figures in the matrix, 4 of them in that cell (kept: the first in the file).
    let (shown, total) = (published - 4 + MAX_CELL, published + 60);
    assert_eq!(*thinned, Some(Thinned { shown, total }));
    assert!(!m.figures.iter().any(|f| f == "a59"), "a figure past the cell's cut is not drawn");
    let svg = to_svg(&m, &SvgOptions::export(720)).unwrap_or_default();
    assert!(svg.contains("+63"), "the cell counts every figure");
    let note = format!("showing {shown} of {total} figures: at most 20 listed per cell");
    assert!(svg.contains(&note) && m.description.contains(&note), "{}", m.description);
}

// ---- Drawing, recorded: what is drawn where, and that the height and the painting agree ----

use ftz_atlas::chart::panel::BodyLayout;
use ftz_atlas::chart::record::{Op, Recorder};
use ftz_atlas::chart::{draw, height, ChartLayout, Frame, Hit};

fn frame(width: f64, header: bool) -> Frame {
    Frame { width, scale: 1.0, header, dark: false, font_scale: 1.0 }
}

/// `m` drawn on a recorder of the size `height` asks for.
fn record(m: &ChartModel, f: &Frame) -> (Recorder, Vec<Hit>) {
    let mut rec = Recorder::new((f.width as u32, height(m, f) as u32));
    match draw(&mut rec, m, f) {
        Ok(hits) => (rec, hits),
        Err(e) => panic!("{:?} does not draw: {e}", m.id),
    }
}

#[test]
fn height_and_painting_agree() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let m = model(id, lang);
            for width in [300.0, 360.0, 720.0, 960.0, 1400.0] {
                for header in [true, false] {
                    let f = frame(width, header);
                    let layout = ChartLayout::new(&m, &f);
                    let h = height(&m, &f);
                    assert_eq!(layout.height, h, "{id:?} {lang:?} {width}");
                    let (rec, hits) = record(&m, &f);
                    assert!(rec.presented);
                    let points = rec.points();
                    let (w, hh) = (width as i32, h as i32);
                    let outside: Vec<_> =
                        points.iter().filter(|(x, y)| *x < 0 || *x > w || *y < 0 || *y > hh).collect();
                    assert!(
                        outside.is_empty(),
                        "{id:?} {lang:?} {width} {header}: drawn outside: {outside:?}"
                    );
                    // Nothing is left empty at the bottom: the last box is painted.
                    let lowest = points.iter().filter(|p| **p != (w, hh)).map(|p| p.1).max().unwrap_or(0);
                    assert!(lowest >= hh - 40, "{id:?} {lang:?} {width} {header}: {lowest} of {hh}");
                    // Panels follow each other without gaps or overlaps, and every mark is drawn
                    // inside the body of a panel.
                    for pair in layout.panels.windows(2) {
                        assert_eq!(pair[0].bottom, pair[1].top);
                    }
                    for hit in &hits {
                        let inside = layout.panels.iter().any(|p| {
                            hit.y0 >= p.body.y0 - 1.0 && hit.y1 <= p.body.y1 + 1.0 && hit.x1 <= width
                        });
                        assert!(inside, "{id:?} {lang:?} {width}: {hit:?} outside every panel");
                    }
                }
            }
        }
    }
}

/// The ops that are vertical lines at `x` (±1 px).
fn vertical_paths(rec: &Recorder, x: i32) -> Vec<(i32, i32)> {
    rec.ops
        .iter()
        .filter_map(|op| match op {
            Op::Path { points, .. } if points.len() == 2 && points.iter().all(|p| (p.0 - x).abs() <= 1) => {
                Some((points[0].1, points[1].1))
            }
            _ => None,
        })
        .collect()
}

/// The triangles (filled polygons of three points) centred at `x` (±1 px), as (apex y, base y).
fn triangles(rec: &Recorder, x: i32) -> Vec<(i32, i32)> {
    rec.ops
        .iter()
        .filter_map(|op| match op {
            Op::Polygon { points, .. } if points.len() == 3 && (points[0].0 - x).abs() <= 1 => {
                Some((points[0].1, points[1].1))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_more_than_point_draws_an_up_arrow_above_its_value() {
    let m = model(ChartId::TradeShare, Lang::Zh);
    let f = frame(720.0, false);
    let layout = ChartLayout::new(&m, &f);
    let Some(BodyLayout::Timeline(t)) = layout.panels.first().map(|p| &p.layout) else {
        panic!("no timeline")
    };
    let Some(PanelModel::Timeline(Timeline { points, .. })) = m.panels.first() else { panic!() };
    assert_eq!((points[0].1.qualifier, points[0].1.label.as_str()), (Qualifier::MoreThan, "超60%"));
    // 60 % on the 0–100 % axis, independently of the layout's arithmetic.
    let plot = t.axis.plot;
    let y = plot.y1 - 0.6 * (plot.y1 - plot.y0);
    let (px, py) = t.dots[0].at;
    assert!((py - y).abs() < 1e-9);
    let (rec, _) = record(&m, &f);
    let (x, y) = (px.round() as i32, y.round() as i32);
    // A triangle pointing up (apex above its base) on the value, a stem going up from its apex,
    // and an arrow head above the stem pointing up.
    let tri = triangles(&rec, x);
    assert!(tri.iter().any(|&(apex, base)| apex < y && base > y), "no up triangle at {x},{y}: {tri:?}");
    let stems = vertical_paths(&rec, x);
    let Some(&(from, to)) = stems.iter().find(|(a, b)| *a < y && *b < *a) else {
        panic!("no stem up: {stems:?}")
    };
    assert!(y - from <= 10 && from - to >= 8, "stem {from}→{to} for a point at {y}");
    assert!(tri.iter().any(|&(apex, base)| apex < to && base > to), "no head above the stem: {tri:?}");
}

#[test]
fn a_less_than_bar_draws_a_down_arrow_onto_its_top() {
    let m = model(ChartId::TradeShare, Lang::Zh);
    let f = frame(720.0, false);
    let layout = ChartLayout::new(&m, &f);
    let Some(BodyLayout::Columns(c)) = layout.panels.get(1).map(|p| &p.layout) else { panic!("no columns") };
    let Some(PanelModel::Columns(Columns { cells, y: scale, .. })) = m.panels.get(1) else { panic!() };
    // 2022: the FTZ's trade is less than a derived bound, drawn inside the city's bar.
    let Some(Some(bound)) = cells.get(3).and_then(|row| row.get(1)) else { panic!("no 2022 FTZ bar") };
    assert_eq!(bound.qualifier, Qualifier::LessThan);
    let Some(columns::Cell::Bar { bar, .. }) = c.cells.get(3).and_then(|row| row.get(1)) else { panic!() };
    let plot = c.axis.plot;
    let top = plot.y1 - bound.value() / scale.max * (plot.y1 - plot.y0);
    assert!((bar.y0 - top).abs() < 1e-9 && bar.y1 == plot.y1);
    let (rec, _) = record(&m, &f);
    let (x, top) = (bar.center_x().round() as i32, top.round() as i32);
    let stems = vertical_paths(&rec, x);
    let Some(&(from, to)) = stems.iter().find(|(a, b)| *a < *b && *b < top) else {
        panic!("no stem: {stems:?}")
    };
    // The head points down (apex under its base) and ends on the bar's top.
    let tri = triangles(&rec, x);
    assert!(
        tri.iter().any(|&(apex, base)| apex > to && base > from && base < apex && (apex - top).abs() <= 1),
        "no head down onto {top} under the stem {from}→{to}: {tri:?}"
    );
}

#[test]
fn a_more_than_bar_draws_an_up_arrow_from_its_top() {
    let m = model(ChartId::TradeShare, Lang::En);
    let f = frame(720.0, false);
    let layout = ChartLayout::new(&m, &f);
    let Some(BodyLayout::Columns(c)) = layout.panels.get(1).map(|p| &p.layout) else { panic!("no columns") };
    let Some(PanelModel::Columns(Columns { cells, .. })) = m.panels.get(1) else { panic!() };
    // 2023: the FTZ's trade is more than a derived bound.
    let Some(Some(bound)) = cells.get(4).and_then(|row| row.get(1)) else { panic!("no 2023 FTZ bar") };
    assert_eq!(bound.qualifier, Qualifier::MoreThan);
    let Some(columns::Cell::Bar { bar, label, .. }) = c.cells.get(4).and_then(|row| row.get(1)) else {
        panic!()
    };
    let (rec, _) = record(&m, &f);
    let (x, top) = (bar.center_x().round() as i32, bar.y0.round() as i32);
    // A stem going up from just above the bar's top, a head above it pointing up, and the value
    // label above the head.
    let stems = vertical_paths(&rec, x);
    let Some(&(from, to)) = stems.iter().find(|(a, b)| *a < top && *a >= top - 4 && *b < *a) else {
        panic!("no stem up from {top}: {stems:?}")
    };
    let tri = triangles(&rec, x);
    let Some(&(apex, _)) = tri.iter().find(|&&(apex, base)| apex < to && apex >= to - 6 && base > apex)
    else {
        panic!("no head up above {to}: {tri:?}")
    };
    assert!(label.1.round() as i32 <= apex, "label at {} under the arrow's tip {apex}", label.1);
    assert!(rec.texts().any(|(t, at)| t == bound.label && at.1 == label.1.round() as i32));
    assert!(from > to);
}

#[test]
fn every_tick_label_is_format_tick_of_its_scale() {
    use ftz_atlas::format::tick;
    let mut checked = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let m = model(id, lang);
            let f = frame(720.0, true);
            let layout = ChartLayout::new(&m, &f);
            let (rec, _) = record(&m, &f);
            let texts: Vec<(&str, (i32, i32))> = rec.texts().collect();
            let drawn = |text: &str, x: f64, y: f64| {
                texts.iter().any(|(t, at)| *t == text && *at == (x.round() as i32, y.round() as i32))
            };
            for (panel, b) in m.panels.iter().zip(&layout.panels) {
                let (scale, at): (_, Vec<(f64, f64)>) = match (panel, &b.layout) {
                    (PanelModel::Columns(p), BodyLayout::Columns(l)) => (
                        &p.y,
                        p.y.ticks
                            .iter()
                            .map(|t| (l.axis.plot.x0 - 6.0, p.y.map(*t, l.axis.plot.y1, l.axis.plot.y0)))
                            .collect(),
                    ),
                    (PanelModel::Timeline(p), BodyLayout::Timeline(l)) => (
                        &p.y,
                        p.y.ticks
                            .iter()
                            .map(|t| (l.axis.plot.x0 - 6.0, p.y.map(*t, l.axis.plot.y1, l.axis.plot.y0)))
                            .collect(),
                    ),
                    (PanelModel::DotRows(p), BodyLayout::DotRows(l)) => (
                        &p.x,
                        p.x.ticks.iter().map(|t| (p.x.map(*t, l.span.0, l.span.1), l.ticks_y)).collect(),
                    ),
                    _ => continue,
                };
                for (t, (x, y)) in scale.ticks.iter().zip(at) {
                    let label = tick(*t, scale.unit, scale.step, lang);
                    assert!(
                        drawn(&label, x, y),
                        "{id:?} {lang:?}: tick {t} should read {label:?} at {x},{y}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 40, "only {checked} ticks checked");
}

#[test]
fn column_labels_never_overlap_and_bars_stay_in_the_plot() {
    for id in [ChartId::TradeShare, ChartId::NevExports, ChartId::Enterprises] {
        for width in [360.0, 720.0] {
            let m = model(id, Lang::En);
            let layout = ChartLayout::new(&m, &frame(width, false));
            for b in &layout.panels {
                let BodyLayout::Columns(c) = &b.layout else { continue };
                let plot = c.axis.plot;
                assert!(plot.x0 > b.body.x0 && plot.x1 <= b.body.x1 && plot.y1 < b.body.y1);
                let mut labels = Vec::new();
                for cell in c.cells.iter().flatten() {
                    if let columns::Cell::Bar { bar, label, .. } = cell {
                        assert!(
                            bar.x0 >= plot.x0
                                && bar.x1 <= plot.x1
                                && bar.y0 >= plot.y0 - 1e-9
                                && bar.y1 == plot.y1
                        );
                        labels.push(*label);
                    }
                }
                assert!(!labels.is_empty());
                // Baselines of labels over the same bar group differ by at least a label's height.
                for (i, a) in labels.iter().enumerate() {
                    for b in &labels[i + 1..] {
                        assert!(
                            (a.0 - b.0).abs() > 1.0 || (a.1 - b.1).abs() >= 13.0,
                            "{id:?} {width}: {a:?} {b:?}"
                        );
                    }
                }
            }
        }
    }
}
