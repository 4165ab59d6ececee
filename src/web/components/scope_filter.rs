//! The filter box of the 片区 chart: shown when imports brought scopes, it narrows the
//! imported scopes the chart draws to those whose key or name contains the text (the chart
//! draws at most `chart::spec::SHOWN_SCOPES` of them and counts the rest).

use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct ScopeFilterProps {
    pub lang: Lang,
    pub value: String,
    pub on_change: Callback<String>,
}

#[component]
pub fn ScopeFilter(props: &ScopeFilterProps) -> Html {
    let l = props.lang;
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_change.emit(input.value());
            }
        })
    };
    html! {
        <p class="scope-filter">
            <label>
                { Text::ScopeFilterLabel.t(l) }{ " " }
                <input type="search" class="scope-filter-input" value={props.value.clone()} {oninput}
                    placeholder={Text::ScopeFilterPlaceholder.t(l)} />
            </label>
        </p>
    }
}
