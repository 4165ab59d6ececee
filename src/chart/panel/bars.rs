//! Horizontal bars, one figure a row, on a shared scale: a part drawn against its total (a
//! light track), zones inside it as inner segments, and other sources' values as ticks so
//! conflicts stay visible.

use super::{Heading, PanelKind};
use crate::chart::describe::Describer;
use crate::chart::geom::Body;
use crate::chart::geom::{Rect, Span};
use crate::chart::mark::{Builder, Mark};
use crate::chart::marks::{self, bar_reach, Look, Toward, LABEL_GAP};
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::scale::Scale;
use crate::chart::sink::DrawError;
use crate::chart::spec::RowSpec;
use crate::chart::text::{leading, text_width, widest, Block};
use crate::chart::theme;
use crate::data::{Figure, Unit};
use crate::format::display_unit;
use crate::i18n::{Lang, Text};

/// A row's height below its label's last line.
const ROW_H: f64 = 40.0;
/// The lines under a bar naming its parts and conflicts: their leading, and how far up they
/// start into the row's bottom space.
const NOTE_LEADING: f64 = 16.0;
const NOTE_RISE: f64 = 4.0;
/// Conflict ticks reach past the bar by this much.
const TICK_OVER: f64 = 4.0;
/// The bar, below its label's last line.
const BAR: Span = Span { from: 18.0, to: 32.0 };

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct BarsSpec {
    pub title: Text,
    pub unit: Unit,
    pub rows: Vec<RowSpec>,
}

/// One horizontal bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub mark: Mark,
    pub total: Option<Mark>,
    pub inner: Vec<(String, Mark)>,
    pub conflicts: Vec<Mark>,
    /// Says the figure is not one series with the rows around it (`RowSpec::caution`).
    pub caution: Option<Text>,
}

impl BarRow {
    /// The value label: `122 / 151` against a total.
    fn value_label(&self) -> String {
        match &self.total {
            Some(t) => format!("{} / {}", self.mark.label, t.label),
            None => self.mark.label.clone(),
        }
    }

    /// The line naming the parts inside the bar and other sources' values.
    fn note(&self, lang: Lang) -> String {
        let (sep, list_sep) = match lang {
            Lang::Zh => ("；", "、"),
            Lang::En => ("; ", ", "),
        };
        let mut parts = Vec::new();
        if !self.inner.is_empty() {
            let list: Vec<String> =
                self.inner.iter().map(|(name, m)| format!("{name} {}", m.label)).collect();
            parts.push(format!("{}{}", Text::BarInnerNote.t(lang), list.join(list_sep)));
        }
        for c in &self.conflicts {
            parts.push(Text::OtherSourceNote.t(lang).replace("{}", &c.label));
        }
        if let Some(c) = self.caution {
            parts.push(c.t(lang).to_string());
        }
        parts.join(sep)
    }
}

/// Horizontal bars on one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    /// The title (translated where the heading is laid out).
    pub title: Text,
    pub unit: Unit,
    pub rows: Vec<BarRow>,
    pub x: Scale,
}

/// One row's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct RowBoxes {
    /// The row's label lines from their top.
    pub label: (f64, Block),
    pub bar: Rect,
    pub track: Option<Rect>,
    pub inner: Vec<Rect>,
    /// Conflict ticks at x.
    pub conflicts: Vec<f64>,
    /// The value label's left end and middle.
    pub value: (f64, f64),
    /// The note lines from their top.
    pub note: (f64, Block),
}

/// The bars' boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    pub rows: Vec<RowBoxes>,
}

impl PanelKind for Bars {
    type Spec = BarsSpec;
    type Layout = BarsLayout;

    fn build(b: &mut Builder<'_>, spec: &BarsSpec) -> Bars {
        let display = display_unit(spec.unit, b.lang());
        let ds = b.ds();
        let figs: Vec<(&RowSpec, &Figure)> =
            spec.rows.iter().filter_map(|r| ds.figure(r.figure).map(|f| (r, f))).collect();
        let same_metric = figs.windows(2).all(|w| w[0].1.metric == w[1].1.metric);
        let same_scope = figs.windows(2).all(|w| w[0].1.scope == w[1].1.scope);
        let same_period = figs.windows(2).all(|w| w[0].1.period == w[1].1.period);
        let mut out = Vec::new();
        for (r, f) in figs {
            let Some(mark) = b.mark(f, display, r.color) else { continue };
            let name = if same_metric { b.name("scope", &f.scope) } else { b.name("metric", &f.metric) };
            let label = if same_metric && same_scope {
                mark.period_text(b.lang())
            } else if same_period {
                name
            } else {
                format!("{name} · {}", mark.period_text(b.lang()))
            };
            let total = r.of.and_then(|id| ds.figure(id)).and_then(|t| b.mark(t, display, r.color));
            let mut inner = Vec::new();
            for g in r.inner.iter().filter_map(|id| ds.figure(id)) {
                let Some(m) = b.mark(g, display, r.color) else { continue };
                let name =
                    if g.scope == f.scope { b.name("metric", &g.metric) } else { b.name("scope", &g.scope) };
                inner.push((name, m));
            }
            let conflicts = r
                .conflicts
                .iter()
                .filter_map(|id| ds.figure(id))
                .filter_map(|g| b.mark(g, display, r.color))
                .collect();
            out.push(BarRow { label, mark, total, inner, conflicts, caution: r.caution });
        }
        let max = out
            .iter()
            .flat_map(|r| {
                std::iter::once(r.mark.value())
                    .chain(r.total.iter().map(|t| t.value()))
                    .chain(r.conflicts.iter().map(|c| c.value()))
            })
            .fold(0.0, f64::max);
        Bars { title: spec.title, unit: display, rows: out, x: Scale::zero_based(max, 4, display) }
    }

