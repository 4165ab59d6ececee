//! What the panels build from: a `Mark` (one drawn value, its number in base units with its
//! `Unit`, `Qualifier`, `Period`, scope and figure id), the legend's entries, a drawn figure's
//! `Detail`, and the `Builder` every panel's build shares. Below the panels; the chart's whole
//! model (`model.rs`) sits above them.

use std::collections::HashSet;

use super::spec::SeriesSpec;
use crate::data::{Dataset, Dimension, Figure, Period, Qualifier, Unit};
use crate::format::{self, bare, display_unit};
use crate::i18n::{fill, Lang, Text};

/// The most marks a dense panel draws: a timeline with more dated points keeps, of each of
/// `MAX_MARKS / 2` equal intervals of its time axis, the lowest and the highest figure (about
/// one interval per pixel column at 720 px); a dot row likewise along its value axis, sharing
/// the budget with the other rows. Real figures only: nothing is averaged or interpolated.
pub const MAX_MARKS: usize = 1200;

/// Figures kept in one cell of the coverage matrix (it shows the first and how many there are).
pub const MAX_CELL: usize = 20;

/// One drawn value.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The figure's id (tooltips, tables and sources look it up).
    pub figure: String,
    /// The figure's scope key (`ftz`, `liangjiang` …).
    pub scope: String,
    /// The value in the base unit of its dimension (yuan, vehicles, 1 = 100 %).
    pub base: f64,
    /// The unit the panel shows it in (its display unit); see [`Mark::value`].
    pub unit: Unit,
    /// The tight label, with its qualifier (`超60%`, `约1.42万`), made by `format`.
    pub label: String,
    pub qualifier: Qualifier,
    pub derived: bool,
    pub period: Period,
    /// Series colour index.
    pub color: usize,
    /// The reader's own figure (imported from a file): its label carries the marker.
    pub imported: bool,
}

impl Mark {
    /// The value in `unit`, as the panel's scale measures it.
    pub fn value(&self) -> f64 {
        self.unit.from_base(self.base)
    }

    /// A part-year figure (Jan–Oct).
    pub fn partial(&self) -> bool {
        self.period.is_part_year()
    }

    /// The data year is not given (a statement date or undated).
    pub fn year_unknown(&self) -> bool {
        self.period.year_unknown()
    }

    /// The period in words.
    pub fn period_text(&self, lang: Lang) -> String {
        format::period(&self.period, lang)
    }

    /// The period, short enough for a chart label.
    pub fn short_period(&self, lang: Lang) -> String {
        format::short_period(&self.period, lang)
    }
}

/// A panel drawing only some of its figures (see [`MAX_MARKS`]): how many it draws of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thinned {
    pub shown: usize,
    pub total: usize,
}

impl Thinned {
    /// `Some` when fewer than `total` are shown.
    pub fn of(shown: usize, total: usize) -> Option<Thinned> {
        (shown < total).then_some(Thinned { shown, total })
    }

    /// "显示 1,200 / 100,000 个数字：…" / "showing 1,200 of 100,000 figures: …", for a panel
    /// thinned by intervals (timelines, dot rows).
    pub fn note(&self, lang: Lang) -> String {
        let n = |v: usize| format::grouped(v as f64, 0);
        fill(Text::ThinnedNote.t(lang), &[n(self.shown), n(self.total)])
    }

    /// The same for the coverage matrix, whose cells list at most [`MAX_CELL`] figures.
    pub fn cell_note(&self, lang: Lang) -> String {
        let n = |v: usize| format::grouped(v as f64, 0);
        fill(Text::ThinnedCellNote.t(lang), &[n(self.shown), n(self.total), n(MAX_CELL)])
    }
}

/// A named series (legend entry).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: usize,
}

/// What a legend entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Series(usize),
    Exact,
    MoreThan,
    LessThan,
    Approx,
    Derived,
    PartYear,
    NoData,
    YearUnknown,
    /// The marker of the reader's imported figures.
    Imported,
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub glyph: Glyph,
    pub label: String,
}

