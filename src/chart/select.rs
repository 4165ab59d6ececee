//! Choosing what a panel draws: figures in period order, the latest of several, and the
//! real figures a dense panel keeps ([`thin`]). Nothing here averages or interpolates.

use std::collections::HashMap;

use crate::data::{Dataset, Figure};

use super::mark::Mark;
use super::spec::{ScopeColor, ScopeView};

/// Keys of the scopes imported files brought (not in the dictionary), in the order named.
pub fn imported_scopes(ds: &Dataset) -> impl Iterator<Item = &str> {
    ds.terms.iter().filter(|t| t.imported && t.kind == "scope").map(|t| t.key.as_str())
}

/// The imported scopes a 片区 panel draws (one page of those the view's filter matches), and
/// what the reader is told of the others.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShownScopes<'a> {
    /// The drawn scopes, grouped by the file that brought them (files in the order added).
    pub shown: Vec<&'a str>,
    /// The file of each drawn scope's group where a group starts: (position in `shown`, file).
    pub groups: Vec<(usize, &'a str)>,
    /// The position of the first drawn scope among those matching (0 on the first page).
    pub first: usize,
    /// Every imported scope the filter matches.
    pub matching: usize,
    /// The matching scopes not drawn (on the other pages), in the same order.
    pub rest: Vec<&'a str>,
    /// Each file of the matching scopes, with how many of them it brought.
    pub files: Vec<(&'a str, usize)>,
}

impl ShownScopes<'_> {
    /// Matching scopes not drawn.
    pub fn more(&self) -> usize {
        self.rest.len()
    }
}

/// Whether an imported scope term matches the filter text (already trimmed and lower case):
/// its key, either name or its file's name contains it.
fn matches(t: &crate::data::Term, filter: &str) -> bool {
    let has = |s: &str| s.to_lowercase().contains(filter);
    filter.is_empty() || has(&t.key) || has(&t.zh) || has(&t.en) || has(&t.file)
}

/// The imported scopes a 片区 panel draws: of those matching the view's filter, grouped by
/// their file (files in the order added, scopes in the order named), the page `view.page` of
/// `view.limit` scopes (the last page when there are fewer).
pub fn shown_scopes<'a>(ds: &'a Dataset, view: &ScopeView) -> ShownScopes<'a> {
    let filter = view.filter.trim().to_lowercase();
    let limit = view.limit.max(1);
    // Terms are added file by file; a scope named by two files stays with the first.
    let mut files: Vec<&str> = Vec::new();
    let mut by_file: Vec<Vec<&str>> = Vec::new();
    for t in ds.terms.iter().filter(|t| t.imported && t.kind == "scope" && matches(t, &filter)) {
        let i = match files.iter().position(|f| *f == t.file) {
            Some(i) => i,
            None => {
                files.push(t.file.as_str());
                by_file.push(Vec::new());
                files.len() - 1
            }
        };
        if let Some(g) = by_file.get_mut(i) {
            g.push(t.key.as_str());
        }
    }
    let matching: usize = by_file.iter().map(Vec::len).sum();
    let last = matching.saturating_sub(1) / limit;
    let first = view.page.min(last) * limit;
    let counts = files.iter().zip(&by_file).map(|(f, g)| (*f, g.len())).collect();
    let mut out = ShownScopes { first, matching, files: counts, ..ShownScopes::default() };
    let mut at = 0;
    for (file, scopes) in files.into_iter().zip(by_file) {
        for key in scopes {
            if (first..first + limit).contains(&at) {
                if out.groups.last().is_none_or(|g| g.1 != file) {
                    out.groups.push((out.shown.len(), file));
                }
                out.shown.push(key);
            } else {
                out.rest.push(key);
            }
            at += 1;
        }
    }
    out
}

