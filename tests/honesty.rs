//! Honest charts (issue 14), on the models: a derived value is labelled with no more
//! significant digits than its least precise input, and its details carry the computation with
//! the range; figures that are not one series (an unconfirmed metric, a ceiling beside a floor,
//! a cumulative share among annual ones) never sit as neighbours of one series without a mark
//! or a note saying so; a cumulative span is drawn as a range, not as a point at its end.

use ftz_atlas::chart::panel::bars::Bars;
use ftz_atlas::chart::panel::columns::Columns;
use ftz_atlas::chart::panel::dots::DotRows;
use ftz_atlas::chart::panel::timeline::Timeline;
use ftz_atlas::chart::panel::PanelKind;
use ftz_atlas::chart::{build, catalog, ChartId, ChartModel, PanelModel};
use ftz_atlas::data::{precision, Dataset, Qualifier};
use ftz_atlas::format::{self, Style};
use ftz_atlas::i18n::{Lang, Text};

fn ds() -> Dataset {
    match Dataset::embedded() {
        Ok(ds) => ds,
        Err(issues) => panic!("the embedded dataset is broken: {issues:?}"),
    }
}

fn model(ds: &Dataset, id: ChartId, lang: Lang) -> ChartModel {
    build(ds, &catalog::spec(id), lang)
}

/// Every mark of a model, with the panel it is in.
fn labels(m: &ChartModel) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in &m.panels {
        match p {
            PanelModel::Columns(c) => {
                out.extend(c.cells.iter().flatten().flatten().map(|k| (k.figure.clone(), k.label.clone())))
            }
            PanelModel::Timeline(t) => out.extend(
                t.points
                    .iter()
                    .map(|(_, k)| k)
                    .chain(&t.undated)
                    .map(|k| (k.figure.clone(), k.label.clone())),
            ),
            PanelModel::Bars(b) => {
                out.extend(b.rows.iter().map(|r| (r.mark.figure.clone(), r.mark.label.clone())))
            }
            PanelModel::DotRows(d) => {
                out.extend(d.rows.iter().flat_map(|r| &r.marks).map(|k| (k.figure.clone(), k.label.clone())))
            }
            _ => {}
        }
    }
    out
}

