//! Parsing the three CSV files into a [`Dataset`], resolving derived figures, and lookups.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;

use super::csv;
use super::formula::Expr;
use super::number::parse_decimal;
use super::period::{Date, Period};
use super::record::{Figure, FigureRow, Qualifier, Source, Term};
use super::unit::Unit;
use super::validate::{Issue, IssueKind};
use crate::lang::Lang;

/// The dataset files compiled into the app.
pub struct Embedded {
    pub figures: &'static str,
    pub sources: &'static str,
    pub dictionary: &'static str,
}

/// `assets/data/*.csv`, embedded at build time.
pub const EMBEDDED: Embedded = Embedded {
    figures: include_str!("../../assets/data/figures.csv"),
    sources: include_str!("../../assets/data/sources.csv"),
    dictionary: include_str!("../../assets/data/dictionary.csv"),
};

/// Validated figures with their sources and names. Built once; immutable.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub figures: Vec<Figure>,
    pub sources: Vec<Source>,
    pub terms: Vec<Term>,
    pub(super) by_id: HashMap<String, usize>,
    /// Positions in `terms` by kind and key: [`Dataset::name`] is called per figure, and an
    /// import can bring 1,000 scopes (a linear search made the finder's index of 150,000
    /// figures a 100–160 ms task per step, growing with the scope's position).
    pub(super) by_term: HashMap<String, HashMap<String, usize>>,
}

/// The columns of the embedded `figures.csv` (the import schema adds the names of a new scope:
/// [`super::import::IMPORT_COLUMNS`]).
const EMBEDDED_COLUMNS: [&str; 10] =
    ["id", "metric", "scope", "period", "qualifier", "value", "unit", "formula", "source", "quote"];
const SOURCE_COLUMNS: [&str; 5] = ["key", "title", "publisher", "date", "url"];
const TERM_COLUMNS: [&str; 4] = ["kind", "key", "zh", "en"];

impl Dataset {
    /// The term of `kind` and `key`: through the index, or (a term added to `terms` directly)
    /// by a search.
    pub fn term(&self, kind: &str, key: &str) -> Option<&Term> {
        let same = |t: &&Term| t.kind == kind && t.key == key;
        self.by_term
            .get(kind)
            .and_then(|m| m.get(key))
            .and_then(|&i| self.terms.get(i))
            .filter(same)
            .or_else(|| self.terms.iter().find(same))
    }

    /// Adds `terms[i]` to the index (the first term of a kind and key wins, as a search finds).
    pub(super) fn index_term(&mut self, i: usize) {
        if let Some(t) = self.terms.get(i) {
            self.by_term.entry(t.kind.clone()).or_default().entry(t.key.clone()).or_insert(i);
        }
    }

    /// The embedded dataset. Its validity is asserted by the native tests, so an `Err` here
    /// means a broken build; the app shows the issues rather than panicking.
    pub fn embedded() -> Result<Dataset, Vec<Issue>> {
        Dataset::parse(EMBEDDED.figures, EMBEDDED.sources, EMBEDDED.dictionary)
    }

    /// Parses and validates the three files, reporting every problem found.
    pub fn parse(figures: &str, sources: &str, dictionary: &str) -> Result<Dataset, Vec<Issue>> {
        let mut issues = Vec::new();
        let source_rows: Vec<(usize, Source)> =
            read_rows("sources.csv", sources, &SOURCE_COLUMNS, &mut issues);
        let term_rows: Vec<(usize, Term)> =
            read_rows("dictionary.csv", dictionary, &TERM_COLUMNS, &mut issues);
        let figure_rows: Vec<(usize, FigureRow)> =
            read_rows("figures.csv", figures, &EMBEDDED_COLUMNS, &mut issues);

        let sources = check_sources(source_rows, &mut issues);
        let terms = check_terms(term_rows, &mut issues);
        let rules = Rules::new(&terms, Some(&sources));
        let mut figures = Vec::with_capacity(figure_rows.len());
        let mut by_id = HashMap::new();
        let mut seen = HashSet::new();
        for (line, row) in figure_rows {
            let id = row.id.trim().to_string();
            let duplicate = !id.is_empty() && !seen.insert(id.clone());
            let figure = rules.check_row("figures.csv", line, row, &mut issues);
            if duplicate {
                let kind = IssueKind::Duplicate(id);
                issues.push(Issue { file: "figures.csv".into(), line, column: "id".into(), kind });
                continue;
            }
            let Some(figure) = figure else { continue };
            by_id.insert(figure.id.clone(), figures.len());
            figures.push(figure);
        }

        resolve_derived("figures.csv", &mut figures, &by_id, &|_| None, &mut issues);
        if issues.is_empty() {
            let mut ds = Dataset { figures, sources, terms, by_id, by_term: HashMap::new() };
            for i in 0..ds.terms.len() {
                ds.index_term(i);
            }
            Ok(ds)
        } else {
            Err(issues)
        }
    }

