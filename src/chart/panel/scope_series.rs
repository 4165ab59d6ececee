//! Each scope's figures by year: where figures give several years of a metric for a scope
//! (a reader's per-district series), one small chart per scope and metric, a column per year
//! on a scale all the scopes of that metric share. Years between a scope's first and last
//! figure without one are gaps, never zeros; qualifiers, derived and imported figures are drawn
//! by `marks` as in every other panel.
//!
//! Why one chart per scope (not one line per scope in one chart per metric): the palette has
//! a handful of distinguishable colours, so 12 lines in one plot already need a legend lookup
//! per line and 40 cannot be told apart; small charts on a shared scale read the same at 3, 12
//! and 40 scopes, each named at its top.

use super::matrix::more_note;
use super::{Heading, PanelKind};
use crate::chart::describe::Describer;
use crate::chart::geom::{Body, Rect};
use crate::chart::mark::{shared_unit, Builder, Mark};
use crate::chart::marks::{self, Look, Toward};
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::scale::Scale;
use crate::chart::select::{is_series, panel_scopes, yearly};
use crate::chart::sink::DrawError;
use crate::chart::spec::{ScopeColor, ScopeView};
use crate::chart::text::{leading, Block, TINY_SIZE};
use crate::chart::theme;
use crate::data::Unit;
use crate::format::axis_unit;
use crate::i18n::{fill, Lang, Text};

/// A small chart: its narrowest width, at most this many a row, the gap between them.
const CELL: (f64, f64, f64) = (140.0, 6.0, 14.0);
/// A small chart's plot height, the room above it (scope name, top tick) and under it (first
/// year, latest value).
const PLOT_H: f64 = 34.0;
const ABOVE: f64 = 24.0;
const UNDER: f64 = 16.0;
/// Under a metric's heading, and under its last row of small charts.
const HEAD_GAP: f64 = 6.0;
const METRIC_GAP: f64 = 14.0;

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeSeriesSpec {
    pub title: Text,
    /// The 片区 (their colours); imported scopes follow in the order the files named them.
    pub scopes: Vec<ScopeColor>,
    /// Which imported scopes get a small chart.
    pub view: ScopeView,
}

/// One scope's small chart: a figure or a gap for each year of the metric's span.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeCell {
    pub scope: String,
    /// `years[i]` is the figure of `first + i`; `None` a gap.
    pub years: Vec<Option<Mark>>,
}

/// One metric: its shared scale and one small chart per scope with figures for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesMetric {
    pub name: String,
    pub unit: Unit,
    pub y: Scale,
    pub first: i32,
    pub cells: Vec<ScopeCell>,
}

/// Each scope's figures by year.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeSeries {
    pub title: Text,
    pub metrics: Vec<SeriesMetric>,
    pub more: usize,
}

/// One small chart's boxes: its name's spot and its plot.
#[derive(Debug, Clone, PartialEq)]
pub struct CellBoxes {
    pub name: (f64, f64),
    pub plot: Rect,
}

/// One metric's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricBoxes {
    pub heading: (f64, f64, Block),
    pub cells: Vec<CellBoxes>,
}

/// The panel's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeSeriesLayout {
    pub metrics: Vec<MetricBoxes>,
}

impl SeriesMetric {
    fn heading(&self, lang: Lang) -> String {
        let unit = axis_unit(self.unit, lang);
        let last = self.first + self.cells.first().map_or(1, |c| c.years.len()) as i32 - 1;
        let years = fill(Text::SeriesYears.t(lang), &[self.first.to_string(), last.to_string()]);
        match (lang, unit.is_empty()) {
            (_, true) => format!("{} · {years}", self.name),
            (Lang::Zh, false) => format!("{}（{unit}）· {years}", self.name),
            (Lang::En, false) => format!("{} ({unit}) · {years}", self.name),
        }
    }
}

impl PanelKind for ScopeSeries {
    type Spec = ScopeSeriesSpec;
    type Layout = ScopeSeriesLayout;

    fn build(b: &mut Builder<'_>, spec: &ScopeSeriesSpec) -> ScopeSeries {
        let ds = b.ds();
        let lang = b.lang();
        let (scopes, index, more) = panel_scopes(ds, &spec.scopes, &spec.view);
        let (order, by) = yearly(ds, &index, scopes.len());
        let mut metrics = Vec::new();
        for metric in order {
            let Some(per) = by.get(metric) else { continue };
            // Only a metric some scope gives several years of is a series.
            if !is_series(per) {
                continue;
            }
            let Some(first_fig) = per.iter().flat_map(|y| y.values()).next() else { continue };
            let display = shared_unit(first_fig.unit, lang);
            let years = per.iter().flat_map(|y| y.keys().copied());
            let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
            let mut cells = Vec::new();
            let mut max: f64 = 0.0;
            for ((scope, color), figs) in scopes.iter().zip(per) {
                if figs.is_empty() {
                    continue;
                }
                let mut marks = Vec::new();
                for year in lo..=hi {
                    // A figure in another dimension than the first cannot share the scale: a gap
                    // here (the side-by-side panel writes it out).
                    let m = figs.get(&year).and_then(|f| b.mark(f, display, *color));
                    match &m {
                        Some(m) => max = max.max(m.value()),
                        None => b.gap(),
                    }
                    marks.push(m);
                }
                cells.push(ScopeCell { scope: b.name("scope", scope), years: marks });
            }
            metrics.push(SeriesMetric {
                name: b.name("metric", metric),
                unit: display,
                y: Scale::zero_based(max, 2, display),
                first: lo,
                cells,
            });
        }
        ScopeSeries { title: spec.title, metrics, more }
    }

