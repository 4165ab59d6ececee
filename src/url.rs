//! URL state: the page's query string ⇄ [`UrlState`]. Pure; unknown or invalid parameters fall
//! back to defaults and are reported, never fatal.

use crate::chart::ChartId;
use crate::i18n::Lang;

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The URL / `data-theme` code.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses `light` or `dark`.
    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The other theme (for the switch).
    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// What the address holds. `None`: not in the address, so the browser's preference applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    /// Embed view: only this chart, filling its frame, without the page around it.
    pub embed: Option<ChartId>,
}

/// Parses a query string (`?lang=en&theme=dark`). Returns the state and the names of
/// parameters that were ignored because their value was invalid.
pub fn from_query(query: &str) -> (UrlState, Vec<String>) {
    let mut state = UrlState::default();
    let mut ignored = Vec::new();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
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
            "embed" => match ChartId::from_slug(value) {
                Some(c) => state.embed = Some(c),
                None => ignored.push(key.to_string()),
            },
            _ => {}
        }
    }
    (state, ignored)
}

/// The query string for `state` (unset fields omitted), with a leading `?` unless empty.
pub fn to_query(state: &UrlState) -> String {
    let mut parts = Vec::new();
    if let Some(l) = state.lang {
        parts.push(format!("lang={}", l.code()));
    }
    if let Some(t) = state.theme {
        parts.push(format!("theme={}", t.code()));
    }
    if let Some(c) = state.embed {
        parts.push(format!("embed={}", c.slug()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
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
                    let s = UrlState { lang, theme, embed };
                    assert_eq!(from_query(&to_query(&s)), (s, vec![]));
                }
            }
        }
        assert_eq!(to_query(&UrlState::default()), "");
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
    }
}
