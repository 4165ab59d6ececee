//! Dot rows: dots on a shared scale, one metric a row. A dense row draws only some of its
//! figures (see `MAX_MARKS`; the rows share the budget), small, and labels the lowest, the
//! highest and the latest.

use super::{Heading, PanelKind};
use crate::chart::describe::Describer;
use crate::chart::geom::Body;
use crate::chart::geom::Rect;
use crate::chart::labels::{halo_box, key_marks, label_box, place_dot_label, place_label, Baselines};
use crate::chart::mark::{Builder, Mark, Thinned, MAX_MARKS};
use crate::chart::marks::{self, point_lift, FULL, SMALL};
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::scale::Scale;
use crate::chart::select::{sort_by_period, thin, value_range};
use crate::chart::sink::DrawError;
use crate::chart::spec::SeriesSpec;
use crate::chart::text::{leading, text_width, Block};
use crate::chart::theme;
use crate::data::{Figure, Unit};
use crate::i18n::{Lang, Text};

/// More dots than this in a row are drawn small, and only the lowest, the highest and the
/// latest carry a label.
const DENSE_DOTS: usize = 12;
/// The row: its line below the label's last line, and the row's height; the tick labels'
/// room under the last row.
const LINE_Y: f64 = 42.0;
const ROW_H: f64 = 76.0;
const TICKS_H: f64 = 22.0;
/// The line's inset from the body's sides.
const INSET: f64 = 8.0;
/// Label baselines: above a dot, below it.
const BASELINES: Baselines = Baselines { above: 8.0, below: 21.0 };
/// The box a bound's arrow takes above its dot: half its width, its height.
const ARROW: (f64, f64) = (4.0, 24.0);

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct DotRowsSpec {
    pub title: Text,
    pub unit: Unit,
    pub rows: Vec<SeriesSpec>,
}

/// One row of dots.
#[derive(Debug, Clone, PartialEq)]
pub struct DotRow {
    pub label: String,
    pub marks: Vec<Mark>,
}

/// Dots on a shared scale.
#[derive(Debug, Clone, PartialEq)]
pub struct DotRows {
    /// The title (translated where the heading is laid out).
    pub title: Text,
    pub unit: Unit,
    pub rows: Vec<DotRow>,
    pub x: Scale,
    /// Set when the panel draws only some of its figures.
    pub thinned: Option<Thinned>,
}

/// One row's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct RowBoxes {
    pub label: (f64, Block),
    /// The y of the row's line.
    pub line: f64,
    /// Each dot's x and whether it is drawn small.
    pub dots: Vec<(f64, bool)>,
    /// Labels: text, baseline centre, width, halo.
    pub labels: Vec<(String, (f64, f64), f64, bool)>,
}

/// The dot rows' boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct DotsLayout {
    /// The line's ends.
    pub span: (f64, f64),
    pub rows: Vec<RowBoxes>,
    /// Tick labels at x, hanging from `ticks_y`.
    pub ticks: Vec<(f64, String)>,
    pub ticks_y: f64,
}

impl DotRows {
    /// True when a row holds a share over a cumulative span (said in the panel's note).
    pub fn has_spans(&self) -> bool {
        self.rows.iter().flat_map(|r| &r.marks).any(|m| m.period.cumulative_years().is_some())
    }
}

impl PanelKind for DotRows {
    type Spec = DotRowsSpec;
    type Layout = DotsLayout;

    fn build(b: &mut Builder<'_>, spec: &DotRowsSpec) -> DotRows {
        let unit = spec.unit;
        // The rows share the mark budget.
        let budget = (MAX_MARKS / spec.rows.len().max(1)).max(2);
        let (mut shown, mut total) = (0, 0);
        let mut out = Vec::new();
        for s in &spec.rows {
            let mut figs: Vec<&Figure> =
                b.ds().select(s.metric, s.scope).filter(|f| f.value_in(unit).is_some()).collect();
            sort_by_period(&mut figs);
            // Thinned along the value axis: the spread of the dots and both ends survive.
            let vv: Vec<(f64, f64, bool)> = figs
                .iter()
                .map(|f| (f.value_in(unit).unwrap_or(0.0), !f.is_imported()))
                .map(|(v, published)| (v, v, published))
                .collect();
            let (lo, hi) = value_range(&vv);
            let keep = thin(&vv, lo, hi, budget);
            total += figs.len();
            shown += keep.len();
            let marks: Vec<Mark> =
                keep.iter().filter_map(|&i| figs.get(i)).filter_map(|&f| b.mark(f, unit, s.color)).collect();
            out.push(DotRow { label: b.series_name(s), marks });
        }
        DotRows {
            title: spec.title,
            unit,
            rows: out,
            x: Scale::fixed(0.0, 100.0, 25.0, unit),
            thinned: Thinned::of(shown, total),
        }
    }

    fn heading(&self, lang: Lang) -> Heading {
        let mut notes: Vec<String> = self.thinned.iter().map(|t| t.note(lang)).collect();
        if self.has_spans() {
            notes.push(Text::CumulativeShareNote.t(lang).to_string());
        }
        let note = (!notes.is_empty()).then(|| notes.join(" "));
        Heading { title: self.title, unit: Some(self.unit), note }
    }

