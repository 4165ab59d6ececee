//! Never a dead page: if the app stops (a panic, or a trap in the wasm), the reader sees a
//! message in the page's language with a way to reload. Browser only.
//!
//! Every build ends a panic in a trap (panics abort; the release build aborts at once, with no
//! hook, see `scripts/release-env.sh`), so the message cannot be written at that moment. Instead
//! `install` puts it on the page at start, hidden, once per language, and `boot.js` shows the one
//! for the page's language when the wasm traps. Builds that run the hook also log the panic.

use crate::i18n::{Lang, Text};

/// Puts the hidden messages on the page and installs the hook that logs a panic. Call before
/// rendering (Yew only installs its own hook when none is set).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("FTZ Atlas: {info}").into());
    }));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(body) = doc.body() {
        for lang in [Lang::Zh, Lang::En] {
            let Ok(banner) = doc.create_element("div") else { continue };
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
}
