//! URL state: the page's query string ⇄ [`UrlState`]. Pure; unknown or invalid parameters fall
//! back to defaults and are reported, never fatal.

use crate::i18n::Lang;

/// What the address holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UrlState {
    /// `None`: follow the browser's language.
    pub lang: Option<Lang>,
}

/// Parses a query string (`?lang=en&x=1`). Returns the state and the names of parameters that
/// were ignored because their value was invalid.
pub fn from_query(query: &str) -> (UrlState, Vec<String>) {
    let mut state = UrlState::default();
    let mut ignored = Vec::new();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "lang" {
            match Lang::from_code(value) {
                Some(l) => state.lang = Some(l),
                None => ignored.push(key.to_string()),
            }
        }
    }
    (state, ignored)
}

/// The query string for `state` (defaults omitted), with a leading `?` unless empty.
pub fn to_query(state: &UrlState) -> String {
    match state.lang {
        Some(l) => format!("?lang={}", l.code()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for s in
            [UrlState { lang: None }, UrlState { lang: Some(Lang::En) }, UrlState { lang: Some(Lang::Zh) }]
        {
            assert_eq!(from_query(&to_query(&s)).0, s);
        }
    }

    #[test]
    fn junk_falls_back_to_defaults() {
        assert_eq!(from_query("?lang=xx&foo=bar&&="), (UrlState::default(), vec!["lang".to_string()]));
        assert_eq!(from_query("lang=en-GB").0.lang, Some(Lang::En));
        assert_eq!(from_query("?lang=%3Cscript%3E").0, UrlState::default());
    }
}
