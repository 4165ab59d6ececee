//! Number formatting for both languages.
//!
//! Chinese groups large numbers in 万 (10⁴) and 亿 (10⁸): 1.87万户, 7,137.4亿元, 2.7万辆.
//! English uses thousands separators and k / M / bn: 18,673; CNY 713.7 bn; 27,000 vehicles.
//! Published numbers keep the precision the source printed; derived ones get the significant
//! digits of their least precise input (three when all inputs are exact), so a computed value
//! never looks more precise than its inputs.

use crate::data::formula::{Expr, Op};
use crate::data::number::{fixed, magnitude, pow10};
use crate::data::precision;
use crate::data::{Dataset, Dimension, Figure, Period, Qualifier, Unit};
use crate::i18n::{fill, qualifier_sign, qualifier_word, unit_name, Lang, Text};

/// Digits after the decimal point in a source's printed value (`7137.4` → 1).
pub fn decimals_of(text: &str) -> usize {
    text.split_once('.').map_or(0, |(_, d)| d.len())
}

/// `v` with `decimals` decimals and thousands separators (`7137.4` → `7,137.4`).
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = fixed(v.abs(), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    let is_zero = out.bytes().all(|b| matches!(b, b'0' | b'.' | b','));
    if v < 0.0 && !is_zero {
        out.insert(0, '-');
    }
    out
}

/// Decimals needed to show `v` with `sig` significant digits (never negative).
pub fn decimals_for_sig(v: f64, sig: i32) -> usize {
    if v == 0.0 || !v.is_finite() {
        return 0;
    }
    (sig - 1 - magnitude(v)).max(0) as usize
}

/// Decimals for a derived value: three significant digits, none for whole things (vehicles,
/// enterprises, items), so a computed count never reads `3.00`.
pub fn derived_decimals(v: f64, unit: Unit) -> usize {
    match unit.dimension() {
        Dimension::Vehicles | Dimension::Count => 0,
        _ => decimals_for_sig(v, 3),
    }
}

/// Removes trailing zeros after a decimal point (`2.70` → `2.7`, `3.0` → `3`).
fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Rounds to `sig` significant digits (for derived values).
pub fn round_sig(v: f64, sig: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = pow10(sig - 1 - magnitude(v));
    (v * scale).round() / scale
}

/// A plain count or quantity in the reader's system, compact: zh `1.87万`, en `18.7k`.
/// `decimals` is the precision of `v` itself; compact forms never invent precision.
pub fn compact(v: f64, lang: Lang) -> String {
    let a = v.abs();
    match lang {
        Lang::Zh if a >= 1e8 || (a / 1e4 * 100.0).round() >= 1e6 => {
            format!("{}亿", trim_zeros(fixed(v / 1e8, 2)))
        }
        Lang::Zh if a >= 1e4 => format!("{}万", trim_zeros(fixed(v / 1e4, 2))),
        Lang::En if a >= 1e9 => format!("{}bn", trim_zeros(fixed(v / 1e9, 2))),
        Lang::En if a >= 1e6 => format!("{}M", trim_zeros(fixed(v / 1e6, 2))),
        Lang::En if a >= 1e4 => format!("{}k", trim_zeros(fixed(v / 1e3, 1))),
        _ => trim_zeros(grouped(v, 2)),
    }
}

/// How a figure's number reads in a sentence, a label, a tooltip or the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Tight chart labels: short qualifier signs, compact magnitudes.
    Label,
    /// Sentences, cards and tables: qualifier words, full precision.
    Full,
}