/// The scopes a 片区 panel draws: `spec`'s own, each in its colour, then the imported ones
/// [`shown_scopes`] lets through (in colour 0); each scope's position (its first); and how
/// many more imported scopes match but are not drawn.
pub type PanelScopes<'a> = (Vec<(&'a str, usize)>, HashMap<&'a str, usize>, usize);
pub fn panel_scopes<'a>(ds: &'a Dataset, spec: &'a [ScopeColor], view: &ScopeView) -> PanelScopes<'a> {
    let shown = shown_scopes(ds, view);
    let more = shown.more();
    let scopes: Vec<(&str, usize)> =
        spec.iter().map(|s| (s.scope, s.color)).chain(shown.shown.into_iter().map(|k| (k, 0))).collect();
    let index: HashMap<&str, usize> = scopes.iter().enumerate().rev().map(|(i, s)| (s.0, i)).collect();
    (scopes, index, more)
}

/// Figures by metric, scope and calendar year: for each metric (in the order first met), one
/// map per scope of `index` (scope key → position) from year to its latest-stated figure. Only
/// figures of a single calendar year count (a part-year is one). One pass over the dataset.
pub type Yearly<'a> = (Vec<&'a str>, HashMap<&'a str, Vec<HashMap<i32, &'a Figure>>>);
pub fn yearly<'a>(ds: &'a Dataset, index: &HashMap<&str, usize>, scopes: usize) -> Yearly<'a> {
    let mut order: Vec<&str> = Vec::new();
    let mut by: HashMap<&str, Vec<HashMap<i32, &Figure>>> = HashMap::new();
    for f in &ds.figures {
        let (Some(&si), Some(year)) = (index.get(f.scope.as_str()), f.period.single_year()) else { continue };
        let per = by.entry(f.metric.as_str()).or_insert_with(|| {
            order.push(f.metric.as_str());
            vec![HashMap::new(); scopes]
        });
        if let Some(years) = per.get_mut(si) {
            let slot = years.entry(year).or_insert(f);
            if recency(f) > recency(slot) {
                *slot = f;
            }
        }
    }
    (order, by)
}

/// Whether a metric's figures by scope and year (from [`yearly`]) make a series: some scope
/// gives several years of it.
pub fn is_series(per: &[HashMap<i32, &Figure>]) -> bool {
    per.iter().any(|y| y.len() > 1)
}

