//! Backends for the one `chart::draw` routine: SVG (everywhere) and canvas (browser only).

pub mod baseline;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod svg;
