//! A backend that draws nothing and records every call, so tests can assert what was drawn
//! where ("a more-than value draws an up arrow at its value") rather than compare pictures.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// One recorded call, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Rect { a: BackendCoord, b: BackendCoord, color: (u8, u8, u8), filled: bool },
    Path { points: Vec<BackendCoord>, color: (u8, u8, u8), width: u32 },
    Polygon { points: Vec<BackendCoord>, color: (u8, u8, u8) },
    Circle { center: BackendCoord, radius: u32, color: (u8, u8, u8), filled: bool },
    Text { text: String, at: BackendCoord, size: f64, anchor: (Anchor, Anchor) },
}

/// Where text hangs from its point: start, middle or end (left/centre/right, top/centre/bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Recording never fails.
#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

/// The recording backend: a size and the calls made on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorder {
    pub size: (u32, u32),
    pub ops: Vec<Op>,
    /// Set by `present`.
    pub presented: bool,
}

impl Recorder {
    pub fn new(size: (u32, u32)) -> Recorder {
        Recorder { size, ops: Vec::new(), presented: false }
    }

    /// Every text drawn, with where.
    pub fn texts(&self) -> impl Iterator<Item = (&str, BackendCoord)> {
        self.ops.iter().filter_map(|op| match op {
            Op::Text { text, at, .. } => Some((text.as_str(), *at)),
            _ => None,
        })
    }

    /// Every point any call touched (corners, path points, circle extremes, text anchors).
    pub fn points(&self) -> Vec<BackendCoord> {
        let mut out = Vec::new();
        for op in &self.ops {
            match op {
                Op::Rect { a, b, .. } => out.extend([*a, *b]),
                Op::Path { points, .. } | Op::Polygon { points, .. } => out.extend(points.iter().copied()),
                Op::Circle { center: (x, y), radius, .. } => {
                    let r = *radius as i32;
                    out.extend([(x - r, y - r), (x + r, y + r)]);
                }
                Op::Text { at, .. } => out.push(*at),
            }
        }
        out
    }
}

fn rgb(c: BackendColor) -> (u8, u8, u8) {
    c.rgb
}

fn anchor_h(h: HPos) -> Anchor {
    match h {
        HPos::Left => Anchor::Start,
        HPos::Center => Anchor::Middle,
        HPos::Right => Anchor::End,
    }
}

fn anchor_v(v: VPos) -> Anchor {
    match v {
        VPos::Top => Anchor::Start,
        VPos::Center => Anchor::Middle,
        VPos::Bottom => Anchor::End,
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        self.presented = true;
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Rect { a: point, b: point, color: rgb(color), filled: true });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        filled: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Rect { a, b, color: rgb(style.color()), filled });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let points = path.into_iter().collect();
        self.ops.push(Op::Path { points, color: rgb(style.color()), width: style.stroke_width() });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        filled: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Circle { center, radius, color: rgb(style.color()), filled });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let points = vert.into_iter().collect();
        self.ops.push(Op::Polygon { points, color: rgb(style.color()) });
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let a = style.anchor();
        let anchor = (anchor_h(a.h_pos), anchor_v(a.v_pos));
        self.ops.push(Op::Text { text: text.to_string(), at: pos, size: style.size(), anchor });
        Ok(())
    }
}
