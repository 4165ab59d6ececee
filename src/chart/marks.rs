//! How each qualifier and status is drawn, in one place: exact, more than / at least, less
//! than, nearly / about, derived, part-year, undated, no data and imported. Bars and points
//! of every panel, and the legend's swatches, are drawn by these functions, so the key always
//! shows what the chart draws. Qualifiers never rely on colour alone: they change the mark's
//! shape, fill or outline.

use super::geom::Rect;
use super::mark::{Glyph, Mark};
use super::paint::{HPos, Ink, Painter, Style, VPos};
use super::sink::DrawError;
use super::text::{text_width, TINY_SIZE};
use crate::data::Qualifier;
use crate::i18n::{Lang, Text};

/// How far a bound's arrow reaches past the end of a bar: where the bar's label starts.
pub const BAR_ARROW: f64 = 16.0;
/// How much higher the label of a bound point sits, above its arrow.
pub const POINT_ARROW: f64 = 14.0;

/// Between a bar's end (or its arrow) and its value label.
pub const LABEL_GAP: f64 = 6.0;

/// The room a bar's label leaves for what is drawn past the bar's end.
pub fn bar_reach(q: Qualifier) -> f64 {
    if q.is_bound() {
        BAR_ARROW
    } else {
        0.0
    }
}

/// The baseline of the value label over a column whose top is at `y`: above its arrow.
pub fn over_column(y: f64, q: Qualifier) -> f64 {
    y - 4.0 - bar_reach(q)
}

/// Where the arrow of a column's bound starts: just above the column's top centre.
pub fn column_arrow(top: &Rect) -> (f64, f64) {
    (top.center_x(), top.y0 - 1.0)
}

/// How far above a point its label's baseline sits, `gap` for a plain point.
pub fn point_lift(q: Qualifier, gap: f64) -> f64 {
    if q.is_bound() {
        gap + POINT_ARROW
    } else {
        gap
    }
}

/// The direction of "more" on screen for a bound's arrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    Up,
    Right,
}

impl Toward {
    fn unit(self) -> (f64, f64) {
        match self {
            Toward::Up => (0.0, -1.0),
            Toward::Right => (1.0, 0.0),
        }
    }
}

/// How big a point is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Factor on the full size.
    pub scale: f64,
    /// The length of a bound's arrow; `None` draws the triangle alone (it still points the way).
    pub arrow: Option<f64>,
    /// Half the side of the box a pointer can select it in.
    pub reach: f64,
}

/// Points of sparse panels.
pub const FULL: Size = Size { scale: 1.0, arrow: Some(11.0), reach: 7.0 };
/// The unlabelled points of dense panels.
pub const SMALL: Size = Size { scale: 0.5, arrow: None, reach: 4.0 };
/// Legend swatches of bounds: a lower bound's arrow stands above its triangle, so it is kept
/// short; an upper bound's runs down into its triangle, so it is kept long enough to show.
const SWATCH_MORE: Size = Size { scale: 0.7, arrow: Some(4.0), reach: 0.0 };
const SWATCH_LESS: Size = Size { scale: 0.6, arrow: Some(8.0), reach: 0.0 };

/// How a bar is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Published: solid.
    Solid,
    /// A whole drawn behind its part (nested columns): light.
    Soft,
    /// Computed from other figures: hatched, outlined.
    Derived,
    /// A part-year figure: light, dashed outline open at the base.
    PartYear,
    /// Nearly / about: light, outlined.
    Approx,
}

impl Look {
    /// The look of `m`'s bar.
    pub fn of(m: &Mark) -> Look {
        if m.derived {
            Look::Derived
        } else if m.partial() {
            Look::PartYear
        } else if matches!(m.qualifier, Qualifier::Nearly | Qualifier::About) {
            Look::Approx
        } else {
            Look::Solid
        }
    }

    /// The look of a whole drawn behind its parts: light where it would be solid.
    pub fn behind(self) -> Look {
        match self {
            Look::Solid => Look::Soft,
            other => other,
        }
    }
}

