//! Downloads: chart images (PNG at a scale of the on-screen size or as a 16:9 slide, SVG with
//! real text), each with title, subtitle, legend, source line and address drawn in, and the
//! chart's figures (CSV, JSON). Browser only. (The SVG export compiles a second instance of the
//! generic draw routine, for plotters' SVG backend: about 10 KB gzip of the page.)

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::chart::{height, slide_frame, ChartModel, Frame, Theme};
use crate::i18n::Lang;
use crate::office::{deck, wire, Deck};
use crate::web::canvas::draw_sized;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PNG at this many times the on-screen size.
    Png(u8),
    /// A 16:9 slide of this many pixels, laid out for it (not stretched).
    Slide(u32, u32),
    Svg,
    /// A PNG at 2× on the clipboard, ready to paste into a slide.
    CopyImage,
    Csv,
    Json,
    /// PowerPoint: a slide per panel, native (editable) charts with their data.
    Pptx,
}

/// The file name: `ftz-atlas-<chart>-<lang>[@Nx].<ext>`.
pub fn file_name(model: &ChartModel, format: Format) -> String {
    let base = format!("ftz-atlas-{}-{}", model.id.slug(), model.lang.code());
    match format {
        Format::Png(scale) => format!("{base}@{scale}x.png"),
        Format::Slide(w, h) => format!("{base}-{w}x{h}.png"),
        Format::Svg => format!("{base}.svg"),
        Format::CopyImage => format!("{base}@2x.png"),
        Format::Csv => format!("{base}.csv"),
        Format::Json => format!("{base}.json"),
        Format::Pptx => format!("{base}.pptx"),
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

/// Starts the download of `model` in `format`. Returns a message when it could not start;
/// `on_error` gets one when it fails later (the browser refusing the clipboard).
pub fn export(
    model: &ChartModel,
    format: Format,
    theme: Theme,
    on_error: yew::Callback<String>,
) -> Result<(), String> {
    let dark = theme == Theme::Dark;
    let name = file_name(model, format);
    // Images carry the address they came from: the permalink to this view.
    let mut model = model.clone();
    model.address = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let model = &model;
    match format {
        Format::CopyImage => {
            let frame = Frame { width: screen_width(model), scale: 2.0, header: true, dark, font_scale: 1.0 };
            let failed = crate::i18n::Text::CopyFailed.t(model.lang).to_string();
            copy_png(&render(model, frame, None)?, move || on_error.emit(failed))
        }
        Format::Svg => {
            let svg = crate::render::svg::to_svg(
                model,
                &crate::render::svg::SvgOptions {
                    width: screen_width(model).round() as u32,
                    header: true,
                    dark,
                },
            )
            .map_err(|e| e.0)?;
            save_text(&name, "image/svg+xml", &svg)
        }
        Format::Csv => save_text(&name, "text/csv;charset=utf-8", &crate::export::csv(model)),
        Format::Json => save_text(&name, "application/json", &crate::export::json(model)),
        Format::Pptx => {
            let palette = theme.palette();
            let slides = deck::chart_slides(model, palette, &mut |panel| panel_picture(model, panel, theme));
            save_pptx(name, &deck::deck(&model.title, model.lang, palette, slides), model.lang, move |e| {
                on_error.emit(e)
            });
            Ok(())
        }
        Format::Png(scale) => {
            let width = screen_width(model);
            png(
                model,
                Frame { width, scale: f64::from(scale), header: true, dark, font_scale: 1.0 },
                None,
                name,
            )
        }
        Format::Slide(w, h) => {
            png(model, slide_frame(model, f64::from(w), f64::from(h), theme), Some((w, h)), name)
        }
    }
}

/// Draws `model` with its header on a new canvas of `size` (else the frame's natural size).
fn render(
    model: &ChartModel,
    frame: Frame,
    size: Option<(u32, u32)>,
) -> Result<web_sys::HtmlCanvasElement, String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement =
        doc.create_element("canvas").map_err(|_| "no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    let pixels = size.unwrap_or((
        (frame.width * frame.scale).round() as u32,
        (height(model, &frame) * frame.scale).round() as u32,
    ));
    draw_sized(&canvas, model, &frame, pixels, None).map_err(|e| e.0)?;
    Ok(canvas)
}

