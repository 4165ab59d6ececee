//! Chart specifications: what a chart shows, as plain data. Series are chosen by metric and
//! scope, so a new year or a new figure in the dataset appears without a code change.

use crate::i18n::{Lang, Text};

/// The charts on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    TradeShare,
    NevExports,
    Innovation,
    Enterprises,
    Areas,
}

impl ChartId {
    pub const ALL: [ChartId; 5] =
        [ChartId::TradeShare, ChartId::NevExports, ChartId::Innovation, ChartId::Enterprises, ChartId::Areas];

    /// The URL / file-name slug.
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::TradeShare => "trade-share",
            ChartId::NevExports => "nev-exports",
            ChartId::Innovation => "innovation",
            ChartId::Enterprises => "enterprises",
            ChartId::Areas => "areas",
        }
    }

    /// Parses a slug.
    pub fn from_slug(slug: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// A series: every figure of one metric in one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSpec {
    /// Legend name; `None` uses the metric's name from the dictionary.
    pub name: Option<Text>,
    pub metric: &'static str,
    pub scope: &'static str,
    /// Index into the theme's series colours.
    pub color: usize,
}

/// One horizontal bar: a figure, optionally drawn against a total, with parts inside it and
/// conflicting values from other sources marked on it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowSpec {
    pub figure: &'static str,
    /// A figure the bar is a part of (`122` of `151`), drawn as a light track.
    pub of: Option<&'static str>,
    /// Figures that lie inside this one (bonded zones inside a 片区), drawn as inner segments.
    pub inner: Vec<&'static str>,
    /// Other sources' values for the same thing, drawn as ticks so conflicts stay visible.
    pub conflicts: Vec<&'static str>,
    pub color: usize,
    /// A caution under the bar: a figure that must not be read as the neighbour rows' series.
    pub caution: Option<Text>,
}

/// A 片区 and the zones that lie inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeGroup {
    pub scope: &'static str,
    pub members: Vec<&'static str>,
}

/// A column of the coverage matrix: a theme and the metrics that belong to it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixColumn {
    pub name: Text,
    pub metrics: Vec<&'static str>,
}

/// How bars of several series share a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Side by side.
    Grouped,
    /// Later series drawn inside the first (a part inside its whole).
    Nested,
}

/// A scope drawn in its own colour (a 片区 in the side-by-side panel).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeColor {
    pub scope: &'static str,
    /// Index into the theme's series colours.
    pub color: usize,
}

/// Imported scopes the 片区 panels draw unless the reader asks for more; the others are
/// counted, and the filter finds them. 40 keep the 片区 chart inside the browser's canvas limits.
pub const SHOWN_SCOPES: usize = 40;

/// The same in a narrow window (a phone): the small multiples stack there, and 40 scopes made
/// the 片区 chart 12,000 px tall at 312 px, drawn at 0.7 device pixels per CSS pixel (blurred).
pub const SHOWN_SCOPES_NARROW: usize = 15;

/// Which imported scopes the 片区 panels draw: of those matching the reader's filter (key,
/// name or file name, case folded; empty matches all), grouped by file, the page `page` of
/// `limit` scopes (the last page when there are fewer). Every page is drawn within the canvas
/// limits; the table and the exports hold every matching scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeView {
    pub filter: String,
    pub limit: usize,
    pub page: usize,
}

impl Default for ScopeView {
    fn default() -> ScopeView {
        ScopeView { filter: String::new(), limit: SHOWN_SCOPES, page: 0 }
    }
}

/// True when the panel title `t` names its unit itself in `lang` (`面积（平方公里，…）`,
/// `共151项`, `New registered enterprises`): its heading then adds none.
pub fn names_its_unit(t: Text, lang: Lang) -> bool {
    matches!(
        (t, lang),
        (Text::AreaPanelArea, _) | (Text::InnovPanelTasks, Lang::Zh) | (Text::EntPanelNew, Lang::En)
    )
}
