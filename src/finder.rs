//! The figure finder's core (issue 14): an index over every figure of a [`Dataset`], published
//! and imported, searchable in both languages; filters, sorting and a citation per figure.
//!
//! Pure, no browser code: the page builds an [`Index`] when the dataset changes and calls
//! [`find`] as the reader types.
//!
//! # Matching
//!
//! A figure's searchable text is, in Chinese and in English: its metric's and scope's names,
//! its period in words, its value as written (sentence and label forms; a derived value as
//! [`format::derived_value`] shows it), its source's title and publisher (an imported
//! figure's file name and what the file says it cites) and its id. Text and query are
//! [`normalize`]d alike: case folded, full-width ASCII forms (U+FF01–U+FF5E, `ＦＤＩ`, `％`)
//! read as their half-width forms, spaces (U+3000 too) and thousands separators dropped, so
//! `新 能源` finds 新能源, `ＦＤＩ` what `fdi` finds and `27000` the 27,000 vehicles. A query's words (split at spaces) must all match (AND).

use std::collections::HashSet;

use crate::chart::{build, catalog, ChartId};
use crate::data::{Dataset, Date, Dimension, Figure, Qualifier, Source, IMPORTED_SOURCE_PREFIX};
use crate::format::{self, Style};
use crate::i18n::{fill, Lang, Text};

/// Separates a figure's fields in its searchable text, so no word matches across two fields
/// (no query word contains it: [`normalize`] removes it).
const FIELD_BREAK: char = '\u{1F}';