/// Formats `value` (already in `unit`) with its qualifier.
///
/// `decimals` is how many decimals the number carries (from the source, or from rounding a
/// derived value). Money is shown in 亿元 for Chinese and CNY bn for English.
pub fn quantity(value: f64, unit: Unit, decimals: usize, q: Qualifier, lang: Lang, style: Style) -> String {
    let word = match style {
        Style::Label => qualifier_sign(q, lang),
        Style::Full => qualifier_word(q, lang),
    };
    let body = match (unit.dimension(), lang) {
        (Dimension::Ratio, _) if unit == Unit::Fraction => fraction_text(value),
        (Dimension::Ratio | Dimension::Growth, _) => format!("{}%", grouped(value, decimals)),
        (Dimension::Yuan, Lang::Zh) => {
            let (v, d) = convert_decimals(value, unit, Unit::YiYuan, decimals);
            format!("{}亿元", grouped(v, d))
        }
        (Dimension::Yuan, Lang::En) => {
            let (v, d) = convert_decimals(value, unit, Unit::BnYuan, decimals);
            format!("CNY {} bn", grouped(v, d))
        }
        (Dimension::Usd, Lang::Zh) => {
            let (v, d) = convert_decimals(value, unit, Unit::YiUsd, decimals);
            format!("{}亿美元", grouped(v, d))
        }
        (Dimension::Usd, Lang::En) => {
            let base = unit.to_base(value);
            format!("USD {} M", grouped(base / 1e6, decimals_for_sig(base / 1e6, 4).min(2)))
        }
        (Dimension::Vehicles, _) => {
            let (v, d) = convert_decimals(value, unit, Unit::Vehicles, decimals);
            let n = if lang == Lang::Zh && v.abs() >= 1e4 && style == Style::Label {
                compact(v, lang)
            } else if lang == Lang::Zh && v.abs() >= 1e4 {
                format!("{}万", trim_zeros(grouped(v / 1e4, (d + 4).min(4))))
            } else {
                grouped(v, d)
            };
            match lang {
                Lang::Zh => format!("{n}辆"),
                Lang::En => format!("{n} vehicles"),
            }
        }
        (Dimension::Count | Dimension::Area, _) => {
            let n = if style == Style::Label && lang == Lang::Zh && value.abs() >= 1e4 {
                compact(value, lang)
            } else {
                grouped(value, decimals)
            };
            let name = unit_name(unit, lang);
            match (lang, unit) {
                (Lang::Zh, _) => format!("{n}{name}"),
                (Lang::En, Unit::Km2) => format!("{n} {name}"),
                (Lang::En, _) if style == Style::Label => n,
                (Lang::En, _) => format!("{n} {name}"),
            }
        }
    };
    format!("{word}{body}")
}

/// `value` of `from` in `to`, with the decimals adjusted so no precision is invented or lost
/// (713.74 bn → 7,137.4 亿; 2.7 万辆 → 27,000 辆).
pub fn convert_decimals(value: f64, from: Unit, to: Unit, decimals: usize) -> (f64, usize) {
    let v = from.convert(value, to).unwrap_or(value);
    let shift = i64::from(magnitude(from.factor() / to.factor()));
    let d = (decimals as i64 - shift).max(0) as usize;
    (v, d)
}

fn fraction_text(value: f64) -> String {
    for d in 2..=12u32 {
        let n = value * f64::from(d);
        if (n - n.round()).abs() < 1e-9 {
            return format!("{}/{}", n.round() as i64, d);
        }
    }
    format!("{}%", fixed(value * 100.0, 1))
}

/// A figure's value with its qualifier, in `display` unit when given (else its own unit).
/// Derived values are rounded to three significant digits.
pub fn figure_value(f: &Figure, lang: Lang, style: Style) -> String {
    let (value, decimals) = figure_precision(f);
    quantity(value, f.unit, decimals, f.qualifier, lang, style)
}

/// The value to print and its decimals: as published, or rounded when derived.
pub fn figure_precision(f: &Figure) -> (f64, usize) {
    if f.is_derived() {
        let v = round_sig(f.value, 3);
        (v, derived_decimals(v, f.unit))
    } else if f.unit == Unit::Fraction {
        (f.value, 0)
    } else {
        (f.value, decimals_of(&f.value_text))
    }
}

/// The value to print and its decimals for any figure: as [`figure_precision`], except that a
/// derived value gets the significant digits of its least precise input
/// ([`precision::digits`]) rather than three, so `ftz_nev_2022` (2.7万 ÷ (1 + 90.5%)) is
/// 14,000, not 14,200. A derived figure whose inputs are all exact, or whose formula does not
/// resolve in `ds`, keeps the three-digit default. Whole things never get decimals.
pub fn honest_precision(f: &Figure, ds: &Dataset) -> (f64, usize) {
    match (f.is_derived(), precision::digits(f, ds)) {
        (true, Some(digits)) => {
            let v = precision::round_to_digits(f.value, digits);
            let decimals = match f.unit.dimension() {
                Dimension::Vehicles | Dimension::Count => 0,
                _ => decimals_for_sig(v, i32::try_from(digits).unwrap_or(i32::MAX)),
            };
            (v, decimals)
        }
        _ => figure_precision(f),
    }
}

