//! 片区 side by side: one small panel per metric that has a figure for any of the scopes (found
//! in the data), one bar per scope on a scale the metric's bars share, the latest figure of
//! each; "no data" where a 片区 has none, never a zero bar. An imported scope without a figure
//! for a metric has no slot in it (the matrix shows what is not published), nor one whose
//! years the series panel (`scope_series`) draws. Figures in another dimension than the scale
//! are written out beside it.

use std::collections::HashMap;

use super::matrix::more_note;
use super::{Heading, PanelKind};
use crate::chart::describe::Describer;
use crate::chart::geom::Body;
use crate::chart::geom::{Rect, Span};
use crate::chart::mark::{shared_unit, Builder, Mark};
use crate::chart::marks::{self, bar_reach, Look, Toward, LABEL_GAP};
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::scale::Scale;
use crate::chart::select::{is_series, panel_scopes, recency, yearly};
use crate::chart::sink::DrawError;
use crate::chart::spec::{ScopeColor, ScopeView};
use crate::chart::text::{leading, text_width, widest, Block, TINY_SIZE};
use crate::chart::theme;
use crate::data::{Dimension, Figure, Period, Unit};
use crate::format::{self, axis_unit};
use crate::i18n::{Lang, Text};

/// The gap between small multiples.
const MULTIPLE_GAP: f64 = 24.0;
/// Under a multiple's heading, and under its rows.
const HEAD_GAP: f64 = 6.0;
const BODY_GAP: f64 = 12.0;
/// A slot: the space under it, and the line of its period.
const SLOT_GAP: f64 = 10.0;
const PERIOD_LINE: f64 = 13.0;
/// Small multiples: the narrowest cell, and at most this many a row.
const MULTIPLES: (f64, f64) = (280.0, 3.0);
/// A slot without a figure: the length of its dashed line, and where its words start.
const NO_DATA: (f64, f64) = (24.0, 30.0);
/// The names of the 片区: at most this share of a cell, and their gap to the bars.
const NAMES: (f64, f64) = (0.38, 10.0);
/// A slot's bar, below the slot's top.
const BAR: Span = Span { from: 1.0, to: 13.0 };

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct SideBySideSpec {
    pub title: Text,
    pub scopes: Vec<ScopeColor>,
    /// The order of the first panels; those of them without any figure for these scopes are
    /// named in one line.
    pub metrics: Vec<&'static str>,
    /// Which imported scopes get a slot.
    pub view: ScopeView,
}

/// What a slot shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SlotValue {
    /// The latest figure, as a bar on the shared scale.
    Bar(Mark),
    /// The latest figure is in another dimension than the scale (vehicles against yuan): it
    /// is written out, never drawn to the scale. Its `label` is the value in full.
    Apart(Mark),
    /// No figure for this 片区: drawn as such, never as zero.
    NoData,
}

impl SlotValue {
    fn mark(&self) -> Option<&Mark> {
        match self {
            SlotValue::Bar(m) | SlotValue::Apart(m) => Some(m),
            SlotValue::NoData => None,
        }
    }
}

/// One 片区 in a small panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The 片区's name.
    pub scope: String,
    pub color: usize,
    pub value: SlotValue,
}

/// One small panel of the side-by-side comparison: a metric, one slot per 片区.
#[derive(Debug, Clone, PartialEq)]
pub struct Multiple {
    /// The metric's name.
    pub name: String,
    /// The unit of the shared scale, for the heading.
    pub unit: Unit,
    /// The scale the bars of this metric share.
    pub x: Scale,
    pub slots: Vec<Slot>,
    /// The period of every figure drawn here when they all have the same one (drawn once, in
    /// the heading); `None` when periods differ, and each bar names its own.
    pub period: Option<Period>,
}

/// 片区 side by side: one small panel per metric.
#[derive(Debug, Clone, PartialEq)]
pub struct SideBySide {
    /// The title (translated where the heading is laid out).
    pub title: Text,
    pub multiples: Vec<Multiple>,
    /// Names of the expected metrics that no 片区 has a figure for.
    pub missing: Vec<String>,
    /// Imported scopes that match the view but get no slot (past its limit).
    pub more: usize,
}

/// One slot's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotBoxes {
    pub name: Block,
    pub top: f64,
    /// The bar (a bar slot), the line of words (written out), or the dashed line (no data).
    pub bar: Rect,
    /// Lines written out (another unit).
    pub text: Block,
    /// The value label's left end and middle.
    pub value: (f64, f64),
}

/// One small multiple's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct MultipleBoxes {
    pub x0: f64,
    pub top: f64,
    pub heading: Block,
    pub bars: (f64, f64),
    pub slots: Vec<SlotBoxes>,
    /// The zero line's top and bottom.
    pub axis: (f64, f64),
}

