//! `ChartModel` → SVG text, through plotters' `SVGBackend`. Used for exports and snapshot tests.

use plotters_backend::DrawingBackend;
use plotters_svg::SVGBackend;

use crate::chart::{draw_layout, ChartLayout, ChartModel, DrawError, Frame};

/// How to draw an SVG: `SvgOptions { width: 720, ..SvgOptions::default() }`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SvgOptions {
    /// Width in CSS pixels.
    pub width: u32,
    /// Draw the header (title, subtitle, series legend, source line) into the image.
    pub header: bool,
    /// The dark theme.
    pub dark: bool,
}

impl Default for SvgOptions {
    /// An export: 960 px wide, with its header, light.
    fn default() -> SvgOptions {
        SvgOptions { width: 960, header: true, dark: false }
    }
}

impl SvgOptions {
    /// An export `width` px wide, with its header, light.
    pub fn export(width: u32) -> SvgOptions {
        SvgOptions { width, ..SvgOptions::default() }
    }
}

/// Draws `model` as a standalone SVG document, as `options` say. Every text sits at an absolute
/// baseline ([`super::baseline`]), so office suites place it where browsers do.
pub fn to_svg(model: &ChartModel, options: &SvgOptions) -> Result<String, DrawError> {
    let SvgOptions { width, header, dark } = *options;
    let frame = Frame { width: f64::from(width), scale: 1.0, header, dark, font_scale: 1.24 };
    // One layout: the document's height and the drawing read the same boxes.
    let layout = ChartLayout::new(model, &frame);
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (width, layout.height as u32));
        draw_layout(&mut backend, model, &layout)?;
        backend.present().map_err(|e| DrawError(e.to_string()))?;
    }
    Ok(super::baseline::absolute_baselines(&out))
}

/// Draws `model` as the page draws it on a canvas `width` CSS px wide at one device pixel per
/// CSS pixel: no header (the page shows it as HTML), in `theme`; the same as [`to_svg`] without
/// the header. The prerendered page ([`crate::prerender`]) shows this until the app draws the
/// same chart on its canvas.
pub fn page_svg(model: &ChartModel, width: u32, theme: crate::chart::Theme) -> Result<String, DrawError> {
    to_svg(model, &SvgOptions { width, header: false, dark: theme == crate::chart::Theme::Dark })
}
