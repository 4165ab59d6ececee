//! FTZ Atlas (重庆自贸试验区数据图鉴): sourced charts of the China (Chongqing) Pilot Free
//! Trade Zone, drawn in the browser from a dataset embedded in the app.
//!
//! # Data flow
//!
//! ```text
//! assets/data/{figures,sources,dictionary}.csv ──include_str!──▶ data::Dataset::parse
//!   FigureRow (text) ──validate──▶ Figure (typed; derived values computed from formulas)
//!   + the reader's files (CSV, JSON, .xlsx) ──data::import (in steps)──▶ data::merge ──▶ Dataset
//!                                        │
//! chart::catalog::all() ─▶ ChartSpec ────┤ chart::build(&Dataset, &spec, Lang)
//!                                        ▼
//!        ChartModel (panels of typed marks: base values, units, qualifiers, periods; legend; sources)
//!                                        │ chart::ChartLayout (one layout pass) ─▶ marks ─▶ paint
//!      ┌───────────────┬─────────────────┼──────────────────┬──────────────────────┐
//!  web::canvas     render::svg      office::deck → pptx   prerender (release    finder / export
//!  (page, DPR)     (SVG export,     (native charts +      build: the HTML       (search, CSV,
//!                   snapshots)       embedded .xlsx)      with every chart)      JSON, citations)
//! ```
//!
//! The core (everything but `web`) has no `web-sys` and is tested natively with `cargo test`;
//! In the page, `office::wire` encodes the deck and the PowerPoint writer runs as a wasm module of
//! its own (`office-wasm/`, fetched on first use), so the page does not carry it.
//! `state` holds the page state as a pure reducer (`State`, `Action`, `reduce`) and `url` derives
//! the address from it. Modules import only downward — `lang` → `data` → `format`/`i18n` →
//! `chart` → outputs (`render`, `office`, `export`, `finder`, `prerender`) → `state`/`url` →
//! `web` — which `tests/layers.rs` checks. The browser shell (`web`: components, hooks, canvas,
//! downloads, storage) exists only on `wasm32`. No code on a data or user-input path panics:
//! problems become [`data::Issue`]s or error values that the page shows.

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

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use web::components::app::App;
