//! `ChartModel`: everything a chart draws, computed once per chart and language. Marks carry
//! numbers with their `Unit`, `Qualifier`, `Period`, scope and figure id; scales carry their
//! unit; text is laid out (ticks, periods) through `format` when the chart is drawn. Pure data;
//! no pixels. Each panel kind builds its own model (`panel/*.rs`) from what `mark.rs` holds;
//! this module puts a chart together: its panels, the legend, the details of every drawn
//! figure, the sources and the description.

use std::collections::{HashMap, HashSet};

use super::catalog::ChartSpec;
use super::describe::Describer;
pub use super::mark::{Builder, Detail, Glyph, LegendItem, Mark, Series, Thinned, MAX_CELL, MAX_MARKS};
use super::panel::{self, PanelModel};
use super::sources::{citation, imported_file_name, source_line, source_name};
use super::spec::ChartId;
use crate::data::{Dataset, Figure, Qualifier, Source};
use crate::format;
use crate::i18n::{Lang, Text};

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
    /// Keys of the imported scopes the 片区 panels match but do not draw (the other pages of
    /// the scope view): the table and the CSV/JSON exports hold their figures too, found and
    /// spelled out on demand ([`figures_of`], [`ChartModel::with_rest_details`]): 150,000 of
    /// them take longer than a frame.
    pub rest: Vec<String>,
    /// `rest` spelled out, when [`ChartModel::with_rest_details`] made them (else empty).
    pub rest_details: Vec<Detail>,
    /// The chart's content in words, for screen readers.
    pub description: String,
    /// The page address an export came from, drawn under the source line (empty on the page).
    pub address: String,
}

/// Builds the model of `spec` from `ds` in `lang`. Linear in the size of the dataset: every
/// lookup of a drawn figure goes through a hash set or map, and dense panels are thinned
/// before their marks are made.
pub fn build(ds: &Dataset, spec: &ChartSpec, lang: Lang) -> ChartModel {
    let mut steps = Steps::new(ds, spec, lang);
    while !steps.step() {}
    steps.finish()
}

/// A model built in steps, one panel a step ([`build`] runs them all at once): the page
/// breathes between them, since a panel over 150,000 figures can take longer than a frame.
pub struct Steps<'a> {
    ds: &'a Dataset,
    spec: &'a ChartSpec,
    lang: Lang,
    b: Builder<'a>,
    panels: Vec<PanelModel>,
}

impl<'a> Steps<'a> {
    pub fn new(ds: &'a Dataset, spec: &'a ChartSpec, lang: Lang) -> Steps<'a> {
        Steps { ds, spec, lang, b: Builder::new(ds, lang), panels: Vec::new() }
    }

    /// Builds the next panel; true when every panel is built.
    pub fn step(&mut self) -> bool {
        if let Some(p) = self.spec.panels.get(self.panels.len()) {
            let built = panel::build(&mut self.b, p);
            self.panels.push(built);
        }
        self.panels.len() >= self.spec.panels.len()
    }

    /// The model (the legend, the drawn figures spelled out, the sources, the description).
    pub fn finish(self) -> ChartModel {
        let Steps { ds, spec, lang, b, panels } = self;
        finish(ds, spec, lang, b, panels)
    }
}

