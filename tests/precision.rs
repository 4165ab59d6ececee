//! Honest precision of derived figures, checked over every derived figure of the embedded
//! dataset against a second, independent computation: each input's interval is worked out
//! here from its value text, and the range is found by evaluating the formula at every corner
//! of the inputs' intervals (the formulas are monotonic in each input), not by interval
//! arithmetic.

use std::collections::BTreeSet;

use ftz_atlas::data::precision::{self, significant_digits};
use ftz_atlas::data::{Dataset, Dimension, Figure};
use ftz_atlas::format::{self, Style};
use ftz_atlas::i18n::Lang;

fn ds() -> Dataset {
    match Dataset::embedded() {
        Ok(ds) => ds,
        Err(issues) => panic!("embedded dataset does not validate: {issues:?}"),
    }
}

/// Significant digits of a decimal text, counted here: digits without the point, without
/// leading zeros, and without trailing zeros when there is no point.
fn digits_here(text: &str) -> usize {
    let t = text.trim_start_matches('-');
    let all: String = t.chars().filter(char::is_ascii_digit).collect();
    let all = all.trim_start_matches('0');
    let all = if t.contains('.') { all } else { all.trim_end_matches('0') };
    all.len().max(1)
}

/// The interval a published figure's text stands for, in base units, worked out here; `None`
/// for a number taken as exact (a fraction, a bound's threshold, an exact whole count).
fn interval_here(f: &Figure) -> Option<(f64, f64)> {
    let t = f.value_text.as_str();
    let exact_count = f.unit.dimension() == Dimension::Count
        && !t.contains('.')
        && f.qualifier == ftz_atlas::data::Qualifier::Exact;
    if t.contains('/') || f.qualifier.is_bound() || exact_count {
        return None;
    }
    let place = match t.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None => 10f64.powi((t.len() - t.trim_end_matches('0').len()) as i32),
    };
    Some((f.unit.to_base(f.value - place / 2.0), f.unit.to_base(f.value + place / 2.0)))
}