/// Fills `r` in `look` with colour `c`.
fn paint_bar(p: &Painter, r: Rect, look: Look, c: crate::chart::theme::Rgb) -> Result<(), DrawError> {
    let t = p.t;
    match look {
        Look::Derived => {
            p.fill(r, t.tint(c, 0.8))?;
            p.hatch(r, t.tint(c, 0.2))?;
            p.outline(r, c, 1.0)
        }
        Look::PartYear => {
            p.fill(r, t.tint(c, 0.7))?;
            p.dashed(&[(r.x0, r.y1), (r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1)], c, 1.5)
        }
        Look::Approx => {
            p.fill(r, t.tint(c, 0.55))?;
            p.outline(r, c, 1.5)
        }
        Look::Soft => p.fill(r, t.tint(c, 0.45)),
        Look::Solid => p.fill(r, c),
    }
}

/// The bar of `m` in `r` in `look` (usually [`Look::of`] the mark). Records the hit.
pub fn bar(p: &Painter, r: Rect, m: &Mark, look: Look) -> Result<(), DrawError> {
    p.hit(m, r);
    paint_bar(p, r, look, p.t.series(m.color))
}

/// The arrow of a "more than" / "less than" value at `(x, y)` (a bar's end or a point's tip):
/// pointing towards "more" for a lower bound, back towards the value for an upper bound.
pub fn bound(
    p: &Painter,
    (x, y): (f64, f64),
    q: Qualifier,
    toward: Toward,
    len: f64,
    color: crate::chart::theme::Rgb,
) -> Result<(), DrawError> {
    let sign = match q {
        Qualifier::MoreThan | Qualifier::AtLeast => 1.0,
        Qualifier::LessThan => -1.0,
        _ => return Ok(()),
    };
    let dir = toward.unit();
    let (dx, dy) = (dir.0 * sign, dir.1 * sign);
    let start = if sign > 0.0 { 2.0 } else { 2.0 + len };
    let (sx, sy) = (x + dir.0 * start, y + dir.1 * start);
    let (ex, ey) = (sx + dx * len, sy + dy * len);
    p.line(&[(sx, sy), (ex, ey)], color, 1.5)?;
    // Arrow head
    let (px, py) = (-dy, dx);
    p.polygon(
        &[
            (ex + dx * 3.0, ey + dy * 3.0),
            (ex - dx * 2.0 + px * 3.5, ey - dy * 2.0 + py * 3.5),
            (ex - dx * 2.0 - px * 3.5, ey - dy * 2.0 - py * 3.5),
        ],
        color,
    )
}

/// The arrow of a bar's bound at its end `(x, y)` in the direction of the bar.
pub fn bar_bound(p: &Painter, at: (f64, f64), m: &Mark, toward: Toward) -> Result<(), DrawError> {
    bound(p, at, m.qualifier, toward, FULL.arrow.unwrap_or(0.0), p.t.series(m.color))
}

/// The glyph of a point with qualifier `q` at `(x, y)`: filled circle (exact), triangle with
/// arrow (bound), hollow circle (nearly / about).
fn glyph(
    p: &Painter,
    (x, y): (f64, f64),
    q: Qualifier,
    c: crate::chart::theme::Rgb,
    size: Size,
) -> Result<(), DrawError> {
    let k = size.scale;
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan => {
            // The apex points the way of the bound: up for more, down for less.
            let s = if q == Qualifier::LessThan { -1.0 } else { 1.0 };
            let tip = y - 6.0 * k * s;
            p.polygon(&[(x, tip), (x + 5.5 * k, y + 4.0 * k * s), (x - 5.5 * k, y + 4.0 * k * s)], c)?;
            match size.arrow {
                Some(len) => bound(p, (x, tip), q, Toward::Up, len, c),
                None => Ok(()),
            }
        }
        Qualifier::Nearly | Qualifier::About => {
            p.disc(x, y, 5.0 * k, p.t.background)?;
            p.ring(x, y, 5.0 * k, c)
        }
        Qualifier::Exact => p.disc(x, y, 5.0 * k, c),
    }
}

/// The point of `m` at `(x, y)`. Records the hit.
pub fn point(p: &Painter, at: (f64, f64), m: &Mark, size: Size) -> Result<(), DrawError> {
    let r = size.reach;
    p.hit(m, Rect::new(at.0 - r, at.1 - r, at.0 + r, at.1 + r));
    glyph(p, at, m.qualifier, p.t.series(m.color), size)
}

/// Where the stem of a point at `y` whose data year is not given runs: a short stub under a
/// small point; under a full-size one, down to `axis` where there is one (timelines), else a
/// stub.
pub fn stem_span(y: f64, size: Size, axis: Option<f64>) -> (f64, f64) {
    match axis {
        _ if size == SMALL => (y + 3.5, y + 9.0),
        Some(axis) => (y + 7.0, axis),
        None => (y + 6.0, y + 13.0),
    }
}

