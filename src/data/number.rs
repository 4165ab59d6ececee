//! Decimal numbers: parsing without the standard float parser; formatting with the standard one.
//!
//! `str::parse::<f64>` is correct for every input but brings its tables and code into the wasm:
//! measured with it instead of [`parse_decimal`] (scripts/wasm-size.sh, 2026-12-02), the release
//! wasm is 14.1 KB gzip larger (202.9 → 217.0 KB). Figures here have at most 15 significant
//! digits, and for those the exact result is one correctly rounded IEEE division (Clinger's fast
//! path): mantissa ÷ 10ᵏ with both operands exactly representable.
//!
//! Formatting is the standard formatter's: plotters' backends and yew already bring it into the
//! page, so the hand-written formatter this module had saved nothing (measured: 5 bytes).

/// Powers of ten that are exactly representable as f64.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// The most significant digits a number may have (so its mantissa stays below 2⁵³).
pub const MAX_DIGITS: usize = 15;

/// Parses `[-]digits[.digits]` with at most [`MAX_DIGITS`] significant digits. No exponent,
/// separators, signs other than a leading minus, `NaN` or infinity.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let frac = frac.unwrap_or("");
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits_ok(int) || !digits_ok(frac) || body.ends_with('.') {
        return None;
    }
    let significant = format!("{int}{frac}");
    let significant = significant.trim_start_matches('0');
    if significant.len() > MAX_DIGITS || frac.len() >= POW10.len() {
        return None;
    }
    let mantissa = significant.bytes().fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
    let value = mantissa as f64 / POW10[frac.len()];
    Some(if negative { -value } else { value })
}

/// ⌊log₁₀ |v|⌋ for finite non-zero `v` (0 otherwise), without libm: the decimal exponent of
/// the leading digit (`7137.4` → 3, `0.05` → −2).
pub fn magnitude(v: f64) -> i32 {
    let a = v.abs();
    if !(a.is_finite() && a > 0.0) {
        return 0;
    }
    let mut m = 0;
    while a >= pow10(m + 1) && m < 308 {
        m += 1;
    }
    while a < pow10(m) && m > -308 {
        m -= 1;
    }
    m
}

/// 10ᵉ, exact for 0 ≤ e ≤ 22.
pub fn pow10(e: i32) -> f64 {
    match usize::try_from(e) {
        Ok(i) if i < POW10.len() => POW10[i],
        Ok(_) => POW10[22] * pow10(e - 22),
        Err(_) => 1.0 / pow10(-e),
    }
}

/// `v` with exactly `decimals` decimals, rounded half away from zero (`7137.4`, `-0.50`).
/// Magnitudes beyond 10¹⁵ are written without decimals.
pub fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let d = decimals.min(POW10.len() - 1);
    // Round half away from zero first; the formatter then prints that value's d decimals.
    let r = (v.abs() * POW10[d]).round() / POW10[d];
    let sign = if v < 0.0 && r != 0.0 { "-" } else { "" };
    let d = if r >= 1e15 { 0 } else { d };
    format!("{sign}{r:.d$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_the_standard_parser() {
        for s in ["0", "7137.4", "8000.59", "0.15", "119.98", "-3", "2.7", "815.84", "336.9", "0.001", "007"]
        {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        assert_eq!(parse_decimal("123456789012345"), Some(123456789012345.0));
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for s in ["", "-", ".5", "5.", "1e5", "NaN", "inf", "1,000", "+1", "1.2.3", "1234567890123456", "٣"]
        {
            assert_eq!(parse_decimal(s), None, "{s:?}");
        }
    }

    #[test]
    fn magnitudes_and_powers() {
        for (v, m) in [(7137.4, 3), (1.0, 0), (9.999, 0), (10.0, 1), (0.05, -2), (-250.0, 2), (0.0, 0)] {
            assert_eq!(magnitude(v), m, "{v}");
        }
        assert_eq!(pow10(3), 1000.0);
        assert_eq!(pow10(-2), 0.01);
        assert_eq!(pow10(25), 1e25);
    }

    #[test]
    fn fixed_rounds_and_pads() {
        assert_eq!(fixed(7137.4, 1), "7137.4");
        assert_eq!(fixed(2.0 / 3.0 * 100.0, 1), "66.7");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-1.5, 2), "-1.50");
        assert_eq!(fixed(3.0, 2), "3.00");
        assert_eq!(fixed(1e20, 2), "100000000000000000000");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
    }
}
