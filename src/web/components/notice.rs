//! A short notice at the top of the page (an ignored address parameter, figures that could not
//! be restored), with a button to dismiss it.

use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub text: String,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let dismiss = {
        let cb = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="notice" role="status">
            <span>{ props.text.clone() }</span>
            <button class="switch" onclick={dismiss}>{ Text::NoticeDismiss.t(props.lang) }</button>
        </div>
    }
}
