//! Linear scales with round ("nice") ticks: 1, 2, 2.5 or 5 times a power of ten.

use crate::data::number::{magnitude, pow10};
use crate::data::Unit;
use crate::format;
use crate::i18n::Lang;

/// A linear scale from a data domain in `unit` to a pixel range, with its ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
    /// The unit of the domain (the panel's display unit).
    pub unit: Unit,
}

impl Scale {
    /// A scale that starts at zero (bars must) and ends at a round number ≥ `max`,
    /// with about `target` ticks.
    pub fn zero_based(max: f64, target: usize, unit: Unit) -> Scale {
        let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
        let step = nice_step(max / target.max(1) as f64);
        let top = (max / step).ceil() * step;
        let n = (top / step).round() as usize;
        let ticks = (0..=n).map(|i| i as f64 * step).collect();
        Scale { min: 0.0, max: top, step, ticks, unit }
    }

    /// A fixed domain with a given step (percent axes: 0–100 by 20).
    pub fn fixed(min: f64, max: f64, step: f64, unit: Unit) -> Scale {
        let n = ((max - min) / step).round() as usize;
        Scale { min, max, step, ticks: (0..=n).map(|i| min + i as f64 * step).collect(), unit }
    }

    /// The label of the tick at `v`, in the reader's system (`format::tick`).
    pub fn label(&self, v: f64, lang: Lang) -> String {
        format::tick(v, self.unit, self.step, lang)
    }

    /// Every tick with its label.
    pub fn labels(&self, lang: Lang) -> Vec<(f64, String)> {
        self.ticks.iter().map(|&t| (t, self.label(t, lang))).collect()
    }

    /// Maps `v` into `[a, b]` (`a` is where `min` goes).
    pub fn map(&self, v: f64, a: f64, b: f64) -> f64 {
        let span = self.max - self.min;
        if span <= 0.0 {
            return a;
        }
        a + (v - self.min) / span * (b - a)
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = pow10(magnitude(raw));
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * p >= raw * (1.0 - 1e-9) {
            return m * p;
        }
    }
    10.0 * p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.7), 2.0);
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(1600.0), 2000.0);
        assert_eq!(nice_step(0.0), 1.0);
    }

    #[test]
    fn zero_based_covers_the_max_with_round_ticks() {
        let s = Scale::zero_based(8158.4, 4, Unit::YiYuan);
        assert_eq!(s.step, 2500.0);
        assert_eq!(s.max, 10000.0);
        assert_eq!(s.ticks, vec![0.0, 2500.0, 5000.0, 7500.0, 10000.0]);
        let s = Scale::zero_based(27000.0, 4, Unit::Vehicles);
        assert_eq!((s.step, s.max), (10000.0, 30000.0));
        assert_eq!(Scale::zero_based(f64::NAN, 4, Unit::Pct).max, 1.0);
    }

    #[test]
    fn maps_linearly() {
        let s = Scale::fixed(0.0, 100.0, 20.0, Unit::Pct);
        assert_eq!(s.map(60.0, 200.0, 0.0), 80.0);
        assert_eq!(s.ticks.len(), 6);
    }

    #[test]
    fn tick_labels_come_from_format_in_the_scale_unit() {
        let s = Scale::zero_based(27000.0, 4, Unit::Vehicles);
        let zh: Vec<String> = s.labels(Lang::Zh).into_iter().map(|(_, l)| l).collect();
        assert_eq!(zh, ["0", "1万", "2万", "3万"]);
        let en: Vec<String> = s.labels(Lang::En).into_iter().map(|(_, l)| l).collect();
        assert_eq!(en, ["0", "10k", "20k", "30k"]);
        assert_eq!(Scale::fixed(0.0, 100.0, 25.0, Unit::Pct).label(75.0, Lang::En), "75%");
        assert_eq!(Scale::zero_based(8158.4, 4, Unit::YiYuan).label(7500.0, Lang::Zh), "7,500");
    }
}
