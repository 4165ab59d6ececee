//! Charts: `ChartSpec` (what to show, as data) → `ChartModel` (the numbers, labels and scales,
//! in one language) → `draw` (pixels on any plotters backend).
//!
//! ```text
//! catalog::all() ─▶ ChartSpec ──model::build(&Dataset, &spec, lang)──▶ ChartModel
//!                                                                       │
//!            draw::draw::<CanvasBackend> (page) ◀──────────────────────┼──▶ draw::draw::<SVGBackend> (export, tests)
//!                                                                       └──▶ source notes and data table (same figures)
//! ```
//! Scales are computed in the model (`scale.rs`); `draw` never derives a domain itself.

pub mod catalog;
pub mod draw;
pub mod model;
pub mod scale;
pub mod spec;
pub mod theme;

pub use draw::{draw, height, hit_at, slide_frame, DrawError, Frame, Hit};
pub use model::{build, ChartModel, Mark, PanelModel};
pub use spec::{ChartId, ChartSpec, PanelSpec};
