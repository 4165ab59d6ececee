//! The embedded dataset: it validates, every figure is sourced and quoted, derived figures are
//! recomputed from their inputs, and known conflicts are kept rather than resolved.

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::chart::catalog;
use ftz_atlas::chart::{ChartId, PanelSpec};
use ftz_atlas::data::{Dataset, Date, Figure, Period, Qualifier, Unit, EMBEDDED, NOTE_SEPARATOR};
use ftz_atlas::i18n::Lang;

fn ds() -> Dataset {
    match Dataset::embedded() {
        Ok(ds) => ds,
        Err(issues) => panic!("embedded dataset has issues: {issues:#?}"),
    }
}

#[test]
fn every_figure_has_a_source_with_quote_and_known_names() {
    let ds = ds();
    assert!(ds.figures.len() >= 70, "{} figures", ds.figures.len());
    for f in &ds.figures {
        let s = ds.source(&f.source).unwrap_or_else(|| panic!("{}: no source {}", f.id, f.source));
        assert!(!s.title.is_empty() && !s.publisher.is_empty(), "{}", s.key);
        assert!(f.quote.chars().count() >= 8, "{}: quote too short", f.id);
        assert_ne!(ds.name("metric", &f.metric, ftz_atlas::i18n::Lang::Zh), f.metric, "{}", f.id);
        assert_ne!(ds.name("scope", &f.scope, ftz_atlas::i18n::Lang::En), f.scope, "{}", f.id);
    }
}

#[test]
fn quotes_contain_the_published_number() {
    // A published figure's number (or its rounded form) appears in its quote, so the quote
    // really is the clause that states it.
    let missing = quote_problems(&ds().figures);
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The published figures of `figures` whose quote does not state their number.
fn quote_problems(figures: &[Figure]) -> Vec<String> {
    // Counts of items the quote names one by one rather than numbering.
    let counted_by_naming = ["best_practice_5th", "best_practice_6th"];
    // Numbers the quote spells out in words: the word must be there instead.
    let in_words = [
        ("trade_firms_share_2021s", "one-fourth"),
        ("trade_firms_share_undated", "a quarter"),
        ("customs_replicated_nationally_2021", "two innovative systems"),
        ("xiyong_new_rd_institutions", "cinco nuevas instituciones"),
    ];
    let mut missing = Vec::new();
    for f in figures.iter().filter(|f| !f.is_derived() && !counted_by_naming.contains(&f.id.as_str())) {
        if let Some((_, word)) = in_words.iter().find(|(id, _)| *id == f.id) {
            if !f.quote.contains(word) {
                missing.push(format!("{}: {word:?} not in {:?}", f.id, f.quote));
            }
            continue;
        }
        let plain = f.value_text.clone();
        // A fraction is looked for as printed (its rounded decimal, "0", would match anything).
        let grouped = if plain.contains('/') {
            plain.clone()
        } else {
            ftz_atlas::format::grouped(f.value, ftz_atlas::format::decimals_of(&f.value_text))
        };
        let found = f.quote.contains(&plain)
            || f.quote.contains(&grouped)
            || f.quote.contains(&f.value_text.replace(".", ","));
        if !found {
            missing.push(format!("{}: {} not in {:?}", f.id, f.value_text, f.quote));
        }
    }
    missing
}

fn value(ds: &Dataset, id: &str) -> f64 {
    ds.figure(id).map_or(f64::NAN, |f| f.value)
}

#[test]
fn derived_figures_are_recomputed_from_their_inputs() {
    let ds = ds();
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * b.abs().max(1.0);
    // 2022 FTZ NEV exports from 2.7万辆 and +90.5 %.
    assert!(close(value(&ds, "ftz_nev_2022"), 27000.0 / 1.905));
    // 2023 FTZ trade lower bound: 60 % of 713.74 bn yuan, in 亿元.
    assert!(close(value(&ds, "ftz_trade_lb_2023"), 0.6 * 7137.4));
    // 2022 upper bound: 2/3 of 815.84 bn yuan.
    assert!(close(value(&ds, "ftz_trade_ub_2022"), 2.0 / 3.0 * 8158.4));
    assert!(close(value(&ds, "city_trade_2020"), 8000.59 / 1.228));
    assert!(close(value(&ds, "best_practice_cumulative"), 3.0));
    for f in ds.figures.iter().filter(|f| f.is_derived()) {
        assert!(f.value_text.is_empty(), "{}: derived figure has a typed value", f.id);
        assert!(f.value.is_finite() && f.value > 0.0, "{}", f.id);
    }
    // Qualifiers follow from the inputs.
    assert_eq!(ds.figure("ftz_trade_lb_2023").map(|f| f.qualifier), Some(Qualifier::MoreThan));
    assert_eq!(ds.figure("ftz_trade_ub_2022").map(|f| f.qualifier), Some(Qualifier::LessThan));
}

#[test]
fn qualifiers_and_periods_stay_as_published() {
    let ds = ds();
    let f = |id: &str| ds.figure(id).cloned();
    assert_eq!(f("trade_share_2023").map(|f| (f.qualifier, f.value)), Some((Qualifier::MoreThan, 60.0)));
    assert_eq!(
        f("trade_share_2022").map(|f| (f.qualifier, f.unit)),
        Some((Qualifier::Nearly, Unit::Fraction))
    );
    assert_eq!(f("trade_share_2018s").map(|f| f.period.year_unknown()), Some(true));
    assert_eq!(f("key_outcomes_147").map(|f| f.period), Some(Period::Undated));
    assert_eq!(f("city_ev_value_2025_jan_oct").map(|f| f.period.is_part_year()), Some(true));
}

#[test]
fn conflicts_are_kept() {
    let ds = ds();
    assert_eq!(value(&ds, "area_ftz"), 119.98);
    assert_eq!(value(&ds, "area_ftz_govcn"), 111.98);
    // The three areas add up to the total.
    let sum = value(&ds, "area_liangjiang") + value(&ds, "area_xiyong") + value(&ds, "area_guoyuangang");
    assert!((sum - 119.98).abs() < 1e-9);
    // Published and derived 2024 city trade both remain.
    assert!(ds.figure("city_trade_2024").is_some() && ds.figure("city_trade_2024_derived").is_some());
}

fn fig(ds: &Dataset, id: &str) -> Figure {
    ds.figure(id).cloned().unwrap_or_else(|| panic!("no figure {id}"))
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("bad date {text}"))
}