/// The significant digits of the number in a label (`约1.4万` → 2, `~14,000` → 2, `<5,438.9` → 5).
fn label_digits(label: &str) -> Option<u32> {
    let start = label.find(|c: char| c.is_ascii_digit())?;
    let number: String = label[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    precision::significant_digits(number.trim_end_matches('.'))
}

#[test]
fn derived_labels_have_no_more_digits_than_their_least_precise_input() {
    let ds = ds();
    let mut checked = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for (figure, label) in labels(&model(&ds, id, lang)) {
                let Some(f) = ds.figure(&figure).filter(|f| f.is_derived()) else { continue };
                let Some(allowed) = precision::digits(f, &ds) else { continue };
                let shown = label_digits(&label).unwrap_or(0);
                assert!(
                    shown <= allowed,
                    "{figure} ({lang:?}): {label} has {shown} digits, inputs allow {allowed}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "only {checked} derived labels checked");
}

#[test]
fn the_derived_nev_figure_reads_1_4_wan_with_its_computation_and_range() {
    let ds = ds();
    for (lang, label, value, computation) in [
        (
            Lang::Zh,
            "约1.4万",
            "约1.4万辆",
            "27,000 ÷ (1 + 90.5%) ≈ 14,173辆；输入值经过四舍五入，故实际值在13,907–14,439辆之间",
        ),
        (
            Lang::En,
            "~14,000",
            "about 14,000 vehicles",
            "27,000 ÷ (1 + 90.5%) ≈ 14,173 vehicles; inputs rounded, so 13,907–14,439 vehicles",
        ),
    ] {
        let m = model(&ds, ChartId::NevExports, lang);
        let found = labels(&m).into_iter().find(|(f, _)| f == "ftz_nev_2022").map(|(_, l)| l);
        assert_eq!(found.as_deref(), Some(label));
        let d = m.details.iter().find(|d| d.figure == "ftz_nev_2022").expect("the figure is detailed");
        assert_eq!(d.value, value);
        assert_eq!(d.computation, computation);
    }
}

#[test]
fn every_drawn_derived_figure_shows_its_computation_and_published_ones_none() {
    let ds = ds();
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for d in &model(&ds, id, lang).details {
                let Some(f) = ds.figure(&d.figure) else { panic!("{} is not in the dataset", d.figure) };
                assert_eq!(d.computation.is_empty(), !f.is_derived(), "{}", d.figure);
                assert_eq!(d.value, format::derived_value(f, &ds, lang, Style::Full), "{}", d.figure);
                assert!(!d.note.contains(" | "), "{}: the note is in one language: {}", d.figure, d.note);
            }
        }
    }
}

#[test]
fn a_ceiling_beside_a_floor_is_marked_as_no_trend() {
    let ds = ds();
    for lang in [Lang::Zh, Lang::En] {
        let m = model(&ds, ChartId::TradeShare, lang);
        let Some(PanelModel::Columns(c)) = m.panels.get(1) else { panic!("the totals panel") };
        let ftz: Vec<(&str, Qualifier)> = c
            .cells
            .iter()
            .flatten()
            .flatten()
            .filter(|k| k.figure.starts_with("ftz_trade_"))
            .map(|k| (k.figure.as_str(), k.qualifier))
            .collect();
        assert!(ftz.contains(&("ftz_trade_ub_2022", Qualifier::LessThan)), "{ftz:?}");
        assert!(ftz.contains(&("ftz_trade_lb_2023", Qualifier::MoreThan)), "{ftz:?}");
        assert!(c.mixed_bounds());
        assert_eq!(c.heading(lang).note.as_deref(), Some(Text::BoundsNotTrend.t(lang)));
    }
    // A panel of one kind of value has no such note.
    let m = model(&ds, ChartId::NevExports, Lang::En);
    let Some(PanelModel::Columns(c)) = m.panels.first() else { panic!() };
    assert!(!c.mixed_bounds());
    assert_eq!(Columns::heading(c, Lang::En).note, None);
}

#[test]
fn the_unconfirmed_147_is_no_neighbour_of_the_79_and_says_so() {
    let ds = ds();
    let m = model(&ds, ChartId::Innovation, Lang::En);
    let Some(PanelModel::Bars(Bars { rows, .. })) = m.panels.get(1) else { panic!("the outcomes panel") };
    let at = |id: &str| rows.iter().position(|r| r.mark.figure == id);
    let (Some(i79), Some(i147)) = (at("key_outcomes_2021"), at("key_outcomes_147")) else {
        panic!("both drawn")
    };
    assert!(i79.abs_diff(i147) > 1, "rows {i79} and {i147} are neighbours");
    assert_eq!(rows[i147].caution, Some(Text::UnconfirmedNote));
    assert!(rows.iter().enumerate().all(|(i, r)| (i == i147) == r.caution.is_some()));
    let f79 = ds.figure("key_outcomes_2021").map(|f| f.metric.clone());
    let f147 = ds.figure("key_outcomes_147").map(|f| f.metric.clone());
    assert_ne!(f79, f147, "its own metric");
}

#[test]
fn a_cumulative_span_is_drawn_as_a_range_at_its_middle_with_a_note() {
    let ds = ds();
    for lang in [Lang::Zh, Lang::En] {
        let m = model(&ds, ChartId::TradeShare, lang);
        let Some(PanelModel::Timeline(t)) = m.panels.first() else { panic!("the share timeline") };
        let span = t.points.iter().find(|(_, k)| k.figure == "trade_share_2020s").expect("drawn");
        // 2017-04..2020-09: from the start of April 2017 to the end of September 2020.
        assert_eq!(span.1.period.cumulative_years(), Some((2017.25, 2020.75)));
        assert_eq!(span.0, 2019.0, "at its middle, not at its end");
        assert!(t.points.windows(2).all(|w| w[0].0 <= w[1].0), "in time order");
        let annual = t.points.iter().find(|(_, k)| k.figure == "trade_share_2023").expect("drawn");
        assert_eq!(annual.1.period.cumulative_years(), None);
        assert!(Timeline::heading(t, lang).note.is_some_and(|n| n.contains(Text::SpanNote.t(lang))));
        // A part-year is one year's figure, not a cumulative span.
        let part = ds.figures.iter().find(|f| f.period.is_part_year()).expect("a part-year figure");
        assert_eq!(part.period.cumulative_years(), None);
    }
    // The cumulative FDI share among annual shares: the panel says so.
    let m = model(&ds, ChartId::Enterprises, Lang::Zh);
    let dots = m.panels.iter().find_map(|p| if let PanelModel::DotRows(d) = p { Some(d) } else { None });
    let dots: &DotRows = dots.expect("the shares panel");
    assert!(dots.rows.iter().flat_map(|r| &r.marks).any(|k| k.figure == "share_fdi_2020s"));
    assert!(dots.has_spans());
    assert!(DotRows::heading(dots, Lang::Zh)
        .note
        .is_some_and(|n| n.contains(Text::CumulativeShareNote.t(Lang::Zh))));
}