/// Orders figures by period, earliest first, undated last (stable: file order breaks ties).
/// The standard library's stable sort: a hand-written merge sort here saved 36 bytes gzip of
/// wasm (measured with scripts/wasm-size.sh), so it went.
pub fn sort_by_period(figs: &mut [&Figure]) {
    figs.sort_by(|a, b| {
        let (ka, kb) = (a.period.sort_key(), b.period.sort_key());
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
}

/// Indices of `items` (position, value, published) to draw when there are more than `max`: of
/// each of `max / 2` equal intervals of position over [`lo`, `hi`], the item with the lowest and
/// the one with the highest value (the first of equals), and every published (not imported)
/// figure, so an import never hides the curated figures; in input order. The shape of the
/// series and its overall lowest and highest survive, and every kept item is a real one.
/// Deterministic and linear; no sort.
pub fn thin(items: &[(f64, f64, bool)], lo: f64, hi: f64, max: usize) -> Vec<usize> {
    if items.len() <= max {
        return (0..items.len()).collect();
    }
    let buckets = (max / 2).max(1);
    let span = hi - lo;
    // (index of lowest, index of highest) per interval
    let mut ends: Vec<Option<(usize, usize)>> = vec![None; buckets];
    let value = |j: usize| items.get(j).map_or(f64::NAN, |it| it.1);
    for (i, &(x, v, _)) in items.iter().enumerate() {
        let k = if span > 0.0 { ((x - lo) / span * buckets as f64).floor() } else { 0.0 };
        let k = (k.max(0.0) as usize).min(buckets - 1);
        if let Some(slot) = ends.get_mut(k) {
            *slot = Some(match *slot {
                None => (i, i),
                Some((a, b)) => (if v < value(a) { i } else { a }, if v > value(b) { i } else { b }),
            });
        }
    }
    let mut keep: Vec<bool> = items.iter().map(|it| it.2).collect();
    for (a, b) in ends.into_iter().flatten() {
        for i in [a, b] {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
    }
    keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect()
}

/// The lowest and highest value of `items` (for the interval range of [`thin`]).
pub fn value_range(items: &[(f64, f64, bool)]) -> (f64, f64) {
    items.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, v, _)| (lo.min(v), hi.max(v)))
}

/// "Later" for the side-by-side panel: a dated period after an earlier one, any date after none.
pub fn recency(f: &Figure) -> (u8, f64) {
    match f.period.x_position() {
        Some(x) => (1, x),
        None => (0, 0.0),
    }
}

/// The lowest and the highest of `marks` (the first of equals).
pub fn extremes<'m>(marks: impl Iterator<Item = &'m Mark>) -> Option<(&'m Mark, &'m Mark)> {
    marks.fold(None, |acc, m| match acc {
        None => Some((m, m)),
        Some((lo, hi)) => {
            Some((if m.value() < lo.value() { m } else { lo }, if m.value() > hi.value() { m } else { hi }))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Period;

    #[test]
    fn thinning_keeps_the_lowest_and_highest_of_each_interval_in_order() {
        // 100 imported items over positions 0..100, values going up and down; at most 10 kept:
        // 5 intervals of 20 positions, the lowest and the highest of each.
        let items: Vec<(f64, f64, bool)> =
            (0..100).map(|i| (f64::from(i), f64::from((i * 37) % 101), false)).collect();
        let kept = thin(&items, 0.0, 100.0, 10);
        assert_eq!(kept.len(), 10);
        assert!(kept.windows(2).all(|w| w[0] < w[1]), "input order");
        for k in 0..5 {
            let range = k * 20..(k + 1) * 20;
            let vals = |i: &usize| items[*i].1;
            let lo = range.clone().min_by(|a, b| vals(a).total_cmp(&vals(b))).unwrap_or(0);
            let hi = range.clone().max_by(|a, b| vals(a).total_cmp(&vals(b))).unwrap_or(0);
            assert!(kept.contains(&lo) && kept.contains(&hi), "interval {k}: {lo}, {hi} in {kept:?}");
        }
        // Published items are always kept; at or under the maximum nothing is dropped.
        let mut with_published = items.clone();
        with_published[50].2 = true;
        assert!(thin(&with_published, 0.0, 100.0, 10).contains(&50));
        assert_eq!(thin(&items, 0.0, 100.0, 100), (0..100).collect::<Vec<_>>());
        // One position, equal values: one item stands for them all.
        assert_eq!(thin(&[(1.0, 5.0, false); 4], 1.0, 1.0, 2), [0]);
    }

    #[test]
    fn the_side_by_side_panel_prefers_dated_and_later_figures() {
        let ds = Dataset::embedded().unwrap_or_default();
        let f = |id: &str| ds.figure(id).map(recency);
        // Cumulative to Apr 2019 is later than as of Mar 2017.
        assert!(f("liangjiang_market_entities") > f("area_liangjiang"));
        // An undated figure is older than any dated one.
        assert!(f("trade_share_undated") < f("area_liangjiang"));
    }

    #[test]
    fn sorting_by_period_is_stable_and_puts_undated_last() {
        let ds = Dataset::embedded().unwrap_or_default();
        let mut figs: Vec<&Figure> = ds.figures.iter().rev().collect();
        sort_by_period(&mut figs);
        let keys: Vec<(i32, f64)> = figs.iter().map(|f| f.period.sort_key()).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "not sorted");
        assert!(figs.last().is_some_and(|f| f.period.year_unknown()));
        // Stable: figures with equal periods keep their (here reversed) order.
        let same: Vec<&str> =
            figs.iter().filter(|f| f.period == Period::Year(2023)).map(|f| f.id.as_str()).collect();
        let expected: Vec<&str> = ds
            .figures
            .iter()
            .rev()
            .filter(|f| f.period == Period::Year(2023))
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(same, expected);
        assert!(same.len() > 3);
    }
}