    fn heading(&self, lang: Lang) -> Heading {
        Heading { title: self.title, unit: None, note: more_note(self.more, lang) }
    }

    fn layout(&self, body: Body, lang: Lang) -> (ScopeSeriesLayout, f64) {
        let (min_w, most, gap) = CELL;
        let cols = ((body.width() + gap) / (min_w + gap)).floor().clamp(1.0, most) as usize;
        let cell_w = (body.width() - gap * (cols - 1) as f64) / cols as f64;
        let mut y = body.top;
        let mut metrics = Vec::new();
        for m in &self.metrics {
            let heading = Block::wrapped(&m.heading(lang), theme::LABEL_SIZE, body.width(), leading::BODY);
            let head = (body.x0, y, heading);
            y += head.2.height() + HEAD_GAP;
            let mut cells = Vec::new();
            for row in m.cells.chunks(cols) {
                for ci in 0..row.len() {
                    let x0 = body.x0 + (cell_w + gap) * ci as f64;
                    let plot = Rect::new(x0 + 4.0, y + ABOVE, x0 + cell_w - 4.0, y + ABOVE + PLOT_H);
                    cells.push(CellBoxes { name: (x0, y), plot });
                }
                y += ABOVE + PLOT_H + UNDER;
            }
            y += METRIC_GAP;
            metrics.push(MetricBoxes { heading: head, cells });
        }
        (ScopeSeriesLayout { metrics }, y - body.top)
    }

    fn paint(&self, p: &Painter, l: &ScopeSeriesLayout, lang: Lang) -> Result<(), DrawError> {
        let label = Style::new(theme::LABEL_SIZE, Ink::Text);
        let tiny = Style::new(TINY_SIZE, Ink::Muted);
        for (m, mb) in self.metrics.iter().zip(&l.metrics) {
            let (hx, hy, heading) = &mb.heading;
            p.lines(*hx, *hy, &heading.lines, heading.leading, label.bold())?;
            let top_tick = m.y.labels(lang).last().cloned();
            for (c, cb) in m.cells.iter().zip(&mb.cells) {
                let plot = cb.plot;
                p.text(cb.name.0, cb.name.1, &c.scope, label)?;
                // The scale's top, the same in every small chart of this metric.
                if let Some((v, text)) = &top_tick {
                    let ty = m.y.map(*v, plot.y1, plot.y0);
                    p.dashed(&[(plot.x0, ty), (plot.x1, ty)], p.t.grid, 0.5)?;
                    p.text(plot.x1, ty - 1.0, text, tiny.at(HPos::Right, VPos::Bottom))?;
                }
                let n = c.years.len().max(1) as f64;
                let band = plot.width() / n;
                let w = (band * 0.7).max(1.0);
                let mut last: Option<(usize, &Mark)> = None;
                for (i, mark) in c.years.iter().enumerate() {
                    let x = plot.x0 + band * (i as f64 + 0.5);
                    match mark {
                        Some(mk) => {
                            let top = m.y.map(mk.value(), plot.y1, plot.y0);
                            let r = Rect::new(x - w / 2.0, top.min(plot.y1 - 1.0), x + w / 2.0, plot.y1);
                            marks::bar(p, r, mk, Look::of(mk))?;
                            if mk.qualifier.is_bound() {
                                marks::bar_bound(p, marks::column_arrow(&r), mk, Toward::Up)?;
                            }
                            last = Some((i, mk));
                        }
                        None => marks::no_data(p, (x - w / 2.0, x + w / 2.0), plot.y1 - 1.0)?,
                    }
                }
                p.line(&[(plot.x0, plot.y1), (plot.x1, plot.y1)], p.t.axis, 1.0)?;
                // The first year under the plot's left end; the latest figure's value under
                // its right end, with its year when that is not the last.
                let years = Style::new(TINY_SIZE, Ink::Muted).at(HPos::Left, VPos::Top);
                p.text(plot.x0, plot.y1 + 2.0, &m.first.to_string(), years)?;
                if let Some((i, mk)) = last {
                    let text = if i + 1 == c.years.len() {
                        mk.label.clone()
                    } else {
                        format!("{} {}", mk.short_period(lang), mk.label)
                    };
                    p.text(
                        plot.x1,
                        plot.y1 + 2.0,
                        &text,
                        Style::new(TINY_SIZE, Ink::Text).at(HPos::Right, VPos::Top),
                    )?;
                }
            }
        }
        Ok(())
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let mut parts = Vec::new();
        for m in &self.metrics {
            for c in &m.cells {
                let years: Vec<String> = c
                    .years
                    .iter()
                    .enumerate()
                    .map(|(i, mk)| {
                        let year = m.first + i as i32;
                        match mk {
                            Some(mk) => format!("{year} {}", d.value(mk)),
                            None => format!("{year} {}", Text::NoData.t(d.lang)),
                        }
                    })
                    .collect();
                parts.push(format!("{}, {}{}{}", m.name, c.scope, d.colon, years.join(d.list_sep)));
            }
        }
        parts.extend(more_note(self.more, d.lang));
        parts
    }
}
