//! Office files: PowerPoint decks whose charts are native, editable charts with their data in an
//! embedded workbook. Pure Rust, no `web-sys`; tested natively and read back with python-pptx and
//! LibreOffice (`tests/office/`).
//!
//! ```text
//! Deck { slides: [Slide { title, subtitle, body: Chart(NativeChart) | Picture(png) | Lines }] }
//!   ──pptx::write──▶ .pptx (zip::Zip of stored XML parts)
//!        ├─ ppt/slides/slideN.xml      text boxes, the chart frame (alt text = the description)
//!        ├─ ppt/charts/chartN.xml      chart_xml::chart_xml (cached values = workbook cells)
//!        └─ ppt/embeddings/*.xlsx      xlsx::workbook (Data and Figures sheets)
//! ```
//! What a chart means is decided above this module (`crate::export::deck` turns chart models
//! into a [`Deck`]); here it is only written down the way office suites read it.

pub mod chart_xml;
pub mod deck;
mod parts;
pub mod pptx;
pub mod wire;
pub mod xlsx;
pub mod xml;
pub mod zip;

use crate::chart::theme::Rgb;

/// A deck: its slides, in the colours of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub title: String,
    /// Language tag of the text (`zh-CN`, `en-US`).
    pub lang: String,
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub slides: Vec<Slide>,
}

/// One 16:9 slide: a title and subtitle at the top, the body, and lines of small print below.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub title: String,
    pub subtitle: String,
    pub body: Body,
    /// Small print under the body: the key to the marks, the source line, the address.
    pub footer: Vec<String>,
    /// The body's content in words (`p:cNvPr/@descr`), for screen readers.
    pub alt: String,
}

/// What a slide shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A native chart with its workbook.
    Chart(NativeChart),
    /// The exact picture (PNG), where a native chart would misrepresent the panel.
    Picture { png: Vec<u8>, width: u32, height: u32 },
    /// Paragraphs of text (a title slide, the sources).
    Lines(Vec<String>),
}

/// Which native chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Clustered vertical columns.
    Columns,
    /// Clustered horizontal bars, first category at the top.
    Bars,
    /// Markers on categories, no connecting line (statements at dates).
    Points,
}

/// A native chart: categories, series of points on one value axis, and the figures behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct NativeChart {
    pub kind: Kind,
    /// Header of the workbook's category column.
    pub category_title: String,
    pub categories: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// The value axis title: the unit the values are in (`亿元`, `CNY bn`).
    pub axis_title: String,
    /// A fixed top of the value axis (100 for a share), or automatic.
    pub max: Option<f64>,
    /// Rows of the workbook's Figures sheet, the first being its header.
    pub figures: Vec<Vec<String>>,
}

/// A series: one value (or a gap) per category.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub name: String,
    pub color: Rgb,
    pub points: Vec<Option<Point>>,
}

/// One drawn value, in the axis unit, with its label as the chart shows it (`超60%`).
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub value: f64,
    pub label: String,
    pub style: PointStyle,
}

/// How a point differs from its series' plain look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PointStyle {
    /// Derived from other figures: pattern fill.
    pub hatched: bool,
    /// Part of a year: dashed outline.
    pub dashed: bool,
    /// A bound (more than / less than): outline only.
    pub hollow: bool,
}
