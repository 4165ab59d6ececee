//! A backend that draws nothing and records every call, so tests can assert what was drawn
//! where ("a more-than value draws an up arrow at its value") rather than compare pictures.

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord as At, BackendStyle as Pen, BackendTextStyle, DrawingBackend,
};

type Done = Result<(), plotters_backend::DrawingErrorKind<Infallible>>;

/// An sRGB colour as recorded.
pub type Rgb = (u8, u8, u8);

/// One recorded call, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Rect { a: At, b: At, color: Rgb, filled: bool },
    Path { points: Vec<At>, color: Rgb, width: u32 },
    Polygon { points: Vec<At>, color: Rgb },
    Circle { center: At, radius: u32, color: Rgb, filled: bool },
    Text { text: String, at: At, size: f64, anchor: (Anchor, Anchor) },
}

/// Where text hangs from its point: start, middle or end (left/centre/right, top/centre/bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

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
    pub fn texts(&self) -> impl Iterator<Item = (&str, At)> {
        self.ops.iter().filter_map(|op| match op {
            Op::Text { text, at, .. } => Some((text.as_str(), *at)),
            _ => None,
        })
    }

    /// Every point any call touched (corners, path points, circle extremes, text anchors).
    pub fn points(&self) -> Vec<At> {
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

    fn push(&mut self, op: Op) -> Done {
        self.ops.push(op);
        Ok(())
    }
}

fn anchor(h: HPos, v: VPos) -> (Anchor, Anchor) {
    let h = match h {
        HPos::Left => Anchor::Start,
        HPos::Center => Anchor::Middle,
        HPos::Right => Anchor::End,
    };
    let v = match v {
        VPos::Top => Anchor::Start,
        VPos::Center => Anchor::Middle,
        VPos::Bottom => Anchor::End,
    };
    (h, v)
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }
    fn present(&mut self) -> Done {
        self.presented = true;
        Ok(())
    }
    fn draw_pixel(&mut self, at: At, color: BackendColor) -> Done {
        self.push(Op::Rect { a: at, b: at, color: color.rgb, filled: true })
    }
    fn draw_line<S: Pen>(&mut self, from: At, to: At, pen: &S) -> Done {
        self.draw_path([from, to], pen)
    }
    fn draw_rect<S: Pen>(&mut self, a: At, b: At, pen: &S, filled: bool) -> Done {
        self.push(Op::Rect { a, b, color: pen.color().rgb, filled })
    }
    fn draw_path<S: Pen, I: IntoIterator<Item = At>>(&mut self, path: I, pen: &S) -> Done {
        let points = path.into_iter().collect();
        self.push(Op::Path { points, color: pen.color().rgb, width: pen.stroke_width() })
    }
    fn draw_circle<S: Pen>(&mut self, center: At, radius: u32, pen: &S, filled: bool) -> Done {
        self.push(Op::Circle { center, radius, color: pen.color().rgb, filled })
    }
    fn fill_polygon<S: Pen, I: IntoIterator<Item = At>>(&mut self, vert: I, pen: &S) -> Done {
        self.push(Op::Polygon { points: vert.into_iter().collect(), color: pen.color().rgb })
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: At) -> Done {
        let a = style.anchor();
        let anchor = anchor(a.h_pos, a.v_pos);
        self.push(Op::Text { text: text.to_string(), at, size: style.size(), anchor })
    }
}
