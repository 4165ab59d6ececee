//! The download menu of a chart: PNG at 2× and 4×, CSV and JSON, in the current language and
//! theme.

use yew::prelude::*;

use super::Shared;
use crate::chart::ChartModel;
use crate::download::{export, Format};
use crate::i18n::Text;

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub model: Shared<ChartModel>,
    pub dark: bool,
    /// Called with a message when an export could not start.
    pub on_error: Callback<String>,
}

#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let l = props.model.lang;
    let menu = use_node_ref();
    let items = [
        (Format::Png(2), Text::ExportPng2),
        (Format::Png(4), Text::ExportPng4),
        (Format::Csv, Text::ExportCsv),
        (Format::Json, Text::ExportJson),
    ];
    html! {
        <details class="export-menu" ref={menu.clone()}>
            <summary class="switch" aria-label={Text::DownloadLabel.t(l)}>{ Text::Download.t(l) }</summary>
            <div class="export-items">
                { for items.iter().map(|&(format, text)| {
                    let model = props.model.clone();
                    let dark = props.dark;
                    let on_error = props.on_error.clone();
                    let menu = menu.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        if let Err(e) = export(&model, format, dark) {
                            on_error.emit(e);
                        }
                        // Close the menu once a choice is made.
                        if let Some(details) = menu.cast::<web_sys::Element>() {
                            let _ = details.remove_attribute("open");
                        }
                    });
                    html! { <button type="button" class="export-item" {onclick}>{ text.t(l) }</button> }
                }) }
            </div>
        </details>
    }
}