/// A figure's value as [`figure_value`] writes it, with a derived value no more precise than
/// its inputs ([`honest_precision`]): `ftz_nev_2022` reads 约1.4万辆 / about 14,000 vehicles.
/// A derived value rounded away from what was computed is never called exact: an `exact`
/// qualifier then reads as about. Published figures read exactly as [`figure_value`] has them.
pub fn derived_value(f: &Figure, ds: &Dataset, lang: Lang, style: Style) -> String {
    let digits = if f.is_derived() { precision::digits(f, ds) } else { None };
    let Some(digits) = digits else { return figure_value(f, lang, style) };
    let (v, decimals) = honest_precision(f, ds);
    let q = if f.qualifier == Qualifier::Exact && v != f.value { Qualifier::About } else { f.qualifier };
    // Decimals counted in the unit shown: 7,100亿元 is CNY 710 bn, not 710.0 bn.
    let unit = display_unit(f.unit, lang);
    let shown = f.unit.convert(v, unit).unwrap_or(v);
    let decimals = match unit.dimension() {
        Dimension::Vehicles | Dimension::Count => decimals,
        _ => decimals_for_sig(shown, i32::try_from(digits).unwrap_or(i32::MAX)),
    };
    quantity(shown, unit, decimals, q, lang, style)
}

/// A period in words (`2023`, `2025年1–10月`, `截至2020-03-31`, `2018-12表述,数据年份未注明`).
pub fn period(p: &Period, lang: Lang) -> String {
    use crate::data::Date;
    fn month_en(m: u8) -> &'static str {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            .get(usize::from(m.saturating_sub(1)))
            .copied()
            .unwrap_or("")
    }
    fn date(d: &Date, lang: Lang) -> String {
        match (lang, d.month, d.day) {
            (Lang::Zh, None, _) => format!("{}年", d.year),
            (Lang::Zh, Some(m), None) => format!("{}年{}月", d.year, m),
            (Lang::Zh, Some(m), Some(day)) => format!("{}年{}月{}日", d.year, m, day),
            (Lang::En, None, _) => format!("{}", d.year),
            (Lang::En, Some(m), None) => format!("{} {}", month_en(m), d.year),
            (Lang::En, Some(m), Some(day)) => format!("{} {} {}", day, month_en(m), d.year),
        }
    }
    match (p, lang) {
        (Period::Year(y), Lang::Zh) => format!("{y}年"),
        (Period::Year(y), Lang::En) => format!("{y}"),
        (Period::Span { start, end }, Lang::Zh) if start.year == end.year => {
            format!("{}年{}–{}月", start.year, start.month.unwrap_or(1), end.month.unwrap_or(12))
        }
        (Period::Span { start, end }, Lang::En) if start.year == end.year => format!(
            "{}–{} {}",
            month_en(start.month.unwrap_or(1)),
            month_en(end.month.unwrap_or(12)),
            start.year
        ),
        (Period::Span { start, end }, _) => format!("{}–{}", date(start, lang), date(end, lang)),
        (Period::AsOf { date: d, approx: false }, Lang::Zh) => format!("截至{}", date(d, lang)),
        (Period::AsOf { date: d, approx: false }, Lang::En) => format!("as of {}", date(d, lang)),
        (Period::AsOf { date: d, approx: true }, Lang::Zh) => format!("约截至{}", date(d, lang)),
        (Period::AsOf { date: d, approx: true }, Lang::En) => format!("as of c. {}", date(d, lang)),
        (Period::Stated(d), Lang::Zh) => format!("{}表述，数据年份未注明", date(d, lang)),
        (Period::Stated(d), Lang::En) => format!("stated {}, data year not given", date(d, lang)),
        (Period::Undated, Lang::Zh) => "日期不详".into(),
        (Period::Undated, Lang::En) => "undated".into(),
    }
}

/// An axis tick in the reader's system: `0`, `2,000`, `1万`, `10k`, `60%`.
pub fn tick(v: f64, unit: Unit, step: f64, lang: Lang) -> String {
    let decimals = decimals_for_step(step);
    match unit.dimension() {
        Dimension::Ratio | Dimension::Growth => format!("{}%", grouped(v, decimals)),
        Dimension::Vehicles | Dimension::Count if v.abs() >= 1e4 => compact(v, lang),
        _ => grouped(v, decimals),
    }
}

fn decimals_for_step(step: f64) -> usize {
    if step <= 0.0 || !step.is_finite() {
        return 0;
    }
    let d = -i64::from(magnitude(step));
    d.clamp(0, 6) as usize
}

