//! The five charts of the page, defined as data.

use super::panel::bars::BarsSpec;
use super::panel::columns::ColumnsSpec;
use super::panel::dots::DotRowsSpec;
use super::panel::matrix::MatrixSpec;
use super::panel::scope_series::ScopeSeriesSpec;
use super::panel::side_by_side::SideBySideSpec;
use super::panel::timeline::TimelineSpec;
use super::panel::PanelSpec;
use super::spec::{ChartId, Layout, MatrixColumn, RowSpec, ScopeColor, ScopeGroup, ScopeView, SeriesSpec};
use crate::data::Unit;
use crate::i18n::Text;

fn series(name: Option<Text>, metric: &'static str, scope: &'static str, color: usize) -> SeriesSpec {
    SeriesSpec { name, metric, scope, color }
}

fn row(figure: &'static str) -> RowSpec {
    RowSpec { figure, of: None, inner: Vec::new(), conflicts: Vec::new(), color: 0, caution: None }
}

/// One chart: a title, a subtitle and panels stacked top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: Text,
    pub subtitle: Text,
    pub panels: Vec<PanelSpec>,
}

impl ChartSpec {
    /// The scope view of its 片区 panels (the 片区 chart), if it has any.
    pub fn scope_view(&self) -> Option<&ScopeView> {
        self.panels.iter().find_map(|p| match p {
            PanelSpec::Matrix(s) => Some(&s.view),
            PanelSpec::SideBySide(s) => Some(&s.view),
            PanelSpec::ScopeSeries(s) => Some(&s.view),
            _ => None,
        })
    }
}

/// Every chart, in page order.
pub fn all() -> Vec<ChartSpec> {
    ChartId::ALL.into_iter().map(spec).collect()
}

