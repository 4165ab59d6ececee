//! The SVG backend for the one `chart::draw` routine (the canvas one is browser only, in
//! `web::canvas`).

pub mod baseline;
pub mod svg;
