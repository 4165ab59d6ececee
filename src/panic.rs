//! Never a dead page: if the app panics, the reader sees a message in the page's language with
//! a way to reload, and the panic is reported in the console. Browser only.

use crate::i18n::{Lang, Text};

/// Installs the hook. Call before rendering (Yew only installs its own when none is set).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("FTZ Atlas: {info}").into());
        show_message();
    }));
}

fn show_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let Ok(banner) = doc.create_element("div") else { return };
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "panic-banner");
    banner.set_text_content(Some(Text::PanicMessage.t(lang)));
    if let Ok(link) = doc.create_element("a") {
        let _ = link.set_attribute("href", "");
        link.set_text_content(Some(Text::Reload.t(lang)));
        let _ = banner.append_child(&link);
    }
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