#[test]
fn the_fifth_best_practice_batch_is_at_least_one_case_stated_in_the_report() {
    let ds = ds();
    let f = fig(&ds, "best_practice_5th");
    // The report names one case and gives no count.
    assert_eq!((f.qualifier, f.value), (Qualifier::AtLeast, 1.0));
    assert_eq!(f.period, Period::Stated(date("2024-03-27")));
    // One period form for the metric: every batch is placed at the date it was stated.
    for f in ds.figures.iter().filter(|f| f.metric == "best_practice_cases_national") {
        assert!(matches!(f.period, Period::Stated(_)), "{}: {:?}", f.id, f.period);
    }
    assert_eq!(fig(&ds, "best_practice_6th").period, Period::Stated(date("2025-09-15")));
}

#[test]
fn the_147_is_not_drawn_as_the_79s_next_value() {
    let ds = ds();
    assert_ne!(fig(&ds, "key_outcomes_147").metric, fig(&ds, "key_outcomes_2021").metric);
    let f147 = fig(&ds, "key_outcomes_147");
    let en = ds.name("metric", &f147.metric, Lang::En);
    assert!(en.contains("not confirmed"), "{en}");
    let spec = catalog::spec(ChartId::Innovation);
    let rows: Vec<&str> = spec
        .panels
        .iter()
        .flat_map(|p| match p {
            PanelSpec::Bars(b) => b.rows.iter().map(|r| r.figure).collect(),
            _ => Vec::new(),
        })
        .collect();
    let at = |id: &str| rows.iter().position(|r| *r == id).unwrap_or_else(|| panic!("{id} not drawn"));
    assert!(at("key_outcomes_147").abs_diff(at("key_outcomes_2021")) > 1, "{rows:?}");
}

#[test]
fn the_container_model_count_is_labelled_as_the_models() {
    let ds = ds();
    for id in ["guoyuangang_nev_container", "nev_container_model_2024"] {
        let f = fig(&ds, id);
        assert_ne!(f.scope, "guoyuangang", "{id}: the model's count is not the 片区's");
        assert!(ds.name("scope", &f.scope, Lang::En).contains("model"), "{id}");
        assert!(ds.name("metric", &f.metric, Lang::En).contains("model"), "{id}");
        assert!(ds.name("metric", &f.metric, Lang::Zh).contains("模式"), "{id}");
    }
    // 811 in 2024 sits within the 1,032 shipped by the end of 2024: not a conflict.
    assert!(value(&ds, "nev_container_model_2024") <= value(&ds, "guoyuangang_nev_container"));
}

