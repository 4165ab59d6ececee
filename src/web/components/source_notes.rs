//! The source line under a chart; opening it lists every drawn figure with its value,
//! period, formula (for derived figures), the exact quote and the source's details.

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

#[component]
pub fn SourceNotes(props: &SourceNotesProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    let slug = m.id.slug();
    let items = m.details.iter().map(|d| {
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
    html! {
        <details class="source-notes" id={format!("{slug}-sources")}>
            <summary>
                <span class="source-line">{ &m.source_line }</span>
                <span class="source-toggle">{ Text::SourcesDetails.t(l) }</span>
            </summary>
            <ol class="figure-list">{ for items }</ol>
        </details>
    }
}