fn finish(ds: &Dataset, spec: &ChartSpec, lang: Lang, b: Builder<'_>, panels: Vec<PanelModel>) -> ChartModel {
    // A per-scope series panel with no series (no scope gives several years) takes no room.
    let panels: Vec<PanelModel> = panels
        .into_iter()
        .filter(|p| !matches!(p, PanelModel::ScopeSeries(s) if s.metrics.is_empty()))
        .collect();
    let (figures, gaps) = b.finish();
    let rest = spec.scope_view().map(|v| rest_scopes(ds, v)).unwrap_or_default();
    let mut sources: Vec<String> = Vec::new();
    let mut known: HashSet<&str> = HashSet::new();
    for id in &figures {
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
    let legend = legend(ds, &panels, &figures, gaps, lang);
    let details: Vec<Detail> =
        figures.iter().filter_map(|id| ds.figure(id)).map(|f| detail(ds, f, lang)).collect();
    let title = spec.title.t(lang).to_string();
    let description = describe(&title, &panels, &details, lang);
    ChartModel {
        id: spec.id,
        lang,
        title,
        subtitle: spec.subtitle.t(lang).to_string(),
        panels,
        legend,
        figures,
        sources,
        source_line,
        citation,
        details,
        rest,
        rest_details: Vec::new(),
        description,
        address: String::new(),
    }
}

/// The keys of the imported scopes `view` matches but does not draw, in the view's order.
fn rest_scopes(ds: &Dataset, view: &super::spec::ScopeView) -> Vec<String> {
    super::select::shown_scopes(ds, view).rest.into_iter().map(str::to_string).collect()
}

/// The figures of `scopes` in `ds`, scope by scope in that order (one pass over the dataset).
pub fn figures_of<'d>(ds: &'d Dataset, scopes: &[String]) -> Vec<&'d Figure> {
    if scopes.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, usize> = scopes.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let mut by: Vec<Vec<&Figure>> = vec![Vec::new(); scopes.len()];
    for f in &ds.figures {
        if let Some(v) = index.get(f.scope.as_str()).and_then(|&i| by.get_mut(i)) {
            v.push(f);
        }
    }
    by.into_iter().flatten().collect()
}

/// The figures `figs` of `ds` spelled out in `lang`, for the table's rows.
pub fn details_of<'a>(ds: &Dataset, figs: impl IntoIterator<Item = &'a Figure>, lang: Lang) -> Vec<Detail> {
    figs.into_iter().map(|f| detail(ds, f, lang)).collect()
}

impl ChartModel {
    /// This model with its `rest` spelled out (for the CSV and JSON exports).
    pub fn with_rest_details(&self, ds: &Dataset) -> ChartModel {
        ChartModel { rest_details: details_of(ds, figures_of(ds, &self.rest), self.lang), ..self.clone() }
    }

    /// Every figure the exports and the table hold: the drawn ones, then the rest spelled out.
    pub fn all_details(&self) -> impl Iterator<Item = &Detail> {
        self.details.iter().chain(&self.rest_details)
    }
}

fn detail(ds: &Dataset, f: &Figure, lang: Lang) -> Detail {
    let source = ds.source(&f.source);
    let field = |get: fn(&Source) -> &String| source.map(get).cloned().unwrap_or_default();
    let mut source_title = field(|s| &s.title);
    if source_title.is_empty() && f.is_imported() {
        source_title = imported_file_name(&f.source, source).to_string();
    }
    Detail {
        figure: f.id.clone(),
        value: format::derived_value(f, ds, lang, format::Style::Full),
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
        scope_key: f.scope.clone(),
        period: format::period(&f.period, lang),
        derived: f.is_derived(),
        formula: f.formula_text.clone(),
        computation: format::computation(f, ds, lang).unwrap_or_default(),
        quote: f.quote.clone(),
        note: f.note_in(lang).to_string(),
        source_key: f.source.clone(),
        source_title,
        // An imported figure's publisher is where the reader's file says it comes from.
        publisher: if f.is_imported() { f.cited.clone() } else { field(|s| &s.publisher) },
        published: field(|s| &s.date),
        url: field(|s| &s.url),
        imported: f.is_imported(),
        source_name: source_name(ds, &f.source, lang).unwrap_or_default(),
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
    if any(&|f| f.is_imported()) {
        push(Glyph::Imported, Text::LegendImported);
    }
    items
}

/// The chart in sentences: each panel's figures with their values, qualifiers and periods,
/// what is derived or imported, and which years have no data. A thinned panel says how many
/// figures it shows of how many, and names its lowest, highest and latest rather than
/// listing a thousand values.
pub fn describe(title: &str, panels: &[PanelModel], details: &[Detail], lang: Lang) -> String {
    let d = Describer::new(details, lang);
    let end = match lang {
        Lang::Zh => "。",
        Lang::En => ". ",
    };
    let mut out = format!("{title}{end}");
    for p in panels {
        out.push_str(&format!(
            "{}{}{}{end}",
            p.heading(lang).title.t(lang),
            d.colon,
            p.describe(&d).join(d.sep)
        ));
    }
    out.trim_end().to_string()
}
