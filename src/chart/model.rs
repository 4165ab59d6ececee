//! `ChartModel`: everything a chart draws, computed once per chart and language: marks with
//! their values in the panel's unit, labels, scales and the legend. Pure data; no pixels.

use std::collections::{HashMap, HashSet};

use super::scale::Scale;
use super::spec::{ChartId, ChartSpec, Layout, PanelSpec, RowSpec, SeriesSpec};
use crate::data::{Dataset, Dimension, Figure, Qualifier, Source, Unit, USER_SOURCE_PREFIX};
use crate::format::{self, axis_unit, bare, display_unit};
use crate::i18n::{fill, Lang, Text};

/// The most marks a dense panel draws: a timeline with more dated points keeps, of each of
/// `MAX_MARKS / 2` equal intervals of its time axis, the lowest and the highest figure (about
/// one interval per pixel column at 720 px); a dot row likewise along its value axis, sharing
/// the budget with the other rows. Real figures only: nothing is averaged or interpolated.
pub const MAX_MARKS: usize = 1200;

/// Undated points drawn beside a timeline (there is room for three); more keep the lowest and
/// the highest.
const MAX_UNDATED: usize = 3;

/// Figures kept in one cell of the coverage matrix (it shows the first and how many there are).
pub const MAX_CELL: usize = 20;

/// One drawn value.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The figure's id (tooltips, tables and sources look it up).
    pub figure: String,
    /// The value in the panel's display unit.
    pub value: f64,
    /// The tight label, with its qualifier (`超60%`, `约1.42万`).
    pub label: String,
    pub qualifier: Qualifier,
    pub derived: bool,
    /// A part-year figure (Jan–Oct).
    pub partial: bool,
    /// The data year is not given (a statement date or undated).
    pub year_unknown: bool,
    /// The period in words.
    pub period: String,
    /// The period, short enough for a chart label.
    pub short_period: String,
    /// Series colour index.
    pub color: usize,
    /// The reader's own figure (imported from a file): its label carries the marker.
    pub user: bool,
}

/// A panel drawing only some of its figures (see [`MAX_MARKS`]): how many it draws of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thinned {
    pub shown: usize,
    pub total: usize,
}

impl Thinned {
    /// `Some` when fewer than `total` are shown.
    fn of(shown: usize, total: usize) -> Option<Thinned> {
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

/// One horizontal bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub mark: Mark,
    pub total: Option<Mark>,
    pub inner: Vec<(String, Mark)>,
    pub conflicts: Vec<Mark>,
}

/// One row of dots.
#[derive(Debug, Clone, PartialEq)]
pub struct DotRow {
    pub label: String,
    pub marks: Vec<Mark>,
}

/// One 片区 row of the coverage matrix: for each column, the figures published (with the
/// name of the zone they belong to).
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub label: String,
    pub cells: Vec<Vec<(String, Mark)>>,
    /// How many figures each cell stands for: more than it holds when it was cut to [`MAX_CELL`].
    pub counts: Vec<usize>,
}

/// One small panel of the side-by-side comparison: a metric, one slot per 片区.
#[derive(Debug, Clone, PartialEq)]
pub struct Multiple {
    /// The metric's name.
    pub name: String,
    /// The unit of the shared scale, for the heading.
    pub unit: String,
    /// The scale the bars of this metric share.
    pub x: Scale,
    pub slots: Vec<Slot>,
    /// The period of every figure drawn here when they all have the same one (drawn once, in
    /// the heading); `None` when periods differ, and each bar names its own.
    pub period: Option<String>,
}

/// One 片区 in a small panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The 片区's name.
    pub scope: String,
    pub color: usize,
    pub value: SlotValue,
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

/// A panel, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelModel {
    Columns {
        title: String,
        unit: String,
        categories: Vec<String>,
        series: Vec<Series>,
        /// `cells[category][series]`; `None` is a gap (no figure), drawn as such, never as 0.
        cells: Vec<Vec<Option<Mark>>>,
        y: Scale,
        layout: Layout,
    },
    Timeline {
        title: String,
        unit: String,
        /// Year axis, from the start of the first year to the end of the last.
        x_years: (i32, i32),
        y: Scale,
        /// Points with their position in years.
        points: Vec<(f64, Mark)>,
        /// Points with no date at all, drawn apart from the time axis.
        undated: Vec<Mark>,
        /// Set when the panel draws only some of its figures.
        thinned: Option<Thinned>,
    },
    Bars {
        title: String,
        unit: String,
        rows: Vec<BarRow>,
        x: Scale,
    },
    DotRows {
        title: String,
        unit: String,
        rows: Vec<DotRow>,
        x: Scale,
        /// Set when the panel draws only some of its figures.
        thinned: Option<Thinned>,
    },
    Matrix {
        title: String,
        columns: Vec<String>,
        rows: Vec<MatrixRow>,
        /// Set when a cell holds only some of its figures.
        thinned: Option<Thinned>,
    },
    /// 片区 side by side: one small panel per metric.
    SideBySide {
        title: String,
        multiples: Vec<Multiple>,
        /// Names of the expected metrics that no 片区 has a figure for.
        missing: Vec<String>,
    },
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
    let panels: Vec<PanelModel> = spec.panels.iter().map(|p| b.panel(p)).collect();
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

