//! `ChartModel` → SVG text, through plotters' `SVGBackend`. Used for exports and snapshot tests.

use plotters_backend::DrawingBackend;
use plotters_svg::SVGBackend;

use crate::chart::{draw, height, ChartModel, DrawError, Frame};

/// Draws `model` as a standalone SVG document `width` CSS pixels wide, with its header
/// (title, subtitle, source line) when `header` is set, in the dark theme when `dark` is.
pub fn to_svg(model: &ChartModel, width: u32, header: bool, dark: bool) -> Result<String, DrawError> {
    let frame = Frame { width: f64::from(width), scale: 1.0, header, dark, font_scale: 1.24 };
    let h = height(model, &frame) as u32;
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (width, h));
        draw(&mut backend, model, &frame)?;
        backend.present().map_err(|e| DrawError(e.to_string()))?;
    }
    Ok(out)
}
