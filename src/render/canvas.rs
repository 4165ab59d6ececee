//! `ChartModel` → `<canvas>`, through plotters-canvas. Browser only.
//!
//! plotters does not handle `devicePixelRatio` (plotters issue 164): the canvas's backing store
//! is sized to its CSS size × DPR and `chart::draw` scales every length and font by the same
//! factor, so text stays crisp on high-DPI screens.

use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::chart::{draw, height, ChartModel, DrawError, Frame, Hit};

/// Draws `model` on `canvas` at the width of the canvas's parent element; sets the canvas's
/// CSS height to what the chart needs. Returns where each mark was drawn.
pub fn draw_on(canvas: &HtmlCanvasElement, model: &ChartModel, dark: bool) -> Result<Vec<Hit>, DrawError> {
    let parent_width = canvas.parent_element().map_or(0, |p| p.client_width());
    let width = f64::from(parent_width.max(280));
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0);
    let frame = Frame { width, scale: dpr, header: false, dark, font_scale: 1.0 };
    let css_h = height(model, &frame);
    canvas.set_width((width * dpr).round() as u32);
    canvas.set_height((css_h * dpr).round() as u32);
    let style = canvas.style();
    style.set_property("width", &format!("{}px", width as u32)).map_err(|_| DrawError("style".into()))?;
    style.set_property("height", &format!("{}px", css_h as u32)).map_err(|_| DrawError("style".into()))?;
    let mut backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| DrawError("no 2d context".into()))?;
    draw(&mut backend, model, &frame)
}