/// Text as the finder compares it: lower case, full-width ASCII forms as half-width
/// (`ＦＤＩ％` → `fdi%`), the ideographic space as a space, every space removed, and thousands
/// separators between digits dropped (`27,000` → `27000`, so either finds the other).
pub fn normalize(text: &str) -> String {
    let half = |c: char| match u32::from(c) {
        u @ 0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    // One pass, no intermediate buffer: the index normalizes every figure's text (100,000
    // imported figures included).
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().map(half).peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        // A thousands separator between digits (`27,000`) is not typed by everyone: dropped.
        let separator = c == ','
            && prev.is_some_and(|p| p.is_ascii_digit())
            && chars.peek().is_some_and(char::is_ascii_digit);
        prev = Some(c);
        if separator || c.is_whitespace() || c == FIELD_BREAK {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The words of a query, [`normalize`]d: split at spaces (half- or full-width), empty ones
/// dropped.
pub fn words(query: &str) -> Vec<String> {
    query
        .split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The texts a figure is found by, in both languages, as the reader reads them (not yet
/// normalized).
pub fn searchable(f: &Figure, ds: &Dataset) -> Vec<String> {
    let mut out = vec![f.id.clone()];
    for lang in [Lang::Zh, Lang::En] {
        out.push(ds.name("metric", &f.metric, lang).to_string());
        out.push(ds.name("scope", &f.scope, lang).to_string());
        out.push(format::period(&f.period, lang));
        for style in [Style::Full, Style::Label] {
            out.push(format::derived_value(f, ds, lang, style));
        }
        if f.is_imported() {
            out.push(imported_name(ds, f, lang));
        }
    }
    if let Some(s) = ds.source(&f.source) {
        out.push(s.title.clone());
        out.push(s.publisher.clone());
    }
    if !f.cited.is_empty() {
        out.push(f.cited.clone());
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// Every figure of a dataset with its normalized searchable text, in dataset order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    entries: Vec<(String, String)>,
}

impl Index {
    /// Indexes every figure of `ds` (published, derived and imported).
    pub fn new(ds: &Dataset) -> Index {
        let mut index = Index::empty();
        while !index.step(ds, usize::MAX) {}
        index
    }

    /// An index of nothing yet, to be filled by [`Index::step`].
    pub fn empty() -> Index {
        Index { entries: Vec::new() }
    }

    /// Indexes the next `max` figures of `ds` (the page does it in steps, between which it
    /// paints and answers input); true once every figure is indexed.
    pub fn step(&mut self, ds: &Dataset, max: usize) -> bool {
        let from = self.entries.len();
        let to = from.saturating_add(max).min(ds.figures.len());
        for f in ds.figures.get(from..to).unwrap_or_default() {
            let text: Vec<String> = searchable(f, ds).iter().map(|t| normalize(t)).collect();
            self.entries.push((f.id.clone(), text.join(&FIELD_BREAK.to_string())));
        }
        self.entries.len() >= ds.figures.len()
    }

    /// How many figures are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no figure is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The normalized searchable text of a figure.
    pub fn text(&self, id: &str) -> Option<&str> {
        self.entries.iter().find(|(i, _)| i == id).map(|(_, t)| t.as_str())
    }

    /// Ids of the figures whose text contains every word of `query`, in dataset order; every
    /// figure for a query without words.
    pub fn search(&self, query: &str) -> Vec<&str> {
        let words = words(query);
        self.entries
            .iter()
            .filter(|(_, text)| words.iter().all(|w| text.contains(w.as_str())))
            .map(|(id, _)| id.as_str())
            .collect()
    }
}

/// Which figures to keep besides the query. Every field unset keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The figures of a chart (or any set of ids): see [`chart_figures`].
    pub figures: Option<Vec<String>>,
    /// A scope key (`ftz`, `liangjiang`, an imported scope).
    pub scope: Option<String>,
    pub qualifier: Option<Qualifier>,
}

impl Filter {
    /// True when `f` passes every set field. (For many figures, [`find`] looks the ids up in a
    /// set instead.)
    pub fn keeps(&self, f: &Figure) -> bool {
        self.figures.as_ref().is_none_or(|ids| ids.contains(&f.id)) && self.keeps_but_figures(f)
    }

    fn keeps_but_figures(&self, f: &Figure) -> bool {
        self.scope.as_ref().is_none_or(|s| *s == f.scope) && self.qualifier.is_none_or(|q| q == f.qualifier)
    }
}

/// The order of a finder's results. Ties keep dataset order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// As the dataset lists them (imports last).
    #[default]
    Dataset,
    /// By the metric's name in the reader's language, then period.
    Metric,
    /// By period ([`crate::data::Period::sort_key`]): earliest first, undated last.
    Period,
    /// By value, smallest first, within each kind of quantity (money, vehicles, counts, areas,
    /// shares, growth rates, in that order): values of different kinds do not compare.
    Value,
    /// By the source's publisher, then its date and title (imported files by file name),
    /// then period.
    Source,
}

/// Sorts figures (stable: ties keep their order).
pub fn sort(ds: &Dataset, figures: &mut [&Figure], by: Sort, lang: Lang) {
    let period = |a: &Figure, b: &Figure| {
        let (x, y) = (a.period.sort_key(), b.period.sort_key());
        x.0.cmp(&y.0).then(x.1.total_cmp(&y.1))
    };
    match by {
        Sort::Dataset => {}
        Sort::Metric => figures.sort_by(|a, b| {
            ds.name("metric", &a.metric, lang).cmp(ds.name("metric", &b.metric, lang)).then(period(a, b))
        }),
        Sort::Period => figures.sort_by(|a, b| period(a, b)),
        Sort::Value => figures.sort_by(|a, b| {
            dimension_rank(a.unit.dimension())
                .cmp(&dimension_rank(b.unit.dimension()))
                .then(a.base_value().total_cmp(&b.base_value()))
        }),
        Sort::Source => {
            figures.sort_by(|a, b| source_key(ds, a, lang).cmp(&source_key(ds, b, lang)).then(period(a, b)))
        }
    }
}

fn dimension_rank(d: Dimension) -> u8 {
    match d {
        Dimension::Yuan => 0,
        Dimension::Usd => 1,
        Dimension::Vehicles => 2,
        Dimension::Count => 3,
        Dimension::Area => 4,
        Dimension::Ratio => 5,
        Dimension::Growth => 6,
    }
}

/// What [`Sort::Source`] orders by: publisher, date, title (an imported file: its name).
fn source_key(ds: &Dataset, f: &Figure, lang: Lang) -> (String, String, String) {
    if f.is_imported() {
        return (imported_name(ds, f, lang), String::new(), String::new());
    }
    match ds.source(&f.source) {
        Some(s) => (publisher(s).to_string(), s.date.clone(), s.title.trim().to_string()),
        None => (f.source.clone(), String::new(), String::new()),
    }
}

/// The figures matching `query` and `filter`, in the order `by`.
pub fn find<'d>(
    ds: &'d Dataset,
    index: &Index,
    query: &str,
    filter: &Filter,
    by: Sort,
    lang: Lang,
) -> Vec<&'d Figure> {
    let ids: Option<HashSet<&str>> = filter.figures.as_ref().map(|v| v.iter().map(String::as_str).collect());
    let mut out: Vec<&Figure> = index
        .search(query)
        .into_iter()
        .filter(|id| ids.as_ref().is_none_or(|set| set.contains(id)))
        .filter_map(|id| ds.figure(id))
        .filter(|f| filter.keeps_but_figures(f))
        .collect();
    sort(ds, &mut out, by, lang);
    out
}

/// Every chart's figure ids (what [`Filter::figures`] takes for "the figures of this chart"),
/// from the charts' models.
pub fn chart_figures(ds: &Dataset, lang: Lang) -> Vec<(ChartId, Vec<String>)> {
    ChartId::ALL.into_iter().map(|id| (id, build(ds, &catalog::spec(id), lang).figures)).collect()
}

/// A source's publisher as a citation names it: without the parenthesised detail
/// (`China Daily (govt.chinadaily.com.cn)` → `China Daily`), as the charts' source lines do.
fn publisher(s: &Source) -> &str {
    s.publisher.split(" (").next().unwrap_or(&s.publisher).trim()
}

/// `导入文件 test.csv` / `Imported file test.csv`: the file's name (its source's title, else the
/// key without its prefix).
fn imported_name(ds: &Dataset, f: &Figure, lang: Lang) -> String {
    let name = match ds.source(&f.source).map(|s| s.title.trim()) {
        Some(title) if !title.is_empty() => title,
        _ => f.source.strip_prefix(IMPORTED_SOURCE_PREFIX).unwrap_or(&f.source),
    };
    fill(Text::ImportedFile.t(lang), &[name.to_string()])
}

/// The reference for one figure's source.
///
/// * Chinese, GB/T 7714 for an electronic resource, as the charts' source lines cite (here as
///   reference `[1]`): `[1] 发布者. 题名[EB/OL]. (发布日期)[引用日期]. URL.`; the publication
///   date, the date of citation (`accessed`, which the page knows and the core does not) and the
///   URL are left out when unknown.
/// * English, publisher–date: `Publisher (YYYY-MM-DD). Title. URL` (`n.d.` without a date).
/// * An imported figure: its file, `[1] 导入文件 test.csv.` / `Imported file test.csv`: a file
///   has no publisher, title or date, and is not an online resource.
///
/// `None` when the figure's source is not in the dataset.
pub fn citation(ds: &Dataset, f: &Figure, lang: Lang, accessed: Option<&Date>) -> Option<String> {
    if f.is_imported() {
        let name = imported_name(ds, f, lang);
        return Some(match lang {
            Lang::Zh => format!("[1] {name}."),
            Lang::En => name,
        });
    }
    let s = ds.source(&f.source)?;
    let (publisher, title, url) = (publisher(s), s.title.trim(), s.url.trim());
    Some(match lang {
        Lang::Zh => {
            let mut out = format!("[1] {publisher}. {title}[EB/OL].");
            let accessed = accessed.map(Date::iso);
            if !s.date.is_empty() || accessed.is_some() {
                out.push(' ');
                if !s.date.is_empty() {
                    out.push_str(&format!("({})", s.date));
                }
                if let Some(a) = accessed {
                    out.push_str(&format!("[{a}]"));
                }
                out.push('.');
            }
            if !url.is_empty() {
                out.push_str(&format!(" {url}."));
            }
            out
        }
        Lang::En => {
            let date = if s.date.is_empty() { Text::CitationNoDate.t(lang) } else { s.date.as_str() };
            let mut out = format!("{publisher} ({date}). {title}");
            if !title.ends_with(['.', '?', '!']) {
                out.push('.');
            }
            if !url.is_empty() {
                out.push_str(&format!(" {url}"));
            }
            out
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_folds_case_width_and_spaces() {
        assert_eq!(normalize("ＦＤＩ"), "fdi");
        assert_eq!(normalize("６０％"), "60%");
        assert_eq!(normalize("新\u{3000}能源 汽车"), "新能源汽车");
        assert_eq!(normalize("Foreign-Invested"), "foreign-invested");
        assert_eq!(normalize("27,000 vehicles, 7，137.4"), "27000vehicles,7137.4");
        assert_eq!(normalize("a, 1"), "a,1");
        assert_eq!(words(" 新　能源  fdi "), vec!["新", "能源", "fdi"]);
        assert!(words("  \u{3000} ").is_empty());
    }
}
