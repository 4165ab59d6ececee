//! Placing value labels where they overlap nothing already drawn: on the mark, beside it, on
//! another baseline, or (in dense panels) nowhere, and which marks of a dense panel are
//! labelled at all.

use super::geom::Rect;
use super::mark::Mark;

/// The height of a one-line value label above its baseline.
pub const LABEL_H: f64 = 13.0;

/// How far above and below a point its label's baseline may sit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baselines {
    pub above: f64,
    pub below: f64,
}

/// The box of a label of width `w` centred at `cx` with its baseline at `y`.
pub fn label_box((cx, y): (f64, f64), w: f64) -> Rect {
    Rect::new(cx - w / 2.0, y - LABEL_H, cx + w / 2.0, y)
}

/// The halo behind a label of width `w` at `at` (a label over a crowd of points), a little
/// wider and deeper than the label.
pub fn halo_box((cx, y): (f64, f64), w: f64) -> Rect {
    Rect::new(cx - w / 2.0 - 2.0, y - LABEL_H, cx + w / 2.0 + 2.0, y + 1.0)
}

/// `x` moved so that a label of width `w` centred on it stays within [left, right].
pub fn clamp_center(x: f64, w: f64, (left, right): (f64, f64)) -> f64 {
    x.clamp(left + w / 2.0, (right - w / 2.0).max(left + w / 2.0))
}