fn png(model: &ChartModel, frame: Frame, size: Option<(u32, u32)>, name: String) -> Result<(), String> {
    let canvas = render(model, frame, size)?;
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = save_blob(&name, &blob);
        }
    });
    canvas.to_blob(done.unchecked_ref()).map_err(|_| "the PNG could not be encoded".to_string())
}

/// Puts the canvas on the clipboard as PNG. The clipboard item is created at once, inside the
/// click, with a promise of the PNG, so the browser keeps the user's permission to write.
/// A refusal (no permission, page not focused) calls `failed` instead of surfacing as an
/// unhandled promise rejection.
fn copy_png(canvas: &web_sys::HtmlCanvasElement, failed: impl FnOnce() + 'static) -> Result<(), String> {
    let canvas = canvas.clone();
    let png = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    });
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str("image/png"), &png).map_err(|_| "no clipboard item")?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&items)
        .map_err(|_| "the clipboard does not take images here")?;
    let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
    let written = wasm_bindgen_futures::JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)));
    wasm_bindgen_futures::spawn_local(async move {
        if written.await.is_err() {
            failed();
        }
    });
    Ok(())
}

/// Saves `text` as a download named `name`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
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

const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/// Downloads the deck of every chart in `models` (one language), with the page's address.
/// The file is written by the PowerPoint module, fetched on first use: `failed` gets the
/// message if that does not work.
pub fn save_deck(models: &[ChartModel], lang: Lang, theme: Theme, failed: impl FnOnce(String) + 'static) {
    let address = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let models: Vec<ChartModel> =
        models.iter().map(|m| ChartModel { address: address.clone(), ..m.clone() }).collect();
    let d = deck::full_deck(&models, lang, theme.palette(), &address, &mut |c, p| {
        models.get(c).and_then(|m| panel_picture(m, p, theme))
    });
    save_pptx(format!("ftz-atlas-deck-{}.pptx", lang.code()), &d, lang, failed);
}

/// Hands the encoded deck to the PowerPoint writer, a wasm module of its own that `boot.js`
/// fetches the first time (`window.ftzOffice`, office-wasm/), and saves what it returns;
/// `failed` gets the message when that does not work, at once or later.
fn save_pptx(name: String, d: &Deck, lang: Lang, failed: impl FnOnce(String) + 'static) {
    let unavailable = move || crate::i18n::Text::OfficeUnavailable.t(lang).to_string();
    let input = js_sys::Uint8Array::from(wire::encode(d).as_slice());
    let written = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("ftzOffice")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|writer| writer.call1(&JsValue::NULL, &input).ok());
    let Some(written) = written else { return failed(unavailable()) };
    let written = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&written));
    wasm_bindgen_futures::spawn_local(async move {
        let saved = match written.await {
            Ok(bytes) => {
                let parts = js_sys::Array::of1(&bytes);
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(PPTX);
                web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
                    .map_err(|_| unavailable())
                    .and_then(|blob| save_blob(&name, &blob))
            }
            // The module says why in its rejection: "too large", else it did not load or run.
            Err(e) if e.as_string().as_deref() == Some("too large") => {
                Err(crate::i18n::Text::OfficeTooLarge.t(lang).to_string())
            }
            Err(_) => Err(unavailable()),
        };
        if let Err(message) = saved {
            failed(message);
        }
    });
}

/// Panel `panel` of `model` alone, drawn at 1,000 CSS px and 2× for a slide, as PNG bytes.
fn panel_picture(model: &ChartModel, panel: usize, theme: Theme) -> Option<deck::Picture> {
    let one = ChartModel { panels: vec![model.panels.get(panel)?.clone()], ..model.clone() };
    let frame =
        Frame { width: 1000.0, scale: 2.0, header: false, dark: theme == Theme::Dark, font_scale: 1.0 };
    let canvas = render(&one, frame, None).ok()?;
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    let binary = web_sys::window()?.atob(url.split_once(',')?.1).ok()?;
    // atob gives one character per byte.
    let png = binary.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(0)).collect();
    Some(deck::Picture { png, width: canvas.width(), height: canvas.height() })
}
