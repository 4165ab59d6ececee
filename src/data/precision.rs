//! Honest precision for derived figures: a value computed from published numbers carries no
//! more significant digits than the least precise of them, and stands for a range, not a point.
//!
//! # How a published number is read
//!
//! * **Significant digits as written** ([`significant_digits`]): leading zeros never count
//!   (`0.15` → 2); every digit after a decimal point does (`2.70` → 3); **trailing zeros of a
//!   whole number do not** (`27000` → 2, `368000` → 3, `60` → 1). Sources round to 万 and 千
//!   habitually (36.8万辆 is stored as `368000`), so a written `27000` is read as "27 thousand,
//!   rounded", the reading that never claims precision the source may not have.
//! * **The interval it stands for** ([`rounding_interval`]): ± half a unit in its last
//!   significant digit (`2.7` → 2.65–2.75; `27000` → 26,500–27,500; `90.5` → 90.45–90.55).
//! * **Numbers taken as exact** ([`Stated::Exact`]): a fraction (`2/3`: a ratio, not a rounded
//!   decimal); the threshold of a bound (超60% / 至少1 / 不足…: the source states the bound
//!   itself, and the derived figure carries the bound in its own qualifier); and a count of
//!   whole things (enterprises, items, cases, units) given as an exact whole number (`151`
//!   tasks: counted, not measured). Exact numbers do not limit the digits of a result.
//! * `约` (about) and `近` (nearly) widen the truth by an amount no source states; the range
//!   here is the rounding range only, and the figure keeps its qualifier wherever it is shown.
//!
//! # A derived figure
//!
//! Its range is its formula evaluated over the intervals of its inputs ([`eval`]: interval
//! arithmetic, exact for formulas that use each input once, as all of the dataset's do); its
//! digits are the fewest of any input ([`precision`]), following derived inputs down to
//! published ones.

use std::collections::HashMap;

use super::formula::{Expr, Op};
use super::load::Dataset;
use super::number::{magnitude, parse_decimal, pow10};
use super::record::{Figure, Qualifier};
use super::unit::Dimension;

/// The longest chain of derived figures followed (the dataset checks there are no cycles;
/// this bounds the recursion for any dataset).
const MAX_DEPTH: usize = 32;

/// The integer and fraction digits of a plain decimal (`-7137.4` → `("7137", Some("4"))`);
/// `None` when `text` is not one.
fn parts(text: &str) -> Option<(&str, Option<&str>)> {
    let t = text.trim();
    parse_decimal(t)?;
    let body = t.strip_prefix('-').unwrap_or(t);
    Some(match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    })
}

/// Significant digits of a published number as written (`2.7` → 2, `7137.4` → 5, `90.5` → 3,
/// `0.15` → 2, `27000` → 2, `0` → 1); `None` for a text that is not a plain decimal (`2/3`).
pub fn significant_digits(text: &str) -> Option<u32> {
    let (int, frac) = parts(text)?;
    let n = match frac {
        Some(f) => {
            let all = format!("{int}{f}");
            let trimmed = all.trim_start_matches('0');
            if trimmed.is_empty() {
                f.len().max(1)
            } else {
                trimmed.len()
            }
        }
        None => int.trim_start_matches('0').trim_end_matches('0').len().max(1),
    };
    u32::try_from(n).ok()
}

/// The place value of the last significant digit as written: `2.7` → 0.1, `7137.4` → 0.1,
/// `27000` → 1000, `151` → 1, `0` → 1.
pub fn last_place(text: &str) -> Option<f64> {
    let (int, frac) = parts(text)?;
    let e = match frac {
        Some(f) => -i32::try_from(f.len()).ok()?,
        None => {
            let significant = int.trim_start_matches('0');
            let zeros = significant.len() - significant.trim_end_matches('0').len();
            if significant.is_empty() {
                0
            } else {
                i32::try_from(zeros).ok()?
            }
        }
    };
    Some(pow10(e))
}

