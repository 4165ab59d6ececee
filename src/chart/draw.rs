//! The one drawing routine, generic over plotters' `DrawingBackend`: the page draws it on a
//! `<canvas>`, exports and tests draw it into SVG.
//!
//! Everything is laid out in CSS pixels (`layout`) and multiplied by `Frame::scale` (the
//! device pixel ratio on the page), so text and lines are crisp on high-DPI screens.
//!
//! `draw` is generic, but its body is not: it reaches the backend through the object-safe
//! [`Sink`], so the browser build, which draws on canvases and into SVG, holds one copy of the
//! painter instead of two.

use plotters_backend::DrawingBackend;

use super::layout::{ChartLayout, Frame};
use super::marks;
use super::model::ChartModel;
use super::paint::{Hit, Ink, Painter, Style};
use super::panel;
use super::sink::{DrawError, Sink};
use super::theme::{self, Theme};

/// The layout for a `w`×`h`-pixel slide: the chart is laid out at a CSS width whose height,
/// scaled to the slide's width, fits the slide's height; type and marks grow with the scale and
/// nothing is stretched.
pub fn slide_frame(model: &ChartModel, w: f64, h: f64, theme: Theme) -> Frame {
    let dark = theme == Theme::Dark;
    let mut frame = Frame { width: w / 2.0, scale: 2.0, header: true, dark, font_scale: 1.0 };
    for _ in 0..4 {
        let needed = height(model, &frame);
        if needed * frame.scale <= h {
            break;
        }
        frame.scale = h / needed;
        frame.width = w / frame.scale;
    }
    frame
}

/// The height in CSS pixels that `model` needs at `frame.width`.
pub fn height(model: &ChartModel, frame: &Frame) -> f64 {
    ChartLayout::new(model, frame).height
}

/// Draws `model` onto `backend`, which must be `frame.width × height(model, frame)` CSS pixels
/// times `frame.scale`. Uses only plotters' `DrawingBackend` primitives (rectangles, paths,
/// circles, polygons, text), so the same routine draws on a canvas and into SVG.
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    model: &ChartModel,
    frame: &Frame,
) -> Result<Vec<Hit>, DrawError> {
    draw_on_sink(backend, model, &ChartLayout::new(model, frame))
}

/// Draws `model` into the boxes of `layout` (made by `ChartLayout::new(model, frame)`), onto a
/// backend of `layout.frame.width` × `layout.height` CSS pixels: for callers that sized the
/// backend from the same layout.
pub fn draw_layout<DB: DrawingBackend>(
    backend: &mut DB,
    model: &ChartModel,
    layout: &ChartLayout<'_>,
) -> Result<Vec<Hit>, DrawError> {
    draw_on_sink(backend, model, layout)
}

/// The body of `draw`, compiled once.
fn draw_on_sink(
    backend: &mut dyn Sink,
    model: &ChartModel,
    layout: &ChartLayout<'_>,
) -> Result<Vec<Hit>, DrawError> {
    let frame = &layout.frame;
    let p = Painter::new(backend, frame.scale, frame.font_scale, frame.palette());
    p.clear()?;
    let x0 = layout.x0;
    let (top, title) = &layout.title;
    p.lines(x0, *top, &title.lines, title.leading, Style::new(theme::TITLE_SIZE, Ink::Text).bold())?;
    let (top, subtitle) = &layout.subtitle;
    p.lines(x0, *top, &subtitle.lines, subtitle.leading, Style::new(theme::SUBTITLE_SIZE, Ink::Muted))?;
    let label =
        Style::new(theme::SMALL_SIZE, Ink::Text).at(super::paint::HPos::Left, super::paint::VPos::Center);
    for entry in &layout.legend {
        marks::swatch(&p, entry.swatch, entry.item.glyph)?;
        p.text(entry.label.0, entry.label.1, &entry.item.label, label)?;
    }
    for (panel, b) in model.panels.iter().zip(&layout.panels) {
        panel::paint(panel, b, &p, model.lang)?;
    }
    let (top, source) = &layout.source;
    p.lines(x0, *top, &source.lines, source.leading, Style::new(theme::SMALL_SIZE, Ink::Muted))?;
    p.finish()
}