    /// The figure with this id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.by_id.get(id).and_then(|&i| self.figures.get(i))
    }

    /// A figure's position in `figures`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The source with this key.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }

    /// Figures of one metric and scope, in file order.
    pub fn select<'a>(&'a self, metric: &'a str, scope: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.metric == metric && f.scope == scope)
    }

    /// The name of a metric or scope in `lang`; the key itself when the dictionary lacks it.
    pub fn name<'a>(&'a self, kind: &str, key: &'a str, lang: Lang) -> &'a str {
        self.term(kind, key)
            .map(|t| match lang {
                Lang::Zh => t.zh.as_str(),
                Lang::En => t.en.as_str(),
            })
            .unwrap_or(key)
    }
}

/// What a figure row may refer to.
#[derive(Debug)]
pub(crate) struct Rules {
    pub metrics: HashSet<String>,
    pub scopes: HashSet<String>,
    /// Known source keys; `None` for an imported file, which is itself the figures' source
    /// (its `source` and `quote` cells are then optional free text).
    pub sources: Option<HashSet<String>>,
}

impl Rules {
    /// The metrics and scopes of `terms`, and, when given, the source keys.
    pub(crate) fn new(terms: &[Term], sources: Option<&[Source]>) -> Rules {
        let keys = |kind: &str| terms.iter().filter(|t| t.kind == kind).map(|t| t.key.clone()).collect();
        Rules {
            metrics: keys("metric"),
            scopes: keys("scope"),
            sources: sources.map(|s| s.iter().map(|s| s.key.clone()).collect()),
        }
    }

    /// Checks one row of `file`, pushing every problem found; the figure when it can be built
    /// (its derived value is resolved later).
    pub(crate) fn check_row(
        &self,
        file: &str,
        line: usize,
        row: FigureRow,
        issues: &mut Vec<Issue>,
    ) -> Option<Figure> {
        let mut bad = |column: &str, kind: IssueKind| {
            issues.push(Issue { file: file.into(), line, column: column.into(), kind });
        };
        let required: &[(&str, &String)] = &[
            ("id", &row.id),
            ("metric", &row.metric),
            ("scope", &row.scope),
            ("period", &row.period),
            ("qualifier", &row.qualifier),
            ("unit", &row.unit),
            ("source", &row.source),
            ("quote", &row.quote),
        ];
        let required = if self.sources.is_some() { required } else { &required[..6] };
        for (column, cell) in required {
            if cell.trim().is_empty() {
                bad(column, IssueKind::Empty);
            }
        }
        let id = row.id.trim();
        let id_ok =
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !id.is_empty() && !id_ok {
            bad("id", IssueKind::BadId(id.to_string()));
        }
        let metric = row.metric.trim();
        if !metric.is_empty() && !self.metrics.contains(metric) {
            bad("metric", IssueKind::UnknownMetric(metric.to_string()));
        }
        let scope = row.scope.trim();
        if !scope.is_empty() && !self.scopes.contains(scope) {
            bad("scope", IssueKind::UnknownScope(scope.to_string()));
        }
        if let Some(sources) = &self.sources {
            if !row.source.is_empty() && !sources.contains(row.source.as_str()) {
                bad("source", IssueKind::UnknownSource(row.source.clone()));
            }
        }
        let period_text = row.period.trim();
        let period = Period::parse(period_text);
        if period.is_none() && !period_text.is_empty() {
            bad("period", IssueKind::BadPeriod(period_text.to_string()));
        }
        let qualifier = Qualifier::from_key(row.qualifier.trim());
        if qualifier.is_none() && !row.qualifier.trim().is_empty() {
            bad("qualifier", IssueKind::UnknownQualifier(row.qualifier.trim().to_string()));
        }
        let unit = Unit::from_key(row.unit.trim());
        if unit.is_none() && !row.unit.trim().is_empty() {
            bad("unit", IssueKind::UnknownUnit(row.unit.trim().to_string()));
        }
        let value = row.value.trim();
        let formula_text = row.formula.trim();
        let published = if value.is_empty() { None } else { parse_value(value) };
        if !value.is_empty() && published.is_none() {
            bad("value", IssueKind::BadValue(value.to_string()));
        }
        if let (Some(v), Some(u)) = (published, unit) {
            if v < 0.0 && !may_be_negative(metric, u) {
                bad("value", IssueKind::Negative { value: value.to_string(), unit: u.key() });
            }
        }
        let formula = if formula_text.is_empty() {
            None
        } else {
            match Expr::parse(formula_text) {
                Ok(e) => Some(e),
                Err(e) => {
                    bad("formula", IssueKind::BadFormula { offset: e.offset, expected: e.expected });
                    None
                }
            }
        };
        match (value.is_empty(), formula_text.is_empty()) {
            (false, false) => bad("formula", IssueKind::ValueAndFormula),
            (true, true) => bad("value", IssueKind::NoValue),
            _ => {}
        }
        let (Some(period), Some(qualifier), Some(unit), true) = (period, qualifier, unit, id_ok) else {
            return None;
        };
        if published.is_none() && formula.is_none() {
            return None;
        }
        Some(Figure {
            id: id.to_string(),
            metric: metric.to_string(),
            scope: scope.to_string(),
            period,
            qualifier,
            unit,
            value_text: value.to_string(),
            formula,
            formula_text: formula_text.to_string(),
            value: published.unwrap_or(f64::NAN),
            source: row.source,
            cited: String::new(),
            quote: row.quote,
            note: row.note,
            line,
        })
    }
}