/// Indices of the lowest, the highest and the last of `marks` (the first of equals; fewer when
/// they coincide): the points a dense panel labels.
pub fn key_marks<'m>(marks: impl Iterator<Item = &'m Mark>) -> Vec<usize> {
    let mut lo: Option<(usize, f64)> = None;
    let mut hi: Option<(usize, f64)> = None;
    let mut last = None;
    for (i, m) in marks.enumerate() {
        if lo.is_none_or(|(_, v)| m.value() < v) {
            lo = Some((i, m.value()));
        }
        if hi.is_none_or(|(_, v)| m.value() > v) {
            hi = Some((i, m.value()));
        }
        last = Some(i);
    }
    let mut out: Vec<usize> = Vec::new();
    for i in [lo.map(|l| l.0), hi.map(|h| h.0), last].into_iter().flatten() {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The spots tried for a label of width `w` of a mark at `x`, in order: centred on the mark,
/// then beside it (right, then left, then twice as far), on each of the baselines `ys`; each
/// kept within `span`.
pub fn label_spots(x: f64, ys: &[f64], w: f64, span: (f64, f64)) -> impl Iterator<Item = (f64, f64)> + '_ {
    [0.0, 1.0, -1.0, 2.0, -2.0].into_iter().flat_map(move |shift| {
        ys.iter().map(move |&y| (clamp_center(x + shift * (w / 2.0 + 6.0), w, span), y))
    })
}

/// True when a label of width `w` with its baseline at `spot` overlaps nothing `placed`.
pub fn label_fits(placed: &[Rect], spot: (f64, f64), w: f64) -> bool {
    let b = label_box(spot, w);
    !placed.iter().any(|r| r.overlaps(&b))
}

/// Where to put a label of width `w` for a mark at `x`: the first of [`label_spots`] where it
/// fits, else centred on the mark on the last baseline.
pub fn place_label(placed: &[Rect], x: f64, ys: &[f64], w: f64, span: (f64, f64)) -> (f64, f64) {
    try_place_label(placed, x, ys, w, span)
        .unwrap_or((clamp_center(x, w, span), ys.last().copied().unwrap_or(0.0)))
}

/// [`place_label`] without the last resort: `None` when the label fits nowhere (a dense panel
/// then leaves it out; the mark keeps its tooltip).
pub fn try_place_label(placed: &[Rect], x: f64, ys: &[f64], w: f64, span: (f64, f64)) -> Option<(f64, f64)> {
    label_spots(x, ys, w, span).find(|&spot| label_fits(placed, spot, w))
}

/// A spot for a dot's label: the nearest to the dot (at `px`, on the line at `ly`) of
/// [`label_spots`] that overlaps nothing placed and is not nearer another dot of the row than
/// its own (a label beside the wrong dot misleads).
pub fn place_dot_label(
    placed: &[Rect],
    (px, ly): (f64, f64),
    ys: &[f64],
    w: f64,
    span: (f64, f64),
    dots: &[f64],
) -> Option<(f64, f64)> {
    let mut spots: Vec<(f64, f64)> = label_spots(px, ys, w, span).collect();
    let distance = |(cx, y): (f64, f64)| (cx - px).abs() + (y - 6.0 - ly).abs();
    // Nearest first (stable: equal distances keep the candidates' order).
    spots.sort_by(|a, b| distance(*a).total_cmp(&distance(*b)));
    spots.into_iter().find(|&(cx, y)| {
        let own = (cx - px).abs();
        label_fits(placed, (cx, y), w) && dots.iter().all(|d| (cx - d).abs() + 0.5 >= own)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_label_sits_centred_on_its_mark_on_the_first_baseline() {
        assert_eq!(place_label(&[], 100.0, &[50.0, 80.0], 20.0, (0.0, 300.0)), (100.0, 50.0));
    }

    #[test]
    fn a_label_moves_beside_then_to_the_next_baseline_when_taken() {
        // Centred on the mark is taken; beside it (half its width and 6 px away, either side)
        // comes within 2 px of the taken one: twice as far, to the right first.
        let taken = [label_box((100.0, 50.0), 20.0)];
        assert_eq!(place_label(&taken, 100.0, &[50.0], 20.0, (0.0, 300.0)), (132.0, 50.0));
        // A narrower taken label leaves room right beside.
        let narrow = [label_box((100.0, 50.0), 8.0)];
        assert_eq!(place_label(&narrow, 100.0, &[50.0], 20.0, (0.0, 300.0)), (116.0, 50.0));
        // The whole first baseline is taken: the second one, centred.
        let wall = [Rect::new(0.0, 30.0, 300.0, 50.0)];
        assert_eq!(place_label(&wall, 100.0, &[50.0, 80.0], 20.0, (0.0, 300.0)), (100.0, 80.0));
        // Nowhere free: a dense panel leaves it out, a sparse one puts it on the last baseline.
        let all = [Rect::new(0.0, 0.0, 300.0, 100.0)];
        assert_eq!(try_place_label(&all, 100.0, &[50.0, 80.0], 20.0, (0.0, 300.0)), None);
        assert_eq!(place_label(&all, 100.0, &[50.0, 80.0], 20.0, (0.0, 300.0)), (100.0, 80.0));
    }

    #[test]
    fn labels_stay_inside_the_plot() {
        assert_eq!(place_label(&[], 2.0, &[50.0], 40.0, (0.0, 300.0)), (20.0, 50.0));
        assert_eq!(place_label(&[], 299.0, &[50.0], 40.0, (0.0, 300.0)), (280.0, 50.0));
    }

    #[test]
    fn a_dot_label_never_sits_nearer_another_dot() {
        // Above the dot at 100 is taken; right of it is nearer the dot at 118, just left of it
        // overlaps what is taken: twice as far left.
        let taken = [label_box((100.0, 42.0), 20.0)];
        let spot = place_dot_label(&taken, (100.0, 50.0), &[42.0], 20.0, (0.0, 300.0), &[100.0, 118.0]);
        assert_eq!(spot, Some((68.0, 42.0)));
    }

    #[test]
    fn dense_panels_label_the_lowest_the_highest_and_the_last() {
        let mark = |v: f64| Mark {
            figure: String::new(),
            scope: String::new(),
            base: v,
            unit: crate::data::Unit::Vehicles,
            label: String::new(),
            qualifier: crate::data::Qualifier::Exact,
            derived: false,
            period: crate::data::Period::Undated,
            color: 0,
            imported: false,
        };
        let marks: Vec<Mark> = [5.0, 1.0, 9.0, 9.0, 3.0].into_iter().map(mark).collect();
        assert_eq!(key_marks(marks.iter()), [1, 2, 4]);
        assert_eq!(key_marks(marks[..3].iter()), [1, 2]);
    }
}