#[test]
fn market_entities_are_not_enterprises() {
    let ds = ds();
    let f = fig(&ds, "liangjiang_market_entities");
    assert_eq!(f.unit, Unit::MarketEntities);
    assert_eq!(ftz_atlas::i18n::unit_name(f.unit, Lang::En), "market entities");
    assert!(ds.name("metric", &f.metric, Lang::Zh).contains("市场主体"));
}

#[test]
fn three_plus_years_shares_span_from_the_launch_to_the_statement() {
    let ds = ds();
    for id in ["trade_share_2020s", "share_fdi_2020s"] {
        let f = fig(&ds, id);
        assert_eq!(f.period, Period::Span { start: date("2017-04"), end: date("2020-09") }, "{id}");
        // Not one year: never placed on a yearly axis as an annual value.
        assert_eq!(f.period.single_year(), None, "{id}");
        assert!(f.quote.starts_with("三年多来"), "{id}");
    }
}

/// Figures whose quote carries a known source error, with what the note must say.
const SOURCE_ERRORS: [(&str, &str, &str); 2] =
    [("1.46%的面积", "1.46‰", "1.46‰"), ("less than a thousandth", "more than a thousandth", "超过千分之一")];

#[test]
fn source_errors_in_quotes_are_noted_in_both_languages() {
    let ds = ds();
    let mut noted = 0;
    for (in_quote, en, zh) in SOURCE_ERRORS {
        for f in ds.figures.iter().filter(|f| f.quote.contains(in_quote)) {
            assert!(f.note.contains(NOTE_SEPARATOR), "{}: note not bilingual", f.id);
            let (e, z) = (f.note_in(Lang::En), f.note_in(Lang::Zh));
            assert!(e.contains("[source error:") && e.contains(en), "{}: {e}", f.id);
            assert!(z.contains("[原文有误：") && z.contains(zh), "{}: {z}", f.id);
            noted += 1;
        }
    }
    // The 1.46% is in four kept quotes (three shares and the 2022 ceiling), the thousandth in two.
    assert!(noted >= 6, "{noted}");
    for f in &ds.figures {
        // At most one separator: an English part, then a Chinese one.
        assert!(f.note.matches(NOTE_SEPARATOR).count() <= 1, "{}", f.id);
        if f.note.contains(NOTE_SEPARATOR) {
            let zh = f.note_in(Lang::Zh);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {zh}", f.id);
        }
    }
}

#[test]
fn the_2024_city_trade_figures_agree_within_rounding() {
    let ds = ds();
    // 7,154.2亿元 published, 8,006.8亿元 in 2025: +11.92 %, which rounds to the published 12 %.
    let implied = (value(&ds, "city_trade_2025") / (value(&ds, "city_trade_2024") * 10.0) - 1.0) * 100.0;
    assert!((implied - 11.92).abs() < 0.005, "{implied}");
    assert_eq!(implied.round(), value(&ds, "city_trade_yoy_2025"));
    let note = fig(&ds, "city_trade_2024_derived").note.to_lowercase();
    assert!(note.contains("agrees within rounding") && !note.contains("conflicts"), "{note}");
}

#[test]
fn the_derived_2022_nev_range_follows_from_the_inputs_rounding() {
    let ds = ds();
    let f = fig(&ds, "ftz_nev_2022");
    // 2.7万 is 2.65–2.75万 and 90.5 % is 90.45–90.55 %.
    let (lo, hi) = ((26_500.0 / 1.9055_f64).floor(), (27_500.0 / 1.9045_f64).floor());
    assert_eq!((lo, hi), (13_907.0, 14_439.0));
    assert!(f.note.contains("13,907") && f.note.contains("14,439"), "{}", f.note);
    assert!(f.value > lo && f.value < hi);
}

