//! A timeline: points on a time axis (statements made at different dates) on a 0–100 % scale,
//! undated points apart at the right. A dense timeline draws only some of its figures (see
//! `MAX_MARKS`), small, and labels the lowest, the highest and the latest.

use super::{Heading, PanelKind};
use crate::chart::axis::{Plot, ValueAxis, ZeroLine, UNDER_AXIS};
use crate::chart::describe::Describer;
use crate::chart::geom::Body;
use crate::chart::geom::Rect;
use crate::chart::labels::{halo_box, key_marks, label_box, place_label, try_place_label, Baselines};
use crate::chart::mark::{Builder, Mark, Thinned, MAX_MARKS};
use crate::chart::marks::{self, point_lift, FULL, SMALL};
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::scale::Scale;
use crate::chart::select::{sort_by_period, thin};
use crate::chart::sink::DrawError;
use crate::chart::spec::SeriesSpec;
use crate::chart::text::text_width;
use crate::chart::theme;
use crate::data::{Figure, Unit};
use crate::i18n::{Lang, Text};

/// Undated points drawn beside a timeline (there is room for three); more keep the lowest and
/// the highest.
const MAX_UNDATED: usize = 3;
/// More points than this are drawn small, and only the lowest, the highest and the latest
/// carry a label.
const DENSE_POINTS: usize = 60;
/// Years narrower than this label every other year.
const NARROW_YEAR: f64 = 34.0;
/// A label's second choice of baseline lies this much further out than its first.
const LINE: f64 = 14.0;
/// The strip for undated points at the right: its width, its first point's offset, their spacing.
const UNDATED: (f64, f64, f64) = (70.0, 18.0, 24.0);
/// Label baselines: above a point, below it.
const BASELINES: Baselines = Baselines { above: 10.0, below: 20.0 };
/// The plot: its top leaves room above 100 % for labels; the years go under the axis.
const PLOT: Plot = Plot { top: 30.0, axis: 200.0, under: 26.0 };

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineSpec {
    pub title: Text,
    pub unit: Unit,
    pub years: (i32, i32),
    pub series: SeriesSpec,
}

/// Points on a time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The title (translated where the heading is laid out).
    pub title: Text,
    pub unit: Unit,
    /// Year axis, from the start of the first year to the end of the last.
    pub x_years: (i32, i32),
    pub y: Scale,
    /// Points with their position in years.
    pub points: Vec<(f64, Mark)>,
    /// Points with no date at all, drawn apart from the time axis.
    pub undated: Vec<Mark>,
    /// Set when the panel draws only some of its figures.
    pub thinned: Option<Thinned>,
}

/// One point, placed: where it is, whether it is drawn small, and its undated stem.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub at: (f64, f64),
    pub small: bool,
    pub stem: Option<(f64, f64)>,
    /// A cumulative span's extent on the x axis (left, right): the figure is not one year's.
    pub range: Option<(f64, f64)>,
}

/// The timeline's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    /// The plot and its ticks.
    pub axis: ValueAxis,
    /// The right end of the grid lines (past the undated strip).
    pub grid_right: f64,
    /// Year ticks at x, with the label's centre when the year is labelled.
    pub years: Vec<(f64, Option<(f64, String)>)>,
    /// Dated points, then undated ones, in axis order.
    pub dots: Vec<Dot>,
    /// Labels: which point, the baseline centre, its width, and whether it has a halo.
    pub labels: Vec<(usize, (f64, f64), f64, bool)>,
    /// The undated strip's left, when there is one.
    pub undated: Option<f64>,
}

impl Timeline {
    /// True when a point stands for a cumulative span (drawn as a range, with a note).
    pub fn has_spans(&self) -> bool {
        self.points.iter().any(|(_, m)| m.period.cumulative_years().is_some())
    }

    /// The `i`th point: dated ones first, then undated.
    fn mark(&self, i: usize) -> Option<&Mark> {
        match self.points.get(i) {
            Some((_, m)) => Some(m),
            None => self.undated.get(i - self.points.len()),
        }
    }
}

impl PanelKind for Timeline {
    type Spec = TimelineSpec;
    type Layout = TimelineLayout;

