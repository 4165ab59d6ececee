//! The painter: CSS-pixel primitives (text, boxes, lines, dashes, hatching) over a [`Sink`],
//! multiplied by the frame's scale (the device pixel ratio on the page), and the record of
//! where each mark was drawn ([`Hit`]).

use std::cell::RefCell;

use plotters_backend::text_anchor::Pos;
pub use plotters_backend::text_anchor::{HPos, VPos};

use super::geom::Rect;
use super::mark::Mark;
use super::sink::{DrawError, Font, Pen, Sink};
use super::theme::{Palette, Rgb};

/// Where a mark was drawn, in CSS pixels: what a pointer or the keyboard can select.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The figure's id.
    pub figure: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Hit {
    /// True when (x, y) lies inside the mark or within `slop` pixels of it.
    pub fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        x >= self.x0 - slop && x <= self.x1 + slop && y >= self.y0 - slop && y <= self.y1 + slop
    }
}

/// The hit under (x, y): the smallest mark containing the point, so a part drawn inside a
/// whole (the FTZ inside the city total) wins over the whole.
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<usize> {
    let area = |h: &Hit| (h.x1 - h.x0).abs() * (h.y1 - h.y0).abs();
    let mut best: Option<usize> = None;
    for (i, h) in hits.iter().enumerate() {
        if h.contains(x, y, 3.0) && best.is_none_or(|b| area(h) < area(&hits[b])) {
            best = Some(i);
        }
    }
    best
}

/// The colour of a piece of text, resolved against the theme when painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ink {
    Text,
    Muted,
    NoData,
    Color(Rgb),
}

/// How a piece of text is set: size, colour, anchor and weight.
#[derive(Clone, Copy)]
pub struct Style {
    pub size: f64,
    pub ink: Ink,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
}

impl Style {
    /// Regular text at `size` in `ink`, hanging from its top-left corner.
    pub const fn new(size: f64, ink: Ink) -> Style {
        Style { size, ink, h: HPos::Left, v: VPos::Top, bold: false }
    }

    /// The same, anchored at `h`, `v`.
    pub const fn at(self, h: HPos, v: VPos) -> Style {
        Style { h, v, ..self }
    }

    /// The same, bold.
    pub const fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
}

pub struct Painter<'a> {
    b: RefCell<&'a mut dyn Sink>,
    s: f64,
    /// Font-size factor (see `Frame::font_scale`).
    fs: f64,
    pub t: &'static Palette,
    /// Where each mark was drawn, in drawing order (tooltips and keyboard navigation).
    hits: RefCell<Vec<Hit>>,
}