#[test]
fn the_area_bar_lists_the_758_beside_the_88() {
    let spec = catalog::spec(ChartId::Areas);
    let xiyong = spec.panels.iter().find_map(|p| match p {
        PanelSpec::Bars(b) => b.rows.iter().find(|r| r.figure == "area_xiyong").cloned(),
        _ => None,
    });
    let xiyong = xiyong.expect("the Xiyong area row");
    assert!(xiyong.inner.contains(&"area_xiyong_cbz"));
    assert!(xiyong.conflicts.contains(&"area_xiyong_cbz_2024"));
    let ds = ds();
    assert_eq!((value(&ds, "area_xiyong_cbz"), value(&ds, "area_xiyong_cbz_2024")), (8.8, 7.58));
}

/// Research rows curated for issue 14 (audit sections C and D), by figure id (the 811 of
/// section D is with the model's count, in the section A test).
const CURATED: [&str; 33] = [
    "xiyong_cbz_trade_yoy_2021",
    "xiyong_cbz_trade_2020",
    "nev_container_model_2024",
    "nev_container_model_value",
    "liangjiang_registered_capital_2019",
    "trade_firms_share_2020s",
    "trade_firms_share_2021s",
    "trade_firms_share_undated",
    "deepening_measures_total",
    "deepening_measures_2020",
    "national_experiences_total",
    "national_experiences_2020",
    "customs_measures_2021",
    "customs_replicated_nationally_2021",
    "share_new_ent_capital_2019",
    "share_new_fie_capital_2019",
    "city_vehicle_value_yoy_2024",
    "city_vehicle_value_yoy_2025_jan_oct",
    "action_plan_directions",
    "action_plan_zones",
    "action_plan_aspects",
    "action_plan_tasks_2023",
    "innovation_task_forces",
    "development_task_forces",
    "aviation_sites_2023",
    "trade_share_5y",
    "xiyong_cbz_cbu_imports_2020",
    "xiyong_cbz_cbu_imports_value_2020",
    "lianglu_cuntan_cbz_laptop_share",
    "lianglu_cuntan_cbz_investment",
    "hub_trade_2025_jan_aug",
    "hub_trade_yoy_2025_jan_aug",
    "hub_enterprises_2025",
];

#[test]
fn curated_research_rows_are_in_with_source_and_quote() {
    let ds = ds();
    for id in CURATED {
        let f = fig(&ds, id);
        let s = ds.source(&f.source).unwrap_or_else(|| panic!("{id}: no source"));
        assert!(!s.url.is_empty(), "{id}: the source has no address");
        assert!(!f.quote.is_empty() && !f.note.is_empty(), "{id}");
    }
    // The seed's own structure counts are figures too.
    let seed: Vec<&str> = ds.figures.iter().filter(|f| f.source == "SEED").map(|f| f.id.as_str()).collect();
    for id in ["action_plan_tasks_2023", "aviation_sites_2023", "innovation_task_forces"] {
        assert!(seed.contains(&id), "{id}");
    }
}

#[test]
fn implemented_never_exceeds_applicable_and_the_2020_bonded_trade_recomputes() {
    let ds = ds();
    for (done, of) in [
        ("deepening_measures_2020", "deepening_measures_total"),
        ("national_experiences_2020", "national_experiences_total"),
        ("customs_replicated_nationally_2021", "customs_measures_2021"),
    ] {
        assert!(value(&ds, done) <= value(&ds, of), "{done} > {of}");
    }
    let v = value(&ds, "xiyong_cbz_trade_2020");
    assert!((v - 336.9 / 1.155).abs() < 1e-9, "{v}");
    assert_eq!(fig(&ds, "xiyong_cbz_trade_2020").qualifier, Qualifier::About);
    // Growth rates stay growth rates: the new companions are in pct_yoy.
    for id in
        ["xiyong_cbz_trade_yoy_2021", "city_vehicle_value_yoy_2024", "city_vehicle_value_yoy_2025_jan_oct"]
    {
        assert_eq!(fig(&ds, id).unit, Unit::PctYoy, "{id}");
    }
}

#[test]
fn five_year_statements_span_from_the_launch() {
    let ds = ds();
    let f = fig(&ds, "trade_share_5y");
    assert_eq!(f.period, Period::Span { start: date("2017-04"), end: date("2022-03") });
    assert_eq!((f.qualifier, f.value, f.period.single_year()), (Qualifier::About, 70.0, None));
}

