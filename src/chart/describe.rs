//! The chart in sentences, for screen readers: each panel describes its own figures (see
//! `PanelKind::describe`) with the helpers here, which spell a mark out the way the details
//! (tooltips, table) do.

use std::collections::HashMap;

use super::mark::{Detail, Mark};
use super::select::extremes;
use crate::i18n::{Lang, Text};

/// What a panel's description needs: the language, its punctuation, and each drawn figure's
/// value in words.
pub struct Describer<'d> {
    pub lang: Lang,
    by_id: HashMap<&'d str, &'d Detail>,
    /// After a heading or a row's name.
    pub colon: &'static str,
    /// Between statements.
    pub sep: &'static str,
    /// Between the items of a list.
    pub list_sep: &'static str,
    /// Between names (`、` / `, `).
    pub names_sep: &'static str,
}

impl<'d> Describer<'d> {
    pub fn new(details: &'d [Detail], lang: Lang) -> Describer<'d> {
        let by_id = details.iter().map(|d| (d.figure.as_str(), d)).collect();
        let (colon, sep, list_sep, names_sep) = match lang {
            Lang::Zh => ("：", "；", "，", "、"),
            Lang::En => (": ", "; ", ", ", ", "),
        };
        Describer { lang, by_id, colon, sep, list_sep, names_sep }
    }

    /// `m`'s value in words, marked when derived, part-year or imported.
    pub fn value(&self, m: &Mark) -> String {
        let lang = self.lang;
        let v = self.by_id.get(m.figure.as_str()).map_or(m.label.clone(), |d| d.value.clone());
        let v = if m.derived {
            format!("{v}{}", Text::DerivedParen.t(lang))
        } else if m.partial() {
            match lang {
                Lang::Zh => format!("{v}（{}）", m.short_period(lang)),
                Lang::En => format!("{v} ({})", m.short_period(lang)),
            }
        } else {
            v
        };
        if m.imported {
            format!("{v}{}", Text::ImportedParen.t(lang))
        } else {
            v
        }
    }

    /// `m`'s value and its period: `超60% (2018-12表述…)`.
    pub fn dated(&self, m: &Mark) -> String {
        format!("{} ({})", self.value(m), m.period_text(self.lang))
    }

    /// Lowest, highest and latest of a thinned series, with their periods.
    pub fn summary(&self, marks: &[&Mark], latest: Option<&Mark>) -> String {
        let mut out = Vec::new();
        let mut push = |word: Text, m: &Mark| out.push(format!("{} {}", word.t(self.lang), self.dated(m)));
        if let Some((lo, hi)) = extremes(marks.iter().copied()) {
            push(Text::Lowest, lo);
            push(Text::Highest, hi);
        }
        if let Some(last) = latest {
            push(Text::Latest, last);
        }
        out.join(self.list_sep)
    }
}
