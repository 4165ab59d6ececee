//! Columns: vertical bars by calendar year, one or more series grouped side by side or nested
//! (a part inside its whole). Years without a figure are shown as gaps, never as zero.

use super::{Heading, PanelKind};
use crate::chart::axis::{Plot, ValueAxis, ZeroLine};
use crate::chart::describe::Describer;
use crate::chart::geom::Body;
use crate::chart::geom::Rect;
use crate::chart::labels::{clamp_center, LABEL_H};
use crate::chart::mark::{Builder, Mark, Series};
use crate::chart::marks::{self, Look, Toward};
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::scale::Scale;
use crate::chart::sink::DrawError;
use crate::chart::spec::{Layout, SeriesSpec};
use crate::chart::text::{text_width, TINY_SIZE};
use crate::chart::theme;
use crate::data::{Figure, Qualifier, Unit};
use crate::format::display_unit;
use crate::i18n::{Lang, Text};

/// The words of a gap stand this far above the base.
const GAP_RISE: f64 = 6.0;
/// A bar's group takes this share of its year's band.
const GROUP: f64 = 0.74;
/// Narrower slots than this get smaller labels.
const NARROW_SLOT: f64 = 34.0;
/// The plot: its top leaves room above the highest tick for the tallest bars' labels; the
/// year labels go under the axis.
const PLOT: Plot = Plot { top: 22.0, axis: 210.0, under: 28.0 };

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnsSpec {
    pub title: Text,
    pub unit: Unit,
    pub years: (i32, i32),
    pub series: Vec<SeriesSpec>,
    pub layout: Layout,
}

/// Vertical bars by year.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// The title (translated where the heading is laid out).
    pub title: Text,
    /// The display unit of the marks and the scale.
    pub unit: Unit,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// `cells[category][series]`; `None` is a gap (no figure), drawn as such, never as 0.
    pub cells: Vec<Vec<Option<Mark>>>,
    pub y: Scale,
    pub layout: Layout,
}

impl Columns {
    /// True when one series holds an upper bound (less than) and a lower bound (more than, at
    /// least): side by side they would read as a rise or fall the data do not show, so the
    /// panel says so (the marks already point the bounds' ways).
    pub fn mixed_bounds(&self) -> bool {
        (0..self.series.len()).any(|s| {
            let marks = || self.cells.iter().filter_map(|c| c.get(s).and_then(Option::as_ref));
            marks().any(|m| m.qualifier == Qualifier::LessThan)
                && marks().any(|m| matches!(m.qualifier, Qualifier::MoreThan | Qualifier::AtLeast))
        })
    }
}

/// One cell of the plot, laid out.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A bar with its value label (baseline centre, size), and where its bound's arrow starts.
    Bar { bar: Rect, look: Look, arrow: Option<(f64, f64)>, label: (f64, f64), size: f64, part: bool },
    /// No figure: a dashed line at the base and the words (or a dash) over it.
    Gap { x: (f64, f64), word: &'static str },
    /// A part missing inside a whole: nothing drawn.
    Empty,
}

/// The columns' boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnsLayout {
    /// The plot (from the top of the tallest label's room to the axis) and its ticks.
    pub axis: ValueAxis,
    /// Each category's centre.
    pub centers: Vec<f64>,
    /// `cells[category][series]`.
    pub cells: Vec<Vec<Cell>>,
}

impl Columns {
    /// The left and right of the bar of series `si` in a group `group` wide centred at `cx`:
    /// side by side, or (nested) the whole wide and its parts narrower inside it.
    fn bar_span(&self, cx: f64, group: f64, si: usize) -> (f64, f64) {
        if self.layout == Layout::Nested {
            let w = if si == 0 { group * 0.9 } else { group * 0.45 };
            (cx - w / 2.0, cx + w / 2.0)
        } else {
            let slot = group / self.series.len().max(1) as f64;
            let sx = cx - group / 2.0 + slot * si as f64;
            (sx + slot * 0.06, sx + slot * 0.94)
        }
    }
}

impl PanelKind for Columns {
    type Spec = ColumnsSpec;
    type Layout = ColumnsLayout;

