//! Never a dead page: if the app stops (a panic, or a trap in the wasm), the reader sees a
//! message in the page's language with a way to reload. Browser only.
//!
//! The release build aborts at once on a panic (no hook runs; see `scripts/release-env.sh`), so
//! the message cannot be written at that moment. Instead `install` puts it on the page at start,
//! hidden, once per language; `boot.js` shows the one for the page's language when the wasm
//! traps. Builds that do run the panic hook (tests, stable builds) show it from here as well.

use crate::i18n::{Lang, Text};

/// Puts the hidden messages on the page and installs the hook. Call before rendering (Yew only
/// installs its own hook when none is set).
pub fn install() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(body) = doc.body() {
        for lang in [Lang::Zh, Lang::En] {
            let Ok(banner) = doc.create_element("div") else { return };
            let _ = banner.set_attribute("role", "alert");
            let _ = banner.set_attribute("class", "panic-banner");
            let _ = banner.set_attribute("lang", lang.code());
            let _ = banner.set_attribute("hidden", "");
            banner.set_text_content(Some(Text::PanicMessage.t(lang)));
            if let Ok(link) = doc.create_element("a") {
                let _ = link.set_attribute("href", "");
                link.set_text_content(Some(Text::Reload.t(lang)));
                let _ = banner.append_child(&link);
            }
            let _ = body.append_child(&banner);
        }
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("FTZ Atlas: {info}").into());
        show_message();
    }));
}

/// Shows the message for the page's current language (what `boot.js` does on a trap).
fn show_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    if let Ok(Some(banner)) = doc.query_selector(&format!(".panic-banner[lang=\"{}\"]", lang.code())) {
        let _ = banner.remove_attribute("hidden");
    }
}