/// The file an imported figure came from: its source's title, else the key after `file:`.
fn imported_file_name<'s>(key: &'s str, source: Option<&'s Source>) -> &'s str {
    match source.map(|s| s.title.trim()) {
        Some(title) if !title.is_empty() => title,
        _ => key.strip_prefix(USER_SOURCE_PREFIX).unwrap_or(key),
    }
}

/// A source as the source line names it: the publisher and the year (`重庆市人民政府 2024`), or,
/// for an imported file, `导入文件 regions.csv` / `Imported file regions.csv`.
pub fn source_name(ds: &Dataset, key: &str, lang: Lang) -> Option<String> {
    let s = ds.source(key);
    if key.starts_with(USER_SOURCE_PREFIX) {
        return Some(fill(Text::ImportedFile.t(lang), &[imported_file_name(key, s).to_string()]));
    }
    let s = s?;
    let publisher = s.publisher.split(" (").next().unwrap_or(&s.publisher).trim();
    let year = s.date.get(..4).unwrap_or("");
    Some(if year.is_empty() { publisher.to_string() } else { format!("{publisher} {year}") })
}

/// The lowest and the highest of `marks` (the first of equals).
fn extremes<'m>(marks: impl Iterator<Item = &'m Mark>) -> Option<(&'m Mark, &'m Mark)> {
    marks.fold(None, |acc, m| match acc {
        None => Some((m, m)),
        Some((lo, hi)) => {
            Some((if m.value < lo.value { m } else { lo }, if m.value > hi.value { m } else { hi }))
        }
    })
}