/// The specification of one chart.
pub fn spec(id: ChartId) -> ChartSpec {
    match id {
        ChartId::TradeShare => ChartSpec {
            id,
            title: Text::TradeTitle,
            subtitle: Text::TradeSubtitle,
            panels: vec![
                PanelSpec::Timeline(TimelineSpec {
                    title: Text::TradePanelShare,
                    unit: Unit::Pct,
                    years: (2017, 2025),
                    series: series(Some(Text::SeriesShare), "ftz_trade_share_of_city", "ftz", 0),
                }),
                PanelSpec::Columns(ColumnsSpec {
                    title: Text::TradePanelTotal,
                    unit: Unit::YiYuan,
                    years: (2019, 2025),
                    series: vec![
                        series(Some(Text::SeriesCityTrade), "city_foreign_trade_total", "city", 0),
                        series(Some(Text::SeriesFtzBound), "ftz_trade_value", "ftz", 1),
                    ],
                    layout: Layout::Nested,
                }),
            ],
        },
        ChartId::NevExports => ChartSpec {
            id,
            title: Text::NevTitle,
            subtitle: Text::NevSubtitle,
            panels: vec![
                PanelSpec::Columns(ColumnsSpec {
                    title: Text::NevPanelUnits,
                    unit: Unit::Vehicles,
                    years: (2022, 2025),
                    series: vec![series(Some(Text::SeriesFtzNev), "ftz_nev_exports", "ftz", 2)],
                    layout: Layout::Grouped,
                }),
                PanelSpec::Columns(ColumnsSpec {
                    title: Text::NevPanelValue,
                    unit: Unit::YiYuan,
                    years: (2022, 2025),
                    series: vec![
                        series(Some(Text::SeriesCityVehicles), "city_vehicle_exports_value", "city", 0),
                        series(Some(Text::SeriesCityEv), "city_ev_exports_value", "city", 1),
                    ],
                    layout: Layout::Grouped,
                }),
            ],
        },
        ChartId::Innovation => ChartSpec {
            id,
            title: Text::InnovTitle,
            subtitle: Text::InnovSubtitle,
            panels: vec![
                PanelSpec::Bars(BarsSpec {
                    title: Text::InnovPanelTasks,
                    unit: Unit::Items,
                    rows: ["plan_tasks_2018", "plan_tasks_2020", "plan_tasks_2021"]
                        .into_iter()
                        .map(|f| RowSpec { of: Some("plan_tasks_total"), ..row(f) })
                        .collect(),
                }),
                PanelSpec::Bars(BarsSpec {
                    title: Text::InnovPanelOutcomes,
                    unit: Unit::Items,
                    rows: vec![
                        RowSpec { inner: vec!["replicated_nationally_2021"], ..row("key_outcomes_2021") },
                        RowSpec {
                            inner: vec!["customs_replicated_nationally_2021"],
                            ..row("customs_measures_2021")
                        },
                        RowSpec { color: 1, ..row("replicated_citywide_2023") },
                        RowSpec { color: 2, ..row("best_practice_5th") },
                        RowSpec { color: 2, ..row("best_practice_6th") },
                        RowSpec { color: 2, ..row("best_practice_cumulative") },
                        RowSpec { color: 3, ..row("action_plan_tasks_2023") },
                        RowSpec { color: 3, ..row("aviation_sites_2023") },
                        // Undated, and not confirmed to count what the 79 count: never its neighbour.
                        RowSpec { caution: Some(Text::UnconfirmedNote), ..row("key_outcomes_147") },
                    ],
                }),
            ],
        },
        ChartId::Enterprises => ChartSpec {
            id,
            title: Text::EntTitle,
            subtitle: Text::EntSubtitle,
            panels: vec![
                PanelSpec::Columns(ColumnsSpec {
                    title: Text::EntPanelNew,
                    unit: Unit::Enterprises,
                    years: (2017, 2024),
                    series: vec![series(
                        Some(Text::SeriesNewEnterprises),
                        "ftz_new_registered_enterprises",
                        "ftz",
                        0,
                    )],
                    layout: Layout::Grouped,
                }),
                PanelSpec::Bars(BarsSpec {
                    title: Text::EntPanelCumulative,
                    unit: Unit::Enterprises,
                    rows: vec![
                        row("ftz_new_ent_cum_2019"),
                        row("ftz_new_ent_cum_2021"),
                        RowSpec { color: 1, ..row("ftz_new_fie_cum_2019") },
                    ],
                }),
                PanelSpec::DotRows(DotRowsSpec {
                    title: Text::EntPanelShares,
                    unit: Unit::Pct,
                    rows: vec![
                        series(None, "ftz_share_city_new_enterprises", "ftz", 0),
                        series(None, "ftz_share_city_new_fie", "ftz", 1),
                        series(None, "ftz_share_city_fdi", "ftz", 2),
                        series(None, "ftz_share_city_actual_foreign_capital", "ftz", 3),
                    ],
                }),
            ],
        },
        ChartId::Areas => ChartSpec {
            id,
            title: Text::AreaTitle,
            subtitle: Text::AreaSubtitle,
            panels: vec![
                PanelSpec::Bars(BarsSpec {
                    title: Text::AreaPanelArea,
                    unit: Unit::Km2,
                    rows: vec![
                        RowSpec { conflicts: vec!["area_ftz_govcn"], ..row("area_ftz") },
                        RowSpec {
                            inner: vec!["area_lianglu_cuntan"],
                            conflicts: vec!["area_ljna_stated"],
                            color: 1,
                            ..row("area_liangjiang")
                        },
                        RowSpec {
                            inner: vec!["area_xiyong_cbz", "area_rail_bonded_b"],
                            // 7.58 km² (2024 profile) against the bonded zone's 8.8 km².
                            conflicts: vec!["area_xiyong_cbz_2024"],
                            color: 2,
                            ..row("area_xiyong")
                        },
                        RowSpec { color: 3, ..row("area_guoyuangang") },
                    ],
                }),
                PanelSpec::Matrix(MatrixSpec {
                    title: Text::AreaPanelMatrix,
                    groups: vec![
                        ScopeGroup { scope: "liangjiang", members: vec!["lianglu_cuntan_bonded"] },
                        ScopeGroup { scope: "xiyong", members: vec!["xiyong_cbz", "rail_bonded_b"] },
                        ScopeGroup { scope: "guoyuangang", members: vec!["guoyuangang_qinzhou_nev_model"] },
                    ],
                    columns: area_columns(),
                    view: ScopeView::default(),
                }),
                PanelSpec::SideBySide(SideBySideSpec {
                    title: Text::AreaPanelSideBySide,
                    // The colours of the 片区 in the area panel above.
                    scopes: vec![
                        ScopeColor { scope: "liangjiang", color: 1 },
                        ScopeColor { scope: "xiyong", color: 2 },
                        ScopeColor { scope: "guoyuangang", color: 3 },
                    ],
                    metrics: area_columns().into_iter().flat_map(|c| c.metrics).collect(),
                    view: ScopeView::default(),
                }),
                PanelSpec::ScopeSeries(ScopeSeriesSpec {
                    title: Text::AreaPanelSeries,
                    scopes: vec![
                        ScopeColor { scope: "liangjiang", color: 1 },
                        ScopeColor { scope: "xiyong", color: 2 },
                        ScopeColor { scope: "guoyuangang", color: 3 },
                    ],
                    view: ScopeView::default(),
                }),
            ],
        },
    }
}