    fn build(b: &mut Builder<'_>, spec: &ColumnsSpec) -> Columns {
        let ColumnsSpec { title, unit, years, series, layout } = spec;
        let display = display_unit(*unit, b.lang());
        let ds = b.ds();
        // Each series' figures, selected once; years adapt to the data: a figure outside
        // the spec's range widens it.
        let selected: Vec<Vec<(i32, &Figure)>> = series
            .iter()
            .map(|s| {
                ds.select(s.metric, s.scope).filter_map(|f| Some((f.period.single_year()?, f))).collect()
            })
            .collect();
        let (lo, hi) = selected.iter().flatten().fold(*years, |(lo, hi), (y, _)| (lo.min(*y), hi.max(*y)));
        // The figure of each series and year, in one pass over each series (not one pass
        // per year: imports can be large): a full-year figure before a part-year one, a
        // published one before a derived one, and otherwise the first in the file. Other
        // candidates stay in the dataset (and in the source notes) as alternatives.
        let span = usize::try_from(hi - lo).unwrap_or(0) + 1;
        let picks: Vec<Vec<Option<&Figure>>> = selected
            .iter()
            .map(|figs| {
                let mut best: Vec<Option<&Figure>> = vec![None; span];
                for &(y, f) in figs {
                    let key = |g: &Figure| (g.period.is_part_year(), g.is_derived());
                    if let Some(slot) = usize::try_from(y - lo).ok().and_then(|i| best.get_mut(i)) {
                        if slot.is_none_or(|g| key(f) < key(g)) {
                            *slot = Some(f);
                        }
                    }
                }
                best
            })
            .collect();
        let mut cells = Vec::new();
        for i in 0..span {
            let mut row = Vec::new();
            for (s, best) in series.iter().zip(&picks) {
                let pick = best.get(i).copied().flatten();
                let mark = pick.and_then(|f| b.mark(f, display, s.color));
                if mark.is_none() && (*layout == Layout::Grouped || row.is_empty()) {
                    b.gap();
                }
                row.push(mark);
            }
            cells.push(row);
        }
        let max = cells.iter().flatten().flatten().map(|m| m.value()).fold(0.0, f64::max);
        Columns {
            title: *title,
            unit: display,
            categories: (lo..=hi).map(|y| y.to_string()).collect(),
            series: series.iter().map(|s| Series { name: b.series_name(s), color: s.color }).collect(),
            cells,
            y: Scale::zero_based(max, 4, display),
            layout: *layout,
        }
    }

    fn series(&self) -> &[Series] {
        &self.series
    }

    fn heading(&self, lang: Lang) -> Heading {
        let note = self.mixed_bounds().then(|| Text::BoundsNotTrend.t(lang).to_string());
        Heading { title: self.title, unit: Some(self.unit), note }
    }

    fn layout(&self, body: Body, lang: Lang) -> (ColumnsLayout, f64) {
        let scale = &self.y;
        let axis = PLOT.lay_out(body, 0.0, scale, lang);
        let plot = axis.plot;
        let (left, right) = (plot.x0, plot.x1);
        let n = self.categories.len().max(1) as f64;
        let band = (right - left) / n;
        let ns = self.series.len().max(1) as f64;
        let nested = self.layout == Layout::Nested;
        // Labels already placed: a new label moves up until it is clear of them.
        let mut placed: Vec<Rect> = Vec::new();
        let mut centers = Vec::new();
        let mut cells = Vec::new();
        for ci in 0..self.categories.len() {
            let cx = left + band * (ci as f64 + 0.5);
            centers.push(cx);
            let group = band * GROUP;
            let row = self.cells.get(ci).map(Vec::as_slice).unwrap_or(&[]);
            let mut out = Vec::new();
            for (si, cell) in row.iter().enumerate() {
                let (bx0, bx1) = self.bar_span(cx, group, si);
                out.push(match cell {
                    Some(m) => {
                        let ytop = scale.map(m.value(), plot.y1, plot.y0);
                        let bar = Rect::new(bx0, ytop, bx1, plot.y1);
                        let arrow = m.qualifier.is_bound().then(|| marks::column_arrow(&bar));
                        let mut ly = marks::over_column(ytop, m.qualifier);
                        if nested && si > 0 {
                            ly = ly.max(plot.y0 + 12.0);
                        }
                        let size = if band / ns < NARROW_SLOT { TINY_SIZE } else { theme::SMALL_SIZE };
                        let w = text_width(&m.label, size);
                        // Centred on the bar, but kept inside the panel.
                        let lcx = clamp_center(bar.center_x(), w, (left, right));
                        let lines = if m.partial() { 2.0 * LABEL_H } else { LABEL_H };
                        let room = |ly: f64| Rect::new(lcx - w / 2.0, ly - lines, lcx + w / 2.0, ly);
                        for _ in 0..4 {
                            if !placed.iter().any(|r| r.overlaps(&room(ly))) {
                                break;
                            }
                            ly -= LABEL_H;
                        }
                        placed.push(room(ly));
                        // A whole with its parts drawn inside is drawn light behind them.
                        let whole = nested && si == 0 && row.len() > 1;
                        let look = if whole { Look::of(m).behind() } else { Look::of(m) };
                        Cell::Bar { bar, look, arrow, label: (lcx, ly), size, part: nested && si > 0 }
                    }
                    None if !nested || si == 0 => Cell::Gap {
                        x: (bx0, bx1),
                        word: marks::no_data_word(Text::NoData, bx1 - bx0 + 4.0, lang),
                    },
                    None => Cell::Empty,
                });
            }
            cells.push(out);
        }
        (ColumnsLayout { axis, centers, cells }, PLOT.height())
    }