/// One drawn figure, spelled out for tooltips, the data table, the source notes and exports:
/// the same figures the chart draws, in the same language.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub figure: String,
    /// The value with its qualifier and unit, in words (`超60%`, `about 14,000 vehicles`), a
    /// derived one no more precise than its inputs (`format::derived_value`).
    pub value: String,
    /// The number in `unit`, as published (`2/3`, `7137.4`) or as computed (six decimals at most).
    pub number: String,
    /// The unit key (`yi_yuan`, `pct` …).
    pub unit: String,
    pub qualifier: Qualifier,
    pub metric: String,
    pub scope: String,
    /// The scope's key (the table groups imported scopes by the file that brought them).
    pub scope_key: String,
    pub period: String,
    pub derived: bool,
    /// The formula of a derived figure, over figure ids.
    pub formula: String,
    /// How a derived figure was computed, with its inputs and the range their rounding allows
    /// (`format::computation`); empty for a published figure.
    pub computation: String,
    pub quote: String,
    pub note: String,
    pub source_key: String,
    pub source_title: String,
    pub publisher: String,
    pub published: String,
    pub url: String,
    /// The reader's own figure, imported from the file `source_title`; `publisher` and
    /// `published` are empty then.
    pub imported: bool,
    /// The source as the source line names it: `重庆市人民政府 2024`, or for an imported
    /// figure `导入文件 regions.csv` / `Imported file regions.csv` (for the table's source column).
    pub source_name: String,
}

/// What the panels' builds share: the dataset, the language, and the figures drawn so far.
pub struct Builder<'a> {
    ds: &'a Dataset,
    lang: Lang,
    /// Ids of the drawn figures, in drawing order, each once.
    figures: Vec<String>,
    /// The same ids, for constant-time membership (imports can hold 100,000 figures).
    seen: HashSet<&'a str>,
    gaps: bool,
}

/// The unit a panel comparing figures of `unit`'s dimension draws them in: the reader's money
/// unit, percent for ratios, single vehicles.
pub fn shared_unit(unit: Unit, lang: Lang) -> Unit {
    match unit.dimension() {
        Dimension::Ratio => Unit::Pct,
        Dimension::Vehicles => Unit::Vehicles,
        _ => display_unit(unit, lang),
    }
}

impl<'a> Builder<'a> {
    /// A builder for one chart of `ds` in `lang`.
    pub fn new(ds: &'a Dataset, lang: Lang) -> Builder<'a> {
        Builder { ds, lang, figures: Vec::new(), seen: HashSet::new(), gaps: false }
    }

    /// The drawn figures' ids in drawing order, and whether a gap is drawn somewhere.
    pub fn finish(self) -> (Vec<String>, bool) {
        (self.figures, self.gaps)
    }

    /// The mark of `f` in `display`, recording `f` as drawn; `None` across dimensions.
    pub fn mark(&mut self, f: &'a Figure, display: Unit, color: usize) -> Option<Mark> {
        f.value_in(display)?;
        if self.seen.insert(f.id.as_str()) {
            self.figures.push(f.id.clone());
        }
        Some(Mark {
            figure: f.id.clone(),
            scope: f.scope.clone(),
            base: f.unit.to_base(f.value),
            unit: display,
            label: self.tagged(bare(f, self.ds, display, self.lang), f),
            qualifier: f.qualifier,
            derived: f.is_derived(),
            period: f.period,
            color,
            imported: f.is_imported(),
        })
    }

    /// `label` with the marker of an imported figure when `f` is one.
    pub fn tagged(&self, label: String, f: &Figure) -> String {
        if f.is_imported() {
            label + Text::ImportedMarker.t(self.lang)
        } else {
            label
        }
    }

    pub fn series_name(&self, s: &SeriesSpec) -> String {
        match s.name {
            Some(t) => t.t(self.lang).to_string(),
            None => self.ds.name("metric", s.metric, self.lang).to_string(),
        }
    }

    /// The dataset the chart is built from.
    pub fn ds(&self) -> &'a Dataset {
        self.ds
    }

    /// The language of the chart.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Notes that a panel draws a gap (no figure) somewhere: the legend then explains it.
    pub fn gap(&mut self) {
        self.gaps = true;
    }

    /// The name of a dictionary term (`metric`, `scope`) in the chart's language.
    pub fn name(&self, kind: &str, key: &str) -> String {
        self.ds.name(kind, key, self.lang).to_string()
    }
}
