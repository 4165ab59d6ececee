//! Charts: `ChartSpec` (what to show, as data) → `ChartModel` (numbers with their units,
//! qualifiers and periods, in one language) → `ChartLayout` (every box, at one width) →
//! `draw` (pixels on any plotters backend).
//!
//! ```text
//! catalog::all() ─▶ ChartSpec ──build(&Dataset, &spec, lang)──▶ ChartModel
//!      each PanelSpec ──panel::<kind>::build──▶ PanelModel          │
//!                                                                   ▼
//!                                   ChartLayout::new(&model, &Frame): header, legend rows,
//!                                   panel headings and bodies (panel::<kind>::layout) ─┐
//!                                          │                                            │
//!                                   height(): its bottom              draw(): paints those boxes
//!                                                                     (panel::<kind>::paint, marks)
//!   draw::<CanvasBackend> (page) ◀──── one painter over `Sink` ────▶ draw::<SVGBackend> (export, tests)
//!   ChartModel ──▶ source notes, data table, description (the same figures)
//! ```
//!
//! - `spec`, `catalog`: what each chart shows. `model`: marks, legend, details, sources;
//!   `select`: which figures a panel draws (latest, thinned); `sources`: source lines and
//!   citations; `describe`: the chart in sentences.
//! - `panel`: the registry of panel kinds; each kind (`panel/*.rs`) owns its build, layout,
//!   painting and description.
//! - `scale`: linear scales with round ticks in a `Unit`; tick labels come from `format::tick`.
//! - `layout`: the one layout pass; `text`: text widths and wrapping; `labels`: label placement.
//! - `marks`: how each qualifier and status is drawn (bars, points, arrows, gaps, legend swatches).
//! - `paint`, `sink`: the painter and the object-safe backend it draws through; `record`: a
//!   backend that records draw calls, for tests.
//!
//! Scales are computed in the model; nothing downstream derives a domain or parses a label.

pub mod axis;
pub mod catalog;
pub mod describe;
pub mod draw;
pub mod labels;
pub mod layout;
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

pub use draw::{draw, height, slide_frame};
pub use layout::{ChartLayout, Frame};
pub use model::{build, ChartModel, Mark};
pub use paint::{hit_at, Hit};
pub use panel::{PanelModel, PanelSpec};
pub use sink::DrawError;
pub use spec::{ChartId, ChartSpec};