/// The chart in sentences: each panel's figures with their values, qualifiers and periods,
/// what is derived or imported, and which years have no data. A thinned panel says how many
/// figures it shows of how many, and names its lowest, highest and latest rather than
/// listing a thousand values.
pub fn describe(title: &str, panels: &[PanelModel], details: &[Detail], lang: Lang) -> String {
    let by_id: HashMap<&str, &Detail> = details.iter().map(|d| (d.figure.as_str(), d)).collect();
    let value = |m: &Mark| {
        let v = by_id.get(m.figure.as_str()).map_or(m.label.clone(), |d| d.value.clone());
        let v = if m.derived {
            format!("{v}{}", Text::DerivedParen.t(lang))
        } else if m.partial {
            match lang {
                Lang::Zh => format!("{v}（{}）", m.short_period),
                Lang::En => format!("{v} ({})", m.short_period),
            }
        } else {
            v
        };
        if m.user {
            format!("{v}{}", Text::ImportedParen.t(lang))
        } else {
            v
        }
    };
    let (colon, sep, end, list_sep) = match lang {
        Lang::Zh => ("：", "；", "。", "，"),
        Lang::En => (": ", "; ", ". ", ", "),
    };
    // Lowest, highest and latest of a thinned series, with their periods.
    let summary = |marks: &[&Mark], latest: Option<&Mark>| -> String {
        let mut out = Vec::new();
        if let Some((lo, hi)) = extremes(marks.iter().copied()) {
            out.push(format!("{} {} ({})", Text::Lowest.t(lang), value(lo), lo.period));
            out.push(format!("{} {} ({})", Text::Highest.t(lang), value(hi), hi.period));
        }
        if let Some(last) = latest {
            out.push(format!("{} {} ({})", Text::Latest.t(lang), value(last), last.period));
        }
        out.join(list_sep)
    };
    let mut out = format!("{title}{end}");
    for p in panels {
        let mut parts: Vec<String> = Vec::new();
        let heading = match p {
            PanelModel::Columns { title, categories, series, cells, .. } => {
                for (si, s) in series.iter().enumerate() {
                    let marks: Vec<(&String, &Mark)> = categories
                        .iter()
                        .zip(cells)
                        .filter_map(|(c, row)| row.get(si).and_then(Option::as_ref).map(|m| (c, m)))
                        .collect();
                    let gaps: Vec<&str> = categories
                        .iter()
                        .zip(cells)
                        .filter(|(_, row)| row.get(si).is_some_and(Option::is_none))
                        .map(|(c, _)| c.as_str())
                        .collect();
                    let list: Vec<String> = marks.iter().map(|(c, m)| format!("{c} {}", value(m))).collect();
                    let mut text = format!("{}{colon}{}", s.name, list.join(list_sep));
                    if !gaps.is_empty() {
                        text.push_str(&format!(
                            "{sep}{}{}",
                            Text::NoDataFor.t(lang),
                            gaps.join(if lang == Lang::Zh { "、" } else { ", " })
                        ));
                    }
                    parts.push(text);
                }
                title
            }
            PanelModel::Timeline { title, points, undated, thinned, .. } => {
                match thinned {
                    Some(t) => {
                        parts.push(t.note(lang));
                        let dated: Vec<&Mark> = points.iter().map(|(_, m)| m).collect();
                        parts.push(summary(&dated, dated.last().copied()));
                        // The published figures among the imported ones, each.
                        for m in undated.iter().chain(dated.iter().copied()).filter(|m| !m.user) {
                            parts.push(format!("{} ({})", value(m), m.period));
                        }
                        for m in undated.iter().filter(|m| m.user) {
                            parts.push(format!("{} ({})", value(m), m.period));
                        }
                    }
                    None => {
                        for m in points.iter().map(|(_, m)| m).chain(undated) {
                            parts.push(format!("{} ({})", value(m), m.period));
                        }
                    }
                }
                title
            }
            PanelModel::Bars { title, rows, .. } => {
                for r in rows {
                    let total = r.total.as_ref().map(|t| format!(" / {}", value(t))).unwrap_or_default();
                    parts.push(format!("{}{colon}{}{total}", r.label, value(&r.mark)));
                }
                title
            }
            PanelModel::DotRows { title, rows, thinned, .. } => {
                if let Some(t) = thinned {
                    parts.push(t.note(lang));
                }
                for r in rows {
                    let list = if thinned.is_some() && r.marks.len() > 12 {
                        let published = r.marks.iter().filter(|m| !m.user);
                        let each = published.map(|m| format!("{} ({})", value(m), m.period));
                        std::iter::once(summary(&r.marks.iter().collect::<Vec<_>>(), None))
                            .chain(each)
                            .collect::<Vec<_>>()
                            .join(list_sep)
                    } else {
                        let list: Vec<String> =
                            r.marks.iter().map(|m| format!("{} ({})", value(m), m.period)).collect();
                        list.join(", ")
                    };
                    parts.push(format!("{}{colon}{list}", r.label));
                }
                title
            }
            PanelModel::Matrix { title, columns, rows, thinned } => {
                for r in rows {
                    let published: Vec<&str> = columns
                        .iter()
                        .zip(&r.cells)
                        .filter(|(_, c)| !c.is_empty())
                        .map(|(n, _)| n.as_str())
                        .collect();
                    let missing: Vec<&str> = columns
                        .iter()
                        .zip(&r.cells)
                        .filter(|(_, c)| c.is_empty())
                        .map(|(n, _)| n.as_str())
                        .collect();
                    parts.push(format!(
                        "{}{colon}{}{}{sep}{}{}",
                        r.label,
                        Text::PublishedFor.t(lang),
                        published.join(", "),
                        Text::NotPublished.t(lang),
                        if lang == Lang::Zh {
                            format!("：{}", missing.join("、"))
                        } else {
                            format!(": {}", missing.join(", "))
                        }
                    ));
                }
                if let Some(t) = thinned {
                    parts.push(t.cell_note(lang));
                }
                title
            }
            PanelModel::SideBySide { title, multiples, missing } => {
                for m in multiples {
                    let slots: Vec<String> = m
                        .slots
                        .iter()
                        .map(|s| match &s.value {
                            SlotValue::Bar(mark) | SlotValue::Apart(mark) if m.period.is_none() => {
                                format!("{} {} ({})", s.scope, value(mark), mark.period)
                            }
                            SlotValue::Bar(mark) | SlotValue::Apart(mark) => {
                                format!("{} {}", s.scope, value(mark))
                            }
                            SlotValue::NoData => format!("{} {}", s.scope, Text::NoData.t(lang)),
                        })
                        .collect();
                    let period = m.period.as_ref().map(|p| format!(" ({p})")).unwrap_or_default();
                    parts.push(format!("{}{period}{colon}{}", m.name, slots.join(list_sep)));
                }
                if !missing.is_empty() {
                    let names = missing.join(if lang == Lang::Zh { "、" } else { ", " });
                    parts.push(format!("{}{names}", Text::SideBySideMissing.t(lang)));
                }
                title
            }
        };
        out.push_str(&format!("{heading}{colon}{}{end}", parts.join(sep)));
    }
    out.trim_end().to_string()
}

