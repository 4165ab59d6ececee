//! The source line under a chart; opening it lists every drawn figure with its value,
//! period, formula (for derived figures), the exact quote and the source's details. A long list
//! (the 片区 chart draws 6,000 figures of 40 imported scopes × 150 years) is added `CHUNK`
//! entries a task, each chunk its own component: at once it made the chart's update a
//! second-long task.

use yew::prelude::*;

use super::data_table::find_button;
use super::Shared;
use crate::chart::ChartModel;
use crate::i18n::{colon, Text};

#[derive(Properties, PartialEq)]
pub struct SourceNotesProps {
    pub model: Shared<ChartModel>,
    /// "Find this figure" (the finder opens it), with the figure's id.
    #[prop_or_default]
    pub on_find: Option<Callback<String>>,
}

/// The element id of a figure's entry in a chart's source notes.
pub fn note_id(chart: &str, figure: &str) -> String {
    format!("{chart}-fig-{figure}")
}

/// Entries listed in one task.
const CHUNK: usize = 400;

#[derive(Properties, PartialEq)]
struct ChunkProps {
    model: Shared<ChartModel>,
    from: usize,
    on_find: Option<Callback<String>>,
}

#[component]
pub fn SourceNotes(props: &SourceNotesProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    let slug = m.id.slug();
    // How many entries are listed, for which model: a new model starts again at one chunk.
    let listed = use_state(|| (props.model.clone(), CHUNK));
    let upto = if listed.0 == props.model { listed.1 } else { CHUNK };
    let total = m.details.len();
    // The model of the latest render: a step for an older one is dropped.
    let current = use_mut_ref(|| props.model.clone());
    *current.borrow_mut() = props.model.clone();
    {
        let listed = listed.clone();
        let model = props.model.clone();
        use_effect_with((props.model.clone(), upto), move |&(_, upto)| {
            if upto < total {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::web::tick::breathe().await;
                    if *current.borrow() == model {
                        listed.set((model, upto + CHUNK));
                    }
                });
            } else if listed.0 != model {
                listed.set((model, upto));
            }
        });
    }
    let chunks = (0..total.min(upto)).step_by(CHUNK).map(|from| {
        html! { <NotesChunk key={from} model={props.model.clone()} {from} on_find={props.on_find.clone()} /> }
    });
    html! {
        <details class="source-notes" id={format!("{slug}-sources")}>
            <summary>
                <span class="source-line">{ &m.source_line }</span>
                <span class="source-toggle">{ Text::SourcesDetails.t(l) }</span>
            </summary>
            <ol class="figure-list">{ for chunks }</ol>
        </details>
    }
}

/// Entries `from..from + CHUNK` of the list.
#[component]
fn NotesChunk(props: &ChunkProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    let slug = m.id.slug();
    let items = m.details.iter().skip(props.from).take(CHUNK).map(|d| {
        html! {
            <li id={note_id(slug, &d.figure)} tabindex="-1">
                <p class="figure-line">
                    <strong>{ &d.value }</strong>
                    { format!(" · {} · {} · {}", d.metric, d.scope, d.period) }
                </p>
                if d.derived {
                    <p class="formula"><span class="tag">{ Text::Derived.t(l) }</span>{ format!(" {}{}{}", Text::FormulaLabel.t(l), colon(l), d.formula) }</p>
                }
                if !d.computation.is_empty() {
                    <p class="computation">{ &d.computation }</p>
                }
                if !d.quote.is_empty() {
                    <blockquote lang={if d.imported { None } else { Some("zh") }}>{ &d.quote }</blockquote>
                }
                <p class="source-detail">
                    { format!("{}{}", Text::SourceLabel.t(l), colon(l)) }
                    if d.imported {
                        <cite>{ &d.source_name }</cite>
                    } else if d.url.is_empty() {
                        <cite>{ &d.source_title }</cite>
                    } else {
                        <a href={d.url.clone()} rel="noopener noreferrer" target="_blank"><cite>{ &d.source_title }</cite></a>
                    }
                    if !d.publisher.is_empty() { { format!(" · {}", d.publisher) } }
                    if !d.published.is_empty() { { format!(" · {}", d.published) } }
                </p>
                if !d.note.is_empty() {
                    <p class="note">{ format!("{}{}{}", Text::NoteLabel.t(l), colon(l), d.note) }</p>
                }
                <p>{ find_button(&props.on_find, &d.figure, l) }</p>
            </li>
        }
    });
    html! { <>{ for items }</> }
}
