//! Browser tier (wasm-bindgen-test in headless Chromium): the app mounts, draws every chart
//! on its canvas and marks the page ready; the language switch redraws in the other language
//! and is written to the address.
#![cfg(target_arch = "wasm32")]
// A failed step here is a failed test: expect() names the step.
#![allow(clippy::expect_used)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Lets Yew render and run effects, then yields to the browser once.
async fn settle() {
    yew::scheduler::flush().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    yew::scheduler::flush().await;
}

fn ink(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).expect("a 2d context");
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()))
        .expect("image data")
        .data();
    data.chunks(4).step_by(4).filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count()
}

#[wasm_bindgen_test]
async fn app_mounts_draws_every_chart_and_becomes_ready() {
    let root = document().create_element("div").expect("div");
    root.set_attribute("style", "width: 720px").expect("style");
    document().body().expect("body").append_child(&root).expect("append");
    yew::Renderer::<ftz_atlas::App>::with_root(root.clone()).render();
    settle().await;

    let canvases = root.query_selector_all("canvas[data-chart]").expect("query");
    assert_eq!(canvases.length(), 5);
    for i in 0..canvases.length() {
        let canvas: HtmlCanvasElement = canvases.item(i).and_then(|n| n.dyn_into().ok()).expect("canvas");
        assert!(canvas.width() >= 280 && canvas.height() > 200, "canvas {i} has no size");
        assert!(ink(&canvas) > 500, "canvas {i} is blank");
    }
    let ready = document().body().and_then(|b| b.dataset().get("ready"));
    assert_eq!(ready.as_deref(), Some("1"));

    // The switch redraws in place, in the other language (the runner's browser may start in
    // either, depending on its locale).
    let h1_before = root.query_selector("h1").ok().flatten().and_then(|h| h.text_content());
    let first: HtmlCanvasElement =
        root.query_selector("canvas").ok().flatten().and_then(|n| n.dyn_into().ok()).expect("canvas");
    let before = first.to_data_url().expect("png");
    let button: web_sys::HtmlElement =
        root.query_selector(".lang-switch").ok().flatten().and_then(|n| n.dyn_into().ok()).expect("button");
    button.click();
    settle().await;
    let h1 = root.query_selector("h1").ok().flatten().and_then(|h| h.text_content());
    let titles = [Some("FTZ Atlas"), Some("重庆自贸试验区数据图鉴")];
    assert!(titles.contains(&h1_before.as_deref()) && titles.contains(&h1.as_deref()));
    assert_ne!(h1, h1_before);
    assert_ne!(first.to_data_url().expect("png"), before);
    // The address follows the page state: the language chosen, nothing else.
    let search = web_sys::window().expect("window").location().search().expect("search");
    let lang = document().document_element().and_then(|e| e.get_attribute("lang"));
    let expected = if lang.as_deref() == Some("en") { "?lang=en" } else { "?lang=zh" };
    assert_eq!(search, expected);
}
