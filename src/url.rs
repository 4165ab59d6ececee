//! URL state: the page's query string ⇄ [`UrlState`]. Pure; unknown or invalid parameters fall
//! back to defaults and are reported, never fatal.

use crate::chart::ChartId;
use crate::i18n::Lang;

pub use crate::chart::theme::Theme;

/// What the address holds. `None`: not in the address, so the browser's preference applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    /// Embed view: only this chart, filling its frame, without the page around it.
    pub embed: Option<ChartId>,
    /// Presentation mode at this slide (1-based in the address, 0-based here).
    pub present: Option<usize>,
}

/// Parses a query string (`?lang=en&theme=dark`). Returns the state and the names of
/// parameters that were ignored because their value was invalid.
pub fn from_query(query: &str) -> (UrlState, Vec<String>) {
    let mut state = UrlState::default();
    let mut ignored = Vec::new();
    for pair in strip_mark(query).split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "lang" => match Lang::from_code(value) {
                Some(l) => state.lang = Some(l),
                None => ignored.push(key.to_string()),
            },
            "theme" => match Theme::from_code(value) {
                Some(t) => state.theme = Some(t),
                None => ignored.push(key.to_string()),
            },
            "present" => match value.parse::<usize>() {
                Ok(n) if (1..=ChartId::ALL.len()).contains(&n) => state.present = Some(n - 1),
                _ => ignored.push(key.to_string()),
            },
            "embed" => match ChartId::from_slug(value) {
                Some(c) => state.embed = Some(c),
                None => ignored.push(key.to_string()),
            },
            // A chart's view (read by `ChartView`): only checked here, for the notice.
            _ => {
                let Some((kind, slug)) = key.split_once('.') else { continue };
                let ok = ChartId::from_slug(slug).is_some()
                    && match kind {
                        "table" => value == "1",
                        "hide" => value.split(',').all(|i| i.parse::<usize>().is_ok_and(|i| i < 16)),
                        "point" => is_figure_id(value),
                        _ => true,
                    };
                if !ok && ["table", "hide", "point"].contains(&kind) {
                    ignored.push(key.to_string());
                }
            }
        }
    }
    (state, ignored)
}

/// `query` with the fields of `state` written into it (unset fields removed), other parameters
/// (a chart's view) kept.
pub fn apply(state: &UrlState, query: &str) -> String {
    let q = set_param(query, "lang", state.lang.map(Lang::code));
    let q = set_param(&q, "theme", state.theme.map(Theme::code));
    let q = set_param(&q, "embed", state.embed.map(ChartId::slug));
    set_param(&q, "present", state.present.map(|n| (n + 1).to_string()).as_deref())
}

/// The query string for `state` alone (unset fields omitted), with a leading `?` unless empty.
pub fn to_query(state: &UrlState) -> String {
    apply(state, "")
}

/// The query without its one leading `?`. Only one: a parameter may itself start with `?`
/// (`??lang` is the parameter `?lang`, not `lang`), so stripping them all changed what a
/// written address read back as (found by `tests/properties.rs`).
fn strip_mark(query: &str) -> &str {
    query.strip_prefix('?').unwrap_or(query)
}

/// The value of `key` in a query string, if present (the first one).
pub fn get_param(query: &str, key: &str) -> Option<String> {
    strip_mark(query)
        .split('&')
        .filter_map(|p| p.split_once('=').or(Some((p, ""))))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}

