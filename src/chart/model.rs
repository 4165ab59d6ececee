//! `ChartModel`: everything a chart draws, computed once per chart and language. Marks carry
//! numbers with their `Unit`, `Qualifier`, `Period`, scope and figure id; scales carry their
//! unit; text is laid out (ticks, periods) through `format` when the chart is drawn. Pure data;
//! no pixels. Each panel kind builds its own model (`panel/*.rs`); this module holds what they
//! share: marks, the legend, the details of every drawn figure and the sources.

use std::collections::HashSet;

use super::describe::describe;
use super::panel::{self, PanelModel};
use super::sources::{citation, imported_file_name, source_line, source_name};
use super::spec::{ChartId, ChartSpec, SeriesSpec};
use crate::data::{Dataset, Dimension, Figure, Period, Qualifier, Source, Unit};
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
    pub user: bool,
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
    User,
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
    /// The value with its qualifier and unit, in words (`超60%`, `about 14,200 vehicles`).
    pub value: String,
    /// The number in `unit`, as published (`2/3`, `7137.4`) or as computed (six decimals at most).
    pub number: String,
    /// The unit key (`yi_yuan`, `pct` …).
    pub unit: String,
    pub qualifier: Qualifier,
    pub metric: String,
    pub scope: String,
    pub period: String,
    pub derived: bool,
    /// The formula of a derived figure, over figure ids.
    pub formula: String,
    pub quote: String,
    pub note: String,
    pub source_key: String,
    pub source_title: String,
    pub publisher: String,
    pub published: String,
    pub url: String,
    /// The reader's own figure, imported from the file `source_title`; `publisher` and
    /// `published` are empty then.
    pub user: bool,
    /// The source as the source line names it: `重庆市人民政府 2024`, or for an imported
    /// figure `导入文件 regions.csv` / `Imported file regions.csv` (for the table's source column).
    pub source_name: String,
}

/// Everything one chart draws, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartModel {
    pub id: ChartId,
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub panels: Vec<PanelModel>,
    pub legend: Vec<LegendItem>,
    /// Ids of every figure drawn, in drawing order (the table and the source notes use them).
    pub figures: Vec<String>,
    /// Keys of the sources of those figures, first use first.
    pub sources: Vec<String>,
    /// "Source: …" line, for the page.
    pub source_line: String,
    /// The sources as exported images print them: in Chinese a GB/T 7714-style citation of each
    /// source (`[1] 发布者. 题名[EB/OL]. (日期).`), in English the source line.
    pub citation: String,
    /// Every drawn figure spelled out, in drawing order.
    pub details: Vec<Detail>,
    /// The chart's content in words, for screen readers.
    pub description: String,
    /// The page address an export came from, drawn under the source line (empty on the page).
    pub address: String,
}

/// Builds the model of `spec` from `ds` in `lang`. Linear in the size of the dataset: every
/// lookup of a drawn figure goes through a hash set or map, and dense panels are thinned
/// before their marks are made.
pub fn build(ds: &Dataset, spec: &ChartSpec, lang: Lang) -> ChartModel {
    let mut b = Builder { ds, lang, figures: Vec::new(), seen: HashSet::new(), gaps: false };
    let panels: Vec<PanelModel> = spec.panels.iter().map(|p| panel::build(&mut b, p)).collect();
    let mut sources: Vec<String> = Vec::new();
    let mut known: HashSet<&str> = HashSet::new();
    for id in &b.figures {
        if let Some(f) = ds.figure(id) {
            if known.insert(f.source.as_str()) {
                sources.push(f.source.clone());
            }
        }
    }
    let source_line = source_line(ds, &sources, lang);
    let citation = match lang {
        Lang::Zh => citation(ds, &sources),
        Lang::En => source_line.clone(),
    };
    let legend = legend(ds, &panels, &b.figures, b.gaps, lang);
    let details: Vec<Detail> =
        b.figures.iter().filter_map(|id| ds.figure(id)).map(|f| detail(ds, f, lang)).collect();
    let title = spec.title.t(lang).to_string();
    let description = describe(&title, &panels, &details, lang);
    ChartModel {
        id: spec.id,
        lang,
        title,
        subtitle: spec.subtitle.t(lang).to_string(),
        panels,
        legend,
        figures: b.figures,
        sources,
        source_line,
        citation,
        details,
        description,
        address: String::new(),
    }
}