/// The dashed stem of a point whose data year is not given, from `from` down to `to` at `x`.
pub fn undated_stem(
    p: &Painter,
    x: f64,
    (from, to): (f64, f64),
    color: crate::chart::theme::Rgb,
) -> Result<(), DrawError> {
    p.dashed(&[(x, from), (x, to)], color, 1.0)
}

/// The dashed line that stands where a figure is missing, never a zero bar.
pub fn no_data(p: &Painter, (x0, x1): (f64, f64), y: f64) -> Result<(), DrawError> {
    p.dashed(&[(x0, y), (x1, y)], p.t.no_data, 1.5)
}

/// The words for a missing figure when they fit in `room`, else a dash.
pub fn no_data_word(word: Text, room: f64, lang: Lang) -> &'static str {
    let word = word.t(lang);
    if text_width(word, TINY_SIZE) <= room {
        word
    } else {
        "–"
    }
}

/// The legend's swatch of `g` in `r` (a box of `geom::legend::SWATCH`), drawn by the same
/// code as the marks it explains.
pub fn swatch(p: &Painter, r: Rect, g: Glyph) -> Result<(), DrawError> {
    let c = p.t.muted;
    let (x, y) = (r.x0, r.y0);
    let square = Rect::new(x + 2.0, y + 1.0, x + 14.0, y + 13.0);
    let at = (x + 8.0, y + 7.0);
    match g {
        Glyph::Series(i) => paint_bar(p, square, Look::Solid, p.t.series(i)),
        Glyph::Exact => glyph(p, at, Qualifier::Exact, c, FULL),
        Glyph::MoreThan => glyph(p, (x + 8.0, y + 11.0), Qualifier::MoreThan, c, SWATCH_MORE),
        Glyph::LessThan => glyph(p, (x + 8.0, y + 6.0), Qualifier::LessThan, c, SWATCH_LESS),
        Glyph::Approx => glyph(p, at, Qualifier::About, c, FULL),
        Glyph::Derived => paint_bar(p, square, Look::Derived, c),
        Glyph::PartYear => paint_bar(p, square, Look::PartYear, c),
        Glyph::NoData => {
            no_data(p, (square.x0, square.x1), y + 10.0)?;
            p.text(x + 8.0, y + 6.0, "–", Style::new(11.0, Ink::NoData).at(HPos::Center, VPos::Center))
        }
        Glyph::YearUnknown => {
            undated_stem(p, x + 8.0, (y + 6.0, y + 15.0), c)?;
            glyph(p, (x + 8.0, y + 5.0), Qualifier::About, c, Size { scale: 0.8, ..FULL })
        }
        Glyph::Imported => {
            let marker = Text::ImportedMarker.t(Lang::Zh);
            p.text(
                x + 8.0,
                y + 8.0,
                marker,
                Style::new(15.0, Ink::Text).at(HPos::Center, VPos::Center).bold(),
            )
        }
    }
}