/// The unit a panel shows money in: 亿元 for Chinese readers, billion yuan for English ones.
pub fn display_unit(unit: Unit, lang: Lang) -> Unit {
    match (unit.dimension(), lang) {
        (Dimension::Yuan, Lang::Zh) => Unit::YiYuan,
        (Dimension::Yuan, Lang::En) => Unit::BnYuan,
        _ => unit,
    }
}

/// The unit named in an axis or panel title (`亿元`, `CNY bn`, `vehicles`).
pub fn axis_unit(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::BnYuan, Lang::En) => "CNY bn",
        (Unit::YiYuan, Lang::En) => "CNY 100 m",
        (Unit::Fraction, _) => "%",
        _ => unit_name(unit, lang),
    }
}

/// A figure as a tight chart label in `display` unit, without the unit name (the axis names
/// it): `超60%`, `近2/3`, `7,137.4`, `约1.4万`, `>4,280`. A derived value has no more
/// significant digits than its least precise input ([`precision::digits`], as
/// [`derived_value`]); one rounded away from what was computed is never shown as exact.
pub fn bare(f: &Figure, ds: &Dataset, display: Unit, lang: Lang) -> String {
    let digits = if f.is_derived() { precision::digits(f, ds) } else { None };
    let q = match digits {
        Some(_) if f.qualifier == Qualifier::Exact && honest_precision(f, ds).0 != f.value => {
            Qualifier::About
        }
        _ => f.qualifier,
    };
    let sign = qualifier_sign(q, lang);
    if f.unit == Unit::Fraction {
        return format!("{sign}{}", fraction_text(f.value));
    }
    let (v, d) = if let (true, Some(digits)) = (f.is_derived(), digits) {
        let v = f.value_in(display).map_or(f.value, |v| precision::round_to_digits(v, digits));
        let d = match display.dimension() {
            Dimension::Vehicles | Dimension::Count => 0,
            _ => decimals_for_sig(v, i32::try_from(digits).unwrap_or(i32::MAX)),
        };
        (v, d)
    } else if f.is_derived() {
        let v = f.value_in(display).map_or(f.value, |v| round_sig(v, 3));
        (v, derived_decimals(v, display))
    } else {
        convert_decimals(f.value, f.unit, display, decimals_of(&f.value_text))
    };
    let number = match display.dimension() {
        Dimension::Ratio | Dimension::Growth => format!("{}%", grouped(v, d)),
        Dimension::Vehicles | Dimension::Count if lang == Lang::Zh && v.abs() >= 1e4 => compact(v, lang),
        _ => grouped(v, d),
    };
    format!("{sign}{number}")
}

fn month_abbr(m: u8) -> &'static str {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .get(usize::from(m.saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

/// A period in as few characters as a chart label allows (`2017.4–2019.4`, `Jan–Oct 2025`).
pub fn short_period(p: &Period, lang: Lang) -> String {
    use crate::data::Date;
    let d = |d: &Date| match d.month {
        Some(m) => match lang {
            Lang::Zh => format!("{}.{}", d.year, m),
            Lang::En => format!("{}/{}", m, d.year),
        },
        None => d.year.to_string(),
    };
    match (p, lang) {
        (Period::Year(y), _) => y.to_string(),
        (Period::Span { start, end }, Lang::Zh) if start.year == end.year => {
            format!("{}–{}月", start.month.unwrap_or(1), end.month.unwrap_or(12))
        }
        (Period::Span { start, end }, Lang::En) if start.year == end.year => {
            format!("{}–{}", month_abbr(start.month.unwrap_or(1)), month_abbr(end.month.unwrap_or(12)))
        }
        (Period::Span { start, end }, _) => format!("{}–{}", d(start), d(end)),
        (Period::AsOf { date, approx }, Lang::Zh) => {
            format!("{}截至{}", if *approx { "约" } else { "" }, d(date))
        }
        (Period::AsOf { date, approx }, Lang::En) => {
            format!("{}{}", if *approx { "c. " } else { "to " }, d(date))
        }
        (Period::Stated(date), Lang::Zh) => format!("{}表述", d(date)),
        (Period::Stated(date), Lang::En) => format!("stated {}", d(date)),
        (Period::Undated, _) => period(p, lang),
    }
}

mod computation;
pub use computation::computation;

#[cfg(test)]
mod tests;