/// The grid's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct SideBySideLayout {
    pub multiples: Vec<MultipleBoxes>,
    pub missing: (f64, Block),
    pub x0: f64,
}

/// Columns of small multiples at `width`, and the width of each.
fn grid(width: f64) -> (usize, f64) {
    let cols =
        ((width + MULTIPLE_GAP) / (MULTIPLES.0 + MULTIPLE_GAP)).floor().clamp(1.0, MULTIPLES.1) as usize;
    (cols, (width - MULTIPLE_GAP * (cols - 1) as f64) / cols as f64)
}

impl Multiple {
    /// The heading: the metric and the unit of its scale.
    fn heading(&self, lang: Lang) -> String {
        let unit = axis_unit(self.unit, lang);
        if unit.is_empty() {
            return self.name.clone();
        }
        match lang {
            Lang::Zh => format!("{}（{unit}）", self.name),
            Lang::En => format!("{} ({unit})", self.name),
        }
    }

    /// The heading's height: metric and unit, and the period they share.
    fn head_height(&self, cell_w: f64, lang: Lang) -> f64 {
        let heading = Block::wrapped(&self.heading(lang), theme::LABEL_SIZE, cell_w, leading::BODY);
        heading.height() + if self.period.is_some() { leading::TIGHT } else { 0.0 } + HEAD_GAP
    }

    /// The width of the 片区 names to the left of the bars.
    fn name_w(&self, cell_w: f64) -> f64 {
        (widest(self.slots.iter().map(|s| s.scope.as_str()), theme::LABEL_SIZE) + NAMES.1)
            .min(cell_w * NAMES.0)
    }

    /// The slots' boxes in [x0, x1] from `top`; returns them and their bottom.
    fn slots(&self, (x0, x1): (f64, f64), top: f64, lang: Lang) -> (Vec<SlotBoxes>, (f64, f64), f64) {
        let cell_w = x1 - x0;
        let name_w = self.name_w(cell_w);
        // Room for the widest value (and a bound's arrow) to the right of the longest bar.
        let room = self
            .slots
            .iter()
            .filter_map(|s| match &s.value {
                SlotValue::Bar(m) => Some(text_width(&m.label, theme::SMALL_SIZE) + bar_reach(m.qualifier)),
                _ => None,
            })
            .fold(0.0, f64::max)
            + 8.0;
        let left = x0 + name_w;
        let right = (x1 - room).max(left + 40.0);
        let mut y = top;
        let mut out = Vec::new();
        for s in &self.slots {
            let name = Block::wrapped(&s.scope, theme::LABEL_SIZE, name_w - 8.0, leading::TIGHT);
            let (by0, by1) = (y + BAR.from, y + BAR.to);
            let mid = (by0 + by1) / 2.0;
            let empty = Block { lines: Vec::new(), leading: leading::TIGHT };
            let (bar, text, value, body) = match &s.value {
                SlotValue::Bar(m) => {
                    let end = self.x.map(m.value(), left, right);
                    let period = if self.period.is_none() { PERIOD_LINE } else { 0.0 };
                    (
                        Rect::new(left, by0, end, by1),
                        empty,
                        (end + LABEL_GAP + bar_reach(m.qualifier), mid),
                        leading::TIGHT + period,
                    )
                }
                SlotValue::Apart(m) => {
                    let text =
                        Block::wrapped(&apart_text(m, lang), theme::SMALL_SIZE, x1 - left, leading::TIGHT);
                    let w = widest(text.lines.iter().map(String::as_str), theme::SMALL_SIZE);
                    let h = text.leading * text.lines.len().max(1) as f64;
                    (Rect::new(left, y, left + 4.0 + w, y + text.height()), text, (left + 4.0, y), h)
                }
                SlotValue::NoData => (
                    Rect::new(left, mid, left + NO_DATA.0, mid),
                    empty,
                    (left + NO_DATA.1, mid),
                    leading::TIGHT,
                ),
            };
            let h = (name.leading * name.lines.len().max(1) as f64).max(body) + SLOT_GAP;
            out.push(SlotBoxes { name, top: y, bar, text, value });
            y += h;
        }
        (out, (left, right), y)
    }
}

/// The text of a figure written out beside the scale (another unit).
fn apart_text(m: &Mark, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}（{}）", m.label, Text::OtherUnitNote.t(lang)),
        Lang::En => format!("{} ({})", m.label, Text::OtherUnitNote.t(lang)),
    }
}

impl PanelKind for SideBySide {
    type Spec = SideBySideSpec;
    type Layout = SideBySideLayout;

