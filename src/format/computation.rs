//! A derived figure's computation in words: its formula with the inputs as published, the
//! result, and the range the rounding of the inputs allows.

use super::*;

/// How a derived figure was computed, with its inputs as published and the range their
/// rounding allows: `27,000 ÷ (1 + 90.5%) ≈ 14,173 vehicles; inputs rounded, so
/// 13,907–14,439 vehicles` (Chinese: `…≈ 14,173辆；输入值经过四舍五入，故实际值在
/// 13,907–14,439辆之间`). Money is in 亿元 for Chinese and billion yuan for English readers.
/// The computed value and the range ends carry at least five significant digits (one more than
/// the inputs allow), so the reader sees where the rounding comes from. `None` for a published
/// figure or a formula that does not resolve.
pub fn computation(f: &Figure, ds: &Dataset, lang: Lang) -> Option<String> {
    let expr = f.formula.as_ref()?;
    let p = precision::precision(f, ds)?;
    let unit = computation_unit(f.unit, lang);
    let formula = expression(expr, ds, unit, lang)?;
    let sig = p.digits.map_or(5, |d| i32::try_from(d).unwrap_or(i32::MAX).saturating_add(1).max(5));
    // The unit follows the value and the range's upper end (`13,907–14,439 vehicles`).
    let number = |v: f64, with_unit: bool| -> Option<String> {
        let v = f.unit.convert(v, unit)?;
        let decimals = match unit.dimension() {
            Dimension::Vehicles | Dimension::Count => 0,
            _ => decimals_for_sig(v, sig),
        };
        let suffix = if with_unit { unit_suffix(unit, lang) } else { String::new() };
        Some(format!("{}{suffix}", grouped(v, decimals)))
    };
    let value = number(f.value, true)?;
    let (lo, hi) = p.range;
    let template = if lo == hi {
        return Some(fill(Text::ComputationExact.t(lang), &[formula, value]));
    } else if f.qualifier.is_bound() {
        Text::ComputationBoundRange
    } else {
        Text::ComputationRange
    };
    Some(fill(template.t(lang), &[formula, value, number(lo, false)?, number(hi, true)?]))
}

/// The unit a computation is written in: money in 亿元 / billion yuan, a fraction as a percentage.
fn computation_unit(unit: Unit, lang: Lang) -> Unit {
    if unit == Unit::Fraction {
        Unit::Pct
    } else {
        display_unit(unit, lang)
    }
}

/// The unit after a number in a sentence: `%`, `辆`, ` vehicles`.
fn unit_suffix(unit: Unit, lang: Lang) -> String {
    match (unit.dimension(), lang) {
        (Dimension::Ratio | Dimension::Growth, _) => "%".into(),
        (_, Lang::Zh) => unit_name(unit, lang).into(),
        (_, Lang::En) => format!(" {}", unit_name(unit, lang)),
    }
}

/// A formula with each figure id replaced by its number as shown (levels in `unit` when they
/// measure the same thing, shares and growth rates as percentages), `×` and `÷` for `*` and
/// `/`, and only the parentheses the order of operations needs.
fn expression(e: &Expr, ds: &Dataset, unit: Unit, lang: Lang) -> Option<String> {
    fn rank(op: Op) -> u8 {
        match op {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
        }
    }
    Some(match e {
        Expr::Num(n) => trim_zeros(grouped(*n, 6)),
        Expr::Ref(r) => input_text(ds.figure(r)?, ds, unit, lang),
        Expr::Neg(x) => match **x {
            Expr::Bin(..) => format!("−({})", expression(x, ds, unit, lang)?),
            _ => format!("−{}", expression(x, ds, unit, lang)?),
        },
        Expr::Bin(a, op, b) => {
            let side = |child: &Expr, right: bool| -> Option<String> {
                let s = expression(child, ds, unit, lang)?;
                let paren = match child {
                    Expr::Bin(_, c, _) => {
                        rank(*c) < rank(*op)
                            || (right && rank(*c) == rank(*op) && matches!(op, Op::Sub | Op::Div))
                    }
                    _ => false,
                };
                Some(if paren { format!("({s})") } else { s })
            };
            let sign = match op {
                Op::Add => "+",
                Op::Sub => "−",
                Op::Mul => "×",
                Op::Div => "÷",
            };
            format!("{} {sign} {}", side(a, false)?, side(b, true)?)
        }
    })
}

/// An input of a computation as a bare number: as published (a derived input as
/// [`honest_precision`] has it), converted to `unit` when it measures the same thing.
fn input_text(g: &Figure, ds: &Dataset, unit: Unit, lang: Lang) -> String {
    let (v, decimals) = honest_precision(g, ds);
    match g.unit.dimension() {
        Dimension::Ratio if g.unit == Unit::Fraction => fraction_text(g.value),
        Dimension::Ratio | Dimension::Growth => format!("{}%", grouped(v, decimals)),
        dim => {
            let target = if dim == unit.dimension() { unit } else { computation_unit(g.unit, lang) };
            let (v, decimals) = convert_decimals(v, g.unit, target, decimals);
            grouped(v, decimals)
        }
    }
}
