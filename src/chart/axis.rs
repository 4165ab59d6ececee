//! The value axis that columns and timelines share: the plot's box right of the widest tick
//! label, ticks labelled by `format::tick` (through `Scale::label`), and the category labels
//! under the axis.

use super::geom::Body;
use super::geom::Rect;
use super::paint::{HPos, Ink, Painter, Style, VPos};
use super::scale::Scale;
use super::sink::DrawError;
use super::text::widest;
use super::theme;
use crate::i18n::Lang;

/// Where a plot lies in its panel's body: its top and its axis below the body's top, and the
/// room under the axis for the category labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    pub top: f64,
    pub axis: f64,
    pub under: f64,
}

impl Plot {
    /// The body's height.
    pub fn height(&self) -> f64 {
        self.axis + self.under
    }

    /// The plot in `body`, `right_room` short of its right edge, with `scale`'s ticks.
    pub fn lay_out(&self, body: Body, right_room: f64, scale: &Scale, lang: Lang) -> ValueAxis {
        let labels = scale.labels(lang);
        let label_w = widest(labels.iter().map(|(_, l)| l.as_str()), theme::SMALL_SIZE);
        let plot = Rect::new(
            body.x0 + label_w + TICK_GAP + 2.0,
            body.top + self.top,
            body.x1 - right_room,
            body.top + self.axis,
        );
        let ticks = labels.into_iter().map(|(t, l)| (t, scale.map(t, plot.y1, plot.y0), l)).collect();
        ValueAxis { plot, ticks }
    }
}

/// Between a tick label's end and the plot; between the body's left and the widest label's
/// start the room is `TICK_GAP + 2`.
pub const TICK_GAP: f64 = 6.0;
/// Category labels hang this far under the axis.
pub const UNDER_AXIS: f64 = 6.0;

/// What the zero tick's line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZeroLine {
    /// Drawn with the grid, in the axis colour.
    Axis,
    /// Left to the caller (columns draw their base line over the bars).
    Left,
}

/// A value axis, laid out: the plot's box and each tick's value, y and label.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    pub plot: Rect,
    pub ticks: Vec<(f64, f64, String)>,
}

impl ValueAxis {
    /// Grid lines from the plot's left to `right` and the tick labels left of the plot.
    pub fn paint(&self, p: &Painter, right: f64, zero: ZeroLine) -> Result<(), DrawError> {
        let style = Style::new(theme::SMALL_SIZE, Ink::Muted).at(HPos::Right, VPos::Center);
        for (t, y, label) in &self.ticks {
            let at_zero = *t == 0.0;
            if zero == ZeroLine::Axis || !at_zero {
                p.line(&[(self.plot.x0, *y), (right, *y)], if at_zero { p.t.axis } else { p.t.grid }, 1.0)?;
            }
            p.text(self.plot.x0 - TICK_GAP, *y, label, style)?;
        }
        Ok(())
    }

    /// A category label centred at `x` under the axis.
    pub fn category(&self, p: &Painter, x: f64, text: &str) -> Result<(), DrawError> {
        let style = Style::new(theme::LABEL_SIZE, Ink::Text).at(HPos::Center, VPos::Top);
        p.text(x, self.plot.y1 + UNDER_AXIS, text, style)
    }
}