struct Builder<'a> {
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
fn shared_unit(unit: Unit, lang: Lang) -> Unit {
    match unit.dimension() {
        Dimension::Ratio => Unit::Pct,
        Dimension::Vehicles => Unit::Vehicles,
        _ => display_unit(unit, lang),
    }
}

/// Indices of `items` (position, value, published) to draw when there are more than `max`: of
/// each of `max / 2` equal intervals of position over [`lo`, `hi`], the item with the lowest and
/// the one with the highest value (the first of equals), and every published (not imported)
/// figure, so an import never hides the curated figures; in input order. The shape of the
/// series and its overall lowest and highest survive, and every kept item is a real one.
/// Deterministic and linear; no sort.
fn thin(items: &[(f64, f64, bool)], lo: f64, hi: f64, max: usize) -> Vec<usize> {
    if items.len() <= max {
        return (0..items.len()).collect();
    }
    let buckets = (max / 2).max(1);
    let span = hi - lo;
    // (index of lowest, index of highest) per interval
    let mut ends: Vec<Option<(usize, usize)>> = vec![None; buckets];
    let value = |j: usize| items.get(j).map_or(f64::NAN, |it| it.1);
    for (i, &(x, v, _)) in items.iter().enumerate() {
        let k = if span > 0.0 { ((x - lo) / span * buckets as f64).floor() } else { 0.0 };
        let k = (k.max(0.0) as usize).min(buckets - 1);
        if let Some(slot) = ends.get_mut(k) {
            *slot = Some(match *slot {
                None => (i, i),
                Some((a, b)) => (if v < value(a) { i } else { a }, if v > value(b) { i } else { b }),
            });
        }
    }
    let mut keep: Vec<bool> = items.iter().map(|it| it.2).collect();
    for (a, b) in ends.into_iter().flatten() {
        for i in [a, b] {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
    }
    keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect()
}

/// The lowest and highest value of `items` (for the interval range of [`thin`]).
fn value_range(items: &[(f64, f64, bool)]) -> (f64, f64) {
    items.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, v, _)| (lo.min(v), hi.max(v)))
}

/// "Later" for the side-by-side panel: a dated period after an earlier one, any date after none.
fn recency(f: &Figure) -> (u8, f64) {
    match f.period.x_position() {
        Some(x) => (1, x),
        None => (0, 0.0),
    }
}

impl<'a> Builder<'a> {
    /// The mark of `f` in `display`, recording `f` as drawn; `None` across dimensions.
    fn mark(&mut self, f: &'a Figure, display: Unit, color: usize) -> Option<Mark> {
        let value = f.value_in(display)?;
        if self.seen.insert(f.id.as_str()) {
            self.figures.push(f.id.clone());
        }
        Some(Mark {
            figure: f.id.clone(),
            value,
            label: self.tagged(bare(f, display, self.lang), f),
            qualifier: f.qualifier,
            derived: f.is_derived(),
            partial: f.period.is_part_year(),
            year_unknown: f.period.year_unknown(),
            period: format::period(&f.period, self.lang),
            short_period: format::short_period(&f.period, self.lang),
            color,
            user: f.is_user(),
        })
    }

    /// `label` with the marker of an imported figure when `f` is one.
    fn tagged(&self, label: String, f: &Figure) -> String {
        if f.is_user() {
            label + Text::UserMarker.t(self.lang)
        } else {
            label
        }
    }

    fn series_name(&self, s: &SeriesSpec) -> String {
        match s.name {
            Some(t) => t.t(self.lang).to_string(),
            None => self.ds.name("metric", s.metric, self.lang).to_string(),
        }
    }

    fn title(&self, t: Text, unit: Unit) -> (String, String) {
        (t.t(self.lang).to_string(), axis_unit(display_unit(unit, self.lang), self.lang).to_string())
    }

