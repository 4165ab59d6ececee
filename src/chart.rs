//! Charts: `ChartSpec` (what to show, as data) → `ChartModel` (numbers with their units,
//! qualifiers and periods, in one language) → `ChartLayout` (every box, at one width) →
//! `draw` (pixels on any plotters backend).
//!
//! ```text
//! catalog::all() ─▶ ChartSpec ──build(&Dataset, &spec, lang)──▶ ChartModel ──▶ source notes, data
//!   each PanelSpec ──panel::<kind>::build──▶ PanelModel          │            table, description
//!                                                                ▼
//!              ChartLayout::new(&model, &Frame): header lines, legend entries, each panel's
//!              heading, note and body boxes (panel::<kind>::layout), source lines
//!                         │                                   │
//!              height(): the last box's bottom     draw(): paints exactly those boxes
//!                                                  (panel::<kind>::paint, marks, axis)
//!   draw::<CanvasBackend> (page) ◀── one painter, through the object-safe `Sink` ──▶ draw::<SVGBackend>
//! ```
//!
//! The model is typed: a `Mark` holds its number in base units with the panel's display
//! `Unit`, its `Qualifier`, `Period`, scope and figure id; every `Scale` has its `Unit`; panel
//! titles stay `Text` keys. Words and numbers are formatted where text is laid out: tick labels
//! by `format::tick` (through `Scale::label`), periods by `format::period`. Mark labels are made
//! by `format` when the mark is built. Scales are computed in the model; nothing downstream
//! derives a domain or parses a label.
//!
//! Modules:
//! - `spec`, `catalog`: what each chart shows. `model`: marks, legend, details and sources of a
//!   chart; `select`: which figures a panel draws (latest, thinned); `sources`: source lines and
//!   citations; `describe`: the chart in sentences.
//! - `panel`: the registry of panel kinds, one line each in `panel_kinds!`; each kind
//!   (`panel/*.rs`) owns its spec, its build, the layout of its body, its painting and its
//!   description. A new kind is its own file, its `mod` line and its registration line.
//! - `layout`: the one layout pass (and `Frame`); `text`: text widths, wrapping and line
//!   heights; `labels`: where value labels go; `axis`: the value axis columns and timelines share.
//! - `marks`: how each qualifier and status is drawn (bars, points, bound arrows, gaps, undated
//!   stems) and the legend's swatches, by the same code.
//! - `scale`: linear scales with round ticks; `theme`: colours and type sizes.
//! - `paint`: the painter's primitives and the hits; `sink`: the backend behind it; `record`: a
//!   backend that records every call, for tests.

pub mod axis;
pub mod catalog;
pub mod describe;
pub mod draw;
pub mod geom;
pub mod labels;
pub mod layout;
pub mod mark;
pub mod marks;
pub mod model;
pub mod paint;
pub mod panel;
pub mod record;
pub mod scale;
pub mod select;
pub mod sink;
pub mod sources;
pub mod spec;
pub mod text;
pub mod theme;

pub use catalog::ChartSpec;
pub use draw::{draw, draw_layout, height, slide_frame};
pub use layout::{ChartLayout, Frame};
pub use model::{build, ChartModel, Mark};
pub use paint::{hit_at, Hit};
pub use panel::{PanelModel, PanelSpec};
pub use sink::DrawError;
pub use spec::ChartId;
pub use theme::Theme;