    fn layout(&self, body: Body, lang: Lang) -> (DotsLayout, f64) {
        let scale = &self.x;
        let (left, right) = (body.x0 + INSET, body.x1 - INSET);
        let mut y = body.top;
        let mut rows = Vec::new();
        for r in &self.rows {
            let label = Block::wrapped(&r.label, theme::LABEL_SIZE, body.width(), leading::BODY);
            let last = y + label.leading * (label.lines.len().max(1) - 1) as f64;
            let ly = last + LINE_Y;
            // A dense row draws its dots small and labels only the lowest, the highest and the
            // latest (drawn full size), and the published figures among imported ones.
            let dense = r.marks.len() > DENSE_DOTS;
            let keys = if dense { key_marks(r.marks.iter()) } else { Vec::new() };
            let labelled =
                |i: usize| !dense || keys.contains(&i) || r.marks.get(i).is_some_and(|m| !m.imported);
            let xs: Vec<f64> = r.marks.iter().map(|m| scale.map(m.value(), left, right)).collect();
            let dots = xs.iter().enumerate().map(|(i, &x)| (x, !labelled(i))).collect();
            // Labels: above the dot, else below, else higher above; never on the row title.
            let mut placed = vec![Rect::new(
                body.x0,
                last,
                body.x0 + text_width(&r.label, theme::LABEL_SIZE),
                last + leading::BODY,
            )];
            // Dense: the lowest, highest and latest first, then the others that fit.
            let order: Vec<usize> = keys
                .iter()
                .copied()
                .chain((0..r.marks.len()).filter(|i| labelled(*i) && !keys.contains(i)))
                .collect();
            let shown = || order.iter().filter_map(|&i| Some((r.marks.get(i)?, *xs.get(i)?)));
            for (_, px) in shown().filter(|(m, _)| m.qualifier.is_bound()) {
                let (half_w, h) = ARROW;
                placed.push(Rect::new(px - half_w, ly - h, px + half_w, ly));
            }
            let mut labels = Vec::new();
            for (m, px) in shown() {
                // Above the dot (above the arrow of a bound), below it, or beside the arrow.
                let up = point_lift(m.qualifier, BASELINES.above);
                let ys: &[f64] = if m.qualifier.is_bound() {
                    &[ly - up, ly + BASELINES.below, ly - BASELINES.above]
                } else {
                    &[ly - up, ly + BASELINES.below]
                };
                // The value with its period; where that fits nowhere (crowded dots on a narrow
                // chart), the value alone (the period stays in the tooltip and table).
                let full = format!("{} {}", m.label, m.short_period(lang));
                let spot = [full, m.label.clone()].into_iter().find_map(|text| {
                    let w = text_width(&text, theme::SMALL_SIZE);
                    place_dot_label(&placed, (px, ly), ys, w, (left, right), &xs).map(|at| (text, at, w))
                });
                let fallback = || {
                    let w = text_width(&m.label, theme::SMALL_SIZE);
                    (m.label.clone(), place_label(&placed, px, ys, w, (left, right)), w)
                };
                let Some((text, at, w)) = spot.or_else(|| (!dense).then(fallback)) else { continue };
                placed.push(label_box(at, w));
                labels.push((text, at, w, dense));
            }
            rows.push(RowBoxes { label: (y, label), line: ly, dots, labels });
            y = last + ROW_H;
        }
        let ticks = scale.labels(lang).into_iter().map(|(t, l)| (scale.map(t, left, right), l)).collect();
        (DotsLayout { span: (left, right), rows, ticks, ticks_y: y }, y + TICKS_H - body.top)
    }

    fn paint(&self, p: &Painter, l: &DotsLayout, _lang: Lang) -> Result<(), DrawError> {
        let (left, right) = l.span;
        for (r, b) in self.rows.iter().zip(&l.rows) {
            p.lines(
                left - INSET,
                b.label.0,
                &b.label.1.lines,
                b.label.1.leading,
                Style::new(theme::LABEL_SIZE, Ink::Text),
            )?;
            p.line(&[(left, b.line), (right, b.line)], p.t.grid, 2.0)?;
            for (m, &(px, small)) in r.marks.iter().zip(&b.dots) {
                let size = if small { SMALL } else { FULL };
                if m.year_unknown() {
                    let stem = marks::stem_span(b.line, size, None);
                    marks::undated_stem(p, px, stem, p.t.series(m.color))?;
                }
                marks::point(p, (px, b.line), m, size)?;
            }
            let value = Style::new(theme::SMALL_SIZE, Ink::Text).at(HPos::Center, VPos::Bottom);
            for (text, (x, y), w, halo) in &b.labels {
                if *halo {
                    p.fill(halo_box((*x, *y), *w), p.t.background)?;
                }
                p.text(*x, *y, text, value)?;
            }
        }
        let tick = Style::new(theme::SMALL_SIZE, Ink::Muted).at(HPos::Center, VPos::Top);
        for (x, label) in &l.ticks {
            p.text(*x, l.ticks_y, label, tick)?;
        }
        Ok(())
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let mut parts: Vec<String> = self.thinned.iter().map(|t| t.note(d.lang)).collect();
        for r in &self.rows {
            let list = if self.thinned.is_some() && r.marks.len() > DENSE_DOTS {
                let all: Vec<&Mark> = r.marks.iter().collect();
                let published = r.marks.iter().filter(|m| !m.imported).map(|m| d.dated(m));
                std::iter::once(d.summary(&all, None)).chain(published).collect::<Vec<_>>().join(d.list_sep)
            } else {
                r.marks.iter().map(|m| d.dated(m)).collect::<Vec<_>>().join(", ")
            };
            parts.push(format!("{}{}{list}", r.label, d.colon));
        }
        parts
    }
}
