//! Small writes to the document outside Yew's tree: the address, the root element's attributes,
//! the readiness marks, full screen, focus.

use crate::i18n::{Lang, Text};
use crate::url::Theme;

/// The address's current query string.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Sets the address's query string (`""` or `?…`), keeping the path and the fragment, without
/// adding a history entry.
pub fn set_address(next: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let query = location.search().unwrap_or_default();
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

/// Whether the page is the embed view (one chart, filling its frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Page,
    Embed,
}

/// The root element's language, theme and layout, and the document's title.
pub fn sync_document(lang: Lang, theme: Theme, layout: Layout) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        let _ = root.set_attribute("data-theme", theme.code());
        if layout == Layout::Embed {
            let _ = root.set_attribute("data-embed", "1");
        }
    }
    doc.set_title(Text::AppTitle.t(lang));
}

/// Writes `body[data-drawn]`: finished draws, what the benchmark waits on after a redraw (a
/// redraw at the same size changes no attribute of the canvas).
pub fn mark_draws(draws: u32) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.dataset().set("drawn", &draws.to_string());
    }
}

/// Writes `body[data-ready]`: every chart the page shows has been drawn.
pub fn mark_ready() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.dataset().set("ready", "1");
    }
}

/// The app is drawn (or cannot draw): it takes the place of the prerendered page, in one go.
/// Does nothing when there is none (any more).
pub fn reveal() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(Some(host)) = doc.query_selector(".app-mounting") else { return };
    if let Ok(pre) = doc.query_selector_all("#app > .pre") {
        for i in 0..pre.length() {
            if let Some(node) = pre.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    let _ = host.remove_attribute("class");
}

/// Calls `method` on `target` and, when it returns a promise, waits on it so that a refusal is
/// handled instead of surfacing as an unhandled rejection. (web-sys types the fullscreen calls
/// as returning nothing; browsers return a promise.)
fn call_quietly(target: &wasm_bindgen::JsValue, method: &str) {
    use wasm_bindgen::JsCast;
    let function =
        js_sys::Reflect::get(target, &method.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(function) = function else { return };
    if let Ok(promise) = function.call0(target).map(js_sys::Promise::from) {
        if promise.is_instance_of::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Full screen for the presentation; best effort: the browser refuses outside a user gesture
/// (a scripted click), and the slides fill the window anyway.
pub fn enter_fullscreen() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        call_quietly(&root, "requestFullscreen");
    }
}

/// Leaves full screen, if the page is in it.
pub fn exit_fullscreen() {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            call_quietly(&doc, "exitFullscreen");
        }
    }
}

/// Opens every chart's source notes (printing shows every chart's sources).
pub fn open_source_notes() {
    let notes = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("details.source-notes").ok());
    if let Some(notes) = notes {
        for i in 0..notes.length() {
            if let Some(el) =
                notes.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            {
                let _ = el.set_attribute("open", "");
            }
        }
    }
}

/// Scrolls to the element with `id` and focuses it.
pub fn focus_element(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = element.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
