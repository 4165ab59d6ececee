//! The embedded dataset: it validates, every figure is sourced and quoted, derived figures are
//! recomputed from their inputs, and known conflicts are kept rather than resolved.

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::data::{Dataset, Period, Qualifier, Unit};

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
    let ds = ds();
    // Counts of items the quote names one by one rather than numbering.
    let counted_by_naming = ["best_practice_5th", "best_practice_6th"];
    let mut missing = Vec::new();
    for f in ds.figures.iter().filter(|f| !f.is_derived() && !counted_by_naming.contains(&f.id.as_str())) {
        let plain = f.value_text.clone();
        let grouped = ftz_atlas::format::grouped(f.value, ftz_atlas::format::decimals_of(&f.value_text));
        let found = f.quote.contains(&plain)
            || f.quote.contains(&grouped)
            || f.quote.contains(&f.value_text.replace(".", ","));
        if !found {
            missing.push(format!("{}: {} not in {:?}", f.id, f.value_text, f.quote));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
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
