//! The backend primitives the painter uses, behind the object-safe [`Sink`]: `draw` is
//! generic over plotters' `DrawingBackend`, but the painter is compiled once, so the browser
//! build, which draws on canvases and into SVG, holds one copy of it instead of two (−9 KB gzip).

use std::convert::Infallible;

use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
};

use super::text::text_width;
use super::theme::{Rgb, FONT};

/// A drawing failure, with the backend's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

fn err<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawError {
    DrawError(e.to_string())
}

/// A colour and a line width: plotters' `BackendStyle`.
pub struct Pen(pub Rgb, pub u32);

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: 1.0, rgb: (self.0 .0, self.0 .1, self.0 .2) }
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// The font of one label: plotters' `BackendTextStyle`. Backends that render text themselves
/// (canvas, SVG) use family, size, style and anchor; `layout_box` gives the same estimate the
/// layout uses.
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: Rgb,
    pub anchor: Pos,
}

impl BackendTextStyle for Font {
    /// Text layout never fails here: widths are estimated, not measured.
    type FontError = Infallible;
    fn color(&self) -> BackendColor {
        Pen(self.color, 1).color()
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        Ok(((0, -(self.size as i32)), (text_width(text, self.size) as i32, 0)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: (i32, i32),
        _draw: F,
    ) -> Result<Result<(), E>, Infallible> {
        // Only pixel backends rasterize glyphs themselves; canvas and SVG never call this.
        Ok(Ok(()))
    }
}

/// The backend primitives the painter uses, object-safe, with errors already turned into
/// `DrawError`. Implemented for every plotters `DrawingBackend`.
pub trait Sink {
    fn size(&self) -> (u32, u32);
    fn rect(&mut self, a: (i32, i32), b: (i32, i32), pen: &Pen, filled: bool) -> Result<(), DrawError>;
    fn path(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError>;
    fn polygon(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError>;
    fn circle(&mut self, c: (i32, i32), r: u32, pen: &Pen, filled: bool) -> Result<(), DrawError>;
    fn text(&mut self, text: &str, font: &Font, at: (i32, i32)) -> Result<(), DrawError>;
    fn present(&mut self) -> Result<(), DrawError>;
}

impl<DB: DrawingBackend> Sink for DB {
    fn size(&self) -> (u32, u32) {
        self.get_size()
    }
    fn rect(&mut self, a: (i32, i32), b: (i32, i32), pen: &Pen, filled: bool) -> Result<(), DrawError> {
        self.draw_rect(a, b, pen, filled).map_err(err)
    }
    fn path(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError> {
        self.draw_path(pts, pen).map_err(err)
    }
    fn polygon(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError> {
        self.fill_polygon(pts, pen).map_err(err)
    }
    fn circle(&mut self, c: (i32, i32), r: u32, pen: &Pen, filled: bool) -> Result<(), DrawError> {
        self.draw_circle(c, r, pen, filled).map_err(err)
    }
    fn text(&mut self, text: &str, font: &Font, at: (i32, i32)) -> Result<(), DrawError> {
        self.draw_text(text, font, at).map_err(err)
    }
    fn present(&mut self) -> Result<(), DrawError> {
        DrawingBackend::present(self).map_err(err)
    }
}
