//! `ChartModel` → `<canvas>`, through plotters-canvas. Browser only.
//!
//! plotters does not handle `devicePixelRatio` (plotters issue 164): the canvas's backing store
//! is sized to its CSS size × DPR and `chart::draw` scales every length and font by the same
//! factor, so text stays crisp on high-DPI screens.

use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::chart::{draw_layout, ChartLayout, ChartModel, DrawError, Frame, Hit, Theme};

/// Device pixels per CSS pixel, clamped to 1–4.
pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0)
}

/// Sizes `canvas`'s backing store to `pixels`, its CSS box to `css` (when given) and draws
/// `model` with `frame`. The one place a chart reaches a canvas: page, slides and PNG exports.
pub fn draw_sized(
    canvas: &HtmlCanvasElement,
    model: &ChartModel,
    frame: &Frame,
    pixels: (u32, u32),
    css: Option<(f64, f64)>,
) -> Result<Vec<Hit>, DrawError> {
    draw_into(canvas, model, &ChartLayout::new(model, frame), pixels, css)
}

/// [`draw_sized`] with the chart already laid out.
fn draw_into(
    canvas: &HtmlCanvasElement,
    model: &ChartModel,
    layout: &ChartLayout<'_>,
    pixels: (u32, u32),
    css: Option<(f64, f64)>,
) -> Result<Vec<Hit>, DrawError> {
    // Only what changed is written: a new width or height reallocates the canvas's pixels and
    // makes the browser lay the page out again, and the next chart's width read would then
    // force that layout at once. Redrawing at the same size needs no clearing: `draw` starts by
    // filling the whole canvas with the background.
    if canvas.width() != pixels.0 {
        canvas.set_width(pixels.0);
    }
    if canvas.height() != pixels.1 {
        canvas.set_height(pixels.1);
    }
    if let Some((w, h)) = css {
        let style = canvas.style();
        for (property, value) in [("width", format!("{}px", w as u32)), ("height", format!("{}px", h as u32))]
        {
            if style.get_property_value(property).ok().as_deref() != Some(value.as_str()) {
                style.set_property(property, &value).map_err(|_| DrawError("style".into()))?;
            }
        }
    }
    let mut backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| DrawError("no 2d context".into()))?;
    draw_layout(&mut backend, model, layout)
}

/// The largest side of a chart's canvas, in device pixels: well inside every browser's limits
/// (Chromium and Firefox draw up to 32,767 px a side, Safari up to 16.7 megapixels in all).
pub const MAX_CANVAS_PX: f64 = 8_000.0;

/// Draws `model` on `canvas` at the width of the canvas's parent element; sets the canvas's
/// CSS height to what the chart needs. Returns where each mark was drawn.
pub fn draw_on(canvas: &HtmlCanvasElement, model: &ChartModel, theme: Theme) -> Result<Vec<Hit>, DrawError> {
    let parent_width = canvas.parent_element().map_or(0, |p| p.client_width());
    let width = f64::from(parent_width.max(280));
    let dpr = device_pixel_ratio();
    let mut frame = Frame { width, scale: dpr, header: false, dark: theme == Theme::Dark, font_scale: 1.0 };
    // One layout: the canvas's height and the drawing read the same boxes.
    let mut layout = ChartLayout::new(model, &frame);
    let css_h = layout.height;
    // Never a canvas past what browsers draw (a larger one stays blank): a chart that would
    // be taller than MAX_CANVAS_PX device pixels is drawn at fewer pixels per CSS pixel.
    let fit = (MAX_CANVAS_PX / css_h.max(1.0)).min(MAX_CANVAS_PX / width);
    if fit < dpr {
        frame.scale = fit;
        layout = ChartLayout::new(model, &frame);
    }
    let dpr = frame.scale;
    let pixels = ((width * dpr).round() as u32, (css_h * dpr).round() as u32);
    draw_into(canvas, model, &layout, pixels, Some((width, css_h)))
}
