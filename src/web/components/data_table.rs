//! A chart's figures as a table: exactly the figures it draws, with qualifiers, periods and
//! sources, in the current language.

use yew::prelude::*;

use super::Shared;
use crate::chart::ChartModel;
use crate::i18n::{Lang, Text};

/// A "find this figure" button (none without a callback).
pub fn find_button(on_find: &Option<Callback<String>>, figure: &str, l: Lang) -> Html {
    let Some(on_find) = on_find.clone() else { return Html::default() };
    let figure = figure.to_string();
    let onclick = Callback::from(move |_: MouseEvent| on_find.emit(figure.clone()));
    html! { <>{ " " }<button type="button" class="link-button find-figure" {onclick}>{ Text::FinderFindThis.t(l) }</button></> }
}

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub model: Shared<ChartModel>,
    /// "Find this figure" (the finder opens it), with the figure's id.
    #[prop_or_default]
    pub on_find: Option<Callback<String>>,
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={m.title.clone()}>
            <table class="data-table">
                <caption class="visually-hidden">{ &m.title }</caption>
                <thead>
                    <tr>
                        { for [Text::ColMetric, Text::ColScope, Text::ColPeriod, Text::ColValue, Text::ColKind, Text::ColSource]
                            .iter()
                            .map(|t| html! { <th scope="col">{ t.t(l) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for m.details.iter().map(|d| html! {
                        <tr data-figure={d.figure.clone()}>
                            <th scope="row">{ &d.metric }</th>
                            <td>{ &d.scope }</td>
                            <td>{ &d.period }</td>
                            <td class="num">{ &d.value }</td>
                            <td>{ if d.derived { Text::Derived.t(l) } else { Text::KindPublished.t(l) } }</td>
                            <td>
                                { &d.source_name }
                                if !d.computation.is_empty() {
                                    <span class="computation">{ format!(" · {}", d.computation) }</span>
                                }
                                { find_button(&props.on_find, &d.figure, l) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
