//! The source line under a chart; opening it lists every drawn figure with its value,
//! period, formula (for derived figures), the exact quote and the source's details.

use yew::prelude::*;

use super::Shared;

use crate::chart::ChartModel;
use crate::data::Dataset;
use crate::format::{figure_value, period, Style};
use crate::i18n::Text;

#[derive(Properties, PartialEq)]
pub struct SourceNotesProps {
    pub model: Shared<ChartModel>,
    pub dataset: Shared<Dataset>,
}

#[component]
pub fn SourceNotes(props: &SourceNotesProps) -> Html {
    let m = &props.model;
    let ds = &props.dataset;
    let l = m.lang;
    let items = m.figures.iter().filter_map(|id| ds.figure(id)).map(|f| {
        let source = ds.source(&f.source);
        let derived = f.is_derived().then(|| html! {
            <p class="formula"><span class="tag">{ Text::Derived.t(l) }</span>{ format!(" {}: {}", Text::FormulaLabel.t(l), f.formula_text) }</p>
        });
        html! {
            <li id={format!("fig-{}", f.id)}>
                <p class="figure-line">
                    <strong>{ figure_value(f, l, Style::Full) }</strong>
                    { format!(" · {} · {} · {}", ds.name("metric", &f.metric, l), ds.name("scope", &f.scope, l), period(&f.period, l)) }
                </p>
                { for derived }
                <blockquote lang="zh">{ &f.quote }</blockquote>
                if let Some(s) = source {
                    <p class="source-detail">
                        { format!("{}: ", Text::SourceLabel.t(l)) }
                        if s.url.is_empty() {
                            <cite>{ &s.title }</cite>
                        } else {
                            <a href={s.url.clone()} rel="noopener noreferrer" target="_blank"><cite>{ &s.title }</cite></a>
                        }
                        { format!(" · {}", s.publisher) }
                        if !s.date.is_empty() { { format!(" · {}", s.date) } }
                    </p>
                }
                if !f.note.is_empty() {
                    <p class="note">{ format!("{}: {}", Text::NoteLabel.t(l), f.note) }</p>
                }
            </li>
        }
    });
    html! {
        <details class="source-notes">
            <summary>
                <span class="source-line">{ &m.source_line }</span>
                <span class="source-toggle">{ Text::SourcesDetails.t(l) }</span>
            </summary>
            <ol class="figure-list">{ for items }</ol>
        </details>
    }
}