/// The interval a rounded number stands for: ± half a unit in its last significant digit
/// (`2.7` → 2.65–2.75, `27000` → 26,500–27,500).
pub fn rounding_interval(text: &str) -> Option<(f64, f64)> {
    let v = parse_decimal(text.trim())?;
    let half = last_place(text)? / 2.0;
    Some((v - half, v + half))
}

/// How precisely a published figure states its number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stated {
    /// Rounded to `digits` significant digits: the true value lies in `lo..=hi` (in the
    /// figure's unit).
    Rounded { digits: u32, lo: f64, hi: f64 },
    /// Taken as exact: a fraction, the threshold of a bound, or an exact count.
    Exact,
}

/// How a published figure states its number; `None` for a derived figure or a value text that
/// does not read (the dataset never has one).
pub fn stated(f: &Figure) -> Option<Stated> {
    if f.is_derived() {
        return None;
    }
    let text = f.value_text.trim();
    let whole_count = f.unit.dimension() == Dimension::Count && !text.contains('.');
    if text.contains('/') || f.qualifier.is_bound() || (whole_count && f.qualifier == Qualifier::Exact) {
        return Some(Stated::Exact);
    }
    let digits = significant_digits(text)?;
    let (lo, hi) = rounding_interval(text)?;
    Some(Stated::Rounded { digits, lo, hi })
}

/// What a figure's number allows: the significant digits it may be shown with (`None`: no
/// input limits them, every input being exact) and the range the true value lies in, in the
/// figure's unit (a point for an exact number).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Precision {
    pub digits: Option<u32>,
    pub range: (f64, f64),
}

/// The precision of any figure: a published one as [`stated`], a derived one from its inputs.
/// `None` when a derived figure's formula does not resolve in `ds`, divides by an interval
/// containing zero, or chains more than 32 derived figures deep (the dataset's chains are one
/// deep; the page then keeps its three-digit default). Each figure is worked out once per call,
/// so a formula that uses a derived input many times costs no more than one that uses it once.
pub fn precision(f: &Figure, ds: &Dataset) -> Option<Precision> {
    precision_at(f, ds, 0, &mut HashMap::new())
}

