//! The light / dark switch.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::url::Theme;

#[derive(Properties, PartialEq)]
pub struct ThemeSwitchProps {
    pub lang: Lang,
    /// The current theme.
    pub theme: Theme,
    /// Called when the reader asks for the other theme.
    pub on_switch: Callback<()>,
}

#[component]
pub fn ThemeSwitch(props: &ThemeSwitchProps) -> Html {
    let onclick = {
        let cb = props.on_switch.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let (text, label) = match props.theme {
        Theme::Light => (Text::ThemeToDark, Text::ThemeToDarkLabel),
        Theme::Dark => (Text::ThemeToLight, Text::ThemeToLightLabel),
    };
    html! {
        <button type="button" class="switch" {onclick} aria-label={label.t(props.lang)}>
            { text.t(props.lang) }
        </button>
    }
}
