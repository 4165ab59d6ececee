//! Typed records: a [`Figure`] (one row of `figures.csv`, with its derived value resolved),
//! a [`Source`] and a dictionary [`Term`].

use serde::{Deserialize, Serialize};

use super::formula::Expr;
use super::period::Period;
use super::unit::Unit;
use crate::lang::Lang;

/// How the source states a figure. Every qualifier is drawn differently, never as exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Qualifier {
    /// The source gives the number as is.
    Exact,
    /// 超 / more than: the number is a lower bound.
    MoreThan,
    /// 至少 / at least (≥): a lower bound that may be reached.
    AtLeast,
    /// 不足 / less than: the number is an upper bound.
    LessThan,
    /// 近 / nearly: just under the number.
    Nearly,
    /// 约 / about.
    About,
}

impl Qualifier {
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::LessThan,
        Qualifier::Nearly,
        Qualifier::About,
    ];

    /// The CSV key.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
        }
    }

    /// Parses a CSV key.
    pub fn from_key(key: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.key() == key)
    }

    /// True for bounds (the real value lies above or below the number).
    pub fn is_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan)
    }
}

/// One row of `figures.csv` as text, before validation.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct FigureRow {
    pub id: String,
    pub metric: String,
    pub scope: String,
    pub period: String,
    pub qualifier: String,
    pub value: String,
    pub unit: String,
    // `formula`, `source`, `quote` and `note` may be left out of an imported file; the
    // dataset's own files must have them (checked against their header before this).
    #[serde(default)]
    pub formula: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub note: String,
    /// Names of a scope the dictionary does not have (imports only): with a name, an
    /// imported figure may bring a new scope (a linked innovation zone, a district).
    #[serde(default)]
    pub scope_zh: String,
    #[serde(default)]
    pub scope_en: String,
}

/// A validated figure. `value` is in `unit`; for a derived figure it was computed from `formula`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub metric: String,
    pub scope: String,
    pub period: Period,
    pub qualifier: Qualifier,
    pub unit: Unit,
    /// The value as the source prints it (`2/3`, `7137.4`); empty for a derived figure.
    pub value_text: String,
    /// The formula of a derived figure.
    pub formula: Option<Expr>,
    pub formula_text: String,
    /// The resolved value, in `unit`.
    pub value: f64,
    pub source: String,
    /// For an imported figure, where the reader's file says it comes from (its `source` cell).
    pub cited: String,
    pub quote: String,
    pub note: String,
    /// Line in `figures.csv` (1 = header).
    pub line: usize,
}

/// Separates the English and the Chinese text of a bilingual `note` (`English | 中文`).
pub const NOTE_SEPARATOR: &str = " | ";

/// Source keys of imported files start with this (`file:regions.csv`); the embedded sources
/// never do. Such a source's `title` is the file name.
pub const IMPORTED_SOURCE_PREFIX: &str = "file:";

impl Figure {
    /// True for a figure the reader imported from a file (its source is that file).
    pub fn is_imported(&self) -> bool {
        self.source.starts_with(IMPORTED_SOURCE_PREFIX)
    }

    /// True when the app computed the value from other figures.
    pub fn is_derived(&self) -> bool {
        self.formula.is_some()
    }

    /// The note in `lang`: a note written `English | 中文` has a text for each language; any
    /// other note is the same in both.
    pub fn note_in(&self, lang: Lang) -> &str {
        match self.note.split_once(NOTE_SEPARATOR) {
            Some((en, zh)) => match lang {
                Lang::En => en.trim(),
                Lang::Zh => zh.trim(),
            },
            None => self.note.trim(),
        }
    }

    /// The value in base units (yuan, vehicles, 1 = 100 %).
    pub fn base_value(&self) -> f64 {
        self.unit.to_base(self.value)
    }

    /// The value converted to `unit` (`None` across dimensions).
    pub fn value_in(&self, unit: Unit) -> Option<f64> {
        self.unit.convert(self.value, unit)
    }
}

/// Where figures come from (one row of `sources.csv`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Source {
    pub key: String,
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub url: String,
    #[serde(default)]
    pub note: String,
}

impl Source {
    /// True for the source standing for an imported file.
    pub fn is_imported(&self) -> bool {
        self.key.starts_with(IMPORTED_SOURCE_PREFIX)
    }
}

/// A name in both languages (one row of `dictionary.csv`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Term {
    pub kind: String,
    pub key: String,
    pub zh: String,
    pub en: String,
    /// A scope brought by an imported file (not in `dictionary.csv`).
    #[serde(skip)]
    pub imported: bool,
    /// The name of the file that brought it (an imported scope; empty otherwise): the 片区 chart
    /// groups imported scopes under it.
    #[serde(skip)]
    pub file: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_note(note: &str) -> Figure {
        Figure {
            id: "x".into(),
            metric: "area_km2".into(),
            scope: "ftz".into(),
            period: Period::Undated,
            qualifier: Qualifier::Exact,
            unit: Unit::Km2,
            value_text: "1".into(),
            formula: None,
            formula_text: String::new(),
            value: 1.0,
            source: "S".into(),
            cited: String::new(),
            quote: "1 km²".into(),
            note: note.into(),
            line: 2,
        }
    }

    #[test]
    fn a_bilingual_note_has_a_text_for_each_language() {
        let f = with_note("[source error: 1.46‰] | [原文有误：应为1.46‰]");
        assert_eq!(f.note_in(Lang::En), "[source error: 1.46‰]");
        assert_eq!(f.note_in(Lang::Zh), "[原文有误：应为1.46‰]");
        // A note in one language (most are) reads the same in both.
        let f = with_note("Includes branches (含分支机构).");
        assert_eq!(f.note_in(Lang::En), f.note_in(Lang::Zh));
        assert_eq!(with_note("").note_in(Lang::Zh), "");
    }
}
