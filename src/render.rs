//! Backends for the one `chart::draw` routine: SVG (everywhere) and canvas (browser only).

#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod baseline;
pub mod svg;