/// `query` with `key` set to `value` (or removed for `None`), other parameters kept in order.
/// Values are expected to be URL-safe already (slugs, ids, digits, commas).
pub fn set_param(query: &str, key: &str, value: Option<&str>) -> String {
    let mut parts: Vec<String> = strip_mark(query)
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(key))
        .map(str::to_string)
        .collect();
    if let Some(v) = value {
        parts.push(format!("{key}={v}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// A figure id's form: `[a-z0-9_]+`.
pub fn is_figure_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The figure a permalink points at, `?figure=<id>` (the finder's link to one figure): the id
/// when present and of an id's form (whether the dataset has it is the page's to check).
/// Kept out of [`UrlState`], which is `Copy`.
pub fn figure_from_query(query: &str) -> Option<String> {
    get_param(query, "figure").filter(|id| is_figure_id(id))
}

/// `query` with `figure=<id>` set, other parameters kept; removed for `None` or for a text that
/// is not an id's form.
pub fn with_figure(query: &str, id: Option<&str>) -> String {
    set_param(query, "figure", id.filter(|id| is_figure_id(id)))
}

/// Per-chart view state kept in the address: `table.<chart>=1`, `hide.<chart>=0,1`,
/// `point.<chart>=<figure id>`. Values that do not parse are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChartView {
    pub table: bool,
    pub hidden: Vec<usize>,
    pub point: Option<String>,
}

impl ChartView {
    /// Reads the view of `chart` from a query string.
    pub fn from_query(query: &str, chart: ChartId) -> ChartView {
        let slug = chart.slug();
        let table = get_param(query, &format!("table.{slug}")).as_deref() == Some("1");
        let mut hidden: Vec<usize> = Vec::new();
        for i in get_param(query, &format!("hide.{slug}")).unwrap_or_default().split(',') {
            match i.parse::<usize>() {
                Ok(i) if i < 16 && !hidden.contains(&i) => hidden.push(i),
                _ => {}
            }
        }
        let point = get_param(query, &format!("point.{slug}")).filter(|id| is_figure_id(id));
        ChartView { table, hidden, point }
    }

    /// Writes the view of `chart` into a query string (defaults removed).
    pub fn to_query(&self, query: &str, chart: ChartId) -> String {
        let slug = chart.slug();
        let hidden = self.hidden.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        let q = set_param(query, &format!("table.{slug}"), self.table.then_some("1"));
        let q = set_param(&q, &format!("hide.{slug}"), (!hidden.is_empty()).then_some(hidden.as_str()));
        set_param(&q, &format!("point.{slug}"), self.point.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips() {
        for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
            for theme in [None, Some(Theme::Light), Some(Theme::Dark)] {
                for embed in [None, Some(ChartId::Areas)] {
                    for present in [None, Some(0), Some(4)] {
                        let s = UrlState { lang, theme, embed, present };
                        assert_eq!(from_query(&to_query(&s)), (s, vec![]));
                    }
                }
            }
        }
        assert_eq!(to_query(&UrlState::default()), "");
    }

    #[test]
    fn chart_views_round_trip_and_keep_other_parameters() {
        let v = ChartView { table: true, hidden: vec![1], point: Some("ftz_nev_2023".into()) };
        let q = v.to_query("?lang=en", ChartId::NevExports);
        assert_eq!(q, "?lang=en&table.nev-exports=1&hide.nev-exports=1&point.nev-exports=ftz_nev_2023");
        assert_eq!(ChartView::from_query(&q, ChartId::NevExports), v);
        assert_eq!(ChartView::from_query(&q, ChartId::Areas), ChartView::default());
        assert_eq!(ChartView::default().to_query(&q, ChartId::NevExports), "?lang=en");
        let junk =
            ChartView::from_query("?hide.areas=x,1,99,1&point.areas=%3Cb%3E&table.areas=yes", ChartId::Areas);
        assert_eq!(junk, ChartView { table: false, hidden: vec![1], point: None });
        assert_eq!(set_param("?a=1&b=2", "a", Some("3")), "?b=2&a=3");
    }

    #[test]
    fn junk_falls_back_to_defaults() {
        assert_eq!(
            from_query("?lang=xx&foo=bar&&=&theme=neon"),
            (UrlState::default(), vec!["lang".into(), "theme".into()])
        );
        assert_eq!(from_query("lang=en-GB").0.lang, Some(Lang::En));
        assert_eq!(from_query("?lang=%3Cscript%3E").0, UrlState::default());
        assert_eq!(
            from_query("?theme=dark&lang").0,
            UrlState { theme: Some(Theme::Dark), ..UrlState::default() }
        );
        assert_eq!(from_query("?embed=nope").1, vec!["embed".to_string()]);
        assert_eq!(from_query("?present=0&present=9&present=x").0.present, None);
        assert_eq!(
            from_query(
                "?hide.areas=x&table.areas=yes&point.areas=%3Cb%3E&hide.nope=1&point.nev-exports=ok_1&x.y=z"
            )
            .1,
            vec!["hide.areas", "table.areas", "point.areas", "hide.nope"]
        );
    }
}
