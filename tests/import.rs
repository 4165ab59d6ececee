//! Importing a reader's own figures: good files load, bad files change nothing and report
//! every problem with its place.

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::data::import::{decode, import, ImportJob};
use ftz_atlas::data::{Dataset, IssueKind};
use ftz_atlas::export::{dataset_json, figures_csv, template_csv};
use ftz_atlas::i18n::Lang;

fn base() -> Dataset {
    Dataset::embedded().unwrap_or_default()
}

const HEADER: &str = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n";

#[test]
fn a_good_csv_imports_with_the_file_as_source() {
    let ds = base();
    let text = format!(
        "{HEADER}my_lj_ent,area_market_entities_cumulative,liangjiang,asof:2024-12,exact,52000,enterprises,,两江新区统计公报,,\n\
         my_xy_ent,area_market_entities_cumulative,xiyong,asof:2024-12,more_than,9000,enterprises,,,,\n\
         my_sum,area_market_entities_cumulative,ftz,asof:2024-12,exact,,enterprises,my_lj_ent + my_xy_ent,,,\n"
    );
    let imp = import("regions.csv", text.as_bytes(), &ds).map_err(|e| e.0);
    let imp = match imp {
        Ok(i) => i,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(imp.figures.len(), 3);
    assert!(imp.figures.iter().all(|f| f.is_imported() && f.source == "file:regions.csv"));
    assert_eq!(imp.figures[0].cited, "两江新区统计公报");
    assert_eq!(imp.figures[2].value, 61000.0);
    let merged = ds.with_imports([&imp]);
    assert_eq!(merged.figures.len(), ds.figures.len() + 3);
    assert_eq!(merged.source("file:regions.csv").map(|s| s.title.as_str()), Some("regions.csv"));
    // The same file again is refused: its ids are taken... unless identical (then skipped).
    let again = import("regions.csv", text.as_bytes(), &merged).map_err(|e| e.0);
    assert_eq!(again.as_ref().map(|i| (i.figures.len(), i.already_loaded)), Ok((0, 3)));
    assert_eq!(again.map(|i| i.source.key), Ok("file:regions.csv (2)".to_string()));
}

#[test]
fn the_dataset_download_reimports_as_already_loaded() {
    let ds = base();
    let csv = figures_csv(&ds.figures, &ds.terms);
    let imp = import("figures.csv", csv.as_bytes(), &ds).map_err(|e| e.0);
    assert_eq!(imp.map(|i| (i.figures.len(), i.already_loaded)), Ok((0, ds.figures.len())));
    let json = dataset_json(&ds);
    let imp = import("dataset.json", json.as_bytes(), &ds).map_err(|e| e.0);
    assert_eq!(imp.map(|i| (i.figures.len(), i.already_loaded)), Ok((0, ds.figures.len())));
}

#[test]
fn an_import_round_trips_through_its_export() {
    let ds = base();
    let text = format!(
        "{HEADER}neg,city_foreign_trade_yoy,city,2030,about,-3.5,pct,,\"=HYPERLINK(\"\"x\"\")\",\"<img src=x onerror=alert(1)>\",\"a, b\"\n"
    );
    let first = import("mine.csv", text.as_bytes(), &ds).map_err(|e| e.0);
    let Ok(first) = first else { panic!("{first:?}") };
    let again =
        import("mine.csv", figures_csv(&first.figures, &first.terms).as_bytes(), &ds).map_err(|e| e.0);
    assert_eq!(again, Ok(first));
}

#[test]
fn the_template_lists_the_schema_and_imports_nothing_by_itself() {
    let ds = base();
    let t = template_csv(&ds, Lang::En);
    assert!(t.contains("metric: area_km2"));
    assert!(t.contains("scope: liangjiang"));
    assert!(t.contains("unit: wan_vehicles"));
    assert_eq!(t.matches("#example_").count(), 2);
    let r = import("template.csv", t.as_bytes(), &ds)
        .map_err(|e| e.0.into_iter().map(|i| i.kind).collect::<Vec<_>>());
    assert_eq!(r, Err(vec![IssueKind::NoRows]));
    // With the examples' # removed, they import (as the reader's figures).
    let t = t.replace("\"#example_", "\"example_").replace("\n#example_", "\nexample_");
    let r = import("template.csv", t.as_bytes(), &ds).map_err(|e| e.0);
    assert_eq!(r.map(|i| i.figures.len()), Ok(2));
}

#[test]
fn a_bad_file_reports_every_problem_and_imports_nothing() {
    let ds = base();
    let text = format!(
        "{HEADER}a,nope,ftz,2023,exact,1,items,,,,\n\
         b,ftz_nev_exports,ftz,2023,exact,1,carts,,,,\n\
         c,ftz_nev_exports,ftz,20x3,exact,1,vehicles,,,,\n\
         d,ftz_nev_exports,ftz,2023,exact,lots,vehicles,,,,\n\
         d,ftz_nev_exports,ftz,2024,exact,2,vehicles,,,,\n\
         e,ftz_nev_exports,ftz,2023,exact,,vehicles,zzz * 2,,,\n\
         f,ftz_nev_exports,ftz,2024,exact,2,vehicles,,,,\n\
         area_ftz,area_km2,ftz,2023,exact,1,km2,,,,\n"
    );
    let Err((issues, more)) = import("bad.csv", text.as_bytes(), &ds) else { panic!("imported") };
    assert_eq!(more, 0);
    let got: Vec<(usize, &str, &IssueKind)> =
        issues.iter().map(|i| (i.line, i.column.as_str(), &i.kind)).collect();
    let expect = [
        (2, "metric", IssueKind::UnknownMetric("nope".into())),
        (3, "unit", IssueKind::UnknownUnit("carts".into())),
        (4, "period", IssueKind::BadPeriod("20x3".into())),
        (5, "value", IssueKind::BadValue("lots".into())),
        (6, "id", IssueKind::Duplicate("d".into())),
        (7, "formula", IssueKind::UnresolvedRef("zzz".into())),
        (8, "", IssueKind::DuplicateRow(6)),
        (9, "id", IssueKind::AlreadyInDataset("area_ftz".into())),
    ];
    for (line, column, kind) in &expect {
        assert!(got.contains(&(*line, *column, kind)), "missing {line} {column} {kind:?} in {got:#?}");
    }
    assert_eq!(issues.len(), expect.len(), "{got:#?}");
}

#[test]
fn files_that_are_not_utf8_text_are_refused_before_parsing() {
    let kind = |bytes: &[u8]| decode("x.csv", bytes).err().map(|i| (i.line, i.kind));
    assert_eq!(kind(b"PK\x03\x04rest"), Some((0, IssueKind::NotText)));
    assert_eq!(kind(b"id\x00,x"), Some((0, IssueKind::NotText)));
    assert_eq!(kind(&[0xff, 0xfe, b'i', 0]), Some((0, IssueKind::WrongEncoding("UTF-16"))));
    // GBK bytes for 两江 on line 2.
    assert_eq!(kind(b"id,metric\n\xc1\xbd\xbd\xad,x\n"), Some((2, IssueKind::WrongEncoding("UTF-8"))));
    assert_eq!(decode("x.csv", "\u{feff}id".as_bytes()), Ok("id".to_string()));
    let huge = vec![b'a'; ftz_atlas::data::import::MAX_BYTES + 1];
    assert!(matches!(kind(&huge), Some((0, IssueKind::TooLarge { .. }))));
}

#[test]
fn a_large_file_imports_in_steps_with_progress() {
    let ds = base();
    let mut text = String::from(HEADER);
    for i in 0..100_000 {
        let (y, m, d) = (2017 + i % 9, 1 + (i / 9) % 12, 1 + (i / 108) % 28);
        text.push_str(&format!(
            "u{i},ftz_trade_share_of_city,ftz,stated:{y}-{m:02}-{d:02},exact,{}.{i:05},pct,,,,\n",
            40 + i % 30
        ));
    }
    let mut job = ImportJob::new("big.csv", text, &ds);
    let mut fractions = Vec::new();
    loop {
        let p = job.step(5_000, &ds);
        fractions.push(p.fraction);
        if p.done {
            assert_eq!(p.rows, 100_000);
            break;
        }
    }
    assert!(fractions.len() > 10 && fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
    let imp = job.finish(&ds).map_err(|e| (e.0.first().cloned(), e.0.len() + e.1));
    assert_eq!(imp.map(|i| i.figures.len()), Ok(100_000));
}

#[test]
fn a_json_file_is_read_in_steps_too() {
    let ds = base();
    let entries: Vec<String> = (0..1_000)
        .map(|i| format!("{{\"id\": \"j{i}\", \"metric\": \"city_foreign_trade_total\", \"scope\": \"city\", \"period\": {}, \"qualifier\": \"exact\", \"value\": {i}.5, \"unit\": \"yi_yuan\", \"note\": null}}", 1900 + i % 200))
        .collect();
    let text = format!("{{\"sources\": [], \"figures\": [\n{}\n]}}", entries.join(",\n"));
    let mut job = ImportJob::new("big.json", text, &ds);
    let mut fractions = Vec::new();
    while !job.step(100, &ds).done {
        fractions.push(job.step(0, &ds).fraction);
    }
    assert!(fractions.len() >= 5 && fractions.windows(2).all(|w| w[0] < w[1]), "{fractions:?}");
    let imp = job.finish(&ds).map_err(|e| e.0);
    let Ok(imp) = imp else { panic!("{imp:?}") };
    assert_eq!(imp.figures.len(), 1_000);
    // Numbers are kept as written, and entries know their lines.
    assert_eq!(imp.figures[7].value_text, "7.5");
    assert_eq!(imp.figures[7].line, 9);
}

#[test]
fn a_named_new_scope_is_brought_by_the_file_and_shown_beside_the_areas() {
    use ftz_atlas::chart::panel::matrix::Matrix;
    use ftz_atlas::chart::panel::side_by_side::{SideBySide, SlotValue};
    use ftz_atlas::chart::PanelModel;
    use ftz_atlas::chart::{build, catalog, ChartId};
    let ds = base();
    let text = "id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en\n\
        wz_ent,area_market_entities_cumulative,wanzhou_linked,asof:2024-12,exact,1200,enterprises,万州联动创新区,Wanzhou linked zone\n\
        wz_area,area_km2,wanzhou_linked,asof:2024-12,exact,12.5,km2,,\n\
        typo,area_km2,liangjaing,asof:2024-12,exact,1,km2,,\n";
    // A misspelt scope without names is still an error.
    let Err((issues, _)) = import("zones.csv", text.as_bytes(), &ds) else { panic!("imported a typo") };
    assert_eq!(
        issues.iter().map(|i| (i.line, i.kind.clone())).collect::<Vec<_>>(),
        vec![(4, IssueKind::UnknownScope("liangjaing".into()))]
    );
    let text = text.lines().take(3).collect::<Vec<_>>().join("\n");
    let imp = import("zones.csv", text.as_bytes(), &ds).map_err(|e| e.0);
    let Ok(imp) = imp else { panic!("{imp:?}") };
    assert_eq!(imp.terms.len(), 1);
    assert_eq!(
        (imp.terms[0].zh.as_str(), imp.terms[0].en.as_str()),
        ("万州联动创新区", "Wanzhou linked zone")
    );
    // Its export names the scope again, so it imports unchanged.
    let again = import("zones.csv", figures_csv(&imp.figures, &imp.terms).as_bytes(), &ds).map_err(|e| e.0);
    assert_eq!(again.as_ref(), Ok(&imp));
    // The 片区 chart gets a row in the matrix and a slot in each side-by-side multiple.
    let merged = ds.with_imports([&imp]);
    assert_eq!(merged.name("scope", "wanzhou_linked", Lang::Zh), "万州联动创新区");
    let model = build(&merged, &catalog::spec(ChartId::Areas), Lang::En);
    let matrix_rows: Vec<&str> = model
        .panels
        .iter()
        .flat_map(|p| match p {
            PanelModel::Matrix(Matrix { rows, .. }) => rows.iter().map(|r| r.label.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(matrix_rows.last(), Some(&"Wanzhou linked zone"));
    let slots: Vec<(String, bool)> = model
        .panels
        .iter()
        .flat_map(|p| match p {
            PanelModel::SideBySide(SideBySide { multiples, .. }) => multiples
                .iter()
                .flat_map(|m| {
                    m.slots
                        .iter()
                        .map(|s| (format!("{}/{}", m.name, s.scope), matches!(s.value, SlotValue::Bar(_))))
                })
                .collect(),
            _ => Vec::new(),
        })
        .filter(|(name, _)| name.ends_with("Wanzhou linked zone"))
        .collect();
    // A slot where the file has figures (bars), none elsewhere: the matrix shows what is
    // not published, and 1,000 districts would otherwise add 1,000 "no data" rows.
    let bars: Vec<&str> = slots.iter().filter(|(_, bar)| *bar).map(|(n, _)| n.as_str()).collect();
    assert_eq!(bars, vec!["Area/Wanzhou linked zone", "Market entities (cumulative)/Wanzhou linked zone"]);
    let multiples: usize = model
        .panels
        .iter()
        .map(|p| match p {
            PanelModel::SideBySide(s) => s.multiples.len(),
            _ => 0,
        })
        .sum();
    assert!(multiples >= 2);
    assert_eq!(slots.len(), 2, "{slots:?}");
}