/// The dashed box of a cell with nothing published.
pub fn not_published(p: &Painter, r: Rect) -> Result<(), DrawError> {
    p.dashed(&[(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1), (r.x0, r.y0)], p.t.grid, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::record::{Op, Recorder};
    use crate::chart::theme::LIGHT;
    use crate::data::{Period, Unit};

    fn mark(q: Qualifier, derived: bool, period: Period) -> Mark {
        Mark {
            figure: "f".into(),
            scope: "ftz".into(),
            base: 60.0,
            unit: Unit::Vehicles,
            label: "60".into(),
            qualifier: q,
            derived,
            period,
            color: 0,
            imported: false,
        }
    }

    /// The ops `paint` makes, with colours dropped (a swatch is muted, a mark in its series).
    fn shapes(paint: impl Fn(&Painter) -> Result<(), DrawError>) -> Vec<Op> {
        let mut rec = Recorder::new((100, 100));
        {
            let p = Painter::new(&mut rec, 1.0, 1.0, &LIGHT);
            assert!(paint(&p).is_ok());
        }
        rec.ops
            .into_iter()
            .map(|op| match op {
                Op::Rect { a, b, filled, .. } => Op::Rect { a, b, color: (0, 0, 0), filled },
                Op::Path { points, width, .. } => Op::Path { points, color: (0, 0, 0), width },
                Op::Polygon { points, .. } => Op::Polygon { points, color: (0, 0, 0) },
                Op::Circle { center, radius, filled, .. } => {
                    Op::Circle { center, radius, color: (0, 0, 0), filled }
                }
                text => text,
            })
            .collect()
    }

    #[test]
    fn legend_swatches_draw_what_the_bars_draw() {
        let square = Rect::new(22.0, 31.0, 34.0, 43.0);
        let swatch = |g| shapes(move |p| swatch(p, Rect::new(20.0, 30.0, 36.0, 46.0), g));
        let derived = mark(Qualifier::Exact, true, Period::Year(2023));
        assert_eq!(swatch(Glyph::Derived), shapes(|p| bar(p, square, &derived, Look::of(&derived))));
        let part = mark(Qualifier::Exact, false, Period::Span { start: date(1), end: date(10) });
        assert!(part.partial());
        assert_eq!(swatch(Glyph::PartYear), shapes(|p| bar(p, square, &part, Look::of(&part))));
        let exact = mark(Qualifier::Exact, false, Period::Year(2023));
        assert_eq!(swatch(Glyph::Exact), shapes(|p| point(p, (28.0, 37.0), &exact, FULL)));
        let about = mark(Qualifier::About, false, Period::Year(2023));
        assert_eq!(swatch(Glyph::Approx), shapes(|p| point(p, (28.0, 37.0), &about, FULL)));
    }

    fn date(month: u8) -> crate::data::Date {
        crate::data::Date { year: 2025, month: Some(month), day: None }
    }

    #[test]
    fn bounds_point_their_arrows_the_right_way() {
        // A lower bound's point: the triangle's apex up, then a stem and a head further up.
        let more =
            shapes(|p| point(p, (50.0, 50.0), &mark(Qualifier::MoreThan, false, Period::Year(2023)), FULL));
        let [Op::Polygon { points: tri, .. }, Op::Path { points: stem, .. }, Op::Polygon { points: head, .. }] =
            more.as_slice()
        else {
            panic!("{more:?}")
        };
        assert_eq!(tri[0], (50, 44));
        assert_eq!(stem.as_slice(), [(50, 42), (50, 31)]);
        assert_eq!(head[0], (50, 28));
        // Small points keep the triangle only.
        let small =
            shapes(|p| point(p, (50.0, 50.0), &mark(Qualifier::AtLeast, false, Period::Year(2023)), SMALL));
        assert!(matches!(small.as_slice(), [Op::Polygon { .. }]));
        // An upper bound at a bar's end, pointing right: the arrow runs back to the value.
        let less = mark(Qualifier::LessThan, false, Period::Year(2023));
        let arrow = shapes(|p| bar_bound(p, (50.0, 50.0), &less, Toward::Right));
        let [Op::Path { points: stem, .. }, Op::Polygon { points: head, .. }] = arrow.as_slice() else {
            panic!("{arrow:?}")
        };
        assert_eq!(stem.as_slice(), [(63, 50), (52, 50)]);
        assert_eq!(head[0], (49, 50));
        // Exact values get no arrow.
        let exact = mark(Qualifier::Exact, false, Period::Year(2023));
        assert!(shapes(|p| bar_bound(p, (50.0, 50.0), &exact, Toward::Up)).is_empty());
        assert_eq!((bar_reach(Qualifier::MoreThan), bar_reach(Qualifier::About)), (BAR_ARROW, 0.0));
        assert_eq!(point_lift(Qualifier::LessThan, 10.0), 10.0 + POINT_ARROW);
    }

    #[test]
    fn undated_points_hang_a_stem_to_the_axis_or_a_stub() {
        assert_eq!(stem_span(50.0, FULL, Some(120.0)), (57.0, 120.0));
        assert_eq!(stem_span(50.0, FULL, None), (56.0, 63.0));
        assert_eq!(stem_span(50.0, SMALL, Some(120.0)), (53.5, 59.0));
    }

    #[test]
    fn looks_follow_what_the_figure_is() {
        let y = Period::Year(2023);
        assert_eq!(Look::of(&mark(Qualifier::Exact, true, y)).behind(), Look::Derived);
        assert_eq!(Look::of(&mark(Qualifier::Nearly, false, y)).behind(), Look::Approx);
        assert_eq!(Look::of(&mark(Qualifier::Exact, false, y)).behind(), Look::Soft);
        assert_eq!(Look::of(&mark(Qualifier::MoreThan, false, y)), Look::Solid);
    }
}
