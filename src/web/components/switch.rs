//! A button that switches a page-wide setting (language, theme).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    /// What the button says (the setting it switches to).
    pub text: &'static str,
    /// Its accessible name (what pressing it does).
    pub label: &'static str,
    /// Extra class (`lang-switch`, `theme-switch`).
    pub class: &'static str,
    /// The language the text is in, when it differs from the page's (`English` on a Chinese page).
    #[prop_or_default]
    pub text_lang: Option<&'static str>,
    /// Called when pressed.
    pub on_switch: Callback<()>,
}

#[component]
pub fn Switch(props: &SwitchProps) -> Html {
    let onclick = {
        let cb = props.on_switch.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <button type="button" class={format!("switch {}", props.class)} {onclick}
            lang={props.text_lang} aria-label={props.label}>
            { props.text }
        </button>
    }
}
