//! The zh / en switch.

use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The current language.
    pub lang: Lang,
    /// Called when the reader asks for the other language.
    pub on_switch: Callback<()>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let onclick = {
        let cb = props.on_switch.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let other = props.lang.other();
    html! {
        <button type="button" class="switch lang-switch" {onclick}
            lang={if other == Lang::Zh { "zh-CN" } else { "en" }}
            aria-label={Text::SwitchLanguageLabel.t(props.lang)}>
            { Text::SwitchLanguage.t(props.lang) }
        </button>
    }
}