impl<'a> Painter<'a> {
    /// A painter on `sink` at `scale` device pixels per CSS pixel.
    pub fn new(sink: &'a mut dyn Sink, scale: f64, font_scale: f64, t: &'static Palette) -> Painter<'a> {
        Painter { b: RefCell::new(sink), s: scale, fs: font_scale, t, hits: RefCell::new(Vec::new()) }
    }

    /// Fills the whole backend with the background.
    pub fn clear(&self) -> Result<(), DrawError> {
        let (w, h) = self.b.borrow().size();
        self.b.borrow_mut().rect((0, 0), (w as i32, h as i32), &Pen(self.t.background, 1), true)
    }

    /// Shows what was drawn and returns the hits.
    pub fn finish(self) -> Result<Vec<Hit>, DrawError> {
        self.b.borrow_mut().present()?;
        Ok(self.hits.into_inner())
    }

    fn pt(&self, x: f64, y: f64) -> (i32, i32) {
        ((x * self.s).round() as i32, (y * self.s).round() as i32)
    }

    fn w(&self, v: f64) -> u32 {
        (v * self.s).round().max(1.0) as u32
    }

    fn ink(&self, ink: Ink) -> Rgb {
        match ink {
            Ink::Text => self.t.text,
            Ink::Muted => self.t.muted,
            Ink::NoData => self.t.no_data,
            Ink::Color(c) => c,
        }
    }

    pub fn text(&self, x: f64, y: f64, text: &str, st: Style) -> Result<(), DrawError> {
        let font = Font {
            size: st.size * self.s * self.fs,
            bold: st.bold,
            color: self.ink(st.ink),
            anchor: Pos::new(st.h, st.v),
        };
        self.b.borrow_mut().text(text, &font, self.pt(x, y))
    }

    /// Lines of text from `y` down, `leading` apart, at `x`; returns the y under the last.
    pub fn lines(&self, x: f64, y: f64, lines: &[String], leading: f64, st: Style) -> Result<f64, DrawError> {
        let mut y = y;
        for line in lines {
            self.text(x, y, line, st)?;
            y += leading;
        }
        Ok(y)
    }

    pub fn fill(&self, r: Rect, color: Rgb) -> Result<(), DrawError> {
        let pen = Pen(color, self.w(0.0));
        self.b.borrow_mut().rect(self.pt(r.x0, r.y0), self.pt(r.x1, r.y1), &pen, true)
    }

    pub fn outline(&self, r: Rect, color: Rgb, width: f64) -> Result<(), DrawError> {
        let pen = Pen(color, self.w(width));
        self.b.borrow_mut().rect(self.pt(r.x0, r.y0), self.pt(r.x1, r.y1), &pen, false)
    }

    pub fn line(&self, pts: &[(f64, f64)], color: Rgb, width: f64) -> Result<(), DrawError> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| self.pt(x, y)).collect();
        self.b.borrow_mut().path(pts, &Pen(color, self.w(width)))
    }

    pub fn dashed(&self, pts: &[(f64, f64)], color: Rgb, width: f64) -> Result<(), DrawError> {
        // Dashes of 4 px with gaps of 3 px, continuing across corners.
        let (dash, gap) = (4.0, 3.0);
        let mut phase = 0.0;
        for seg in pts.windows(2) {
            let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
            let len = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt();
            let mut t = 0.0;
            while t < len {
                let on = phase < dash;
                let step = if on { dash - phase } else { dash + gap - phase };
                let end = (t + step).min(len);
                if on && len > 0.0 {
                    let p0 = (ax + (bx - ax) * t / len, ay + (by - ay) * t / len);
                    let p1 = (ax + (bx - ax) * end / len, ay + (by - ay) * end / len);
                    self.line(&[p0, p1], color, width)?;
                }
                phase = (phase + (end - t)) % (dash + gap);
                t = end;
            }
        }
        Ok(())
    }

    pub fn polygon(&self, pts: &[(f64, f64)], color: Rgb) -> Result<(), DrawError> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| self.pt(x, y)).collect();
        self.b.borrow_mut().polygon(pts, &Pen(color, 1))
    }

    /// A filled circle.
    pub fn disc(&self, x: f64, y: f64, r: f64, color: Rgb) -> Result<(), DrawError> {
        self.circle(x, y, r, color, true)
    }

    /// A circle's outline.
    pub fn ring(&self, x: f64, y: f64, r: f64, color: Rgb) -> Result<(), DrawError> {
        self.circle(x, y, r, color, false)
    }

    fn circle(&self, x: f64, y: f64, r: f64, color: Rgb, filled: bool) -> Result<(), DrawError> {
        let pen = Pen(color, self.w(2.0));
        self.b.borrow_mut().circle(self.pt(x, y), (r * self.s).round() as u32, &pen, filled)
    }

    /// Diagonal hatching clipped to a rectangle.
    pub fn hatch(&self, r: Rect, color: Rgb) -> Result<(), DrawError> {
        let (w, h) = (r.width(), r.height());
        if w <= 0.0 || h <= 0.0 {
            return Ok(());
        }
        let step = 5.0;
        let mut k = step;
        while k < w + h {
            // Line x + y = k (in rectangle coordinates), from bottom-left to top-right.
            let (ax, ay) = if k <= h { (0.0, k) } else { (k - h, h) };
            let (bx, by) = if k <= w { (k, 0.0) } else { (w, k - w) };
            self.line(&[(r.x0 + ax, r.y1 - ay), (r.x0 + bx, r.y1 - by)], color, 1.0)?;
            k += step;
        }
        Ok(())
    }

    /// Records that `m` was drawn in `r` (any corner order).
    pub fn hit(&self, m: &Mark, r: Rect) {
        let (x0, x1) = (r.x0.min(r.x1), r.x0.max(r.x1));
        let (y0, y1) = (r.y0.min(r.y1), r.y0.max(r.y1));
        self.hits.borrow_mut().push(Hit { figure: m.figure.clone(), x0, y0, x1, y1 });
    }
}
