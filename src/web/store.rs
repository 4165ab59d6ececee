//! The page state ([`crate::state`]) in Yew: the reducer for `use_reducer`, and the state a page
//! starts in, from the address, the browser's preferences and its storage.

use std::rc::Rc;

use yew::{Reducible, UseReducerDispatcher};

use crate::data::{Dataset, Issue};
use crate::i18n::Lang;
use crate::shared::Shared;
use crate::state::{reduce, restore, Action, Prefs, State};
use crate::url::Theme;

impl Reducible for State {
    type Action = Action;

    /// The same `Rc` when nothing changed, so the page does not render again.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = reduce((*self).clone(), action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What components dispatch page actions with.
pub type Dispatch = UseReducerDispatcher<State>;

/// The browser's language and colour scheme.
pub fn prefs() -> Prefs {
    let window = web_sys::window();
    let lang = window
        .as_ref()
        .and_then(|w| w.navigator().language())
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
    let dark = window
        .as_ref()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    Prefs { lang, theme: if dark { Theme::Dark } else { Theme::Light } }
}

/// The state the page opens in: the address's, with the imports kept in this browser restored
/// (`saved`, when the reader chose to keep them).
pub fn initial(
    query: &str,
    base: &Result<Shared<Dataset>, Vec<Issue>>,
    saved: Option<&[(String, String)]>,
) -> State {
    let state = State::from_url(query, prefs());
    match (base, saved) {
        (Ok(base), Some(saved)) => reduce(state, restore(base, saved)),
        _ => state,
    }
}