    fn panel(&mut self, p: &PanelSpec) -> PanelModel {
        match p {
            PanelSpec::Columns { title, unit, years, series, layout } => {
                let display = display_unit(*unit, self.lang);
                let (title, unit_label) = self.title(*title, *unit);
                let ds = self.ds;
                // Each series' figures, selected once; years adapt to the data: a figure outside
                // the spec's range widens it.
                let selected: Vec<Vec<(i32, &Figure)>> = series
                    .iter()
                    .map(|s| {
                        ds.select(s.metric, s.scope)
                            .filter_map(|f| Some((f.period.single_year()?, f)))
                            .collect()
                    })
                    .collect();
                let (lo, hi) =
                    selected.iter().flatten().fold(*years, |(lo, hi), (y, _)| (lo.min(*y), hi.max(*y)));
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
                        let mark = pick.and_then(|f| self.mark(f, display, s.color));
                        if mark.is_none() && (*layout == Layout::Grouped || row.is_empty()) {
                            self.gaps = true;
                        }
                        row.push(mark);
                    }
                    cells.push(row);
                }
                let max = cells.iter().flatten().flatten().map(|m| m.value).fold(0.0, f64::max);
                PanelModel::Columns {
                    title,
                    unit: unit_label,
                    categories: (lo..=hi).map(|y| y.to_string()).collect(),
                    series: series
                        .iter()
                        .map(|s| Series { name: self.series_name(s), color: s.color })
                        .collect(),
                    cells,
                    y: Scale::zero_based(max, 4),
                    layout: *layout,
                }
            }
            PanelSpec::Timeline { title, unit, years, series } => {
                let (title, unit_label) = self.title(*title, *unit);
                let mut figs: Vec<&Figure> = self
                    .ds
                    .select(series.metric, series.scope)
                    .filter(|f| f.value_in(*unit).is_some())
                    .collect();
                sort_by_period(&mut figs);
                let (mut lo, mut hi) = *years;
                let mut dated: Vec<(f64, &Figure)> = Vec::new();
                let mut undated: Vec<&Figure> = Vec::new();
                for f in figs {
                    match f.period.x_position() {
                        Some(x) => {
                            lo = lo.min(x.floor() as i32);
                            hi = hi.max(x.floor() as i32);
                            dated.push((x, f));
                        }
                        None => undated.push(f),
                    }
                }
                let value = |f: &Figure| f.value_in(*unit).unwrap_or(0.0);
                let xv: Vec<(f64, f64, bool)> =
                    dated.iter().map(|&(x, f)| (x, value(f), !f.is_user())).collect();
                let keep = thin(&xv, f64::from(lo), f64::from(hi) + 1.0, MAX_MARKS);
                let uv: Vec<(f64, f64, bool)> =
                    undated.iter().map(|&f| (0.0, value(f), !f.is_user())).collect();
                let keep_undated = thin(&uv, 0.0, 1.0, MAX_UNDATED);
                let thinned = Thinned::of(keep.len() + keep_undated.len(), dated.len() + undated.len());
                let mut points = Vec::with_capacity(keep.len());
                for &(x, f) in keep.iter().filter_map(|&i| dated.get(i)) {
                    if let Some(m) = self.mark(f, *unit, series.color) {
                        points.push((x, m));
                    }
                }
                let undated = keep_undated
                    .iter()
                    .filter_map(|&i| undated.get(i))
                    .filter_map(|&f| self.mark(f, *unit, series.color))
                    .collect();
                PanelModel::Timeline {
                    title,
                    unit: unit_label,
                    x_years: (lo, hi),
                    y: Scale::fixed(0.0, 100.0, 20.0),
                    points,
                    undated,
                    thinned,
                }
            }
            PanelSpec::Bars { title, unit, rows } => {
                let display = display_unit(*unit, self.lang);
                let (title, unit_label) = self.title(*title, *unit);
                let ds = self.ds;
                let figs: Vec<(&RowSpec, &Figure)> =
                    rows.iter().filter_map(|r| ds.figure(r.figure).map(|f| (r, f))).collect();
                let same_metric = figs.windows(2).all(|w| w[0].1.metric == w[1].1.metric);
                let same_scope = figs.windows(2).all(|w| w[0].1.scope == w[1].1.scope);
                let same_period = figs.windows(2).all(|w| w[0].1.period == w[1].1.period);
                let mut out = Vec::new();
                for (r, f) in figs {
                    let Some(mark) = self.mark(f, display, r.color) else { continue };
                    let name = if same_metric {
                        ds.name("scope", &f.scope, self.lang)
                    } else {
                        ds.name("metric", &f.metric, self.lang)
                    };
                    let label = if same_metric && same_scope {
                        mark.period.clone()
                    } else if same_period {
                        name.to_string()
                    } else {
                        format!("{name} · {}", mark.period)
                    };
                    let total =
                        r.of.and_then(|id| ds.figure(id)).and_then(|t| self.mark(t, display, r.color));
                    let inner = r
                        .inner
                        .iter()
                        .filter_map(|id| ds.figure(id))
                        .filter_map(|g| {
                            let m = self.mark(g, display, r.color)?;
                            let kind =
                                if g.scope == f.scope { ("metric", &g.metric) } else { ("scope", &g.scope) };
                            Some((ds.name(kind.0, kind.1, self.lang).to_string(), m))
                        })
                        .collect();
                    let conflicts = r
                        .conflicts
                        .iter()
                        .filter_map(|id| ds.figure(id))
                        .filter_map(|g| self.mark(g, display, r.color))
                        .collect();
                    out.push(BarRow { label, mark, total, inner, conflicts });
                }
                let max = out
                    .iter()
                    .flat_map(|r| {
                        std::iter::once(r.mark.value)
                            .chain(r.total.iter().map(|t| t.value))
                            .chain(r.conflicts.iter().map(|c| c.value))
                    })
                    .fold(0.0, f64::max);
                PanelModel::Bars { title, unit: unit_label, rows: out, x: Scale::zero_based(max, 4) }
            }
            PanelSpec::DotRows { title, unit, rows } => {
                let (title, unit_label) = self.title(*title, *unit);
                let ds = self.ds;
                // The rows share the mark budget.
                let budget = (MAX_MARKS / rows.len().max(1)).max(2);
                let (mut shown, mut total) = (0, 0);
                let mut out = Vec::new();
                for s in rows {
                    let mut figs: Vec<&Figure> =
                        ds.select(s.metric, s.scope).filter(|f| f.value_in(*unit).is_some()).collect();
                    sort_by_period(&mut figs);
                    // Thinned along the value axis: the spread of the dots and both ends survive.
                    let vv: Vec<(f64, f64, bool)> = figs
                        .iter()
                        .map(|f| (f.value_in(*unit).unwrap_or(0.0), !f.is_user()))
                        .map(|(v, published)| (v, v, published))
                        .collect();
                    let (lo, hi) = value_range(&vv);
                    let keep = thin(&vv, lo, hi, budget);
                    total += figs.len();
                    shown += keep.len();
                    let marks: Vec<Mark> = keep
                        .iter()
                        .filter_map(|&i| figs.get(i))
                        .filter_map(|&f| self.mark(f, *unit, s.color))
                        .collect();
                    out.push(DotRow { label: self.series_name(s), marks });
                }
                PanelModel::DotRows {
                    title,
                    unit: unit_label,
                    rows: out,
                    x: Scale::fixed(0.0, 100.0, 25.0),
                    thinned: Thinned::of(shown, total),
                }
            }
            PanelSpec::Matrix { title, groups, columns } => {
                let ds = self.ds;
                let (mut shown, mut total) = (0, 0);
                let mut rows = Vec::new();
                // The spec's 片区 with their zones, then a row for each scope an import brought.
                let groups: Vec<(&str, Vec<&str>)> = groups
                    .iter()
                    .map(|g| (g.scope, g.members.clone()))
                    .chain(imported_scopes(ds).map(|k| (k, Vec::new())))
                    .collect();
                for (scope, members) in &groups {
                    let scopes: Vec<&str> = std::iter::once(*scope).chain(members.iter().copied()).collect();
                    let mut cells = Vec::new();
                    let mut counts = Vec::new();
                    for c in columns {
                        let mut entries = Vec::new();
                        let mut count = 0;
                        for f in ds.figures.iter().filter(|f| {
                            c.metrics.contains(&f.metric.as_str()) && scopes.contains(&f.scope.as_str())
                        }) {
                            count += 1;
                            if entries.len() >= MAX_CELL {
                                continue;
                            }
                            let display = display_unit(f.unit, self.lang);
                            if let Some(m) = self.mark(f, display, 0) {
                                let zone = ds.name("scope", &f.scope, self.lang).to_string();
                                let label =
                                    self.tagged(format::figure_value(f, self.lang, format::Style::Full), f);
                                entries.push((zone, Mark { label, ..m }));
                            }
                        }
                        shown += entries.len();
                        total += count;
                        cells.push(entries);
                        counts.push(count);
                    }
                    rows.push(MatrixRow {
                        label: ds.name("scope", scope, self.lang).to_string(),
                        cells,
                        counts,
                    });
                }
                PanelModel::Matrix {
                    title: title.t(self.lang).to_string(),
                    columns: columns.iter().map(|c| c.name.t(self.lang).to_string()).collect(),
                    rows,
                    thinned: Thinned::of(shown, total),
                }
            }
            PanelSpec::SideBySide { title, scopes, metrics } => {
                let ds = self.ds;
                let lang = self.lang;
                // The spec's 片区, then any scope an imported file brought (a linked innovation
                // zone, a district), in the order the files named them.
                let scopes: Vec<(&str, usize)> = scopes
                    .iter()
                    .map(|s| (s.scope, s.color))
                    .chain(imported_scopes(ds).map(|k| (k, 0)))
                    .collect();
                // The latest figure of each metric for each scope, in one pass over the dataset;
                // metrics in the order they first appear.
                let mut found: Vec<&str> = Vec::new();
                let mut latest: HashMap<&str, Vec<Option<&Figure>>> = HashMap::new();
                for f in &ds.figures {
                    let Some(si) = scopes.iter().position(|s| s.0 == f.scope) else { continue };
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
                    let Some(first) = figs.iter().flatten().find(|f| f.unit.dimension() == *dim) else {
                        continue;
                    };
                    let display = shared_unit(first.unit, lang);
                    let mut slots = Vec::new();
                    for (s, f) in scopes.iter().zip(figs) {
                        let value = match f {
                            None => {
                                self.gaps = true;
                                SlotValue::NoData
                            }
                            Some(f) => match self.mark(f, display, s.1) {
                                Some(m) => SlotValue::Bar(m),
                                None => {
                                    let own = shared_unit(f.unit, lang);
                                    let full = format::figure_value(f, lang, format::Style::Full);
                                    let label = self.tagged(full, f);
                                    self.mark(f, own, s.1)
                                        .map_or(SlotValue::NoData, |m| SlotValue::Apart(Mark { label, ..m }))
                                }
                            },
                        };
                        slots.push(Slot {
                            scope: ds.name("scope", s.0, lang).to_string(),
                            color: s.1,
                            value,
                        });
                    }
                    let drawn: Vec<&Mark> = slots
                        .iter()
                        .filter_map(|s| match &s.value {
                            SlotValue::Bar(m) | SlotValue::Apart(m) => Some(m),
                            SlotValue::NoData => None,
                        })
                        .collect();
                    let same = drawn.windows(2).all(|w| w[0].period == w[1].period);
                    let period = drawn.first().filter(|_| same).map(|m| m.period.clone());
                    let max = slots
                        .iter()
                        .filter_map(|s| match &s.value {
                            SlotValue::Bar(m) => Some(m.value),
                            _ => None,
                        })
                        .fold(0.0, f64::max);
                    multiples.push(Multiple {
                        name: ds.name("metric", metric, lang).to_string(),
                        unit: axis_unit(display, lang).to_string(),
                        x: Scale::zero_based(max, 3),
                        slots,
                        period,
                    });
                }
                let missing = metrics
                    .iter()
                    .filter(|m| !latest.contains_key(*m))
                    .map(|m| ds.name("metric", m, lang).to_string())
                    .collect();
                PanelModel::SideBySide { title: title.t(lang).to_string(), multiples, missing }
            }
        }
    }
}