    fn build(b: &mut Builder<'_>, spec: &SideBySideSpec) -> SideBySide {
        let ds = b.ds();
        let lang = b.lang();
        // The spec's 片区, then any scope an imported file brought (a linked innovation
        // zone, a district), in the order the files named them.
        let (scopes, index, more) = panel_scopes(ds, &spec.scopes, &spec.view);
        // The latest figure of each metric for each scope, in one pass over the dataset;
        // metrics in the order they first appear.
        let mut found: Vec<&str> = Vec::new();
        let mut latest: HashMap<&str, Vec<Option<&Figure>>> = HashMap::new();
        for f in &ds.figures {
            let Some(&si) = index.get(f.scope.as_str()) else { continue };
            let slots = latest.entry(f.metric.as_str()).or_insert_with(|| {
                found.push(f.metric.as_str());
                vec![None; scopes.len()]
            });
            if let Some(slot) = slots.get_mut(si) {
                if slot.is_none_or(|g| recency(f) > recency(g)) {
                    *slot = Some(f);
                }
            }
        }
        let (_, series) = yearly(ds, &index, scopes.len());
        let metrics = &spec.metrics;
        let order = metrics.iter().copied().filter(|m| latest.contains_key(m));
        let others = found.iter().copied().filter(|m| !metrics.contains(m));
        let mut multiples = Vec::new();
        for metric in order.chain(others) {
            let Some(figs) = latest.get(metric) else { continue };
            // The scale's dimension: the one most of the 片区' figures share (the first
            // of equals); a figure of another dimension is written out beside it.
            let dims: Vec<Dimension> = figs.iter().flatten().map(|f| f.unit.dimension()).collect();
            let count = |d: &Dimension| dims.iter().filter(|e| *e == d).count();
            let Some(dim) = dims.iter().fold(None, |best: Option<&Dimension>, d| match best {
                Some(b) if count(b) >= count(d) => Some(b),
                _ => Some(d),
            }) else {
                continue;
            };
            let Some(first) = figs.iter().flatten().find(|f| f.unit.dimension() == *dim) else { continue };
            let display = shared_unit(first.unit, lang);
            let mut slots = Vec::new();
            // An imported scope whose years of this metric the series panel draws has its
            // figures there, the latest included; here it would only repeat them.
            let in_series = |si: usize| {
                si >= spec.scopes.len()
                    && series
                        .get(metric)
                        .is_some_and(|per| is_series(per) && per.get(si).is_some_and(|y| !y.is_empty()))
            };
            if figs.iter().enumerate().all(|(si, f)| f.is_none() || in_series(si)) {
                continue;
            }
            for (si, (s, f)) in scopes.iter().zip(figs).enumerate() {
                // An imported scope without a figure here gets no "no data" row (1,000
                // districts would make 1,000): the matrix shows what it has not published.
                if in_series(si) || (si >= spec.scopes.len() && f.is_none()) {
                    continue;
                }
                let value = match f {
                    None => {
                        b.gap();
                        SlotValue::NoData
                    }
                    Some(f) => match b.mark(f, display, s.1) {
                        Some(m) => SlotValue::Bar(m),
                        None => {
                            let label = b.tagged(format::figure_value(f, lang, format::Style::Full), f);
                            b.mark(f, shared_unit(f.unit, lang), s.1)
                                .map_or(SlotValue::NoData, |m| SlotValue::Apart(Mark { label, ..m }))
                        }
                    },
                };
                slots.push(Slot { scope: b.name("scope", s.0), color: s.1, value });
            }
            let drawn: Vec<&Mark> = slots.iter().filter_map(|s| s.value.mark()).collect();
            let same = drawn.windows(2).all(|w| w[0].period == w[1].period);
            let period = drawn.first().filter(|_| same).map(|m| m.period);
            let max = slots
                .iter()
                .filter_map(|s| match &s.value {
                    SlotValue::Bar(m) => Some(m.value()),
                    _ => None,
                })
                .fold(0.0, f64::max);
            multiples.push(Multiple {
                name: b.name("metric", metric),
                unit: display,
                x: Scale::zero_based(max, 3, display),
                slots,
                period,
            });
        }
        let missing =
            metrics.iter().filter(|m| !latest.contains_key(*m)).map(|m| b.name("metric", m)).collect();
        SideBySide { title: spec.title, multiples, missing, more }
    }

    fn heading(&self, lang: Lang) -> Heading {
        Heading { title: self.title, unit: None, note: more_note(self.more, lang) }
    }

