//! The browser shell (wasm32 only): Yew components, window hooks, the page state's reducer
//! glue, the canvas adapter of `chart::draw`, downloads, the browser storage and the panic
//! message. The core never imports this module.

pub mod canvas;
pub mod components;
pub mod deferred;
pub mod dom;
pub mod download;
pub mod hooks;
pub mod panic;
pub mod storage;
pub mod store;
pub mod tick;
