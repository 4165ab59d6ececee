//! Panels: one module per kind, each owning its build from the spec, its layout, its painting
//! and its description. They are registered in one place, `panel_kinds!` below: a new kind is
//! its own file, its `mod` line and one line there.
//!
//! Every panel is framed the same way: its heading (title and unit), an optional note (a
//! thinned panel says how many figures it shows), then its body, laid out by the kind.

pub mod bars;
pub mod columns;
pub mod dots;
pub mod matrix;
pub mod scope_series;
pub mod side_by_side;
pub mod timeline;

use super::describe::Describer;
use super::geom::{Body, Rect};
use super::mark::{Builder, Series};
use super::paint::{Ink, Painter, Style};
use super::sink::DrawError;
use super::spec::names_its_unit;
use super::text::{leading, Block};
use super::theme;
use crate::data::Unit;
use crate::format::axis_unit;
use crate::i18n::{Lang, Text};

/// A panel's heading: its title, the unit of its scale (named after the title), and the note
/// under it (a thinned panel's count).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub title: Text,
    pub unit: Option<Unit>,
    pub note: Option<String>,
}

/// One kind of panel.
pub trait PanelKind: Sized {
    /// What the catalog specifies.
    type Spec;
    /// Every box of the panel's body, computed once; painting reads it.
    type Layout;
    /// The panel's model from its spec and the dataset.
    fn build(b: &mut Builder<'_>, spec: &Self::Spec) -> Self;
    /// The panel's heading.
    fn heading(&self, lang: Lang) -> Heading;
    /// The named series (legend entries).
    fn series(&self) -> &[Series] {
        &[]
    }
    /// Lays the body out in `body`: its boxes, and the height they take.
    fn layout(&self, body: Body, lang: Lang) -> (Self::Layout, f64);
    /// Paints the body into its layout.
    fn paint(&self, p: &Painter, layout: &Self::Layout, lang: Lang) -> Result<(), DrawError>;
    /// The panel's content in sentences (joined by the chart's description).
    fn describe(&self, d: &Describer) -> Vec<String>;
}

/// Registers the panel kinds: the spec, model and layout enums and their dispatch.
macro_rules! panel_kinds {
    ($($kind:ident => $module:ident::$model:ident),* $(,)?) => {
        /// A panel of a chart, as the catalog specifies it.
        #[derive(Debug, Clone, PartialEq)]
        pub enum PanelSpec {
            $($kind(<$module::$model as PanelKind>::Spec),)*
        }

        /// A panel, ready to lay out and draw.
        #[derive(Debug, Clone, PartialEq)]
        pub enum PanelModel {
            $($kind($module::$model),)*
        }

        /// The layout of a panel's body.
        #[derive(Debug, Clone, PartialEq)]
        pub enum BodyLayout {
            $($kind(<$module::$model as PanelKind>::Layout),)*
        }

        /// Builds the model of one panel.
        pub fn build(b: &mut Builder<'_>, spec: &PanelSpec) -> PanelModel {
            match spec {
                $(PanelSpec::$kind(s) => PanelModel::$kind($module::$model::build(b, s)),)*
            }
        }

        impl PanelModel {
            pub fn heading(&self, lang: Lang) -> Heading {
                match self { $(PanelModel::$kind(p) => p.heading(lang),)* }
            }
            pub fn series(&self) -> &[Series] {
                match self { $(PanelModel::$kind(p) => p.series(),)* }
            }
            pub fn describe(&self, d: &Describer) -> Vec<String> {
                match self { $(PanelModel::$kind(p) => p.describe(d),)* }
            }
            fn body_layout(&self, body: Body, lang: Lang) -> (BodyLayout, f64) {
                match self {
                    $(PanelModel::$kind(p) => {
                        let (l, h) = p.layout(body, lang);
                        (BodyLayout::$kind(l), h)
                    })*
                }
            }
            fn paint_body(&self, p: &Painter, layout: &BodyLayout, lang: Lang) -> Result<(), DrawError> {
                match (self, layout) {
                    $((PanelModel::$kind(m), BodyLayout::$kind(l)) => m.paint(p, l, lang),)*
                    // Only if a layout were painted with another panel's model.
                    _ => Err(DrawError("a panel laid out as another kind".into())),
                }
            }
        }
    };
}

panel_kinds! {
    Columns => columns::Columns,
    Timeline => timeline::Timeline,
    Bars => bars::Bars,
    DotRows => dots::DotRows,
    Matrix => matrix::Matrix,
    SideBySide => side_by_side::SideBySide,
    ScopeSeries => scope_series::ScopeSeries,
}

/// A panel's heading text with its unit: "Share of … (%)"; a title that names its unit
/// already (see `spec::names_its_unit`) stands alone.
pub fn heading_text(h: &Heading, lang: Lang) -> String {
    let title = h.title.t(lang);
    let unit = h.unit.filter(|_| !names_its_unit(h.title, lang)).map_or("", |u| axis_unit(u, lang));
    if unit.is_empty() {
        title.to_string()
    } else {
        match lang {
            Lang::Zh => format!("{title}（{unit}）"),
            Lang::En => format!("{title} ({unit})"),
        }
    }
}

/// A panel, laid out: its heading and note from `top`, its body, and where the next begins.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelBox {
    pub top: f64,
    pub heading: Block,
    pub note: Block,
    /// The body's box: `y1` is where the body ends.
    pub body: Rect,
    pub layout: BodyLayout,
    /// The panel's bottom, with the space under it.
    pub bottom: f64,
}

/// Lays `p` out between `x0` and `x1` from `top`.
pub fn layout(p: &PanelModel, x0: f64, x1: f64, top: f64, lang: Lang) -> PanelBox {
    // Space between the heading (and note) and the body, and under the body.
    const HEADING_GAP: f64 = 8.0;
    const PANEL_GAP: f64 = 8.0;
    let w = x1 - x0;
    let h = p.heading(lang);
    let heading = Block::wrapped(&heading_text(&h, lang), theme::PANEL_TITLE_SIZE, w, leading::PANEL_TITLE);
    let note = Block::wrapped(h.note.as_deref().unwrap_or_default(), theme::SMALL_SIZE, w, leading::BODY);
    let body_top = top + heading.height() + note.height() + HEADING_GAP;
    let (layout, height) = p.body_layout(Body { x0, x1, top: body_top }, lang);
    let body = Rect::new(x0, body_top, x1, body_top + height);
    PanelBox { top, heading, note, body, layout, bottom: body.y1 + PANEL_GAP }
}

/// Paints `p` into its box.
pub fn paint(p: &PanelModel, b: &PanelBox, painter: &Painter, lang: Lang) -> Result<(), DrawError> {
    let title = Style::new(theme::PANEL_TITLE_SIZE, Ink::Text).bold();
    let y = painter.lines(b.body.x0, b.top, &b.heading.lines, b.heading.leading, title)?;
    painter.lines(b.body.x0, y, &b.note.lines, b.note.leading, Style::new(theme::SMALL_SIZE, Ink::Muted))?;
    p.paint_body(painter, &b.layout, lang)
}