/// A plain decimal (`7137.4`, `-3`) or a fraction (`2/3`); no separators, signs of
/// qualifiers, exponents, NaN or infinity.
pub fn parse_value(text: &str) -> Option<f64> {
    match text.split_once('/') {
        Some((n, d)) => {
            let (n, d) = (parse_decimal(n)?, parse_decimal(d)?);
            (d != 0.0).then(|| n / d)
        }
        None => parse_decimal(text),
    }
}

fn read_rows<T: DeserializeOwned>(
    file: &str,
    text: &str,
    required: &[&str],
    issues: &mut Vec<Issue>,
) -> Vec<(usize, T)> {
    let issue = |line: usize, column: &str, kind: IssueKind| Issue {
        file: file.to_string(),
        line,
        column: column.to_string(),
        kind,
    };
    let records = match csv::records(text) {
        Ok(r) => r,
        Err((line, problem)) => {
            issues.push(issue(line, "", IssueKind::Malformed(problem)));
            return Vec::new();
        }
    };
    let mut records = records.into_iter();
    let Some((_, headers)) = records.next() else {
        issues.push(issue(0, "", IssueKind::NoRows));
        return Vec::new();
    };
    let headers: Vec<String> = headers.into_iter().map(|h| h.trim().to_string()).collect();
    let missing: Vec<&&str> = required.iter().filter(|c| !headers.iter().any(|h| h == **c)).collect();
    for column in &missing {
        issues.push(issue(1, column, IssueKind::MissingColumn));
    }
    if !missing.is_empty() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for (line, fields) in records {
        match csv::deserialize::<T>(&headers, &fields) {
            Ok(row) => rows.push((line, row)),
            Err(problem) => issues.push(issue(line, "", IssueKind::Malformed(problem))),
        }
    }
    if rows.is_empty() && issues.iter().all(|i| i.file != file) {
        issues.push(issue(0, "", IssueKind::NoRows));
    }
    rows
}

fn check_sources(rows: Vec<(usize, Source)>, issues: &mut Vec<Issue>) -> Vec<Source> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, s) in rows {
        let mut bad = |column: &str, kind| {
            issues.push(Issue { file: "sources.csv".into(), line, column: column.into(), kind })
        };
        if s.key.trim().is_empty() {
            bad("key", IssueKind::Empty);
            continue;
        }
        for (column, cell) in [("title", &s.title), ("publisher", &s.publisher)] {
            if cell.trim().is_empty() {
                bad(column, IssueKind::Empty);
            }
        }
        if !s.date.is_empty() && Date::parse(&s.date).is_none() {
            bad("date", IssueKind::BadDate(s.date.clone()));
        }
        if !seen.insert(s.key.clone()) {
            bad("key", IssueKind::Duplicate(s.key.clone()));
            continue;
        }
        out.push(s);
    }
    out
}