    fn heading(&self, _lang: Lang) -> Heading {
        Heading { title: self.title, unit: Some(self.unit), note: None }
    }

    fn layout(&self, body: Body, lang: Lang) -> (BarsLayout, f64) {
        let scale = &self.x;
        let labels: Vec<String> = self.rows.iter().map(BarRow::value_label).collect();
        let right_room = widest(labels.iter().map(String::as_str), theme::LABEL_SIZE) + 8.0;
        let (left, right) = (body.x0, (body.x1 - right_room).max(body.x0 + 40.0));
        let at = |v: f64| scale.map(v, left, right);
        let mut y = body.top;
        let mut rows = Vec::new();
        for (r, value_label) in self.rows.iter().zip(&labels) {
            let label = Block::wrapped(&r.label, theme::LABEL_SIZE, body.width(), leading::BODY);
            let last = y + label.leading * (label.lines.len().max(1) - 1) as f64;
            let (by0, by1) = (last + BAR.from, last + BAR.to);
            let end = at(r.mark.value());
            let track = r.total.as_ref().map(|t| Rect::new(left, by0, at(t.value()), by1));
            let mut inner = Vec::new();
            let mut inner_x = left;
            for (_, m) in &r.inner {
                let w = scale.map(m.value(), 0.0, right - left);
                inner.push(Rect::new(inner_x, by0, inner_x + w, by1));
                inner_x += w;
            }
            let mut label_x = end + bar_reach(r.mark.qualifier);
            if let Some(t) = &r.total {
                label_x = label_x.max(at(t.value()));
            }
            // A conflict tick where the value label would start moves the label past it.
            let label_w = text_width(value_label, theme::LABEL_SIZE) + 12.0;
            let conflicts: Vec<f64> = r.conflicts.iter().map(|c| at(c.value())).collect();
            for &cx in &conflicts {
                if cx >= label_x - 2.0 && cx <= label_x + label_w {
                    label_x = cx;
                }
            }
            let note_top = last + ROW_H - NOTE_RISE;
            let note = if r.inner.is_empty() && r.conflicts.is_empty() && r.caution.is_none() {
                Block { lines: Vec::new(), leading: NOTE_LEADING }
            } else {
                Block::wrapped(&r.note(lang), theme::SMALL_SIZE, body.width(), NOTE_LEADING)
            };
            let notes = if note.lines.is_empty() { 0.0 } else { note.height() };
            let mid = (by0 + by1) / 2.0;
            rows.push(RowBoxes {
                label: (y, label),
                bar: Rect::new(left, by0, end, by1),
                track,
                inner,
                conflicts,
                value: (label_x + LABEL_GAP, mid),
                note: (note_top, note),
            });
            y = last + ROW_H + notes;
        }
        (BarsLayout { rows }, y - body.top)
    }

    fn paint(&self, p: &Painter, l: &BarsLayout, _lang: Lang) -> Result<(), DrawError> {
        let label = Style::new(theme::LABEL_SIZE, Ink::Text);
        for (r, b) in self.rows.iter().zip(&l.rows) {
            p.lines(b.bar.x0, b.label.0, &b.label.1.lines, b.label.1.leading, label)?;
            let c = p.t.series(r.mark.color);
            if let Some(track) = b.track {
                p.fill(track, p.t.tint(p.t.grid, 0.2))?;
            }
            marks::bar(p, b.bar, &r.mark, Look::of(&r.mark))?;
            for inner in &b.inner {
                p.fill(*inner, p.t.deepen(c, 0.45))?;
            }
            if r.mark.qualifier.is_bound() {
                marks::bar_bound(p, (b.bar.x1, b.bar.center_y()), &r.mark, Toward::Right)?;
            }
            for &cx in &b.conflicts {
                p.line(&[(cx, b.bar.y0 - TICK_OVER), (cx, b.bar.y1 + TICK_OVER)], p.t.text, 1.5)?;
            }
            p.text(b.value.0, b.value.1, &r.value_label(), label.at(HPos::Left, VPos::Center))?;
            let note = Style::new(theme::SMALL_SIZE, Ink::Muted);
            p.lines(b.bar.x0, b.note.0, &b.note.1.lines, b.note.1.leading, note)?;
        }
        Ok(())
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let total = |r: &BarRow| r.total.as_ref().map(|t| format!(" / {}", d.value(t))).unwrap_or_default();
        let caution = |r: &BarRow| r.caution.map(|c| format!(" ({})", c.t(d.lang))).unwrap_or_default();
        self.rows
            .iter()
            .map(|r| format!("{}{}{}{}{}", r.label, d.colon, d.value(&r.mark), total(r), caution(r)))
            .collect()
    }
}
