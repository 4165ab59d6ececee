//! Work in steps on the page's one thread: [`breathe`] between steps lets the page paint and
//! handle input; [`now`] times how long a job has run (progress shows past half a second).

use wasm_bindgen_futures::JsFuture;

/// Lets the page paint and handle input before the next step (a zero-delay timeout).
pub async fn breathe() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}