    fn build(b: &mut Builder<'_>, spec: &TimelineSpec) -> Timeline {
        let TimelineSpec { title, unit, years, series } = spec;
        let mut figs: Vec<&Figure> =
            b.ds().select(series.metric, series.scope).filter(|f| f.value_in(*unit).is_some()).collect();
        sort_by_period(&mut figs);
        let (mut lo, mut hi) = *years;
        let mut dated: Vec<(f64, &Figure)> = Vec::new();
        let mut undated: Vec<&Figure> = Vec::new();
        for f in figs {
            // A cumulative span sits at its middle, drawn as a range (see `Dot::range`).
            let x = f.period.cumulative_years().map(|(a, b)| (a + b) / 2.0).or(f.period.x_position());
            match x {
                Some(x) => {
                    lo = lo.min(x.floor() as i32);
                    hi = hi.max(x.floor() as i32);
                    dated.push((x, f));
                }
                None => undated.push(f),
            }
        }
        // In time order of where they are drawn (a span at its middle).
        dated.sort_by(|a, b| a.0.total_cmp(&b.0));
        let value = |f: &Figure| f.value_in(*unit).unwrap_or(0.0);
        let xv: Vec<(f64, f64, bool)> = dated.iter().map(|&(x, f)| (x, value(f), !f.is_imported())).collect();
        let keep = thin(&xv, f64::from(lo), f64::from(hi) + 1.0, MAX_MARKS);
        let uv: Vec<(f64, f64, bool)> = undated.iter().map(|&f| (0.0, value(f), !f.is_imported())).collect();
        let keep_undated = thin(&uv, 0.0, 1.0, MAX_UNDATED);
        let thinned = Thinned::of(keep.len() + keep_undated.len(), dated.len() + undated.len());
        let mut points = Vec::with_capacity(keep.len());
        for &(x, f) in keep.iter().filter_map(|&i| dated.get(i)) {
            if let Some(m) = b.mark(f, *unit, series.color) {
                points.push((x, m));
            }
        }
        let undated = keep_undated
            .iter()
            .filter_map(|&i| undated.get(i))
            .filter_map(|&f| b.mark(f, *unit, series.color))
            .collect();
        Timeline {
            title: *title,
            unit: *unit,
            x_years: (lo, hi),
            y: Scale::fixed(0.0, 100.0, 20.0, *unit),
            points,
            undated,
            thinned,
        }
    }

    fn heading(&self, lang: Lang) -> Heading {
        let mut notes: Vec<String> = self.thinned.iter().map(|t| t.note(lang)).collect();
        if self.has_spans() {
            notes.push(Text::SpanNote.t(lang).to_string());
        }
        let note = (!notes.is_empty()).then(|| notes.join(" "));
        Heading { title: self.title, unit: Some(self.unit), note }
    }

    fn layout(&self, body: Body, lang: Lang) -> (TimelineLayout, f64) {
        let scale = &self.y;
        let (strip_w, first, step) = UNDATED;
        let undated_w = if self.undated.is_empty() { 0.0 } else { strip_w };
        let axis = PLOT.lay_out(body, undated_w, scale, lang);
        let plot = axis.plot;
        let (left, right) = (plot.x0, plot.x1);
        let (ylo, yhi) = (f64::from(self.x_years.0), f64::from(self.x_years.1 + 1));
        let xmap = |x: f64| left + (x - ylo) / (yhi - ylo) * (right - left);
        let n_years = self.x_years.1 - self.x_years.0 + 1;
        let every = if (right - left) / f64::from(n_years) < NARROW_YEAR { 2 } else { 1 };
        let years = (self.x_years.0..=self.x_years.1)
            .map(|yr| {
                let label =
                    ((yr - self.x_years.0) % every == 0).then(|| (xmap(f64::from(yr) + 0.5), yr.to_string()));
                (xmap(f64::from(yr)), label)
            })
            .collect();
        // A dense timeline draws its points small and labels only the lowest, the highest and
        // the latest (drawn full size); undated points as usual. Published figures keep their
        // full mark and label among imported ones.
        let dense = self.points.len() > DENSE_POINTS;
        let keys = if dense { key_marks(self.points.iter().map(|(_, m)| m)) } else { Vec::new() };
        let lowest = keys.first().copied();
        let labelled = |i: usize| {
            !dense
                || i >= self.points.len()
                || keys.contains(&i)
                || self.points.get(i).is_some_and(|(_, m)| !m.imported)
        };
        let xs = self.points.iter().map(|(x, _)| xmap(*x));
        let xs = xs.chain((0..self.undated.len()).map(|i| right + first + step * i as f64));
        let mut dots = Vec::new();
        for (i, px) in xs.enumerate() {
            let Some(m) = self.mark(i) else { continue };
            let small = !labelled(i);
            let py = scale.map(m.value(), plot.y1, plot.y0);
            // Small points get a short dashed stub rather than a line to the axis.
            let size = if small { SMALL } else { FULL };
            let stem = m.year_unknown().then(|| marks::stem_span(py, size, Some(plot.y1)));
            let range = m.period.cumulative_years().map(|(a, b)| (xmap(a), xmap(b)));
            dots.push(Dot { at: (px, py), small, stem, range });
        }
        // Dense: the lowest, highest and latest are labelled first, then the others that fit.
        let order = keys.iter().copied().chain((0..dots.len()).filter(|i| labelled(*i) && !keys.contains(i)));
        let mut placed: Vec<Rect> = Vec::new();
        let mut out = Vec::new();
        for i in order {
            let (Some(m), Some(dot)) = (self.mark(i), dots.get(i)) else { continue };
            let (px, py) = dot.at;
            let w = text_width(&m.label, theme::SMALL_SIZE);
            let up = point_lift(m.qualifier, BASELINES.above);
            // Among dense points the lowest is labelled below them, the others above.
            let ys = if dense && Some(i) == lowest {
                [py + BASELINES.below, py + BASELINES.below + LINE, py - up, py - up - LINE]
            } else {
                [py - up, py + BASELINES.below, py - up - LINE, py + BASELINES.below + LINE]
            };
            let span = (left, body.x1);
            let spot = try_place_label(&placed, px, &ys, w, span);
            let Some(at) = spot.or_else(|| (!dense).then(|| place_label(&placed, px, &ys, w, span))) else {
                continue;
            };
            placed.push(label_box(at, w));
            out.push((i, at, w, dense));
        }
        let undated = (!self.undated.is_empty()).then_some(right);
        (TimelineLayout { axis, grid_right: body.x1, years, dots, labels: out, undated }, PLOT.height())
    }

