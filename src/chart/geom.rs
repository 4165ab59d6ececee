//! Geometry the layout pass and the painters share: boxes, spans, a panel's body and the
//! legend's measures. A leaf: it imports nothing of the chart layer.

/// A box in CSS pixels, `x0 ≤ x1` and `y0 ≤ y1` where it matters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub const fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    pub fn center_y(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }

    /// True when the boxes overlap, or come within 2 px of each other side by side (labels
    /// need a little air between them).
    pub fn overlaps(&self, b: &Rect) -> bool {
        self.x0 < b.x1 + 2.0 && b.x0 < self.x1 + 2.0 && self.y0 < b.y1 && b.y0 < self.y1
    }
}

/// A stretch from `from` to `to` px past a reference line (a bar under its label).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub from: f64,
    pub to: f64,
}

/// Where a panel's body goes: between `x0` and `x1`, from `top` down (as far as it needs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Body {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
}

impl Body {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
}

/// The legend's geometry: a swatch, then its label, entries wrapping onto rows.
pub mod legend {
    /// The height of a row of entries.
    pub const ROW: f64 = 20.0;
    /// What an entry takes beside its label: the swatch with its gap, and the gap to the next.
    pub const ADVANCE: f64 = 22.0 + 14.0;
    /// The swatch's box: its side, and its top below the row's top.
    pub const SWATCH: f64 = 16.0;
    pub const SWATCH_TOP: f64 = 2.0;
    /// From an entry's left to its label, and from its label's middle to the row's top.
    pub const LABEL_DX: f64 = 20.0;
    pub const LABEL_DY: f64 = 8.0;
}
