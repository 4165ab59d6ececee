//! FTZ Atlas (重庆自贸试验区数据图鉴): sourced charts of the China (Chongqing) Pilot Free
//! Trade Zone, drawn in the browser from a dataset embedded in the app.
//!
//! # Data flow
//!
//! ```text
//! assets/data/{figures,sources,dictionary}.csv ──include_str!──▶ data::Dataset::parse
//!      FigureRow (text) ──validate──▶ Figure (typed; derived values computed from formulas)
//!                                        │
//! chart::catalog::all() ─▶ ChartSpec ────┤ chart::build(&Dataset, &spec, Lang)
//!                                        ▼
//!                                   ChartModel (marks, labels, scales, legend, sources)
//!                          ┌─────────────┼──────────────────────────┐
//!     chart::draw::<CanvasBackend>   chart::draw::<SVGBackend>   source notes / figures list
//!     (web::canvas, page, DPR)       (render::svg: exports, snapshot tests)
//! ```
//!
//! The core (`data`, `chart`, `format`, `i18n`, `url`, `state`, `render::svg`) has no `web-sys`
//! and is tested natively with `cargo test`; `state` holds the page state as a pure reducer. The
//! browser shell (`web`: components, hooks, canvas, downloads, storage) exists only on `wasm32`.
//! No code on a data or user-input path panics: problems become [`data::Issue`]s or error values
//! that the page shows.

pub mod chart;
pub mod data;
pub mod export;
pub mod finder;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod office;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod render;
pub mod shared;
pub mod state;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub use web::components::app::App;
