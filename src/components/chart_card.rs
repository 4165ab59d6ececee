//! One chart: title, subtitle, the canvas (legend drawn inside it) and the source notes.

use yew::prelude::*;

use super::Shared;

use super::chart_canvas::ChartCanvas;
use super::source_notes::SourceNotes;
use crate::chart::ChartModel;
use crate::data::Dataset;
use crate::i18n::Text;

#[derive(Properties, PartialEq)]
pub struct ChartCardProps {
    pub model: Shared<ChartModel>,
    pub dataset: Shared<Dataset>,
    pub on_drawn: Callback<String>,
}

#[component]
pub fn ChartCard(props: &ChartCardProps) -> Html {
    let error = use_state(|| None::<String>);
    let on_error = {
        let error = error.clone();
        Callback::from(move |e: String| error.set(Some(e)))
    };
    let on_drawn = {
        let error = error.clone();
        let cb = props.on_drawn.clone();
        Callback::from(move |slug: String| {
            if error.is_some() {
                error.set(None);
            }
            cb.emit(slug)
        })
    };
    let m = &props.model;
    let slug = m.id.slug();
    let heading_id = format!("{slug}-title");
    html! {
        <article class="chart-card" id={slug} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ &m.title }</h3>
            <p class="subtitle">{ &m.subtitle }</p>
            <ChartCanvas model={m.clone()} {on_drawn} {on_error} />
            if let Some(e) = (*error).clone() {
                <p class="chart-error" role="alert">{ format!("{}: {e}", Text::ChartFailed.t(m.lang)) }</p>
            }
            <SourceNotes model={m.clone()} dataset={props.dataset.clone()} />
        </article>
    }
}
