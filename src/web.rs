//! The browser shell (wasm32 only): Yew components, the canvas adapter of `chart::draw`,
//! downloads, the browser storage and the panic message. The core never imports this module.

pub mod canvas;
pub mod components;
pub mod download;
pub mod panic;
pub mod storage;
