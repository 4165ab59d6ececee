//! Yew components of the browser shell: one component per file. They hold no chart logic:
//! models come from `chart::build`, texts from `i18n`, drawing from `web::canvas`.

pub mod about;
pub mod app;
pub mod chart_canvas;
pub mod chart_card;
pub mod data_table;
pub mod export_menu;
pub mod headline_cards;
pub mod import_panel;
pub mod notice;
pub mod presentation;
pub mod source_notes;
pub mod switch;

use std::ops::Deref;

/// Rewrites the address's query string with `change` (current query → new query), keeping the
/// path and the fragment, without adding a history entry.
pub fn update_address(change: impl FnOnce(&str) -> String) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let query = location.search().unwrap_or_default();
    let next = change(&query);
    if next == query || (next.is_empty() && query == "?") {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{next}{hash}")),
        );
    }
}

/// The address's current query string.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}
use std::rc::Rc;

/// Shared, immutable data passed as a prop. Equal only to itself (pointer equality): models
/// and the dataset are rebuilt, never mutated, so comparing contents would only cost time and
/// code size.
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