#[test]
fn scopes_that_are_not_a_pian_qu_say_so() {
    let ds = ds();
    for (id, en, zh) in [
        ("hub_trade_2025_jan_aug", "not an FTZ area", "不是片区"),
        ("hub_enterprises_2025", "not an FTZ area", "不是片区"),
        ("nev_container_model_value", "not the whole area", "非片区全部"),
        ("lianglu_cuntan_cbz_investment", "Bonded Zone", "综合保税区"),
        ("xiyong_cbz_cbu_imports_2020", "Bonded Zone", "综合保税区"),
    ] {
        let f = fig(&ds, id);
        assert!(ds.name("scope", &f.scope, Lang::En).contains(en), "{id}");
        assert!(ds.name("scope", &f.scope, Lang::Zh).contains(zh), "{id}");
    }
    // The hub's part-year trade stays a part-year figure.
    assert!(fig(&ds, "hub_trade_2025_jan_aug").period.is_part_year());
}

/// `assets/data/pending.csv`: curated rows that wait for chart work (see the README).
const PENDING: &str = include_str!("../assets/data/pending.csv");

#[test]
fn pending_rows_validate_against_the_dataset_and_quote_their_numbers() {
    let (_, rows) = PENDING.split_once('\n').unwrap_or_default();
    let figures = format!("{}{rows}", EMBEDDED.figures);
    let all = match Dataset::parse(&figures, EMBEDDED.sources, EMBEDDED.dictionary) {
        Ok(ds) => ds,
        Err(issues) => panic!("pending rows have issues: {issues:#?}"),
    };
    let published = ds();
    let pending: Vec<Figure> =
        all.figures.iter().filter(|f| published.figure(&f.id).is_none()).cloned().collect();
    assert_eq!(pending.len(), rows.lines().count());
    let missing = quote_problems(&pending);
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn the_readme_counts_match_the_dataset() {
    let ds = ds();
    let derived = ds.figures.iter().filter(|f| f.is_derived()).count();
    let terms = |kind: &str| ds.terms.iter().filter(|t| t.kind == kind).count();
    let pending = PENDING.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
    let expected = format!(
        "The dataset holds {} figures ({} published, {derived} derived) from {} sources; the dictionary names {} metrics and {} scopes; `pending.csv` holds {pending} rows.",
        ds.figures.len(),
        ds.figures.len() - derived,
        ds.sources.len(),
        terms("metric"),
        terms("scope"),
    );
    // Compared with line breaks and runs of spaces folded, so a reflow does not matter.
    let readme = include_str!("../assets/data/README.md").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(readme.contains(&expected), "assets/data/README.md should say:\n{expected}");
    // Every source is cited by a figure (the count above is of sources in use).
    for s in &ds.sources {
        assert!(ds.figures.iter().any(|f| f.source == s.key), "{} cites nothing", s.key);
    }
}

/// A figure that no chart draws must be named, with its reason, in `assets/data/README.md`'s
/// table "In the dataset, not drawn in a chart"; and every figure that table names must exist
/// and really be undrawn (so the list stays true as charts grow).
#[test]
fn every_figure_no_chart_draws_is_listed_here() {
    let ds = ds();
    let mut drawn = std::collections::HashSet::new();
    for spec in catalog::all() {
        for lang in [Lang::Zh, Lang::En] {
            drawn.extend(ftz_atlas::chart::build(&ds, &spec, lang).figures);
        }
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/data/README.md"))
        .unwrap_or_default();
    let Some(start) = readme.find("## In the dataset, not drawn in a chart") else {
        panic!("no such section")
    };
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let listed: std::collections::HashSet<&str> =
        section.split('`').skip(1).step_by(2).filter(|id| ds.figure(id).is_some()).collect();
    let missing: Vec<&str> = ds
        .figures
        .iter()
        .map(|f| f.id.as_str())
        .filter(|id| !drawn.contains(*id) && !listed.contains(id))
        .collect();
    assert!(missing.is_empty(), "drawn nowhere and not listed with a reason: {missing:?}");
    let drawn_but_listed: Vec<&&str> = listed.iter().filter(|id| drawn.contains(**id)).collect();
    assert!(drawn_but_listed.is_empty(), "listed as not drawn, but a chart draws them: {drawn_but_listed:?}");
    assert!(listed.len() >= 10, "the table was not read: {listed:?}");
}