fn precision_at<'d>(
    f: &'d Figure,
    ds: &'d Dataset,
    depth: usize,
    memo: &mut HashMap<&'d str, Option<Precision>>,
) -> Option<Precision> {
    let Some(expr) = f.formula.as_ref() else {
        return Some(match stated(f)? {
            Stated::Rounded { digits, lo, hi } => Precision { digits: Some(digits), range: (lo, hi) },
            Stated::Exact => Precision { digits: None, range: (f.value, f.value) },
        });
    };
    if let Some(known) = memo.get(f.id.as_str()) {
        return *known;
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    let mut digits: Option<u32> = None;
    let range = eval(expr, &mut |r| {
        let g = ds.figure(r)?;
        let p = precision_at(g, ds, depth + 1, memo)?;
        digits = match (digits, p.digits) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Some((g.unit.to_base(p.range.0), g.unit.to_base(p.range.1)))
    });
    // Unit factors are positive, so the order of the ends is kept.
    let p = range.map(|(lo, hi)| Precision { digits, range: (f.unit.from_base(lo), f.unit.from_base(hi)) });
    memo.insert(f.id.as_str(), p);
    p
}

/// The range a figure's true value lies in, in its unit (see [`precision`]).
pub fn range(f: &Figure, ds: &Dataset) -> Option<(f64, f64)> {
    precision(f, ds).map(|p| p.range)
}

/// The significant digits a figure may be shown with; `None` when nothing limits them or the
/// figure does not resolve.
pub fn digits(f: &Figure, ds: &Dataset) -> Option<u32> {
    precision(f, ds).and_then(|p| p.digits)
}

/// `v` rounded to `digits` significant digits (half away from zero).
pub fn round_to_digits(v: f64, digits: u32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let e = i32::try_from(digits).unwrap_or(i32::MAX).saturating_sub(1).saturating_sub(magnitude(v));
    let scale = pow10(e.clamp(-300, 300));
    (v * scale).round() / scale
}

/// A formula evaluated over intervals: each reference gives the interval (`lo`, `hi`) its
/// figure stands for. Addition, subtraction, multiplication and division are monotonic in each
/// operand, so the result's ends are among the operands' ends; a divisor interval containing
/// zero (or touching it) gives `None`, as does a non-finite end.
pub fn eval(e: &Expr, lookup: &mut dyn FnMut(&str) -> Option<(f64, f64)>) -> Option<(f64, f64)> {
    let (lo, hi) = match e {
        Expr::Num(n) => (*n, *n),
        Expr::Ref(r) => {
            let (a, b) = lookup(r)?;
            (a.min(b), a.max(b))
        }
        Expr::Neg(x) => {
            let (a, b) = eval(x, lookup)?;
            (-b, -a)
        }
        Expr::Bin(x, op, y) => {
            let (a, b) = eval(x, lookup)?;
            let (c, d) = eval(y, lookup)?;
            match op {
                Op::Add => (a + c, b + d),
                Op::Sub => (a - d, b - c),
                Op::Mul => extremes([a * c, a * d, b * c, b * d]),
                Op::Div => {
                    if c <= 0.0 && d >= 0.0 {
                        return None;
                    }
                    extremes([a / c, a / d, b / c, b / d])
                }
            }
        }
    };
    (lo.is_finite() && hi.is_finite()).then_some((lo, hi))
}

fn extremes(v: [f64; 4]) -> (f64, f64) {
    v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_written() {
        for (text, n) in [
            ("2.7", 2),
            ("7137.4", 5),
            ("90.5", 3),
            ("0.15", 2),
            ("2.70", 3),
            ("27000", 2),
            ("368000", 3),
            ("60", 1),
            ("151", 3),
            ("0", 1),
            ("-3.0", 2),
        ] {
            assert_eq!(significant_digits(text), Some(n), "{text}");
        }
        assert_eq!(significant_digits("2/3"), None);
        assert_eq!(significant_digits("超60"), None);
    }

    #[test]
    fn intervals_are_half_a_unit_in_the_last_digit() {
        let close = |a: Option<(f64, f64)>, b: (f64, f64)| {
            a.is_some_and(|(x, y)| (x - b.0).abs() < 1e-9 && (y - b.1).abs() < 1e-9)
        };
        assert!(close(rounding_interval("2.7"), (2.65, 2.75)));
        assert!(close(rounding_interval("27000"), (26500.0, 27500.0)));
        assert!(close(rounding_interval("90.5"), (90.45, 90.55)));
        assert!(close(rounding_interval("151"), (150.5, 151.5)));
        assert_eq!(last_place("0.15"), Some(0.01));
    }

    #[test]
    fn interval_arithmetic() {
        let e = |s: &str| Expr::parse(s).ok();
        let vars = |r: &str| match r {
            "a" => Some((1.0, 2.0)),
            "b" => Some((-3.0, 4.0)),
            "c" => Some((2.0, 4.0)),
            _ => None,
        };
        let run = |s: &str| e(s).and_then(|x| eval(&x, &mut |r| vars(r)));
        assert_eq!(run("a + c"), Some((3.0, 6.0)));
        assert_eq!(run("a - c"), Some((-3.0, 0.0)));
        assert_eq!(run("a * b"), Some((-6.0, 8.0)));
        assert_eq!(run("a / c"), Some((0.25, 1.0)));
        assert_eq!(run("-a"), Some((-2.0, -1.0)));
        assert_eq!(run("a / b"), None, "the divisor's interval contains zero");
        assert_eq!(run("a / (c - 2)"), None, "the divisor's interval touches zero");
        assert_eq!(run("a / -c"), Some((-1.0, -0.25)));
        assert_eq!(run("x + 1"), None);
    }

    #[test]
    fn rounding_to_digits() {
        assert_eq!(round_to_digits(14173.2, 2), 14000.0);
        assert_eq!(round_to_digits(6515.1, 3), 6520.0);
        assert_eq!(round_to_digits(0.0, 2), 0.0);
        assert_eq!(round_to_digits(-0.01234, 2), -0.012);
    }
}