/// The lowest and highest value of a derived figure's formula over every corner of its
/// inputs' intervals, in the figure's unit.
fn corners(f: &Figure, ds: &Dataset) -> (f64, f64) {
    let Some(expr) = f.formula.as_ref() else { panic!("{} is not derived", f.id) };
    let refs: Vec<String> =
        expr.refs().into_iter().map(str::to_string).collect::<BTreeSet<_>>().into_iter().collect();
    let ends: Vec<(f64, f64)> = refs
        .iter()
        .map(|r| {
            let Some(g) = ds.figure(r) else { panic!("{}: unknown input {r}", f.id) };
            assert!(!g.is_derived(), "{}: chained derived inputs need another check", f.id);
            interval_here(g).unwrap_or((g.base_value(), g.base_value()))
        })
        .collect();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for mask in 0..(1u32 << refs.len()) {
        let v = expr.eval(&mut |r| {
            let i = refs.iter().position(|x| x == r)?;
            let (a, b) = ends[i];
            Some(if mask & (1 << i) == 0 { a } else { b })
        });
        let Some(v) = v else { panic!("{}: formula does not evaluate at a corner", f.id) };
        lo = lo.min(v);
        hi = hi.max(v);
    }
    (f.unit.from_base(lo), f.unit.from_base(hi))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn digits_as_the_brief_and_the_data_write_them() {
    assert_eq!(significant_digits("2.7"), Some(2));
    assert_eq!(significant_digits("7137.4"), Some(5));
    assert_eq!(significant_digits("90.5"), Some(3));
    assert_eq!(significant_digits("27000"), Some(2), "trailing zeros of a whole number are not significant");
    for f in ds().figures.iter().filter(|f| !f.is_derived() && !f.value_text.contains('/')) {
        assert_eq!(significant_digits(&f.value_text), Some(digits_here(&f.value_text) as u32), "{}", f.id);
    }
}

#[test]
fn every_derived_range_is_the_formula_over_its_inputs_rounding() {
    let ds = ds();
    let derived: Vec<&Figure> = ds.figures.iter().filter(|f| f.is_derived()).collect();
    assert!(derived.len() >= 10, "the dataset has its derived figures: {}", derived.len());
    for f in derived {
        let Some((lo, hi)) = precision::range(f, &ds) else { panic!("{}: no range", f.id) };
        let (want_lo, want_hi) = corners(f, &ds);
        assert!(close(lo, want_lo) && close(hi, want_hi), "{}: {lo}–{hi}, corners {want_lo}–{want_hi}", f.id);
        let slack = 1e-9 * f.value.abs().max(1.0);
        assert!(lo - slack <= f.value && f.value <= hi + slack, "{}: {} outside {lo}–{hi}", f.id, f.value);
    }
}

#[test]
fn every_derived_value_is_shown_with_no_more_digits_than_its_least_precise_input() {
    let ds = ds();
    for f in ds.figures.iter().filter(|f| f.is_derived()) {
        let Some(expr) = f.formula.as_ref() else { continue };
        // The fewest digits of any rounded input, counted here (exact inputs do not limit).
        let allowed = expr
            .refs()
            .iter()
            .filter_map(|r| ds.figure(r))
            .filter(|g| interval_here(g).is_some())
            .map(|g| digits_here(&g.value_text))
            .min();
        assert_eq!(precision::digits(f, &ds).map(|d| d as usize), allowed, "{}", f.id);
        let (shown, _) = format::honest_precision(f, &ds);
        if let Some(allowed) = allowed {
            let text = format!("{shown}");
            assert!(digits_here(&text) <= allowed, "{}: {text} has more than {allowed} digits", f.id);
            // And it is the computed value rounded, not another number.
            let place = 10f64.powi(shown.abs().log10().floor() as i32 + 1 - allowed as i32);
            assert!((shown - f.value).abs() <= place / 2.0 + 1e-9, "{}: {shown} vs {}", f.id, f.value);
        }
        for lang in [Lang::Zh, Lang::En] {
            // The number as the reader sees it (`约1.4万辆`, `about CNY 710 bn`) has no more digits.
            let shown = format::derived_value(f, &ds, lang, Style::Full);
            let number: String = shown
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect();
            let number = number.replace(',', "");
            if let Some(allowed) = allowed {
                assert!(digits_here(&number) <= allowed, "{}: {shown} has more than {allowed} digits", f.id);
            }
            let Some(text) = format::computation(f, &ds, lang) else { panic!("{}: no computation", f.id) };
            // Every share and growth rate appears as published.
            for g in expr.refs().iter().filter_map(|r| ds.figure(r)) {
                if matches!(g.unit.dimension(), Dimension::Ratio | Dimension::Growth)
                    && !g.value_text.contains('/')
                {
                    assert!(text.contains(&format!("{}%", g.value_text)), "{}: {text}", f.id);
                }
            }
        }
    }
}

/// The audit (`shared/data/audit-2026-12.md`, section A): `ftz_nev_2022` was shown as 约1.42万 /
/// ~14,200; 2.7万 has two significant digits, so the true range is 13,907–14,439, and the value
/// is to be shown as ≈1.4万 / ~14,000.
#[test]
fn ftz_nev_2022_as_the_audit_asks() {
    let ds = ds();
    let Some(f) = ds.figure("ftz_nev_2022") else { panic!("ftz_nev_2022 is missing") };
    assert_eq!(precision::digits(f, &ds), Some(2));
    let Some((lo, hi)) = precision::range(f, &ds) else { panic!("no range") };
    assert_eq!((lo.round(), hi.round()), (13907.0, 14439.0));
    let zh = format::derived_value(f, &ds, Lang::Zh, Style::Full);
    let en = format::derived_value(f, &ds, Lang::En, Style::Full);
    assert!(zh.contains("1.4万") && !zh.contains("1.42"), "{zh}");
    assert!(en.contains("14,000") && !en.contains("14,200"), "{en}");
    let Some(en) = format::computation(f, &ds, Lang::En) else { panic!("no computation") };
    assert!(en.starts_with("27,000 ÷ (1 + 90.5%) ≈ 14,173"), "{en}");
    assert!(en.contains("13,907–14,439"), "{en}");
    let Some(zh) = format::computation(f, &ds, Lang::Zh) else { panic!("no computation") };
    assert!(zh.starts_with("27,000 ÷ (1 + 90.5%) ≈ 14,173") && zh.contains("13,907–14,439"), "{zh}");
}

#[test]
fn published_figures_read_as_before() {
    let ds = ds();
    for f in ds.figures.iter().filter(|f| !f.is_derived()) {
        for lang in [Lang::Zh, Lang::En] {
            for style in [Style::Full, Style::Label] {
                assert_eq!(format::derived_value(f, &ds, lang, style), format::figure_value(f, lang, style));
            }
        }
        assert_eq!(format::computation(f, &ds, Lang::En), None);
    }
}

/// The embedded dataset plus a chain of derived figures, each using the one before twice:
/// `d0` = 1.5 vehicles, `dk` = `d(k-1) + d(k-1)`.
fn with_chain(n: usize) -> Dataset {
    let mut rows = String::from("d0,ftz_nev_exports,ftz,2023,exact,1.5,vehicles,,SEED,q,\n");
    for k in 1..=n {
        rows.push_str(&format!(
            "d{k},ftz_nev_exports,ftz,2023,about,,vehicles,d{} + d{},SEED,q,\n",
            k - 1,
            k - 1
        ));
    }
    let figures = format!("{}{rows}", ftz_atlas::data::EMBEDDED.figures);
    let e = ftz_atlas::data::EMBEDDED;
    match Dataset::parse(&figures, e.sources, e.dictionary) {
        Ok(ds) => ds,
        Err(issues) => panic!("the chain does not validate: {issues:?}"),
    }
}

#[test]
fn derived_inputs_are_followed_once_each() {
    // Each figure uses its input twice: without working each out once, 2³⁰ evaluations.
    let ds = with_chain(30);
    let Some(f) = ds.figure("d30") else { panic!("d30 is missing") };
    let Some(p) = precision::precision(f, &ds) else { panic!("no precision") };
    let scale = 2f64.powi(30);
    assert_eq!(p.digits, Some(2), "1.5 has two digits");
    assert!(close(p.range.0, 1.45 * scale) && close(p.range.1, 1.55 * scale), "{:?}", p.range);
    assert!(format::computation(f, &ds, Lang::En).is_some());
}

#[test]
fn a_chain_deeper_than_any_in_the_data_falls_back_to_the_default() {
    let ds = with_chain(40);
    let Some(f) = ds.figure("d40") else { panic!("d40 is missing") };
    assert_eq!(precision::precision(f, &ds), None);
    for lang in [Lang::Zh, Lang::En] {
        assert_eq!(
            format::derived_value(f, &ds, lang, Style::Full),
            format::figure_value(f, lang, Style::Full)
        );
        assert_eq!(format::computation(f, &ds, lang), None);
    }
}