    fn layout(&self, body: Body, lang: Lang) -> (SideBySideLayout, f64) {
        let (cols, cell_w) = grid(body.width());
        let mut y = body.top;
        let mut multiples = Vec::new();
        for row in self.multiples.chunks(cols.max(1)) {
            // Headings share one height, so the bars of a row line up.
            let head = row.iter().map(|m| m.head_height(cell_w, lang)).fold(0.0, f64::max);
            let mut tallest: f64 = 0.0;
            for (ci, m) in row.iter().enumerate() {
                let x0 = body.x0 + (cell_w + MULTIPLE_GAP) * ci as f64;
                let heading = Block::wrapped(&m.heading(lang), theme::LABEL_SIZE, cell_w, leading::BODY);
                let (slots, bars, bottom) = m.slots((x0, x0 + cell_w), y + head, lang);
                tallest = tallest.max(bottom - (y + head) + BODY_GAP);
                multiples.push(MultipleBoxes {
                    x0,
                    top: y,
                    heading,
                    bars,
                    slots,
                    axis: (y + head - 2.0, bottom - 8.0),
                });
            }
            y += head + tallest;
        }
        let names = self.missing.join(if lang == Lang::Zh { "、" } else { ", " });
        let missing = if self.missing.is_empty() {
            Block { lines: Vec::new(), leading: leading::BODY }
        } else {
            let text = format!("{}{names}", Text::SideBySideMissing.t(lang));
            Block::wrapped(&text, theme::SMALL_SIZE, body.width(), leading::BODY)
        };
        let height = y + missing.height() - body.top;
        (SideBySideLayout { multiples, missing: (y, missing), x0: body.x0 }, height)
    }

    fn paint(&self, p: &Painter, l: &SideBySideLayout, lang: Lang) -> Result<(), DrawError> {
        let label = Style::new(theme::LABEL_SIZE, Ink::Text);
        let small = Style::new(theme::SMALL_SIZE, Ink::Text);
        let muted = Style::new(theme::SMALL_SIZE, Ink::Muted);
        for (m, b) in self.multiples.iter().zip(&l.multiples) {
            let y = p.lines(b.x0, b.top, &b.heading.lines, b.heading.leading, label.bold())?;
            if let Some(period) = &m.period {
                p.text(b.x0, y, &format::period(period, lang), muted)?;
            }
            for (s, sb) in m.slots.iter().zip(&b.slots) {
                p.lines(b.x0, sb.top, &sb.name.lines, sb.name.leading, label)?;
                let (vx, vy) = sb.value;
                match &s.value {
                    SlotValue::Bar(mk) => {
                        marks::bar(p, sb.bar, mk, Look::of(mk))?;
                        if mk.qualifier.is_bound() {
                            marks::bar_bound(p, (sb.bar.x1, sb.bar.center_y()), mk, Toward::Right)?;
                        }
                        p.text(vx, vy, &mk.label, small.at(HPos::Left, VPos::Center))?;
                        if m.period.is_none() {
                            let period = Style::new(TINY_SIZE, Ink::Muted);
                            p.text(sb.bar.x0, sb.bar.y1 + 2.0, &mk.short_period(lang), period)?;
                        }
                    }
                    SlotValue::Apart(mk) => {
                        p.lines(vx, vy, &sb.text.lines, sb.text.leading, small)?;
                        p.hit(mk, sb.bar);
                    }
                    SlotValue::NoData => {
                        marks::no_data(p, (sb.bar.x0, sb.bar.x1), sb.bar.y0)?;
                        let word = Style::new(TINY_SIZE, Ink::NoData).at(HPos::Left, VPos::Center);
                        p.text(vx, vy, Text::NoData.t(lang), word)?;
                    }
                }
            }
            // The zero line the bars of this metric share.
            p.line(&[(b.bars.0, b.axis.0), (b.bars.0, b.axis.1)], p.t.axis, 1.0)?;
        }
        let (y, missing) = &l.missing;
        p.lines(l.x0, *y, &missing.lines, missing.leading, muted)?;
        Ok(())
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let mut parts = Vec::new();
        for m in &self.multiples {
            let slot = |s: &Slot| match s.value.mark() {
                Some(mark) if m.period.is_none() => format!("{} {}", s.scope, d.dated(mark)),
                Some(mark) => format!("{} {}", s.scope, d.value(mark)),
                None => format!("{} {}", s.scope, Text::NoData.t(d.lang)),
            };
            let slots: Vec<String> = m.slots.iter().map(slot).collect();
            let period =
                m.period.as_ref().map(|p| format!(" ({})", format::period(p, d.lang))).unwrap_or_default();
            parts.push(format!("{}{period}{}{}", m.name, d.colon, slots.join(d.list_sep)));
        }
        if !self.missing.is_empty() {
            let names = self.missing.join(d.names_sep);
            parts.push(format!("{}{names}", Text::SideBySideMissing.t(d.lang)));
        }
        parts.extend(more_note(self.more, d.lang));
        parts
    }
}