/// Keys of the scopes imported files brought (not in the dictionary), in the order named.
fn imported_scopes(ds: &Dataset) -> impl Iterator<Item = &str> {
    ds.terms.iter().filter(|t| t.imported && t.kind == "scope").map(|t| t.key.as_str())
}

/// Orders figures by period, earliest first, undated last (stable: file order breaks ties).
/// A small bottom-up merge sort: O(n log n) for large imports, and it keeps the standard
/// library's sort (about 3 KB of wasm) out of the page. Keys are computed once; input that is
/// already in order (imports usually are) costs one comparison per figure.
fn sort_by_period(figs: &mut Vec<&Figure>) {
    let keyed: Vec<((i32, f64), &Figure)> = figs.iter().map(|f| (f.period.sort_key(), *f)).collect();
    if keyed.windows(2).all(|w| w[0].0 <= w[1].0) {
        return;
    }
    let mut keyed = keyed;
    let mut width = 1;
    while width < keyed.len() {
        let mut merged: Vec<((i32, f64), &Figure)> = Vec::with_capacity(keyed.len());
        for start in (0..keyed.len()).step_by(2 * width) {
            let mid = (start + width).min(keyed.len());
            let end = (start + 2 * width).min(keyed.len());
            let (mut i, mut j) = (start, mid);
            while i < mid || j < end {
                let take_left = j >= end || (i < mid && keyed[i].0 <= keyed[j].0);
                merged.push(if take_left { keyed[i] } else { keyed[j] });
                if take_left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        keyed = merged;
        width *= 2;
    }
    *figs = keyed.into_iter().map(|(_, f)| f).collect();
}

fn source_line(ds: &Dataset, keys: &[String], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for k in keys {
        let Some(part) = source_name(ds, k, lang) else { continue };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    match lang {
        Lang::Zh => format!("{}：{}", Text::SourceLabel.t(lang), parts.join("；")),
        Lang::En => format!("{}: {}", Text::SourceLabel.t(lang), parts.join("; ")),
    }
}

/// GB/T 7714-style references for electronic resources: `[n] 责任者. 题名[EB/OL]. (日期).`
/// An imported file is cited by its name only (`[2] 导入文件 regions.csv.`): it has no publisher,
/// title or date, and it is not an online resource.
fn citation(ds: &Dataset, keys: &[String]) -> String {
    let refs: Vec<String> = keys
        .iter()
        .filter_map(|k| {
            if k.starts_with(USER_SOURCE_PREFIX) {
                return source_name(ds, k, Lang::Zh).map(|name| format!("{name}."));
            }
            let s = ds.source(k)?;
            let publisher = s.publisher.split(" (").next().unwrap_or(&s.publisher).trim();
            let date = if s.date.is_empty() { String::new() } else { format!(" ({}).", s.date) };
            Some(format!("{publisher}. {}[EB/OL].{date}", s.title.trim()))
        })
        .enumerate()
        .map(|(i, r)| format!("[{}] {r}", i + 1))
        .collect();
    format!("{}：{}", Text::SourceLabel.t(Lang::Zh), refs.join(" "))
}

fn legend(
    ds: &Dataset,
    panels: &[PanelModel],
    figures: &[String],
    gaps: bool,
    lang: Lang,
) -> Vec<LegendItem> {
    let mut items = Vec::new();
    for p in panels {
        if let PanelModel::Columns { series, .. } = p {
            if series.len() > 1 {
                for s in series {
                    let item = LegendItem { glyph: Glyph::Series(s.color), label: s.name.clone() };
                    if !items.contains(&item) {
                        items.push(item);
                    }
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Period;

    #[test]
    fn thinning_keeps_the_lowest_and_highest_of_each_interval_in_order() {
        // 100 imported items over positions 0..100, values going up and down; at most 10 kept:
        // 5 intervals of 20 positions, the lowest and the highest of each.
        let items: Vec<(f64, f64, bool)> =
            (0..100).map(|i| (f64::from(i), f64::from((i * 37) % 101), false)).collect();
        let kept = thin(&items, 0.0, 100.0, 10);
        assert_eq!(kept.len(), 10);
        assert!(kept.windows(2).all(|w| w[0] < w[1]), "input order");
        for k in 0..5 {
            let range = k * 20..(k + 1) * 20;
            let vals = |i: &usize| items[*i].1;
            let lo = range.clone().min_by(|a, b| vals(a).total_cmp(&vals(b))).unwrap_or(0);
            let hi = range.clone().max_by(|a, b| vals(a).total_cmp(&vals(b))).unwrap_or(0);
            assert!(kept.contains(&lo) && kept.contains(&hi), "interval {k}: {lo}, {hi} in {kept:?}");
        }
        // Published items are always kept; at or under the maximum nothing is dropped.
        let mut with_published = items.clone();
        with_published[50].2 = true;
        assert!(thin(&with_published, 0.0, 100.0, 10).contains(&50));
        assert_eq!(thin(&items, 0.0, 100.0, 100), (0..100).collect::<Vec<_>>());
        // One position, equal values: one item stands for them all.
        assert_eq!(thin(&[(1.0, 5.0, false); 4], 1.0, 1.0, 2), [0]);
    }

    #[test]
    fn the_side_by_side_panel_prefers_dated_and_later_figures() {
        let ds = Dataset::embedded().unwrap_or_default();
        let f = |id: &str| ds.figure(id).map(recency);
        // Cumulative to Apr 2019 is later than as of Mar 2017.
        assert!(f("liangjiang_market_entities") > f("area_liangjiang"));
        // An undated figure is older than any dated one.
        assert!(f("trade_share_undated") < f("area_liangjiang"));
    }

    #[test]
    fn sorting_by_period_is_stable_and_puts_undated_last() {
        let ds = Dataset::embedded().unwrap_or_default();
        let mut figs: Vec<&Figure> = ds.figures.iter().rev().collect();
        sort_by_period(&mut figs);
        let keys: Vec<(i32, f64)> = figs.iter().map(|f| f.period.sort_key()).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "not sorted");
        assert!(figs.last().is_some_and(|f| f.period.year_unknown()));
        // Stable: figures with equal periods keep their (here reversed) order.
        let same: Vec<&str> =
            figs.iter().filter(|f| f.period == Period::Year(2023)).map(|f| f.id.as_str()).collect();
        let expected: Vec<&str> = ds
            .figures
            .iter()
            .rev()
            .filter(|f| f.period == Period::Year(2023))
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(same, expected);
        assert!(same.len() > 3);
    }
}