/// The themes of the 片区 matrix and the metrics of each.
fn area_columns() -> Vec<MatrixColumn> {
    vec![
        MatrixColumn { name: Text::MatrixArea, metrics: vec!["area_km2"] },
        MatrixColumn {
            name: Text::MatrixTrade,
            metrics: vec!["bonded_zone_trade_value", "bonded_zone_trade_share_of_city"],
        },
        MatrixColumn {
            name: Text::MatrixNev,
            metrics: vec!["area_nev_exports_container_model", "nev_container_model_export_value"],
        },
        MatrixColumn {
            name: Text::MatrixEnterprises,
            metrics: vec![
                "area_market_entities_cumulative",
                "area_market_entities_registered_capital_cumulative",
            ],
        },
        MatrixColumn { name: Text::MatrixForeignCapital, metrics: vec!["area_foreign_capital"] },
        MatrixColumn { name: Text::MatrixInnovation, metrics: vec!["area_innovation_outcomes"] },
    ]
}

/// The series a reader can switch off: those of the chart's first multi-series column panel,
/// as (index, name, colour).
pub fn toggleable(id: ChartId) -> Vec<(usize, Text, usize)> {
    spec(id)
        .panels
        .into_iter()
        .find_map(|p| match p {
            PanelSpec::Columns(ColumnsSpec { series, .. }) if series.len() > 1 => {
                Some(series.iter().enumerate().filter_map(|(i, s)| s.name.map(|n| (i, n, s.color))).collect())
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// The chart's spec with the given toggleable series (indices from [`toggleable`]) removed.
pub fn spec_without(id: ChartId, hidden: &[usize]) -> ChartSpec {
    let mut spec = spec(id);
    if let Some(PanelSpec::Columns(ColumnsSpec { series, .. })) = spec
        .panels
        .iter_mut()
        .find(|p| matches!(p, PanelSpec::Columns(ColumnsSpec { series, .. }) if series.len() > 1))
    {
        let mut i = 0;
        series.retain(|_| {
            i += 1;
            !hidden.contains(&(i - 1))
        });
    }
    spec
}

/// `spec` with the imported scopes of its 片区 panels chosen by `view` (the reader's filter).
pub fn with_scope_view(mut spec: ChartSpec, view: &ScopeView) -> ChartSpec {
    for p in &mut spec.panels {
        match p {
            PanelSpec::Matrix(s) => s.view = view.clone(),
            PanelSpec::SideBySide(s) => s.view = view.clone(),
            PanelSpec::ScopeSeries(s) => s.view = view.clone(),
            _ => {}
        }
    }
    spec
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::panel::PanelSpec;
    use crate::chart::spec::names_its_unit;
    use crate::format::{axis_unit, display_unit};
    use crate::i18n::Lang;

    /// The titles and units of every panel with a unit.
    fn titled() -> Vec<(Text, Unit)> {
        let mut out = Vec::new();
        for spec in all() {
            for p in spec.panels {
                match p {
                    PanelSpec::Columns(s) => out.push((s.title, s.unit)),
                    PanelSpec::Timeline(s) => out.push((s.title, s.unit)),
                    PanelSpec::Bars(s) => out.push((s.title, s.unit)),
                    PanelSpec::DotRows(s) => out.push((s.title, s.unit)),
                    PanelSpec::Matrix(_) | PanelSpec::SideBySide(_) | PanelSpec::ScopeSeries(_) => {}
                }
            }
        }
        out
    }

    #[test]
    fn the_titles_said_to_name_their_unit_are_those_that_do() {
        let mut named = 0;
        for (title, unit) in titled() {
            for lang in [Lang::Zh, Lang::En] {
                let name = axis_unit(display_unit(unit, lang), lang);
                assert_eq!(
                    names_its_unit(title, lang),
                    title.t(lang).contains(name),
                    "{title:?} {lang:?} {name}"
                );
                named += usize::from(names_its_unit(title, lang));
            }
        }
        assert_eq!(named, 4);
    }
}