    fn paint(&self, p: &Painter, l: &TimelineLayout, lang: Lang) -> Result<(), DrawError> {
        let plot = l.axis.plot;
        l.axis.paint(p, l.grid_right, ZeroLine::Axis)?;
        for (x, label) in &l.years {
            p.line(&[(*x, plot.y1), (*x, plot.y1 + 4.0)], p.t.axis, 1.0)?;
            if let Some((cx, year)) = label {
                l.axis.category(p, *cx, year)?;
            }
        }
        // In axis order, so keyboard navigation through the hits follows time.
        for (i, dot) in l.dots.iter().enumerate() {
            let Some(m) = self.mark(i) else { continue };
            if let Some(stem) = dot.stem {
                marks::undated_stem(p, dot.at.0, stem, p.t.tint(p.t.series(m.color), 0.4))?;
            }
            if let Some((x0, x1)) = dot.range {
                // A cumulative span: a bar across it, with end caps.
                let (y, ink) = (dot.at.1, p.t.tint(p.t.series(m.color), 0.6));
                p.line(&[(x0, y), (x1, y)], ink, 2.0)?;
                for x in [x0, x1] {
                    p.line(&[(x, y - 5.0), (x, y + 5.0)], ink, 2.0)?;
                }
            }
            marks::point(p, dot.at, m, if dot.small { SMALL } else { FULL })?;
        }
        let value = Style::new(theme::SMALL_SIZE, Ink::Text).at(HPos::Center, VPos::Bottom);
        for &(i, (lx, ly), w, halo) in &l.labels {
            let Some(m) = self.mark(i) else { continue };
            if halo {
                // A halo, so the label reads over the crowd of points.
                p.fill(halo_box((lx, ly), w), p.t.background)?;
            }
            p.text(lx, ly, &m.label, value)?;
        }
        if let Some(right) = l.undated {
            p.dashed(&[(right + 4.0, plot.y0 - 10.0), (right + 4.0, plot.y1)], p.t.axis, 1.0)?;
            let strip = Style::new(theme::SMALL_SIZE, Ink::Muted).at(HPos::Center, VPos::Top);
            let cx = right + 4.0 + (l.grid_right - right - 4.0) / 2.0;
            p.text(cx, plot.y1 + UNDER_AXIS, Text::LegendUndated.t(lang), strip)?;
        }
        Ok(())
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let mut parts = Vec::new();
        let dated: Vec<&Mark> = self.points.iter().map(|(_, m)| m).collect();
        match self.thinned {
            Some(t) => {
                parts.push(t.note(d.lang));
                parts.push(d.summary(&dated, dated.last().copied()));
                // The published figures among the imported ones, each.
                let published = self.undated.iter().chain(dated.iter().copied()).filter(|m| !m.imported);
                parts.extend(published.map(|m| d.dated(m)));
                parts.extend(self.undated.iter().filter(|m| m.imported).map(|m| d.dated(m)));
            }
            None => parts.extend(dated.into_iter().chain(&self.undated).map(|m| d.dated(m))),
        }
        parts
    }
}