fn check_terms(rows: Vec<(usize, Term)>, issues: &mut Vec<Issue>) -> Vec<Term> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, t) in rows {
        let mut bad = |column: &str, kind| {
            issues.push(Issue { file: "dictionary.csv".into(), line, column: column.into(), kind })
        };
        if t.kind != "metric" && t.kind != "scope" {
            bad("kind", IssueKind::UnknownTermKind(t.kind.clone()));
            continue;
        }
        for (column, cell) in [("key", &t.key), ("zh", &t.zh), ("en", &t.en)] {
            if cell.trim().is_empty() {
                bad(column, IssueKind::Empty);
            }
        }
        if !seen.insert((t.kind.clone(), t.key.clone())) {
            bad("key", IssueKind::Duplicate(t.key.clone()));
            continue;
        }
        out.push(t);
    }
    out
}

/// Only a growth rate may be negative: a figure in a growth unit (`pct_yoy`) or of a
/// year-on-year metric (`*_yoy`, whatever unit it was given in).
fn may_be_negative(metric: &str, unit: Unit) -> bool {
    unit.may_be_negative() || metric.ends_with("_yoy")
}

/// Computes every derived figure from its formula, in dependency order, reporting unresolved
/// references, cycles, non-finite results and negative levels on the derived figure's line.
/// References are looked up among `figures` first, then with `outside` (a value in base units;
/// an import's formulas may use the published figures). Iterative, so a long chain of formulas
/// in a large file cannot overflow the stack.
pub(crate) fn resolve_derived(
    file: &str,
    figures: &mut [Figure],
    by_id: &HashMap<String, usize>,
    outside: &dyn Fn(&str) -> Option<f64>,
    issues: &mut Vec<Issue>,
) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Todo,
        Busy,
        Done(Option<f64>), // base value
    }
    let mut state: Vec<State> = figures
        .iter()
        .map(|f| if f.is_derived() { State::Todo } else { State::Done(Some(f.base_value())) })
        .collect();
    let refs = |f: &Figure| -> Vec<String> {
        f.formula.as_ref().map(|e| e.refs().into_iter().map(str::to_string).collect()).unwrap_or_default()
    };
    let issue = |f: &Figure, kind| Issue { file: file.into(), line: f.line, column: "formula".into(), kind };
    for first in 0..figures.len() {
        if state.get(first) != Some(&State::Todo) {
            continue;
        }
        state[first] = State::Busy;
        let mut stack = vec![first];
        while let Some(&i) = stack.last() {
            let next = refs(&figures[i])
                .iter()
                .filter_map(|r| by_id.get(r).copied())
                .find(|&j| state.get(j) == Some(&State::Todo));
            if let Some(j) = next {
                state[j] = State::Busy;
                stack.push(j);
                continue;
            }
            let f = &figures[i];
            let mut failed = false;
            let mut busy = Vec::new();
            // Every unknown id, not only the first the evaluation stops at.
            let mut missing: Vec<String> = Vec::new();
            for r in refs(f) {
                if !by_id.contains_key(&r) && outside(&r).is_none() && !missing.contains(&r) {
                    missing.push(r);
                }
            }
            let result = f.formula.as_ref().and_then(|e| {
                e.eval(&mut |r| match by_id.get(r).map(|&j| state[j]) {
                    Some(State::Done(v)) => {
                        failed |= v.is_none();
                        v
                    }
                    Some(_) => {
                        busy.extend(by_id.get(r).copied());
                        None
                    }
                    None => outside(r),
                })
            });
            for r in missing {
                issues.push(issue(f, IssueKind::UnresolvedRef(r)));
            }
            if !busy.is_empty() {
                // Every figure on the loop (from the one referred to, up the stack) is reported.
                let from = stack.iter().position(|k| busy.contains(k)).unwrap_or(stack.len() - 1);
                for &k in &stack[from..] {
                    issues.push(issue(&figures[k], IssueKind::Cycle));
                }
            } else if result.is_none() && !failed && f.formula.is_some() {
                let all_known = refs(f).iter().all(|r| by_id.contains_key(r) || outside(r).is_some());
                if all_known {
                    issues.push(issue(f, IssueKind::NotFinite));
                }
            }
            let mut result = result.filter(|v| v.is_finite());
            if let Some(v) = result.filter(|v| *v < 0.0 && !may_be_negative(&f.metric, f.unit)) {
                let value = super::number::fixed(f.unit.from_base(v), 2);
                issues.push(issue(f, IssueKind::Negative { value, unit: f.unit.key() }));
                result = None;
            }
            state[i] = State::Done(result);
            stack.pop();
        }
    }
    for (f, s) in figures.iter_mut().zip(state) {
        if let (true, State::Done(Some(base))) = (f.is_derived(), s) {
            f.value = f.unit.from_base(base);
        }
    }
}