    fn paint(&self, p: &Painter, l: &ColumnsLayout, lang: Lang) -> Result<(), DrawError> {
        let plot = l.axis.plot;
        l.axis.paint(p, plot.x1, ZeroLine::Left)?;
        let centered = |size: f64, ink: Ink| Style::new(size, ink).at(HPos::Center, VPos::Bottom);
        for (ci, cat) in self.categories.iter().enumerate() {
            let row = self.cells.get(ci).map(Vec::as_slice).unwrap_or(&[]);
            let boxes = l.cells.get(ci).map(Vec::as_slice).unwrap_or(&[]);
            for (cell, laid) in row.iter().zip(boxes) {
                match (cell, laid) {
                    (Some(m), Cell::Bar { bar, look, arrow, label, size, part }) => {
                        marks::bar(p, *bar, m, *look)?;
                        if let Some(at) = arrow {
                            marks::bar_bound(p, *at, m, Toward::Up)?;
                        }
                        let c = p.t.series(m.color);
                        let ink = if *part { Ink::Color(p.t.deepen(c, 0.2)) } else { Ink::Text };
                        p.text(label.0, label.1, &m.label, centered(*size, ink))?;
                        if m.partial() {
                            let period = m.short_period(lang);
                            p.text(label.0, label.1 - LABEL_H, &period, centered(TINY_SIZE, Ink::Muted))?;
                        }
                    }
                    (_, Cell::Gap { x, word }) => {
                        marks::no_data(p, *x, plot.y1 - 1.0)?;
                        let at = ((x.0 + x.1) / 2.0, plot.y1 - GAP_RISE);
                        p.text(at.0, at.1, word, centered(TINY_SIZE, Ink::NoData))?;
                    }
                    _ => {}
                }
            }
            let cx = l.centers.get(ci).copied().unwrap_or(plot.x0);
            l.axis.category(p, cx, cat)?;
        }
        p.line(&[(plot.x0, plot.y1), (plot.x1, plot.y1)], p.t.axis, 1.0)
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let mut parts = Vec::new();
        for (si, s) in self.series.iter().enumerate() {
            let mut list = Vec::new();
            let mut gaps = Vec::new();
            for (c, row) in self.categories.iter().zip(&self.cells) {
                match row.get(si) {
                    Some(Some(m)) => list.push(format!("{c} {}", d.value(m))),
                    Some(None) => gaps.push(c.as_str()),
                    None => {}
                }
            }
            let mut text = format!("{}{}{}", s.name, d.colon, list.join(d.list_sep));
            if !gaps.is_empty() {
                text.push_str(&format!("{}{}{}", d.sep, Text::NoDataFor.t(d.lang), gaps.join(d.names_sep)));
            }
            parts.push(text);
        }
        parts
    }
}