fn detail(ds: &Dataset, f: &Figure, lang: Lang) -> Detail {
    let source = ds.source(&f.source);
    let field = |get: fn(&Source) -> &String| source.map(get).cloned().unwrap_or_default();
    let mut source_title = field(|s| &s.title);
    if source_title.is_empty() && f.is_user() {
        source_title = imported_file_name(&f.source, source).to_string();
    }
    Detail {
        figure: f.id.clone(),
        value: format::figure_value(f, lang, format::Style::Full),
        number: if f.is_derived() {
            let s = crate::data::number::fixed(f.value, 6);
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            f.value_text.clone()
        },
        unit: f.unit.key().to_string(),
        qualifier: f.qualifier,
        metric: ds.name("metric", &f.metric, lang).to_string(),
        scope: ds.name("scope", &f.scope, lang).to_string(),
        period: format::period(&f.period, lang),
        derived: f.is_derived(),
        formula: f.formula_text.clone(),
        quote: f.quote.clone(),
        note: f.note.clone(),
        source_key: f.source.clone(),
        source_title,
        // An imported figure's publisher is where the reader's file says it comes from.
        publisher: if f.is_user() { f.cited.clone() } else { field(|s| &s.publisher) },
        published: field(|s| &s.date),
        url: field(|s| &s.url),
        user: f.is_user(),
        source_name: source_name(ds, &f.source, lang).unwrap_or_default(),
    }
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
            label: self.tagged(bare(f, display, self.lang), f),
            qualifier: f.qualifier,
            derived: f.is_derived(),
            period: f.period,
            color,
            user: f.is_user(),
        })
    }

    /// `label` with the marker of an imported figure when `f` is one.
    pub fn tagged(&self, label: String, f: &Figure) -> String {
        if f.is_user() {
            label + Text::UserMarker.t(self.lang)
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

fn legend(
    ds: &Dataset,
    panels: &[PanelModel],
    figures: &[String],
    gaps: bool,
    lang: Lang,
) -> Vec<LegendItem> {
    let mut items = Vec::new();
    // Series are named where a panel shows more than one.
    for s in panels.iter().map(PanelModel::series).filter(|s| s.len() > 1).flatten() {
        let item = LegendItem { glyph: Glyph::Series(s.color), label: s.name.clone() };
        if !items.contains(&item) {
            items.push(item);
        }
    }
    let figs: Vec<&Figure> = figures.iter().filter_map(|id| ds.figure(id)).collect();
    let any = |p: &dyn Fn(&Figure) -> bool| figs.iter().any(|f| p(f));
    let mut push = |glyph, text: Text| items.push(LegendItem { glyph, label: text.t(lang).to_string() });
    push(Glyph::Exact, Text::LegendExact);
    if any(&|f| matches!(f.qualifier, Qualifier::MoreThan | Qualifier::AtLeast)) {
        push(Glyph::MoreThan, Text::LegendMoreThan);
    }
    if any(&|f| f.qualifier == Qualifier::LessThan) {
        push(Glyph::LessThan, Text::LegendLessThan);
    }
    if any(&|f| matches!(f.qualifier, Qualifier::Nearly | Qualifier::About) && !f.is_derived()) {
        push(Glyph::Approx, Text::LegendApprox);
    }
    if any(&|f| f.is_derived()) {
        push(Glyph::Derived, Text::LegendDerived);
    }
    if any(&|f| f.period.is_part_year()) {
        push(Glyph::PartYear, Text::LegendPartYear);
    }
    if any(&|f| f.period.year_unknown()) {
        push(Glyph::YearUnknown, Text::LegendUndated);
    }
    if gaps {
        push(Glyph::NoData, Text::LegendNoData);
    }
    if any(&|f| f.is_user()) {
        push(Glyph::User, Text::LegendUser);
    }
    items
}
