//! The download menu of a chart: PNG at 2× and 4×, CSV and JSON, in the current language and
//! theme.

use yew::prelude::*;

use super::Shared;
use crate::chart::ChartModel;
use crate::data::Dataset;
use crate::i18n::Text;
use crate::url::Theme;
use crate::web::download::{export, Format};

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub model: Shared<ChartModel>,
    pub theme: Theme,
    /// Called with a message when an export could not start.
    pub on_error: Callback<String>,
    /// The dataset the model was built from: the CSV and JSON exports spell out the figures of
    /// the scopes the 片区 chart does not draw (`ChartModel::rest`) from it.
    #[prop_or_default]
    pub dataset: Option<Shared<Dataset>>,
}

#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let l = props.model.lang;
    let menu = use_node_ref();
    // Local, not page state: whether the embed code is shown (like the menu's own open state).
    let show_embed = use_state(|| false);
    let toggle_embed = {
        let show_embed = show_embed.clone();
        Callback::from(move |_: MouseEvent| show_embed.set(!*show_embed))
    };
    let snippet = embed_snippet(&props.model);
    let items = [
        (Format::Png(1), Text::ExportPng1),
        (Format::Png(2), Text::ExportPng2),
        (Format::Png(4), Text::ExportPng4),
        (Format::Slide(1920, 1080), Text::ExportSlide1080),
        (Format::Slide(1280, 720), Text::ExportSlide720),
        (Format::Svg, Text::ExportSvg),
        (Format::Pptx, Text::ExportPptx),
        (Format::CopyImage, Text::CopyImage),
        (Format::Csv, Text::ExportCsv),
        (Format::Json, Text::ExportJson),
    ];
    html! {
        <details class="export-menu" ref={menu.clone()}>
            <summary class="switch" aria-label={Text::DownloadLabel.t(l)}>{ Text::Download.t(l) }</summary>
            <div class="export-items">
                { for items.iter().map(|&(format, text)| {
                    let model = props.model.clone();
                    let dataset = props.dataset.clone();
                    let theme = props.theme;
                    let on_error = props.on_error.clone();
                    let menu = menu.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        let full = match (&dataset, format) {
                            (Some(ds), Format::Csv | Format::Json) if !model.rest.is_empty() => {
                                Shared::new(model.with_rest_details(ds))
                            }
                            _ => model.clone(),
                        };
                        if let Err(e) = export(&full, format, theme, on_error.clone()) {
                            on_error.emit(e);
                        }
                        // Close the menu once a choice is made.
                        if let Some(details) = menu.cast::<web_sys::Element>() {
                            let _ = details.remove_attribute("open");
                        }
                    });
                    html! { <button type="button" class="export-item" {onclick}>{ text.t(l) }</button> }
                }) }
                <button type="button" class="export-item" aria-expanded={show_embed.to_string()} onclick={toggle_embed}>
                    { Text::EmbedCode.t(l) }
                </button>
                if *show_embed {
                    <textarea class="embed-code" readonly=true rows="5" aria-label={Text::EmbedCodeLabel.t(l)}
                        value={snippet} />
                }
            </div>
        </details>
    }
}

/// The `<iframe>` snippet for this chart in this language (and `embed.js`, which sizes it).
fn embed_snippet(model: &ChartModel) -> String {
    let location = web_sys::window().map(|w| w.location());
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_else(|| "/".into());
    let base = format!("{origin}{}", path.trim_end_matches("index.html"));
    let title = model.title.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe data-ftz-atlas src=\"{base}?embed={}&amp;lang={}\" title=\"{title}\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>\n<script src=\"{base}embed.js\" defer></script>",
        model.id.slug(),
        model.lang.code()
    )
}
