//! Downloads: chart images (PNG at a scale of the on-screen size, with title, subtitle, legend
//! and source line drawn in) and the chart's figures (CSV, JSON). Browser only.
//!
//! SVG is not offered in the browser yet: drawing into plotters' SVG backend here would compile
//! a second copy of the draw routine (about 10 KB gzip on a page already over its budget).
//! `make svg` writes every chart as SVG natively, from the same draw routine.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::chart::{draw, height, ChartModel, Frame};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png(u8),
    Csv,
    Json,
}

/// The file name: `ftz-atlas-<chart>-<lang>[@Nx].<ext>`.
pub fn file_name(model: &ChartModel, format: Format) -> String {
    let base = format!("ftz-atlas-{}-{}", model.id.slug(), model.lang.code());
    match format {
        Format::Png(scale) => format!("{base}@{scale}x.png"),
        Format::Csv => format!("{base}.csv"),
        Format::Json => format!("{base}.json"),
    }
}

/// The CSS width the chart has on screen (exports match it), or 960 px.
fn screen_width(model: &ChartModel) -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("#{} canvas", model.id.slug())).ok().flatten())
        .map(|c| f64::from(c.client_width()))
        .filter(|w| *w >= 280.0)
        .unwrap_or(960.0)
}

/// Starts the download of `model` in `format`. Returns a message when it could not start.
pub fn export(model: &ChartModel, format: Format, dark: bool) -> Result<(), String> {
    let name = file_name(model, format);
    match format {
        Format::Csv => save_text(&name, "text/csv;charset=utf-8", &crate::export::csv(model)),
        Format::Json => save_text(&name, "application/json", &crate::export::json(model)),
        Format::Png(scale) => png(model, f64::from(scale), dark, name),
    }
}

fn png(model: &ChartModel, scale: f64, dark: bool, name: String) -> Result<(), String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement =
        doc.create_element("canvas").map_err(|_| "no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    let frame = Frame { width: screen_width(model), scale, header: true, dark, font_scale: 1.0 };
    canvas.set_width((frame.width * scale).round() as u32);
    canvas.set_height((height(model, &frame) * scale).round() as u32);
    let mut backend =
        plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d context")?;
    draw(&mut backend, model, &frame).map_err(|e| e.0)?;
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = save_blob(&name, &blob);
        }
    });
    canvas.to_blob(done.unchecked_ref()).map_err(|_| "the PNG could not be encoded".to_string())
}

fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "no Blob")?;
    save_blob(name, &blob)
}

fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "no object URL")?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        doc.create_element("a").map_err(|_| "no link")?.dyn_into().map_err(|_| "no link")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke after the click has been handled.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}
